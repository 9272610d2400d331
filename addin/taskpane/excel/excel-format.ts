/**
 * How our sheets look in Excel: texts kept as written, the results sheet's header, widths, number formats,
 * status colours and filter, and the print setup — the optional parts only where this Excel has the API.
 */
import { DisplayLanguage, ResultsTable, STATUS_LABELS, columnLetters, printFooterParts } from "../../../core";
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
/** Excel's column width unit is about 7 pixels of the default font per character; the API takes points. */
export const POINTS_PER_CHARACTER = 6.5;
const INCH = 72;

/** The optional features and the ExcelApi version each needs (the manifest requires less). */
export const OPTIONAL = {
  colours: { version: "1.6", zh: "状态颜色（需要 ExcelApi 1.6）", en: "status colours (needs ExcelApi 1.6)" },
  filter: { version: "1.9", zh: "筛选按钮（需要 ExcelApi 1.9）", en: "filter buttons (needs ExcelApi 1.9)" },
  print: {
    version: "1.9",
    zh: "打印设置：A4 横向、一页宽、每页重复表头、页脚（需要 ExcelApi 1.9）",
    en: "print setup: A4 landscape, one page wide, header on every page, footer (needs ExcelApi 1.9)",
  },
} as const;

export function optional(feature: keyof typeof OPTIONAL, supports: (v: string) => boolean, notes: Note[]): boolean {
  if (supports(OPTIONAL[feature].version)) return true;
  notes.push({ zh: `此版本的 Excel 不支持${OPTIONAL[feature].zh}，已略过`, en: `This Excel has no ${OPTIONAL[feature].en}: left out` });
  return false;
}

/** A4 landscape, fitted as asked, the header row on every page, the page number and the policy id in the footer. */
export function printSetup(
  sheet: Excel.Worksheet,
  policyId: string,
  language: DisplayLanguage,
  fit: "width" | "page",
  titleRows: string | null,
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
  if (titleRows) layout.setPrintTitleRows(titleRows);
  const footer = printFooterParts(policyId, language);
  const all = layout.headersFooters.defaultForAllPages;
  all.leftFooter = footer.left;
  all.centerFooter = footer.center;
  all.rightFooter = footer.right;
}

export function formatResults(
  sheet: Excel.Worksheet,
  table: ResultsTable,
  count: number,
  policyId: string,
  language: DisplayLanguage,
  supports: (v: string) => boolean,
  notes: Note[],
): void {
  const lastColumn = columnLetters(table.columns.length);
  const last = Math.max(2, count + 1);
  const header = sheet.getRange(`A1:${lastColumn}1`);
  header.format.font.bold = true;
  header.format.font.color = "#FFFFFF";
  header.format.fill.color = HEADER_FILL;
  header.format.wrapText = true;
  header.format.verticalAlignment = Excel.VerticalAlignment.center;
  header.format.rowHeight = 30;
  sheet.getRange(`A2:${lastColumn}${last}`).format.verticalAlignment = Excel.VerticalAlignment.top;
  sheet.freezePanes.freezeRows(1);
  table.columns.forEach((column, i) => {
    const letter = columnLetters(i + 1);
    if (column.kind === "amount") sheet.getRange(`${letter}2:${letter}${last}`).numberFormat = [["#,##0.00"]];
    if (column.kind === "wrap") sheet.getRange(`${letter}2:${letter}${last}`).format.wrapText = true;
    // As wide as its header at least (a CJK character takes two).
    const width = Math.max(column.width, [...table.header[i]].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0) + 2);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = width * POINTS_PER_CHARACTER;
  });
  const code = table.columns.findIndex((c) => c.key === "status");
  const word = table.columns.findIndex((c) => c.key === "statusWord");
  if (optional("colours", supports, notes) && code >= 0 && word >= 0) {
    // The status word takes the colour of its code (the code column is the one to filter on).
    const words = sheet.getRange(`${columnLetters(word + 1)}2:${columnLetters(word + 1)}${last}`);
    for (const [status, style] of Object.entries(STATUS_LABELS)) {
      const format = words.conditionalFormats.add(Excel.ConditionalFormatType.custom);
      format.custom.rule.formula = `=$${columnLetters(code + 1)}2="${status}"`;
      format.custom.format.fill.color = `#${style.fill}`;
      format.custom.format.font.color = `#${style.font}`;
    }
  }
  // Rows as tall as their wrapped text (Excel fits them here; a file written elsewhere stores the heights).
  sheet.getRange(`A2:${lastColumn}${last}`).format.autofitRows();
  if (optional("filter", supports, notes)) sheet.autoFilter.apply(sheet.getRange(`A1:${lastColumn}${last}`));
  if (optional("print", supports, notes)) printSetup(sheet, policyId, language, "width", "$1:$1");
}
