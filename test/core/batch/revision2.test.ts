/**
 * RULES.md revision 2: each case issue 8 found in revision 1, as a test that failed before and passes now.
 */
import { ApplicationRow } from "../../../core/rows/types";
import { settleApplications } from "../../../core/screening/settle-applications";
import { batchResultToJson } from "../../../core/words/result-json";
import { screenWorkbook } from "../../../core/screening/screen";
import { makeUscc } from "../../helpers/uscc";

const A = makeUscc(1);
const B = makeUscc(2, "230600");
const OUTSIDE = "91350100M000100Y43"; // 福建

const finals = (rows: { final: { toFixed(n: number): string } }[]) => rows.map((r) => r.final.toFixed(2));
const codes = (row: { reasons: { code: string }[] }) => row.reasons.map((r) => r.code);
/** Earns exactly `amount` over 360 days at the 3.00% LPR (the loan rate is higher) inside 2025–2026. */
// 360 days from 2025-11-01: after the draft's stand-in issue date 2025-10-23, the first subsidised day (revision 3).
const loanEarning = (amount: number) => ({ principal: amount / 0.03, loanRate: "0.04", startDate: "2025-11-01", endDate: "2026-10-27" });
const LOAN = { interestWindow: "loan" } as const;

describe("numbers from floats are read at Excel's 15 significant digits", () => {
  const header = ["统一社会信用代码", "申报年度", "申报条款", "限额以上在统", "新增实物网络零售额"];
  test("an increase typed as =16778041.85-6778041.85 does not exceed 10,000,000 (same as two columns)", () => {
    const typed = 16778041.85 - 6778041.85;
    expect(typed).toBe(10000000.000000002);
    const oneCell = screenWorkbook({ sheets: [{ name: "s", values: [header, [A, 2025, "M3", "是", typed]] }] });
    expect(oneCell.rows[0]).toMatchObject({ status: "ineligible", final: "0.00" });
    expect(oneCell.rows[0].reasons.map((r) => r.code)).toEqual(["below_threshold"]);
    const twoColumns = screenWorkbook({
      sheets: [
        {
          name: "s",
          values: [
            ["统一社会信用代码", "申报年度", "申报条款", "限额以上在统", "本年度实物网络零售额", "上年度实物网络零售额"],
            [A, 2025, "M3", "是", 16778041.85, 6778041.85],
          ],
        },
      ],
    });
    expect(twoColumns.rows[0]).toMatchObject({ status: "ineligible", final: "0.00" });
  });
});

