/**
 * The summary sheet in Excel, laid out as the command line writes it (summaryModel, the same six columns): the
 * run's facts, the chart of 核定金额 by clause in 万元 (its data in hidden columns H–J), then the tables by clause,
 * city, status and entity and 问题与提示, each ending with its 合计 row; bars from zero over the non-zero amounts.
 */
import { DisplayLanguage, ScreeningResult, columnLetters } from "../../../core";
import { SUMMARY_COLUMN_WIDTHS, SummaryBlock, SummaryCell, SummaryModel, summaryModel } from "../../../core/screening/summary-model";
import { ChartLayout, chartLayout, nonZeroRuns, textLines } from "../../../core/screening/summary-tables";
import { MAX_BLOCK_ROWS } from "./excel-blocks";
import { HEADER_FILL, OPTIONAL, columnPoints, literal, printSetup } from "./excel-format";

/** The chart's data sits in the hidden columns from H. */
const CHART_DATA_COLUMN = 7;
const LINE_HEIGHT = 15;
const TOTAL_FILL = "#F2F2F2";
const BAR_COLOURS = ["#5B9BD5", "#ED7D31"];

const cell = (value: SummaryCell) => (typeof value === "number" ? value : literal(value));
const span = (first: number, count: number, row: number) => `${columnLetters(first + 1)}${row}:${columnLetters(first + count)}${row}`;

/**
 * Writes the summary (its first rows queued for the caller's sync). A table longer than MAX_BLOCK_ROWS (the entities
 * of a large workbook) is written in blocks, each synced, so no request passes Excel's payload limit.
 */
export async function writeSummary(
  sheet: Excel.Worksheet,
  result: ScreeningResult,
  language: DisplayLanguage,
  supports: (v: string) => boolean,
): Promise<void> {
  const model = summaryModel(result, language);
  sheet.getRange("A1").values = [[literal(model.title)]];
  sheet.getRange("A1").format.font.bold = true;
  sheet.getRange("A1").format.font.size = 14;
  const infoWidth = SUMMARY_COLUMN_WIDTHS.slice(1).reduce((a, b) => a + b, 0);
  let row = 3;
  for (const [i, [label, value]] of model.info.entries()) {
    sheet.getRange(`A${row}:B${row}`).values = [[literal(label), typeof value === "number" ? value : literal(value)]];
    sheet.getRange(`A${row}`).format.font.bold = true;
    sheet.getRange(`A${row}`).format.wrapText = true;
    const merged = sheet.getRange(`B${row}:F${row}`);
    merged.merge(false);
    merged.format.horizontalAlignment = Excel.HorizontalAlignment.left;
    if (model.totalRows.includes(i)) sheet.getRange(`B${row}`).numberFormat = [["#,##0.00"]];
    if (typeof value === "string") merged.format.wrapText = true;
    // Excel does not fit a merged row to its text: as tall as its lines (the label's in A, the value's in B–F).
    const lines = Math.max(textLines(label, SUMMARY_COLUMN_WIDTHS[0]), typeof value === "string" ? textLines(value, infoWidth) : 1);
    if (lines > 1) sheet.getRange(`A${row}`).format.rowHeight = lines * LINE_HEIGHT;
    row++;
  }
  row++;
  const chartTop = row;
  // The chart as tall as the first page leaves; its data from its top row in the hidden columns (beside the
  // tables when there are many clauses).
  writeChartData(sheet, model.chart, chartTop);
  const layout = chartLayout(model.info, model.chart.categories.length);
  const chartRows = layout.rows;
  row = chartTop + chartRows;
  const bars: { ref: string; column: number }[] = [];
  for (const block of model.blocks) row = await writeBlock(sheet, block, row + 1, bars);
  SUMMARY_COLUMN_WIDTHS.forEach((width, i) => {
    const letter = columnLetters(i + 1);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = columnPoints(width);
  });
  sheet.getRange(`A1:F${row}`).format.verticalAlignment = Excel.VerticalAlignment.top;
  sheet.getRange("G:J").columnHidden = true;
  if (supports("1.9")) {
    // Bars from zero (the number 0, not the smallest value) over the non-zero amounts only: a 0.00 has none.
    for (const bar of bars) {
      const format = sheet.getRanges(bar.ref).conditionalFormats.add(Excel.ConditionalFormatType.dataBar);
      format.dataBar.lowerBoundRule = { type: Excel.ConditionalFormatRuleType.number, formula: "0" };
      format.dataBar.upperBoundRule = { type: Excel.ConditionalFormatRuleType.highestValue };
      format.dataBar.positiveFormat.fillColor = BAR_COLOURS[bar.column];
    }
  }
  // The facts and the chart on the first page, the tables from the second.
  if (supports("1.9")) {
    // Many clauses: the chart on a page of its own.
    if (layout.ownPage) sheet.horizontalPageBreaks.add(`A${chartTop - 1}`);
    sheet.horizontalPageBreaks.add(`A${chartTop + chartRows}`);
  }
  if (model.chart.categories.length) addChart(sheet, model.chart, chartTop, layout, supports);
  // One page wide, as many tall as the entities take.
  if (supports(OPTIONAL.print.version)) printSetup(sheet, result.policy.id, language, "width", null);
}

/** The chart's data in 万元 at H–J from `top`: a header row (the series' names), then a clause a row. */
function writeChartData(sheet: Excel.Worksheet, chart: SummaryModel["chart"], top: number): void {
  const values = [
    ["", ...chart.series.map((s) => literal(s.name))],
    ...chart.categories.map((category, i) => [literal(category), ...chart.series.map((s) => s.values[i])]),
  ];
  const width = 1 + chart.series.length;
  sheet.getRange(
    `${columnLetters(CHART_DATA_COLUMN + 1)}${top}:${columnLetters(CHART_DATA_COLUMN + width)}${top + values.length - 1}`,
  ).values = values;
}

