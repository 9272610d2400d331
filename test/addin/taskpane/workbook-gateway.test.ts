import { FakeExcelEnums, FakeSettings, FakeWorkbook, OfficeError } from "../../fakes/fake-office";
import { ExcelRun, excelWorkbookGateway, outlineWorkbook, planBlocks, readSheets } from "../../../addin/taskpane/excel/workbook-gateway";
import { screenWorkbook, sheetOfReference } from "../../../core";
import { listOf, listRows } from "./list-of";
import { prepare, runScreening } from "../../../addin/taskpane/screening-session";
import { isoToExcelSerial } from "../../../core/dates/excel-serial";
import { makeUscc } from "../../helpers/uscc";

(globalThis as unknown as { Excel: unknown }).Excel = FakeExcelEnums;

const HEADER = [
  "统一社会信用代码",
  "企业名称",
  "申报年度",
  "申报条款",
  "主体资格",
  "总投资额",
  "贷款金额",
  "贷款利率",
  "放款日期",
  "到期日期",
  "新增实物网络零售额",
];
const serial = (iso: string) => isoToExcelSerial(iso)!;

/** n applicant rows: M3 and M1 rows over a pool of entities, one name that looks like a formula. */
function applicants(n: number): (string | number | boolean)[][] {
  const rows: (string | number | boolean)[][] = [HEADER];
  for (let i = 0; i < n; i++) {
    const entity = makeUscc(1 + (i % Math.max(1, Math.floor(n / 3))));
    const name = i === 0 ? "'=1+1" : `企业${i}`; // the user typed '=1+1: text
    rows.push(
      i % 2
        ? [entity, name, 2025, "M3", "是", "", "", "", "", "", 12_000_000 + i]
        : [entity, name, 2025, "M1", "是", 20_000_000, 10_000_000, 0.0345, serial("2025-06-01"), serial("2027-05-31"), ""],
    );
  }
  return rows;
}

function workbookWith(rows: number, options = {}) {
  const book = new FakeWorkbook(options);
  book.addSheet("说明", [["这是用户的说明"], ["=SUM(A1:A2)"]]);
  book.addSheet("申报", applicants(rows));
  return book;
}

const snapshot = (book: FakeWorkbook, names: string[]) =>
  JSON.stringify(names.map((n) => ({ values: book.sheet(n)!.values, formulas: book.sheet(n)!.formulas })));
const run = (book: FakeWorkbook) => book.run as unknown as ExcelRun;

/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load --
   these tests read unloaded properties on purpose, to show the fake refuses them as Excel does */
