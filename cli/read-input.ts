/**
 * The input workbook as the engine takes it: every worksheet's cells (streamed from the package), the add-in's
 * own result sheets recognised by marker *and* content (never by a marker alone), and the parts that say so.
 */
import {
  APPENDIX_MARKER_NAME,
  RESULTS_MARKER_NAME,
  SUMMARY_MARKER_NAME,
  SheetInput,
  WorkbookInput,
  isOurAppendixSheet,
  isOurResultsSheet,
  isOurSummaryTitle,
  sheetOfReference,
} from "../core";
import { OpenPackage } from "./xlsx/package-reader";
import { SheetRead, WorkbookStructure, readCellFormats, readSharedStrings, readSheet, readStructure } from "./xlsx/read-workbook";

export interface InputWorkbook {
  structure: WorkbookStructure;
  /** Every worksheet read, the add-in's own included. */
  sheets: SheetRead[];
  /**
   * The add-in's earlier result sheets (marker and content agree): replaced, never read as input. A sheet whose
   * content alone is ours (no marker, or the marker names another sheet) is handed on: the screening keeps it
   * out of the applicants and says so (core/screening/own-sheets.ts).
   */
  ours: { results: SheetRead | null; summary: SheetRead | null; appendix: SheetRead | null };
  workbook: WorkbookInput;
  /** Lets the cells go (once screened): the output copies the parts as they are stored. */
  release(): void;
}

export async function readInput(pkg: OpenPackage, onSheet?: (name: string) => void): Promise<InputWorkbook> {
  const structure = await readStructure(pkg);
  const strings = await readSharedStrings(pkg, structure.sharedStringsPart);
  const formats = await readCellFormats(pkg, structure.stylesPart);
  const sheets: SheetRead[] = [];
  for (const [position, entry] of structure.sheets.entries()) {
    if (entry.part === null) continue; // chart sheets, macro sheets: nothing to screen, copied as they are
    onSheet?.(entry.name);
    sheets.push(await readSheet(pkg, { ...entry, part: entry.part }, position, strings, formats, structure.date1904));
  }
  const marked = (marker: string) => {
    const name = structure.definedNames.find((n) => n.name.toUpperCase() === marker && n.localSheetId === null);
    const sheet = name ? sheetOfReference(name.formula) : null;
    return sheets.find((s) => s.name === sheet) ?? null;
  };
  const results = marked(RESULTS_MARKER_NAME);
  const summary = marked(SUMMARY_MARKER_NAME);
  const appendix = marked(APPENDIX_MARKER_NAME);
  // The header row stands under the title and head lines since revision 3 (row 1 before it).
  const ours = {
    results: results && isOurResultsSheet(results.values) ? results : null,
    summary: summary && isOurSummaryTitle(summary.values[0]?.[0]) ? summary : null,
    appendix: appendix && appendix !== results && appendix !== summary && isOurAppendixSheet(appendix.values) ? appendix : null,
  };
  const input: SheetInput[] = sheets
    .filter((s) => s !== ours.results && s !== ours.summary && s !== ours.appendix)
    .map((s) => ({ name: s.name, values: s.values as SheetInput["values"], numberFormats: s.numberFormats }));
  return {
    structure,
    sheets,
    ours,
    workbook: { sheets: input, date1904: structure.date1904 },
    release() {
      for (const sheet of sheets) sheet.values = sheet.numberFormats = [];
      for (const sheet of input) (sheet as { values: SheetInput["values"] }).values = [];
    },
  };
}
