/**
 * What the task pane needs from a workbook, host-neutral: the outline of its sheets, their values, the result
 * sheets written, the row a person selects on them. The Excel implementation (excel-*.ts, bound in
 * workbook-gateway.ts) is one host behind this interface; these types cross it.
 */
import { DisplayLanguage, ScreeningResult, SheetInput } from "../../../core";

export interface SheetOutline {
  name: string;
  /** Where the used range starts (1-based) and its size; 0 rows for an empty sheet. */
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

export interface WorkbookOutline {
  sheets: SheetOutline[];
  /** Sheets this add-in wrote before (marker and content agree), which are never read as input. */
  ours: string[];
  /** The first rows of each sheet (for finding header rows). */
  heads: SheetInput[];
  /** The workbook counts dates from 1904 (null where Excel could not tell: ExcelApi 1.2 missing). */
  date1904: boolean | null;
}

export interface Progress {
  phase: "read" | "write";
  done: number;
  total: number;
}

export interface RunControl {
  onProgress?: (progress: Progress) => void;
  isCancelled?: () => boolean;
  /**
   * Whether Excel offers an API version (`Office.context.requirements.isSetSupported("ExcelApi", v)`): what a
   * version adds beyond the manifest's minimum is used only where it is there. Everything is, unless told.
   */
  supports?: (excelApi: string) => boolean;
  /** The 筛查日期 printed on the review list and the appendix, YYYY-MM-DD: today in the pane unless given (tests). */
  date?: string;
}

/** Something the pane could not do in this Excel (an API version missing), said to the person. */
export interface Note {
  zh: string;
  en: string;
}

export interface WrittenResults {
  /** The review list (HLJ筛查结果). */
  results: string;
  /** The calculation appendix (HLJ计算明细): each application's 计算明细 lines. */
  appendix: string;
  summary: string;
  /** What was left out for want of an API, e.g. no filter buttons: shown in the pane. */
  notes: Note[];
}

/** The results row a person selected: its source and how it came out, as the sheet says (its language). */
export interface SelectedResult {
  source: string;
  explain: string;
}

/** A workbook's host: each call is one piece of work against the open workbook. */
export interface WorkbookGateway {
  /** Sheets, their used ranges, our earlier sheets and the first rows of each (for finding header rows). */
  outlineWorkbook(supports?: (excelApi: string) => boolean): Promise<WorkbookOutline>;
  /** The values of the given sheets' used ranges (number formats only for `formatColumns`), with progress and cancel. */
  readSheets(
    sheets: readonly SheetOutline[],
    control?: RunControl,
    formatColumns?: ReadonlyMap<string, readonly number[]>,
  ): Promise<SheetInput[]>;
  /** The review list, the appendix and the summary, replacing ours from before; cancelled, the workbook stays as it was. */
  writeResults(
    result: ScreeningResult,
    outline: Pick<WorkbookOutline, "sheets" | "ours">,
    control?: RunControl,
    language?: DisplayLanguage,
  ): Promise<WrittenResults>;
  /** Calls back with the row a person selects on the results sheet; resolves to what stops the watching. */
  watchResults(sheetName: string, onRow: (row: SelectedResult) => void): Promise<() => Promise<void>>;
}
