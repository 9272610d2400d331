/**
 * The batch steps of resolve.ts (RULES.md revision 2) on typed columns in whole fen, entity by entity: every
 * step of the batch — history, one-time awards, shared caps, 不重复 — only ever relates rows of one entity, so
 * settling each entity's rows on its own, years in order, decides exactly what resolveBatch decides over the
 * whole batch year by year. What each step did is kept as numbers and flags; the reasons' words are made
 * from them when a row is shown (screening/screened-rows.ts). Pinned to resolveBatch by
 * test/core/screening/fast-engine.test.ts.
 */
import { fenOfDecimal } from "../money/fen";
import { MEASURE_IDS, MeasureId, clauseNumber } from "../measures/measure-id";
import { measureParams } from "../policy/registry";
import { CapScope, ParameterSet } from "../policy/types";
import { Options } from "../options";
import { groupByProject, sortByYear } from "./entity-rows";
import { LostTakers } from "./lost-takers";
import { History, HistoryEntry, limitsOf } from "./resolve";

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
} as const;

/** A value the batch cannot hold exactly in safe integers: the screening falls back to the reference. */
export class NotExactError extends Error {}

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
  status: Uint8Array;
  /** The running amount in fen: after the row's own cap, claim and other support, then the batch steps. */
  amount: Float64Array;
  /** The row's nominal cap in fen (NaN when its award has none) and its tier. */
  cap: Float64Array;
  capTier: Uint8Array;
  /** Filled by the batch: */
  flags: Uint8Array;
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
}

export function batchColumns(n: number): BatchColumns {
  return {
    n,
    entity: new Int32Array(n).fill(-1),
    measure: new Int8Array(n).fill(-1),
    year: new Float64Array(n).fill(NaN),
    project: new Int32Array(n),
    status: new Uint8Array(n).fill(ERROR),
    amount: new Float64Array(n),
    cap: new Float64Array(n).fill(NaN),
    capTier: new Uint8Array(n),
    flags: new Uint8Array(n),
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
  };
}

export const CAP_USE = { limit: 0, history: 1, earlierYears: 2, earlierRows: 3, remaining: 4, before: 5, after: 6 } as const;

const isLive = (status: number) => status === ELIGIBLE || status === MANUAL;

/** History by the batch's entity index, amounts in fen. */
export interface FenHistory {
  source: History;
  /** Entities with an unreadable record. */
  unreadable: Set<number>;
  /** Readable records by entity: the reference entry and its amount in fen. */
  byEntity: Map<number, { entry: HistoryEntry; index: number; fen: number }[]>;
}

export function fenHistory(history: History, entityIndex: ReadonlyMap<string, number>): FenHistory {
  const fen: FenHistory = { source: history, unreadable: new Set(), byEntity: new Map() };
  for (const entity of history.unreadable.keys()) {
    const index = entityIndex.get(entity);
    if (index !== undefined) fen.unreadable.add(index);
  }
  history.entries.forEach((entry, i) => {
    const index = entityIndex.get(entry.entity);
    if (index === undefined) return;
    const amount = fenOfDecimal(entry.amount);
    if (Number.isNaN(amount)) throw new NotExactError(`history ${entry.source}: ${entry.amount.toString()} is not whole fen`);
    const list = fen.byEntity.get(index) ?? [];
    list.push({ entry, index: i, fen: amount });
    fen.byEntity.set(index, list);
  });
  return fen;
}

/** A measure's numbers the batch needs, by measure index. */
interface MeasureFacts {
  oneTime: boolean;
  scope: CapScope | null;
  clause: number;
  /** Nested limits in fen by cap tier. */
  limits: { tier: number; fen: number }[][];
}

const safe = (value: number) => {
  if (!Number.isSafeInteger(value)) throw new NotExactError("an amount of the batch passes 2^53 fen");
  return value;
};

