import { InputError, LprUnknownError } from "../errors/errors";
import { DecimalInput, Decimal, dec, formatRate } from "../money/money";
import { IsoDate, addDays, maxDate, parseIsoDate } from "../dates/civil-date";
import builtIn from "../policy/lpr-one-year.json";
import { INPUT_BOUNDS } from "../policy/input-bounds";
import { shownNumber } from "../money/input";

/**
 * The one-year loan prime rate (一年期LPR) by effective date. A rate applies from its publication date until
 * the next one. Outside the ranges the table knows the rate is unknown and asking for it is an error, never a
 * guess. Callers extend or override the table with their own (date, rate) entries, without a new release.
 */
export interface LprEntry {
  effective: IsoDate;
  rate: Decimal;
  origin: "built-in" | "supplied";
}

/** Days the table vouches for: from `from` through `through` (inclusive), or open-ended when null. */
export interface KnownRange {
  from: IsoDate;
  through: IsoDate | null;
}

export interface LprTable {
  /** Sorted by effective date, one entry per date. */
  entries: readonly LprEntry[];
  /** Sorted, disjoint, not adjacent; the last may be open-ended. */
  known: readonly KnownRange[];
  knownFrom: IsoDate;
  /** Last day of the range that starts at knownFrom; null when that range is open-ended. */
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
    const known = Object.freeze([Object.freeze({ from: entries[0].effective, through: builtIn.knownThrough })]);
    builtInTable = Object.freeze({
      entries: Object.freeze(entries),
      known,
      knownFrom: entries[0].effective,
      knownThrough: builtIn.knownThrough,
    });
  }
  return builtInTable;
}

/**
 * Supplied entries override built-in ones of the same date and add new ones. A supplied entry vouches for the
 * days from its own date until the next entry the table already knows, or from its date on when none follows:
 * an entry dated 2026-09-22 after a table known through 2026-08-19 makes 2026-09-22 onward known, while
 * 2026-08-20 – 2026-09-21 stay unknown. An entry before the table's first date extends it backwards.
 */
export function withSuppliedLpr(base: LprTable, supplied: readonly SuppliedLprEntry[], field = "lprTable"): LprTable {
  if (supplied.length === 0) return base;
  const byDate = new Map<IsoDate, LprEntry>(base.entries.map((e) => [e.effective, e]));
  const known: KnownRange[] = base.known.map((r) => ({ ...r }));
  const suppliedAt = new Map<IsoDate, number>();
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
    const rate = checkedRate(entry.rate, field, "lpr", { zh: `${where} LPR利率`, en: `${where} LPR rate` });
    const earlier = suppliedAt.get(entry.date);
    if (earlier !== undefined && !byDate.get(entry.date)!.rate.equals(rate)) {
      throw conflictingLpr(field, entry.date, [earlier + 1, index + 1], [byDate.get(entry.date)!.rate, rate]);
    }
    suppliedAt.set(entry.date, index);
    byDate.set(entry.date, { effective: entry.date, rate, origin: "supplied" });
  });
  for (const entry of supplied) {
    if (rangeOf(known, entry.date)) continue;
    const next = known.find((r) => r.from > entry.date);
    known.push({ from: entry.date, through: next ? addDays(next.from, -1) : null });
    mergeRanges(known);
  }
  const entries = [...byDate.values()].sort((a, b) => (a.effective < b.effective ? -1 : 1));
  return { entries, known, knownFrom: known[0].from, knownThrough: known[0].through };
}

/**
 * Two supplied rows of one date with different rates (RULES.md revision 3): an error naming both rows, never
 * a pick between them (a wrong-type input: #VALUE! in a custom function).
 */
export function conflictingLpr(
  field: string,
  date: IsoDate,
  rows: readonly [number, number],
  rates: readonly [Decimal, Decimal],
): InputError {
  const [a, b] = rates.map((r) => formatRate(r));
  return new InputError(
    "type",
    field,
    `${field} 第${rows[0]}行与第${rows[1]}行：同一日期 ${date} 的LPR不同（${a}、${b}），请删去错误的一行`,
    `${field} rows ${rows[0]} and ${rows[1]}: two LPR rates for ${date} (${a}, ${b}); delete the wrong one`,
  );
}

function mergeRanges(ranges: KnownRange[]): void {
  ranges.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  for (let i = 0; i + 1 < ranges.length;) {
    const current = ranges[i];
    const next = ranges[i + 1];
    if (current.through === null || addDays(current.through, 1) >= next.from) {
      current.through = current.through === null || next.through === null ? null : maxDate(current.through, next.through);
      ranges.splice(i + 1, 1);
    } else i++;
  }
}

function rangeOf(ranges: readonly KnownRange[], date: IsoDate): KnownRange | undefined {
  return ranges.find((r) => r.from <= date && (r.through === null || date <= r.through));
}

