/**
 * The paper an officer signs, as the pane writes it through Office.js (SCREENING.md revision 3): the review list
 * (HLJ筛查结果) laid out as core's reviewListLayout says, the calculation appendix (HLJ计算明细), our sheets known
 * by marker and content, cancelling, and the row a person selects explained from the appendix.
 */
import { FakeExcelEnums, FakeWorkbook } from "../../fakes/fake-office";
import { ExcelRun, watchResults } from "../../../addin/taskpane/excel/workbook-gateway";
import { localDate } from "../../../addin/taskpane/excel/excel-write";
import { PRINTED_WIDTH } from "../../../core";
import { prepare, runScreening } from "../../../addin/taskpane/screening-session";
import { excelWorkbookGateway } from "../../../addin/taskpane/excel/workbook-gateway";
import { APPENDIX_COLUMNS, REVIEW_COLUMNS, appendixLayout, resultsColumns, reviewListLayout } from "../../../core";
import { isoToExcelSerial } from "../../../core/dates/excel-serial";
import { makeUscc } from "../../helpers/uscc";
import { listOf } from "./list-of";

(globalThis as unknown as { Excel: unknown }).Excel = FakeExcelEnums;

const DATE = "2026-12-06";
const HEADER = [
  "统一社会信用代码",
  "企业名称",
  "申报年度",
  "申报条款",
  "主体资格",
  "贷款金额",
  "贷款利率",
  "放款日期",
  "到期日期",
  "新增实物网络零售额",
];
const serial = (iso: string) => isoToExcelSerial(iso)!;

/** A bureau's sheet: a title and 填报单位 above the header; eligible, manual (out of province) and ineligible rows. */
function bureauBook(): FakeWorkbook {
  const book = new FakeWorkbook();
  book.addSheet("申报", [
    ["2025年度电商政策申报汇总表"],
    ["填报单位：哈尔滨市商务局（盖章）"],
    HEADER,
    ["'" + makeUscc(1), "冰城电商有限公司", 2025, "第8条(2)", "", 10_000_000, 0.0345, serial("2025-06-01"), serial("2027-05-31"), ""],
    ["'" + makeUscc(2), "松花江网络科技有限公司", 2025, "第3条", "是", "", "", "", "", 123_456_789],
    ["'" + makeUscc(3, "110100"), "京外电商有限公司", 2025, "第3条", "是", "", "", "", "", 50_000_000],
    ["'" + makeUscc(4), "雪乡物流股份有限公司", 2025, "第3条", "是", "", "", "", "", 5_000_000],
  ]);
  return book;
}
const run = (book: FakeWorkbook) => book.run as unknown as ExcelRun;
const screen = async (book: FakeWorkbook, control = {}) =>
  runScreening(excelWorkbookGateway(run(book)), await prepare(excelWorkbookGateway(run(book))), {}, {}, { date: DATE, ...control });
const snapshot = (book: FakeWorkbook) =>
  JSON.stringify(book.sheets.map((s) => ({ name: s.name, values: s.values, merges: s.merges, layout: s.pageLayout })));

