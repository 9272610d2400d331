/**
 * The types the screening's stages share — a workbook as hosts give it, the options, the tables found, the
 * issues and the result — kept below every stage, so that no stage imports a later one.
 */
import type { BatchResultJson } from "../words/result-json";
import type { OptionsInput } from "../options";
import type { FieldKey, HeaderUnit } from "./fields";
import type { LaidOutTable, SkippedKind } from "./layout";

export interface SheetInput {
  name: string;
  /** The sheet's cells, row by row, as Office.js `range.values` gives them. */
  values: readonly (readonly unknown[])[];
  /** Where values[0][0] sits on the sheet (1-based); default A1. */
  origin?: { row: number; column: number };
  /**
   * Number formats of the cells (same shape as values; a row or cell may be missing where the format is
   * General), as `range.numberFormat` gives them: a percentage-formatted cell holds a fraction whatever its header.
   */
  numberFormats?: readonly (readonly (string | undefined | null)[] | undefined)[];
}

export interface WorkbookInput {
  sheets: readonly SheetInput[];
  /** The workbook counts dates in the 1904 date system (Excel for Mac before 2011): its serials are read as such. */
  date1904?: boolean;
}

export interface ScreenOptions extends OptionsInput {
  onProgress?: (done: number, total: number) => void;
  /**
   * `reference` decides every row with decimal.js and the rules' reference form (rows/decide-row.ts), then the
   * same settlement: the same results as the fast rules, many times slower; for tests and the bench's check.
   */
  engine?: "fast" | "reference";
  /** Choices by sheet name that override the automatic header mapping. */
  tables?: Readonly<Record<string, TableChoice>>;
}

export interface TableColumn {
  field: FieldKey;
  header: string;
  column: string;
  /** 0-based index in the sheet's values. */
  index: number;
  unit: HeaderUnit;
}

/** A person's choices for one sheet (the task pane's mapping): which row holds the headers, which column is which field. */
export interface TableChoice {
  /** Leave this sheet out. */
  skip?: boolean;
  /** Row number on the sheet. */
  headerRow?: number;
  /** Field → 0-based column index in the sheet's values, or null to ignore that field. */
  columns?: Partial<Record<FieldKey, number | null>>;
}

/** A row below a header that is not an applicant: a total, a footer line, a title, a units row, a repeated header. */
export interface SkippedRowInfo {
  /** `申报!A25` */
  cell: string;
  kind: SkippedKind;
  text: string;
}

/** An applicant table found on a sheet. */
export interface TableInfo {
  sheet: string;
  /** Row number of the header row on the sheet (the lower row of a two-row header). */
  headerRow: number;
  /** 2 when a group row above the field names belongs to the header. */
  headerRows: number;
  /** Row number of a units row under the header (元 / 万元 / %), or null. */
  unitsRow: number | null;
  rows: number;
  /** Rows of the table that are not applicants, each with its cell. */
  skipped: SkippedRowInfo[];
  /** The measure the sheet's name gives, for rows without a measure cell. */
  sheetMeasure: string | null;
  columns: TableColumn[];
  /** Headers that map to no field (kept in the workbook, not read). */
  ignoredHeaders: string[];
  /** Every non-empty header cell, for a person choosing columns. */
  headers: { index: number; column: string; text: string }[];
  /** Fields every row needs that no column provides (measure counts as provided by the sheet's name). */
  missingRequired: FieldKey[];
}

/** Something about the workbook rather than one applicant row. */
export interface ScreeningIssue {
  sheet: string;
  cell?: string;
  /** `info` lists what was read differently (a skipped 合计 row); `warning` asks a person to look. */
  severity: "info" | "warning" | "error";
  zh: string;
  en: string;
}

export interface ScreeningResult extends BatchResultJson {
  tables: TableInfo[];
  issues: ScreeningIssue[];
  /** The 填报单位 the workbook names above its tables (for the review list's head), or null. */
  reportingUnit?: string | null;
}

/** An applicant table found on a sheet: what the task pane shows, how it is laid out, where each field is read. */
export interface FoundTable {
  info: TableInfo;
  layout: LaidOutTable;
  columns: Map<FieldKey, { index: number; header: string; unit: HeaderUnit }>;
  sheetMeasure: string | null;
}

/** Where each field of a row sits, to name the cell in messages. */
export interface CellIndex {
  sheet: string;
  row: number;
  columns: Map<FieldKey, { letter: string; header: string }>;
}

/** Where values[0][0] sits on the sheet (1-based). */
export function originOf(sheet: SheetInput) {
  return { row: sheet.origin?.row ?? 1, column: sheet.origin?.column ?? 1 };
}
