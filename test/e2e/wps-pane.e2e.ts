/**
 * The WPS pane in a real browser: dist-wps/taskpane.html (npm run build:wps; built here when missing) in headless
 * Debian Chromium driven by playwright-core, with window.Application the fake ET application
 * (test/fakes/fake-et.ts, through test/e2e/fake-wps-host.ts) holding examples/申报汇总表.xlsx (the bureau sample).
 * In Chinese and English WPS, at 320 and 370 px: the pane loads, screens, shows the counts the engine gives, and
 * writes HLJ筛查结果, HLJ汇总 and HLJ计算明细 into the workbook (read back through the ET object model); the
 * ribbon's 函数助手 (taskpane.html?tab=functions) opens on the function helper and inserts into ActiveCell.
 * Screenshots: test-output/e2e/wps-*.png (npm run screenshots copies them to docs/screenshots/).
 * Not a real WPS: the fake stands in for it.
 */
import { Server } from "http";
import { existsSync, mkdirSync } from "fs";
import { join } from "path";
import { pathToFileURL } from "url";
import { Browser, Page } from "playwright-core";
import { reviewListLayout, screenWorkbook } from "../../core";
import { officeValues } from "../helpers/office-values";
import { OUT, ROOT, bundle, compile, describeBrowser, launchBrowser, originOf, serve } from "./browser-harness";

const DIST = join(ROOT, "dist-wps");
type Cell = string | number | boolean;
const RESULT_SHEETS = ["HLJ筛查结果", "HLJ汇总", "HLJ计算明细"];

/** The fake WPS as one script for the browser. */
const buildFakeWps = () => bundle(join(__dirname, "fake-wps-host.ts"), "fake-wps", "tsconfig.wps.json");

async function buildWpsAddin(): Promise<void> {
  if (existsSync(join(DIST, "taskpane.html"))) return;
  const config = require(join(ROOT, "webpack.wps.config.js"));
  await compile(config({}, { mode: "production" }));
}

/** The workbook as the pane left it, read through the ET object model (Worksheets, UsedRange.Value2). */
async function bookOf(page: Page): Promise<{ names: string[]; values: Record<string, unknown[][]>; active: string | null }> {
  return page.evaluate((sheetNames) => {
    type Sheet = { Name: string; UsedRange: { Value2: unknown } };
    const app = (
      window as unknown as {
        Application: { ActiveWorkbook: { Worksheets: { Count: number; Item(i: number | string): Sheet } }; ActiveSheet?: { Name: string } };
      }
    ).Application;
    const sheets = app.ActiveWorkbook.Worksheets;
    const names = Array.from({ length: sheets.Count }, (_, i) => sheets.Item(i + 1).Name);
    const values: Record<string, unknown[][]> = {};
    for (const name of sheetNames.filter((n) => names.includes(n))) {
      const v = sheets.Item(name).UsedRange.Value2;
      values[name] = Array.isArray(v) ? (v as unknown[][]).map((row) => [...row]) : [[v]];
    }
    return { names, values, active: app.ActiveSheet?.Name ?? null };
  }, RESULT_SHEETS);
}

