/** The summary sheet in Excel: the run's facts, a block per grouping with its totals, the chart of awards by clause. */
import { DisplayLanguage, ScreeningResult, summaryModel } from "../../../core";
import { HEADER_FILL, OPTIONAL, POINTS_PER_CHARACTER, literal, printSetup } from "./excel-format";

export function writeSummary(
  sheet: Excel.Worksheet,
  result: ScreeningResult,
  language: DisplayLanguage,
  supports: (v: string) => boolean,
): void {
  const model = summaryModel(result, language);
  sheet.getRange("A1").values = [[literal(model.title)]];
  sheet.getRange("A1").format.font.bold = true;
  sheet.getRange("A1").format.font.size = 14;
  let row = 3;
  for (const [i, [label, value]] of model.info.entries()) {
    sheet.getRange(`A${row}:B${row}`).values = [[literal(label), typeof value === "number" ? value : literal(value)]];
    sheet.getRange(`A${row}`).format.font.bold = true;
    if (model.totalRows.includes(i)) sheet.getRange(`B${row}`).numberFormat = [["#,##0.00"]];
    if (typeof value === "string") sheet.getRange(`B${row}`).format.wrapText = true;
    row++;
  }
  let chartRange: { values: string; categories: string } | null = null;
  for (const block of model.blocks) {
    row++;
    sheet.getRange(`A${row}`).values = [[literal(block.title)]];
    sheet.getRange(`A${row}`).format.font.bold = true;
    row++;
    const header = sheet.getRange(`A${row}:D${row}`);
    header.values = [block.header.map(literal)];
    header.format.font.bold = true;
    header.format.font.color = "#FFFFFF";
    header.format.fill.color = HEADER_FILL;
    const first = row + 1;
    if (block.rows.length) {
      const end = first + block.rows.length - 1;
      sheet.getRange(`A${first}:D${end}`).values = block.rows.map(([label, note, rows, final]) => [
        literal(label),
        literal(note),
        rows,
        final,
      ]);
      sheet.getRange(`B${first}:B${end}`).format.wrapText = true;
      sheet.getRange(`C${first}:C${end}`).numberFormat = block.rows.map(() => ["0"]);
      sheet.getRange(`D${first}:D${end}`).numberFormat = block.rows.map(() => ["#,##0.00"]);
      if (chartRange === null) chartRange = { values: `D${row}:D${end}`, categories: `A${first}:A${end}` };
    }
    row = first + block.rows.length;
  }
  sheet.getRange("A:A").format.columnWidth = 16 * POINTS_PER_CHARACTER;
  sheet.getRange("B:B").format.columnWidth = 44 * POINTS_PER_CHARACTER;
  sheet.getRange("C:C").format.columnWidth = 9 * POINTS_PER_CHARACTER;
  sheet.getRange("D:D").format.columnWidth = 18 * POINTS_PER_CHARACTER;
  sheet.getRange(`A1:D${row}`).format.verticalAlignment = Excel.VerticalAlignment.top;
  sheet.getRange(`A1:D${row}`).format.autofitRows();
  if (chartRange) {
    // The chart of awards by clause: the final amounts, labelled 第1条 …
    const chart = sheet.charts.add(Excel.ChartType.columnClustered, sheet.getRange(chartRange.values), Excel.ChartSeriesBy.columns);
    chart.series.getItemAt(0).setXAxisValues(sheet.getRange(chartRange.categories));
    chart.title.text = model.chart.title;
    chart.setPosition("F1", "N22");
  }
  if (supports(OPTIONAL.print.version)) printSetup(sheet, result.policy.id, language, "page", null);
}