/**
 * The shared limits of one entity, as parallel arrays reused from entity to entity: a limit is found by its
 * key (measure and slot) among the few the entity has.
 */
class Pools {
  count = 0;
  key: number[] = [];
  limit: number[] = [];
  history: number[] = [];
  paidBefore: number[] = [];
  thisYear: number[] = [];
  takers: number[][] = [];
  takersYear: number[] = [];

  clear(): void {
    this.count = 0;
  }

  find(key: number): number {
    for (let p = 0; p < this.count; p++) if (this.key[p] === key) return p;
    return -1;
  }

  add(key: number, limit: number, history: number, year: number): number {
    const p = this.count++;
    this.key[p] = key;
    this.limit[p] = limit;
    this.history[p] = history;
    this.paidBefore[p] = 0;
    this.thisYear[p] = 0;
    const takers = this.takers[p];
    if (!takers) this.takers[p] = [];
    else if (takers.length) takers.length = 0;
    this.takersYear[p] = year;
    return p;
  }
}

/**
 * History → one-time awards in the entity's first award year → year by year: shared caps in row order, then
 * 不重复 over what is left; what a year pays is history for the next. Rows must be in input order.
 */
export function settleBatch(columns: BatchColumns, history: FenHistory, policy: ParameterSet, options: Options): void {
  const { n, entity, status, amount } = columns;
  const measures: MeasureFacts[] = MEASURE_IDS.map((id) => {
    const params = measureParams(policy, id);
    const tiers = 1 + (params.cap?.tiers?.length ?? 0);
    return {
      oneTime: params.oneTime === true,
      scope: params.cap?.scope ?? null,
      clause: clauseNumber(id),
      limits: Array.from({ length: tiers }, (_, tier) =>
        limitsOf(policy, id, tier).map((l) => ({ tier: l.tier, fen: safe(fenOfDecimal(l.amount)) })),
      ),
    };
  });
  const maxLimits = Math.max(1, ...measures.flatMap((m) => m.limits.map((l) => l.length)));

  // The rows of each entity, in input order (a counting sort on the entity index).
  let entities = 0;
  for (let i = 0; i < n; i++) if (entity[i] + 1 > entities) entities = entity[i] + 1;
  const start = new Int32Array(entities + 1);
  for (let i = 0; i < n; i++) if (entity[i] >= 0) start[entity[i] + 1]++;
  for (let e = 0; e < entities; e++) start[e + 1] += start[e];
  const order = new Int32Array(start[entities]);
  const fill = start.slice(0, entities);
  for (let i = 0; i < n; i++) if (entity[i] >= 0) order[fill[entity[i]]++] = i;

  const work: Work = {
    columns,
    history,
    measures,
    options,
    pools: new Pools(),
    rowPools: new Int32Array(n * maxLimits).fill(-1),
    maxLimits,
    bindingTakers: new Map(),
    metListIndex: new Map(),
    paidEarlier: new Float64Array(MEASURE_IDS.length),
    totals: new Float64Array(MEASURE_IDS.length),
    firsts: new Int32Array(MEASURE_IDS.length),
    met: new Int8Array(MEASURE_IDS.length),
  };
  // One entity's rows at a time, in a scratch list as long as the longest.
  let longest = 0;
  for (let e = 0; e < entities; e++) longest = Math.max(longest, start[e + 1] - start[e]);
  const rows = new Int32Array(longest);
  for (let e = 0; e < entities; e++) {
    let count = 0;
    for (let k = start[e]; k < start[e + 1]; k++) if (isLive(status[order[k]]) && columns.measure[order[k]] >= 0) rows[count++] = order[k];
    if (count === 0) continue;
    applyHistory(columns, rows, count, e, history, measures);
    firstAwardYearOnly(columns, rows, count, measures);
    settleYears(work, rows, count, e);
  }
  for (let i = 0; i < n; i++) if (!isLive(status[i])) amount[i] = 0;
}

