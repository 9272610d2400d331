/**
 * The review list (HLJ筛查结果 as printed) and the calculation appendix (HLJ计算明细) in Excel, placed from the
 * host-neutral layout (core/screening/review-list.ts, SCREENING.md revision 3): the title merged across the
 * printed columns, the head lines, the header row under them, the applications, the 合计 rows (拟支持 and
 * 待人工核定 apart), the signature row; 10-point text, widths that keep the twelve printed columns on one A4
 * landscape page at 100%, the print area, the header row on every page. Which words, rows and columns is the
 * layout's; only cells, merges and formats are decided here.
 */
import {
  APPENDIX_COLUMNS,
  AppendixLayout,
  DisplayLanguage,
  ResultColumn,
  ReviewListLayout,
  STATUS_LABELS,
  ScreeningResult,
  LINE_HEIGHT,
  ListTable,
  columnLetters,
  linesIn,
  resultRowCells,
} from "../../../core";
import { HEADER_FILL, OPTIONAL, columnPoints, literal, optional, printSetup } from "./excel-format";
import type { Note } from "./gateway-types";

/** Points of the printed sheets' text (≥ 9 pt on paper: the list fits at 100%, so nothing shrinks it). */
export const LIST_FONT_SIZE = 10;
const TITLE_FONT_SIZE = 14;
const TITLE_HEIGHT = 24;
/** A row tall enough to sign in. */
const SIGNATURE_HEIGHT = 36;
const BORDER_COLOR = "#808080";

const heightOf = (lines: number) => Math.ceil(lines * LINE_HEIGHT + 4);

/**
 * Thin grey lines round and inside a range (`rows` high, `columns` wide): the list as a table to sign. Inside
 * lines only where there is an inside (Excel may refuse them on a single row or column).
 */
