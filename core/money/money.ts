import DecimalBase from "decimal.js";
import { INPUT_BOUNDS } from "../policy/input-bounds";

const EXCEL_DIGITS = INPUT_BOUNDS.floatDigits;

/**
 * All money is decimal (decimal.js), never a binary float: public money must be right to the fen (分).
 * A private Decimal constructor keeps our precision and rounding from leaking into, or being changed by,
 * any other user of decimal.js in the same process.
 */
export const Decimal = DecimalBase.clone({ precision: 60, rounding: DecimalBase.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Decimal = InstanceType<typeof Decimal>;
/** A yuan amount. Always a Decimal; rounded to the fen only where a rule says so. */
export type Money = Decimal;

export type DecimalInput = Decimal | DecimalBase | number | string;

export const ZERO: Money = new Decimal(0);

export function dec(value: DecimalInput): Decimal {
  // Decimals are immutable: one of ours is used as it is; another decimal.js instance is re-read exactly.
  if ((value as object) instanceof Decimal) return value as Decimal;
  if (typeof value === "number") return fromFloat(value);
  return new Decimal(value instanceof DecimalBase ? value.toString() : value);
}

/**
 * A binary float read at Excel's own precision, 15 significant digits (RULES.md "Reading numbers"): a cell
 * that shows 1,234,567.00 but holds 1234567.0000000002, the result of a subtraction, is 1,234,567; and
 * 0.1+0.2 is 0.3. Whole numbers below 10^15 are exact as they are. Infinity and NaN stay what they are, for
 * the caller to refuse.
 */
export function fromFloat(value: number): Decimal {
  if ((Number.isInteger(value) && Math.abs(value) < 1e15) || !Number.isFinite(value)) return new Decimal(value);
  // The shortest form of most cell values has at most 15 digits already (16 characters with the point).
  const shortest = String(value);
  return new Decimal(shortest.length <= EXCEL_DIGITS + 1 ? shortest : value.toPrecision(EXCEL_DIGITS));
}

/** Each award is rounded once, at the end, half-up to 0.01 yuan (one fen). */
export function roundToFen(value: Decimal): Money {
  return value.decimalPlaces() <= 2 ? value : value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Exactly two decimals, no grouping: the form amounts take in JSON (`"607500.00"`). */
export function formatFen(value: Decimal): string {
  if (value.decimalPlaces() > 2) return value.toFixed(2); // rounds half-up, the constructor's mode
  // Already whole fen: pad the plain digits (decimal.js's toFixed would round a copy first).
  const text = value.toString();
  const point = text.indexOf(".");
  if (point < 0) return `${text}.00`;
  return text.length - point === 2 ? `${text}0` : text;
}

/** `1,234,567.89` for people. */
export function formatYuan(value: Decimal): string {
  const fixed = formatFen(value);
  const negative = fixed.startsWith("-");
  const digits = negative ? fixed.slice(1) : fixed;
  const point = digits.length - 3;
  let grouped = "";
  for (let i = 0; i < point; i++) {
    if (i > 0 && (point - i) % 3 === 0) grouped += ",";
    grouped += digits[i];
  }
  return `${negative && !value.isZero() ? "-" : ""}${grouped}${digits.slice(point)}`;
}

const rateTexts = new WeakMap<Decimal, string>();

/** A rate fraction as percent points for people: 0.0345 → `3.45%`. The policy's and the LPR table's rates are made once. */
export function formatRate(rate: Decimal): string {
  let text = rateTexts.get(rate);
  if (text === undefined) rateTexts.set(rate, (text = `${rate.times(100).toDecimalPlaces(4).toString()}%`));
  return text;
}

export function minDecimal(a: Decimal, b: Decimal): Decimal {
  return a.lessThanOrEqualTo(b) ? a : b;
}

export function maxDecimal(a: Decimal, b: Decimal): Decimal {
  return a.greaterThanOrEqualTo(b) ? a : b;
}

export function sumDecimals(values: Iterable<Decimal>): Decimal {
  let total: Decimal = ZERO;
  for (const value of values) total = total.plus(value);
  return total;
}