interface Work {
  columns: BatchColumns;
  history: FenHistory;
  measures: MeasureFacts[];
  options: Options;
  pools: Pools;
  /** The pools each row took its share from (maxLimits slots a row, -1 unused). */
  rowPools: Int32Array;
  maxLimits: number;
  /** A row a shared limit bit: the limit's pool and how many rows of the year had taken part of it before. */
  bindingTakers: Map<number, { pool: number; count: number }>;
  /** Lists of measures met, by their key (a batch has few distinct ones). */
  metListIndex: Map<number, number>;
  /** What the entity's earlier years of the batch paid, by measure index: history for its cumulative limits. */
  paidEarlier: Float64Array;
  /** 不重复's working arrays, by measure index. */
  totals: Float64Array;
  firsts: Int32Array;
  /** The measures a scope met, in order of first row (a scratch list, as long as MEASURE_IDS). */
  met: Int8Array;
}

/** By measure index, for one entity's rows, read once: a history record names it without its part; its first paid record. */
const namedWithoutPart = new Uint8Array(MEASURE_IDS.length);
const firstPaid = new Int32Array(MEASURE_IDS.length);

function applyHistory(
  columns: BatchColumns,
  rows: Int32Array,
  count: number,
  e: number,
  history: FenHistory,
  measures: MeasureFacts[],
): void {
  const records = history.byEntity.get(e) ?? [];
  const unreadable = history.unreadable.has(e);
  if (records.length === 0 && !unreadable) return;
  namedWithoutPart.fill(0);
  firstPaid.fill(-1);
  for (let k = 0; k < records.length; k++) {
    const { entry, fen } = records[k];
    for (const id of entry.measures) {
      const m = MEASURE_IDS.indexOf(id);
      if (entry.written !== null) namedWithoutPart[m] = 1;
      if (fen > 0 && firstPaid[m] < 0) firstPaid[m] = k;
    }
  }
  for (let k = 0; k < count; k++) {
    const i = rows[k];
    if (!isLive(columns.status[i])) continue;
    const m = columns.measure[i];
    if (unreadable) {
      columns.status[i] = MANUAL;
      columns.flags[i] |= BATCH.historyUnreadable;
    }
    if (namedWithoutPart[m]) columns.flags[i] |= BATCH.historyTwoParts;
    if (!measures[m].oneTime || firstPaid[m] < 0) continue;
    columns.status[i] = INELIGIBLE;
    columns.amount[i] = 0;
    columns.flags[i] |= BATCH.receivedBefore;
    columns.refEntry[i] = records[firstPaid[m]].index;
  }
}

/** The first row of each one-time measure in the entity's rows, by measure index (reused from entity to entity). */
const firstOf = new Int32Array(MEASURE_IDS.length).fill(-1);

function firstAwardYearOnly(columns: BatchColumns, rows: Int32Array, count: number, measures: MeasureFacts[]): void {
  const { status, measure, year } = columns;
  let any = false;
  for (let k = 0; k < count; k++) {
    const i = rows[k];
    if (!isLive(status[i]) || !measures[measure[i]].oneTime) continue;
    const current = firstOf[measure[i]];
    if (current < 0 || year[i] < year[current]) firstOf[measure[i]] = i;
    any = true;
  }
  if (!any) return;
  for (let k = 0; k < count; k++) {
    const i = rows[k];
    if (!isLive(status[i]) || !measures[measure[i]].oneTime) continue;
    const firstRow = firstOf[measure[i]];
    if (year[i] <= year[firstRow]) continue;
    status[i] = INELIGIBLE;
    columns.amount[i] = 0;
    columns.flags[i] |= BATCH.firstYearOnly;
    columns.refRow[i] = firstRow;
  }
  for (let k = 0; k < count; k++) firstOf[measure[rows[k]]] = -1;
}

