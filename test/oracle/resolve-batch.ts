/**
 * The test oracle: the batch settled a second, independent way, in decimal.js over the reference's rows (no
 * whole fen, no columns), as the production settlement (core/batch) must agree with it. The batch resolver: many application rows → one result per row, in input order. Order of application
 * (RULES.md revision 2):
 * - each row alone: eligibility → amount (rounded once) → the row's own cap → the claimed amount, if lower →
 *   other provincial support (top-up or exclude);
 * - then the batch: history (one-time awards refused; what is left of cumulative and annual caps) → one-time
 *   measures in the first award year of their award only (entity + project; M4b the entity) → year by year, earliest first: shared caps in row order
 *   (第1条's two nested limits) → 从优、就高、不重复 over what is left; what a year pays is history for the next.
 * The policy's closing paragraph: "同一法人主体…符合本政策内多条奖补措施的，按照“从优、就高、不重复”原则予以支持".
 */
import { Decimal, DecimalInput, Money, ZERO, maxDecimal, roundToFen } from "../../core/money/money";
import { parseIsoDate } from "../../core/dates/civil-date";
import { BalancePoint } from "../../core/lpr/interest-subsidy";
import { MeasureId, clauseNumber } from "../../core/measures/measure-id";
import { Options, resolveOptions } from "../../core/options";
import { LostTakers } from "../../core/batch/lost-takers";
import { limitsOf } from "../../core/batch/limits";
import { orderTotalTables } from "../../core/batch/totals";
import { DedupWinner, chooseWinners } from "../../core/rows/choose-winners";
import { computeRow } from "../../core/rows/decide-row";
import { newRowCache } from "../../core/rows/row-cache";
import { History, HistoryEntry, readHistory } from "../../core/rows/history-records";
import { BatchRow } from "./result-row";
import { claimReason, otherSupportReason } from "../../core/rows/row-reasons";
import {
  ApplicationRow,
  BatchOptions,
  BatchResult,
  CapUse,
  ResultRow,
  TotalLine,
  Totals,
  UNKNOWN_KEY,
  Working as RowWorking,
  isLive,
} from "../../core/rows/types";
import {
  addTakersNote,
  firstAwardYearReason,
  noTierReason,
  loanPaidReason,
  notFirstTimeReason,
  receivedBeforeReason,
  sharedCapReason,
  supersededReason,
  twoPartsReason,
  unreadableHistoryReason,
  winnerWords,
} from "../../core/words/batch-reasons";
import { measureParams } from "../../core/policy/registry";
import { nonNegativeAmount } from "../../core/money/input";
import { ParameterSet } from "../../core/policy/types";
import { Reason } from "../../core/reasons/reasons";

/** A row through the oracle's batch: the reference's working state, and the limits it took its share from. */
interface Working extends RowWorking {
  result: BatchRow;
  /** The cap limits the row took its share from (set by the shared-caps step). */
  capPools?: CapPool[];
  /** The rows of the same year that had used the limit that bit this row: the first `count` of its takers. */
  bindingTakers?: { takers: Working[]; count: number };
  /** A row superseded in an earlier round of its year: the amount it had when it lost. */
  lostAmount?: Money;
  /** Whether it lost 不重复 on a tie, and which rule broke it (kept over the year's later rounds). */
  lostTie?: "row" | "clause" | null;
}

