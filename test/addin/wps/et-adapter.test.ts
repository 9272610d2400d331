/**
 * What only the WPS side has: the adapter's Office semantics over ET (loading, errors, Value2's shapes), ET's
 * own modes (DisplayAlerts, Calculation, ScreenUpdating), what the ET calls received (BGR colours, VBA
 * constants, the summary's chart, data bars, page breaks, hidden columns), the one WPS listener behind any
 * number of selection handlers, and the ExcelApi versions the adapter answers for.
 */
import { FakeEtApplication, FakeEtError, asEtApplication } from "../../fakes/fake-et";
import { etExcelRun, installExcelEnums, wpsSupports, wpsWorkbookGateway } from "../../../addin/wps/wps-gateway";
import { prepare, runScreening } from "../../../addin/taskpane/screening-session";
import { STATUS_LABELS, reviewListLayout } from "../../../core";
import { officeValues } from "../../helpers/office-values";

const DATE = "2026-12-06";

async function screenedSample() {
  const app = new FakeEtApplication();
  for (const s of await officeValues("examples/applicants.xlsx")) app.workbook.loadSheet(s.name, s.values);
  const gateway = wpsWorkbookGateway(asEtApplication(app), app.events);
  const outcome = await runScreening(gateway, await prepare(gateway), {}, {}, { date: DATE });
  return { app, gateway, outcome };
}

