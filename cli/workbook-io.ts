/**
 * The command line's only contact with .xlsx files (exceljs): cells out as Office.js would give them, result
 * sheets in. The user's sheets are never changed: we add our two sheets to a copy and write it elsewhere.
 */
import ExcelJS from "exceljs";
import {
  RESULTS_MARKER_NAME,
  RESULTS_SHEET,
  RESULT_COLUMNS,
  STATUS_LABELS,
  SUMMARY_MARKER_NAME,
  SUMMARY_SHEET,
  ScreeningResult,
  SheetInput,
  WorkbookInput,
  freeSheetName,
  resultCells,
  sheetOfReference,
  summaryContent,
} from "../core";
import { ColumnChart } from "./xlsx-chart";

type Cell = string | number | boolean | Date | null | { error: string };

/** A cell's value as Office.js `range.values` would give it (formulas by their last result, rich text as text). */
export function plainValue(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  const object = value as unknown as Record<string, unknown>;
  if ("error" in object) return String(object.error);
  if ("result" in object || "formula" in object || "sharedFormula" in object) return plainValue(object.result as ExcelJS.CellValue);
  if ("richText" in object) return (object.richText as { text: string }[]).map((part) => part.text).join("");
  if ("text" in object) return plainValue(object.text as ExcelJS.CellValue);
  return null;
}

/** Names of the sheets this product wrote before (recognised by the workbook names it set, not by name alone). */
export function ourSheets(workbook: ExcelJS.Workbook): Set<string> {
  const ours = new Set<string>();
  for (const marker of [RESULTS_MARKER_NAME, SUMMARY_MARKER_NAME]) {
    for (const range of workbook.definedNames.getRanges(marker)?.ranges ?? []) {
      const sheet = sheetOfReference(range);
      if (sheet) ours.add(sheet);
    }
  }
  return ours;
}

export function workbookInput(workbook: ExcelJS.Workbook): WorkbookInput {
  const skip = ourSheets(workbook);
  const sheets: SheetInput[] = [];
  workbook.eachSheet((worksheet) => {
    if (skip.has(worksheet.name)) return;
    const values: Cell[][] = [];
    const width = worksheet.columnCount;
    worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: Cell[] = new Array(width).fill(null);
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        cells[column - 1] = plainValue(cell.value);
      });
      values[rowNumber - 1] = cells;
    });
    for (let i = 0; i < values.length; i++) values[i] ??= [];
    sheets.push({ name: worksheet.name, values });
  });
  return { sheets };
}

const AMOUNT_FORMAT = "#,##0.00";
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E79" } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: "FFFFFFFF" } };

const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** Replaces our previous result sheets (if any) with new ones; returns the names used. */
export function writeResultSheets(
  workbook: ExcelJS.Workbook,
  result: ScreeningResult,
  inputName: string,
): { results: string; summary: string; chart: ColumnChart | null } {
  for (const name of ourSheets(workbook)) {
    const sheet = workbook.getWorksheet(name);
    if (sheet) workbook.removeWorksheet(sheet.id);
  }
  for (const marker of [RESULTS_MARKER_NAME, SUMMARY_MARKER_NAME]) {
    for (const range of workbook.definedNames.getRanges(marker)?.ranges ?? []) workbook.definedNames.remove(range, marker);
  }
  const taken = workbook.worksheets.map((w) => w.name);
  const resultsName = freeSheetName(RESULTS_SHEET, taken);
  const summaryName = freeSheetName(SUMMARY_SHEET, [...taken, resultsName]);
  writeResults(workbook.addWorksheet(resultsName, { views: [{ state: "frozen", ySplit: 1 }] }), result);
  const chart = writeSummary(workbook.addWorksheet(summaryName), result, inputName);
  workbook.definedNames.add(`${quoteSheet(resultsName)}!$A$1`, RESULTS_MARKER_NAME);
  workbook.definedNames.add(`${quoteSheet(summaryName)}!$A$1`, SUMMARY_MARKER_NAME);
  return { results: resultsName, summary: summaryName, chart };
}