function settleYears(work: Work, rows: Int32Array, count: number, e: number): void {
  const { columns, pools, rowPools, maxLimits } = work;
  const { status, year, amount } = columns;
  // The live rows, years in order and input order within a year.
  let live = 0;
  for (let k = 0; k < count; k++) if (isLive(status[rows[k]])) rows[live++] = rows[k];
  if (live === 0) return;
  sortByYear(rows, live, year);
  pools.clear();
  work.paidEarlier.fill(0);
  // (Map.clear makes a new table even when empty.)
  if (work.bindingTakers.size) work.bindingTakers.clear();
  for (let from = 0; from < live;) {
    const y = year[rows[from]];
    let to = from;
    while (to < live && year[rows[to]] === y) to++;
    for (let k = from; k < to; k++) takeSharedCap(work, rows[k], y, e);
    if (work.options.dedupScope === "entity-project") {
      // One scope per project, in order of first appearance.
      const byProject = groupByProject(rows, from, to, columns.project);
      for (let g = 1; g < byProject.ends.length; g++) noDuplication(work, byProject.rows, byProject.ends[g - 1], byProject.ends[g]);
    } else noDuplication(work, rows, from, to);
    // Rows that used a limit first and then lost 不重复, once every scope of the year is settled.
    if (work.bindingTakers.size) {
      const lost = new LostTakers<number>((t) => status[t] === SUPERSEDED);
      for (let k = from; k < to; k++) {
        const i = rows[k];
        const binding = work.bindingTakers.get(i);
        if (status[i] === SUPERSEDED || !binding) continue;
        const losers = lost.before(pools.takers[binding.pool], binding.count);
        if (losers.length) columns.takers.set(i, losers);
      }
    }
    // Like a history record, a year's payment counts against every cumulative limit of the measure (both of
    // 第1条's, whatever the project's size): a batch of several years pays what paying them in turn would.
    for (let k = from; k < to; k++) {
      const i = rows[k];
      if (!isLive(status[i]) || rowPools[i * maxLimits] < 0) continue;
      const m = columns.measure[i];
      work.paidEarlier[m] = safe(work.paidEarlier[m] + amount[i]);
    }
    for (let p = 0; p < pools.count; p++) pools.thisYear[p] = 0;
    from = to;
  }
}

function takeSharedCap(work: Work, i: number, year: number, e: number): void {
  const { columns, pools, rowPools, maxLimits, measures, history } = work;
  if (Number.isNaN(columns.cap[i])) return;
  const m = columns.measure[i];
  const facts = measures[m];
  const scope = facts.scope!;
  const limits = facts.limits[columns.capTier[i]];
  const trackTakers = work.options.dedupScope === "entity-project";
  let binding = -1;
  let remaining = Infinity;
  for (let t = 0; t < limits.length; t++) {
    const { tier, fen } = limits[t];
    const slot = scope === "entity-year" ? tier * 10_000 + year : tier;
    const key = m * 100_000_000 + slot;
    let p = pools.find(key);
    if (p < 0) p = pools.add(key, fen, historyUsed(history, e, MEASURE_IDS[m], scope, year), year);
    if (pools.takers[p].length && pools.takersYear[p] !== year) pools.takers[p].length = 0;
    rowPools[i * maxLimits + t] = p;
    // An annual limit is new each year; a cumulative one has had every earlier year's payment of the measure.
    if (scope !== "entity-year") pools.paidBefore[p] = work.paidEarlier[m];
    const left = Math.max(0, pools.limit[p] - pools.history[p] - pools.paidBefore[p] - pools.thisYear[p]);
    if (left < remaining) {
      remaining = left;
      binding = p;
    }
  }
  const before = columns.amount[i];
  const after = before > remaining ? remaining : before;
  const use = columns.capUse;
  const at = i * 7;
  use[at + CAP_USE.limit] = pools.limit[binding];
  use[at + CAP_USE.history] = pools.history[binding];
  use[at + CAP_USE.earlierYears] = pools.paidBefore[binding];
  use[at + CAP_USE.earlierRows] = pools.thisYear[binding];
  use[at + CAP_USE.remaining] = remaining;
  use[at + CAP_USE.before] = before;
  use[at + CAP_USE.after] = after;
  columns.flags[i] |= BATCH.capUsed;
  if (after !== before) {
    columns.flags[i] |= BATCH.sharedCap;
    columns.amount[i] = after;
    if (trackTakers) work.bindingTakers.set(i, { pool: binding, count: pools.takers[binding].length });
  }
  for (let t = 0; t < limits.length; t++) {
    const p = rowPools[i * maxLimits + t];
    pools.thisYear[p] = safe(pools.thisYear[p] + columns.amount[i]);
    if (trackTakers) {
      pools.takers[p].push(i);
      pools.takersYear[p] = year;
    }
  }
}

