/**
 * screenWorkbook: a workbook of applicants (sheets of cells exactly as Office.js `range.values` gives them) →
 * one result per applicant row, with totals. Pure: no I/O, no Office. The task pane and the command line both
 * call it; they only move cells. SCREENING.md is the contract.
 */
import { ERROR } from "../batch/columns";
import { SuppliedLprEntry } from "../lpr/lpr-table";
import { resolveOptions } from "../options";
import { Reason } from "../reasons/reasons";
import { ApplicationRow, BatchResult, HistoryRecord } from "../rows/types";
import { runEngine } from "./engine";
import { withAssumptions } from "../words/assumptions";
import { EngineTable, cellIndexOf } from "./engine-state";
import { columnsFailing } from "./failing-columns";
import { FieldKey, HISTORY_SHEET_NAMES, LPR_SHEET_NAMES, columnLetters, isSheetNamed } from "./fields";
import { checkTotals, findTables, nearMiss, skippedIssues } from "./find-tables";
import { reportingUnitOf } from "./reporting-unit";
import { skipOwnSheet } from "./own-sheets";
import { CellIndex, FoundTable, columnReaders, isPercentFormat, originOf, readRow, rowSignature, signatureLayout } from "./read-row";
import { pastOneSheet } from "./results-limit";
import { ScreenedBatch } from "./screened-rows";
import { readHistory, readLprSheet } from "./side-sheets";
import { ScreenOptions, ScreeningIssue, ScreeningResult, SheetInput, TableInfo, WorkbookInput } from "./types";

export { MAX_RESULT_ROWS } from "./results-limit";
export { HEADER_ROWS_SEARCHED, detectTables, measureOfSheetName } from "./find-tables";
export { columnsFailing } from "./failing-columns";

export type {
  SheetInput,
  WorkbookInput,
  ScreenOptions,
  TableColumn,
  TableChoice,
  SkippedRowInfo,
  TableInfo,
  ScreeningIssue,
  ScreeningResult,
} from "./types";
export { isPercentFormat };

/** The workbook cannot be screened at all (no applicant table): hosts say why in one line. */
export class UnusableWorkbookError extends Error {
  constructor(
    readonly en: string,
    readonly zh: string,
  ) {
    super(en);
    this.name = "UnusableWorkbookError";
  }
}

/** What the first stages found in a workbook: its applicant tables, history and LPR records, and its issues so far. */
export interface ReadWorkbook {
  tables: TableInfo[];
  found: EngineTable[];
  history: HistoryRecord[];
  lprEntries: SuppliedLprEntry[];
  issues: ScreeningIssue[];
  date1904: boolean;
}

export function screenWorkbook(workbook: WorkbookInput, options: ScreenOptions = {}): ScreeningResult {
  const { tables, found, history, lprEntries, issues, date1904 } = readWorkbook(workbook, options);
  const batchOptions = { ...options, lprEntries: [...lprEntries, ...(options.lprEntries ?? [])], history };
  const resolved = resolveOptions(batchOptions);
  const byReference = options.engine === "reference";
  const state = runEngine(found, resolved, history, batchOptions.lprEntries, date1904, options.onProgress, byReference);
  const screened = new ScreenedBatch(state);
  issues.push(...historyIssues(state.history.source.problems));
  const noReasons: Reason[] = [];
  issues.push(
    ...columnsFailing(
      // Only error rows have reasons that fail a column: the reference's, and the fast rules' own (an unknown LPR),
      // worded without their explanations and not kept (the writer words every row again; a million kept
      // explanations would not fit in memory).
      (i) =>
        state.reference.get(i)?.reasons ??
        (state.batch.status[i] === ERROR ? screened.reasonsOf(i, undefined, screened.capUseOf(i)) : noReasons),
      (i) => (i < state.n ? cellIndexOf(state, i) : undefined),
      tables,
      (i) => state.reference.has(i) || state.batch.status[i] === ERROR,
    ),
  );
  const { policy } = resolved;
  return {
    policy: { id: policy.id, title: policy.title, stage: policy.stage },
    options: withAssumptions(resolved.options),
    rows: screened.rows,
    totals: screened.totals(),
    tables,
    issues,
    reportingUnit: reportingUnitOf(workbook.sheets),
  };
}

/** History records that could not be used, as workbook warnings on their sheet. */
export function historyIssues(problems: BatchResult["historyProblems"]): ScreeningIssue[] {
  return problems.map((problem) => ({ sheet: problem.source.split("!")[0], severity: "warning", zh: problem.zh, en: problem.en }));
}

