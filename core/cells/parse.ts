import { IsoDate, dayNumberOf, fromDayNumber } from "../dates/civil-date";
import { excelSerialToIso } from "../dates/excel-serial";
import { Decimal, dec } from "../money/money";
import { toHalfWidth } from "../text/half-width";

/**
 * Cell values as hosts hand them over — Office.js `range.values`, custom-function arguments, exceljs — turned
 * into typed facts. Every parser says what it expected when it cannot read a value, in both languages, so a
 * host can name the cell. An empty cell is `absent`, never zero.
 */
export type CellValue = number | string | boolean | Date | null | undefined | { error: string } | Record<string, unknown>;

export type Parsed<T> =
  | { kind: "value"; value: T }
  | { kind: "absent" }
  /** `code`: the reason the host reports (bad_value unless the value is readable but implausible: out_of_range). */
  | { kind: "invalid"; zh: string; en: string; code?: "bad_value" | "out_of_range" };

const ABSENT = { kind: "absent" } as const;
const value = <T>(v: T): Parsed<T> => ({ kind: "value", value: v });
const invalid = (shown: string, expectedZh: string, expectedEn: string): Parsed<never> => ({
  kind: "invalid",
  zh: `“${shown}”不是${expectedZh}`,
  en: `${JSON.stringify(shown)} is not ${expectedEn}`,
});

const EXCEL_ERRORS = /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|BUSY!|BLOCKED!|CONNECT!|FIELD!|UNKNOWN!)$/i;

/** Excel error values (`#N/A`, `#DIV/0!`…), as text (Office.js) or as `{ error }` (exceljs). */
export function excelErrorOf(cell: CellValue): string | null {
  if (typeof cell === "string" && EXCEL_ERRORS.test(cell.trim())) return cell.trim().toUpperCase();
  if (cell && typeof cell === "object" && !(cell instanceof Date) && typeof (cell as { error?: unknown }).error === "string") {
    return String((cell as { error: string }).error);
  }
  return null;
}

