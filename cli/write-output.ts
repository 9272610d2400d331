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
  quotedSheet,
  resultRowCells,
  resultsColumns,
  summaryModel,
} from "../core";
import { basename } from "path";
import { InputWorkbook } from "./read-input";
import { OpenPackage, normalisePartName } from "./xlsx/package-reader";
import { PackageWriter } from "./xlsx/package-writer";
import {
  NewRelationship,
  StyleDef,
  listRelationships,
  parseWorkbook,
  patchRelationships,
  patchStyles,
  patchWorkbook,
} from "./xlsx/patch-parts";
import { Flavour, inFlavour } from "./xlsx/namespaces";
import { decodePart } from "./xlsx/xml-text";
import { relsPartOf, resolvePart } from "./xlsx/read-workbook";
import { PrintSpec, RenderedRows, RowSpec, SheetSpec, sheetXml } from "./xlsx/sheet-writer";
import { renderedRows } from "./wording";
import { RowLayout, displayWidth, rowHeight } from "./result-rows";
import { chartXml, drawingXml } from "./xlsx/chart";
import { NewParts, OurSheet, droppedParts, editContentTypes, newPartNames, printFooterWithin } from "./xlsx/output-parts";

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

export interface OutputOptions {
  fd: number;
  language: DisplayLanguage;
  inputName: string;
  /** The output file's name: its extension decides between the workbook and the template content type. */
  outputName?: string;
  onProgress?: (done: number, total: number) => void;
  /** The rows' JSON lines, block by block in order (renderBlock's UTF-8), for the JSON written beside the workbook. */
  onJson?: (block: Uint8Array) => void;
}

/** The names writeOutput is told: the input's file name (for the summary), the output's path (for its type). */
export const fileNames = (input: string, output: string) => ({ inputName: basename(input), outputName: output });

export async function writeOutput(
  pkg: OpenPackage,
  input: InputWorkbook,
  result: ScreeningResult,
  options: OutputOptions,
): Promise<WrittenSheets> {
  const { structure } = input;
  const ourSheets = [input.ours.results, input.ours.summary].filter((s): s is OurSheet => s !== null);
  const replaced = new Set(ourSheets.map((s) => s.name));
  const keptNames = structure.sheets.map((s) => s.name).filter((n) => !replaced.has(n));
  const resultsName = freeSheetName(RESULTS_SHEET, keptNames);
  const summaryName = freeSheetName(SUMMARY_SHEET, [...keptNames, resultsName]);

  const dropped = await droppedParts(pkg, ourSheets);
  const parts = newPartNames(pkg, dropped, structure.stylesPart);
  const table = resultsColumns(result.rows, options.language);
  const edited = await editPackageParts(pkg, input, ourSheets, dropped, parts, {
    resultsName,
    summaryName,
    filterRange: `$A$1:$${columnLetters(table.columns.length)}$${result.rows.length + 1}`,
    outputName: options.outputName,
  });
  // The calculation chain may have joined the dropped parts.
  const droppedKeys = new Set([...dropped].map(normalisePartName));

  const writer = new PackageWriter(options.fd);
  const patched = edited.patched;
  for (const [key, part] of pkg.parts) {
    if (droppedKeys.has(key)) continue;
    const replacement = patched.get(key);
    if (replacement !== undefined) {
      await writer.add(part.name, replacement);
      patched.delete(key);
    } else await writer.copyStored(part.entry, await pkg.rawStream(part.name));
  }
  for (const [key, content] of patched) await writer.add(key === normalisePartName(parts.styles) ? parts.styles : key, content);

  const print: PrintSpec = {
    landscape: true,
    fit: "width",
    footer: printFooterWithin(result.policy.id, options.language),
    margins: MARGINS,
  };
  const { flavour, style } = edited;
  const results = resultsSheet(table, result, options.language, style, print, options.onProgress, options.onJson);
  await writer.add(parts.results, flavoured(sheetXml(results), flavour));
  await writeSummary(writer, parts, flavour, summarySheet(result, options.language, options.inputName, style, print, summaryName));
  writer.finish();
  return { results: resultsName, summary: summaryName };
}

/** The summary sheet, its drawing and its chart, with their relationships. */
async function writeSummary(
  writer: PackageWriter,
  parts: NewParts,
  flavour: Flavour,
  summary: ReturnType<typeof summarySheet>,
): Promise<void> {
  const rel = (type: string, from: string, to: string) =>
    patchRelationships(null, [], [{ id: "rId1", type: `${flavour.relationshipTypes}/${type}`, target: relativeTarget(from, to) }]);
  await writer.add(parts.summary, flavoured(sheetXml(summary.spec), flavour));
  await writer.add(relsPartOf(parts.summary), rel("drawing", parts.summary, parts.drawing));
  await writer.add(parts.drawing, inFlavour(drawingXml(summary.chart.anchor, summary.chart.title, "rId1"), flavour));
  await writer.add(relsPartOf(parts.drawing), rel("chart", parts.drawing, parts.chart));
  await writer.add(parts.chart, inFlavour(chartXml(summary.chart), flavour));
}

