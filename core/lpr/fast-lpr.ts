/**
 * An LPR table in the screening engine's form: effective dates as day numbers, rates as whole rate units.
 * The same lookups as lpr-table.ts (lprOn, assertLprKnownThroughout, lprChangesWithin), answering "unknown"
 * where those throw: the engine then leaves the row to the reference, which says which date needs a rate.
 */
import { toDayNumber } from "../dates/civil-date";
import { rateUnitsOfDecimal } from "../money/fen";
import { LprTable } from "./lpr-table";

export interface FastLpr {
  /** Effective day numbers, ascending. */
  days: Float64Array;
  /** Rate units of each entry. */
  units: Float64Array;
  /** Known ranges: first and last day (Infinity when open-ended). */
  knownFrom: Float64Array;
  knownThrough: Float64Array;
}

const tables = new WeakMap<LprTable, FastLpr | null>();

/** The table in day numbers and rate units, or null when a rate is not a whole number of units (decimal.js then). */
export function fastLpr(table: LprTable): FastLpr | null {
  if (tables.has(table)) return tables.get(table)!;
  const units = table.entries.map((e) => rateUnitsOfDecimal(e.rate));
  const fast = units.some(Number.isNaN)
    ? null
    : {
        days: Float64Array.from(table.entries, (e) => toDayNumber(e.effective)),
        units: Float64Array.from(units),
        knownFrom: Float64Array.from(table.known, (r) => toDayNumber(r.from)),
        knownThrough: Float64Array.from(table.known, (r) => (r.through === null ? Infinity : toDayNumber(r.through))),
      };
  tables.set(table, fast);
  return fast;
}

/** Index of the known range holding `day`, or -1. */
function rangeOf(lpr: FastLpr, day: number): number {
  for (let i = 0; i < lpr.knownFrom.length; i++) if (lpr.knownFrom[i] <= day && day <= lpr.knownThrough[i]) return i;
  return -1;
}

/** Index of the entry in force on `day` (lprOn), or -1 when the rate is unknown. */
export function fastLprOn(lpr: FastLpr, day: number): number {
  if (rangeOf(lpr, day) < 0) return -1;
  const days = lpr.days;
  let low = 0;
  let high = days.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (days[mid] <= day) low = mid;
    else high = mid - 1;
  }
  return days[low] > day ? -1 : low;
}

/** Whether every day of [from, toExclusive) has a known rate (assertLprKnownThroughout). */
export function fastLprKnownThroughout(lpr: FastLpr, from: number, toExclusive: number): boolean {
  if (from >= toExclusive) return true;
  const range = rangeOf(lpr, from);
  return range >= 0 && toExclusive - 1 <= lpr.knownThrough[range];
}