describeBrowser("the WPS pane in Chromium, on the fake ET", () => {
  let browser: Browser;
  let server: Server;
  let hostScript: string;
  let sheets: { name: string; values: Cell[][]; numberFormats: (string | undefined)[][] }[];
  let screened: ReturnType<typeof screenWorkbook>;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    const bureau = await officeValues(join(ROOT, "examples/申报汇总表.xlsx"));
    // Values and number formats, as the workbook holds them (its rate column is formatted as a percentage), and one
    // amount an officer typed in words (a row for the problems list, whose click selects its cell in WPS).
    sheets = bureau;
    const table = sheets[0].values;
    const header = table.findIndex((row) => row.includes("贷款金额"));
    const loan = table[header].indexOf("贷款金额");
    const first = table.findIndex((row, r) => r > header && typeof row[loan] === "number");
    table[first][loan] = "三百万元";
    [hostScript] = await Promise.all([buildFakeWps(), buildWpsAddin()]);
    screened = screenWorkbook({ sheets });
    server = await serve(DIST, "index.html");
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  async function openPane(lcid: number, width: number, query = ""): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.addInitScript((setup) => Object.assign(window, { __HLJ_WORKBOOK__: setup }), { sheets, lcid });
    await page.addInitScript({ content: hostScript });
    const origin = originOf(server);
    await page.goto(`${origin}/taskpane.html${query}`);
    return { page, errors };
  }

  test("from a folder (file://, as copied into jsaddons): the pane loads and screens (in its own thread where no worker may start)", async () => {
    const page = await browser.newPage({ viewport: { width: 370, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.addInitScript((setup) => Object.assign(window, { __HLJ_WORKBOOK__: setup }), { sheets, lcid: 2052 });
    await page.addInitScript({ content: hostScript });
    await page.goto(pathToFileURL(join(DIST, "taskpane.html")).href);
    await page.getByTestId("screen").click();
    await page.getByTestId("results").waitFor({ timeout: 90_000 });
    expect((await bookOf(page)).names).toEqual([...sheets.map((s) => s.name), ...RESULT_SHEETS]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  async function shot(page: Page, name: string) {
    const size = page.viewportSize()!;
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: size.width, height });
    await page.screenshot({ path: join(OUT, `${name}.png`) });
    await page.setViewportSize(size);
  }

  async function sidewaysScroll(page: Page): Promise<number> {
    return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  }

  for (const [language, lcid, label] of [
    ["zh", 2052, "筛查结果"],
    ["en", 1033, "Results"],
  ] as const)
    for (const width of [320, 370]) {
      test(`screens the bureau sample (${language} WPS, ${width} px): results as the engine says, three sheets written`, async () => {
        const { page, errors } = await openPane(lcid, width);
        await page.getByTestId("mapping").waitFor();
        await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe(language === "zh" ? "zh-CN" : "en");
        await shot(page, `wps-mapping-${language}-${width}`);
        await page.getByTestId("screen").click();
        await page.getByTestId("results").waitFor({ timeout: 90_000 });
        await expect(page.getByRole("heading", { name: label }).isVisible()).resolves.toBe(true);
        await shot(page, `wps-results-${language}-${width}`);
        expect(await sidewaysScroll(page)).toBeLessThanOrEqual(1);

        const shown = await page.$$eval("[data-testid=counts] [data-status]", (badges) =>
          Object.fromEntries(badges.map((b) => [b.getAttribute("data-status"), Number(b.getAttribute("data-count"))])),
        );
        expect(shown).toEqual(Object.fromEntries(Object.entries(screened.totals.byStatus).map(([status, line]) => [status, line.rows])));

        const book = await bookOf(page);
        expect(book.names).toEqual([...sheets.map((s) => s.name), ...RESULT_SHEETS]);
        const layout = reviewListLayout(screened, language, { date: "2026-01-01" });
        const results = book.values["HLJ筛查结果"];
        expect(results[0][0]).toBe(layout.title);
        expect(results[layout.headerRow - 1][0]).toBe(language === "zh" ? "序号" : "No.");
        expect(results.filter((row) => screened.rows.some((r) => row.includes(r.source)))).toHaveLength(screened.rows.length);
        expect(book.values["HLJ汇总"].length).toBeGreaterThan(1);
        expect(book.values["HLJ计算明细"].length).toBeGreaterThan(1);

        // A problem clicked selects its cell in WPS (Worksheets.Item(sheet).Activate(), Range(address).Select()).
        const problem = page.getByTestId("problems").getByRole("button").first();
        const [sheet, address] = (await problem.textContent())!.split(/[!\s]/);
        await problem.click();
        await page.waitForFunction(
          (name) => (window as unknown as { Application: { ActiveSheet?: { Name: string } } }).Application.ActiveSheet?.Name === name,
          sheet,
        );
        const selected = await page.evaluate(() =>
          (
            window as unknown as { Application: { ActiveCell: { Address(r: boolean, c: boolean): string } } }
          ).Application.ActiveCell.Address(false, false),
        );
        expect(selected).toBe(address);
        expect(errors).toEqual([]);
        await page.close();
      }, 180_000);

      test(`函数助手 (taskpane.html?tab=functions) opens on the function helper and inserts into ActiveCell (${language}, ${width} px)`, async () => {
        const { page, errors } = await openPane(lcid, width, "?tab=functions");
        await page.getByTestId("helper-amount").waitFor();
        await expect(page.getByTestId("tab-functions").getAttribute("aria-selected")).resolves.toBe("true");
        await page
          .getByRole("button", { name: language === "zh" ? "插入公式到所选单元格" : "Insert formula into the selected cell" })
          .click();
        await expect(page.getByRole("status").textContent()).resolves.toMatch(/![A-Z]+[0-9]+$/);
        const formula = await page.evaluate(
          () => (window as unknown as { Application: { ActiveCell: { Formula: string } } }).Application.ActiveCell.Formula,
        );
        expect(formula).toMatch(/^=HLJ\.[A-Z_]+\(/);
        await expect(page.getByTestId("helper-formula").textContent()).resolves.toBe(formula);
        await shot(page, `wps-functions-${language}-${width}`);
        expect(await sidewaysScroll(page)).toBeLessThanOrEqual(1);
        expect(errors).toEqual([]);
        await page.close();
      }, 120_000);
    }
});