export function isEmptyCell(cell: CellValue): boolean {
  // String.prototype.trim also removes the ideographic space (U+3000).
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/** Text a person would see for a cell, for messages. */
export function showCell(cell: CellValue): string {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "Invalid Date" : cell.toISOString().slice(0, 10);
  if (cell && typeof cell === "object") return excelErrorOf(cell) ?? JSON.stringify(cell);
  return String(cell);
}

/** A formula cell whose result was never saved (a file written by a program that does not calculate). */
export function uncalculatedFormulaOf(cell: CellValue): string | null {
  return cell &&
    typeof cell === "object" &&
    !(cell instanceof Date) &&
    typeof (cell as { uncalculated?: unknown }).uncalculated === "string"
    ? String((cell as { uncalculated: string }).uncalculated)
    : null;
}

function notText(cell: CellValue, expectedZh: string, expectedEn: string): Parsed<never> | null {
  const formula = uncalculatedFormulaOf(cell);
  if (formula !== null) {
    return {
      kind: "invalid",
      zh: `公式 ${formula} 没有保存计算结果：请在 Excel 中打开并保存该文件后再筛查`,
      en: `the formula ${formula} has no saved value: open and save the file in Excel first`,
    };
  }
  const error = excelErrorOf(cell);
  if (error)
    return {
      kind: "invalid",
      zh: `单元格是错误值 ${error}，应为${expectedZh}`,
      en: `the cell holds the error ${error}; expected ${expectedEn}`,
    };
  return null;
}

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A number: a numeric cell, or text such as `1,234.56`, `¥1,234`, `１２３`, `1 234`, `3.45%` (÷ 100), `1e7`.
 * A percent sign divides by 100 — the cell said percent.
 */
export function parseNumberCell(cell: CellValue): Parsed<Decimal> {
  if (isEmptyCell(cell)) return ABSENT;
  const error = notText(cell, "数字", "a number");
  if (error) return error;
  if (typeof cell === "number") return Number.isFinite(cell) ? value(dec(cell)) : invalid(String(cell), "有限数字", "a finite number");
  if (typeof cell === "boolean") return invalid(String(cell).toUpperCase(), "数字", "a number");
  if (typeof cell !== "string") return invalid(showCell(cell), "数字", "a number");
  let text = toHalfWidth(cell)
    .trim()
    .replace(/[¥￥]|^RMB|^CNY|元$/gi, "")
    .replace(/[\s,，_']/g, "");
  let percent = false;
  if (text.endsWith("%")) {
    percent = true;
    text = text.slice(0, -1);
  }
  if (!NUMBER_TEXT.test(text)) return invalid(cell.trim(), "数字", "a number");
  const number = dec(text);
  return value(percent ? number.dividedBy(100) : number);
}

const ISO_LIKE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const CHINESE_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/** Days between the 1904 date system's serial 0 (1904-01-01) and the same day in the 1900 system. */
const DAYS_1904_TO_1900 = 1462;

/**
 * A date: an Excel serial (1900 system, or 1904 when the workbook says so), a Date (UTC midnight), or text
 * `2025-06-01`, `2025/6/1`, `2025.6.1`, `2025年6月1日`, `20250601`.
 */
export function parseDateCell(cell: CellValue, date1904 = false): Parsed<IsoDate> {
  if (isEmptyCell(cell)) return ABSENT;
  const error = notText(cell, "日期", "a date");
  if (error) return error;
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime())
      ? invalid("Invalid Date", "日期", "a date")
      : value(fromDayNumber(Math.floor(cell.getTime() / 86_400_000)));
  }
  if (typeof cell === "number") {
    const iso = excelSerialToIso(date1904 ? cell + DAYS_1904_TO_1900 : cell);
    return iso
      ? value(iso)
      : invalid(String(cell), "有效的Excel日期序号", `a valid Excel date serial (${date1904 ? "1904" : "1900"} date system)`);
  }
  if (typeof cell !== "string") return invalid(showCell(cell), "日期", "a date");
  const text = toHalfWidth(cell).trim().replace(/\s+/g, "");
  const match = ISO_LIKE.exec(text) ?? CHINESE_DATE.exec(text) ?? COMPACT_DATE.exec(text);
  if (match) {
    const day = dayNumberOf(Number(match[1]), Number(match[2]), Number(match[3]));
    if (day !== null) return value(fromDayNumber(day));
  }
  if (/^\d+(\.\d+)?$/.test(text) && !COMPACT_DATE.test(text)) {
    const iso = excelSerialToIso(Number(text));
    if (iso) return value(iso);
  }
  return invalid(
    cell.trim(),
    "日期（如 2025-06-01、2025/6/1、2025年6月1日）",
    "a date (2025-06-01, 2025/6/1, 2025年6月1日, 20250601 or an Excel date)",
  );
}

const TRUE_WORDS = new Set(["是", "y", "yes", "true", "√", "✓", "✔", "1", "有", "对"]);
const FALSE_WORDS = new Set(["否", "n", "no", "false", "×", "✗", "✘", "x", "0", "无", "不是"]);

/** Yes/no: TRUE/FALSE, 是/否, Y/N, √/×, 1/0. */
export function parseBooleanCell(cell: CellValue): Parsed<boolean> {
  if (isEmptyCell(cell)) return ABSENT;
  const error = notText(cell, "是/否", "yes/no");
  if (error) return error;
  if (typeof cell === "boolean") return value(cell);
  if (typeof cell === "number")
    return cell === 1 ? value(true) : cell === 0 ? value(false) : invalid(String(cell), "是/否", "yes/no (是/否, Y/N, TRUE/FALSE, √/×)");
  if (typeof cell !== "string") return invalid(showCell(cell), "是/否", "yes/no");
  const text = toHalfWidth(cell).trim().toLowerCase();
  if (TRUE_WORDS.has(text)) return value(true);
  if (FALSE_WORDS.has(text)) return value(false);
  return invalid(cell.trim(), "是/否（是/否、Y/N、TRUE/FALSE、√/×）", "yes/no (是/否, Y/N, TRUE/FALSE, √/×)");
}

/** Text as typed: numbers and booleans shown as Excel would; empty is absent. */
export function parseTextCell(cell: CellValue): Parsed<string> {
  if (isEmptyCell(cell)) return ABSENT;
  const error = notText(cell, "文字", "text");
  if (error) return error;
  if (typeof cell === "string") return value(cell.trim());
  if (typeof cell === "number") return value(Number.isInteger(cell) ? String(cell) : String(cell));
  if (typeof cell === "boolean") return value(cell ? "TRUE" : "FALSE");
  return value(showCell(cell));
}

/** A whole year such as 2025 (number, `2025`, `2025年`, or a date whose year is taken). */
export function parseYearCell(cell: CellValue): Parsed<number> {
  if (isEmptyCell(cell)) return ABSENT;
  const error = notText(cell, "年份", "a year");
  if (error) return error;
  const text =
    typeof cell === "string"
      ? toHalfWidth(cell)
          .trim()
          .replace(/年(度)?$/, "")
      : cell;
  if (typeof text === "number" && Number.isInteger(text) && text >= 1900 && text <= 9999) return value(text);
  if (typeof text === "string" && /^\d{4}$/.test(text)) return value(Number(text));
  return invalid(showCell(cell), "四位年份（如 2025）", "a four-digit year (e.g. 2025)");
}