export function resolveBatch(rows: readonly ApplicationRow[], batchOptions: BatchOptions = {}): BatchResult {
  const resolved = resolveOptions(batchOptions);
  const { options, policy } = resolved;
  const history = readHistory(batchOptions.history ?? [], policy);
  const progressEvery = Math.max(1, Math.floor(rows.length / 100));

  const seen = new Map<string, string>();
  const cache = newRowCache();
  const working: Working[] = rows.map((row, index) => {
    const decided = computeRow(row, index, resolved, seen, cache);
    // The result row that words its explanation when read (the reference's words, made by the oracle).
    const w: Working = { ...decided, result: new BatchRow(decided.facts, decided.result) };
    if (isLive(w.result.status)) applyClaimAndOtherSupport(w, options.otherSupport);
    if (batchOptions.onProgress && (index + 1) % progressEvery === 0) batchOptions.onProgress(index + 1, rows.length);
    return w;
  });
  const live = (w: Working) => isLive(w.result.status);

  applyHistoryRecords(working, history, policy, live);
  firstTimeContradicted(working, policy, live);
  firstAwardYearOnly(working, policy, live);
  if (options.interestWindow === "loan") loanPaidOnce(working, policy, live);

  // Year by year, earliest first: what one year pays is history for the next (a superseded row uses no cap).
  // Like a history record, it counts against the cumulative limits of its own tier and above (第1条: a project
  // above 30,000,000 against the 10,000,000 only), so a batch of several years pays what paying them in turn would.
  const pools = new Map<string, Map<number, CapPool>>();
  const byYear = new Map<number, Working[]>();
  for (const w of working) {
    if (!live(w) || w.result.year === null) continue;
    const list = byYear.get(w.result.year);
    if (list) list.push(w);
    else byYear.set(w.result.year, [w]);
  }
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    const yearRows = byYear.get(year)!;
    settleYear(yearRows, year, { pools, history, policy, working, options, live });
    for (const w of yearRows) {
      if (!live(w) || w.capPools === undefined || w.award?.capScope === "entity-year") continue;
      for (const pool of w.capPools) pool.paidBefore = pool.paidBefore.plus(w.amount);
    }
    for (const byTier of pools.values()) for (const pool of byTier.values()) pool.thisYear = ZERO;
  }

  const results = working.map((w) => {
    w.result.final = live(w) ? roundToFen(w.amount) : ZERO;
    (w.result as BatchRow).remember(w.context, w.capUse, w.dedup);
    return w.result;
  });
  batchOptions.onProgress?.(rows.length, rows.length);
  return {
    policy: { id: policy.id, title: policy.title, stage: policy.stage },
    options,
    rows: results,
    totals: totalsOf(results),
    historyProblems: history.problems,
  };
}

interface YearContext {
  pools: Map<string, Map<number, CapPool>>;
  history: History;
  policy: ParameterSet;
  working: readonly Working[];
  options: Options;
  live: (w: Working) => boolean;
}

/**
 * One award year: shared caps in row order, then 不重复. RULES.md revision 3: a superseded row takes no share of a
 * cap — when 不重复 supersedes a row that had taken part of a shared cap, the caps are shared again among the rows
 * still paid and 不重复 decided again, until nothing changes; a row once superseded stays superseded (it keeps
 * what it said when it lost, 0 in every total, and is told its winner again).
 */
function settleYear(yearRows: readonly Working[], year: number, c: YearContext): void {
  const start = new Map(yearRows.map((w) => [w, { amount: w.amount, status: w.result.status, reasons: [...w.result.reasons] }]));
  const lost = new Map<Working, { reasons: Reason[]; capUse: CapUse | null; amount: Money }>();
  // Under entity-year the rows sharing a limit are in one 不重复 scope; only entity-project needs the takers.
  const trackTakers = c.options.dedupScope === "entity-project";
  for (;;) {
    for (const byTier of c.pools.values())
      for (const pool of byTier.values()) {
        pool.thisYear = ZERO;
        pool.takers = [];
      }
    const beforeDedup = new Map<Working, { reasons: Reason[]; capUse: CapUse | null; amount: Money }>();
    for (const w of yearRows) {
      const s = start.get(w)!;
      w.result.status = s.status;
      w.dedup = null;
      w.bindingTakers = undefined;
      const gone = lost.get(w);
      if (gone) {
        w.result.reasons = [...gone.reasons];
        w.capUse = gone.capUse;
        w.amount = ZERO;
        w.lostAmount = gone.amount;
        continue;
      }
      w.result.reasons = [...s.reasons];
      w.amount = s.amount;
      w.capUse = null;
      w.capPools = undefined;
      applySharedCaps(w, year, c.pools, c.history, c.policy, trackTakers);
      beforeDedup.set(w, { reasons: [...w.result.reasons], capUse: w.capUse, amount: w.amount });
    }
    noDuplication(yearRows.filter(c.live), c.working, c.options.dedupScope);
    const newly = yearRows.filter((w) => w.result.status === "superseded" && !lost.has(w));
    for (const w of newly) lost.set(w, beforeDedup.get(w)!);
    if (!newly.some((w) => w.capPools !== undefined && beforeDedup.get(w)!.amount.greaterThan(0))) return;
  }
}

/**
 * RULES.md 不重复 steps 3 and 5, applied to each row before the batch: the claimed amount if lower than the row's
 * amount after its own cap (a higher claim is flagged), then support under other provincial policies.
 */
