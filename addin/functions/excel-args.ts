/**
 * Arguments as Excel hands them to a custom function, and errors as Excel shows them. Every scalar argument is
 * declared as a matrix (`any[][]`) so that a whole column can be passed: Excel wraps a single value as
 * [[value]] and gives an omitted argument as null. A column spills one result per row.
 */
import {
  CellValue,
  Decimal,
  DecimalInput,
  InputError,
  IsoDate,
  LprUnknownError,
  Parsed,
  SuppliedLprEntry,
  parseBooleanCell,
  parseDateCell,
  parseNumberCell,
  parseTextCell,
  parseYearCell,
  FACT_LABELS,
  amountInput,
  checkedRate,
  conflictingLpr,
} from "../../core";
import { Language, displayLanguage } from "../shared/display-language";
import ZH_CN_METADATA from "./functions.zh-CN.json";

export type Cell = number | string | boolean | null;
export type Matrix = Cell[][] | null | undefined;

/** A failure to show in a cell: the Excel error and a message naming the argument. */
export class CellFailure extends Error {
  constructor(
    readonly code: "#VALUE!" | "#NUM!" | "#N/A",
    readonly en: string,
    readonly zh: string,
  ) {
    super(en);
  }
}

const badValue = (en: string, zh: string) => new CellFailure("#VALUE!", en, zh);

/**
 * Each argument's Chinese name, as Chinese Excel's formula tooltip shows it (the zh-CN metadata; one argument
 * name has one Chinese name across the functions): a Chinese message names the argument the officer sees.
 */
const ARGUMENT_ZH: Readonly<Record<string, string>> = Object.fromEntries(
  Object.values(ZH_CN_METADATA as Record<string, { parameters?: Record<string, { name: string }> }>).flatMap((entry) =>
    Object.entries(entry.parameters ?? {}).map(([name, parameter]) => [name, parameter.name]),
  ),
);

/** An argument's Chinese name (贷款利率 for loanRate); the name itself when the metadata has none. */
export function argumentZh(name: string): string {
  return ARGUMENT_ZH[name] ?? name;
}

/** The message Excel shows (FUNCTIONS.md revision 3): Chinese only in Chinese Office, else English only. */
export function messageOf(failure: CellFailure, language: Language): string {
  return language === "en" ? failure.en : failure.zh;
}

/** Core errors become the Excel errors FUNCTIONS.md names. */
export function failureOf(error: unknown): CellFailure {
  if (error instanceof CellFailure) return error;
  if (error instanceof LprUnknownError) return new CellFailure("#N/A", error.reason.en, error.reason.zh);
  if (error instanceof InputError) {
    // The core names the argument as the code does (lprTable): in Chinese, as the tooltip does (LPR表).
    const zh = ARGUMENT_ZH[error.field] ? error.reason.zh.split(error.field).join(ARGUMENT_ZH[error.field]) : error.reason.zh;
    return new CellFailure(error.problem === "range" ? "#NUM!" : "#VALUE!", error.reason.en, zh);
  }
  const text = error instanceof Error ? error.message : String(error);
  return new CellFailure("#VALUE!", `unexpected problem: ${text}`, `意外错误：${text}`);
}

const ERROR_CODES = { "#VALUE!": "invalidValue", "#NUM!": "invalidNumber", "#N/A": "notAvailable" } as const;

export function toExcelError(failure: CellFailure, language: Language): CustomFunctions.Error {
  const code = CustomFunctions.ErrorCode[ERROR_CODES[failure.code]];
  return new CustomFunctions.Error(code, messageOf(failure, language));
}

/** One argument, flattened to its rows: a single value, or a one-column range. */
export function columnOf(name: string, matrix: Matrix): Cell[] {
  if (matrix === null || matrix === undefined) return [null];
  if (!Array.isArray(matrix)) return [matrix as Cell];
  const width = matrix[0]?.length ?? 0;
  if (matrix.length === 0 || width === 0) return [null];
  if (width !== 1)
    throw badValue(
      `${name}: expected one value or one column, got ${width} columns`,
      `${argumentZh(name)}：应为单个值或一列，实际 ${width} 列`,
    );
  return matrix.map((row) => (row[0] === undefined ? null : row[0]));
}

