/**
 * The summary's content (SCREENING.md revision 3, "The summary"): totals by clause, by city in the province's
 * order, by status and by entity, each ending with a 合计 that is the sum of its rows; 拟支持 and 待人工核定 in two
 * columns, never added; 问题与提示 with every warning, skipped row and duplicate and its cell; the chart in 万元,
 * only clauses with rows.
 */
import { screenWorkbook } from "../../../core";
import { summaryModel } from "../../../core/screening/report";
import { SummaryBlock } from "../../../core/screening/summary-model";
import { MAX_BAR_RUNS, chartLayout, nonZeroRuns, provinceOrder } from "../../../core/screening/summary-tables";
import { makeUscc } from "../../helpers/uscc";

const HEADER = ["统一社会信用代码", "企业名称", "所属市(地)", "申报年度", "申报条款", "新增实物网络零售额", "主体资格", "核定金额"];
/** Rows in several cities, listed out of the province's order; a city outside it, one unknown; 拟支持 and 待人工核定. */
const ROWS: (string | number | null)[][] = [
  [makeUscc(1, "231200"), "绥化甲公司", "绥化", 2025, "第3条", 150_000_000, "是", null], // 3,000,000 to pay
  [makeUscc(2, "231000"), "牡丹江乙公司", "牡丹江", 2025, "第14条", null, "是", 500_000], // 500,000 pending
  [makeUscc(3), "哈尔滨丙公司", "哈尔滨", 2025, "第3条", 60_000_000, "是", null], // 1,200,000
  [makeUscc(3), "哈尔滨丙公司", "哈尔滨", 2026, "第14条", null, "是", 300_000], // 300,000 pending
  [makeUscc(4, "232700"), "漠河丁公司", "大兴安岭地区", 2025, "第3条", 1_000, "是", null], // below the threshold: 0.00
  [makeUscc(5, "110100"), "北京戊公司", "北京", 2025, "第3条", 60_000_000, "是", null], // out of province
  [makeUscc(6, "110100"), "无市公司", "", 2025, "第3条", 60_000_000, "是", null], // no city: 未知
  [makeUscc(7, "230300"), "鸡西己公司", "鸡西", 2025, "第3条", 60_000_000, "是", null],
  [makeUscc(7, "230300"), "鸡西己公司", "鸡西", 2025, "第3条", 60_000_000, "是", null], // a duplicate
  [makeUscc(3), "哈尔滨丙公司", "哈尔滨", 2025, "第14条", null, "是", 200_000], // 从优不重复 (its 第3条 the same year)
];
const workbook = { sheets: [{ name: "申报", values: [HEADER, ...ROWS] }] };

const result = screenWorkbook(workbook);
const model = summaryModel(result, "zh");
const block = (key: SummaryBlock["key"]) => model.blocks.find((b) => b.key === key)!;
const fen = (v: unknown) => Math.round(Number(v ?? 0) * 100);

test("the workbook screens to rows to pay, rows awaiting a decision and others", () => {
  expect(result.rows.map((r) => r.status)).toEqual([
    "eligible",
    "manual",
    "eligible",
    "manual",
    "ineligible",
    "manual",
    "manual",
    "eligible",
    "error",
    "superseded",
  ]);
});

test("cities in the province's order (哈尔滨 … 绥化 … 大兴安岭地区), then other names, then 未知, with where each came from", () => {
  const cities = block("city").rows.map((r) => r[0]);
  expect(cities).toEqual(["哈尔滨", "牡丹江", "鸡西", "绥化", "大兴安岭地区", "北京", "未知"]);
  expect(block("city").rows.find((r) => r[0] === "未知")![1]).toContain("无");
  expect(block("city").rows.find((r) => r[0] === "哈尔滨")![1]).toBe("据统一社会信用代码登记机关");
  expect(block("city").rows.find((r) => r[0] === "北京")![1]).toBe("据所属市(地)列");
  expect(provinceOrder(["未知", "大兴安岭地区", "上海", "齐齐哈尔", "哈尔滨", "七台河", "鹤岗"])).toEqual([
    "哈尔滨",
    "齐齐哈尔",
    "七台河",
    "鹤岗",
    "大兴安岭地区",
    "上海",
    "未知",
  ]);
});

test("every block ends with a 合计 row that is the sum of its rows, 拟支持 and 待人工核定 apart", () => {
  for (const b of model.blocks.filter((x) => x.key !== "issues")) {
    const width = b.columns.length;
    const [rows, toPay, pending] = [width - 3, width - 2, width - 1];
    expect(b.total[0]).toBe("合计");
    expect(b.total[rows]).toBe(b.rows.reduce((n, r) => n + Number(r[rows]), 0));
    expect(fen(b.total[toPay])).toBe(b.rows.reduce((n, r) => n + fen(r[toPay]), 0));
    expect(fen(b.total[pending])).toBe(b.rows.reduce((n, r) => n + fen(r[pending]), 0));
    // The same totals in every block: all rows, 拟支持 4,200,000 + 1,200,000, 待人工核定 the manual rows' 核定金额.
    expect(b.total[rows]).toBe(10);
    expect(b.total[toPay]).toBe(Number(result.totals.byStatus.eligible.final));
    expect(b.total[pending]).toBe(Number(result.totals.byStatus.manual.final));
    expect(b.columns.map((c) => c.header).slice(-2)).toEqual(["拟支持（元）", "待人工核定（元）"]);
  }
  // Never added together: no cell anywhere holds the sum of both.
  const both = Number(result.totals.byStatus.eligible.final) + Number(result.totals.byStatus.manual.final);
  expect(model.blocks.flatMap((b) => [...b.rows, b.total]).flat()).not.toContain(both);
  expect(model.info.map(([, v]) => v)).not.toContain(both);
});