describe("the review list (HLJ筛查结果) as an officer prints it", () => {
  test("title, head lines, the header under them, twelve printed columns then the machine's, 合计 split, the signature row", async () => {
    const book = bureauBook();
    const { result } = await screen(book);
    expect(result.rows.map((r) => r.status)).toEqual(["eligible", "eligible", "manual", "ineligible"]);
    const layout = reviewListLayout(result, "zh", { date: DATE, reportingUnit: result.reportingUnit });
    const sheet = book.sheet("HLJ筛查结果")!;
    expect(sheet.cell(0, 0)).toBe("《黑龙江省促进电子商务高质量发展若干政策措施（征求意见稿）》奖补资金申报筛查审核表");
    expect(sheet.values.slice(1, 5).map((row) => row[0])).toEqual(layout.headLines);
    expect(sheet.cell(1, 0)).toBe("填报单位：哈尔滨市商务局\u3000\u3000筛查日期：2026-12-06");
    expect(sheet.merges).toEqual(expect.arrayContaining(["A1:L1", "A2:L2", "A3:L3", "A4:L4", "A5:L5"]));
    expect(sheet.styles.get("font.size A1:L1")).toBe(14);
    expect(sheet.styles.get("font.bold A1:L1")).toBe(true);
    expect(sheet.styles.get("horizontalAlignment A1:L1")).toBe("Center");
    expect(sheet.styles.get("wrapText A4:L4")).toBe(true);

    const list = listOf(sheet);
    expect(list.at + 1).toBe(layout.headerRow);
    expect(list.header).toEqual(resultsColumns(result.rows, "zh").header);
    expect(list.header.slice(0, 12)).toEqual(REVIEW_COLUMNS.map((c) => c.header.zh));
    expect(list.header.slice(12, 14)).toEqual(["状态代码", "措施代码"]);
    expect(list.column("序号")).toEqual([1, 2, 3, 4]);
    expect(list.column("申报条款")).toEqual(["第8条(2)", "第3条", "第3条", "第3条"]);
    expect(list.column("状态")).toEqual(["符合条件", "符合条件", "待人工核定", "不符合条件"]);
    expect(list.column("核定金额")).toEqual(result.rows.map((r) => Number(r.final)));
    expect(list.column("审核意见")).toEqual(["", "", "", ""]);
    expect(list.header).not.toContain("计算说明");

    const total = layout.totalsRow - 1;
    expect([sheet.cell(total, 0), sheet.cell(total, 8)]).toEqual(["合计：拟支持", 58_333.33 + 2_469_135.78]);
    expect([sheet.cell(total + 1, 0), sheet.cell(total + 1, 8)]).toEqual(["合计：待人工核定", 1_000_000]);
    expect(sheet.numberFormats.get(`${total},8`)).toBe("#,##0.00");
    expect(sheet.numberFormats.get(`${total + 1},8`)).toBe("#,##0.00");
    expect(sheet.styles.get(`font.bold A${layout.totalsRow}:L${layout.totalsRow}`)).toBe(true);
    expect(sheet.merges).toContain(`A${layout.totalsRow}:H${layout.totalsRow}`);
    const signature = sheet.values[layout.signatureRow - 1];
    expect([0, 3, 6, 9, 11].map((c) => signature[c])).toEqual(["经办人：", "审核人：", "负责人：", "日期：", "（盖章）"]);
    expect(sheet.rowCount).toBe(layout.signatureRow);
    expect(sheet.numberFormats.get(`${list.at + 1},8`)).toBe("#,##0.00");
  });

  test("10 pt on A4 landscape: the print area is the list, the header on every page, one page wide at 100%", async () => {
    const book = bureauBook();
    const { result } = await screen(book);
    const layout = reviewListLayout(result, "zh", { date: DATE, reportingUnit: result.reportingUnit });
    const sheet = book.sheet("HLJ筛查结果")!;
    expect(sheet.styles.get(`font.size A1:R${layout.signatureRow}`)).toBe(10);
    expect(sheet.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      printArea: `$A$1:$L$${layout.signatureRow}`,
      printTitleRows: `$${layout.headerRow}:$${layout.headerRow}`,
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      centerHorizontally: true,
      "footer.centerFooter": "第 &P 页，共 &N 页",
    });
    expect(sheet.frozenRows).toBe(layout.headerRow);
    expect(sheet.autoFilter).toBe(`A${layout.headerRow}:R${layout.totalsRow - 1}`);
    // The printed columns fit A4 landscape (842 pt) between the 0.4" margins, so fitting never shrinks the 10 pt.
    const points = "ABCDEFGHIJKL".split("").map((c) => sheet.styles.get(`columnWidth ${c}1:${c}1048576`) as number);
    const printable = 842 - (sheet.pageLayout.leftMargin as number) - (sheet.pageLayout.rightMargin as number);
    expect(points.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(printable);
    expect(points.reduce((a, b) => a + (b / 0.75 - 5) / 7, 0)).toBeCloseTo(PRINTED_WIDTH, 5);
    // 核定金额 as wide as its widest value, the 合计 included ("2,527,469.11" and two characters of room).
    expect(points[8]).toBe((14 * 7 + 5) * 0.75);
    // The status word coloured by its code, over the applications only.
    // (written while the sheet still has its temporary name)
    expect(book.writes).toContain(`HLJ筛查结果 ~: conditional format Custom J${layout.firstDataRow}:J${layout.totalsRow - 1}`);
    expect(sheet.styles.get(`wrapText K${layout.firstDataRow}:K${layout.totalsRow - 1}`)).toBe(true);
    expect(sheet.styles.get(`autofitRows A${layout.firstDataRow}:R${layout.totalsRow - 1}`)).toBe(true);
  });

  test("筛查日期 is today's local date in the pane unless given", async () => {
    expect(localDate(new Date(2026, 11, 6, 23, 59))).toBe("2026-12-06");
    expect(localDate(new Date(2027, 0, 1, 0, 0))).toBe("2027-01-01");
    const book = bureauBook();
    await runScreening(excelWorkbookGateway(run(book)), await prepare(excelWorkbookGateway(run(book))), {}, {});
    expect(book.sheet("HLJ筛查结果")!.cell(1, 0)).toBe(`填报单位：哈尔滨市商务局\u3000\u3000筛查日期：${localDate()}`);
  });
});