describe("absurd inputs are input errors naming the cell, never awards", () => {
  const header = ["统一社会信用代码", "申报年度", "申报条款", "总投资额", "贷款金额", "贷款利率", "放款日期", "到期日期"];
  test("a principal of 1e309 or a 400-digit number is out_of_range; JSON never holds exponent notation", () => {
    const result = screenWorkbook({
      sheets: [
        {
          name: "申报",
          values: [
            header,
            [A, 2025, "M8b", null, "1e309", 0.04, "2025-06-01", "2026-06-01"],
            [B, 2025, "M8b", null, "9".repeat(400), 0.04, "2025-06-01", "2026-06-01"],
            [makeUscc(3), 2025, "M8b", null, Infinity, 0.04, "2025-06-01", "2026-06-01"],
          ],
        },
      ],
    });
    expect(result.rows.map((r) => r.status)).toEqual(["error", "error", "error"]);
    expect(result.rows.map((r) => r.reasons[0].code)).toEqual(["out_of_range", "out_of_range", "bad_value"]);
    expect(result.rows[0].reasons[0].en).toMatch(/^申报!E2 贷款金额: .*outside the plausible range .*unit mistake/);
    expect(result.rows[1].reasons[0].en).toMatch(/^申报!E3 贷款金额: 1e\+400 is outside/);
    const json = JSON.stringify(result);
    expect(json).not.toMatch(/"\d+(\.\d+)?e[+-]?\d+"/i);
    expect(result.totals.final).toBe("0.00");
  });

  test("a rate column headed 贷款利率(%) holding 0.029 is refused with the unit hint, not read as 0.029%", () => {
    const result = screenWorkbook({
      sheets: [
        {
          name: "申报",
          values: [
            ["统一社会信用代码", "申报年度", "申报条款", "贷款金额", "贷款利率(%)", "放款日期", "到期日期"],
            [A, 2025, "M8b", 10_000_000, 0.029, "2025-06-01", "2026-06-01"],
            [B, 2025, "M8b", 10_000_000, 2.9, "2025-06-01", "2026-06-01"],
          ],
        },
      ],
    });
    expect(result.rows[0].status).toBe("error");
    expect(result.rows[0].reasons[0]).toMatchObject({ code: "out_of_range", field: "loanRate" });
    expect(result.rows[0].reasons[0].en).toContain("申报!E2 贷款利率(%): the header says %, so 0.029 reads as 0.029%");
    expect(result.rows[0].reasons[0].en).toContain("write 2.9 in this column");
    expect(result.rows[1].status).toBe("eligible");
  });

  test("a loan rate above 24% or below 0.1% is out_of_range; 0 is an interest-free loan", () => {
    const rate = (loanRate: string) =>
      settleApplications([{ entityId: A, year: 2025, measure: "M8b", facts: { loan: { ...loanEarning(100_000), loanRate } } }]).rows[0];
    expect(codes(rate("0.3"))).toEqual(["out_of_range"]);
    expect(codes(rate("0.0005"))).toEqual(["out_of_range"]);
    expect(rate("0").status).toBe("eligible");
    expect(rate("0").final.toFixed(2)).toBe("0.00");
  });
});

describe("interest is paid only for days inside the policy period, year by year by default", () => {
  test("a 2019–2022 loan is paid 0.00 in 2025 with no_interest_in_window (revision 1 paid 118,322.22)", () => {
    const result = settleApplications([
      {
        entityId: A,
        year: 2025,
        measure: "M8b",
        facts: { loan: { principal: 3_000_000, loanRate: "0.045", startDate: "2019-09-01", endDate: "2022-09-01" } },
      },
    ]);
    expect(result.options.interestWindow).toBe("award-year");
    expect(result.rows[0]).toMatchObject({ status: "eligible" });
    expect(finals(result.rows)).toEqual(["0.00"]);
    expect(codes(result.rows[0])).toEqual(["no_interest_in_window"]);
  });

  test("interest after 2027-12-31 is never paid, whatever the window option", () => {
    const loan = { principal: 10_000_000, loanRate: "0.0345", startDate: "2027-06-01", endDate: "2029-06-01" };
    const row = { entityId: A, year: 2027, measure: "M8b", facts: { loan } };
    const lpr = { lprEntries: [{ date: "2027-05-20", rate: "0.03" }] };
    // 2027-06-01 → 2028-01-01: 214 days × 10,000,000 × 3.00% / 360
    expect(finals(settleApplications([row], { ...lpr, ...LOAN }).rows)).toEqual(["178333.33"]);
    expect(finals(settleApplications([row], lpr).rows)).toEqual(["178333.33"]);
  });
});

describe("the order of steps: claim and other support first, then caps, then 不重复 over what would be paid", () => {
  test("claiming 100,000 under 第3条 (computed 600,000) against 500,000 under 第6条: 第6条 wins and pays 500,000", () => {
    const result = settleApplications([
      { entityId: A, year: 2025, measure: "M3", facts: { qualified: true, onlineRetailIncrease: 30_000_000 }, claimedAmount: 100_000 },
      { entityId: A, year: 2025, measure: "M6b" },
    ]);
    expect(result.rows.map((r) => r.status)).toEqual(["superseded", "eligible"]);
    expect(finals(result.rows)).toEqual(["0.00", "500000.00"]);
    expect(result.totals.final.toFixed(2)).toBe("500000.00");
  });

  test("a row reduced by its claim or by other support uses only that much of the shared cap", () => {
    const row = (extra: Partial<ApplicationRow>): ApplicationRow => ({
      entityId: A,
      year: 2025,
      measure: "M5",
      facts: { totalInvestment: 2_000_000, loan: loanEarning(600_000) },
      ...extra,
    });
    const claimed = settleApplications([row({ source: "r1", claimedAmount: 200_000 }), row({ source: "r2", projectId: "b" })], LOAN);
    expect(finals(claimed.rows)).toEqual(["200000.00", "600000.00"]); // revision 1: 200,000 and 400,000
    const topUp = settleApplications([row({ source: "r1", otherProvincialSupport: 500_000 }), row({ source: "r2", projectId: "b" })], LOAN);
    expect(finals(topUp.rows)).toEqual(["100000.00", "600000.00"]);
  });
});

