import { Decimal, ZERO } from "../money/money";

/**
 * 从优、就高、不重复 (the policy's closing paragraph): within one scope (an entity and year, or an entity and
 * project) only one measure is supported — the one with the highest total; ties go to the lower measure
 * number, then to the earlier row. Several rows of one measure count together. Shared by the batch resolver
 * and the HLJ.BEST_OF function.
 */
export interface DedupCandidate {
  /** e.g. `entity|year` */
  scope: string;
  /** The measure the amount belongs to (rows with the same key count together). */
  measureKey: string;
  /** The measure's clause number for the first tie-break; Infinity when unknown. */
  clause: number;
  /** Input order, for the second tie-break. */
  index: number;
  amount: Decimal;
}

export interface DedupWinner {
  measureKey: string;
  total: Decimal;
  /** Index of the winning measure's first row. */
  firstIndex: number;
}

/** The winner of each scope whose best total is above zero. */
export function chooseWinners(candidates: Iterable<DedupCandidate>): Map<string, DedupWinner> {
  // One flat map of (scope, measure) totals, then one pass to pick each scope's best.
  const totals = new Map<string, { scope: string; measureKey: string; total: Decimal; clause: number; firstIndex: number }>();
  for (const c of candidates) {
    const key = `${c.scope}\u0000${c.measureKey}`;
    const entry = totals.get(key);
    if (entry) {
      if (!c.amount.isZero()) entry.total = entry.total.plus(c.amount);
      if (c.index < entry.firstIndex) entry.firstIndex = c.index;
    } else {
      totals.set(key, { scope: c.scope, measureKey: c.measureKey, total: c.amount, clause: c.clause, firstIndex: c.index });
    }
  }
  const best = new Map<string, { measureKey: string; total: Decimal; clause: number; firstIndex: number }>();
  for (const m of totals.values()) {
    const current = best.get(m.scope);
    if (
      current === undefined ||
      m.total.greaterThan(current.total) ||
      (m.total.equals(current.total) && (m.clause < current.clause || (m.clause === current.clause && m.firstIndex < current.firstIndex)))
    ) {
      best.set(m.scope, m);
    }
  }
  const winners = new Map<string, DedupWinner>();
  for (const [scope, m] of best) {
    if (m.total.greaterThan(ZERO)) winners.set(scope, { measureKey: m.measureKey, total: m.total, firstIndex: m.firstIndex });
  }
  return winners;
}
