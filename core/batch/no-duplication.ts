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
  const totals = new Map<string, Map<string, { total: Decimal; clause: number; firstIndex: number }>>();
  for (const c of candidates) {
    let scope = totals.get(c.scope);
    if (!scope) totals.set(c.scope, (scope = new Map()));
    const entry = scope.get(c.measureKey);
    if (entry) {
      entry.total = entry.total.plus(c.amount);
      entry.firstIndex = Math.min(entry.firstIndex, c.index);
    } else {
      scope.set(c.measureKey, { total: c.amount, clause: c.clause, firstIndex: c.index });
    }
  }
  const winners = new Map<string, DedupWinner>();
  for (const [scopeKey, measures] of totals) {
    let best: DedupWinner | null = null;
    let bestClause = Infinity;
    for (const [measureKey, m] of measures) {
      const better =
        best === null ||
        m.total.greaterThan(best.total) ||
        (m.total.equals(best.total) && (m.clause < bestClause || (m.clause === bestClause && m.firstIndex < best.firstIndex)));
      if (better) {
        best = { measureKey, total: m.total, firstIndex: m.firstIndex };
        bestClause = m.clause;
      }
    }
    if (best && best.total.greaterThan(ZERO)) winners.set(scopeKey, best);
  }
  return winners;
}
