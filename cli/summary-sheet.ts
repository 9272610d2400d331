/**
 * The summary sheet HLJ汇总 as the CLI writes it: summaryModel's blocks as cells, its in-cell bars, its chart
 * (a drawing and a chart part beside the sheet).
 */
import { DisplayLanguage, ScreeningResult, summaryModel } from "../core";
import { PackageWriter } from "./xlsx/package-writer";
import { patchRelationships } from "./xlsx/patch-parts";
import { Flavour, inFlavour } from "./xlsx/namespaces";
import { relsPartOf } from "./xlsx/read-workbook";
import { PrintSpec, RowSpec, SheetSpec, sheetXml } from "./xlsx/sheet-writer";
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

export function summarySheet(
  result: ScreeningResult,
  language: DisplayLanguage,
  inputName: string,
  style: (key: StyleKey) => number,
  print: PrintSpec,
  sheetName: string,
) {
  const model = summaryModel(result, language, inputName);
  const columns = [16, 44, 9, 18];
  const rows: RowSpec[] = [{ cells: [{ value: model.title, style: style("title") }], height: 24 }, { cells: [] }];
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
      height: rowHeight([null, typeof value === "string" ? value : null], columns, [false, true]),
    });
  });
  const dataBars: { ref: string; color: string }[] = [];
  let chartRange: { categories: string; values: string } | null = null;
  for (const block of model.blocks) {
    rows.push({ cells: [] });
    rows.push({ cells: [{ value: block.title, style: style("blockTitle") }] });
    rows.push({ cells: block.header.map((text) => ({ value: text, style: style("header") })) });
    const first = rows.length + 1;
    for (const [label, note, count, final] of block.rows) {
      rows.push({
        cells: [
          { value: label, style: style("text") },
          { value: note, style: style("wrap") },
          { value: count, style: style("integer") },
          { value: final, style: style("amount") },
        ],
        height: rowHeight([null, note], columns, [false, true]),
      });
    }
    const last = rows.length;
    if (block.rows.length) {
      dataBars.push({ ref: `D${first}:D${last}`, color: "5B9BD5" });
      chartRange ??= { categories: `A${first}:A${last}`, values: `D${first}:D${last}` };
    }
  }
  // The summary prints on one page; the results one page wide.
  const fit: PrintSpec = { ...print, fit: "page" };
  return {
    spec: {
      columns,
      rows,
      dataBars,
      print: fit,
      drawingRelationshipId: "rId1",
    } satisfies SheetSpec,
    chart: {
      ...model.chart,
      sheet: sheetName,
      ranges: chartRange ?? { categories: "A1:A1", values: "D1:D1" },
      // To the right of the tables, rows 1–22: the summary prints on one landscape page.
      anchor: { fromColumn: 5, fromRow: 0, toColumn: 14, toRow: 22 },
    },
  };
}