function writeResults(sheet: ExcelJS.Worksheet, result: ScreeningResult): void {
  sheet.columns = RESULT_COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  const header = sheet.getRow(1);
  header.values = RESULT_COLUMNS.map((c) => c.header);
  header.eachCell((cell) => {
    cell.font = HEADER_FONT;
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: "middle", wrapText: true };
  });
  const statusColumn = RESULT_COLUMNS.findIndex((c) => c.key === "status") + 1;
  const widths = RESULT_COLUMNS.map((c) => Math.max(8, c.header.length + 2));
  result.rows.forEach((row, i) => {
    const cells = resultCells(row);
    // Text from the user's cells goes in as a string value: exceljs writes a formula only for { formula }.
    const excelRow = sheet.getRow(i + 2);
    excelRow.values = cells;
    cells.forEach((value, c) => {
      if (RESULT_COLUMNS[c].kind === "amount" && value !== null) excelRow.getCell(c + 1).numFmt = AMOUNT_FORMAT;
      const length = typeof value === "string" ? Math.max(...value.split("\n").map(displayWidth)) : String(value ?? "").length + 3;
      widths[c] = Math.max(widths[c], Math.min(length + 1, RESULT_COLUMNS[c].width));
    });
    const style = STATUS_LABELS[row.status];
    if (style) {
      const cell = excelRow.getCell(statusColumn);
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${style.fill}` } };
      cell.font = { color: { argb: `FF${style.font}` }, bold: true };
    }
  });
  sheet.columns.forEach((column, c) => (column.width = widths[c]));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, result.rows.length + 1), column: RESULT_COLUMNS.length } };
}

function writeSummary(sheet: ExcelJS.Worksheet, result: ScreeningResult, inputName: string): ColumnChart | null {
  const { heading, blocks } = summaryContent(result, inputName);
  let chart: ColumnChart | null = null;
  let r = 1;
  heading.forEach((cells, i) => {
    const row = sheet.getRow(r++);
    row.values = cells;
    row.getCell(1).font = { bold: true, size: i === 0 ? 14 : 11 };
  });
  sheet.getCell(`B${r - 1}`).numFmt = AMOUNT_FORMAT;
  sheet.getCell(`B${r - 1}`).value = Number(result.totals.final);
  for (const block of blocks) {
    r++;
    sheet.getRow(r++).values = [block.title];
    sheet.getCell(`A${r - 1}`).font = { bold: true, size: 12 };
    const header = sheet.getRow(r++);
    header.values = block.header;
    header.eachCell((cell) => {
      cell.font = HEADER_FONT;
      cell.fill = HEADER_FILL;
    });
    const first = r;
    for (const cells of block.rows) {
      const row = sheet.getRow(r++);
      row.values = cells;
      row.getCell(block.amountColumn + 1).numFmt = AMOUNT_FORMAT;
    }
    if (block.rows.length > 0 && chart === null) {
      // The first block (by measure) is the chart of awards.
      chart = {
        sheet: sheet.name,
        title: "各措施最终金额 · Final awards by measure",
        seriesName: "最终金额 Final",
        categories: { range: `A${first}:A${r - 1}`, values: block.rows.map((cells) => String(cells[0])) },
        values: { range: `D${first}:D${r - 1}`, values: block.rows.map((cells) => Number(cells[block.amountColumn])) },
        anchor: { fromColumn: 5, fromRow: 1, toColumn: 14, toRow: 22 },
      };
    }
    if (block.rows.length > 0) {
      // In-cell bars beside each total, readable in any spreadsheet program.
      const column = String.fromCharCode(65 + block.amountColumn);
      sheet.addConditionalFormatting({
        ref: `${column}${first}:${column}${r - 1}`,
        rules: [
          {
            type: "dataBar",
            priority: 1,
            cfvo: [{ type: "min" }, { type: "max" }],
            color: { argb: "FF5B9BD5" },
          } as unknown as ExcelJS.ConditionalFormattingRule,
        ],
      });
    }
  }
  sheet.columns = [{ width: 22 }, { width: 60 }, { width: 12 }, { width: 20 }];
  return chart;
}

/** Width of a text in a fixed-width font: CJK characters take two columns. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return width;
}