/** Find tables and read the history and LPR sheets: everything before the rows are decided. */
export function readWorkbook(workbook: WorkbookInput, options: ScreenOptions = {}): ReadWorkbook {
  if (!workbook || !Array.isArray(workbook.sheets)) {
    throw new UnusableWorkbookError(
      "not a workbook: expected { sheets: [{ name, values }] }",
      "不是工作簿：应为 { sheets: [{ name, values }] }",
    );
  }
  const issues: ScreeningIssue[] = [];
  const tables: TableInfo[] = [];
  const found: EngineTable[] = [];
  const history: HistoryRecord[] = [];
  const lprEntries: SuppliedLprEntry[] = [];

  const date1904 = workbook.date1904 === true;
  const nearMisses: ScreeningIssue[] = [];
  for (const sheet of workbook.sheets) {
    const values = Array.isArray(sheet.values) ? sheet.values : [];
    if (isSheetNamed(sheet.name, HISTORY_SHEET_NAMES)) {
      history.push(...readHistory(sheet, values, issues));
      continue;
    }
    if (isSheetNamed(sheet.name, LPR_SHEET_NAMES)) {
      lprEntries.push(...readLprSheet(sheet, values, issues));
      continue;
    }
    const choice = options.tables?.[sheet.name];
    if (choice?.skip || skipOwnSheet(sheet, issues)) continue;
    const onSheet = findTables(sheet, values, issues, choice);
    if (onSheet.length === 0) {
      const miss = nearMiss(sheet, values);
      if (miss) nearMisses.push(miss);
      continue;
    }
    for (const table of onSheet) {
      tables.push(table.info);
      found.push({ sheet, values, table });
      table.info.rows = table.layout.dataRows.length;
      checkTotals(sheet, values, table, issues);
      issues.push(...skippedIssues(sheet.name, table.info.skipped));
    }
  }
  issues.push(...nearMisses);
  if (tables.length === 0) {
    const names = workbook.sheets.map((s) => s.name).join(", ") || "(none)";
    const hint = nearMisses[0] ? ` (${nearMisses[0].en})` : "";
    const hintZh = nearMisses[0] ? `（${nearMisses[0].zh}）` : "";
    throw new UnusableWorkbookError(
      `no applicant table: no sheet (${names}) has a header row with a 统一社会信用代码 (USCC) column, a 申报年度 (year) column and a 申报条款 (measure) column or a measure in its name${hint}`,
      `没有申报表：工作表（${names}）中没有同时包含“统一社会信用代码”“申报年度”以及“申报条款”列（或表名含条款）的表头行${hintZh}`,
    );
  }
  const tooMany = pastOneSheet(found.reduce((sum, t) => sum + t.table.layout.dataRows.length, 0));
  if (tooMany) throw new UnusableWorkbookError(tooMany.en, tooMany.zh);
  return { tables, found, history, lprEntries, issues, date1904 };
}

/** A note for each row of a table that is not an application (a total, a footer, a title). */

export function readApplicants(
  sheet: SheetInput,
  values: readonly (readonly unknown[])[],
  table: FoundTable,
  rows: ApplicationRow[],
  cellsOf: CellIndex[],
  date1904: boolean,
): void {
  const origin = originOf(sheet);
  const readers = columnReaders(table, origin, date1904);
  const letters = new Map<FieldKey, { letter: string; header: string }>();
  for (const [field, c] of table.columns) letters.set(field, { letter: columnLetters(origin.column + c.index), header: c.header });
  const signature = signatureLayout(table);
  const measureEntry = table.columns.get("measure");
  const measureColumn = measureEntry && { ...measureEntry, letter: columnLetters(origin.column + measureEntry.index) };
  const formats = sheet.numberFormats;
  for (const r of table.layout.dataRows) {
    const cells = values[r] ?? [];
    const rowNumber = origin.row + r;
    const index: CellIndex = { sheet: sheet.name, row: rowNumber, columns: letters };
    const row = readRow(cells, formats?.[r], rowNumber, sheet.name, readers, measureColumn, table.sheetMeasure);
    // Identical applications are identical cells in the columns read (notes aside): cheaper than comparing facts.
    row.signature = rowSignature(signature, cells);
    rows.push(row);
    cellsOf.push(index);
  }
}