function addChart(
  sheet: Excel.Worksheet,
  chart: SummaryModel["chart"],
  top: number,
  layout: ChartLayout,
  supports: (v: string) => boolean,
): void {
  const rows = layout.rows;
  const first = top + 1;
  const last = top + chart.categories.length;
  const letter = (k: number) => columnLetters(CHART_DATA_COLUMN + 1 + k);
  const categories = sheet.getRange(`${columnLetters(CHART_DATA_COLUMN + 1)}${first}:${columnLetters(CHART_DATA_COLUMN + 1)}${last}`);
  const added = sheet.charts.add(
    Excel.ChartType.columnClustered,
    sheet.getRange(`${letter(1)}${first}:${letter(1)}${last}`),
    Excel.ChartSeriesBy.columns,
  );
  chart.series.forEach((s, k) => {
    const series = k === 0 ? added.series.getItemAt(0) : added.series.add(s.name);
    if (k > 0) series.setValues(sheet.getRange(`${letter(k + 1)}${first}:${letter(k + 1)}${last}`));
    series.name = s.name;
    series.setXAxisValues(categories);
  });
  added.title.text = chart.title;
  added.legend.position = Excel.ChartLegendPosition.top;
  added.axes.valueAxis.title.text = chart.axisTitle;
  if (supports("1.8")) {
    // The data sits in hidden columns; amounts in 万元 with two decimals; 第1条 on one line.
    added.plotVisibleOnly = false;
    added.axes.valueAxis.numberFormat = chart.numberFormat;
    added.axes.categoryAxis.textOrientation = 0;
    added.dataLabels.showValue = true;
    // A zero's label left out (the format's third section).
    added.dataLabels.numberFormat = `${chart.numberFormat};-${chart.numberFormat};`;
    if (layout.horizontal) {
      // The first clause at the top, the amounts along the bottom.
      added.axes.categoryAxis.reversePlotOrder = true;
      added.axes.categoryAxis.position = Excel.ChartAxisPosition.maximum;
    }
  }
  added.setPosition(`A${top}`, `F${top + rows - 1}`);
}

/** A block from `row` (its title): header, rows, 合计; returns the row after it. Amount cells go in `bars`. */
async function writeBlock(
  sheet: Excel.Worksheet,
  block: SummaryBlock,
  row: number,
  bars: { ref: string; column: number }[],
): Promise<number> {
  const starts = block.columns.map((_, i) => block.columns.slice(0, i).reduce((n, c) => n + c.span, 0));
  sheet.getRange(`A${row}`).values = [[literal(block.title)]];
  sheet.getRange(`A${row}`).format.font.bold = true;
  sheet.getRange(`A${row}`).format.font.size = 12;
  const lines = [block.columns.map((c) => c.header), ...block.rows, block.total];
  const header = row + 1;
  const end = header + lines.length - 1;
  for (let from = 0; from < lines.length; from += MAX_BLOCK_ROWS) {
    // A block of rows at a time, synced before the next: values and number formats move as many cells as rows.
    if (from > 0) await sheet.context.sync();
    const part = lines.slice(from, from + MAX_BLOCK_ROWS);
    const top = header + from;
    block.columns.forEach((column, i) => {
      const letter = columnLetters(starts[i] + 1);
      const range = sheet.getRange(`${letter}${top}:${letter}${top + part.length - 1}`);
      range.values = part.map((line) => [cell(line[i] ?? null)]);
      const format = column.kind === "amount" ? "#,##0.00" : column.kind === "integer" ? "0" : null;
      // The header row keeps General.
      if (format) range.numberFormat = part.map((_, r) => [from + r === 0 ? "General" : format]);
    });
  }
  block.columns.forEach((column, i) => {
    if (column.span > 1) for (let r = header; r <= end; r++) sheet.getRange(span(starts[i], column.span, r)).merge(false);
    const letter = columnLetters(starts[i] + 1);
    if (column.kind === "wrap") sheet.getRange(`${letter}${header + 1}:${letter}${end}`).format.wrapText = true;
    if (column.kind === "amount" && block.key !== "issues") {
      const ref = nonZeroRuns(block.rows.map((r) => r[i]))
        .map(([a, b]) => `${letter}${header + 1 + a}:${letter}${header + 1 + b}`)
        .join(",");
      if (ref) bars.push({ ref, column: i === block.columns.length - 1 ? 1 : 0 });
    }
  });
  const width = block.columns.reduce((n, c) => n + c.span, 0);
  const head = sheet.getRange(span(0, width, header));
  head.format.font.bold = true;
  head.format.font.color = "#FFFFFF";
  head.format.fill.color = HEADER_FILL;
  head.format.wrapText = true;
  const total = sheet.getRange(span(0, width, end));
  total.format.font.bold = true;
  total.format.fill.color = TOTAL_FILL;
  // Rows with merged wrapped text: as tall as their longest cell (Excel does not fit merged rows).
  block.rows.forEach((values, r) => {
    const needed = Math.max(
      1,
      ...block.columns.map((c, i) => {
        const text = values[i];
        const columnWidth = SUMMARY_COLUMN_WIDTHS.slice(starts[i], starts[i] + c.span).reduce((a, b) => a + b, 0);
        return c.kind === "wrap" && typeof text === "string" ? textLines(text, columnWidth) : 1;
      }),
    );
    if (needed > 1) sheet.getRange(`A${header + 1 + r}`).format.rowHeight = needed * LINE_HEIGHT;
  });
  return end + 1;
}