function applyClaimAndOtherSupport(w: Working, otherSupport: Options["otherSupport"]): void {
  const claimed = w.result.claimed;
  if (claimed !== null) {
    const why = claimReason(claimed, w.amount);
    if (why) w.result.reasons.push(why);
    if (claimed.lessThan(w.amount)) w.amount = claimed;
  }
  const other = w.other;
  if (other !== null && !other.isZero()) {
    w.result.reasons.push(otherSupportReason(other, w.amount, otherSupport));
    w.amount = otherSupport === "exclude" || other.greaterThanOrEqualTo(w.amount) ? ZERO : w.amount.minus(other);
  }
  // The row's amount enters the batch rounded half-up to the fen, its one rounding (RULES.md; the lead's
  // decision on issue 17: a claim of 100.005 is 100.01 in every cap and total it meets).
  w.amount = roundToFen(w.amount);
}

/** The claimed amount against the row's amount after its own cap: the lower claim is paid, a higher one flagged. */
/** Unreadable records send their entity's rows to a person; one-time awards already received are refused. */
function applyHistoryRecords(working: readonly Working[], history: History, policy: ParameterSet, live: (w: Working) => boolean): void {
  if (history.entries.length === 0 && history.unreadable.size === 0) return;
  // Paid one-time records by entity and measure, in record order: one naming no project refuses every project
  // of the entity, one naming a project that project only; M4b is per entity (RULES.md revision 3).
  const received = new Map<string, HistoryEntry[]>();
  const twoParts = new Map<string, HistoryEntry[]>();
  const noTier = new Map<string, HistoryEntry[]>();
  for (const h of history.entries) {
    for (const m of h.measures) {
      const key = `${h.entity}|${m}`;
      if (roundToFen(h.amount).greaterThan(0)) (received.get(key) ?? received.set(key, []).get(key)!).push(h);
      if (h.written !== null) (twoParts.get(key) ?? twoParts.set(key, []).get(key)!).push(h);
      if (h.tierUnknown && roundToFen(h.amount).greaterThan(0)) (noTier.get(key) ?? noTier.set(key, []).get(key)!).push(h);
    }
  }
  for (const w of working) {
    if (!live(w) || !w.measure) continue;
    const bad = history.unreadable.get(w.entity);
    if (bad) {
      w.result.status = "manual";
      for (const b of bad) w.result.reasons.push(unreadableHistoryReason(b));
    }
    const key = w.key;
    for (const h of twoParts.get(key) ?? []) w.result.reasons.push(twoPartsReason(h));
    for (const h of noTier.get(key) ?? []) w.result.reasons.push(noTierReason(h));
    if (!measureParams(policy, w.measure).oneTime) continue;
    const paid = (received.get(key) ?? []).find((h) => w.measure === "M4b" || h.project === null || h.project === w.projectId);
    if (paid) {
      w.result.status = "ineligible";
      w.amount = ZERO;
      w.result.reasons.push(receivedBeforeReason(w.result.clause, paid, w.measure === "M4b"));
      // 第4条: the part paid before also contradicts the row's 首次达到 (RULES.md revision 3), naming the record.
      if (w.measure === "M4a" || w.measure === "M4b") w.result.reasons.push(notFirstTimeReason(w.measure, { record: paid }));
    }
  }
}

/**
 * A one-time measure is an event: within the batch it pays in the first award year of its award only (the
 * entity's project — base, site, centre, zone — or, for M4b, the entity; that year's rows share its amount or cap), whether or not that year's row is then paid. Rows of a later year are
 * `already_received`, naming the first row.
 */
function firstAwardYearOnly(working: readonly Working[], policy: ParameterSet, live: (w: Working) => boolean): void {
  const oneTime = (w: Working) => w.measure !== null && measureParams(policy, w.measure).oneTime === true;
  const first = new Map<string, Working>();
  for (const w of working) {
    if (!live(w) || w.result.year === null || !oneTime(w)) continue;
    const current = first.get(awardOf(w));
    if (!current || w.result.year < current.result.year!) first.set(awardOf(w), w);
  }
  if (first.size === 0) return;
  for (const w of working) {
    if (!live(w) || !oneTime(w)) continue;
    const firstRow = first.get(awardOf(w));
    if (!firstRow || w.result.year! <= firstRow.result.year!) continue;
    w.result.status = "ineligible";
    w.amount = ZERO;
    w.result.reasons.push(firstAwardYearReason(w.result.clause, { source: firstRow.result.source, year: firstRow.result.year! }));
  }
}

