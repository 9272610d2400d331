/**
 * The output workbook: the user's package part for part — every part copied as it is stored, byte-identical —
 * plus the two result sheets (and the summary's chart), with only workbook.xml, its relationships,
 * [Content_Types].xml and styles.xml edited to list them. An earlier run's result sheets are replaced only
 * when marker and content both said they are ours (read-input.ts).
 */
import {
  DisplayLanguage,
  RESULTS_MARKER_NAME,
  RESULTS_SHEET,
  STATUS_STYLES,
  SUMMARY_MARKER_NAME,
  SUMMARY_SHEET,
  ScreeningResult,
  columnLetters,
  freeSheetName,
  printFooter,
  quotedSheet,
  resultRowCells,
  resultsColumns,
  summaryModel,
} from "../core";
import { InputWorkbook } from "./read-input";
import { OpenPackage, normalisePartName } from "./xlsx/package-reader";
import { PackageWriter } from "./xlsx/package-writer";
import {
  NewRelationship,
  StyleDef,
  patchContentTypes,
  patchRelationships,
  patchStyles,
  patchWorkbook,
  relationshipIds,
} from "./xlsx/patch-parts";
import { readRelationships, relsPartOf } from "./xlsx/read-workbook";
import { PrintSpec, RenderedRows, RowSpec, SheetSpec, sheetXml } from "./xlsx/sheet-writer";
import { renderedRows } from "./wording";
import { RowLayout, displayWidth, rowHeight } from "./result-rows";
import { chartXml, drawingXml } from "./xlsx/chart";

const TYPES = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
};
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_TYPES = { worksheet: `${REL}/worksheet`, drawing: `${REL}/drawing`, chart: `${REL}/chart`, styles: `${REL}/styles` };

const HEADER_FILL = "1F4E79";
/** The styles the two sheets use, appended to the workbook's own (their indices are looked up by key). */
const STYLES = {
  header: { bold: true, color: "FFFFFF", fill: HEADER_FILL, wrap: true, vertical: "center", border: true },
  text: { vertical: "top", border: true },
  wrap: { vertical: "top", wrap: true, border: true },
  amount: { numberFormat: "#,##0.00", vertical: "top", border: true },
  integer: { numberFormat: "0", vertical: "top", border: true },
  title: { bold: true, size: 14 },
  blockTitle: { bold: true, size: 12 },
  label: { bold: true, vertical: "top" },
  infoText: { vertical: "top", wrap: true },
  infoAmount: { bold: true, numberFormat: "#,##0.00" },
  infoInteger: { numberFormat: "0", horizontal: "left" },
  ...Object.fromEntries(
    Object.entries(STATUS_STYLES).map(([code, s]) => [
      `status:${code}`,
      { bold: true, color: s.font, fill: s.fill, vertical: "top", border: true },
    ]),
  ),
} satisfies Record<string, StyleDef>;
type StyleKey = keyof typeof STYLES | `status:${string}`;

const MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 };

export interface WrittenSheets {
  results: string;
  summary: string;
}