describe("the in-memory Excel fails like Excel", () => {
  test("a property read before load() and sync() throws PropertyNotLoaded", async () => {
    const book = workbookWith(3);
    await book.run(async (context) => {
      const range = context.workbook.worksheets.getItem("申报").getRange("A1:B2");
      expect(() => range.values).toThrow(/The property 'values' is not available/);
      range.load("values");
      expect(() => range.values).toThrow(OfficeError);
      await context.sync();
      expect(range.values[0]).toEqual(["统一社会信用代码", "企业名称"]);
    });
  });
  test("a sync over the payload limit fails whole", async () => {
    const book = workbookWith(100, { maxCellsPerSync: 50 });
    await expect(
      book.run(async (context) => {
        context.workbook.worksheets.getItem("申报").getRange("A1:K10").load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });
});

describe("the pane's Excel layer", () => {
  test("screening 20,000 rows takes at most 16 syncs, and the user's sheets are untouched", async () => {
    const book = workbookWith(20_000);
    const before = snapshot(book, ["说明", "申报"]);
    const prepared = await prepare(excelWorkbookGateway(run(book)));
    expect(book.syncCount).toBe(3);
    expect(prepared.tables.map((t) => [t.sheet, t.rows === 0])).toEqual([["申报", true]]);
    const outcome = await runScreening(excelWorkbookGateway(run(book)), prepared, {}, {});
    expect(outcome.result.rows).toHaveLength(20_000);
    expect(book.syncCount).toBeLessThanOrEqual(16);
    expect(snapshot(book, ["说明", "申报"])).toBe(before);
    expect(book.writes.filter((w) => w.startsWith("说明:") || w.startsWith("申报:"))).toEqual([]);
    const results = book.sheet("HLJ筛查结果")!;
    expect(results.rowCount).toBe(listRows(20_000));
    expect(listOf(results).column("企业名称")[0]).toBe("=1+1"); // written as text: no formula
    expect(results.formulas.flat().filter(Boolean)).toEqual([]);
    expect(book.calculationSuspensions).toBeGreaterThanOrEqual(4);
    const summary = book.sheet("HLJ汇总")!;
    expect(summary.charts).toHaveLength(1);
    expect(String(summary.cell(3, 1))).toContain("LPR取值：固定利率（放款日LPR）");
    expect([...book.names.keys()].sort()).toEqual(["HLJ_SCREEN_APPENDIX", "HLJ_SCREEN_RESULTS", "HLJ_SCREEN_SUMMARY"]);
    expect(book.sheet("HLJ计算明细")!.rowCount).toBe(5 + 20_000);
    console.log(`syncs for 20,000 rows: ${book.syncCount}`);
  });

  test("a rerun replaces only the add-in's own sheets, recognised by its marker, not by name", async () => {
    const book = workbookWith(10);
    book.addSheet("HLJ汇总", [["用户自己的汇总表"]]);
    await runScreening(excelWorkbookGateway(run(book)), await prepare(excelWorkbookGateway(run(book))), {}, {});
    expect(book.sheets.map((s) => s.name)).toEqual(["说明", "申报", "HLJ汇总", "HLJ筛查结果", "HLJ汇总 (2)", "HLJ计算明细"]);
    expect(book.sheet("HLJ汇总")!.cell(0, 0)).toBe("用户自己的汇总表");
    await runScreening(excelWorkbookGateway(run(book)), await prepare(excelWorkbookGateway(run(book))), { lprMode: "floating" }, {});
    expect(book.sheets.map((s) => s.name)).toEqual(["说明", "申报", "HLJ汇总", "HLJ筛查结果", "HLJ汇总 (2)", "HLJ计算明细"]);
    expect(book.sheet("HLJ汇总")!.cell(0, 0)).toBe("用户自己的汇总表");
    expect(String(book.sheet("HLJ汇总 (2)")!.cell(3, 1))).toContain("LPR取值：浮动利率（每日LPR）");
  });

  test("a marker alone never makes a user's sheet ours: the sheet it names is read, kept, and not deleted", async () => {
    const book = workbookWith(5);
    // A workbook that defines the add-in's marker name, pointing at the user's applicant sheet.
    book.names.set("HLJ_SCREEN_RESULTS", { sheet: book.sheet("申报")!, address: "$A$1" });
    const before = snapshot(book, ["申报"]);
    const outcome = await runScreening(excelWorkbookGateway(run(book)), await prepare(excelWorkbookGateway(run(book))), {}, {});
    expect(outcome.result.rows).toHaveLength(5);
    expect(book.sheets.map((s) => s.name)).toEqual(["说明", "申报", "HLJ筛查结果", "HLJ汇总", "HLJ计算明细"]);
    expect(snapshot(book, ["申报"])).toBe(before);
    expect(book.sheet("HLJ筛查结果")!.rowCount).toBe(listRows(5));
  });

  test("text is written as the text it is: formulas stay literal, an all-digit credit code stays 18 digits", async () => {
    const book = new FakeWorkbook();
    const tricky = ["=1+1", "+1", "-1", "@SUM(A1)", '=HYPERLINK("http://x","y")', "2025-06-01", "1,234", "'引号"];
    book.addSheet("申报", [
      ["统一社会信用代码", "企业名称", "申报年度", "申报条款", "限额以上在统", "新增实物网络零售额"],
      ...tricky.map((name, i) => ["'" + makeUscc(60 + i), "'" + name, 2025, "M3", "是", 20_000_000 + i]),
      ["'914403001922038216", "全数字代码", 2025, "M3", "是", 30_000_000],
    ]);
    await runScreening(excelWorkbookGateway(run(book)), await prepare(excelWorkbookGateway(run(book))), {}, {});
    const results = book.sheet("HLJ筛查结果")!;
    const { column } = listOf(results);
    expect(column("企业名称")).toEqual([...tricky, "全数字代码"]);
    expect(column("统一社会信用代码").at(-1)).toBe("914403001922038216");
    expect(results.formulas.flat().filter(Boolean)).toEqual([]);
  });

  test("a user's sheet named HLJ筛查结果 without the marker is neither read as ours nor deleted", async () => {
    const book = workbookWith(5);
    book.addSheet("HLJ筛查结果", [["我的结果"]]);
    await runScreening(excelWorkbookGateway(run(book)), await prepare(excelWorkbookGateway(run(book))), {}, {});
    expect(book.sheet("HLJ筛查结果")!.cell(0, 0)).toBe("我的结果");
    expect(book.sheet("HLJ筛查结果 (2)")).toBeDefined();
  });

  test("on RequestPayloadSizeLimitExceeded the block is halved and retried", async () => {
    const book = workbookWith(3_000, { maxCellsPerSync: 12_000 });
    const outcome = await runScreening(excelWorkbookGateway(run(book)), await prepare(excelWorkbookGateway(run(book))), {}, {});
    expect(outcome.result.rows).toHaveLength(3_000);
    expect(listOf(book.sheet("HLJ筛查结果")!).rows).toHaveLength(3_000);
    expect(book.syncCount).toBeGreaterThan(10);
  });

  test("100,000 rows: blocks of 5,000 both ways, every row written", async () => {
    const book = workbookWith(100_000);
    const outcome = await runScreening(excelWorkbookGateway(run(book)), await prepare(excelWorkbookGateway(run(book))), {}, {});
    expect(outcome.result.rows).toHaveLength(100_000);
    expect(book.sheet("HLJ筛查结果")!.rowCount).toBe(listRows(100_000));
    expect(book.sheet("HLJ计算明细")!.rowCount).toBe(5 + 100_000);
    // 3 to outline, 21 reads (100,001 rows incl. the header), 1 to set up, 6 more for the summary's 33,334
    // entities (its table in blocks of 5,000 rows), 20 writes (the list's and the appendix's rows of a block in
    // one), 1 to finish
    expect(book.syncCount).toBe(52);
    console.log(`syncs for 100,000 rows: ${book.syncCount}`);
  }, 60_000);

  test("the 历史兑现 sheet is read with the tables", async () => {
    // One M1 row: 58,333.33 in 2025 (from the stand-in issue date 2025-10-23, revision 3) under a 2,000,000 cap.
    const book = workbookWith(1);
    book.addSheet("历史兑现", [
      ["统一社会信用代码", "条款", "年度", "兑现金额"],
      [makeUscc(1), "M1", 2024, 1_950_000],
    ]);
    const outcome = await runScreening(excelWorkbookGateway(run(book)), await prepare(excelWorkbookGateway(run(book))), {}, {});
    expect(outcome.result.rows[0]).toMatchObject({ final: "50000.00" });
    // Revision 3: the record gives no 总投资额, so it counts against both of 第1条's limits, and the row says so.
    expect(outcome.result.rows[0].reasons.map((r) => r.code)).toEqual(["history_tier_unknown", "cap_applied"]);
  });

  test("0 rows and 1 row", async () => {
    for (const n of [0, 1]) {
      const book = workbookWith(n);
      const outcome = await runScreening(excelWorkbookGateway(run(book)), await prepare(excelWorkbookGateway(run(book))), {}, {});
      expect(outcome.result.rows).toHaveLength(n);
      expect(book.sheet("HLJ筛查结果")!.rowCount).toBe(listRows(n));
      expect(listOf(book.sheet("HLJ筛查结果")!).rows).toHaveLength(n);
    }
  });

  test("cancelling leaves the workbook as it was", async () => {
    const book = workbookWith(12_000);
    const names = book.sheets.map((s) => s.name);
    let blocks = 0;
    await expect(
      runScreening(
        excelWorkbookGateway(run(book)),
        await prepare(excelWorkbookGateway(run(book))),
        {},
        {},
        { onProgress: (p) => p.phase === "write" && blocks++, isCancelled: () => blocks >= 1 },
      ),
    ).rejects.toMatchObject({ code: "Cancelled" });
    expect(book.sheets.map((s) => s.name)).toEqual(names);
    expect(book.names.size).toBe(0);
    expect(book.writes.filter((w) => w.endsWith(": added")).length).toBe(3); // the list, the appendix, the summary: all gone
  });

  test("blocks: at most 5,000 rows per read, small sheets grouped", () => {
    const sheet = (name: string, rowCount: number) => ({ name, row: 1, column: 1, rowCount, columnCount: 3 });
    const groups = planBlocks([sheet("a", 12_000), sheet("b", 10), sheet("c", 20)], 5_000);
    expect(groups.map((g) => g.map((b) => `${b.sheet.name}:${b.offset}+${b.rows}`))).toEqual([
      ["a:0+5000"],
      ["a:5000+5000"],
      ["a:10000+2000", "b:0+10", "c:0+20"],
    ]);
  });

  test("marker references parse with and without quotes", () => {
    expect(sheetOfReference("=HLJ汇总!$A$1")).toBe("HLJ汇总");
    expect(sheetOfReference("='HLJ汇总 (2)'!$A$1")).toBe("HLJ汇总 (2)");
    expect(sheetOfReference("='it''s'!$A$1")).toBe("it's");
  });

  test("outline and read work on a used range that does not start at A1", async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet("申报");
    applicants(2).forEach((row, r) => row.forEach((v, c) => sheet.setCell(r, c, v)));
    const outline = await outlineWorkbook(run(book));
    const [input] = await readSheets(run(book), outline.sheets);
    expect(input.values).toHaveLength(3);
    expect(new FakeSettings().get("x")).toBeNull();
  });

  test("the WorkbookGateway bound to one ExcelRun outlines, reads, writes and watches as the functions do", async () => {
    const book = workbookWith(4);
    const gateway = excelWorkbookGateway(run(book));
    const outline = await gateway.outlineWorkbook();
    expect(outline).toEqual(await outlineWorkbook(run(book)));
    const inputs = await gateway.readSheets(outline.sheets);
    expect(inputs).toEqual(await readSheets(run(book), outline.sheets));
    const written = await gateway.writeResults(screenWorkbook({ sheets: inputs }), outline);
    expect(written).toEqual({ results: "HLJ筛查结果", appendix: "HLJ计算明细", summary: "HLJ汇总", notes: [] });
    const results = book.sheet(written.results)!;
    const seen: string[] = [];
    const stop = await gateway.watchResults(written.results, (row) => seen.push(row.source));
    const list = listOf(results);
    await book.userSelects(written.results, `A${list.at + 3}`);
    await stop();
    expect(seen).toEqual([list.column("来源")[1]]);
  });
});

describe("a bureau's workbook through the pane, as through the command line", () => {
  test("examples/申报汇总表.xlsx: the same rows, statuses and amounts; the rate column's formats are read, and only it", async () => {
    const { officeValues } = await import("../../helpers/office-values");
    const { openPackage } = await import("../../../cli/xlsx/package-reader");
    const { readInput } = await import("../../../cli/read-input");
    const { screenWorkbook } = await import("../../../core");
    const path = require("path").join(__dirname, "../../../examples/申报汇总表.xlsx");
    const pkg = await openPackage(path, 1024 ** 3);
    const cli = screenWorkbook((await readInput(pkg)).workbook);
    pkg.close();
    const book = new FakeWorkbook();
    for (const sheet of await officeValues(path)) {
      const fake = book.loadSheet(sheet.name, sheet.values);
      sheet.numberFormats.forEach((row, r) => row.forEach((format, c) => format && fake.numberFormats.set(`${r},${c}`, format)));
    }
    const outcome = await runScreening(excelWorkbookGateway(run(book)), await prepare(excelWorkbookGateway(run(book))), {}, {});
    const shape = (rows: { source: string; status: string; final: string }[]) => rows.map((r) => [r.source, r.status, r.final]);
    expect(shape(outcome.result.rows)).toEqual(shape(cli.rows));
    expect(outcome.result.rows.every((r) => r.status !== "error")).toBe(true);
    expect(outcome.result.issues.filter((i) => i.severity === "warning").map((i) => i.cell)).toEqual(["申报汇总表!I16"]);
  });

  test("the 1904 date system is asked of Excel (DATE(1904,1,1) is 0 there) and honoured", async () => {
    const book = new FakeWorkbook();
    book.date1904 = true;
    const in1904 = (iso: string) => serial(iso) - 1462;
    book.loadSheet("申报", [
      ["统一社会信用代码", "申报年度", "申报条款", "贷款金额", "贷款利率", "放款日期", "到期日期"],
      [makeUscc(300), 2025, "M8b", 10_000_000, 0.0345, in1904("2025-06-01"), in1904("2027-05-31")],
    ]);
    const prepared = await prepare(excelWorkbookGateway(run(book)));
    expect(prepared.outline.date1904).toBe(true);
    // 70 days of 2025 from the draft's stand-in issue date 2025-10-23 (revision 3); misread dates would give 0.00.
    expect((await runScreening(excelWorkbookGateway(run(book)), prepared, {}, {})).result.rows[0].final).toBe("58333.33");
  });
});
