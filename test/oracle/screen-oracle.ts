/**
 * The test oracle for a whole workbook: the production stages that find tables and read cells, then every row
 * decided by the decimal reference and the batch settled by the oracle's own decimal batch (resolve-batch.ts),
 * worded by the reference's words. The production screening (one settlement in whole fen) must agree with it.
 */
import { batchResultToJson } from "../../core/words/result-json";
import { ApplicationRow } from "../../core/rows/types";
import { CellIndex, locate } from "../../core/screening/read-row";
import {
  ScreenOptions,
  ScreeningResult,
  WorkbookInput,
  columnsFailing,
  historyIssues,
  readApplicants,
  readWorkbook,
} from "../../core/screening/screen";
import { resolveBatch } from "./resolve-batch";

export function screenByOracle(workbook: WorkbookInput, options: ScreenOptions = {}): ScreeningResult {
  const { tables, found, history, lprEntries, issues, date1904 } = readWorkbook(workbook, options);
  const batchOptions = { ...options, lprEntries: [...lprEntries, ...(options.lprEntries ?? [])], history };
  const rows: ApplicationRow[] = [];
  const cellsOf: CellIndex[] = [];
  for (const { sheet, values, table } of found) readApplicants(sheet, values, table, rows, cellsOf, date1904);
  const result = resolveBatch(rows, batchOptions);
  issues.push(...historyIssues(result.historyProblems));
  result.rows.forEach((row, i) => {
    row.reasons = row.reasons.map((r) => locate(r, cellsOf[i]));
  });
  issues.push(
    ...columnsFailing(
      (i) => result.rows[i].reasons,
      (i) => cellsOf[i],
      tables,
    ),
  );
  return { ...batchResultToJson(result), tables, issues };
}