export async function writeOutput(
  pkg: OpenPackage,
  input: InputWorkbook,
  result: ScreeningResult,
  options: {
    fd: number;
    language: DisplayLanguage;
    inputName: string;
    onProgress?: (done: number, total: number) => void;
    /** Called with each result row and its explanation as the results sheet is written (the JSON is written alongside). */
    /** The rows' JSON lines, block by block in order (renderBlock's UTF-8), for the JSON written beside the workbook. */
    onJson?: (block: Uint8Array) => void;
  },
): Promise<WrittenSheets> {
  const { structure } = input;
  const ourSheets = [input.ours.results, input.ours.summary].filter((s): s is NonNullable<typeof s> => s !== null);
  const replaced = new Set(ourSheets.map((s) => s.name));
  const keptNames = structure.sheets.map((s) => s.name).filter((n) => !replaced.has(n));
  const resultsName = freeSheetName(RESULTS_SHEET, keptNames);
  const summaryName = freeSheetName(SUMMARY_SHEET, [...keptNames, resultsName]);

  // Parts of the replaced sheets (and the drawings and charts only they use) are left out.
  const dropped = new Set<string>();
  for (const sheet of ourSheets) {
    dropped.add(sheet.part);
    const rels = relsPartOf(sheet.part);
    if (!pkg.parts.has(normalisePartName(rels))) continue;
    dropped.add(rels);
    for (const rel of (await readRelationships(pkg, rels, sheet.part)).values()) {
      if (rel.external || !rel.type.endsWith("/drawing")) continue;
      dropped.add(rel.target);
      const drawingRels = relsPartOf(rel.target);
      if (!pkg.parts.has(normalisePartName(drawingRels))) continue;
      dropped.add(drawingRels);
      for (const chart of (await readRelationships(pkg, drawingRels, rel.target)).values()) if (!chart.external) dropped.add(chart.target);
    }
  }
  const droppedKeys = new Set([...dropped].map(normalisePartName));

  const taken = (part: string) => pkg.parts.has(normalisePartName(part)) && !droppedKeys.has(normalisePartName(part));
  const free = (prefix: string, n = 1, also: string[] = []) => {
    while (taken(`${prefix}${n}.xml`) || also.includes(`${prefix}${n}.xml`)) n++;
    return `${prefix}${n}.xml`;
  };
  const resultsPart = free("xl/worksheets/sheet");
  const summaryPart = free("xl/worksheets/sheet", 1, [resultsPart]);
  const drawingPart = free("xl/drawings/drawing");
  const chartPart = free("xl/charts/chart");

  // workbook.xml.rels and workbook.xml
  const workbookRels = (await pkg.read(structure.workbookRelsPart)).toString("utf8");
  const usedIds = relationshipIds(workbookRels);
  const newId = (() => {
    let n = 1;
    return () => {
      while (usedIds.has(`rIdHlj${n}`)) n++;
      usedIds.add(`rIdHlj${n}`);
      return `rIdHlj${n}`;
    };
  })();
  const relative = (part: string) => relativeTarget(structure.workbookPart, part);
  const resultsRel = newId();
  const summaryRel = newId();
  const addRels: NewRelationship[] = [
    { id: resultsRel, type: REL_TYPES.worksheet, target: relative(resultsPart) },
    { id: summaryRel, type: REL_TYPES.worksheet, target: relative(summaryPart) },
  ];
  const stylesPart = structure.stylesPart ?? "xl/styles.xml";
  if (!structure.stylesPart) addRels.push({ id: newId(), type: REL_TYPES.styles, target: relative(stylesPart) });
  const removedRelIds = ourSheets.map((s) => s.relationshipId);
  const patchedRels = patchRelationships(workbookRels, removedRelIds, addRels);

  const sheetId = Math.max(0, ...structure.sheets.map((s) => s.sheetId)) + 1;
  const table = resultsColumns(result.rows, options.language);
  const lastColumn = columnLetters(table.columns.length);
  const lastRow = result.rows.length + 1;
  const workbookXml = patchWorkbook((await pkg.read(structure.workbookPart)).toString("utf8"), {
    removeRelationshipIds: removedRelIds,
    replaceNames: [RESULTS_MARKER_NAME, SUMMARY_MARKER_NAME],
    addSheets: [
      { name: resultsName, sheetId, relationshipId: resultsRel },
      { name: summaryName, sheetId: sheetId + 1, relationshipId: summaryRel },
    ],
    addNames: (positionOf) => [
      { name: RESULTS_MARKER_NAME, formula: `${quotedSheet(resultsName)}!$A$1` },
      { name: SUMMARY_MARKER_NAME, formula: `${quotedSheet(summaryName)}!$A$1` },
      {
        name: "_xlnm._FilterDatabase",
        localSheetId: positionOf(resultsName),
        hidden: true,
        formula: `${quotedSheet(resultsName)}!$A$1:$${lastColumn}$${lastRow}`,
      },
      { name: "_xlnm.Print_Titles", localSheetId: positionOf(resultsName), formula: `${quotedSheet(resultsName)}!$1:$1` },
    ],
  });

  // styles.xml
  const styleKeys = Object.keys(STYLES) as StyleKey[];
  const styles = patchStyles(
    structure.stylesPart ? (await pkg.read(structure.stylesPart)).toString("utf8") : null,
    styleKeys.map((k) => STYLES[k as keyof typeof STYLES]),
  );
  const style = (key: StyleKey) => styles.ids[styleKeys.indexOf(key)];

  // [Content_Types].xml
  const contentTypes = patchContentTypes(
    (await pkg.read("[Content_Types].xml")).toString("utf8"),
    [...dropped],
    [
      { part: resultsPart, type: TYPES.worksheet },
      { part: summaryPart, type: TYPES.worksheet },
      { part: drawingPart, type: TYPES.drawing },
      { part: chartPart, type: TYPES.chart },
      ...(structure.stylesPart ? [] : [{ part: stylesPart, type: TYPES.styles }]),
    ],
  );

  const patched = new Map<string, string>([
    [normalisePartName("[Content_Types].xml"), contentTypes],
    [normalisePartName(structure.workbookPart), workbookXml],
    [normalisePartName(structure.workbookRelsPart), patchedRels],
    [normalisePartName(stylesPart), styles.xml],
  ]);

  const writer = new PackageWriter(options.fd);
  for (const [key, part] of pkg.parts) {
    if (droppedKeys.has(key)) continue;
    const replacement = patched.get(key);
    if (replacement !== undefined) {
      await writer.add(part.name, replacement);
      patched.delete(key);
    } else await writer.copyStored(part.entry, await pkg.rawStream(part.name));
  }
  for (const [key, content] of patched) await writer.add(key === normalisePartName(stylesPart) ? stylesPart : key, content);

  const print: PrintSpec = { landscape: true, fit: "width", footer: printFooter(result.policy.id, options.language), margins: MARGINS };
  await writer.add(resultsPart, sheetXml(resultsSheet(table, result, options.language, style, print, options.onProgress, options.onJson)));
  const summary = summarySheet(result, options.language, options.inputName, style, print, summaryName);
  await writer.add(summaryPart, sheetXml(summary.spec));
  await writer.add(
    relsPartOf(summaryPart),
    patchRelationships(null, [], [{ id: "rId1", type: REL_TYPES.drawing, target: relativeTarget(summaryPart, drawingPart) }]),
  );
  await writer.add(drawingPart, drawingXml(summary.chart.anchor, summary.chart.title, "rId1"));
  await writer.add(
    relsPartOf(drawingPart),
    patchRelationships(null, [], [{ id: "rId1", type: REL_TYPES.chart, target: relativeTarget(drawingPart, chartPart) }]),
  );
  await writer.add(chartPart, chartXml(summary.chart));
  writer.finish();
  return { results: resultsName, summary: summaryName };
}