/**
 * "First reaches" (首次达到) contradicted by the batch itself: a live 第4条 row (its flag said first time) is
 * `ineligible`, `not_first_time`, when a row of the same part, of an earlier award year, of the same entity (and
 * for M4a the same site), whatever its status, shows import+export at or above that part's threshold. The
 * evidence named is the earliest such row (earliest year, then first in the batch).
 */
function firstTimeContradicted(working: readonly Working[], policy: ParameterSet, live: (w: Working) => boolean): void {
  const reached = (w: Working): boolean => {
    if (w.measure !== "M4a" && w.measure !== "M4b") return false;
    const threshold = measureParams(policy, w.measure).threshold!;
    let value: Decimal;
    try {
      value = nonNegativeAmount(w.facts.importExport, "importExport", { zh: "年度进出口额", en: "import+export" });
    } catch {
      return false;
    }
    const bound = new Decimal(threshold.value);
    return threshold.comparison === ">" ? value.greaterThan(bound) : value.greaterThanOrEqualTo(bound);
  };
  const evidence = new Map<string, Working>();
  for (const w of working) {
    if (!w.result.entityId || w.result.year === null || !reached(w)) continue;
    const site = awardOf(w);
    const current = evidence.get(site);
    if (!current || w.result.year < current.result.year!) evidence.set(site, w);
  }
  for (const w of working) {
    if (!live(w) || (w.measure !== "M4a" && w.measure !== "M4b") || w.result.year === null) continue;
    const earlier = evidence.get(awardOf(w));
    if (!earlier || earlier.result.year! >= w.result.year) continue;
    w.result.status = "ineligible";
    w.amount = ZERO;
    w.result.reasons.push(notFirstTimeReason(w.measure, { row: { source: earlier.result.source, year: earlier.result.year! } }));
  }
}

/**
 * `loan` mode pays a loan once: the whole window in one award, decided on the loan's first award year in the
 * batch like a one-time award (whether or not that year's row is then paid); a live row of a later award year
 * of the same loan — same entity, measure, project, principal and start date — is `ineligible`,
 * `already_received`, naming the first year's first row.
 */
function loanPaidOnce(working: readonly Working[], policy: ParameterSet, live: (w: Working) => boolean): void {
  const loanOf = (w: Working): string | null => {
    if (!w.measure || w.result.year === null || measureParams(policy, w.measure).kind !== "interest") return null;
    const loan = w.facts.loan;
    if (!loan || typeof loan.startDate !== "string" || loan.principal === null || loan.principal === undefined || loan.principal === "")
      return null;
    const start = parseIsoDate(loan.startDate);
    if (start === null) return null;
    let principal: string;
    try {
      const p = loan.principal;
      principal = Array.isArray(p)
        ? "schedule " + p.map((b: BalancePoint) => `${b.date}=${amountOf(b.balance).toString()}`).join(",")
        : amountOf(p as DecimalInput).toString();
    } catch {
      return null;
    }
    return `${w.key}|${w.projectId}|${principal}|${start}`;
  };
  const first = new Map<string, Working>();
  const keys = new Map<Working, string>();
  for (const w of working) {
    if (!live(w)) continue;
    const key = loanOf(w);
    if (key === null) continue;
    keys.set(w, key);
    const current = first.get(key);
    if (!current || w.result.year! < current.result.year!) first.set(key, w);
  }
  for (const [w, key] of keys) {
    const firstRow = first.get(key)!;
    if (w.result.year! <= firstRow.result.year!) continue;
    w.result.status = "ineligible";
    w.amount = ZERO;
    w.result.reasons.push(loanPaidReason({ source: firstRow.result.source, year: firstRow.result.year! }));
  }
}

const amountOf = (value: DecimalInput) => nonNegativeAmount(value, "principal", { zh: "贷款本金", en: "loan principal" });

/** One award of a one-time measure: per (entity, project id) — a base, a site, a centre, a zone — but M4b per entity. */
function awardOf(w: Working): string {
  return w.measure === "M4b" ? w.key : `${w.key}|${w.projectId}`;
}