describe("Office's discipline over ET", () => {
  test("loaded values only after sync; one cell's scalar, rows of cells, empty and error cells as Office gives them", async () => {
    const app = new FakeEtApplication();
    const sheet = app.workbook.addSheet("数据", [
      ["a", 1, true],
      [null, 2.5, "'007"],
    ]);
    sheet.cells[2][4] = new FakeEtError("#DIV/0!");
    const run = etExcelRun(asEtApplication(app), app.events);
    await run(async (context) => {
      const one = context.workbook.worksheets.getItem("数据").getRange("B2").load("values");
      const all = context.workbook.worksheets.getItem("数据").getRangeByIndexes(0, 0, 2, 4).load("values");
      expect(() => one.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(one.values).toEqual([[2.5]]);
      expect(all.values).toEqual([
        ["a", 1, true, ""],
        ["", 2.5, "007", "#DIV/0!"],
      ]);
    });
  });

  test("a missing sheet is ItemNotFound; an ET exception comes back as GeneralException with its words", async () => {
    const app = new FakeEtApplication();
    app.workbook.addSheet("甲", [["x"]]);
    app.workbook.addSheet("乙", [["y"]]);
    const run = etExcelRun(asEtApplication(app), app.events);
    await expect(
      run(async (context) => {
        context.workbook.worksheets.getItem("没有").getRange("A1").load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    await expect(
      run(async (context) => {
        context.workbook.worksheets.getItem("甲").name = "乙";
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "GeneralException", message: expect.stringContaining("已被占用") });
    expect(app.workbook.sheets.map((s) => s.Name)).toEqual(["甲", "乙"]);
  });

  test("values set on one cell go in as a scalar; a size mismatch is refused before ET sees it", async () => {
    const app = new FakeEtApplication();
    app.workbook.addSheet("数据");
    const run = etExcelRun(asEtApplication(app), app.events);
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("数据");
      sheet.getRange("C3").values = [["'=1+1"]];
      sheet.getRange("A1:B1").values = [["'914403001922038216", 5]];
      expect(() => (sheet.getRange("A2:B2").values = [[1]])).toThrow(expect.objectContaining({ code: "InvalidArgument" }));
      await context.sync();
    });
    expect(app.workbook.sheet("数据")!.officeValues()).toEqual([
      ["914403001922038216", 5, ""],
      ["", "", ""],
      ["", "", "=1+1"],
    ]);
  });
});

describe("ET's modes and units", () => {
  test("sheets deleted without a confirmation, calculation manual while writing and automatic after, screen updating back on", async () => {
    const { app, gateway } = await screenedSample();
    await runScreening(gateway, await prepare(gateway), {}, {}, { date: DATE });
    expect(app.alerts).toEqual([]);
    expect(app.workbook.writes.filter((w) => w.endsWith(": deleted"))).toHaveLength(3);
    expect(app.DisplayAlerts).toBe(true);
    expect(app.calculationChanges.filter((m) => m === -4135).length).toBeGreaterThanOrEqual(2);
    expect(app.Calculation).toBe(-4105);
    expect(app.ScreenUpdating).toBe(true);
  });

  test("colours as BGR integers, alignments as VBA constants, the status colours as expressions on the word column", async () => {
    const { app, outcome } = await screenedSample();
    const sheet = app.workbook.sheet("HLJ筛查结果")!;
    const layout = reviewListLayout(outcome.result, "zh", { date: DATE, reportingUnit: outcome.result.reportingUnit });
    const header = [...sheet.styles.keys()].find((k) => k.startsWith(`Interior.Color A${layout.headerRow}:`))!;
    expect(sheet.styles.get(header)).toBe(0x794e1f); // #1F4E79
    expect(sheet.styles.get(header.replace("Interior.Color", "Font.Color"))).toBe(0xffffff);
    expect(sheet.styles.get("HorizontalAlignment A1:L1")).toBe(-4108);
    expect(
      sheet.styles.get(`Borders(8).LineStyle A${layout.headerRow}:${header.split(":").pop()!.replace(/\d+$/, "")}${layout.totalsRow - 1}`),
    ).toBe(1);
    // Each status word's colours: an expression on the code column, from the first application's row; BGR both.
    const bgr = (hex: string) =>
      parseInt(hex.slice(4, 6), 16) * 65_536 + parseInt(hex.slice(2, 4), 16) * 256 + parseInt(hex.slice(0, 2), 16);
    expect(sheet.formatConditions.map((c) => [c.type, c.formula, c.Interior.Color, c.Font.Color])).toEqual(
      Object.entries(STATUS_LABELS).map(([status, style]) => [
        2,
        expect.stringMatching(new RegExp(`^=\\$[A-Z]+${layout.firstDataRow}="${status}"$`)),
        bgr(style.fill),
        bgr(style.font),
      ]),
    );
  });

  test("the summary: the chart's series, titles and labels, bars from zero, the page breaks, the chart data hidden", async () => {
    const { app } = await screenedSample();
    const summary = app.workbook.sheet("HLJ汇总")!;
    expect(summary.chartObjects).toHaveLength(1);
    const { Chart: chart, Width, Height } = summary.chartObjects[0];
    expect(Width).toBeGreaterThan(300);
    expect(Height).toBeGreaterThan(100);
    expect(chart.ChartType).toBe(51);
    expect(chart.ChartTitle.Text).toBe("各条款核定金额（万元）");
    expect(chart.series.map((s) => [s.Name, s.Values, s.XValues])).toEqual([
      ["拟支持（万元）", expect.stringMatching(/^I\d+:I\d+$/), expect.stringMatching(/^H\d+:H\d+$/)],
      ["待人工核定（万元）", expect.stringMatching(/^J\d+:J\d+$/), expect.stringMatching(/^H\d+:H\d+$/)],
    ]);
    expect(chart.series.every((s) => s.HasDataLabels && s.labels.ShowValue && s.labels.NumberFormat === "0.00;-0.00;")).toBe(true);
    expect(chart.Axes(2).AxisTitle.Text).toBe("万元");
    expect(chart.PlotVisibleOnly).toBe(false);
    expect(summary.dataBars.length).toBeGreaterThan(0);
    expect(summary.dataBars.every((b) => b.min?.type === 0 && b.min.value === 0 && b.max?.type === 2)).toBe(true);
    expect(summary.pageBreaks.length).toBeGreaterThanOrEqual(1);
    expect(summary.hiddenColumns).toEqual(["G:J"]);
  });
});

describe("selection events and versions", () => {
  test("one WPS listener serves every handler and goes with the last", async () => {
    const { app, gateway, outcome } = await screenedSample();
    const layout = reviewListLayout(outcome.result, "zh", { date: DATE, reportingUnit: outcome.result.reportingUnit });
    const a: string[] = [];
    const b: string[] = [];
    const stopA = await gateway.watchResults("HLJ筛查结果", (row) => a.push(row.source));
    const stopB = await gateway.watchResults("HLJ筛查结果", (row) => b.push(row.source));
    expect(app.events.listeners.size).toBe(1);
    await app.userSelects("HLJ筛查结果", `B${layout.firstDataRow}`);
    await stopA();
    expect(app.events.listeners.size).toBe(1);
    await app.userSelects("HLJ筛查结果", `B${layout.firstDataRow + 1}`);
    await stopB();
    expect(app.events.listeners.size).toBe(0);
    expect(a).toEqual([outcome.result.rows[0].source]);
    expect(b).toEqual([outcome.result.rows[0].source, outcome.result.rows[1].source]);
  });

  test("ExcelApi 1.1–1.9 answered yes (what the adapter implements), later versions no; Excel's enums only where missing", () => {
    expect(["1.1", "1.2", "1.6", "1.7", "1.8", "1.9"].every(wpsSupports)).toBe(true);
    expect(["1.10", "1.12", "2.0"].some(wpsSupports)).toBe(false);
    const scope: Record<string, unknown> = { Excel: { PaperType: { a4: "kept" } } };
    installExcelEnums(scope);
    const excel = scope.Excel as Record<string, Record<string, string>>;
    expect(excel.PaperType.a4).toBe("kept");
    expect(excel.ChartType.columnClustered).toBe("ColumnClustered");
  });
});
