/**
 * The screening engine: applicant tables → typed columns (read-cells.ts) → each row decided alone, by its
 * measure's fast rule or by the decimal reference (decide-rows.ts) → the one settlement in whole fen
 * (batch/settle.ts) → results whose words are made when a row is read (screened-rows.ts). Exact to the fen:
 * amounts are safe integers of fen (BigInt where a product or a sum may pass 2^53); a row the fast rules do not
 * decide — a cell that is not a plain value, a missing or bad input, an LPR the table does not know, an amount
 * with a fraction of a fen — is decided by the reference (read-row.ts, rows/decide-row.ts, decimal.js) and
 * enters the same settlement, its amount rounded half-up to the fen. Held to the decimal oracle
 * (test/oracle/) by test/core/screening/fast-engine.test.ts and checked on the bench's 100,000 rows by `npm run bench`.
 */
import { fenHistory } from "../batch/history";
import { settleBatch } from "../batch/settle";
import { SuppliedLprEntry } from "../lpr/lpr-table";
import { ResolvedOptions } from "../options";
import { readHistory } from "../rows/history-records";
import { HistoryRecord } from "../rows/types";
import { decideRows } from "./decide-rows";
import { EngineState, EngineTable, engineState } from "./engine-state";
import { newReading, readTable } from "./read-cells";

/**
 * Screens the tables: each row decided alone (its measure's fast rule, or the decimal reference for the rows
 * the fast rules give back, or every row when `byReference`), then the one settlement in whole fen.
 */
export function runEngine(
  tables: readonly EngineTable[],
  resolved: ResolvedOptions,
  historyRecords: readonly HistoryRecord[],
  lprEntries: readonly SuppliedLprEntry[],
  date1904: boolean,
  onProgress?: (done: number, total: number) => void,
  /** Every row decided by the decimal reference (a testing switch: screenWorkbook's engine "reference"). */
  byReference = false,
): EngineState {
  const n = tables.reduce((sum, t) => sum + t.table.layout.dataRows.length, 0);
  const state = engineState(n, resolved, historyRecords, lprEntries);
  const reading = newReading(state, resolved, date1904, byReference);
  let first = 0;
  tables.forEach((t, tableIndex) => {
    first = readTable(reading, t, tableIndex, first);
  });
  decideRows(state, reading, onProgress);
  state.history = fenHistory(readHistory(historyRecords, resolved.policy), reading.entityIndex, (p) => state.texts.of(p) + 1);
  settleBatch(state.batch, state.history, resolved.policy, resolved.options);
  onProgress?.(n, n);
  return state;
}
