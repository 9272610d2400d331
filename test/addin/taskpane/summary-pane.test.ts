/**
 * The task pane writes the summary sheet (HLJ汇总) from the same model as the command line (summaryModel), through
 * Office.js (the in-memory Excel of test/fakes): the tables in the same cells, cities in the province's order,
 * each 合计 the sum of its rows, data bars from the number 0 over the non-zero amounts only, the chart in 万元
 * over the clauses with rows from hidden columns, one page wide.
 */
import { FakeExcelEnums, FakeSheet, FakeWorkbook } from "../../fakes/fake-office";
import { ExcelRun } from "../../../addin/taskpane/excel/workbook-gateway";
import { prepare, runScreening } from "../../../addin/taskpane/screening-session";
import { excelWorkbookGateway } from "../../../addin/taskpane/excel/workbook-gateway";
import { summaryModel } from "../../../core/screening/report";
import { makeUscc } from "../../helpers/uscc";

(globalThis as unknown as { Excel: unknown }).Excel = FakeExcelEnums;

const HEADER = ["统一社会信用代码", "企业名称", "所属市(地)", "申报年度", "申报条款", "新增实物网络零售额", "主体资格", "核定金额"];
const ROWS: (string | number)[][] = [
  [makeUscc(1, "231200"), "绥化甲公司", "绥化", 2025, "第3条", 150_000_000, "是", ""],
  [makeUscc(2, "231000"), "牡丹江乙公司", "牡丹江", 2025, "第14条", "", "是", 500_000],
  [makeUscc(3), "哈尔滨丙公司", "哈尔滨", 2025, "第3条", 60_000_000, "是", ""],
  [makeUscc(4, "232700"), "漠河丁公司", "大兴安岭地区", 2025, "第3条", 1_000, "是", ""],
  [makeUscc(5, "110100"), "北京戊公司", "北京", 2025, "第3条", 60_000_000, "是", ""],
  [makeUscc(7, "230300"), "鸡西己公司", "鸡西", 2025, "第3条", 60_000_000, "是", ""],
];

/** The cell (`E12`) of 0-based row and column. */
const address = (row: number, column: number) => `${String.fromCharCode(65 + column)}${row + 1}`;
/** Whether `cell` lies in a list of ranges (`E10:E11,E13:E13`). */
function covers(ranges: string, cell: string): boolean {
  const parse = (a: string) => /^([A-Z]+)(\d+)$/.exec(a)!;
  const [, col, row] = parse(cell);
  return ranges.split(",").some((range) => {
    const [a, b = a] = range.split(":");
    return parse(a)[1] === col && Number(row) >= Number(parse(a)[2]) && Number(row) <= Number(parse(b)[2]);
  });
}
const column = (sheet: FakeSheet, c: number) => sheet.values.map((row) => row[c] ?? "");

