/**
 * Every application becomes a row of one results sheet, and a sheet holds 1,048,565 of them (Excel's 1,048,576 rows
 * less the review list's title, head, header, 合计 and signature rows)
 * (issue 16, cause 5): more is refused before screening, in the words SCREENING.md gives ("split the
 * workbook"), counting only the rows that would become results (not titles, headers or total rows).
 */
import { MAX_RESULT_ROWS, UnusableWorkbookError, reviewListLayout, screenWorkbook } from "../../../core";
import { makeUscc } from "../../helpers/uscc";

const HEADER = ["统一社会信用代码", "申报年度", "申报条款"];
const code = makeUscc(1);

function sheet(name: string, applications: number): { name: string; values: unknown[][] } {
  const values: unknown[][] = [["第1条 申报表"], HEADER];
  for (let r = 0; r < applications; r++) values.push([code, 2025, "M1"]);
  values.push(["合计"]);
  return { name, values };
}

test("a results sheet holds 1,048,565 applications: the review list's signature row is then Excel's last row", () => {
  expect(MAX_RESULT_ROWS).toBe(1_048_565);
  const result = screenWorkbook({ sheets: [sheet("申报", 1)] });
  const full = reviewListLayout({ ...result, rows: new Array(MAX_RESULT_ROWS) }, "zh", { date: "2026-12-06" });
  expect(full.signatureRow).toBe(1_048_576);
});

test("two sheets of 524,288 applications (1,048,576) are refused in one line, the total row not counted", () => {
  const workbook = { sheets: [sheet("申报一", 524_288), sheet("申报二", 524_288)] };
  let refusal: unknown;
  try {
    screenWorkbook(workbook);
  } catch (error) {
    refusal = error;
  }
  expect(refusal).toBeInstanceOf(UnusableWorkbookError);
  const { en, zh } = refusal as UnusableWorkbookError;
  expect(en).toMatch(
    /^1,048,576 applications, more than one results sheet holds \(1,048,565: Excel's 1,048,576 rows less .*split the workbook/,
  );
  expect(en).not.toMatch(/\n/);
  expect(zh).toMatch(/1,048,576 条申报.*请拆分工作簿/);
}, 60_000);
