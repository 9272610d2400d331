/** The settlement year by year (RULES.md: a batch with several award years is settled earliest first). */
import { SUPERSEDED, isLive } from "./columns";
import { groupByProject, sortByYear } from "./entity-rows";
import { LostTakers } from "./lost-takers";
import { noDuplication } from "./no-duplication";
import { takeSharedCap } from "./shared-caps";
import { Work } from "./work";

/**
 * Year by year, earliest first: shared caps in row order, then 不重复 in each scope; what a year pays is
 * history for the next.
 */
export function settleYears(work: Work, rows: Int32Array, count: number, e: number): void {
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
      work.paidEarlier[m] += amount[i];
    }
    for (let p = 0; p < pools.count; p++) pools.thisYear[p] = 0;
    from = to;
  }
}