describe("第1条's two caps are nested limits: the entity's total does not depend on row order", () => {
  const small = {
    entityId: A,
    year: 2025,
    measure: "M1",
    projectId: "2000万",
    facts: { qualified: true, totalInvestment: 20_000_000, loan: loanEarning(3_000_000) },
  };
  const big = {
    entityId: A,
    year: 2025,
    measure: "M1",
    projectId: "5000万",
    facts: { qualified: true, totalInvestment: 50_000_000, loan: loanEarning(9_000_000) },
  };
  test("≤ 3000万 then > 3000万, or the other way round: 10,000,000 both ways (revision 1: 10,000,000 or 9,000,000)", () => {
    const smallFirst = settleApplications([small, big], LOAN);
    const bigFirst = settleApplications([big, small], LOAN);
    expect(finals(smallFirst.rows)).toEqual(["2000000.00", "8000000.00"]);
    expect(finals(bigFirst.rows)).toEqual(["9000000.00", "1000000.00"]);
    expect(smallFirst.totals.final.toFixed(2)).toBe("10000000.00");
    expect(bigFirst.totals.final.toFixed(2)).toBe("10000000.00");
  });

  test("paid M1 history counts against both limits", () => {
    const result = settleApplications([small, big], { ...LOAN, history: [{ entityId: A, measure: "M1", year: 2025, amount: 1_500_000 }] });
    expect(finals(result.rows)).toEqual(["500000.00", "8000000.00"]);
  });
});

