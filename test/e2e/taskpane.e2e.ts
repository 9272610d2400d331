/**
 * The task pane in a real browser: headless Debian Chromium driven by playwright-core, with a scripted
 * Office/Excel host (test/e2e/fake-host.ts) served in place of office.js. Screens the values of
 * examples/applicants.xlsx, checks what the pane shows and what it wrote, runs axe-core and a keyboard walk,
 * and saves screenshots of the main states in Chinese and English at 320 and 370 px (the narrow task panes
 * of Excel on Windows and Mac) under test-output/e2e/. At every state it fails on the faults people saw:
 * anything wider than the pane, text clipped or set one character per line, a selected tab without its
 * underline.
 */
import { Server } from "http";
import { existsSync, mkdirSync } from "fs";
import { join } from "path";
import { Browser, Page } from "playwright-core";
import { FIELDS, computeAward, formatYuan, reviewListLayout, screenWorkbook } from "../../core";
import { officeValues } from "../helpers/office-values";
import { OUT, ROOT, bundle, describeBrowser, launchBrowser, originOf, serve } from "./browser-harness";

const DIST = join(ROOT, "dist");
type Cell = string | number | boolean;

/** examples/applicants.xlsx as Office.js would hand its values over (dates as serials, empty as ""). */
async function sampleSheets(): Promise<{ name: string; values: Cell[][] }[]> {
  return officeValues(join(ROOT, "examples/applicants.xlsx"));
}

/** The fake Office (Excel.run over the in-memory workbook) as one script for the browser. */
const buildFakeHost = () => bundle(join(__dirname, "fake-host.ts"), "fake-office", "tsconfig.webpack.json");

