/** The settlement year by year (RULES.md: a batch with several award years is settled earliest first). */
import { BATCH, SUPERSEDED, isLive } from "./columns";
import { groupByProject, sortByYear } from "./entity-rows";
import { LostTakers } from "./lost-takers";
import { noDuplication } from "./no-duplication";
import { takeSharedCap } from "./shared-caps";
import { Work } from "./work";

/**
 * Year by year, earliest first: shared caps in row order, then 不重复 in each scope, again while 不重复 supersedes
 * a row that had taken part of a shared cap; what a year pays is history for the next.
 */
export function settleYears(work: Work, rows: Int32Array, count: number, e: number): void {
  const { columns, pools } = work;
  const { status, year } = columns;
  // The live rows, years in order and input order within a year.
  let live = 0;
  for (let k = 0; k < count; k++) if (isLive(status[rows[k]])) rows[live++] = rows[k];
  if (live === 0) return;
  sortByYear(rows, live, year);
  pools.clear();
  // (Map.clear makes a new table even when empty.)
  if (work.bindingTakers.size) work.bindingTakers.clear();
  for (let from = 0; from < live;) {
    const y = year[rows[from]];
    let to = from;
    while (to < live && year[rows[to]] === y) to++;
    settleYear(work, rows, from, to, y, e);
    noteLostTakers(work, rows, from, to);
    paidThisYear(work, rows, from, to);
    from = to;
  }
}

/**
 * One award year: shared caps in row order, then 不重复; when 不重复 supersedes a row that had taken part of a
 * shared cap, the caps are shared again among the rows still paid and 不重复 decided again, until nothing changes
 * (RULES.md revision 3: a superseded row takes no share of a cap; it stays superseded, so at most as many rounds
 * as rows).
 */
function settleYear(work: Work, rows: Int32Array, from: number, to: number, y: number, e: number): void {
  const { columns, pools, startAmount, startFlags } = work;
  const { status, amount, flags } = columns;
  for (let k = from; k < to; k++) {
    startAmount[rows[k]] = amount[rows[k]];
    startFlags[rows[k]] = flags[rows[k]];
  }
  for (;;) {
    // A new round: the rows still paid start again from what they had before the year's caps.
    for (let p = 0; p < pools.count; p++) {
      pools.thisYear[p] = 0;
      pools.takers[p].length = 0;
    }
    if (work.bindingTakers.size) work.bindingTakers.clear();
    for (let k = from; k < to; k++) {
      const i = rows[k];
      if (status[i] === SUPERSEDED) continue;
      amount[i] = startAmount[i];
      flags[i] = startFlags[i];
      columns.dedupMet[i] = -1;
      columns.dedupWon[i] = 0;
      columns.exactHistory.delete(i);
      takeSharedCap(work, i, y, e);
    }
    if (work.options.dedupScope === "entity-project") {
      // One scope per project, in order of first appearance.
      const byProject = groupByProject(rows, from, to, columns.project);
      for (let g = 1; g < byProject.ends.length; g++) noDuplication(work, byProject.rows, byProject.ends[g - 1], byProject.ends[g]);
    } else noDuplication(work, rows, from, to);
    // Again only when a row this round superseded had taken part of a shared cap.
    let again = false;
    for (let k = from; k < to && !again; k++) {
      const i = rows[k];
      again =
        status[i] === SUPERSEDED &&
        !(startFlags[i] & BATCH.superseded) &&
        (flags[i] & BATCH.capUsed) !== 0 &&
        columns.supersededAmount[i] > 0;
    }
    if (!again) return;
    // The rows superseded so far stay superseded: mark them so for the next round.
    for (let k = from; k < to; k++) if (status[rows[k]] === SUPERSEDED) startFlags[rows[k]] |= BATCH.superseded;
  }
}

/** Rows that used a limit first and then lost 不重复, once every scope of the year is settled. */
function noteLostTakers(work: Work, rows: Int32Array, from: number, to: number): void {
  const { columns, pools } = work;
  const { status } = columns;
  if (!work.bindingTakers.size) return;
  const lost = new LostTakers<number>((t) => status[t] === SUPERSEDED);
  for (let k = from; k < to; k++) {
    const i = rows[k];
    const binding = work.bindingTakers.get(i);
    if (status[i] === SUPERSEDED || !binding) continue;
    const losers = lost.before(pools.takers[binding.pool], binding.count);
    if (losers.length) columns.takers.set(i, losers);
  }
}

/**
 * Like a history record, a year's payment counts against the cumulative limits of its own tier and above (第1条:
 * a project of the upper tier against the upper limit only, one of the lower tier against both): a batch of several
 * years pays what paying them in turn would.
 */
function paidThisYear(work: Work, rows: Int32Array, from: number, to: number): void {
  const { columns, pools, rowPools, maxLimits, measures } = work;
  for (let k = from; k < to; k++) {
    const i = rows[k];
    if (!isLive(columns.status[i]) || measures[columns.measure[i]].scope === "entity-year") continue;
    for (let t = 0; t < maxLimits; t++) {
      const p = rowPools[i * maxLimits + t];
      if (p >= 0) pools.paidBefore[p] += columns.amount[i];
    }
  }
  for (let p = 0; p < pools.count; p++) pools.thisYear[p] = 0;
}
