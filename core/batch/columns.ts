/**
 * The settlement's columns: one entry per row, in whole fen, filled by the row's decision (engine.ts) and then
 * by the batch's steps, which record what they did as flags and numbers (BATCH, CAP_USE); the words are made
 * from them later, in one place (screening/screened-rows.ts).
 */
import { MeasureId } from "../measures/measure-id";
import { CapScope } from "../policy/types";
import { History, HistoryEntry } from "../rows/history-records";

/** Row statuses by index, in the order totals list them. */
export const STATUSES = ["eligible", "manual", "superseded", "ineligible", "not_cash", "error"] as const;
export const ELIGIBLE = 0;
export const MANUAL = 1;
export const SUPERSEDED = 2;
export const INELIGIBLE = 3;
export const NOT_CASH = 4;
export const ERROR = 5;

/** What the batch did to a row, for its reasons and explanation. */
export const BATCH = {
  /** An unreadable history record of the entity sent the row to a person. */
  historyUnreadable: 1,
  /** A history record names the row's clause without its part. */
  historyTwoParts: 2,
  /** A one-time award the history says was received. */
  receivedBefore: 4,
  /** A one-time award an earlier year of the batch claims (refRow: that year's first row). */
  firstYearOnly: 8,
  /** A shared limit bit (capUse columns). */
  sharedCap: 16,
  /** Lost 不重复 (refRow: the winner's first row). */
  superseded: 32,
  /** A shared limit was taken (capUse columns hold what it looked like). */
  capUsed: 64,
  /** Lost 不重复 on a tie (its measure's total equals the winner's): the clause, then the row, broke it. */
  dedupTie: 128,
  /** A paid history record of the row's tiered measure (第1条) gives no 总投资额: it counted against every limit. */
  historyNoTier: 256,
  /** 首次达到 contradicted (refRow: the earlier row that reached the threshold; else refEntry: the record paid). */
  notFirstTime: 512,
  /** `loan` mode: a later award year of a loan an earlier year's row claims (refRow: that year's first row). */
  loanPaid: 1024,
} as const;

export interface BatchColumns {
  n: number;
  /** Normalised entity, by index into the batch's entity list; -1 for none. */
  entity: Int32Array;
  /** Index into MEASURE_IDS; -1 for none. */
  measure: Int8Array;
  /** NaN for none. */
  year: Float64Array;
  /** The project's index (不重复 by entity and project). */
  project: Int32Array;
  /** 第4条's rows: 1 when the row's import+export reaches its part's threshold (evidence against a later 首次达到). */
  reach: Uint8Array;
  /** Interest rows: 1 + the text index of the loan's principal and start date (measures/loan-identity.ts); 0 none. */
  loan: Int32Array;
  status: Uint8Array;
  /** The running amount in fen: after the row's own cap, claim and other support, then the batch steps. */
  amount: Float64Array;
  /** The row's nominal cap in fen (NaN when its award has none) and its tier. */
  cap: Float64Array;
  capTier: Uint8Array;
  /** Filled by the batch: */
  flags: Uint16Array;
  /** The row a reason names: the first row of a one-time award's first year, or 不重复's winner's first row. */
  refRow: Int32Array;
  /** History entry of receivedBefore. */
  refEntry: Int32Array;
  winnerMeasure: Int8Array;
  winnerTotal: Float64Array;
  /** The amount a superseded row had before 不重复. */
  supersededAmount: Float64Array;
  /** Shared cap: limit, history, earlier years, earlier rows, remaining, before, after (7 per row). */
  capUse: Float64Array;
  /** 不重复's outcome where the scope met several measures: the index of the list of measures met, and whether the row won. */
  dedupMet: Int32Array;
  dedupWon: Uint8Array;
  metLists: MeasureId[][];
  /** Rows that used a limit first and then lost 不重复, by the row the limit then bit. */
  takers: Map<number, number[]>;
  /** Sums past 2^53 fen (huge history or 不重复 totals), exact, by row: the history a shared cap counted, 不重复's winning total. */
  exactHistory: Map<number, bigint>;
  exactWinnerTotal: Map<number, bigint>;
}

export function batchColumns(n: number): BatchColumns {
  return {
    n,
    entity: new Int32Array(n).fill(-1),
    measure: new Int8Array(n).fill(-1),
    year: new Float64Array(n).fill(NaN),
    project: new Int32Array(n),
    reach: new Uint8Array(n),
    loan: new Int32Array(n),
    status: new Uint8Array(n).fill(ERROR),
    amount: new Float64Array(n),
    cap: new Float64Array(n).fill(NaN),
    capTier: new Uint8Array(n),
    flags: new Uint16Array(n),
    refRow: new Int32Array(n).fill(-1),
    refEntry: new Int32Array(n).fill(-1),
    winnerMeasure: new Int8Array(n).fill(-1),
    winnerTotal: new Float64Array(n),
    supersededAmount: new Float64Array(n),
    capUse: new Float64Array(n * 7),
    dedupMet: new Int32Array(n).fill(-1),
    dedupWon: new Uint8Array(n),
    metLists: [],
    takers: new Map(),
    exactHistory: new Map(),
    exactWinnerTotal: new Map(),
  };
}

export const CAP_USE = { limit: 0, history: 1, earlierYears: 2, earlierRows: 3, remaining: 4, before: 5, after: 6 } as const;

/** A row still to be paid (eligible, or eligible for a person to confirm). */
export const isLive = (status: number) => status === ELIGIBLE || status === MANUAL;

/** A measure's numbers the batch needs, by measure index. */
export interface MeasureFacts {
  oneTime: boolean;
  scope: CapScope | null;
  clause: number;
  /** Nested limits in fen by cap tier. */
  limits: { tier: number; fen: number }[][];
}

/** History by the batch's entity index, amounts in fen. */
export interface FenHistory {
  source: History;
  /** Entities with an unreadable record. */
  unreadable: Set<number>;
  /** Readable records by entity: the reference entry, its amount in fen, its project as the rows' index (-1: none named). */
  byEntity: Map<number, FenRecord[]>;
}

/** A readable history record: the reference entry, its index, its amount in fen, its project as the rows' index (-1: none). */
export interface FenRecord {
  entry: HistoryEntry;
  index: number;
  fen: number;
  project: number;
}
