/**
 * What the screening engine reads and decides, kept as columns (EngineState): shared by the stages that read
 * cells (read-cells.ts), decide rows (decide-rows.ts), settle (batch/settle.ts) and word (screened-rows.ts).
 */
import { BatchColumns, FenHistory, batchColumns } from "../batch/columns";
import { SuppliedLprEntry } from "../lpr/lpr-table";
import { FactColumns } from "../measures/fast";
import { ResolvedOptions } from "../options";
import { Localized } from "../policy/types";
import { Reason } from "../reasons/reasons";
import { RowCache, newRowCache } from "../rows/row-cache";
import { HistoryRecord, Working } from "../rows/types";
import { CellIndex, ColumnReader, FoundTable, SignatureLayout } from "./read-row";
import type { SheetInput } from "./types";

/** A table to screen: its sheet, where its columns are, and its rows. */
export interface EngineTable {
  sheet: SheetInput;
  values: readonly (readonly unknown[])[];
  table: FoundTable;
}

/** Texts of a batch, each stored once (names, cities, projects, codes as written). */
export class TextTable {
  readonly texts: string[];
  private index: Map<string, number> | null = null;

  /** A table that already holds `texts` (one that crossed from a worker). */
  constructor(texts: string[] = []) {
    this.texts = texts;
  }

  of(text: string): number {
    this.index ??= new Map(this.texts.map((t, i) => [t, i]));
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.texts.push(text) - 1;
      this.index.set(text, i);
    }
    return i;
  }
}

/** A table as the engine reads it: its cells, the reference's readers (made when needed), its rows' signature. */
export interface TableReference {
  values: EngineTable;
  readers: ColumnReader[] | null;
  signature: SignatureLayout;
}

/** A row the reference decided (the fast rules gave it back). */
export interface ReferenceRow {
  /** Its own reasons (before claim, other support and the batch), each naming its cell. */
  reasons: Reason[];
  entityId: string;
  /** The reference's working state: facts, context, award, where the row was decided in this thread. */
  working?: Working;
  /** Its reasons and explanation worded where it was decided, for a state that crossed from a worker. */
  worded?: { reasons: Reason[]; explain: Localized };
}

/** Everything the engine read and decided, kept as columns: what screened-rows.ts turns into results. */
export interface EngineState {
  resolved: ResolvedOptions;
  n: number;
  facts: FactColumns;
  batch: BatchColumns;
  /** Where each row came from as its host named it, for rows not read from a sheet (settleApplications); else null. */
  sources: string[] | null;
  /** Where each row came from: its table, its sheet row. */
  table: Uint16Array;
  rowNumber: Int32Array;
  tables: { sheet: string; cells: CellIndex["columns"] }[];
  texts: TextTable;
  /** The code as written (an index into the reading's own table of codes) and as normalised (the entity). */
  entityText: Int32Array;
  entities: string[];
  entityName: Int32Array;
  city: Int32Array;
  /** The measure cell as written, for rows whose clause the sheet's name gives: -1. */
  claimed: Float64Array;
  other: Float64Array;
  /** The row's amount after its own cap (before claim and other support), and after the claim. */
  awardAmount: Float64Array;
  afterClaim: Float64Array;
  computed: Float64Array;
  /** Codes of the row's own reasons (award and warnings), as the fast rule decided them. */
  codes: (readonly string[])[];
  /** 1 when the row reached its measure's rule (the explanation recomputes it). */
  awarded: Uint8Array;
  /** 1 when the row was eligible or manual on its own (claim and other support apply to it). */
  rowLive: Uint8Array;
  /** 示范级别: 1 national, 2 provincial, 0 none. */
  level: Int8Array;
  /** The earlier identical row of a duplicate (duplicate_row), else -1. */
  duplicateOf: Int32Array;
  /** 本年度/上年度 online retail (fen), while reading. */
  retail: [Float64Array, Float64Array];
  /** Rows the reference decided. */
  reference: Map<number, ReferenceRow>;
  history: FenHistory;
  /** What the screening was given besides the tables, to rebuild the state elsewhere (a worker, the pane). */
  inputs: { lprEntries: readonly SuppliedLprEntry[]; history: readonly HistoryRecord[] };
  /** For rebuilding a row's facts and contexts: the per-batch memo of the reference. */
  cache: RowCache;
}

/** An engine's state for n rows, before any is read. */
export function engineState(
  n: number,
  resolved: ResolvedOptions,
  historyRecords: readonly HistoryRecord[],
  lprEntries: readonly SuppliedLprEntry[],
): EngineState {
  return {
    resolved,
    n,
    facts: factColumns(n),
    batch: batchColumns(n),
    sources: null,
    table: new Uint16Array(n),
    rowNumber: new Int32Array(n),
    tables: [],
    texts: new TextTable(),
    entityText: new Int32Array(n).fill(-1),
    entities: [],
    entityName: new Int32Array(n).fill(-1),
    city: new Int32Array(n).fill(-1),
    claimed: new Float64Array(n).fill(NaN),
    other: new Float64Array(n).fill(NaN),
    awardAmount: new Float64Array(n),
    afterClaim: new Float64Array(n),
    computed: new Float64Array(n).fill(NaN),
    codes: new Array(n),
    awarded: new Uint8Array(n),
    duplicateOf: new Int32Array(0),
    rowLive: new Uint8Array(n),
    level: new Int8Array(n),
    retail: [new Float64Array(0), new Float64Array(0)],
    reference: new Map(),
    history: null as unknown as FenHistory,
    inputs: { lprEntries, history: historyRecords },
    cache: newRowCache(),
  };
}

function factColumns(n: number): FactColumns {
  const amounts = () => new Float64Array(n).fill(NaN);
  return {
    qualified: new Int8Array(n).fill(-1),
    firstTime: new Int8Array(n).fill(-1),
    totalInvestment: amounts(),
    onlineRetailIncrease: amounts(),
    importExport: amounts(),
    eligibleCosts: amounts(),
    drivenOnlineSales: amounts(),
    investmentLast3Years: amounts(),
    approvedAmount: amounts(),
    principal: amounts(),
    interestPaid: amounts(),
    loanRate: amounts(),
    startDay: amounts(),
    endDay: amounts(),
  };
}

/** `申报!12` */
export function sourceOf(state: Pick<EngineState, "sources" | "tables" | "table" | "rowNumber">, row: number): string {
  if (state.sources) return state.sources[row];
  return `${state.tables[state.table[row]].sheet}!${state.rowNumber[row]}`;
}

export function cellIndexOf(state: Pick<EngineState, "tables" | "table" | "rowNumber">, row: number): CellIndex {
  const table = state.tables[state.table[row]];
  return { sheet: table.sheet, row: state.rowNumber[row], columns: table.cells };
}

export function internEntity(normalised: string, index: Map<string, number>, list: string[]): number {
  let i = index.get(normalised);
  if (i === undefined) {
    i = list.push(normalised) - 1;
    index.set(normalised, i);
  }
  return i;
}
