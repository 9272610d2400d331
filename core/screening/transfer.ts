/**
 * Results that cross between threads: the engine's columns as plain data (typed arrays, texts, small
 * records), moved without copying where the sender is done with them (the task pane's worker, SCREENING.md),
 * copied where it is not (the command line's wording worker). The receiver rebuilds the rows and words them
 * itself, when it reads them. A result the reference screened (no columns) crosses as worded plain rows.
 */
import type { ResultRowJson } from "../batch/json";
import { wordedRow } from "../batch/json";
import { HistoryRecord, readHistory, newRowCache } from "../batch/resolve";
import { BatchColumns, fenHistory } from "../batch/fast-batch";
import { FactColumns } from "../measures/fast";
import { Options, resolveOptions } from "../options";
import { ParameterSet } from "../policy/types";
import { EngineState, ReferenceRow, TextTable } from "./engine";
import { ScreenedBatch, ScreenedRow } from "./screened-rows";

/** The engine's state as plain data. */
export interface ScreenedColumns {
  policy: ParameterSet;
  options: Options;
  lprEntries: { date: string; rate: string }[];
  history: (Omit<HistoryRecord, "amount"> & { amount: string | null })[];
  n: number;
  facts: FactColumns;
  batch: BatchColumns;
  table: Uint16Array;
  rowNumber: Int32Array;
  tables: EngineState["tables"];
  texts: string[];
  entityText: Int32Array;
  entities: string[];
  entityName: Int32Array;
  city: Int32Array;
  claimed: Float64Array;
  other: Float64Array;
  awardAmount: Float64Array;
  afterClaim: Float64Array;
  computed: Float64Array;
  codes: (readonly string[])[];
  awarded: Uint8Array;
  rowLive: Uint8Array;
  level: Int8Array;
  duplicateOf: Int32Array;
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
  const reference = [...state.reference].map(([row, ref]) => ({
    row,
    reasons: ref.reasons,
    entityId: ref.entityId,
    // Worded here: the receiver has the columns but not the reference's working state.
    worded: ref.worded ?? batch.word(row, batch.rows[row]),
  }));
  return {
    policy: state.resolved.policy,
    options: state.resolved.options,
    lprEntries: state.inputs.lprEntries.map((e) => ({ date: e.date, rate: String(e.rate) })),
    history: state.inputs.history.map((h) => ({ ...h, amount: h.amount === null ? null : String(h.amount) })),
    n: state.n,
    facts: state.facts,
    batch: state.batch,
    table: state.table,
    rowNumber: state.rowNumber,
    tables: state.tables,
    texts: state.texts.texts,
    entityText: state.entityText,
    entities: state.entities,
    entityName: state.entityName,
    city: state.city,
    claimed: state.claimed,
    other: state.other,
    awardAmount: state.awardAmount,
    afterClaim: state.afterClaim,
    computed: state.computed,
    codes: state.codes,
    awarded: state.awarded,
    rowLive: state.rowLive,
    level: state.level,
    duplicateOf: state.duplicateOf,
    reference,
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
  const resolved = resolveOptions({ ...columns.options, policy: columns.policy, lprEntries: columns.lprEntries });
  const entityIndex = new Map(columns.entities.map((entity, i) => [entity, i]));
  const history = columns.history.map((h) => ({ ...h, amount: h.amount }));
  return {
    resolved,
    n: columns.n,
    facts: columns.facts,
    batch: columns.batch,
    table: columns.table,
    rowNumber: columns.rowNumber,
    tables: columns.tables,
    texts: new TextTable(columns.texts),
    entityText: columns.entityText,
    entities: columns.entities,
    entityName: columns.entityName,
    city: columns.city,
    claimed: columns.claimed,
    other: columns.other,
    awardAmount: columns.awardAmount,
    afterClaim: columns.afterClaim,
    computed: columns.computed,
    codes: columns.codes,
    awarded: columns.awarded,
    rowLive: columns.rowLive,
    level: columns.level,
    duplicateOf: columns.duplicateOf,
    retail: [new Float64Array(0), new Float64Array(0)],
    reference: new Map(columns.reference.map(({ row, ...ref }) => [row, ref])),
    history: fenHistory(readHistory(history, resolved.policy), entityIndex),
    inputs: { lprEntries: columns.lprEntries, history },
    cache: newRowCache(),
  };
}
