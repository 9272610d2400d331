/**
 * Results that cross between threads: the engine's columns as plain data (typed arrays, texts, small
 * records), moved without copying where the sender is done with them (the task pane's worker, SCREENING.md),
 * copied where it is not (the command line's wording worker). The receiver rebuilds the rows and words them
 * itself, when it reads them. A result the reference screened (no columns) crosses as worded plain rows.
 */
import type { ResultRowJson } from "../words/result-json";
import { wordedRow } from "../words/result-json";
import { HistoryRecord } from "../rows/types";
import { readHistory } from "../rows/history-records";
import { newRowCache } from "../rows/row-cache";
import { fenHistory } from "../batch/history";
import { Options, resolveOptions } from "../options";
import { ParameterSet } from "../policy/types";
import { EngineState, ReferenceRow, TextTable } from "./engine-state";
import { ScreenedBatch, ScreenedRow } from "./screened-rows";

/** What of the engine's state moves as it is (typed columns, texts, small records). */
type PlainState = Omit<EngineState, "resolved" | "texts" | "reference" | "history" | "inputs" | "cache" | "retail">;

/** The engine's state as plain data: what moves as it is, and what the receiver rebuilds from. */
export interface ScreenedColumns extends PlainState {
  policy: ParameterSet;
  options: Options;
  lprEntries: { date: string; rate: string }[];
  history: (Omit<HistoryRecord, "amount"> & { amount: string | null })[];
  texts: string[];
  /** Rows the reference decided, worded where they were decided. */
  reference: (Omit<ReferenceRow, "working"> & { row: number })[];
}

/** How a result's rows cross: as columns, or (a batch the reference screened) as worded rows. */
export type RowsPayload = { kind: "columns"; columns: ScreenedColumns } | { kind: "rows"; rows: ResultRowJson[] };

/**
 * The rows ready to cross a thread boundary, and the buffers to transfer (empty when `copy`: the sender keeps
 * using its columns).
 */
export function rowsPayload(rows: readonly ResultRowJson[], { copy = false } = {}): { payload: RowsPayload; transfer: ArrayBuffer[] } {
  const first = rows[0];
  if (!(first instanceof ScreenedRow)) return { payload: { kind: "rows", rows: rows.map(wordedRow) }, transfer: [] };
  const batch = first.screenedBatch;
  const columns = columnsOf(batch);
  const transfer = copy ? [] : buffersOf(columns);
  return { payload: { kind: "columns", columns }, transfer };
}

/** The rows again, on the receiving side. */
export function rowsFromPayload(payload: RowsPayload): ResultRowJson[] {
  return payload.kind === "rows" ? payload.rows : new ScreenedBatch(stateOf(payload.columns)).rows;
}

function columnsOf(batch: ScreenedBatch): ScreenedColumns {
  const state = batch.state;
  const { resolved, texts, reference, history: _history, inputs, cache: _cache, retail: _retail, ...plain } = state;
  return {
    ...plain,
    policy: resolved.policy,
    options: resolved.options,
    lprEntries: inputs.lprEntries.map((e) => ({ date: e.date, rate: String(e.rate) })),
    history: inputs.history.map((h) => ({ ...h, amount: h.amount === null ? null : String(h.amount) })),
    texts: texts.texts,
    reference: [...reference].map(([row, ref]) => ({
      row,
      reasons: ref.reasons,
      entityId: ref.entityId,
      // Worded here: the receiver has the columns but not the reference's working state.
      worded: ref.worded ?? batch.word(row, batch.rows[row]),
    })),
  };
}

function buffersOf(columns: ScreenedColumns): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (value: unknown) => {
    // Not `instanceof ArrayBuffer`: a buffer made in another realm (a test's) is one too. Shared memory is not moved.
    if (ArrayBuffer.isView(value) && Object.prototype.toString.call(value.buffer) === "[object ArrayBuffer]") {
      buffers.add(value.buffer as ArrayBuffer);
    }
  };
  for (const value of Object.values(columns)) add(value);
  for (const value of Object.values(columns.facts)) add(value);
  for (const value of Object.values(columns.batch)) add(value);
  return [...buffers];
}

function stateOf(columns: ScreenedColumns): EngineState {
  const { policy, options, lprEntries, history: records, texts, reference, ...plain } = columns;
  const resolved = resolveOptions({ ...options, policy, lprEntries });
  const entityIndex = new Map(plain.entities.map((entity, i) => [entity, i]));
  const textTable = new TextTable(texts);
  return {
    ...plain,
    resolved,
    texts: textTable,
    retail: [new Float64Array(0), new Float64Array(0)],
    reference: new Map(reference.map(({ row, ...ref }) => [row, ref])),
    history: fenHistory(readHistory(records, resolved.policy), entityIndex, (p) => textTable.of(p) + 1),
    inputs: { lprEntries, history: records },
    cache: newRowCache(),
  };
}
