/**
 * The output workbook: the user's package part for part — every part copied as it is stored, byte-identical —
 * plus the three result sheets (the review list, the summary and its chart, the calculation appendix), with only workbook.xml, its relationships,
 * [Content_Types].xml and styles.xml edited to list them. An earlier run's result sheets are replaced only
 * when marker and content both said they are ours (read-input.ts).
 */
import {
  APPENDIX_MARKER_NAME,
  APPENDIX_SHEET,
  DisplayLanguage,
  PaperMeta,
  RESULTS_MARKER_NAME,
  RESULTS_SHEET,
  SUMMARY_MARKER_NAME,
  SUMMARY_SHEET,
  ScreeningResult,
  appendixLayout,
  freeSheetName,
  quotedSheet,
  reviewListLayout,
  AppendixLayout,
  ReviewListLayout,
  columnLetters,
  resultsColumns,
  localIsoDate,
  printFooter,
} from "../core";
import { basename } from "path";
import { InputWorkbook } from "./read-input";
import { OpenPackage, normalisePartName } from "./xlsx/package-reader";
import { PackageWriter } from "./xlsx/package-writer";
import { NewRelationship, listRelationships, parseWorkbook, patchRelationships, patchStyles, patchWorkbook } from "./xlsx/patch-parts";
import { Flavour, inFlavour } from "./xlsx/namespaces";
import { decodePart } from "./xlsx/xml-text";
import { resolvePart } from "./xlsx/read-workbook";
import { PrintSpec, sheetXml } from "./xlsx/sheet-writer";
import { STYLES, StyleKey, flavoured, relativeTarget } from "./sheet-styles";
import { summarySheet, writeSummary } from "./summary-sheet";
export { relativeTarget } from "./sheet-styles";
import { AppendixSpool, appendixSheet, reviewListSheet } from "./review-sheets";
import { NewParts, OurSheet, droppedParts, editContentTypes, newPartNames } from "./xlsx/output-parts";

const MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 };

export interface WrittenSheets {
  results: string;
  summary: string;
  appendix: string;
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
  /** The 筛查日期 printed on the review list, YYYY-MM-DD: by default HLJ_SCREEN_DATE, else today's local date. */
  date?: string;
}