// ---------------------------------------------------------------------------------------------------------
// Shared caps, in row order

export interface CapPool {
  limit: Money;
  scope: CapUse["scope"];
  history: Money;
  /** What the batch's earlier years paid of this measure (after 不重复): cumulative limits only. */
  paidBefore: Money;
  /** What earlier rows of the year being settled took (before 不重复). */
  thisYear: Money;
  /** The rows of this year that took part of it, for the note when one of them then loses 不重复. */
  takers: Working[];
}

function applySharedCaps(
  w: Working,
  year: number,
  pools: Map<string, Map<number, CapPool>>,
  history: History,
  policy: ParameterSet,
  trackTakers: boolean,
): void {
  const award = w.award;
  if (!award || award.cap === null || !w.measure) return;
  const scope = award.capScope!;
  const limits = limitsOf(policy, w.measure, award.capTier);
  // The entity's limits of this measure, by tier (and by year for an annual cap); keyed by the row's own key.
  // A one-time award's cap (entity-lifetime) is per award: the entity's base, centre or zone, not the entity.
  const poolKey = scope === "entity-lifetime" ? awardOf(w) : w.key;
  let byTier = pools.get(poolKey);
  if (!byTier) pools.set(poolKey, (byTier = new Map()));
  const rowPools: CapPool[] = limits.map(({ tier, amount }) => {
    const slot = scope === "entity-year" ? tier * 10_000 + year : tier;
    let pool = byTier.get(slot);
    if (!pool) {
      pool = {
        limit: amount,
        scope,
        history: historyUsed(history, w.entity, w.measure!, scope, year, tier, w.projectId),
        paidBefore: ZERO,
        thisYear: ZERO,
        takers: [],
      };
      byTier.set(slot, pool);
    }
    if (pool.takers.length && pool.takers[pool.takers.length - 1].result.year !== year) pool.takers = [];
    // An annual limit is new each year; a cumulative one has had the earlier years' payments of its tier and below.
    return pool;
  });
  let binding = rowPools[0];
  let remaining: Decimal | null = null;
  for (const pool of rowPools) {
    const left = maxDecimal(ZERO, pool.limit.minus(pool.history).minus(pool.paidBefore).minus(pool.thisYear));
    if (remaining === null || left.lessThan(remaining)) {
      remaining = left;
      binding = pool;
    }
  }
  const before = w.amount;
  const after = remaining !== null && before.greaterThan(remaining) ? remaining : before;
  w.capUse = {
    limit: binding.limit,
    scope,
    history: binding.history,
    earlierYears: binding.paidBefore,
    earlierRows: binding.thisYear,
    remaining: remaining ?? ZERO,
    before,
    after,
  };
  if (after !== before) {
    // The row's own cap already said so when it bit alone; the shared limit says it again with what was used.
    w.result.reasons = w.result.reasons.filter((r) => r.code !== "cap_applied");
    w.result.reasons.push(sharedCapReason(w.capUse, year));
    w.amount = after;
    w.bindingTakers = { takers: binding.takers, count: binding.takers.length };
  }
  for (const pool of rowPools) {
    pool.thisYear = pool.thisYear.plus(w.amount);
    if (trackTakers) pool.takers.push(w);
  }
  w.capPools = rowPools;
}

function historyUsed(
  history: History,
  entity: string,
  measure: MeasureId,
  scope: CapUse["scope"],
  year: number,
  tier: number,
  project: string,
): Decimal {
  let used = ZERO;
  for (const h of history.byEntity.get(entity) ?? []) {
    if (!h.measures.includes(measure)) continue;
    // A record counts against the limits of its project's tier and above; without its 总投资额, against all.
    if (h.capTier > tier) continue;
    // An annual cap counts only that year's records; the others count every record.
    if (scope === "entity-year" && h.year !== year) continue;
    // A one-time award's cap counts the records of its own project, or naming none.
    if (scope === "entity-lifetime" && h.project !== null && h.project !== project) continue;
    // A record is read to the fen, half-up.
    used = used.plus(roundToFen(h.amount));
  }
  return used;
}

// ---------------------------------------------------------------------------------------------------------
// 从优、就高、不重复