/** `2019-08-20 – 2026-08-19, 2026-09-22 onward`: what the table knows, for messages. */
export function describeKnown(table: Pick<LprTable, "known">, language: "zh" | "en"): string {
  return table.known
    .map((r) =>
      r.through === null
        ? language === "zh"
          ? `${r.from}起`
          : `${r.from} onward`
        : language === "zh"
          ? `${r.from}至${r.through}`
          : `${r.from} to ${r.through}`,
    )
    .join(language === "zh" ? "、" : ", ");
}

function unknownRate(table: LprTable, date: IsoDate, field?: string): LprUnknownError {
  return new LprUnknownError(date, describeKnown(table, "zh"), describeKnown(table, "en"), field);
}

export type RateKind = "loan" | "lpr";

const RATE_BOUNDS: Readonly<Record<RateKind, { min: Decimal; max: Decimal; zeroAllowed: boolean }>> = {
  loan: { min: dec(INPUT_BOUNDS.loanRate.min), max: dec(INPUT_BOUNDS.loanRate.max), zeroAllowed: true },
  lpr: { min: dec(INPUT_BOUNDS.lprRate.min), max: dec(INPUT_BOUNDS.lprRate.max), zeroAllowed: false },
};

const RATE_LABELS: Readonly<Record<RateKind, { zh: string; en: string }>> = {
  loan: { zh: "贷款利率", en: "loan rate" },
  lpr: { zh: "LPR利率", en: "LPR rate" },
};

/**
 * A rate as a fraction within its plausible bounds (RULES.md "Reading numbers"): a loan rate is 0 or
 * 0.1%–24%, an LPR 0.50%–20%. `3.45` is refused with the hint to write 3.45% or 0.0345; a rate a hundred times
 * too small (0.029 in a column headed %) is refused as the unit mistake it almost always is.
 */
export function checkedRate(
  value: DecimalInput,
  field: string,
  kind: RateKind = "loan",
  label: { zh: string; en: string } = RATE_LABELS[kind],
): Decimal {
  let rate: Decimal;
  try {
    rate = dec(value);
  } catch {
    throw new InputError("type", field, `${label.zh}：${String(value)} 不是数字`, `${label.en}: ${JSON.stringify(value)} is not a number`);
  }
  const outOfRange = (zh: string, en: string) => new InputError("range", field, `${label.zh}：${zh}`, `${label.en}: ${en}`, "out_of_range");
  if (!rate.isFinite()) throw outOfRange("不是有限数字", "not a finite number");
  if (rate.isNegative()) throw new InputError("range", field, `${label.zh}：利率不能为负数`, `${label.en}: a rate cannot be negative`);
  const shown = shownNumber(rate);
  if (rate.greaterThan(1)) {
    throw outOfRange(
      `${shown} 像是百分点数，请写 ${shown}% 或 ${shownNumber(rate.dividedBy(100))}`,
      `${shown} looks like percent points: write ${shown}% or ${shownNumber(rate.dividedBy(100))}`,
    );
  }
  const { min, max, zeroAllowed } = RATE_BOUNDS[kind];
  if (rate.isZero() && zeroAllowed) return rate;
  const range = `${formatRate(min)}–${formatRate(max)}`;
  if (rate.lessThan(min)) {
    throw outOfRange(
      `${shown}（即 ${formatRate(rate)}）低于合理范围 ${range}，多半是单位错误：若利率为 ${formatRate(rate.times(100))}，请写 ${formatRate(rate.times(100))} 或 ${shownNumber(rate.times(100))}`,
      `${shown} (${formatRate(rate)}) is below the plausible ${range}: almost always a unit mistake — if the rate is ${formatRate(rate.times(100))}, write ${formatRate(rate.times(100))} or ${shownNumber(rate.times(100))}`,
    );
  }
  if (rate.greaterThan(max)) {
    throw outOfRange(
      `${shown}（即 ${formatRate(rate)}）高于合理范围 ${range}，请核对单位`,
      `${shown} (${formatRate(rate)}) is above the plausible ${range}: check the unit`,
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
  if (!rangeOf(table.known, date)) throw unknownRate(table, date, field);
  const entries = table.entries;
  let low = 0;
  let high = entries.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (entries[mid].effective <= date) low = mid;
    else high = mid - 1;
  }
  const entry = entries[low];
  if (entry.effective > date) throw unknownRate(table, date, field);
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
  const range = rangeOf(table.known, from);
  if (!range) throw unknownRate(table, from, fields.from);
  const lastDay = addDays(toExclusive, -1);
  if (range.through !== null && lastDay > range.through) throw unknownRate(table, addDays(range.through, 1), fields.to);
}

/** Effective dates strictly inside (from, toExclusive): where a floating rate changes. */
export function lprChangesWithin(table: LprTable, from: IsoDate, toExclusive: IsoDate): IsoDate[] {
  return table.entries.map((e) => e.effective).filter((d) => d > from && d < toExclusive);
}

export function describeLpr(lookup: LprLookup): string {
  return `${formatRate(lookup.rate)} (${lookup.effective})`;
}