/** The number of result rows: every column has 1 row (repeated) or the same n rows. */
export function rowCount(columns: Record<string, Cell[]>): number {
  let n = 1;
  for (const [name, rows] of Object.entries(columns)) {
    if (rows.length === 1) continue;
    if (n !== 1 && rows.length !== n) {
      throw badValue(
        `${name}: ${rows.length} rows, but other arguments have ${n}`,
        `${argumentZh(name)}：${rows.length} 行，与其他参数的 ${n} 行不一致`,
      );
    }
    n = rows.length;
  }
  return n;
}

export const at = (rows: Cell[], i: number): Cell => (rows.length === 1 ? rows[0] : rows[i]);

function unpack<T>(name: string, parsed: Parsed<T>): T | null {
  if (parsed.kind === "invalid") throw badValue(`${name}: ${parsed.en}`, `${argumentZh(name)}：${parsed.zh}`);
  return parsed.kind === "value" ? parsed.value : null;
}

/** An amount or rate, as a decimal string for the core; null when empty or omitted. */
export function numberArg(name: string, cell: Cell): DecimalInput | null {
  const value = unpack(name, parseNumberCell(cell as CellValue));
  return value;
}

export function requiredNumberArg(name: string, cell: Cell): DecimalInput {
  const value = numberArg(name, cell);
  if (value === null) throw badValue(`${name} is missing`, `缺少${argumentZh(name)}`);
  return value;
}

/**
 * An amount in yuan, bounds-checked whether or not the measure uses it (RULES.md revision 3, "Reading numbers"):
 * finite, at most 10^13, not negative unless a decline is real (#NUM! naming the argument); a percentage
 * written as text ("15%") is #VALUE!, as screening refuses it. Null when empty or omitted.
 */
export function amountArg(name: string, cell: Cell, { negative = false }: { negative?: boolean } = {}): DecimalInput | null {
  if (typeof cell === "string" && /[%％]/.test(cell)) {
    const shown = cell.trim();
    throw badValue(
      `${name}: ${shown} is a percentage; an amount in yuan is expected`,
      `${argumentZh(name)}：${shown} 是百分数，应为金额（元）`,
    );
  }
  const value = numberArg(name, cell);
  return value === null ? null : amountInput(value, name, labelOf(name), { negative });
}

/**
 * The words the core's own messages use for an argument (the same message whether the check is here or there):
 * in Chinese the argument's Chinese name as the officer sees it in the formula tooltip.
 */
const LOAN_LABELS: Readonly<Record<string, string>> = {
  principal: "principal",
  interestPaid: "interest paid",
  loanRate: "loan rate",
};

function labelOf(name: string): { zh: string; en: string } {
  return { zh: argumentZh(name), en: LOAN_LABELS[name] ?? FACT_LABELS[name]?.en ?? name };
}

export function requiredAmountArg(name: string, cell: Cell, options: { negative?: boolean } = {}): DecimalInput {
  const value = amountArg(name, cell, options);
  if (value === null) throw badValue(`${name} is missing`, `缺少${argumentZh(name)}`);
  return value;
}

/** A loan rate: 0, or 0.001–0.24 as a fraction (a rate > 1 looks like percent points), else #NUM! naming it. */
export function requiredLoanRateArg(name: string, cell: Cell): DecimalInput {
  return checkedRate(requiredNumberArg(name, cell), name, "loan", labelOf(name));
}

/** A date: an Excel serial (1900 system) or text such as 2025-06-01. */
export function dateArg(name: string, cell: Cell): IsoDate {
  const value = unpack(name, parseDateCell(cell as CellValue));
  if (value === null)
    throw badValue(
      `${name} is missing: give an Excel date or text such as 2025-06-01`,
      `缺少${argumentZh(name)}：请给出Excel日期或 2025-06-01 形式的文字`,
    );
  return value;
}