/** The target of a relationship from `source` to `part`, relative to the source's folder. */
export function relativeTarget(source: string, part: string): string {
  const from = source.split("/").slice(0, -1);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

function resultsSheet(
  table: ReturnType<typeof resultsColumns>,
  result: ScreeningResult,
  language: DisplayLanguage,
  style: (key: StyleKey) => number,
  print: PrintSpec,
  onProgress?: (done: number, total: number) => void,
  onJson?: (block: Uint8Array) => void,
): SheetSpec {
  const kinds = table.columns.map((c) => c.kind);
  const statusColumn = table.columns.findIndex((c) => c.key === "statusWord");
  const cellStyle = kinds.map((kind) =>
    style(kind === "amount" ? "amount" : kind === "integer" ? "integer" : kind === "wrap" ? "wrap" : "text"),
  );
  // Columns as wide as their header, and as their content (the first rows) up to the column's width.
  const widths = table.columns.map((c, i) => Math.max(displayWidth(table.header[i]) + 2, kinds[i] === "wrap" ? c.width : 6));
  // Only the short columns are measured (the long texts wrap): no row is worded for this.
  const measured = table.columns.filter((c) => c.kind !== "wrap");
  for (const row of result.rows.slice(0, 2000)) {
    resultRowCells(row, measured, language).forEach((value, k) => {
      const c = table.columns.indexOf(measured[k]);
      if (value === null) return;
      const shown =
        typeof value === "number"
          ? kinds[c] === "amount"
            ? value.toLocaleString("en", { minimumFractionDigits: 2 })
            : String(value)
          : value;
      widths[c] = Math.min(
        Math.max(widths[c], displayWidth(shown) + 2),
        Math.max(table.columns[c].width, displayWidth(table.header[c]) + 2),
      );
    });
  }
  const layout: RowLayout = {
    columns: table.columns,
    language,
    cellStyle,
    statusStyles: Object.fromEntries(Object.keys(STATUS_STYLES).map((code) => [code, style(`status:${code}`)])),
    statusColumn,
    widths,
    wrapped: kinds.map((kind) => kind === "wrap"),
  };
  const header = style("header");
  async function* rows(): AsyncGenerator<RowSpec | RenderedRows> {
    yield { cells: table.header.map((text) => ({ value: text, style: header })), height: 30 };
    const every = Math.max(1, Math.floor(result.rows.length / 20));
    let done = 0;
    // Worded and rendered once for both outputs (on another thread for large batches), and not kept: a
    // hundred thousand explanations would not fit in memory. Sheet row 2 is result row 0.
    for await (const block of renderedRows(result.rows, layout, 2, onJson !== undefined)) {
      if (block.json) onJson!(block.json);
      yield block;
      const before = done;
      done += block.count;
      if (onProgress && Math.floor(done / every) > Math.floor(before / every)) onProgress(done, result.rows.length);
    }
  }
  return {
    columns: widths,
    rows: rows(),
    freezeRows: 1,
    autoFilter: `A1:${columnLetters(table.columns.length)}${result.rows.length + 1}`,
    print,
  };
}

function summarySheet(
  result: ScreeningResult,
  language: DisplayLanguage,
  inputName: string,
  style: (key: StyleKey) => number,
  print: PrintSpec,
  sheetName: string,
) {
  const model = summaryModel(result, language, inputName);
  const columns = [16, 44, 9, 18];
  const rows: RowSpec[] = [{ cells: [{ value: model.title, style: style("title") }], height: 24 }, { cells: [] }];
  model.info.forEach(([label, value], i) => {
    const valueStyle = i === model.totalRow ? style("infoAmount") : typeof value === "number" ? style("infoInteger") : style("infoText");
    rows.push({
      cells: [
        { value: label, style: style("label") },
        { value, style: valueStyle },
      ],
      height: rowHeight([null, typeof value === "string" ? value : null], columns, [false, true]),
    });
  });
  const dataBars: { ref: string; color: string }[] = [];
  let chartRange: { categories: string; values: string } | null = null;
  for (const block of model.blocks) {
    rows.push({ cells: [] });
    rows.push({ cells: [{ value: block.title, style: style("blockTitle") }] });
    rows.push({ cells: block.header.map((text) => ({ value: text, style: style("header") })) });
    const first = rows.length + 1;
    for (const [label, note, count, final] of block.rows) {
      rows.push({
        cells: [
          { value: label, style: style("text") },
          { value: note, style: style("wrap") },
          { value: count, style: style("integer") },
          { value: final, style: style("amount") },
        ],
        height: rowHeight([null, note], columns, [false, true]),
      });
    }
    const last = rows.length;
    if (block.rows.length) {
      dataBars.push({ ref: `D${first}:D${last}`, color: "5B9BD5" });
      chartRange ??= { categories: `A${first}:A${last}`, values: `D${first}:D${last}` };
    }
  }
  // The summary prints on one page; the results one page wide.
  const fit: PrintSpec = { ...print, fit: "page" };
  return {
    spec: {
      columns,
      rows,
      dataBars,
      print: fit,
      drawingRelationshipId: "rId1",
    } satisfies SheetSpec,
    chart: {
      ...model.chart,
      sheet: sheetName,
      ranges: chartRange ?? { categories: "A1:A1", values: "D1:D1" },
      // To the right of the tables, rows 1–22: the summary prints on one landscape page.
      anchor: { fromColumn: 5, fromRow: 0, toColumn: 14, toRow: 22 },
    },
  };
}
