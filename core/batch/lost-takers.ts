/**
 * The rows that took part of a shared limit and then lost 不重复, for the note of a later row the limit bit
 * (words/batch-reasons.ts's addTakersNote): those among the limit's first `count` takers. Each list of takers is gone
 * through once, however many rows it bit, so that one entity's many rows take linear time (beyond the notes'
 * own words). Make one after 不重复 has settled a year, while the lists of takers stay as they are.
 */
export class LostTakers<T> {
  private readonly lists = new Map<readonly T[], { rows: T[]; at: number[] }>();
  private readonly lost: (taker: T) => boolean;

  constructor(lost: (taker: T) => boolean) {
    this.lost = lost;
  }

  /** The takers among `takers`' first `count` that lost, in their order. */
  before(takers: readonly T[], count: number): T[] {
    let list = this.lists.get(takers);
    if (!list) {
      list = { rows: [], at: [] };
      for (let k = 0; k < takers.length; k++) {
        if (!this.lost(takers[k])) continue;
        list.rows.push(takers[k]);
        list.at.push(k);
      }
      this.lists.set(takers, list);
    }
    // How many of them came before the count (positions ascend).
    let lo = 0;
    let hi = list.at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list.at[mid] < count) lo = mid + 1;
      else hi = mid;
    }
    return list.rows.slice(0, lo);
  }
}
