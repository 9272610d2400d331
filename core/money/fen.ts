/**
 * Money as whole fen (分) in safe integers, and rates as whole units of 10⁻⁸: the screening engine's exact
 * arithmetic. Every conversion either is exact or says it is not (NaN), and the caller then uses decimal.js,
 * the reference; nothing is ever approximated by a binary float. A product that could pass 2^53 is computed
 * with BigInt.
 */
import { Decimal, formatFen, fromFloat } from "./money";

/** Fen per yuan. */
export const FEN = 100;
/** Rate units per 1 (a rate of 3.45% is 3,450,000 units). Every rate the policy or an LPR table states fits. */
export const RATE_UNITS = 100_000_000;
/** Fen amounts the engine handles exactly: up to 10^15 fen (10^13 yuan, RULES.md's largest plausible amount). */
export const MAX_FEN = 1e15;

/**
 * A cell's float as whole fen, read at Excel's precision exactly as `fromFloat` reads it, or NaN when the
 * value has digits below the fen or is too large (the caller then reads it with decimal.js). Up to 10^15 fen,
 * a float equal to the nearest double of f/100 has f/100 as its shortest form (doubles carry 15.95 digits and
 * distinct fen amounts are more than one step apart there), which is the value `fromFloat` gives.
 */
export function fenOfFloat(value: number): number {
  const fen = Math.round(value * FEN);
  return Math.abs(fen) <= MAX_FEN && fen / FEN === value ? fen + 0 : NaN;
}

/** Yuan per 万元. */
const WAN = 10_000;
export const FEN_PER_WAN = WAN * FEN;

/** A cell's float in 万元 as whole fen, or NaN when not exact. */
export function fenOfWanFloat(value: number): number {
  const fen = Math.round(value * FEN_PER_WAN);
  return Math.abs(fen) <= MAX_FEN && fen / FEN_PER_WAN === value ? fen + 0 : NaN;
}

/** A decimal as whole fen, or NaN when it has digits below the fen or is too large. */
export function fenOfDecimal(value: Decimal): number {
  if (!value.isFinite()) return NaN;
  const fen = value.times(FEN);
  if (!fen.isInteger() || fen.abs().greaterThan(MAX_FEN)) return NaN;
  return fen.toNumber() + 0;
}

/**
 * A decimal amount in whole fen, rounded half-up: where a row's amount (a claim, other support, a history
 * record) holds a fraction of a fen, its one rounding (RULES.md "each award is rounded once, at the end, half-up").
 */
export function fenHalfUp(value: Decimal): number {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).times(FEN).toNumber() + 0;
}

/** A float rate (a fraction) as whole rate units, exact as `fromFloat` reads it, or NaN. */
export function rateUnitsOfFloat(value: number): number {
  const units = Math.round(value * RATE_UNITS);
  return units >= 0 && units < MAX_FEN && units / RATE_UNITS === value ? units : NaN;
}

/** A float in percent points (3.45 for 3.45%) as whole rate units, or NaN. */
export function rateUnitsOfPointsFloat(value: number): number {
  const units = Math.round(value * (RATE_UNITS / 100));
  return units >= 0 && units < MAX_FEN && units / (RATE_UNITS / 100) === value ? units : NaN;
}

/** A decimal rate as whole rate units, or NaN. */
export function rateUnitsOfDecimal(value: Decimal): number {
  if (!value.isFinite()) return NaN;
  const units = value.times(RATE_UNITS);
  return units.isInteger() && !units.isNegative() && units.lessThan(MAX_FEN) ? units.toNumber() : NaN;
}

/** Whole fen back as a decimal of yuan (exact; read from its digits, cheaper than a division). */
export function decimalOfFen(fen: number): Decimal {
  return new Decimal(fenText(fen));
}

/** Rate units back as a decimal fraction (exact): 3,450,000 → 0.03450000. */
export function decimalOfRateUnits(units: number): Decimal {
  const digits = String(units).padStart(9, "0");
  return new Decimal(`${digits.slice(0, -8)}.${digits.slice(-8)}`);
}