function ruled(range: Excel.Range, rows: number, columns: number): void {
  const edges: `${Excel.BorderIndex}`[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
  if (columns > 1) edges.push("InsideVertical");
  if (rows > 1) edges.push("InsideHorizontal");
  for (const edge of edges) {
    const border = range.format.borders.getItem(edge);
    border.style = "Continuous";
    border.color = BORDER_COLOR;
  }
}

/** The values above the data: the title (A1), the head lines (A2…), the header row at `headerRow`. */
export function writeHeadValues(
  sheet: Excel.Worksheet,
  title: string,
  headLines: readonly string[],
  headerRow: number,
  header: readonly string[],
): void {
  sheet.getRange("A1").values = [[literal(title)]];
  headLines.forEach((line, i) => (sheet.getRange(`A${i + 2}`).values = [[literal(line)]]));
  sheet.getRange(`A${headerRow}:${columnLetters(header.length)}${headerRow}`).values = [header.map(literal)];
}

/**
 * Formats of the part above the data: the title merged across the `across` printed columns (bold 14 pt,
 * centred), each head line merged and wrapped as tall as its text, the header row bold on the header fill;
 * the column widths; 10-point text over `last` rows.
 */
function formatHead(
  sheet: Excel.Worksheet,
  layout: { headLines: readonly string[]; headerRow: number },
  widths: readonly number[],
  across: number,
  header: readonly string[],
  last: number,
): void {
  const lastColumn = columnLetters(widths.length);
  const printed = columnLetters(across);
  sheet.getRange(`A1:${lastColumn}${last}`).format.font.size = LIST_FONT_SIZE;
  const title = sheet.getRange(`A1:${printed}1`);
  title.merge();
  title.format.font.bold = true;
  title.format.font.size = TITLE_FONT_SIZE;
  title.format.horizontalAlignment = "Center";
  title.format.verticalAlignment = "Center";
  title.format.rowHeight = TITLE_HEIGHT;
  const characters = widths.slice(0, across).reduce((a, b) => a + b, 0);
  layout.headLines.forEach((line, i) => {
    const range = sheet.getRange(`A${i + 2}:${printed}${i + 2}`);
    range.merge();
    range.format.wrapText = true;
    range.format.verticalAlignment = "Top";
    range.format.rowHeight = heightOf(linesIn(line, characters));
  });
  const row = layout.headerRow;
  const headerRange = sheet.getRange(`A${row}:${lastColumn}${row}`);
  headerRange.format.font.bold = true;
  headerRange.format.font.color = "#FFFFFF";
  headerRange.format.fill.color = HEADER_FILL;
  headerRange.format.wrapText = true;
  headerRange.format.verticalAlignment = "Center";
  headerRange.format.horizontalAlignment = "Center";
  headerRange.format.rowHeight = Math.max(27, heightOf(Math.max(...header.map((text, c) => linesIn(text, Math.max(1, widths[c] - 1))))));
  widths.forEach((width, i) => {
    const letter = columnLetters(i + 1);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = columnPoints(width);
  });
}

/** The data rows' formats: top-aligned, ruled, amounts #,##0.00, wrapped columns wrapped, rows as tall as their text. */
function formatData(sheet: Excel.Worksheet, columns: readonly ResultColumn[], headerRow: number, count: number): void {
  const lastColumn = columnLetters(columns.length);
  const first = headerRow + 1;
  const last = headerRow + count;
  ruled(sheet.getRange(`A${headerRow}:${lastColumn}${last}`), count + 1, columns.length);
  if (count === 0) return;
  sheet.getRange(`A${first}:${lastColumn}${last}`).format.verticalAlignment = "Top";
  columns.forEach((column, i) => {
    const letter = columnLetters(i + 1);
    if (column.kind === "amount") sheet.getRange(`${letter}${first}:${letter}${last}`).numberFormat = [["#,##0.00"]];
    if (column.kind === "wrap") sheet.getRange(`${letter}${first}:${letter}${last}`).format.wrapText = true;
  });
  // Rows as tall as their wrapped text (Excel fits them here; a file written elsewhere stores the heights).
  sheet.getRange(`A${first}:${lastColumn}${last}`).format.autofitRows();
}

/** The status word takes the colour of its code (the code column is the one to filter on). */
function statusColours(sheet: Excel.Worksheet, columns: readonly ResultColumn[], first: number, last: number): void {
  const code = columns.findIndex((c) => c.key === "status");
  const word = columns.findIndex((c) => c.key === "statusWord");
  if (code < 0 || word < 0 || last < first) return;
  const words = sheet.getRange(`${columnLetters(word + 1)}${first}:${columnLetters(word + 1)}${last}`);
  for (const [status, style] of Object.entries(STATUS_LABELS)) {
    const format = words.conditionalFormats.add(Excel.ConditionalFormatType.custom);
    format.custom.rule.formula = `=$${columnLetters(code + 1)}${first}="${status}"`;
    format.custom.format.fill.color = `#${style.fill}`;
    format.custom.format.font.color = `#${style.font}`;
  }
}

/** The 合计 rows (label across the columns before 核定金额, the amount under it, bold) and the signature row. */
function writeFoot(sheet: Excel.Worksheet, layout: ReviewListLayout): void {
  const printed = columnLetters(layout.printedColumns);
  const amountColumn = columnLetters(layout.finalColumn + 1);
  layout.totals.forEach((total, i) => {
    const row = layout.totalsRow + i;
    const label = layout.finalColumn > 1 ? sheet.getRange(`A${row}:${columnLetters(layout.finalColumn)}${row}`) : sheet.getRange(`A${row}`);
    if (layout.finalColumn > 1) label.merge();
    sheet.getRange(`A${row}`).values = [[literal(total.label)]];
    label.format.horizontalAlignment = "Right";
    const amount = sheet.getRange(`${amountColumn}${row}`);
    amount.values = [[total.amount]];
    amount.numberFormat = [["#,##0.00"]];
    sheet.getRange(`A${row}:${printed}${row}`).format.font.bold = true;
  });
  ruled(
    sheet.getRange(`A${layout.totalsRow}:${printed}${layout.totalsRow + layout.totals.length - 1}`),
    layout.totals.length,
    layout.printedColumns,
  );
  for (const part of layout.signature) {
    const from = `${columnLetters(part.from + 1)}${layout.signatureRow}`;
    if (part.to > part.from) sheet.getRange(`${from}:${columnLetters(part.to + 1)}${layout.signatureRow}`).merge();
    sheet.getRange(from).values = [[literal(part.text)]];
  }
  const signature = sheet.getRange(`A${layout.signatureRow}:${printed}${layout.signatureRow}`);
  signature.format.verticalAlignment = "Center";
  signature.format.rowHeight = SIGNATURE_HEIGHT;
}

export interface SheetContext {
  policyId: string;
  language: DisplayLanguage;
  supports: (excelApi: string) => boolean;
  notes: Note[];
}

/**
 * The review list around its data rows (written already, `count` of them): the 合计 and signature rows, the
 * formats, freeze under the header, the filter over header and applications, the print setup.
 */
export function finishReviewList(
  sheet: Excel.Worksheet,
  layout: ReviewListLayout,
  table: ListTable,
  widths: readonly number[],
  count: number,
  at: SheetContext,
): void {
  writeFoot(sheet, layout);
  formatHead(sheet, layout, widths, layout.printedColumns, table.header, layout.signatureRow);
  formatData(sheet, table.columns, layout.headerRow, count);
  const lastColumn = columnLetters(table.columns.length);
  const lastData = layout.headerRow + count;
  if (optional("colours", at.supports, at.notes)) statusColours(sheet, table.columns, layout.firstDataRow, lastData);
  sheet.freezePanes.freezeRows(layout.headerRow);
  if (optional("filter", at.supports, at.notes)) sheet.autoFilter.apply(sheet.getRange(`A${layout.headerRow}:${lastColumn}${lastData}`));
  if (optional("print", at.supports, at.notes)) {
    printSetup(sheet, at.policyId, at.language, "width", `$${layout.headerRow}:$${layout.headerRow}`, layout.printArea);
  }
}

/** The appendix's header row in the display language. */
export const appendixHeader = (language: DisplayLanguage) => APPENDIX_COLUMNS.map((c) => c.header[language]);

/** The appendix's cells of one application: which one (序号, 来源, 企业名称, 申报条款) and its 计算明细 lines. */
export const appendixCells = (row: ScreeningResult["rows"][number], language: DisplayLanguage, index: number) =>
  resultRowCells(row, APPENDIX_COLUMNS, language, index).map(literal);

/** The appendix around its data rows: formats, freeze under the header, the print setup (no note twice). */
export function finishAppendix(
  sheet: Excel.Worksheet,
  layout: AppendixLayout,
  count: number,
  at: SheetContext,
  widths: readonly number[] = APPENDIX_COLUMNS.map((c) => c.width),
): void {
  formatHead(sheet, layout, widths, widths.length, appendixHeader(at.language), layout.headerRow + count);
  formatData(sheet, APPENDIX_COLUMNS, layout.headerRow, count);
  sheet.freezePanes.freezeRows(layout.headerRow);
  if (at.supports(OPTIONAL.print.version))
    printSetup(sheet, at.policyId, at.language, "width", `$${layout.headerRow}:$${layout.headerRow}`, layout.printArea);
}