describe("the calculation appendix (HLJ计算明细)", () => {
  test("附件：计算明细: the policy once, then each application's 计算明细, wrapped, rows as tall as their lines", async () => {
    const book = bureauBook();
    const { result, sheets } = await screen(book);
    expect(sheets).toEqual({ results: "HLJ筛查结果", appendix: "HLJ计算明细", summary: "HLJ汇总" });
    expect(book.sheets.map((s) => s.name)).toEqual(["申报", "HLJ筛查结果", "HLJ汇总", "HLJ计算明细"]);
    const layout = appendixLayout(result, "zh", { date: DATE });
    const sheet = book.sheet("HLJ计算明细")!;
    expect(sheet.cell(0, 0)).toBe("附件：计算明细");
    expect(sheet.cell(1, 0)).toBe(layout.headLines[0]);
    expect(sheet.values[layout.headerRow - 1]).toEqual(APPENDIX_COLUMNS.map((c) => c.header.zh));
    const rows = sheet.values.slice(layout.firstDataRow - 1);
    expect(rows.map((row) => row.slice(0, 4))).toEqual(
      result.rows.map((r, i) => [i + 1, r.source, r.entityName, r.status === "error" ? "" : String(r.clause)]),
    );
    expect(rows.map((row) => row[4])).toEqual(result.rows.map((r) => r.explain.zh));
    expect(sheet.merges).toEqual(["A1:E1", ...layout.headLines.map((_, i) => `A${i + 2}:E${i + 2}`)]);
    const data = `${layout.firstDataRow}:E${layout.headerRow + result.rows.length}`;
    expect(sheet.styles.get(`wrapText E${data}`)).toBe(true);
    expect(sheet.styles.get(`autofitRows A${data}`)).toBe(true);
    expect(sheet.frozenRows).toBe(layout.headerRow);
    expect(sheet.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      printArea: layout.printArea,
      printTitleRows: `$${layout.headerRow}:$${layout.headerRow}`,
    });
    expect(book.names.get("HLJ_SCREEN_APPENDIX")!.sheet).toBe(sheet);
  });

  test("no value cut: a long 来源 widens its column on the list and the appendix, the wrapped columns give the room", async () => {
    const book = new FakeWorkbook();
    book.loadSheet("2025年度电商政策申报汇总表", bureauBook().sheet("申报")!.values);
    const { result } = await screen(book);
    expect(result.rows[0].source).toBe("2025年度电商政策申报汇总表!4");
    const needed = (4 + 2 * 11 + 2 + 2) * 7 + 5; // "2025年度电商政策申报汇总表!4" and two characters of room, in pixels
    const characters = (sheet: string, columns: string) =>
      columns.split("").map((c) => ((book.sheet(sheet)!.styles.get(`columnWidth ${c}1:${c}1048576`) as number) / 0.75 - 5) / 7);
    expect(book.sheet("HLJ筛查结果")!.styles.get("columnWidth B1:B1048576")).toBe(needed * 0.75);
    expect(book.sheet("HLJ计算明细")!.styles.get("columnWidth B1:B1048576")).toBe(needed * 0.75);
    // The wrapped columns gave what they could (down to 8 characters); fitted to the page, the text stays ≥ 9 pt.
    expect(characters("HLJ筛查结果", "CKL")).toEqual([8, 8, 8]);
    const points = characters("HLJ筛查结果", "ABCDEFGHIJKL").reduce((a, b) => a + (b * 7 + 5) * 0.75, 0);
    expect(10 * Math.min(1, (842 - 2 * 28.8) / points)).toBeGreaterThanOrEqual(9);
    expect(characters("HLJ计算明细", "ABCDE").reduce((a, b) => a + b, 0)).toBeCloseTo(
      APPENDIX_COLUMNS.reduce((a, c) => a + c.width, 0),
      5,
    );
  });

  test("a marker alone never makes a user's sheet the appendix: it stays, and ours is HLJ计算明细 (2)", async () => {
    const book = bureauBook();
    const mine = book.addSheet("HLJ计算明细", [["我自己的计算明细"], ["序号", "说明"], [1, "手工算的"]]);
    book.names.set("HLJ_SCREEN_APPENDIX", { sheet: mine, address: "$A$1" });
    const before = JSON.stringify(mine.values);
    const first = await screen(book);
    expect(first.sheets.appendix).toBe("HLJ计算明细 (2)");
    expect(book.sheets.map((s) => s.name)).toEqual(["申报", "HLJ计算明细", "HLJ筛查结果", "HLJ汇总", "HLJ计算明细 (2)"]);
    expect(JSON.stringify(book.sheet("HLJ计算明细")!.values)).toBe(before);
    expect(book.names.get("HLJ_SCREEN_APPENDIX")!.sheet.name).toBe("HLJ计算明细 (2)");
    // Again: our (2) is replaced, the user's sheet still stands as it was.
    const second = await screen(book);
    expect(second.sheets.appendix).toBe("HLJ计算明细 (2)");
    expect(book.sheets.map((s) => s.name)).toEqual(["申报", "HLJ计算明细", "HLJ筛查结果", "HLJ汇总", "HLJ计算明细 (2)"]);
    expect(JSON.stringify(book.sheet("HLJ计算明细")!.values)).toBe(before);
    expect(book.writes.filter((w) => w.startsWith("HLJ计算明细:"))).toEqual([]);
  });

  test("an earlier output's three sheets (marker and content agree) are replaced, the former layout's results too", async () => {
    const book = bureauBook();
    await screen(book);
    const first = book.sheets.map((s) => s.name);
    await screen(book);
    expect(book.sheets.map((s) => s.name)).toEqual(first);
    expect(book.writes.filter((w) => w.endsWith(": deleted"))).toEqual([
      "HLJ筛查结果: deleted",
      "HLJ计算明细: deleted",
      "HLJ汇总: deleted",
    ]);

    // Before revision 3 the results' header stood in row 1, with a 计算说明 column: still ours, replaced.
    const old = new FakeWorkbook();
    old.addSheet("申报", bureauBook().sheet("申报")!.values);
    const former = ["来源", "统一社会信用代码", "申报年度", "条款", "措施代码", "计算金额", "最终金额", "状态", "状态代码", "计算说明"];
    const earlier = old.loadSheet("HLJ筛查结果", [
      former,
      ["申报!4", makeUscc(1), 2025, "第8条(2)", "M8b", 1, 1, "符合条件", "eligible", "…"],
    ]);
    old.names.set("HLJ_SCREEN_RESULTS", { sheet: earlier, address: "$A$1" });
    const { sheets } = await screen(old);
    expect(sheets.results).toBe("HLJ筛查结果");
    expect(old.sheets.map((s) => s.name)).toEqual(["申报", "HLJ筛查结果", "HLJ汇总", "HLJ计算明细"]);
    expect(listOf(old.sheet("HLJ筛查结果")!).rows).toHaveLength(4);
  });

  test("cancelled, the workbook stays as it was: the earlier output's three sheets, the markers, the user's sheets", async () => {
    const book = bureauBook();
    await screen(book);
    const before = snapshot(book);
    const markers = [...book.names.entries()].map(([name, n]) => `${name}→${n.sheet.name}`);
    // Cancelled after the last block, just before the sheets are swapped in.
    let written = 0;
    await expect(
      screen(book, {
        onProgress: (p: { phase: string; done: number; total: number }) => p.phase === "write" && (written = p.done),
        isCancelled: () => written === 4,
      }),
    ).rejects.toMatchObject({ code: "Cancelled" });
    expect(snapshot(book)).toBe(before);
    expect([...book.names.entries()].map(([name, n]) => `${name}→${n.sheet.name}`)).toEqual(markers);
  });
});

