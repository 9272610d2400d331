/**
 * The summary sheet HLJ汇总 as the CLI writes it: the run's facts, the chart of 核定金额 by clause in 万元 (a drawing
 * and a chart part beside the sheet, its data in hidden columns), then summaryModel's blocks as cells — each with
 * its 合计 row, in-cell bars from zero over the non-zero amounts — on A4 landscape, one page wide.
 */
import { DisplayLanguage, ScreeningResult, columnLetters } from "../core";
import { SUMMARY_COLUMN_WIDTHS, SummaryBlock, SummaryCell, SummaryModel, summaryModel } from "../core/screening/summary-model";
import { chartLayout, nonZeroRuns } from "../core/screening/summary-tables";
import { PackageWriter } from "./xlsx/package-writer";
import { patchRelationships } from "./xlsx/patch-parts";
import { Flavour, inFlavour } from "./xlsx/namespaces";
import { relsPartOf } from "./xlsx/read-workbook";
import { CellSpec, PrintSpec, RowSpec, SheetSpec, sheetXml } from "./xlsx/sheet-writer";
import { rowHeight } from "./result-rows";
import { chartXml, drawingXml } from "./xlsx/chart";
import { NewParts } from "./xlsx/output-parts";
import { StyleKey, flavoured, relativeTarget } from "./sheet-styles";

/** The summary sheet, its drawing and its chart, with their relationships. */
export async function writeSummary(
  writer: PackageWriter,
  parts: NewParts,
  flavour: Flavour,
  summary: ReturnType<typeof summarySheet>,
): Promise<void> {
  const rel = (type: string, from: string, to: string) =>
    patchRelationships(null, [], [{ id: "rId1", type: `${flavour.relationshipTypes}/${type}`, target: relativeTarget(from, to) }]);
  await writer.add(parts.summary, flavoured(sheetXml(summary.spec), flavour));
  await writer.add(relsPartOf(parts.summary), rel("drawing", parts.summary, parts.drawing));
  await writer.add(parts.drawing, inFlavour(drawingXml(summary.chart.anchor, summary.chart.title, "rId1"), flavour));
  await writer.add(relsPartOf(parts.drawing), rel("chart", parts.drawing, parts.chart));
  await writer.add(parts.chart, inFlavour(chartXml(summary.chart), flavour));
}

/** The chart's data in 万元: hidden columns H–J (a hidden column neither shows nor prints; the chart plots it). */
const CHART_DATA_COLUMN = 7;

export function summarySheet(
  result: ScreeningResult,
  language: DisplayLanguage,
  inputName: string,
  style: (key: StyleKey) => number,
  print: PrintSpec,
  sheetName: string,
) {
  const model = summaryModel(result, language, inputName);
  const columns = [...SUMMARY_COLUMN_WIDTHS, 2, 12, 14, 14];
  const infoWidth = SUMMARY_COLUMN_WIDTHS.slice(1).reduce((a, b) => a + b, 0);
  const rows: RowSpec[] = [{ cells: [{ value: model.title, style: style("title") }], height: 24 }, { cells: [] }];
  const merges: string[] = [];
  model.info.forEach(([label, value], i) => {
    const valueStyle = model.totalRows.includes(i)
      ? style("infoAmount")
      : typeof value === "number"
        ? style("infoInteger")
        : style("infoText");
    rows.push({
      cells: [
        { value: label, style: style("label") },
        { value, style: valueStyle },
      ],
      // The label wraps in A (an English one may be long), the value across B–F.
      height: rowHeight([label, typeof value === "string" ? value : null], [SUMMARY_COLUMN_WIDTHS[0], infoWidth], [true, true]),
    });
    merges.push(`B${rows.length}:F${rows.length}`);
  });
  // The chart under the facts, as tall as the first page leaves; its data in the hidden columns from its top row
  // (further down than the chart when there are many clauses: beside the tables, still hidden).
  rows.push({ cells: [] });
  const chartTop = rows.length;
  const layout = chartLayout(model.info, model.chart.categories.length);
  const chartHeight = layout.rows;
  for (let i = 0; i < chartHeight; i++) rows.push({ cells: [] });
  // The facts and the chart on the first page, the tables from the second.
  const rowBreaks = layout.ownPage ? [chartTop - 1, rows.length] : [rows.length];
  const dataBars: { ref: string; color: string }[] = [];
  for (const block of model.blocks) blockRows(block, rows, merges, dataBars, style);
  chartData(model.chart).forEach((data, i) => {
    while (rows.length <= chartTop + i) rows.push({ cells: [] });
    const row = rows[chartTop + i];
    data.forEach((value, k) => (row.cells[CHART_DATA_COLUMN + k] = { value }));
  });
  const range = (column: number, from: number, count: number) =>
    `${columnLetters(column + 1)}${from}:${columnLetters(column + 1)}${from + Math.max(0, count - 1)}`;
  const count = model.chart.categories.length;
  return {
    spec: {
      columns,
      rows,
      merges,
      dataBars,
      hiddenColumns: [6, 7, 8, 9, 10].filter((c) => c < columns.length),
      rowBreaks,
      // One page wide, as many tall as the entities take.
      print: { ...print, fit: "width" },
      drawingRelationshipId: "rId1",
    } satisfies SheetSpec,
    chart: {
      ...model.chart,
      horizontal: layout.horizontal,
      sheet: sheetName,
      ranges: {
        categories: range(CHART_DATA_COLUMN, chartTop + 2, count),
        series: model.chart.series.map((_, k) => ({
          name: `${columnLetters(CHART_DATA_COLUMN + 2 + k)}${chartTop + 1}`,
          values: range(CHART_DATA_COLUMN + 1 + k, chartTop + 2, count),
        })),
      },
      anchor: { fromColumn: 0, fromRow: chartTop, toColumn: 6, toRow: chartTop + chartHeight },
    },
  };
}

