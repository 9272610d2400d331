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
} from "../core";
import { basename } from "path";
import { InputWorkbook } from "./read-input";
import { OpenPackage, normalisePartName } from "./xlsx/package-reader";
import { PackageWriter } from "./xlsx/package-writer";
import { NewRelationship, listRelationships, parseWorkbook, patchRelationships, patchStyles, patchWorkbook } from "./xlsx/patch-parts";
import { Flavour, inFlavour } from "./xlsx/namespaces";
import { decodePart } from "./xlsx/xml-text";
import { resolvePart } from "./xlsx/read-workbook";
import { PrintSpec, RenderedRows, RowSpec, SheetSpec, sheetXml } from "./xlsx/sheet-writer";
import { renderedRows } from "./wording";
import { STYLES, StyleKey, flavoured, relativeTarget } from "./sheet-styles";
import { summarySheet, writeSummary } from "./summary-sheet";
export { relativeTarget } from "./sheet-styles";
import { RowLayout, displayWidth } from "./result-rows";
import { NewParts, OurSheet, droppedParts, editContentTypes, newPartNames, printFooterWithin } from "./xlsx/output-parts";

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
    resultRowCells(row, measured, language, 0).forEach((value, k) => {
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