/** Whole fen as JSON's amount text, exactly `formatFen`'s: `"607500.00"`. */
export function fenText(fen: number): string {
  const negative = fen < 0;
  const digits = String(negative ? -fen : fen).padStart(3, "0");
  const text = `${digits.slice(0, -2)}.${digits.slice(-2)}`;
  return negative ? `-${text}` : text;
}

/**
 * BigInt where the host has it (Node, every browser Office uses today); decimal.js, exact too but slower, where
 * it does not (the EdgeHTML webview of older Windows Office).
 */
const Big: ((value: number | string) => bigint) | null = typeof BigInt === "function" ? BigInt : null;

/** Half-up rounding of a × b ÷ d for non-negative whole numbers, exact (BigInt once a product may pass 2^53). */
export function mulDivHalfUp(a: number, b: number, d: number): number {
  const product = a * b;
  if (product <= Number.MAX_SAFE_INTEGER) return halfUp(product, d);
  if (Big) return Number((Big(2) * Big(a) * Big(b) + Big(d)) / (Big(2) * Big(d)));
  return new Decimal(a).times(b).dividedBy(d).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}

/** Half-up rounding of n ÷ d for a non-negative whole n and a positive whole d (both safe). */
export function halfUp(n: number, d: number): number {
  const q = Math.floor(n / d);
  const r = n - q * d;
  // The float quotient of safe integers can be one off at the last place: settle it with the remainder.
  if (r < 0) return 2 * (r + d) >= d ? q : q - 1;
  if (r >= d) return 2 * (r - d) >= d ? q + 2 : q + 1;
  return 2 * r >= d ? q + 1 : q;
}

/** Base of the wide sum's limbs: products of two limbs, their carries and a remainder times a limb stay exact. */
const LIMB = 65_536;
const LIMBS = 8;
/** Divisors up to 2^37 keep a remainder times a limb below 2^53. */
const MAX_WIDE_DIVISOR = 2 ** 37;

/**
 * Σ of products a·b·c of non-negative safe integers, exact: in one double while it stays below 2^53, then in
 * eight limbs of 16 bits (doubles, no allocation: the interest of a large loan over a year passes 2^53 in rate
 * units), then as a BigInt (or decimal.js) for anything larger still.
 */
export class ExactSum {
  private small = 0;
  private wide = false;
  private readonly limbs = new Float64Array(LIMBS);
  private big: bigint | null = null;
  private decimal: Decimal | null = null;
  private quotient = 0;
  private remainder = 0;

  /** Empties the sum for reuse (one per loop, not one per row). */
  reset(): this {
    this.small = 0;
    this.wide = false;
    this.big = null;
    this.decimal = null;
    return this;
  }

  add(a: number, b: number, c: number): void {
    if (this.big === null && this.decimal === null && !this.wide) {
      const product = a * b * c;
      if (product <= Number.MAX_SAFE_INTEGER && a * b <= Number.MAX_SAFE_INTEGER) {
        const sum = this.small + product;
        if (sum <= Number.MAX_SAFE_INTEGER) {
          this.small = sum;
          return;
        }
      }
    }
    const m = b * c;
    if (this.big === null && this.decimal === null && m <= Number.MAX_SAFE_INTEGER && a <= Number.MAX_SAFE_INTEGER) {
      if (!this.wide) this.widen();
      this.addWide(a, m);
      return;
    }
    this.leaveWide();
    if (Big) this.big = (this.big ?? Big(this.small)) + Big(a) * Big(b) * Big(c);
    else this.decimal = (this.decimal ?? new Decimal(this.small)).plus(new Decimal(a).times(b).times(c));
  }

  /** Half-up rounding of the sum ÷ d. */
  divHalfUp(d: number): number {
    if (this.wide && this.divideWide(d)) return 2 * this.remainder >= d ? this.quotient + 1 : this.quotient;
    this.leaveWide();
    if (this.big !== null) return Number((Big!(2) * this.big + Big!(d)) / (Big!(2) * Big!(d)));
    if (this.decimal !== null) return this.decimal.dividedBy(d).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
    return halfUp(this.small, d);
  }