function historyUsed(history: FenHistory, e: number, measure: MeasureId, scope: CapScope, year: number): number {
  const records = history.byEntity.get(e);
  if (!records) return 0;
  let used = 0;
  for (const r of records) {
    if (!r.entry.measures.includes(measure)) continue;
    // An annual cap counts only that year's records; the others count every record.
    if (scope === "entity-year" && r.entry.year !== year) continue;
    used = safe(used + r.fen);
  }
  return used;
}

/**
 * 不重复 within one scope of an entity's year (the entity, or one of its projects): rows[from, to), the measure
 * with the highest total; ties to the lower clause number, then the earlier row (no-duplication.ts's
 * chooseWinners, in fen).
 */
function noDuplication(work: Work, rows: Int32Array, from: number, to: number): void {
  const { columns, totals, firsts, met, measures } = work;
  const { measure, amount, status } = columns;
  let metCount = 0;
  for (let k = from; k < to; k++) {
    const i = rows[k];
    const m = measure[i];
    let seen = false;
    for (let j = 0; j < metCount && !seen; j++) seen = met[j] === m;
    if (!seen) {
      met[metCount++] = m;
      totals[m] = amount[i];
      firsts[m] = i;
    } else {
      const total = totals[m] + amount[i];
      if (total > Number.MAX_SAFE_INTEGER) throw new NotExactError("a total of 不重复 passes 2^53 fen");
      totals[m] = total;
    }
  }
  let best = met[0];
  for (let k = 1; k < metCount; k++) {
    const m = met[k];
    const clause = measures[m].clause;
    const bestClause = measures[best].clause;
    if (
      totals[m] > totals[best] ||
      (totals[m] === totals[best] && (clause < bestClause || (clause === bestClause && firsts[m] < firsts[best])))
    ) {
      best = m;
    }
  }
  const winner = totals[best] > 0 ? best : -1;
  let metIndex = -1;
  if (metCount > 1) {
    let key = 0;
    for (let k = 0; k < metCount; k++) key = key * 32 + met[k] + 1;
    // Past ten measures the whole number would not be exact: such a scope gets its own list.
    if (metCount > 10) key = -1 - columns.metLists.length;
    const known = work.metListIndex.get(key);
    metIndex = known ?? columns.metLists.push(Array.from(met.subarray(0, metCount), (m) => MEASURE_IDS[m])) - 1;
    if (known === undefined) work.metListIndex.set(key, metIndex);
  }
  for (let k = from; k < to; k++) {
    const i = rows[k];
    if (metIndex >= 0) {
      columns.dedupMet[i] = metIndex;
      columns.dedupWon[i] = winner === measure[i] ? 1 : 0;
    }
    if (winner < 0 || winner === measure[i]) continue;
    status[i] = SUPERSEDED;
    columns.flags[i] |= BATCH.superseded;
    columns.refRow[i] = firsts[winner];
    columns.winnerMeasure[i] = winner;
    columns.winnerTotal[i] = totals[winner];
    columns.supersededAmount[i] = amount[i];
    amount[i] = 0;
  }
}