/** A year such as 2025 (number, text, or a date whose year is taken); null when empty or omitted. */
export function yearArg(name: string, cell: Cell): number | null {
  return unpack(name, parseYearCell(cell as CellValue));
}

export function booleanArg(name: string, cell: Cell, fallback: boolean): boolean {
  return unpack(name, parseBooleanCell(cell as CellValue)) ?? fallback;
}

export function textArg(name: string, cell: Cell): string | null {
  return unpack(name, parseTextCell(cell as CellValue));
}

export function lprModeArg(cell: Cell): "fixed" | "floating" {
  const text = textArg("lprMode", cell)?.toLowerCase();
  if (text === undefined || text === null || text === "fixed" || text === "固定") return "fixed";
  if (text === "floating" || text === "浮动") return "floating";
  throw badValue(`lprMode: "${text}" is neither fixed nor floating`, `${argumentZh("lprMode")}：“${text}”应为 固定 或 浮动`);
}

/** An LPR table range: rows of (effective date, rate); empty rows and a header row are skipped. */
export function lprTableArg(matrix: Matrix): SuppliedLprEntry[] {
  if (matrix === null || matrix === undefined) return [];
  const entries: SuppliedLprEntry[] = [];
  const rowOf = new Map<IsoDate, { entry: number; row: number }>();
  matrix.forEach((row, index) => {
    const [dateCell, rateCell] = row as Cell[];
    if (row.length < 2)
      throw badValue("lprTable: expected two columns (effective date, rate)", `${argumentZh("lprTable")}：应为两列（生效日期、利率）`);
    const date = parseDateCell(dateCell as CellValue);
    const rate = parseNumberCell(rateCell as CellValue);
    if (date.kind === "absent" && rate.kind === "absent") return;
    if (index === 0 && date.kind === "invalid" && rate.kind === "invalid") return; // a header row
    const where = `lprTable row ${index + 1}`;
    const whereZh = `${argumentZh("lprTable")}第${index + 1}行`;
    if (date.kind !== "value")
      throw badValue(
        `${where}: ${date.kind === "invalid" ? date.en : "the date is missing"}`,
        `${whereZh}：${date.kind === "invalid" ? date.zh : "缺少日期"}`,
      );
    if (rate.kind !== "value")
      throw badValue(
        `${where}: ${rate.kind === "invalid" ? rate.en : "the rate is missing"}`,
        `${whereZh}：${rate.kind === "invalid" ? rate.zh : "缺少利率"}`,
      );
    // Checked here so that a rate of 3 is reported against lprTable, the argument the person typed.
    const checked = checkedRate(rate.value, "lprTable", "lpr", { zh: `${whereZh} LPR利率`, en: `${where} LPR rate` });
    // Two rows of one date with different rates: #VALUE! naming both rows (the same rate twice is harmless).
    const earlier = rowOf.get(date.value);
    if (earlier !== undefined) {
      const before = entries[earlier.entry].rate as Decimal;
      if (!before.equals(checked)) throw conflictingLpr("lprTable", date.value, [earlier.row + 1, index + 1], [before, checked]);
      return;
    }
    rowOf.set(date.value, { entry: entries.length, row: index });
    entries.push({ date: date.value, rate: checked });
  });
  return entries;
}

/**
 * Evaluates `compute` for each result row. One row: a failure is thrown, so Excel shows its message. Several
 * rows: a failing row holds its own error and the others still compute.
 */
export function spill<T extends Cell>(rows: number, compute: (i: number) => T): (T | CustomFunctions.Error)[][] {
  const language = displayLanguage();
  if (rows === 1) {
    try {
      return [[compute(0)]];
    } catch (error) {
      throw toExcelError(failureOf(error), language);
    }
  }
  const out: (T | CustomFunctions.Error)[][] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    try {
      out[i] = [compute(i)];
    } catch (error) {
      out[i] = [toExcelError(failureOf(error), language)];
    }
  }
  return out;
}

/** Runs a whole-call step (argument shapes): a failure is thrown as the Excel error. */
export function guarded<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw toExcelError(failureOf(error), displayLanguage());
  }
}