/** The chart's data as rows: a header (申报条款, the series' names), then a clause a row, amounts in 万元. */
function chartData(chart: SummaryModel["chart"]): (string | number)[][] {
  return [
    ["", ...chart.series.map((s) => s.name)],
    ...chart.categories.map((category, i) => [category, ...chart.series.map((s) => s.values[i])]),
  ];
}

/** A block: its title, its header, its rows and its 合计 row, with merges for wide columns and bars for amounts. */
function blockRows(
  block: SummaryBlock,
  rows: RowSpec[],
  merges: string[],
  dataBars: { ref: string; color: string }[],
  style: (key: StyleKey) => number,
): void {
  // Each column starts at the sheet column after the spans before it.
  const starts = block.columns.map((_, i) => block.columns.slice(0, i).reduce((n, c) => n + c.span, 0));
  const widths = block.columns.map((c, i) => SUMMARY_COLUMN_WIDTHS.slice(starts[i], starts[i] + c.span).reduce((a, b) => a + b, 0));
  const place = (values: readonly SummaryCell[], styles: (i: number) => number) => {
    const cells: CellSpec[] = [];
    block.columns.forEach((column, i) => {
      cells[starts[i]] = { value: values[i] ?? null, style: styles(i) };
      for (let k = 1; k < column.span; k++) cells[starts[i] + k] = { value: null, style: styles(i) };
      if (column.span > 1)
        merges.push(`${columnLetters(starts[i] + 1)}${rows.length + 1}:${columnLetters(starts[i] + column.span)}${rows.length + 1}`);
    });
    const texts = values.map((v) => (typeof v === "string" ? v : null));
    rows.push({
      cells,
      height: rowHeight(
        texts,
        widths,
        block.columns.map((c) => c.kind === "wrap"),
      ),
    });
  };
  const kindStyle = { text: "text", wrap: "wrap", integer: "integer", amount: "amount" } as const;
  const totalStyle = {
    text: "summaryTotalText",
    wrap: "summaryTotalText",
    integer: "summaryTotalInteger",
    amount: "summaryTotalAmount",
  } as const;
  rows.push({ cells: [] });
  rows.push({ cells: [{ value: block.title, style: style("blockTitle") }], height: 20 });
  place(
    block.columns.map((c) => c.header),
    () => style("header"),
  );
  const first = rows.length + 1;
  for (const values of block.rows) place(values, (i) => style(kindStyle[block.columns[i].kind]));
  place(block.total, (i) => style(totalStyle[block.columns[i].kind]));
  // Bars from zero in the amount columns, over the non-zero cells only (a 0.00 has none); not on the 合计 row.
  block.columns.forEach((column, i) => {
    if (column.kind !== "amount") return;
    const letter = columnLetters(starts[i] + 1);
    const ref = nonZeroRuns(block.rows.map((r) => r[i]))
      .map(([from, to]) => (from === to ? `${letter}${first + from}` : `${letter}${first + from}:${letter}${first + to}`))
      .join(" ");
    if (ref) dataBars.push({ ref, color: i === block.columns.length - 1 && block.key !== "issues" ? "ED7D31" : "5B9BD5" });
  });
}
