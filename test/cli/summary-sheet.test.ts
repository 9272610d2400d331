/**
 * The summary sheet HLJ汇总 as the command line writes it (SCREENING.md revision 3, "The summary"), read back by
 * readers we did not write (openpyxl, ExcelJS, LibreOffice): cities in the province's order, every table's 合计 the
 * sum of its rows with 拟支持 and 待人工核定 apart, 问题与提示 with the sample's warnings and skipped rows and their
 * cells, bars from zero and none on a 0.00, the chart in 万元 over only the clauses with rows, one page wide.
 */
import { execFileSync, spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { runCli } from "../helpers/run-cli";
import { readParts, writeSimpleWorkbook } from "../helpers/packages";
import { LIBREOFFICE, OPENPYXL, PYTHON, hasLibreOffice, hasOpenpyxl, whenReader } from "../helpers/readers";
import { makeUscc } from "../helpers/uscc";

const ROOT = join(__dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "hlj-summary-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = ["统一社会信用代码", "企业名称", "所属市(地)", "申报年度", "申报条款", "新增实物网络零售额", "主体资格", "核定金额"];
/** Cities out of the province's order, one outside it, one unknown; rows to pay, awaiting a decision, a 0.00, a duplicate. */
const ROWS: (string | number)[][] = [
  [makeUscc(1, "231200"), "绥化甲公司", "绥化", 2025, "第3条", 150_000_000, "是", ""],
  [makeUscc(2, "231000"), "牡丹江乙公司", "牡丹江", 2025, "第14条", "", "是", 500_000],
  [makeUscc(3), "哈尔滨丙公司", "哈尔滨", 2025, "第3条", 60_000_000, "是", ""],
  [makeUscc(4, "232700"), "漠河丁公司", "大兴安岭地区", 2025, "第3条", 1_000, "是", ""],
  [makeUscc(5, "110100"), "北京戊公司", "北京", 2025, "第3条", 60_000_000, "是", ""],
  [makeUscc(6, "110100"), "无市公司", "", 2025, "第3条", 60_000_000, "是", ""],
  [makeUscc(7, "230300"), "鸡西己公司", "鸡西", 2025, "第3条", 60_000_000, "是", ""],
  [makeUscc(7, "230300"), "鸡西己公司", "鸡西", 2025, "第3条", 60_000_000, "是", ""],
];

/** The summary as openpyxl reads it: cells, data bars (sqref, first cfvo), hidden columns, page setup. */
const OPENPYXL_SUMMARY = `
import json, sys, warnings
warnings.simplefilter("ignore")
import openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["HLJ汇总"]
bars = []
for cf in ws.conditional_formatting:
    for rule in cf.rules:
        bars.append({"sqref": str(cf.sqref), "type": rule.type, "min": [rule.dataBar.cfvo[0].type, rule.dataBar.cfvo[0].val]})
json.dump({
    "cells": [[c for c in row] for row in ws.iter_rows(max_col=10, values_only=True)],
    "bars": bars,
    "hidden": sorted(k for k, d in ws.column_dimensions.items() if d.hidden),
    "breaks": [b.id for b in ws.row_breaks.brk],
    "fit": [ws.page_setup.fitToWidth, ws.page_setup.fitToHeight, ws.page_setup.orientation, ws.page_setup.paperSize],
}, sys.stdout, default=str)
`;

interface Read {
  cells: (string | number | null)[][];
  bars: { sqref: string; type: string; min: [string, number] }[];
  hidden: string[];
  breaks: number[];
  fit: unknown[];
}
const readSummary = (path: string): Read => JSON.parse(execFileSync(PYTHON, ["-c", OPENPYXL_SUMMARY, path], { encoding: "utf8" }));

/** A block's rows as read back: from the row after its header to its 合计 row (inclusive), by its title in A. */
function blockOf(
  cells: Read["cells"],
  title: string,
): { header: number; rows: Read["cells"]; total: Read["cells"][number]; first: number } {
  const at = cells.findIndex((row) => row[0] === title);
  expect(at).toBeGreaterThan(0);
  const end = cells.findIndex((row, i) => i > at && row[0] === "合计");
  return { header: at + 2, rows: cells.slice(at + 2, end), total: cells[end], first: at + 3 };
}

/** Whether a cell (`E12`) lies in an sqref (`E10:E11 E12`). */
function inSqref(cell: string, sqref: string): boolean {
  const [, col, row] = /^([A-Z]+)(\d+)$/.exec(cell)!;
  return sqref.split(" ").some((range) => {
    const [a, b = a] = range.split(":");
    const [, ca, ra] = /^([A-Z]+)(\d+)$/.exec(a)!;
    const [, , rb] = /^([A-Z]+)(\d+)$/.exec(b)!;
    return ca === col && Number(row) >= Number(ra) && Number(row) <= Number(rb);
  });
}

const fen = (v: unknown) => Math.round(Number(v ?? 0) * 100);

describe("a workbook with several cities", () => {
  const input = join(dir, "cities.xlsx");
  const output = join(dir, "cities.screened.xlsx");
  beforeAll(async () => {
    await writeSimpleWorkbook(input, "申报", [HEADER, ...ROWS]);
    expect((await runCli(input, "-o", output, "-q")).code).toBe(0);
  }, 60_000);

  whenReader(hasOpenpyxl(), OPENPYXL)("openpyxl: cities in the province's order, each 合计 the sum of its rows", () => {
    const { cells, fit, hidden, breaks } = readSummary(output);
    expect(cells[0][0]).toBe("黑龙江电商政策申报筛查汇总");
    const city = blockOf(cells, "按所属市(地)");
    expect(cells[city.header - 1].slice(0, 6)).toEqual(["所属市(地)", "说明", null, "行数", "拟支持（元）", "待人工核定（元）"]);
    expect(city.rows.map((r) => r[0])).toEqual(["哈尔滨", "牡丹江", "鸡西", "绥化", "大兴安岭地区", "北京", "未知"]);
    for (const title of ["按申报条款", "按所属市(地)", "按状态", "按企业"]) {
      const b = blockOf(cells, title);
      expect(b.total[3]).toBe(b.rows.reduce((n, r) => n + Number(r[3]), 0));
      expect(fen(b.total[4])).toBe(b.rows.reduce((n, r) => n + fen(r[4]), 0));
      expect(fen(b.total[5])).toBe(b.rows.reduce((n, r) => n + fen(r[5]), 0));
      // 拟支持 3,000,000 + 1,200,000 × 2 (哈尔滨, 鸡西); 待人工核定 the 第14条 row's 500,000 and the two
      // out-of-province 第3条 rows' 1,200,000 each.
      expect([b.total[3], b.total[4], b.total[5]]).toEqual([8, 5_400_000, 2_900_000]);
    }
    expect(blockOf(cells, "按状态").rows.map((r) => r[0])).toEqual([
      "符合条件",
      "待人工核定",
      "从优不重复",
      "不符合条件",
      "无省级资金",
      "数据有误",
    ]);
    expect(blockOf(cells, "问题与提示").rows).toContainEqual([
      "重复行",
      "申报!9",
      expect.stringContaining("申报!8"),
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(fit.map(String)).toEqual(["1", "0", "landscape", "9"]);
    expect(hidden).toEqual(expect.arrayContaining(["H", "I", "J"]));
    // The facts and the chart print on the first page, the tables from the second.
    expect(breaks).toEqual([cells.findIndex((row) => row[0] === "按申报条款") - 1]);
  });

  whenReader(hasOpenpyxl(), OPENPYXL)("openpyxl: every data bar starts at the number 0 and no 0.00 has one", () => {
    const { cells, bars } = readSummary(output);
    expect(bars.length).toBeGreaterThan(0);
    for (const bar of bars) expect([bar.type, bar.min]).toEqual(["dataBar", ["num", 0]]);
    const entity = blockOf(cells, "按企业");
    const zero = entity.rows.findIndex((r) => r[0] === "漠河丁公司");
    expect(entity.rows[zero][4]).toBe(0);
    const zeroCell = `E${entity.first + zero}`;
    expect(bars.some((b) => inSqref(zeroCell, b.sqref))).toBe(false);
    // The others in that column have their bar; 待人工核定's only amount its own.
    const paid = entity.rows.findIndex((r) => r[0] === "绥化甲公司");
    expect(bars.some((b) => inSqref(`E${entity.first + paid}`, b.sqref))).toBe(true);
    const pending = entity.rows.findIndex((r) => r[0] === "牡丹江乙公司");
    expect(bars.filter((b) => /^F/.test(b.sqref)).flatMap((b) => b.sqref.split(" "))).toContain(`F${entity.first + pending}`);
  });

  test("the chart: 万元, two decimals, only the clauses with rows, its labels on one line", async () => {
    const parts = await readParts(output);
    const chart = parts.get("xl/charts/chart1.xml")!.toString();
    const categories = [
      ...chart
        .split("<c:cat>")[1]
        .split("</c:cat>")[0]
        .matchAll(/<c:v>([^<]*)<\/c:v>/g),
    ].map((m) => m[1]);
    expect(categories).toEqual(["第3条", "第14条"]);
    const values = chart
      .split("<c:val>")
      .slice(1)
      .map((v) => [...v.split("</c:val>")[0].matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => Number(m[1])));
    expect(values).toEqual([
      [540, 0],
      [240, 50],
    ]);
    expect(chart).toContain("<c:v>拟支持（万元）</c:v>");
    expect(chart).toContain("<c:v>待人工核定（万元）</c:v>");
    expect(chart).toContain("<a:t>万元</a:t>");
    expect(chart).toContain('<c:numFmt formatCode="0.00" sourceLinked="0"/>');
    expect(chart).toMatch(/<c:catAx>.*<a:bodyPr rot="0"[^>]*wrap="none"/);
    expect(chart).toContain('<c:plotVisOnly val="0"/>');
  });

  test("ExcelJS reads the same order and the chart's data in the hidden columns", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(output);
    const sheet = workbook.getWorksheet("HLJ汇总")!;
    const column = (letter: string) =>
      sheet
        .getColumn(letter)
        .values.slice(1)
        .map((v) => (v === undefined ? null : v));
    const a = column("A");
    const at = a.indexOf("按所属市(地)");
    expect(a.slice(at + 2, at + 9)).toEqual(["哈尔滨", "牡丹江", "鸡西", "绥化", "大兴安岭地区", "北京", "未知"]);
    expect(sheet.getColumn("H").hidden).toBe(true);
    expect(column("H").filter((v) => typeof v === "string" && v.startsWith("第"))).toEqual(["第3条", "第14条"]);
    expect(column("I").filter((v) => typeof v === "number")).toEqual([540, 0]);
  });

  whenReader(hasLibreOffice(), LIBREOFFICE)(
    "LibreOffice prints it: A4 landscape pages, the tables in order, 问题与提示 last",
    () => {
      const work = mkdtempSync(join(tmpdir(), "hlj-summary-pdf-"));
      try {
        spawnSync(
          "soffice",
          [`-env:UserInstallation=file://${join(work, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", work, output],
          {
            timeout: 180_000,
          },
        );
        const text = execFileSync("pdftotext", ["-layout", join(work, "cities.screened.pdf"), "-"], { encoding: "utf8" });
        const summary = text.slice(text.indexOf("黑龙江电商政策申报筛查汇总"));
        const order = ["按申报条款", "按所属市(地)", "按状态", "按企业", "问题与提示"].map((t) => summary.indexOf(t));
        expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]))).toBe(true);
        const cities = ["哈尔滨", "牡丹江", "鸡西", "绥化", "大兴安岭地区", "北京", "未知"].map((c) =>
          summary.indexOf(c, summary.indexOf("按所属市(地)")),
        );
        expect(cities.every((at, i) => at > 0 && (i === 0 || at > cities[i - 1]))).toBe(true);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
    240_000,
  );
});

describe("examples/申报汇总表.xlsx: 问题与提示", () => {
  const output = join(dir, "bureau.xlsx");
  beforeAll(async () => {
    expect((await runCli(join(ROOT, "examples/申报汇总表.xlsx"), "-o", output, "-q")).code).toBe(0);
  }, 60_000);

  whenReader(hasOpenpyxl(), OPENPYXL)("the 合计 mismatch first, then every skipped row, each with its cell", () => {
    const { cells } = readSummary(output);
    const issues = blockOf(cells, "问题与提示");
    expect(cells[issues.header - 1].slice(0, 3)).toEqual(["类别", "位置", "说明"]);
    expect(issues.rows[0].slice(0, 2)).toEqual(["警告", "申报汇总表!I16"]);
    expect(issues.rows[0][2]).toContain("相差 100.00");
    expect(issues.rows.map((r) => r[1])).toEqual([
      "申报汇总表!I16",
      "申报汇总表!A6",
      "申报汇总表!A16",
      "申报汇总表!A18",
      "申报汇总表!A19",
      "申报汇总表!A22",
      "申报汇总表!A27",
      "申报汇总表!A30",
    ]);
    expect(issues.rows.slice(1).every((r) => r[0] === "未读取的行")).toBe(true);
    expect(issues.rows.find((r) => r[1] === "申报汇总表!A18")![2]).toContain("填表人：张明");
    expect(issues.total.slice(0, 3)).toEqual(["合计", null, "共 8 条"]);
  });

  test("the chart's amounts are 万元 of the clauses' 拟支持", async () => {
    const parts = await readParts(output);
    const chart = parts.get("xl/charts/chart1.xml")!.toString();
    const values = [
      ...chart
        .split("<c:val>")[1]
        .split("</c:val>")[0]
        .matchAll(/<c:v>([^<]*)<\/c:v>/g),
    ].map((m) => Number(m[1]));
    // 第1条 310,002.78 … 第8条(2) 132,671.39, in 万元: one series, no 待人工核定 in this workbook.
    expect(values).toEqual([31.000278, 15.943472, 238.2712, 11.904861, 100, 50, 17.082722, 13.267139]);
    expect(chart.split("<c:ser>")).toHaveLength(2);
    expect(readFileSync(output).length).toBeGreaterThan(0);
  });
});

test("examples/applicants.xlsx, 16 clauses: bars across with the clauses down the left, on a page of their own; no label for a zero", async () => {
  const output = join(dir, "applicants.xlsx");
  expect((await runCli(join(ROOT, "examples/applicants.xlsx"), "-o", output, "-q")).code).toBe(0);
  const parts = await readParts(output);
  const chart = parts.get("xl/charts/chart1.xml")!.toString();
  expect(chart).toContain('<c:barDir val="bar"/>');
  expect(chart).toMatch(
    /<c:catAx><c:axId val="50010"\/><c:scaling><c:orientation val="maxMin"\/><\/c:scaling><c:delete val="0"\/><c:axPos val="l"\/>/,
  );
  expect(chart).toContain('<c:dLbls><c:numFmt formatCode="0.00;-0.00;" sourceLinked="0"/>');
  const categories = [
    ...chart
      .split("<c:cat>")[1]
      .split("</c:cat>")[0]
      .matchAll(/<c:v>([^<]*)<\/c:v>/g),
  ].map((m) => m[1]);
  expect(categories).toHaveLength(16);
  const sheets = [...parts.entries()].filter(([name]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name)).map(([, xml]) => xml.toString());
  const summaryXml = sheets.find((xml) => xml.includes("<drawing"))!;
  // Two breaks: above the chart and below it.
  expect(summaryXml).toMatch(/<rowBreaks count="2" manualBreakCount="2">/);
}, 60_000);
