/** The settlement's fourth step: 从优、就高、不重复 over what is left, one measure per scope (RULES.md). */
import { MEASURE_IDS } from "../measures/measure-id";
import { BATCH, SUPERSEDED } from "./columns";
import { Work } from "./work";

/**
 * 不重复 within one scope of an entity's year (the entity, or one of its projects): rows[from, to), the measure
 * with the highest total; ties to the lower clause number, then the earlier row (no-duplication.ts's
 * chooseWinners, in fen).
 */
export function noDuplication(work: Work, rows: Int32Array, from: number, to: number): void {
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
    } else totals[m] += amount[i];
  }
  let best = met[0];
  let big = false;
  for (let k = 0; k < metCount; k++) if (totals[met[k]] > Number.MAX_SAFE_INTEGER) big = true;
  const exact = big ? exactTotals(work, rows, from, to) : null;
  for (let k = 1; k < metCount; k++) {
    const m = met[k];
    const clause = measures[m].clause;
    const bestClause = measures[best].clause;
    const higher = exact ? exact.get(m)! > exact.get(best)! : totals[m] > totals[best];
    const equal = exact ? exact.get(m) === exact.get(best) : totals[m] === totals[best];
    if (higher || (equal && (clause < bestClause || (clause === bestClause && firsts[m] < firsts[best])))) {
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
    // A row superseded in an earlier round (years.ts) keeps the amount it had when it lost, and whether that was a
    // tie (its amount is 0 now); its winner is told again.
    if (status[i] !== SUPERSEDED) {
      columns.supersededAmount[i] = amount[i];
      // A tie (its measure's total equals the winner's): the words say which rule broke it.
      const tie = exact ? exact.get(measure[i]) === exact.get(winner) : totals[measure[i]] === totals[winner];
      if (tie) columns.flags[i] |= BATCH.dedupTie;
    }
    status[i] = SUPERSEDED;
    columns.flags[i] |= BATCH.superseded;
    columns.refRow[i] = firsts[winner];
    columns.winnerMeasure[i] = winner;
    columns.winnerTotal[i] = totals[winner];
    if (exact) columns.exactWinnerTotal.set(i, exact.get(winner)!);
    amount[i] = 0;
  }
}

/** A scope's totals by measure, exactly, where one passes 2^53 fen (rows of trillions): the rare path. */
function exactTotals(work: Work, rows: Int32Array, from: number, to: number): Map<number, bigint> {
  const { measure, amount } = work.columns;
  const exact = new Map<number, bigint>();
  for (let k = from; k < to; k++) {
    const i = rows[k];
    exact.set(measure[i], (exact.get(measure[i]) ?? BigInt(0)) + BigInt(amount[i]));
  }
  return exact;
}
