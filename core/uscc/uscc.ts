import { toHalfWidth } from "../text/half-width";
import { HEILONGJIANG_CITIES, HEILONGJIANG_PROVINCE_CODE, City } from "./divisions";

/**
 * 统一社会信用代码 (Unified Social Credit Code, GB 32100-2015): 18 characters from a 31-character alphabet
 * (no I, O, S, V, Z); the last is a check character over the first 17 with weights 3^i mod 31.
 */
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const CODE_LENGTH = 18;

export type UsccProblem = "empty" | "length" | "charset" | "checksum";

export interface UsccCheck {
  /** The code after trimming, upper-casing and full-width → half-width. */
  normalised: string;
  valid: boolean;
  problem?: UsccProblem;
  /** The check character the first 17 characters call for, when they are well formed. */
  expectedCheck?: string;
  zh?: string;
  en?: string;
}

/** A code already written as its normal form (most are): no full-width, spaces or lower case to undo. */
const NORMAL_FORM = /^[0-9A-Z]{18}$/;

export function normaliseUscc(raw: string): string {
  return NORMAL_FORM.test(raw) ? raw : toHalfWidth(raw).trim().toUpperCase();
}

/** Each character's value in the alphabet by its code (-1 outside it). */
const VALUES = (() => {
  const values = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) values[ALPHABET.charCodeAt(i)] = i;
  return values;
})();

/** The check character's place in the alphabet for the first 17 characters, or -1 when one is outside it. */
function checkIndex(code: string): number {
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) {
    const c = code.charCodeAt(i);
    const value = c < 128 ? VALUES[c] : -1;
    if (value < 0) return -1;
    sum += value * WEIGHTS[i];
  }
  return (31 - (sum % 31)) % 31;
}

/** The check character the first 17 characters call for ("" when one of them is outside the alphabet). */
export function checkCharacter(first17: string): string {
  const index = checkIndex(first17);
  return index < 0 ? "" : ALPHABET[index];
}

export function checkUscc(raw: string): UsccCheck {
  const normalised = normaliseUscc(raw);
  if (normalised === "") {
    return { normalised, valid: false, problem: "empty", zh: "统一社会信用代码为空", en: "the Unified Social Credit Code is empty" };
  }
  if (normalised.length !== CODE_LENGTH) {
    return {
      normalised,
      valid: false,
      problem: "length",
      zh: `统一社会信用代码 ${normalised} 有 ${normalised.length} 位，应为 18 位`,
      en: `USCC ${normalised} has ${normalised.length} characters, expected 18`,
    };
  }
  let badIndex = -1;
  for (let i = 0; i < CODE_LENGTH && badIndex < 0; i++) if (ALPHABET.indexOf(normalised[i]) < 0) badIndex = i;
  if (badIndex >= 0) {
    const ch = normalised[badIndex];
    return {
      normalised,
      valid: false,
      problem: "charset",
      zh: `统一社会信用代码 ${normalised} 第 ${badIndex + 1} 位“${ch}”不是有效字符（不使用 I、O、S、V、Z）`,
      en: `USCC ${normalised}: character ${badIndex + 1} "${ch}" is not allowed (the code uses 0-9 and A-Z without I, O, S, V, Z)`,
    };
  }
  const expectedCheck = checkCharacter(normalised.slice(0, 17));
  if (normalised[17] !== expectedCheck) {
    return {
      normalised,
      valid: false,
      problem: "checksum",
      expectedCheck,
      zh: `统一社会信用代码 ${normalised} 校验位错误：应为“${expectedCheck}”`,
      en: `USCC ${normalised} fails its check character: the 18th character should be "${expectedCheck}"`,
    };
  }
  return { normalised, valid: true, expectedCheck };
}

/**
 * Whether a code already in its normal form (18 characters of the alphabet, as checkUscc would leave it) is
 * valid, without building checkUscc's result: the screening engine asks this of every distinct code.
 */
export function isValidNormalForm(code: string): boolean {
  if (code.length !== CODE_LENGTH) return false;
  const index = checkIndex(code);
  return index >= 0 && code.charCodeAt(CODE_LENGTH - 1) === ALPHABET.charCodeAt(index);
}

export function isValidUscc(raw: string): boolean {
  return checkUscc(raw).valid;
}

/** Characters 3–8 are the registering authority's administrative division code. */
export function divisionCode(code: string): string {
  return normaliseUscc(code).slice(2, 8);
}

export function isHeilongjiang(code: string): boolean {
  return isHeilongjiangNormalForm(normaliseUscc(code));
}

/** For a code already in its normal form: registered in Heilongjiang (division digits 23…). */
export function isHeilongjiangNormalForm(normalised: string): boolean {
  return normalised.startsWith(HEILONGJIANG_PROVINCE_CODE, 2);
}

/** The Heilongjiang city (市/地区) the division digits name, or null (another province, province level, unknown). */
export function cityOfUscc(code: string): City | null {
  return cityOfDivision(divisionCode(code));
}

/** The city of a division code (characters 3–8 of a code already normalised). */
export function cityOfDivision(division: string): City | null {
  const prefix = division.slice(0, 4);
  return HEILONGJIANG_CITIES.find((city) => city.code === prefix) ?? null;
}
