/**
 * How our sheets look in Excel: texts kept as written, the optional features and the ExcelApi version each
 * needs, and the print setup (the review list and the appendix are laid out in excel-review.ts).
 */
import { DisplayLanguage, printFooterParts } from "../../../core";
import type { Note } from "./gateway-types";

/**
 * Every text goes in with a leading apostrophe, so Excel keeps it exactly as written: without it Excel makes a
 * formula of `=1+1`, `+1`, `@SUM(A1)`, a number of an all-digit credit code (losing its last digits) and a
 * date of `2025-06-01`. The apostrophe is not part of the value.
 */
export function literal(value: string | number | null): string | number | boolean {
  if (value === null) return "";
  if (typeof value === "string") return value === "" ? "" : `'${value}`;
  return value;
}

export const HEADER_FILL = "#1F4E79";
/**
 * Points of a column `width` characters of the default font wide, as Excel sizes it: 7 pixels a character and
 * 5 of padding at 96 dpi (the review list's 137 characters are then 764 points, inside A4 landscape's 784).
 */
export const columnPoints = (width: number) => (width * 7 + 5) * 0.75;
const INCH = 72;

/** The optional features and the ExcelApi version each needs (the manifest requires less). */
export const OPTIONAL = {
  colours: { version: "1.6", zh: "状态颜色（需要 ExcelApi 1.6）", en: "status colours (needs ExcelApi 1.6)" },
  filter: { version: "1.9", zh: "筛选按钮（需要 ExcelApi 1.9）", en: "filter buttons (needs ExcelApi 1.9)" },
  print: {
    version: "1.9",
    zh: "打印设置：A4 横向、打印区域、一页宽、每页重复表头、页脚（需要 ExcelApi 1.9）",
    en: "print setup: A4 landscape, print area, one page wide, header on every page, footer (needs ExcelApi 1.9)",
  },
} as const;

export function optional(feature: keyof typeof OPTIONAL, supports: (v: string) => boolean, notes: Note[]): boolean {
  if (supports(OPTIONAL[feature].version)) return true;
  notes.push({ zh: `此版本的 Excel 不支持${OPTIONAL[feature].zh}，已略过`, en: `This Excel has no ${OPTIONAL[feature].en}: left out` });
  return false;
}

/**
 * A4 landscape, fitted as asked, the header row on every page, the page number and the policy id in the footer;
 * `printArea` (e.g. `$A$1:$L$30`) what is printed, where only part of the sheet is.
 */
export function printSetup(
  sheet: Excel.Worksheet,
  policyId: string,
  language: DisplayLanguage,
  fit: "width" | "page",
  titleRows: string | null,
  printArea?: string,
): void {
  const layout = sheet.pageLayout;
  layout.orientation = Excel.PageOrientation.landscape;
  layout.paperSize = Excel.PaperType.a4;
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: fit === "page" ? 1 : 0 };
  layout.leftMargin = layout.rightMargin = 0.4 * INCH;
  layout.topMargin = 0.6 * INCH;
  layout.bottomMargin = 0.7 * INCH;
  layout.headerMargin = layout.footerMargin = 0.3 * INCH;
  layout.centerHorizontally = true;
  if (printArea) layout.setPrintArea(printArea);
  if (titleRows) layout.setPrintTitleRows(titleRows);
  const footer = printFooterParts(policyId, language);
  const all = layout.headersFooters.defaultForAllPages;
  all.leftFooter = footer.left;
  all.centerFooter = footer.center;
  all.rightFooter = footer.right;
}