/** Each measure's total in each scope of 不重复 (its rows counted together), by `scope\u0000measure`. */
function dedupTotals(competing: readonly Working[], scopes: readonly string[]): Map<string, Decimal> {
  const totals = new Map<string, Decimal>();
  competing.forEach((w, i) => {
    const key = `${scopes[i]}\u0000${w.measure!}`;
    totals.set(key, (totals.get(key) ?? ZERO).plus(w.amount));
  });
  return totals;
}

/**
 * One measure per entity and scope within the year being settled — the highest total; ties to the lower clause
 * number (the two parts of one clause tie as one), then the earlier row. Several rows of one measure count
 * together. A row whose shared limit an earlier row used, when that row then loses, says so.
 */
function noDuplication(rows: readonly Working[], working: readonly Working[], dedupScope: Options["dedupScope"]): void {
  // Every row here is of the same year: the scope is the entity, or the entity's project.
  const competing = rows.filter((w) => w.measure);
  const scopes = competing.map((w) => (dedupScope === "entity-year" ? w.entity : `${w.entity}|${w.projectId}`));
  const winners = chooseWinners(
    competing.map((w, i) => ({
      scope: scopes[i],
      measureKey: w.measure!,
      clause: clauseNumber(w.measure!),
      index: w.result.index,
      amount: w.amount,
    })),
  );
  // The measures met in each scope (a short list), for the explanation of who won against whom.
  const measuresOf = new Map<string, MeasureId[]>();
  competing.forEach((w, i) => {
    const list = measuresOf.get(scopes[i]);
    if (!list) measuresOf.set(scopes[i], [w.measure!]);
    else if (!list.includes(w.measure!)) list.push(w.measure!);
  });
  const winnerText = new Map<DedupWinner, { zh: string; en: string }>();
  const totals = dedupTotals(competing, scopes);
  competing.forEach((w, i) => {
    const all = measuresOf.get(scopes[i])!;
    const win = winners.get(scopes[i]);
    if (all.length > 1) w.dedup = { won: win?.measureKey === w.measure, met: all };
    if (!win || win.measureKey === w.measure) return;
    let text = winnerText.get(win);
    if (!text) {
      // The winner's part of the message is the same for every row it supersedes.
      text = winnerWords(win.measureKey as MeasureId, working[win.firstIndex].result.source, win.total);
      winnerText.set(win, text);
    }
    w.result.status = "superseded";
    // A tie (its measure's total in the scope equals the winner's): which rule broke it is said.
    // A row superseded in an earlier round keeps what it lost with (its total is 0 now).
    const own = totals.get(`${scopes[i]}\u0000${w.measure!}`)!;
    const tie =
      w.lostAmount !== undefined
        ? (w.lostTie ?? null)
        : own.equals(win.total)
          ? clauseNumber(w.measure!) === clauseNumber(win.measureKey as MeasureId)
            ? "row"
            : "clause"
          : null;
    w.lostTie = tie;
    w.result.reasons.push(supersededReason(text, dedupScope, w.result.year!, w.lostAmount ?? w.amount, tie));
    w.amount = ZERO;
  });
  const lost = new LostTakers<Working>((t) => t.result.status === "superseded");
  for (const w of competing) {
    if (w.result.status === "superseded" || !w.bindingTakers) continue;
    const losers = lost.before(w.bindingTakers.takers, w.bindingTakers.count);
    if (losers.length === 0) continue;
    const capped = w.result.reasons.find((r) => r.code === "cap_applied");
    if (!capped) continue;
    addTakersNote(
      capped,
      losers.map((t) => t.result.source),
    );
  }
}

function totalsOf(rows: readonly ResultRow[]): Totals {
  const totals: Totals = { rows: rows.length, entities: 0, final: ZERO, byMeasure: {}, byStatus: {}, byCity: {} };
  const entities = new Set<string>();
  const add = (table: Record<string, TotalLine>, key: string, amount: Money) => {
    const line = table[key] ?? (table[key] = { rows: 0, final: ZERO });
    line.rows += 1;
    if (!amount.isZero()) line.final = line.final.plus(amount);
  };
  for (const row of rows) {
    if (row.entityId) entities.add(row.entityId);
    if (!row.final.isZero()) totals.final = totals.final.plus(row.final);
    add(totals.byMeasure, row.measure ?? UNKNOWN_KEY, row.final);
    add(totals.byStatus, row.status, row.final);
    add(totals.byCity, row.city || UNKNOWN_KEY, row.final);
  }
  totals.entities = entities.size;
  return orderTotalTables(totals);
}
