/**
 * How wide the paper's columns are and how tall its wrapped text runs (SCREENING.md revision 3: ≥ 9 pt on A4
 * landscape, no value cut), decided once for every host — the CLI's package writer, Office.js, and WPS through it.
 * Widths count characters of the workbook's default font; a CJK or full-width character counts two.
 */
import { REVIEW_COLUMNS, APPENDIX_COLUMNS, ResultColumn } from "./own-sheets";
import { resultRowCells } from "./report";
import { ReviewListLayout } from "./review-list";
import { DisplayLanguage } from "./summary-model";
import { ScreeningResult } from "./types";
import { displayWidth } from "../text/display-width";

export { displayWidth, linesIn } from "../text/display-width";

/** The width the printed columns share: A4 landscape at 100% between 0.4" margins (the layout's widths sum to it). */
export const PRINTED_WIDTH = REVIEW_COLUMNS.reduce((sum, column) => sum + column.width, 0);
/** The narrowest a wrapped printed column (企业名称, 简要说明, 审核意见) becomes to make room for a long value. */
const NARROWEST_WRAPPED = 8;
/** The narrowest the appendix's 计算明细 becomes. */
const NARROWEST_DETAIL = 40;
/** Rows measured for the widths of the columns that do not wrap (amounts, codes, 来源). */
const MEASURED_ROWS = 2_000;
/** Points per line of the paper's 10-point text. */
export const LINE_HEIGHT = 13.5;

/** What a value shows as in its column's format (#,##0.00 for amounts). */
const shown = (value: string | number, kind: ResultColumn["kind"]) =>
  typeof value === "number" && kind === "amount"
    ? value.toLocaleString("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 })
    : String(value);

/** The results sheet's columns and their header row in the display language (resultsColumns). */
export interface ListTable {
  columns: readonly ResultColumn[];
  header: readonly string[];
}

/**
 * How a printed text column (来源, 所属市(地), 申报条款, 状态) meets a value longer than its width: `widen` takes the
 * room from the wrapped columns (down to 8 characters) and lets fit-to-width shrink the page past that (Office.js
 * and WPS, which size cells as they write them); `wrap` keeps the page at 100% and wraps the text in its cell (the
 * CLI, which sets the row heights for it).
 */
export type LongText = "widen" | "wrap";

/**
 * The results sheet's column widths: the twelve printed ones from the layout (PRINTED_WIDTH in all), a number or
 * code column made wider where a value needs it (a long amount, the 合计 under 核定金额, the last 序号), taken from
 * the wrapped columns, widest first, so the page still fits; a long text as `longText` says; the machine's columns
 * as wide as their header at least.
 */
export function reviewListWidths(
  table: ListTable,
  result: ScreeningResult,
  language: DisplayLanguage,
  layout: Pick<ReviewListLayout, "printedColumns" | "finalColumn" | "totals">,
  longText: LongText,
): number[] {
  const printed = layout.printedColumns;
  const widths = table.columns.map((c, i) => (i < printed ? c.width : Math.max(c.width, displayWidth(table.header[i]) + 2)));
  const wraps = (c: number) => table.columns[c].kind === "wrap" || (longText === "wrap" && table.columns[c].kind === "text");
  const widen = (c: number, value: string | number | null) => {
    if (value !== null && c >= 0 && c < printed && !wraps(c))
      widths[c] = Math.max(widths[c], displayWidth(shown(value, table.columns[c].kind)) + 2);
  };
  result.rows.slice(0, MEASURED_ROWS).forEach((row, i) => resultRowCells(row, table.columns, language, i).forEach((v, c) => widen(c, v)));
  // The last 序号 is the widest; the 合计 may be wider than any one amount.
  widen(
    table.columns.findIndex((c) => c.key === "seq"),
    result.rows.length,
  );
  for (const total of layout.totals) widen(layout.finalColumn, total.amount);
  const shrinkable = (c: number) => wraps(c) && widths[c] > NARROWEST_WRAPPED;
  for (let excess = widths.slice(0, printed).reduce((a, b) => a + b, 0) - PRINTED_WIDTH; excess > 0; excess--) {
    let widest = -1;
    for (let c = 0; c < printed; c++) if (shrinkable(c) && (widest < 0 || widths[c] > widths[widest])) widest = c;
    if (widest < 0) break;
    widths[widest]--;
  }
  return widths;
}

/**
 * The appendix's column widths: 序号, 来源 and 申报条款 as wide as on the list (`list`: its widths), what they take
 * beyond their own width taken from the 计算明细 column, so the page still fits.
 */
export function appendixWidths(table: ListTable, list: readonly number[]): number[] {
  const widths = APPENDIX_COLUMNS.map((c) => {
    const i = table.columns.findIndex((column) => column.key === c.key);
    return i >= 0 && c.kind !== "wrap" ? Math.max(c.width, list[i]) : c.width;
  });
  const detail = APPENDIX_COLUMNS.findIndex((c) => c.key === "explain");
  const excess = widths.reduce((a, b) => a + b, 0) - APPENDIX_COLUMNS.reduce((a, c) => a + c.width, 0);
  widths[detail] = Math.max(NARROWEST_DETAIL, widths[detail] - excess);
  return widths;
}