  /** Whether the sum is above fen × d (the 据实 limit: interest paid below the segments' total). */
  greaterThan(fen: number, d: number): boolean {
    if (this.wide && this.divideWide(d)) return this.quotient > fen || (this.quotient === fen && this.remainder > 0);
    this.leaveWide();
    if (this.big !== null) return this.big > Big!(fen) * Big!(d);
    if (this.decimal !== null) return this.decimal.greaterThan(new Decimal(fen).times(d));
    if (fen * d <= Number.MAX_SAFE_INTEGER) return this.small > fen * d;
    return new Decimal(this.small).greaterThan(new Decimal(fen).times(d));
  }

  private widen(): void {
    const limbs = this.limbs;
    let rest = this.small;
    for (let k = 0; k < LIMBS; k++) {
      const high = Math.floor(rest / LIMB);
      limbs[k] = rest - high * LIMB;
      rest = high;
    }
    this.wide = true;
  }

  /** limbs += a × m, both below 2^53: four limbs each, sixteen exact products, then the carries. */
  private addWide(a: number, m: number): void {
    const limbs = this.limbs;
    let restA = a;
    for (let i = 0; i < 4 && restA > 0; i++) {
      const highA = Math.floor(restA / LIMB);
      const ai = restA - highA * LIMB;
      restA = highA;
      let restM = m;
      for (let j = 0; j < 4 && restM > 0; j++) {
        const highM = Math.floor(restM / LIMB);
        limbs[i + j] += ai * (restM - highM * LIMB);
        restM = highM;
      }
    }
    for (let k = 0; k < LIMBS - 1; k++) {
      const carry = Math.floor(limbs[k] / LIMB);
      limbs[k] -= carry * LIMB;
      limbs[k + 1] += carry;
    }
  }

  /** Quotient and remainder of the wide sum by d, when d is small enough and the quotient is safe. */
  private divideWide(d: number): boolean {
    if (d >= MAX_WIDE_DIVISOR) return false;
    const limbs = this.limbs;
    let remainder = 0;
    let quotient = 0;
    for (let k = LIMBS - 1; k >= 0; k--) {
      const current = remainder * LIMB + limbs[k];
      let digit = Math.floor(current / d);
      remainder = current - digit * d;
      // The float quotient can be one off at the last place: settle it with the remainder.
      if (remainder < 0) {
        digit--;
        remainder += d;
      } else if (remainder >= d) {
        digit++;
        remainder -= d;
      }
      quotient = quotient * LIMB + digit;
      if (quotient > Number.MAX_SAFE_INTEGER) return false;
    }
    this.quotient = quotient;
    this.remainder = remainder;
    return true;
  }

  /** Moves a wide sum to a BigInt (or decimal.js) for what the limbs cannot do. */
  private leaveWide(): void {
    if (!this.wide) return;
    this.wide = false;
    if (Big) {
      let value = Big(0);
      for (let k = LIMBS - 1; k >= 0; k--) value = value * Big(LIMB) + Big(this.limbs[k]);
      this.big = value;
    } else {
      let value = new Decimal(0);
      for (let k = LIMBS - 1; k >= 0; k--) value = value.times(LIMB).plus(this.limbs[k]);
      this.decimal = value;
    }
  }
}

/** Re-exported for the reader: the reference's float reading, for values the fast path leaves to decimal.js. */
export { fromFloat };

/** A running total of whole fen, exact past 2^53 (decimal.js from there on). */
export class FenTotal {
  private small = 0;
  private decimal: Decimal | null = null;

  add(fen: number): void {
    if (this.decimal === null) {
      const sum = this.small + fen;
      if (Number.isSafeInteger(sum)) {
        this.small = sum;
        return;
      }
      this.decimal = new Decimal(this.small);
    }
    this.decimal = this.decimal.plus(fen);
  }

  /** Adds another total to this one. */
  merge(other: FenTotal): void {
    if (other.decimal === null) this.add(other.small);
    else this.decimal = (this.decimal ?? new Decimal(this.small)).plus(other.decimal);
  }

  /** JSON's amount text (`"607500.00"`). */
  text(): string {
    return this.decimal === null ? fenText(this.small) : formatFen(this.decimal.dividedBy(FEN));
  }
}