test("by status: the glossary's six words in order, each amount only in its own column", () => {
  const status = block("status");
  expect(status.rows.map((r) => r[0])).toEqual(["符合条件", "待人工核定", "从优不重复", "不符合条件", "无省级资金", "数据有误"]);
  expect(status.rows.map((r) => r[1])).toEqual([3, 4, 1, 1, 0, 1]);
  expect(status.rows[0].slice(2)).toEqual([Number(result.totals.byStatus.eligible.final), null]);
  expect(status.rows[1].slice(2)).toEqual([null, Number(result.totals.byStatus.manual.final)]);
});

test("by clause: 第n条 and the measure's title; by entity: name, code, clauses, rows and both amounts", () => {
  expect(block("measure").rows.map((r) => [r[0], r[2]])).toEqual([
    ["第3条", 7],
    ["第14条", 3],
  ]);
  expect(String(block("measure").rows[0][1])).toContain("网络零售");
  const entity = block("entity").rows.find((r) => r[0] === "哈尔滨丙公司")!;
  expect(entity).toEqual(["哈尔滨丙公司", makeUscc(3), "第3条、第14条", 3, 1_200_000, 300_000]);
  expect(block("entity").rows).toHaveLength(7);
  expect(block("entity").total[1]).toBe("7 家企业");
});

test("问题与提示 lists the duplicate row with its place", () => {
  const issues = block("issues");
  expect(issues.columns.map((c) => c.header)).toEqual(["类别", "位置", "说明"]);
  expect(issues.rows).toContainEqual(["重复行", "申报!10", expect.stringContaining("申报!9")]);
  expect(issues.total).toEqual(["合计", "", `共 ${issues.rows.length} 条`]);
});

test("the chart: 核定金额 in 万元 (0.00), only clauses with rows, 待人工核定 its own series", () => {
  expect(model.chart.categories).toEqual(["第3条", "第14条"]);
  expect(model.chart.axisTitle).toBe("万元");
  expect(model.chart.numberFormat).toBe("0.00");
  expect(model.chart.series.map((s) => s.name)).toEqual(["拟支持（万元）", "待人工核定（万元）"]);
  const measure = block("measure").rows;
  expect(model.chart.series[0].values).toEqual(measure.map((r) => Number(r[3]) / 10_000));
  expect(model.chart.series[1].values).toEqual(measure.map((r) => Number(r[4]) / 10_000));
  expect(model.chart.series[0].values).toEqual([540, 0]);
  expect(model.chart.series[1].values).toEqual([expect.any(Number), 50 + 30]);
  // A workbook with only eligible rows has one series.
  const onlyPaid = summaryModel(screenWorkbook({ sheets: [{ name: "申报", values: [HEADER, ROWS[0]] }] }), "zh");
  expect(onlyPaid.chart.series.map((s) => s.name)).toEqual(["拟支持（万元）"]);
  expect(onlyPaid.chart.series[0].values).toEqual([300]);
});

test("bars go over the non-zero amounts only; past MAX_BAR_RUNS areas, over the whole column", () => {
  const alternating = Array.from({ length: 2 * MAX_BAR_RUNS + 2 }, (_, i) => (i % 2 ? 0 : 1));
  expect(nonZeroRuns(alternating)).toEqual([[0, 2 * MAX_BAR_RUNS]]);
  expect(nonZeroRuns([1, 2, 0, null, 3, 0, 4, 5])).toEqual([
    [0, 1],
    [4, 4],
    [6, 7],
  ]);
});

test("in English: the same tables, the words in English", () => {
  const en = summaryModel(result, "en");
  expect(en.blocks.map((b) => b.title)).toEqual(["By clause", "By city", "By status", "By entity", "Problems and notes"]);
  expect(en.blocks[1].rows.map((r) => r[0])).toEqual([
    "Harbin (哈尔滨)",
    "Mudanjiang (牡丹江)",
    "Jixi (鸡西)",
    "Suihua (绥化)",
    "Da Hinggan Ling Prefecture (大兴安岭地区)",
    "北京",
    "unknown (未知)",
  ]);
});

test("the chart's place: columns under the facts for a few clauses; bars (a label a line) for many, on a page of their own when tall", () => {
  expect(chartLayout(model.info, 2)).toEqual({ rows: expect.any(Number), horizontal: false, ownPage: false });
  const few = chartLayout(model.info, 2).rows;
  expect(few).toBeGreaterThanOrEqual(10);
  expect(few).toBeLessThanOrEqual(18);
  // More facts (longer lines), a shorter chart: the first page holds both.
  const long: [string, string][] = [...model.info.map(([l, v]): [string, string] => [l, String(v)]), ["解读", "很长的说明".repeat(60)]];
  expect(chartLayout(long, 2).rows).toBeLessThan(few);
  expect(chartLayout(model.info, 10)).toEqual({ rows: few, horizontal: true, ownPage: false });
  expect(chartLayout(model.info, 23)).toEqual({ rows: 31, horizontal: true, ownPage: true });
});
