/** The settlement's third step, year by year: shared caps in row order, each row's share recorded (CAP_USE). */
import { MEASURE_IDS } from "../measures/measure-id";
import { BATCH, CAP_USE } from "./columns";
import { historyUsed } from "./history";
import { oneTimeKey } from "./one-time";
import { Work } from "./work";

/** Shared caps in row order (第1条's two nested limits): the row takes what is left of its tightest limit. */
export function takeSharedCap(work: Work, i: number, year: number, e: number): void {
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
    // A one-time award's cap (entity-lifetime) is per award — a base, a centre, a zone (one-time.ts) — not per entity.
    const key = scope === "entity-lifetime" ? -1 - (oneTimeKey(m, columns.project[i]) * 16 + tier) : m * 100_000_000 + slot;
    let p = pools.find(key);
    if (p < 0) {
      const used = historyUsed(history, e, MEASURE_IDS[m], scope, year, tier, columns.project[i]);
      p = pools.add(key, fen, used.fen, year);
      pools.exactHistory[p] = used.exact;
    }
    if (pools.takers[p].length && pools.takersYear[p] !== year) pools.takers[p].length = 0;
    rowPools[i * maxLimits + t] = p;
    // (A cumulative limit has had the earlier years' payments of its tier and below: years.ts's paidThisYear.)
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
  const exact = pools.exactHistory[binding];
  if (exact !== null) columns.exactHistory.set(i, exact);
  columns.flags[i] |= BATCH.capUsed;
  if (after !== before) {
    columns.flags[i] |= BATCH.sharedCap;
    columns.amount[i] = after;
    if (trackTakers) work.bindingTakers.set(i, { pool: binding, count: pools.takers[binding].length });
  }
  for (let t = 0; t < limits.length; t++) {
    const p = rowPools[i * maxLimits + t];
    // At most the limit: each row takes no more than is left of it.
    pools.thisYear[p] += columns.amount[i];
    if (trackTakers) {
      pools.takers[p].push(i);
      pools.takersYear[p] = year;
    }
  }
}