describe("one-time awards are paid once", () => {
  test("a history record 第6条 with 1,000,000 is the national award: M6a is refused", () => {
    const result = settleApplications(
      [
        { entityId: A, year: 2026, measure: "M6a" },
        { entityId: B, year: 2026, measure: "M6b" },
      ],
      { history: [{ entityId: A, measure: "第6条", year: 2025, amount: 1_000_000, source: "历史兑现!2" }] },
    );
    expect(result.historyProblems).toEqual([]);
    expect(result.rows[0].status).toBe("ineligible");
    expect(codes(result.rows[0])).toEqual(["already_received"]);
    expect(finals(result.rows)).toEqual(["0.00", "500000.00"]);
  });

  test("a history record 第6条 with 500,000 is the provincial award: M6b is refused, M6a paid", () => {
    const result = settleApplications(
      [
        { entityId: A, year: 2026, measure: "M6b" },
        { entityId: B, year: 2026, measure: "M6a" },
      ],
      {
        history: [
          { entityId: A, measure: "第6条", year: 2025, amount: 500_000, source: "历史兑现!2" },
          { entityId: B, measure: "第6条", year: 2025, amount: 500_000, source: "历史兑现!3" },
        ],
      },
    );
    expect(result.historyProblems).toEqual([]);
    expect(result.rows.map((r) => r.status)).toEqual(["ineligible", "eligible"]);
    expect(codes(result.rows[0])).toEqual(["already_received"]);
    expect(codes(result.rows[1])).toEqual([]);
    expect(finals(result.rows)).toEqual(["0.00", "1000000.00"]);
  });

  test("a 第6条 record whose amount does not tell counts for both parts, and the rows say so", () => {
    const result = settleApplications(
      [
        { entityId: A, year: 2026, measure: "M6a" },
        { entityId: A, year: 2026, measure: "M6b" },
      ],
      { history: [{ entityId: A, measure: "第6条", year: 2025, amount: 700_000, source: "历史兑现!2" }] },
    );
    expect(result.rows.map((r) => r.status)).toEqual(["ineligible", "ineligible"]);
    expect(codes(result.rows[0])).toEqual(["history_two_parts", "already_received"]);
    expect(result.rows[0].reasons[0].en).toContain("历史兑现!2 names “第6条” without its part: counted for both parts");
  });

  test("a 第8条 record uses up both parts' caps", () => {
    const loan = loanEarning(400_000);
    const result = settleApplications(
      [
        { entityId: A, year: 2026, measure: "M8a", facts: { totalInvestment: 9_000_000, loan } },
        { entityId: B, year: 2026, measure: "M8b", facts: { loan } },
      ],
      {
        ...LOAN,
        history: [
          { entityId: A, measure: "第8条", year: 2025, amount: 3_000_000 },
          { entityId: B, measure: "8", amount: 4_800_000 },
        ],
      },
    );
    expect(finals(result.rows)).toEqual(["0.00", "200000.00"]);
    expect(codes(result.rows[0])).toEqual(["history_two_parts", "cap_applied"]);
  });

  test("a later-year row of a one-time measure in the same batch is already_received, naming the first row", () => {
    const result = settleApplications([
      {
        source: "申报!2",
        entityId: A,
        year: 2025,
        measure: "M7",
        facts: { drivenOnlineSales: 60_000_000, investmentLast3Years: 1_000_000 },
      },
      {
        source: "申报!3",
        entityId: A,
        year: 2026,
        measure: "M7",
        facts: { drivenOnlineSales: 60_000_000, investmentLast3Years: 1_000_000 },
      },
    ]);
    expect(finals(result.rows)).toEqual(["500000.00", "0.00"]);
    expect(result.rows[1].status).toBe("ineligible");
    expect(result.rows[1].reasons[0].en).toContain("申报!2 (2025)");
  });

  // Revision 3: one-time per base (entity + project id): the second row must name the same base to share it.
  test("rows of the first year share the award; a second M6a row that year gets 0.00, cap_applied", () => {
    const result = settleApplications([
      { entityId: A, year: 2025, measure: "M6a", source: "r1", projectId: "x" },
      { entityId: A, year: 2025, measure: "M6a", source: "r2", projectId: "x", claimedAmount: 1_000_000 },
    ]);
    expect(finals(result.rows)).toEqual(["1000000.00", "0.00"]);
    expect(codes(result.rows[1])).toEqual(["cap_applied"]);
  });
});

describe("第2条 and 第3条 ask for an applicant of the province", () => {
  test("an out-of-province code makes 第2条 and 第3条 rows manual (amount computed); elsewhere it stays a warning", () => {
    const result = settleApplications(
      [
        { entityId: OUTSIDE, year: 2025, measure: "M2", facts: { totalInvestment: 5_000_000, loan: loanEarning(100_000) } },
        { entityId: OUTSIDE, year: 2026, measure: "M3", facts: { qualified: true, onlineRetailIncrease: 20_000_000 } },
        {
          entityId: OUTSIDE,
          year: 2027,
          measure: "M8b",
          facts: { loan: { ...loanEarning(100_000), startDate: "2026-01-01", endDate: "2026-12-27" } },
        },
      ],
      LOAN,
    );
    expect(result.rows.map((r) => r.status)).toEqual(["manual", "manual", "eligible"]);
    expect(finals(result.rows)).toEqual(["100000.00", "400000.00", "100000.00"]);
    expect(result.rows.map(codes)).toEqual([["out_of_province"], ["out_of_province"], ["out_of_province"]]);
    expect(result.rows[0].reasons[0].en).toMatch(/第2条 is for an e-commerce enterprise of the province/);
    expect(result.rows[2].reasons[0].severity).toBe("warning");
  });
});

