/// <reference types="wps-jsapi" />
/**
 * The HLJ.* custom functions in WPS 表格: the eleven Excel functions (addin/functions/functions.ts, unchanged),
 * registered under the namespace HLJ with `wps.AddCustomFunction` where WPS has it (12.1.0.20540 and later).
 *
 * WPS calls a custom function synchronously with plain values — numbers, text, booleans, a 2-D array for a range,
 * undefined for an omitted argument — where Excel passes every argument of these functions as a matrix ([[value]])
 * and null for an omitted one. Each wrapper hands the Excel function its arguments as Excel would, and turns what
 * it returns or throws into what a WPS cell shows:
 *   - a number, text or boolean as it is, a spilled column as the same 2-D array (the functions.json result type);
 *   - an Excel error (Excel throws, or puts in a spilled row, CustomFunctions.Error) as the error's text, #VALUE!,
 *     #NUM! or #N/A, with its message (the argument's Chinese name, in Chinese WPS) in the console. WPS documents no
 *     error value for custom functions; the Excel error text is the nearest (not checked in a real WPS).
 * Messages follow WPS's user-interface language (language.ts); Chinese when WPS does not say.
 */
// First: the shim must be there before functions.ts runs (a build may append CustomFunctions.associate calls to it).
import { ShimError, installCustomFunctionsShim } from "./custom-functions-shim";
import { isoToExcelSerial, localIsoDate } from "../../../core";
import * as excel from "../../functions/functions";
import { setHostLanguageSource } from "../../shared/display-language";
import { wpsLanguageTag } from "./language";

export const WPS_NAMESPACE = "HLJ";

type Implementation = (...args: never[]) => unknown[][];

/**
 * Each WPS name and the Excel function behind it: the names and order of Excel's functions.json (FUNCTIONS.md), the
 * same pairs Excel's build associates (a test holds the two together).
 */
export const WPS_FUNCTIONS: readonly (readonly [string, Implementation])[] = [
  ["LPR", excel.lpr],
  ["LPR_INTEREST", excel.lprInterest],
  ["INTEREST_SUBSIDY", excel.interestSubsidy],
  ["RETAIL_BONUS", excel.retailBonus],
  ["CROSS_BORDER_SUBSIDY", excel.crossBorderSubsidy],
  ["BASE_AWARD", excel.baseAward],
  ["SELECTION_CENTER_GRANT", excel.selectionCenterGrant],
  ["CAP", excel.cap],
  ["BEST_OF", excel.bestOf],
  ["USCC_VALID", excel.usccValid],
  ["CITY", excel.city],
];

/** What a cell of an argument may hold once it is as Excel passes it. */
type Cell = number | string | boolean | null;
/** What a WPS cell shows from these functions. */
export type WpsCell = number | string | boolean;

const MS_PER_DAY = 86_400_000;

/** A JavaScript date (should WPS pass one for a date cell) as the Excel serial the functions read. */
function serialOfDate(date: Date): number | null {
  if (Number.isNaN(date.getTime())) return null;
  const day = isoToExcelSerial(localIsoDate(date));
  if (day === null) return null;
  const midnight = new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
  return day + (date.getTime() - midnight) / MS_PER_DAY;
}

function cellOf(value: unknown): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return serialOfDate(value);
  // Anything else (an object WPS might pass for an error cell): the functions read it as text they do not accept.
  return String(value);
}

/**
 * One WPS argument as Excel passes it to a matrix parameter: omitted → null, a single value → [[value]], a range
 * (2-D array) → the same rows, a 1-D array → one row. A Range object (should WPS pass one) is read by its Value2.
 */
export function excelArgument(value: unknown): Cell[][] | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "object" && !Array.isArray(value) && !(value instanceof Date) && "Value2" in value) {
    return excelArgument((value as { Value2: unknown }).Value2);
  }
  if (!Array.isArray(value)) return [[cellOf(value)]];
  if (value.length === 0) return null;
  if (!value.every(Array.isArray)) return [value.map(cellOf)];
  return (value as unknown[][]).map((row) => row.map(cellOf));
}

/** Where an error's message goes: WPS has no place for it in the cell. Said once per message. */
const said = new Set<string>();
const MAX_SAID = 200;
let report = (line: string): void => {
  if (said.has(line) || said.size >= MAX_SAID) return;
  said.add(line);
  console.warn(line);
};

/** The text a WPS cell shows for an Excel error, its message reported under the function's name. */
function errorCell(name: string, error: unknown): string {
  if (error instanceof ShimError) {
    report(`${WPS_NAMESPACE}.${name}: ${error.code} ${error.message ?? ""}`.trimEnd());
    return error.code;
  }
  // Excel shows #VALUE! for a function that fails without a CustomFunctions.Error.
  report(`${WPS_NAMESPACE}.${name}: #VALUE! ${error instanceof Error ? error.message : String(error)}`);
  return "#VALUE!";
}

/** The Excel function `implementation`, called as WPS calls a custom function. */
export function wpsFunction(name: string, implementation: Implementation): (...args: unknown[]) => WpsCell[][] {
  // Excel passes every declared parameter (null when omitted); the functions declare them all, optional ones last.
  const arity = implementation.length;
  return (...args: unknown[]) => {
    const excelArgs = Array.from({ length: arity }, (_, i) => excelArgument(args[i]));
    try {
      const rows = (implementation as (...a: unknown[]) => unknown[][])(...excelArgs);
      return rows.map((row) => row.map((cell) => (cell instanceof ShimError ? errorCell(name, cell) : (cell as WpsCell))));
    } catch (error) {
      return [[errorCell(name, error)]];
    }
  };
}

/** The WPS global, when this page runs inside WPS. */
function wpsGlobal(): Partial<typeof wps> | undefined {
  return (globalThis as { wps?: Partial<typeof wps> }).wps;
}

function wpsApplication(scope: Partial<typeof wps> | undefined): Et.EtApplication | undefined {
  try {
    return scope?.EtApplication?.() ?? (globalThis as { Application?: Et.EtApplication }).Application;
  } catch {
    return undefined;
  }
}

let saidUnavailable = false;

/**
 * Registers the eleven functions as HLJ.* with wps.AddCustomFunction and returns their names; where WPS has no
 * AddCustomFunction (before 12.1.0.20540, or outside WPS) registers nothing, says so in the console once, and
 * returns []. `options.report` replaces the console for error messages (tests).
 */
export function registerWpsFunctions(options: { report?: (line: string) => void } = {}): string[] {
  if (options.report) report = options.report;
  const scope = wpsGlobal();
  if (typeof scope?.AddCustomFunction !== "function") {
    if (!saidUnavailable) {
      saidUnavailable = true;
      console.info(
        "HLJ: this WPS has no wps.AddCustomFunction (custom functions need WPS 12.1.0.20540 or later): HLJ.* functions are not registered.",
      );
    }
    return [];
  }
  if (!installCustomFunctionsShim())
    console.warn("HLJ: a CustomFunctions global other than the shim is present; errors may show as #VALUE!.");
  // WPS's language does not change while it runs: read once.
  const tag = wpsLanguageTag(wpsApplication(scope));
  setHostLanguageSource(() => tag);
  for (const [name, implementation] of WPS_FUNCTIONS) scope.AddCustomFunction(WPS_NAMESPACE, name, wpsFunction(name, implementation));
  return WPS_FUNCTIONS.map(([name]) => name);
}
