/**
 * RULES.md revision 3, change 7 and "Reading numbers": bounds hold for every value given, whether or not the
 * row's measure uses it; a text percentage is never an amount; two LPR rows of one date with different rates
 * are an error naming both cells. The fast readers and the decimal reference say the same.
 */
import { screenWorkbook } from "../../../core";
import { isoToExcelSerial } from "../../../core/dates/excel-serial";
import { wordedRow } from "../../../core/words/result-json";
import { makeUscc } from "../../helpers/uscc";

const serial = (iso: string) => isoToExcelSerial(iso)!;
const A = makeUscc(1);
const HEADER = [
  "统一社会信用代码",
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
const loan = [8_000_000, 0.04, serial("2025-06-01"), serial("2026-06-01")];

function both(values: unknown[][], extra: { name: string; values: unknown[][] }[] = []) {
  const workbook = { sheets: [{ name: "申报", values }, ...extra] };
  const fast = screenWorkbook(workbook);
  const reference = screenWorkbook(workbook, { engine: "reference" });
  const worded = (r: ReturnType<typeof screenWorkbook>) => JSON.parse(JSON.stringify(r.rows.map((row) => wordedRow(row))));
  expect(worded(fast)).toEqual(worded(reference));
  expect(fast.issues).toEqual(reference.issues);
  return fast;
}

describe("bounds on every value given, used or not", () => {
  test("M8b's 总投资额 of 1E14 is out_of_range naming the cell, not ignored", () => {
    const result = both([HEADER, [A, 2025, "M8b", null, 1e14, ...loan, null]]);
    const row = result.rows[0];
    expect(row.status).toBe("error");
    expect(row.final).toBe("0.00");
    expect(row.reasons.map((r) => r.code)).toEqual(["out_of_range"]);
    expect(row.reasons[0].zh).toContain("申报!E2 总投资额");
    expect(row.reasons[0].en).toMatch(/申报!E2 总投资额: 100000000000000 is outside the plausible range .*unit mistake/);
  });

  test("the same 1E14 written as text, or 1E10 under 万元, is out of range too; exactly 10^13 yuan is not", () => {
    const wan = ["统一社会信用代码", "申报年度", "申报条款", "总投资额（万元）", "贷款金额", "贷款利率", "放款日期", "到期日期"];
    const result = both([wan, [A, 2025, "M8b", 1e10, ...loan], [makeUscc(2), 2025, "M8b", 1e9, ...loan]]);
    expect(result.rows.map((r) => r.status)).toEqual(["error", "eligible"]);
    const text = both([HEADER, [A, 2025, "M8b", null, "1E14", ...loan, null]]);
    expect(text.rows[0].reasons.map((r) => r.code)).toEqual(["out_of_range"]);
  });

  test("a loan rate of 5 on a 第3条 row (which has no loan) is an error naming the cell", () => {
    const result = both([HEADER, [A, 2025, "M3", "是", null, null, 5, null, null, 20_000_000]]);
    expect(result.rows[0].status).toBe("error");
    expect(result.rows[0].reasons[0].code).toBe("out_of_range");
    expect(result.rows[0].reasons[0].en).toContain("申报!G2 贷款利率: 5 looks like percent points");
    const high = both([HEADER, [A, 2025, "M3", "是", null, null, 0.3, null, null, 20_000_000]]);
    expect(high.rows[0].reasons[0].en).toContain("申报!G2 贷款利率: 0.3 (30%) is above the plausible 0.1%–24%");
    const zero = both([HEADER, [A, 2025, "M3", "是", null, null, 0, null, null, 20_000_000]]);
    expect(zero.rows[0].status).toBe("eligible");
  });

  test("a text percentage where an amount is expected is an error, on a measure that does not use the column", () => {
    const result = both([HEADER, [A, 2025, "M8b", null, "15%", ...loan, null]]);
    expect(result.rows[0].status).toBe("error");
    expect(result.rows[0].reasons[0].en).toContain('申报!E2 总投资额: "15%" is a percentage; expected an amount');
  });
});

describe("two LPR rows of one date", () => {
  const applicants = [
    ["统一社会信用代码", "申报年度", "申报条款", "贷款金额", "贷款利率", "放款日期", "到期日期"],
    [A, 2026, "M8b", 10_000_000, 0.04, "2026-09-01", "2026-12-31"],
  ];

  test("different rates: an error naming both cells, neither used (never a pick)", () => {
    const lpr = {
      name: "LPR",
      values: [
        ["日期", "利率"],
        ["2026-08-20", 0.03],
        ["2026-08-20", 0.029],
      ],
    };
    const result = both(applicants, [lpr]);
    const issue = result.issues.find((i) => i.severity === "error");
    expect(issue?.en).toContain("LPR!2 and LPR!3: two LPR rows for 2026-08-20 with different rates (3%, 2.9%); neither is used");
    expect(issue?.zh).toContain("LPR!2 与 LPR!3");
    // Neither row is used: the days after the built-in table's knownThrough stay unknown.
    expect(result.rows[0].status).toBe("error");
    expect(result.rows[0].reasons[0].code).toBe("lpr_unknown");
  });

  test("the same rate twice: harmless, the rate is used", () => {
    const lpr = {
      name: "LPR",
      values: [
        ["日期", "利率"],
        ["2026-08-20", 0.03],
        ["2026-08-20", "3.00%"],
      ],
    };
    const result = both(applicants, [lpr]);
    expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(result.rows[0].status).toBe("eligible");
  });
});