describe("LPR: ineligible rows need none; a supplied entry does not vouch for the days before it", () => {
  test("a row below its threshold is ineligible even when its loan starts after the table ends", () => {
    const result = settleApplications([
      {
        entityId: A,
        year: 2026,
        measure: "M5",
        facts: {
          totalInvestment: 500_000,
          loan: { principal: 1_000_000, loanRate: "0.04", startDate: "2026-10-01", endDate: "2027-10-01" },
        },
      },
    ]);
    expect(result.rows[0].status).toBe("ineligible");
    expect(codes(result.rows[0])).toEqual(["below_threshold"]);
  });

  test("an LPR entry dated 2026-09-22 does not answer for 2026-08-20 – 2026-09-21", () => {
    const row = (startDate: string) => ({
      entityId: A,
      year: 2026,
      measure: "M8b",
      facts: { loan: { principal: 1_000_000, loanRate: "0.04", startDate, endDate: "2027-06-01" } },
    });
    const lprEntries = [{ date: "2026-09-22", rate: "0.029" }];
    expect(codes(settleApplications([row("2026-09-01")], { lprEntries }).rows[0])).toEqual(["lpr_unknown"]);
    expect(settleApplications([row("2026-09-22")], { lprEntries }).rows[0].status).toBe("eligible");
  });
});

describe("every screened row says why: explain {zh, en}", () => {
  test("a 贴息 row as the appendix's labelled lines: clause, condition, window, rate, interest, cap, the 不重复 decision, conclusion", () => {
    const json = batchResultToJson(
      settleApplications([
        {
          source: "申报!2",
          entityId: A,
          year: 2025,
          measure: "M1",
          facts: {
            qualified: true,
            totalInvestment: 20_000_000,
            loan: { principal: 50_000_000, loanRate: "0.0345", startDate: "2025-06-01", endDate: "2027-05-31" },
          },
        },
        { source: "申报!3", entityId: A, year: 2025, measure: "M3", facts: { qualified: true, onlineRetailIncrease: 12_000_000 } },
      ]),
    );
    const [m1, m3] = json.rows;
    // Revision 3: from the stand-in issue date 2025-10-23, 70 days of 2025: 50,000,000 × 3% × 70 / 360.
    expect(m1.final).toBe("291666.67");
    // Revision 3's appendix: one labelled line each, the window's last day inclusive, 孰低, formatted amounts.
    expect(m1.explain.zh.split("\n")).toEqual([
      "申报条款：第1条 支持培育优质电商主体（新建引领性项目贷款贴息）",
      "条件：优质电商主体 是；总投资额 20,000,000.00 达到 5,000,000.00，符合",
      "计息区间：2025-10-23 至 2025-12-31（含），70天",
      "适用利率：贷款利率 3.45% 与同期LPR 3.00% 孰低，取 3.00%",
      "贴息额：50,000,000.00 × 3.00% × 70 ÷ 360 = 291,666.67",
      "累计上限：2,000,000.00；已兑现 0.00；本次 291,666.67",
      "从优不重复：与同一企业2025年度的第3条相比，按本条支持",
      "结论：拟支持 291,666.67",
    ]);
    expect(m1.explain.en.split("\n")).toEqual([
      "Clause: 第1条 Quality e-commerce entity: new flagship project (loan interest subsidy)",
      "Condition: quality e-commerce entity yes; total investment 20,000,000.00 at least 5,000,000.00: met",
      "Window: 2025-10-23 to 2025-12-31 (inclusive), 70 days",
      "Rate: loan rate 3.45% vs LPR 3.00%, the lower: 3.00%",
      "Interest: 50,000,000.00 × 3.00% × 70 ÷ 360 = 291,666.67",
      "Cumulative cap: 2,000,000.00; paid 0.00; this row 291,666.67",
      "No duplication: against 第3条 of the entity's 2025 award, this clause is paid",
      "Result: to pay 291,666.67",
    ]);
    expect(m3.explain.en).toContain("goes to 第1条 (申报!2, total 291,666.67)");
    expect(m3.explain.zh).toContain("从优不重复：同一企业2025年度由 第1条（申报!2，合计 291,666.67）支持");
    expect(m3.explain.zh.split("\n").pop()).toBe("结论：从优不重复（按第1条支持）0.00");
    expect(JSON.parse(JSON.stringify(json)).rows[0].explain.zh).toBe(m1.explain.zh);
  });
});