/** A sheet's chunks in the workbook's flavour: the namespaces are declared in the first chunk only. */
async function* flavoured(chunks: AsyncGenerator<string | Uint8Array>, flavour: Flavour): AsyncGenerator<string | Uint8Array> {
  let first = true;
  for await (const chunk of chunks) {
    yield first && typeof chunk === "string" ? inFlavour(chunk, flavour) : chunk;
    first = false;
  }
}

/**
 * The edited workbook.xml, its relationships, styles.xml and [Content_Types].xml (each in its own encoding),
 * by part key. When a sheet is replaced, the calculation chain goes too (added to `dropped`): it may list
 * cells of the removed sheet, and Excel rebuilds a missing chain on opening without a word, while a chain
 * naming a sheet that is gone makes it repair the file.
 */
async function editPackageParts(
  pkg: OpenPackage,
  input: InputWorkbook,
  ourSheets: readonly OurSheet[],
  dropped: Set<string>,
  parts: NewParts,
  names: { resultsName: string; summaryName: string; filterRange: string; outputName?: string },
): Promise<{ patched: Map<string, Buffer>; flavour: Flavour; style: (key: StyleKey) => number }> {
  const { structure } = input;
  const workbook = decodePart(await pkg.read(structure.workbookPart), structure.workbookPart);
  const { flavour } = parseWorkbook(workbook.text);
  const rels = decodePart(await pkg.read(structure.workbookRelsPart), structure.workbookRelsPart);
  const removedRelIds = ourSheets.map((s) => s.relationshipId);
  const existing = listRelationships(rels.text);
  if (ourSheets.length) {
    for (const calcChain of existing.filter((r) => !r.external && r.type.endsWith("/calcChain"))) {
      removedRelIds.push(calcChain.id);
      dropped.add(resolvePart(structure.workbookPart, calcChain.target));
    }
  }
  const usedIds = new Set(existing.map((r) => r.id));
  const newId = () => {
    let n = 1;
    while (usedIds.has(`rIdHlj${n}`)) n++;
    usedIds.add(`rIdHlj${n}`);
    return `rIdHlj${n}`;
  };
  const relative = (part: string) => relativeTarget(structure.workbookPart, part);
  const resultsRel = newId();
  const summaryRel = newId();
  const addRels: NewRelationship[] = [
    { id: resultsRel, type: `${flavour.relationshipTypes}/worksheet`, target: relative(parts.results) },
    { id: summaryRel, type: `${flavour.relationshipTypes}/worksheet`, target: relative(parts.summary) },
  ];
  if (!structure.stylesPart) addRels.push({ id: newId(), type: `${flavour.relationshipTypes}/styles`, target: relative(parts.styles) });

  const sheetId = Math.max(0, ...structure.sheets.map((s) => s.sheetId)) + 1;
  const { resultsName, summaryName } = names;
  const workbookXml = patchWorkbook(workbook.text, {
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
        formula: `${quotedSheet(resultsName)}!${names.filterRange}`,
      },
      { name: "_xlnm.Print_Titles", localSheetId: positionOf(resultsName), formula: `${quotedSheet(resultsName)}!$1:$1` },
    ],
  });
  const styles = await editStyles(pkg, structure.stylesPart, flavour);
  const contentTypes = await editContentTypes(pkg, structure, dropped, parts, names.outputName);
  const patched = new Map<string, Buffer>([
    [normalisePartName("[Content_Types].xml"), contentTypes],
    [normalisePartName(structure.workbookPart), workbook.encode(workbookXml)],
    [normalisePartName(structure.workbookRelsPart), rels.encode(patchRelationships(rels.text, removedRelIds, addRels))],
    [normalisePartName(parts.styles), styles.xml],
  ]);
  return { patched, flavour, style: styles.style };
}

/** styles.xml edited in its own encoding, or a new one (in the workbook's flavour) when the workbook has none. */
async function editStyles(
  pkg: OpenPackage,
  stylesPart: string | null,
  flavour: Flavour,
): Promise<{ xml: Buffer; style: (key: StyleKey) => number }> {
  const styleKeys = Object.keys(STYLES) as StyleKey[];
  const decoded = stylesPart ? decodePart(await pkg.read(stylesPart), stylesPart) : null;
  const styles = patchStyles(
    decoded?.text ?? null,
    styleKeys.map((k) => STYLES[k as keyof typeof STYLES]),
  );
  return {
    xml: decoded ? decoded.encode(styles.xml) : Buffer.from(inFlavour(styles.xml, flavour), "utf8"),
    style: (key) => styles.ids[styleKeys.indexOf(key)],
  };
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
    const valueStyle = model.totalRows.includes(i)
      ? style("infoAmount")
      : typeof value === "number"
        ? style("infoInteger")
        : style("infoText");
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