describe("the row a person selects, explained from the appendix", () => {
  test("a selected application gives its 来源 and its 计算明细 from HLJ计算明细, sorted list and sorted appendix alike", async () => {
    const book = bureauBook();
    const { result, sheets } = await screen(book);
    const layout = reviewListLayout(result, "zh", { date: DATE });
    const seen: { source: string; explain: string }[] = [];
    const stop = await watchResults(run(book), sheets.results, (row) => seen.push(row));
    const list = book.sheet("HLJ筛查结果")!;
    const annex = book.sheet("HLJ计算明细")!;
    // A person sorts the list: the fourth application moves to the first row.
    const first = layout.firstDataRow - 1;
    [list.values[first], list.values[first + 3]] = [list.values[first + 3], list.values[first]];
    for (const row of [1, 3, layout.headerRow, layout.firstDataRow, layout.firstDataRow + 1, layout.totalsRow, layout.signatureRow])
      await book.userSelects(sheets.results, `B${row}`);
    expect(seen.map((s) => s.source)).toEqual([result.rows[3].source, result.rows[1].source]);
    expect(seen.map((s) => s.explain)).toEqual([result.rows[3].explain.zh, result.rows[1].explain.zh]);
    // The appendix sorted too: found by its 序号 and 来源.
    const annexFirst = appendixLayout(result, "zh", { date: DATE }).firstDataRow - 1;
    annex.values.splice(annexFirst, 4, ...annex.values.slice(annexFirst, annexFirst + 4).reverse());
    await book.userSelects(sheets.results, `C${layout.firstDataRow + 2}:E${layout.firstDataRow + 3}`);
    expect(seen[2]).toEqual({ source: result.rows[2].source, explain: result.rows[2].explain.zh });
    // The appendix deleted: the source still, no explanation.
    book.sheets = book.sheets.filter((s) => s !== annex);
    await book.userSelects(sheets.results, `A${layout.firstDataRow}`);
    expect(seen[3]).toEqual({ source: result.rows[3].source, explain: "" });
    await stop();
    await book.userSelects(sheets.results, `A${layout.firstDataRow}`);
    expect(seen).toHaveLength(4);
  });

  test("a results sheet of the former layout (header in row 1, 计算说明 in it) still explains its rows", async () => {
    const book = new FakeWorkbook();
    const former = ["来源", "统一社会信用代码", "申报年度", "条款", "措施代码", "计算金额", "最终金额", "状态", "状态代码", "计算说明"];
    book.loadSheet("旧结果", [former, ["申报!4", makeUscc(1), 2025, "第8条(2)", "M8b", 1, 1, "符合条件", "eligible", "旧的计算说明"]]);
    const seen: { source: string; explain: string }[] = [];
    await watchResults(run(book), "旧结果", (row) => seen.push(row));
    await book.userSelects("旧结果", "C2");
    expect(seen).toEqual([{ source: "申报!4", explain: "旧的计算说明" }]);
  });
});

