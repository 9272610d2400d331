/**
 * settleApplications: rows a host gives as data (ApplicationRow, not cells) through the same stages as a
 * workbook — each row decided by the decimal reference (rows/decide-row.ts), the one settlement in whole fen
 * (batch/settle.ts), the same words (screened-rows.ts) — as a BatchResult in decimals.
 */
import { fenHistory } from "../batch/history";
import { settleBatch } from "../batch/settle";
import { dec } from "../money/money";
import { resolveOptions } from "../options";
import { computeRow } from "../rows/decide-row";
import { readHistory } from "../rows/history-records";
import { ApplicationRow, BatchOptions, BatchResult, ResultRow, RowDecision, RowStatus, TotalLine, Totals } from "../rows/types";
import { takeReferenceRow } from "./decide-rows";
import { engineState } from "./engine-state";
import { ScreenedBatch, ScreenedRow } from "./screened-rows";
import { BatchResultJson } from "../words/result-json";
import { Reason } from "../reasons/reasons";

export function settleApplications(rows: readonly ApplicationRow[], batchOptions: BatchOptions = {}): BatchResult {
  const resolved = resolveOptions(batchOptions);
  const { options, policy } = resolved;
  const records = batchOptions.history ?? [];
  const n = rows.length;
  const state = engineState(n, resolved, records, batchOptions.lprEntries ?? []);
  state.sources = rows.map((row, index) => row.source ?? `row ${index + 1}`);
  const entityIndex = new Map<string, number>();
  const seen = new Map<string, string>();
  const progressEvery = Math.max(1, Math.floor(n / 100));
  rows.forEach((row, r) => {
    const working = computeRow(row, r, resolved, seen, state.cache);
    takeReferenceRow(state, r, working, working.result.reasons, entityIndex);
    if (batchOptions.onProgress && (r + 1) % progressEvery === 0) batchOptions.onProgress(r + 1, n);
  });
  state.history = fenHistory(readHistory(records, policy), entityIndex, (p) => state.texts.of(p) + 1);
  settleBatch(state.batch, state.history, policy, options);
  batchOptions.onProgress?.(n, n);
  const screened = new ScreenedBatch(state);
  return {
    policy: { id: policy.id, title: policy.title, stage: policy.stage },
    options,
    rows: screened.rows.map((row, r) => resultRow(row, r, state.reference.get(r)!.working!.result)),
    totals: decimalTotals(screened.totals()),
    historyProblems: state.history.source.problems,
  };
}

/** A settled row in decimals: the row's own numbers as the reference decided them, the rest as settled and worded. */
function resultRow(row: ScreenedRow, index: number, alone: RowDecision): ResultRow {
  return {
    index,
    source: row.source,
    entityId: row.entityId,
    entityName: row.entityName,
    city: row.city,
    year: row.year,
    measure: row.measure,
    clause: row.clause,
    computed: alone.computed,
    cap: alone.cap,
    claimed: alone.claimed,
    final: dec(row.final),
    status: row.status as RowStatus,
    reasons: row.reasons as Reason[],
    citation: row.citation,
    get explain() {
      return row.explain;
    },
  };
}

function decimalTotals(totals: BatchResultJson["totals"]): Totals {
  const lines = (table: Record<string, { rows: number; final: string }>): Record<string, TotalLine> =>
    Object.fromEntries(Object.entries(table).map(([key, line]) => [key, { rows: line.rows, final: dec(line.final) }]));
  return {
    rows: totals.rows,
    entities: totals.entities,
    final: dec(totals.final),
    byMeasure: lines(totals.byMeasure),
    byStatus: lines(totals.byStatus),
    byCity: lines(totals.byCity),
  };
}
