import { InputError, LprUnknownError } from "../errors/errors";
import { DecimalInput, Decimal, dec, formatRate } from "../money/money";
import { IsoDate, addDays, parseIsoDate } from "../dates/civil-date";
import builtIn from "../policy/lpr-one-year.json";

/**
 * The one-year loan prime rate (一年期LPR) by effective date. A rate applies from its publication date until
 * the next one. Outside [knownFrom, knownThrough] the rate is unknown and asking for it is an error, never a
 * guess. Callers extend or override the table with their own (date, rate) entries, without a new release.
 */
export interface LprEntry {
  effective: IsoDate;
  rate: Decimal;
  origin: "built-in" | "supplied";
}

export interface LprTable {
  /** Sorted by effective date, one entry per date. */
  entries: readonly LprEntry[];
  knownFrom: IsoDate;
  /** Last day the table is known to be right; null when a supplied entry leaves it open-ended. */
  knownThrough: IsoDate | null;
}

export interface SuppliedLprEntry {
  date: IsoDate;
  rate: DecimalInput;
}

let builtInTable: LprTable | null = null;

export function builtInLprTable(): LprTable {
  if (!builtInTable) {
    const entries = builtIn.entries.map((e) => ({ effective: e.effective, rate: dec(e.rate), origin: "built-in" as const }));
    builtInTable = Object.freeze({ entries: Object.freeze(entries), knownFrom: entries[0].effective, knownThrough: builtIn.knownThrough });
  }
  return builtInTable;
}

/**
 * Supplied entries override built-in ones of the same date and add new ones. An entry dated after the
 * table's knownThrough states the rate in force from that date on, so the table becomes open-ended: the
 * caller, not the table, vouches for later dates. An entry before knownFrom extends the table backwards.
 */
export function withSuppliedLpr(base: LprTable, supplied: readonly SuppliedLprEntry[], field = "lprTable"): LprTable {
  if (supplied.length === 0) return base;
  const byDate = new Map<IsoDate, LprEntry>(base.entries.map((e) => [e.effective, e]));
  let knownFrom = base.knownFrom;
  let knownThrough = base.knownThrough;
  supplied.forEach((entry, index) => {
    const where = `${field} row ${index + 1}`;
    if (typeof entry.date !== "string" || parseIsoDate(entry.date) === null) {
      throw new InputError(
        "type",
        field,
        `${where}：日期无效 ${String(entry.date)}`,
        `${where}: ${JSON.stringify(entry.date)} is not a date`,
      );
    }
    const rate = checkedRate(entry.rate, `${field} row ${index + 1}`);
    byDate.set(entry.date, { effective: entry.date, rate, origin: "supplied" });
    if (entry.date < knownFrom) knownFrom = entry.date;
    if (knownThrough !== null && entry.date > knownThrough) knownThrough = null;
  });
  const entries = [...byDate.values()].sort((a, b) => (a.effective < b.effective ? -1 : 1));
  return { entries, knownFrom, knownThrough };
}

/** A rate as a fraction in [0, 1]; `3.45` is refused with the hint to write 3.45% or 0.0345. */
export function checkedRate(value: DecimalInput, field: string): Decimal {
  let rate: Decimal;
  try {
    rate = dec(value);
  } catch {
    throw new InputError("type", field, `${field}：${String(value)} 不是数字`, `${field}: ${JSON.stringify(value)} is not a number`);
  }
  if (!rate.isFinite()) throw new InputError("type", field, `${field}：不是有限数字`, `${field}: not a finite number`);
  if (rate.isNegative()) throw new InputError("range", field, `${field}：利率不能为负数`, `${field}: a rate cannot be negative`);
  if (rate.greaterThan(1)) {
    throw new InputError(
      "range",
      field,
      `${field}：${rate.toString()} 像是百分点数，请写 ${rate.toString()}% 或 ${rate.dividedBy(100).toString()}`,
      `${field}: ${rate.toString()} looks like percent points: write ${rate.toString()}% or ${rate.dividedBy(100).toString()}`,
    );
  }
  return rate;
}

export interface LprLookup {
  rate: Decimal;
  /** The effective date of the entry in force. */
  effective: IsoDate;
  origin: LprEntry["origin"];
}

/** The one-year LPR in force on `date`, or LprUnknownError naming `field`, the input that gave the date. */
export function lprOn(table: LprTable, date: IsoDate, field?: string): LprLookup {
  if (date < table.knownFrom || (table.knownThrough !== null && date > table.knownThrough)) {
    throw new LprUnknownError(date, table.knownFrom, table.knownThrough, field);
  }
  const entries = table.entries;
  let low = 0;
  let high = entries.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (entries[mid].effective <= date) low = mid;
    else high = mid - 1;
  }
  const entry = entries[low];
  if (entry.effective > date) throw new LprUnknownError(date, table.knownFrom, table.knownThrough, field);
  return { rate: entry.rate, effective: entry.effective, origin: entry.origin };
}

/** Throws unless every day of [from, toExclusive) has a known LPR; the error names the start or end field. */
export function assertLprKnownThroughout(
  table: LprTable,
  from: IsoDate,
  toExclusive: IsoDate,
  fields = { from: "startDate", to: "endDate" },
): void {
  if (from >= toExclusive) return;
  if (from < table.knownFrom) throw new LprUnknownError(from, table.knownFrom, table.knownThrough, fields.from);
  const lastDay = addDays(toExclusive, -1);
  if (table.knownThrough !== null && lastDay > table.knownThrough) {
    throw new LprUnknownError(addDays(table.knownThrough, 1), table.knownFrom, table.knownThrough, fields.to);
  }
}

/** Effective dates strictly inside (from, toExclusive): where a floating rate changes. */
export function lprChangesWithin(table: LprTable, from: IsoDate, toExclusive: IsoDate): IsoDate[] {
  return table.entries.map((e) => e.effective).filter((d) => d > from && d < toExclusive);
}

export function describeLpr(lookup: LprLookup): string {
  return `${formatRate(lookup.rate)} (${lookup.effective})`;
}