describe("in English, and with no application", () => {
  test("the English list is found and explained as the Chinese one", async () => {
    const book = bureauBook();
    const { result, sheets } = await runScreening(
      excelWorkbookGateway(run(book)),
      await prepare(excelWorkbookGateway(run(book))),
      {},
      {},
      { date: DATE },
      undefined,
      "en",
    );
    const layout = reviewListLayout(result, "en", { date: DATE, reportingUnit: result.reportingUnit });
    const sheet = book.sheet(sheets.results)!;
    expect(sheet.cell(0, 0)).toBe(layout.title);
    expect(sheet.values[layout.headerRow - 1].slice(0, 12)).toEqual(REVIEW_COLUMNS.map((c) => c.header.en));
    expect(book.sheet(sheets.appendix)!.cell(0, 0)).toBe("Annex: calculation details");
    const seen: { source: string; explain: string }[] = [];
    await watchResults(run(book), sheets.results, (row) => seen.push(row));
    await book.userSelects(sheets.results, `A${layout.firstDataRow + 1}`);
    expect(seen).toEqual([{ source: result.rows[1].source, explain: result.rows[1].explain.en }]);
    // A second run in Chinese replaces the English sheets (marker and content agree in either language).
    await screen(book);
    expect(book.sheets.map((s) => s.name)).toEqual(["申报", "HLJ筛查结果", "HLJ汇总", "HLJ计算明细"]);
  });

  test("no application: the header, 合计 0.00 twice, the signature row; lines inside only where there is an inside", async () => {
    const book = new FakeWorkbook();
    book.addSheet("申报", [HEADER]);
    const { result } = await screen(book);
    expect(result.rows).toHaveLength(0);
    const layout = reviewListLayout(result, "zh", { date: DATE });
    const sheet = book.sheet("HLJ筛查结果")!;
    expect(sheet.values.slice(layout.totalsRow - 1, layout.totalsRow + 1).map((row) => [row[0], row[8]])).toEqual([
      ["合计：拟支持", 0],
      ["合计：待人工核定", 0],
    ]);
    expect(sheet.values[layout.signatureRow - 1][0]).toBe("经办人：");
    const last = String.fromCharCode(64 + listOf(sheet).header.length); // the optional machine columns left out
    const header = `A${layout.headerRow}:${last}${layout.headerRow}`;
    expect(sheet.styles.get(`borders.InsideVertical.style ${header}`)).toBe("Continuous");
    expect(sheet.styles.has(`borders.InsideHorizontal.style ${header}`)).toBe(false);
    expect(sheet.autoFilter).toBe(header);
  });
});

