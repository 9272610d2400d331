/**
 * The review list's parts the printed-page test does not pin down: the 筛查日期 (fixed by HLJ_SCREEN_DATE, else the
 * local date), widths that keep the twelve printed columns on the page when an amount is long, and the appendix's
 * temporary file gone after the run.
 */
import { mkdtempSync, readdirSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import {
  APPENDIX_COLUMNS,
  LINE_HEIGHT,
  PRINTED_WIDTH,
  REVIEW_COLUMNS,
  resultsColumns,
  reviewListLayout,
  reviewListWidths,
  screenWorkbook,
} from "../../core";
import { appendixRowXml } from "../../cli/result-rows";
import { screeningDate } from "../../cli/write-output";
import { runCli } from "../helpers/run-cli";
import { makeUscc } from "../helpers/uscc";

const ROOT = join(__dirname, "../..");

test("筛查日期: HLJ_SCREEN_DATE when it is a date, else the local date of the run", () => {
  expect(screeningDate(new Date(2026, 0, 5, 23, 30), { HLJ_SCREEN_DATE: "2026-12-06" })).toBe("2026-12-06");
  expect(screeningDate(new Date(2026, 0, 5, 23, 30), {})).toBe("2026-01-05");
  expect(screeningDate(new Date(2026, 0, 5, 23, 30), { HLJ_SCREEN_DATE: "tomorrow" })).toBe("2026-01-05");
});

test("a long amount widens its column and the wrapped ones give way: the twelve printed columns stay within the page", () => {
  const header = ["统一社会信用代码", "企业名称", "申报年度", "申报条款", "核定金额", "申报金额"];
  const result = screenWorkbook({
    sheets: [{ name: "申报", values: [header, [makeUscc(1), "甲", 2025, "第14条", 123_456_789_012.5, 987_654_321_098.25]] }],
  });
  const table = resultsColumns(result.rows, "zh");
  // The one rule every host sizes the list by (core/screening/paper-widths.ts).
  const widths = reviewListWidths(table, result, "zh", reviewListLayout(result, "zh", { date: "2026-01-01" }), "wrap");
  const claimed = table.columns.findIndex((c) => c.key === "claimed");
  expect(widths[claimed]).toBeGreaterThanOrEqual("987,654,321,098.25".length + 2);
  expect(widths.slice(0, REVIEW_COLUMNS.length).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(PRINTED_WIDTH);
});

test("the appendix's rows wait in a temporary file that is gone when the run ends", async () => {
  const out = mkdtempSync(join(tmpdir(), "hlj-spool-"));
  const spools = () => readdirSync(tmpdir()).filter((name) => name.startsWith(`.hlj-appendix.${process.pid}-`));
  try {
    expect((await runCli(join(ROOT, "examples/applicants.xlsx"), "-o", join(out, "a.xlsx"), "-q")).code).toBe(0);
    expect(spools()).toEqual([]);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}, 60_000);

test("an appendix row of short labelled lines is as tall as its lines at 10 pt, its line breaks kept", () => {
  const layout = {
    columns: [...APPENDIX_COLUMNS],
    cellStyle: [1, 1, 1, 1, 2],
    widths: APPENDIX_COLUMNS.map((c) => c.width * 1.1),
    wrapped: APPENDIX_COLUMNS.map((c) => c.kind === "wrap"),
    firstRow: 5,
  };
  const result = screenWorkbook({
    sheets: [
      {
        name: "申报",
        values: [
          ["统一社会信用代码", "申报年度", "申报条款"],
          [makeUscc(2), 2025, "第14条"],
        ],
      },
    ],
  });
  const lines = [
    "计息区间：2025-10-23 至 2025-12-31（含），70天",
    "适用利率：贷款利率 3.45% 与同期LPR 3.00% 孰低，取 3.00%",
    "结论：拟支持 58,333.33",
  ];
  const row = { ...result.rows[0], explain: { zh: lines.join("\n"), en: "x" } };
  const xml = appendixRowXml(layout, "zh", row, 5, 0);
  expect(xml).toContain(`<t xml:space="preserve">${lines.join("\n")}</t>`);
  const height = Number(/ht="([\d.]+)"/.exec(xml)![1]);
  expect(height).toBeGreaterThanOrEqual(3 * LINE_HEIGHT);
  expect(height).toBeLessThan(5 * LINE_HEIGHT);
  // One long line (today's 计算说明) wraps in the column: as many lines as its width needs.
  const long = appendixRowXml(layout, "zh", { ...row, explain: { zh: "长".repeat(300), en: "x" } }, 5, 0);
  expect(Number(/ht="([\d.]+)"/.exec(long)![1])).toBeGreaterThanOrEqual(6 * LINE_HEIGHT);
});