/** The day of the run as the review list prints it: HLJ_SCREEN_DATE when set (reproducible outputs), else today. */
export function screeningDate(now = new Date(), env: NodeJS.ProcessEnv = process.env): string {
  const fixed = env.HLJ_SCREEN_DATE;
  if (fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed)) return fixed;
  return localIsoDate(now);
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
  const ourSheets = [input.ours.results, input.ours.summary, input.ours.appendix].filter((s): s is OurSheet => s !== null);
  const replaced = new Set(ourSheets.map((s) => s.name));
  const keptNames = structure.sheets.map((s) => s.name).filter((n) => !replaced.has(n));
  const resultsName = freeSheetName(RESULTS_SHEET, keptNames);
  const summaryName = freeSheetName(SUMMARY_SHEET, [...keptNames, resultsName]);
  const appendixName = freeSheetName(APPENDIX_SHEET, [...keptNames, resultsName, summaryName]);

  const meta: PaperMeta = { date: options.date ?? screeningDate(), reportingUnit: result.reportingUnit ?? null };
  const list = reviewListLayout(result, options.language, meta);
  const annex = appendixLayout(result, options.language, meta);
  const dropped = await droppedParts(pkg, ourSheets);
  const parts = newPartNames(pkg, dropped, structure.stylesPart);
  const spool = new AppendixSpool();
  try {
    const print: PrintSpec = {
      landscape: true,
      fit: "width",
      footer: printFooter(result.policy.id, options.language),
      margins: MARGINS,
    };
    const columns = resultsColumns(result.rows, options.language).columns.length;
    const lastRow = Math.max(list.headerRow, list.firstDataRow + result.rows.length - 1);
    const edited = await editPackageParts(pkg, input, ourSheets, dropped, parts, {
      sheets: { results: resultsName, summary: summaryName, appendix: appendixName },
      filterRange: `$A$${list.headerRow}:$${columnLetters(columns)}$${lastRow}`,
      list,
      annex,
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

    const { flavour, style } = edited;
    const results = reviewListSheet(result, options.language, list, { layout: annex, spool }, style, print, options);
    await writer.add(parts.results, flavoured(sheetXml(results.spec), flavour));
    await writer.add(
      parts.appendix,
      flavoured(sheetXml(appendixSheet(annex, options.language, spool, style, print, results.appendixWidths)), flavour),
    );
    await writeSummary(writer, parts, flavour, summarySheet(result, options.language, options.inputName, style, print, summaryName));
    writer.finish();
  } finally {
    spool.close();
  }
  return { results: resultsName, summary: summaryName, appendix: appendixName };
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
  names: { sheets: WrittenSheets; filterRange: string; list: ReviewListLayout; annex: AppendixLayout; outputName?: string },
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
  const appendixRel = newId();
  const worksheet = `${flavour.relationshipTypes}/worksheet`;
  const addRels: NewRelationship[] = [
    { id: resultsRel, type: worksheet, target: relative(parts.results) },
    { id: summaryRel, type: worksheet, target: relative(parts.summary) },
    { id: appendixRel, type: worksheet, target: relative(parts.appendix) },
  ];
  if (!structure.stylesPart) addRels.push({ id: newId(), type: `${flavour.relationshipTypes}/styles`, target: relative(parts.styles) });

  const sheetId = Math.max(0, ...structure.sheets.map((s) => s.sheetId)) + 1;
  const { sheets } = names;
  const workbookXml = patchWorkbook(workbook.text, {
    removeRelationshipIds: removedRelIds,
    replaceNames: [RESULTS_MARKER_NAME, SUMMARY_MARKER_NAME, APPENDIX_MARKER_NAME],
    addSheets: [
      { name: sheets.results, sheetId, relationshipId: resultsRel },
      { name: sheets.summary, sheetId: sheetId + 1, relationshipId: summaryRel },
      { name: sheets.appendix, sheetId: sheetId + 2, relationshipId: appendixRel },
    ],
    addNames: (positionOf) => ourNames(sheets, names, positionOf),
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

/**
 * The workbook names of our sheets: each marker (A1 of its sheet), the review list's autofilter, and the print
 * area and the header row repeated on every page of the list and of the appendix.
 */
function ourNames(
  sheets: WrittenSheets,
  names: { filterRange: string; list: ReviewListLayout; annex: AppendixLayout },
  positionOf: (sheet: string) => number,
) {
  const at = (sheet: string, range: string) => `${quotedSheet(sheet)}!${range}`;
  const { list, annex } = names;
  return [
    { name: RESULTS_MARKER_NAME, formula: at(sheets.results, "$A$1") },
    { name: SUMMARY_MARKER_NAME, formula: at(sheets.summary, "$A$1") },
    { name: APPENDIX_MARKER_NAME, formula: at(sheets.appendix, "$A$1") },
    {
      name: "_xlnm._FilterDatabase",
      localSheetId: positionOf(sheets.results),
      hidden: true,
      formula: at(sheets.results, names.filterRange),
    },
    { name: "_xlnm.Print_Area", localSheetId: positionOf(sheets.results), formula: at(sheets.results, list.printArea) },
    {
      name: "_xlnm.Print_Titles",
      localSheetId: positionOf(sheets.results),
      formula: at(sheets.results, `$${list.headerRow}:$${list.headerRow}`),
    },
    { name: "_xlnm.Print_Area", localSheetId: positionOf(sheets.appendix), formula: at(sheets.appendix, annex.printArea) },
    {
      name: "_xlnm.Print_Titles",
      localSheetId: positionOf(sheets.appendix),
      formula: at(sheets.appendix, `$${annex.headerRow}:$${annex.headerRow}`),
    },
  ];
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