describe("the pane's summary", () => {
  const book = new FakeWorkbook();
  book.addSheet("申报", [HEADER, ...ROWS]);
  let summary: FakeSheet;
  let model: ReturnType<typeof summaryModel>;
  beforeAll(async () => {
    const run = book.run as unknown as ExcelRun;
    const outcome = await runScreening(excelWorkbookGateway(run), await prepare(excelWorkbookGateway(run)), {}, {});
    model = summaryModel(outcome.result, "zh");
    summary = book.sheet("HLJ汇总")!;
  });

  test("the model's tables in the same places as the command line writes them: title in A1, each block with its 合计", () => {
    expect(summary.cell(0, 0)).toBe("黑龙江电商政策申报筛查汇总");
    const a = column(summary, 0);
    for (const block of model.blocks) {
      const at = a.indexOf(block.title);
      expect(at).toBeGreaterThan(0);
      const starts = block.columns.map((_, i) => block.columns.slice(0, i).reduce((n, c) => n + c.span, 0));
      const shown = [block.columns.map((c) => c.header), ...block.rows, block.total];
      shown.forEach((line, r) => starts.forEach((s, i) => expect([r, i, summary.cell(at + 1 + r, s)]).toEqual([r, i, line[i] ?? ""])));
    }
    const city = a.indexOf("按所属市(地)");
    expect(a.slice(city + 2, city + 8)).toEqual(["哈尔滨", "牡丹江", "鸡西", "绥化", "大兴安岭地区", "北京"]);
    expect(a[city + 8]).toBe("合计");
    // 合计 = the sum of the rows: 拟支持 3,000,000 + 1,200,000 × 2; 待人工核定 500,000 + 1,200,000 (北京).
    expect([summary.cell(city + 8, 3), summary.cell(city + 8, 4), summary.cell(city + 8, 5)]).toEqual([6, 5_400_000, 1_700_000]);
    const sum = (c: number) => [2, 3, 4, 5, 6, 7].reduce((n, r) => n + Math.round(Number(summary.cell(city + r, c)) * 100), 0) / 100;
    expect([sum(3), sum(4), sum(5)]).toEqual([6, 5_400_000, 1_700_000]);
  });

  test("data bars start at the number 0 and no 0.00 has one", () => {
    expect(summary.dataBars.length).toBeGreaterThan(0);
    for (const bar of summary.dataBars) expect(bar.lowerBoundRule).toEqual({ type: "Number", formula: "0" });
    const a = column(summary, 0);
    const zero = a.indexOf("漠河丁公司");
    expect(summary.cell(zero, 4)).toBe(0);
    expect(summary.dataBars.some((b) => covers(b.address, address(zero, 4)))).toBe(false);
    expect(summary.dataBars.some((b) => covers(b.address, address(a.indexOf("绥化甲公司"), 4)))).toBe(true);
  });

  test("the chart: its data in hidden columns, 万元 with two decimals, only the clauses with rows, labels unrotated", () => {
    expect(summary.charts).toHaveLength(1);
    const [chart] = summary.charts;
    const cells = (range: string) => {
      const [from, to] = range.split(":");
      const col = from.charCodeAt(0) - 65;
      return Array.from({ length: Number(to.slice(1)) - Number(from.slice(1)) + 1 }, (_, i) =>
        summary.cell(Number(from.slice(1)) - 1 + i, col),
      );
    };
    expect(cells(chart.series[0].categories!)).toEqual(["第3条", "第14条"]);
    expect(chart.series.map((s) => s.name)).toEqual(["拟支持（万元）", "待人工核定（万元）"]);
    expect(chart.series.map((s) => cells(s.values!))).toEqual([
      [540, 0],
      [120, 50],
    ]);
    expect(chart).toMatchObject({ axisTitle: "万元", valueFormat: "0.00", categoryOrientation: 0, plotVisibleOnly: false });
    // A zero's label left out; two clauses: columns.
    expect(chart.dataLabels).toEqual({ showValue: true, numberFormat: "0.00;-0.00;" });
    expect(chart.type).toBe("ColumnClustered");
    expect(summary.hiddenColumns).toEqual(["G1:J1048576"]);
    // The tables from the second page: a break above the blank row before the first block.
    expect(summary.pageBreaks).toEqual([`A${column(summary, 0).indexOf("按申报条款")}`]);
    expect(summary.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    });
  });
});

test("a table of 12,000 entities is written in blocks: no sync passes the payload limit", async () => {
  const book = new FakeWorkbook({ maxCellsPerSync: 45_000 });
  book.addSheet("申报", [
    ["统一社会信用代码", "申报年度", "申报条款", "新增实物网络零售额", "主体资格"],
    ...Array.from({ length: 12_000 }, (_, i) => [makeUscc(i + 1), 2025, "第3条", 60_000_000 + i, "是"]),
  ]);
  const run = book.run as unknown as ExcelRun;
  const outcome = await runScreening(excelWorkbookGateway(run), await prepare(excelWorkbookGateway(run)), {}, {});
  expect(outcome.result.totals.entities).toBe(12_000);
  const summary = book.sheet("HLJ汇总")!;
  const a = column(summary, 0);
  const at = a.indexOf("按企业");
  expect(a[at + 2 + 12_000]).toBe("合计");
  expect(summary.cell(at + 2 + 12_000, 3)).toBe(12_000);
  expect(summary.cell(at + 2 + 11_999, 1)).toBe(makeUscc(12_000));
}, 120_000);