describeBrowser("the task pane in Chromium", () => {
  let browser: Browser;
  let server: Server;
  let hostScript: string;
  let sheets: { name: string; values: Cell[][] }[];
  let expected: Record<string, { rows: number }>;
  let screened: ReturnType<typeof screenWorkbook>;
  const started = Date.now();

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    if (!existsSync(join(DIST, "taskpane.html"))) throw new Error("dist/ is missing: npm run build first (npm test does)");
    [hostScript, sheets] = await Promise.all([buildFakeHost(), sampleSheets()]);
    screened = screenWorkbook({ sheets });
    expected = screened.totals.byStatus;
    server = await serve(DIST);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
    console.log(`end-to-end: ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in test-output/e2e/`);
  });

  async function openPane(
    displayLanguage: string,
    syncDelay: number,
    width = 370,
    excelApi?: string,
    book: { name: string; values: Cell[][] }[] = sheets,
    height = 900,
  ): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height } });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.route("https://appsforoffice.microsoft.com/**", (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript", body: hostScript }),
    );
    await page.addInitScript((setup) => Object.assign(window, { __HLJ_WORKBOOK__: setup }), {
      sheets: book,
      displayLanguage,
      syncDelay,
      excelApi,
    });
    const origin = originOf(server);
    await page.goto(`${origin}/taskpane.html`);
    expect(errors).toEqual([]);
    return page;
  }

  /** Checks the pane for the faults people saw, then saves its picture. */
  async function shot(page: Page, name: string, atLoad = false) {
    expect({ [name]: await layoutFaults(page) }).toEqual({ [name]: [] });
    const file = join(OUT, `${name}.png`);
    if (atLoad) {
      await page.screenshot({ path: file });
      return;
    }
    // The whole pane as one tall window, so a bar kept at its foot (the mapping's buttons) is drawn at the foot,
    // not across the rows where a 900 px window would have it.
    const size = page.viewportSize()!;
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: size.width, height });
    await page.screenshot({ path: file });
    await page.setViewportSize(size);
  }

  /**
   * What a person would see as broken: the page or an element wider than the pane, text clipped by its box,
   * text set one character per line, a selected tab without its underline (after its animation ends).
   */
  async function layoutFaults(page: Page): Promise<string[]> {
    // The tab underline slides from the last tab: wait until it has arrived before judging it.
    await page
      .waitForFunction(
        () => {
          const tab = document.querySelector("[role=tab][aria-selected=true]");
          return !tab || ["none", "matrix(1, 0, 0, 1, 0, 0)"].includes(getComputedStyle(tab, "::after").transform);
        },
        undefined,
        { timeout: 3_000 },
      )
      .catch(() => undefined);
    return page.evaluate(() => {
      const faults: string[] = [];
      const width = document.documentElement.clientWidth;
      const name = (el: Element) =>
        `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.getAttribute("data-testid") ? ` ${el.getAttribute("data-testid")}` : ""}> "${(el.textContent ?? "").trim().slice(0, 40)}"`;
      if (document.documentElement.scrollWidth > width + 1)
        faults.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px in ${width} px`);
      const visible = (el: Element) => {
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        return (
          style.display !== "none" &&
          style.visibility !== "hidden" &&
          box.width > 0 &&
          box.height > 0 &&
          !el.closest("[data-tabster-dummy]")
        );
      };
      for (const el of document.body.querySelectorAll("*")) {
        if (!visible(el)) continue;
        const box = el.getBoundingClientRect();
        if (box.right > width + 1 || box.left < -1)
          faults.push(`wider than the pane: ${name(el)} spans ${Math.round(box.left)}–${Math.round(box.right)} px of ${width}`);
        const style = getComputedStyle(el);
        const control = ["SELECT", "INPUT", "TEXTAREA", "OPTION"].includes(el.tagName);
        if (!control && /hidden|clip/.test(style.overflowX) && el.scrollWidth > el.clientWidth + 1 && (el.textContent ?? "").trim()) {
          faults.push(`text clipped: ${name(el)} needs ${el.scrollWidth} px, has ${el.clientWidth}`);
        }
      }
      // A select, input or combobox cut mid-character: the value it shows is wider than the room inside it
      // (its width less padding, and for a select the chevron Fluent draws over its right padding).
      const canvas = document.createElement("canvas").getContext("2d")!;
      for (const el of document.body.querySelectorAll("select, input, [role=combobox]")) {
        if (!visible(el) || (el as HTMLInputElement).type === "checkbox") continue;
        const style = getComputedStyle(el);
        const value =
          el instanceof HTMLSelectElement
            ? (el.selectedOptions[0]?.text ?? "")
            : el instanceof HTMLInputElement
              ? el.value || el.placeholder
              : (el.textContent ?? "");
        canvas.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const needed = canvas.measureText(value).width + (parseFloat(style.letterSpacing) || 0) * [...value].length;
        const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const overflowing = !(el instanceof HTMLSelectElement) && el.scrollWidth > el.clientWidth + 1;
        if (value.trim() && (needed > room + 0.5 || overflowing))
          faults.push(`value cut: ${name(el)} shows "${value}" (${Math.ceil(needed)} px) in ${Math.floor(room)} px`);
      }
      // A doubled label ("贷款利率：贷款利率：", "Loan rate: Loan rate"): a label, or a line of text, that says its
      // own words twice in a row, or a control whose value repeats the label above it.
      const doubled = /(^|[：:；;（(|·]\s*)([^：:；;（(|·]{2,}?)\s*[：:]\s*\2\s*([：:]|$)/i;
      for (const el of document.body.querySelectorAll("label, [class*=fui-Field__label], h1, h2, h3, span, div, p, li, button")) {
        if (!visible(el) || [...el.children].some((c) => !["BR", "WBR"].includes(c.tagName))) continue;
        for (const line of (el as HTMLElement).innerText.split("\n")) {
          if (doubled.test(line.trim())) faults.push(`doubled label: ${name(el)} says "${line.trim().slice(0, 60)}"`);
        }
      }
      for (const label of document.body.querySelectorAll("label[for]")) {
        const control = document.getElementById(label.getAttribute("for")!);
        const words = (label.textContent ?? "")
          .replace(/[（(].*$/, "")
          .replace(/[：:]\s*$/, "")
          .trim();
        const value = control instanceof HTMLInputElement ? control.value : "";
        if (visible(label) && words && value.startsWith(`${words}：`))
          faults.push(`doubled label: ${name(label)} and its control both say "${words}"`);
      }
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const characters = [...(node.textContent ?? "").trim()].length;
        const parent = node.parentElement;
        if (characters < 3 || !parent || !visible(parent)) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
        if (lines >= 3 && characters / lines < 2)
          faults.push(`one character per line: "${node.textContent!.trim().slice(0, 20)}" on ${lines} lines`);
      }
      const selected = document.querySelector("[role=tab][aria-selected=true]");
      if (selected) {
        const underline = getComputedStyle(selected, "::after");
        const drawn = underline.content !== "none" && parseFloat(underline.height) > 0 && parseFloat(underline.width) > 0;
        if (!drawn || !["none", "matrix(1, 0, 0, 1, 0, 0)"].includes(underline.transform)) {
          faults.push(
            `the selected tab ${name(selected)} has no underline of its own (${underline.content} ${underline.width} ${underline.transform})`,
          );
        }
      }
      return faults;
    });
  }

  async function countsShown(page: Page): Promise<Record<string, number>> {
    return page.$$eval("[data-testid=counts] [data-status]", (badges) =>
      Object.fromEntries(badges.map((b) => [b.getAttribute("data-status"), Number(b.getAttribute("data-count"))])),
    );
  }

  async function seriousViolations(page: Page) {
    await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
    const result = await page.evaluate(async () =>
      (
        window as unknown as {
          axe: { run: (c: object, o: object) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
        }
      ).axe.run(
        // Fluent UI's focus manager (tabster) puts invisible <i data-tabster-dummy> sentinels around focus groups:
        // they only forward focus, and axe cannot tell. Everything else is checked.
        { exclude: [["[data-tabster-dummy]"]] },
        { resultTypes: ["violations"] },
      ),
    );
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${(v.nodes as { target: string[] }[]).map((n) => n.target.join(" ")).join(", ")}`);
  }

  for (const [language, tag, label] of [
    ["zh", "zh-CN", "筛查结果"],
    ["en", "en-US", "Results"],
  ] as const)
    for (const width of [320, 370]) {
      test(`screens the sample workbook (${language}, ${width} px): mapping → progress → results, as the engine says`, async () => {
        const page = await openPane(tag, 120, width);
        await page.getByTestId("mapping").waitFor();
        await expect(page.getByTestId("table-申报").isVisible()).resolves.toBe(true);
        // 申报条款 not mapped on a sheet whose name gives the measure: the pane says where the measure comes from.
        await expect(page.getByTestId("measure-from-sheet-第3条 网络零售").textContent()).resolves.toContain("第3条");
        await shot(page, `mapping-${language}-${width}`);
        await page.getByTestId("screen").click();
        // The progress bar once rows are moving (the fake host takes 120 ms a sync, as a slow network would).
        await page.locator("[data-testid=progress]:not([data-done='0'])").waitFor();
        await shot(page, `progress-${language}-${width}`);
        await page.getByTestId("results").waitFor({ timeout: 60_000 });
        await expect(page.getByRole("heading", { name: label }).isVisible()).resolves.toBe(true);
        await shot(page, `results-${language}-${width}`);

        const shown = await countsShown(page);
        expect(shown).toEqual(Object.fromEntries(Object.entries(expected).map(([status, line]) => [status, line.rows])));
        const written = await page.evaluate(() => {
          const book = (
            window as unknown as {
              __fakeExcel: { sheet: (n: string) => { rowCount: number; values: unknown[][] } | undefined; sheets: { name: string }[] };
            }
          ).__fakeExcel;
          return {
            results: book.sheet("HLJ筛查结果")?.rowCount,
            names: book.sheets.map((s) => s.name),
            values: book.sheet("HLJ筛查结果")?.values,
          };
        });
        const rows = Object.values(expected).reduce((n, line) => n + line.rows, 0);
        // The review list: its title and head, the header, a row per application, 合计 ×2, a blank, the signature.
        const layout = reviewListLayout(screened, language, { date: "2026-01-01" });
        expect(written.results).toBe(rows + layout.headerRow + 4);
        expect(written.names).toEqual([...sheets.map((s) => s.name), "HLJ筛查结果", "HLJ汇总", "HLJ计算明细"]);
        expect(written.values?.[0]?.[0]).toBe(layout.title);
        expect(written.values?.[layout.headerRow - 1]?.[0]).toBe(language === "zh" ? "序号" : "No.");

        // Clicking a problem selects its source cell.
        const problem = page.getByTestId("problems").getByRole("button").first();
        const text = await problem.textContent();
        await problem.click();
        await page.waitForFunction(() => (window as unknown as { __fakeExcel: { selection: unknown } }).__fakeExcel.selection !== null);
        const selection = await page.evaluate(() => (window as unknown as { __fakeExcel: { selection: unknown } }).__fakeExcel.selection);
        expect(selection).toMatchObject({ sheet: text!.split("!")[0] });
        // …and shows how that row came out (its 计算说明), in the pane's language.
        const explain = page.getByTestId("explain");
        await explain.waitFor();
        await expect(explain.textContent()).resolves.toMatch(
          language === "zh" ? /计算说明 · [\s\S]*结论：数据有误 0.00/ : /How .* came out[\s\S]*Result: data error, 0.00/,
        );
        await shot(page, `explain-${language}-${width}`);

        // A person selects a row of the results sheet: the pane shows how that row came out.
        const selectedSource = await page.evaluate(async (first: number) => {
          const book = (
            window as unknown as {
              __fakeExcel: { sheet: (n: string) => { values: unknown[][] }; userSelects: (s: string, a: string) => Promise<void> };
            }
          ).__fakeExcel;
          // The second application: a row under the head and the header (its 来源 in column B).
          await book.userSelects("HLJ筛查结果", `D${first + 1}`);
          return String(book.sheet("HLJ筛查结果").values[first][1]);
        }, layout.firstDataRow);
        await expect(page.getByTestId("explain").textContent()).resolves.toContain(selectedSource);

        // A real interest row's 计算说明 reads as lines: each "\n" of core's explain is a line break in the pane.
        const interest = screened.rows.find(
          (r) => ["M1", "M2", "M5", "M8a", "M8b"].includes(r.measure ?? "") && r.status === "eligible" && r.final !== "0.00",
        )!;
        await page.evaluate(async (source) => {
          const book = (
            window as unknown as {
              __fakeExcel: { sheet: (n: string) => { values: unknown[][] }; userSelects: (s: string, a: string) => Promise<void> };
            }
          ).__fakeExcel;
          const values = book.sheet("HLJ筛查结果").values;
          const r = values.findIndex((row) => row.includes(source));
          const c = values[r].indexOf(source);
          await book.userSelects("HLJ筛查结果", `${String.fromCharCode(65 + c)}${r + 1}`);
        }, interest.source);
        await expect(page.getByTestId("explain").textContent()).resolves.toContain(interest.source);
        const lines = await page.getByTestId("explain-text").evaluate((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
          return { whiteSpace: getComputedStyle(el).whiteSpace, shown: tops.size };
        });
        expect(lines.whiteSpace).toBe("pre-line");
        expect(lines.shown).toBeGreaterThanOrEqual(interest.explain[language].split("\n").length);
        await shot(page, `explain-interest-${language}-${width}`);

        expect(await seriousViolations(page)).toEqual([]);
        await page.close();
      }, 120_000);

      test(`the function helper and the settings (${language}, ${width} px)`, async () => {
        const page = await openPane(tag, 0, width);
        await page.getByTestId("mapping").waitFor();
        await page.getByTestId("tab-functions").click();
        await page.getByTestId("helper-amount").waitFor();
        // Dates as 2025-06-01 in either language, the formula broken only after a comma.
        await expect(page.getByTestId("helper-startDate").inputValue()).resolves.toBe("2025-06-01");
        // Amounts with thousands separators and two decimals, the rate with its %; a typed amount tidied once left.
        await expect(page.getByTestId("helper-principal").inputValue()).resolves.toBe("12,000,000.00");
        await page.getByTestId("helper-principal").fill("12000000");
        await page.getByTestId("helper-loanRate").focus();
        await expect(page.getByTestId("helper-principal").inputValue()).resolves.toBe("12,000,000.00");
        await expect(page.getByTestId("helper-loanRate").locator("xpath=..").textContent()).resolves.toContain("%");
        // The loan of 2025-06-01 to 2027-05-31 year by year, each year as HLJ.INTEREST_SUBSIDY with its award year.
        const facts = {
          qualified: true,
          totalInvestment: "20000000",
          loan: { principal: "12000000", loanRate: "0.0345", startDate: "2025-06-01", endDate: "2027-05-31" },
        };
        const byYear = await page
          .getByTestId("helper-by-year")
          .locator("tr[data-year]")
          .evaluateAll((rows) => rows.map((r) => [r.getAttribute("data-year"), r.querySelector("td")!.textContent]));
        expect(byYear).toEqual(
          [2025, 2026, 2027].map((year) => [
            String(year),
            `¥${formatYuan(computeAward("M1", facts, { interestWindow: "award-year", year }).amount)}`,
          ]),
        );
        await page
          .getByRole("button", { name: language === "zh" ? "插入公式到所选单元格" : "Insert formula into the selected cell" })
          .click();
        await expect(page.getByRole("status").textContent()).resolves.toMatch(/A1$/);
        await expect(page.getByRole("status").textContent()).resolves.not.toContain(":");
        await shot(page, `functions-${language}-${width}`);
        await page.getByTestId("tab-settings").click();
        await page.getByTestId("setting-lprMode").waitFor();
        await shot(page, `settings-${language}-${width}`);
        await page.close();
      }, 120_000);
    }

  for (const width of [320, 370])
    test(`Screen is in reach at load, without scrolling past the mapping of 25 columns (${width} px)`, async () => {
      // Every screening field as a column: a full applicant sheet maps all 25.
      const full = [
        FIELDS.map((f) => f.zh),
        FIELDS.map((f) => ({ entityId: "91230100MA1B2C3D49", entityName: "甲公司", year: 2025, measure: "第1条" })[f.key as string] ?? ""),
      ];
      const page = await openPane("zh-CN", 0, width, undefined, [{ name: "申报", values: full }], 700);
      await page.getByTestId("mapping").waitFor();
      const mapped = await page.$$eval(
        "[data-testid=mapping] select",
        (s) => s.filter((el) => (el as HTMLSelectElement).value !== "").length,
      );
      expect(mapped).toBeGreaterThanOrEqual(24);
      const reach = await page.getByTestId("screen").evaluate((button) => {
        const box = button.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return { top: box.top, bottom: box.bottom, height: window.innerHeight, onTop: !!hit && button.contains(hit) };
      });
      expect(reach.top).toBeGreaterThanOrEqual(0);
      expect(reach.bottom).toBeLessThanOrEqual(reach.height);
      expect(reach.onTop).toBe(true);
      await expect(page.getByTestId("screen").isEnabled()).resolves.toBe(true);
      await shot(page, `mapping-25-columns-zh-${width}`, true);
      await page.close();
    }, 60_000);

  test("an Excel without the API the pane needs (ExcelApi 1.7) gets a message, not a crash", async () => {
    const page = await openPane("zh-CN", 0, 370, "1.6");
    await page.getByTestId("error").waitFor();
    await expect(page.getByTestId("error").textContent()).resolves.toContain("ExcelApi 1.7");
    await page.close();
  }, 60_000);

  test("the mapping can be changed, the language switched, and every control reached by keyboard", async () => {
    const page = await openPane("zh-CN", 0);
    await page.getByTestId("mapping").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // Un-map the required 申报年度 column: it is flagged and Screen is disabled.
    await page.locator("#map-申报-year").selectOption("");
    await expect(page.getByText("必填项未匹配").first().isVisible()).resolves.toBe(true);
    await expect(page.getByTestId("screen").isDisabled()).resolves.toBe(true);
    const yearColumn = await page.locator("#map-申报-year option", { hasText: "申报年度" }).first().getAttribute("value");
    await page.locator("#map-申报-year").selectOption(yearColumn!);
    await expect(page.getByTestId("screen").isEnabled()).resolves.toBe(true);

    // Keyboard: Tab reaches every focusable control in the pane.
    const focusable = await page.$$eval("button, select, input, a[href], [tabindex]:not([tabindex='-1']), summary", (nodes) =>
      nodes
        .filter(
          (n) =>
            (n as HTMLElement).offsetParent !== null &&
            !(n as HTMLButtonElement).disabled &&
            n.getAttribute("tabindex") !== "-1" &&
            !n.hasAttribute("data-tabster-dummy") &&
            // tabs move with the arrow keys (checked below); a closed <details> opens from its summary
            !(n.getAttribute("role") === "tab" && n.getAttribute("aria-selected") !== "true") &&
            !(n.tagName !== "SUMMARY" && n.closest("details:not([open])")),
        )
        .map((n) => `${n.tagName}#${n.id}:${(n.textContent ?? "").slice(0, 20)}`),
    );
    const reached = new Set<string>();
    await page.locator("body").click({ position: { x: 1, y: 1 } });
    for (let i = 0; i < focusable.length + 5; i++) {
      await page.keyboard.press("Tab");
      const id = await page.evaluate(() => {
        const n = document.activeElement as HTMLElement | null;
        return !n || n === document.body ? "" : `${n.tagName}#${n.id}:${(n.textContent ?? "").slice(0, 20)}`;
      });
      if (id) reached.add(id);
    }
    expect(focusable.filter((f) => !reached.has(f))).toEqual([]);
    // The tab list: arrow keys move between tabs, Enter opens one.
    await page.getByTestId("tab-screen").focus();
    await page.keyboard.press("ArrowRight");
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).resolves.toBe("tab-functions");
    await page.keyboard.press("ArrowLeft");

    // The language switch is a control with a visible label (a labelled drop-down), not bare text.
    await expect(page.getByLabel("界面语言").evaluate((el) => el.tagName)).resolves.toBe("SELECT");
    await expect(page.getByText("界面语言").isVisible()).resolves.toBe(true);
    await page.getByTestId("language").selectOption("en");
    await expect(page.getByLabel("Pane language").inputValue()).resolves.toBe("en");
    await expect(page.getByRole("heading", { name: "Column mapping" }).isVisible()).resolves.toBe(true);
    await page.getByTestId("tab-settings").click();
    await page.getByTestId("setting-lprMode").selectOption("floating");
    const saved = await page.evaluate(() =>
      (
        window as unknown as { Office: { context: { document: { settings: { get: (n: string) => unknown } } } } }
      ).Office.context.document.settings.get("hljScreeningOptions"),
    );
    expect(saved).toMatchObject({ lprMode: "floating" });
    // The issue date (effectiveFrom): a bad date is said under the field and not saved; a date is saved.
    const savedOptions = () =>
      page.evaluate(() =>
        (
          window as unknown as { Office: { context: { document: { settings: { get: (n: string) => unknown } } } } }
        ).Office.context.document.settings.get("hljScreeningOptions"),
      );
    await expect(page.getByText("Leave empty for the policy version's: Assumed in force from 2025-10-23").isVisible()).resolves.toBe(true);
    await page.getByTestId("setting-effectiveFrom").fill("2025-13-01");
    await expect(page.getByText("Write a date YYYY-MM-DD (such as 2025-10-23), not after 2027-12-31").isVisible()).resolves.toBe(true);
    await expect(savedOptions()).resolves.toMatchObject({ effectiveFrom: "" });
    await page.getByTestId("setting-effectiveFrom").fill("2025-07-01");
    await expect(savedOptions()).resolves.toMatchObject({ effectiveFrom: "2025-07-01" });
    await page.getByTestId("tab-functions").click();
    // Floating needs the LPR of every day to 2027: the helper says the rate is unknown instead of guessing.
    await expect(page.getByText("is not known").first().isVisible()).resolves.toBe(true);
    await page.getByTestId("tab-settings").click();
    await page.getByTestId("setting-lprMode").selectOption("fixed");
    await page.getByTestId("tab-functions").click();
    // 12,000,000 × 3.00% × 585 / 360: from the set's issue date 2025-10-23, as the function computes (revision 3),
    // whatever the screening setting says.
    await expect(page.getByTestId("helper-amount").textContent()).resolves.toBe("¥585,000.00");
    await expect(page.getByTestId("helper-formula").textContent()).resolves.toBe(
      '=HLJ.INTEREST_SUBSIDY("M1",20000000,12000000,3.45%,DATE(2025,6,1),DATE(2027,5,31))',
    );
    await page.getByRole("button", { name: "Insert formula into the selected cell" }).click();
    await page.getByRole("status").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  }, 120_000);
});