describe("an Excel without the newer APIs", () => {
  test("without ExcelApi 1.9 (filters, print setup) or 1.6 (colours) the sheets are written and the pane says what was left out", async () => {
    const book = bureauBook();
    const supports = (version: string) => Number(version.split(".")[1]) < 6;
    const outcome = await runScreening(
      excelWorkbookGateway(run(book)),
      await prepare(excelWorkbookGateway(run(book)), {}, supports),
      {},
      {},
      { supports, date: DATE },
    );
    expect(listOf(book.sheet("HLJ筛查结果")!).rows).toHaveLength(4);
    expect(book.sheet("HLJ筛查结果")!.autoFilter).toBeUndefined();
    expect(book.sheet("HLJ筛查结果")!.pageLayout).toEqual({});
    expect(book.sheet("HLJ计算明细")!.pageLayout).toEqual({});
    expect(book.sheet("HLJ筛查结果")!.merges).toContain("A1:L1");
    expect(outcome.notes.map((n) => n.en)).toEqual([
      "This Excel has no status colours (needs ExcelApi 1.6): left out",
      "This Excel has no filter buttons (needs ExcelApi 1.9): left out",
      "This Excel has no print setup: A4 landscape, print area, one page wide, header on every page, footer (needs ExcelApi 1.9): left out",
    ]);
  });
});
