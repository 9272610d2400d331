import { computeAward, traceLines } from "../../../core/award";
import { explainAward } from "../../../core/explain";
import { computeInterestSubsidy } from "../../../core/lpr/interest-subsidy";
import { builtInLprTable } from "../../../core/lpr/lpr-table";

const loan = (principal: number, loanRate: string, startDate: string, endDate: string) => ({ principal, loanRate, startDate, endDate });

describe("RULES.md worked examples, award by award", () => {
  // Revision 3: subsidised from the first subsidised day, the later of the loan's start and the draft's stand-in
  // issue date 2025-10-23 (RULES.md "Subsidy period"); the plain loan calculation still counts from the start.
  test("a plain loan calculation: 10,000,000 at 3.45% 2025-06-01 → 2027-05-31, fixed → 607,500.00 (729 days)", () => {
    const result = computeInterestSubsidy(loan(10_000_000, "0.0345", "2025-06-01", "2027-05-31"), {
      lprMode: "fixed",
      dayCount: 360,
      maxMonths: 36,
      lpr: builtInLprTable(),
    });
    expect(result.amount.toFixed(2)).toBe("607500.00");
    expect(result.days).toBe(729);
  });

  test("M1, TI 20,000,000, effectiveFrom 2025-10-23: 585 days → 487,500.00 under the 2,000,000 cap", () => {
    const award = computeAward("M1", {
      qualified: true,
      totalInvestment: 20_000_000,
      loan: loan(10_000_000, "0.0345", "2025-06-01", "2027-05-31"),
    });
    expect(award.status).toBe("eligible");
    expect(award.computed!.toFixed(2)).toBe("487500.00");
    expect(award.cap!.toFixed(2)).toBe("2000000.00");
    expect(award.amount.toFixed(2)).toBe("487500.00");
    expect(award.reasons.map((r) => r.code)).toEqual([]);
    expect(award.clause).toBe("第1条");
    expect(award.citation).toContain("第1条");
    const lines = traceLines(award, "en").join("\n");
    // The window's last day inclusive; the stand-in issue date that moved its start said as assumed.
    expect(lines).toContain("Window: 2025-10-23 to 2027-05-30 (inclusive), 585 days");
    expect(lines).toContain(
      "First day: Assumed in force from 2025-10-23 (the date the draft was published); the issued text's date prevails",
    );
    expect(traceLines(award, "zh")).toContain("起算日：假定自2025-10-23起施行（征求意见稿发布日期），以正式印发日期为准");
    expect(lines).toContain("Rate: loan rate 3.45% vs LPR 3.00%, the lower: 3.00%");
    expect(lines).toContain("Interest: 10,000,000.00 × 3.00% × 585 ÷ 360 = 487,500.00");
    expect(lines).toContain("Cap: 2,000,000.00, not reached");
  });

  test.each`
    year    | days   | amount
    ${2025} | ${70}  | ${"58333.33"}
    ${2026} | ${365} | ${"304166.67"}
    ${2027} | ${150} | ${"125000.00"}
  `("M1 the same loan by award year $year: $days days → $amount (据实贴息 year by year)", ({ year, days, amount }) => {
    const award = computeAward(
      "M1",
      { qualified: true, totalInvestment: 20_000_000, loan: loan(10_000_000, "0.0345", "2025-06-01", "2027-05-31") },
      { year },
    );
    expect(award.amount.toFixed(2)).toBe(amount);
    expect(award.interest?.days ?? days).toBe(days);
    expect(traceLines(award, "en").join("\n")).toContain(`${days} days`);
  });

  test("the by-year amounts add up to the whole window's 487,500.00", () => {
    const facts = { qualified: true, totalInvestment: 20_000_000, loan: loan(10_000_000, "0.0345", "2025-06-01", "2027-05-31") };
    const total = [2025, 2026, 2027].map((year) => computeAward("M1", facts, { year }).amount).reduce((a, b) => a.plus(b));
    expect(total.toFixed(2)).toBe("487500.00");
  });

  test("M1, TI 80,000,000: 3,444,444.44 — 800 days at 3.10% from 2025-10-23, the window cut at the end of the policy period", () => {
    const award = computeAward(1, {
      qualified: true,
      totalInvestment: 80_000_000,
      loan: loan(50_000_000, "0.036", "2025-01-15", "2029-01-15"),
    });
    expect(award.amount.toFixed(2)).toBe("3444444.44");
    expect(award.cap!.toFixed(2)).toBe("10000000.00");
    const lines = traceLines(award, "en").join("\n");
    expect(lines).toContain("Window: 2025-10-23 to 2027-12-31 (inclusive), 800 days (end of the policy period)");
    expect(traceLines(award, "zh")).toContain("计息区间：2025-10-23 至 2027-12-31（含），800天（政策有效期止）");
    expect(lines).toContain("First day: Assumed in force from 2025-10-23");
  });

  test("the same loan by award year 2025: 70 days → 301,388.89", () => {
    const facts = { qualified: true, totalInvestment: 80_000_000, loan: loan(50_000_000, "0.036", "2025-01-15", "2029-01-15") };
    const award = computeAward("M1", facts, { year: 2025 });
    expect(award.amount.toFixed(2)).toBe("301388.89");
    expect(award.interest?.days).toBe(70);
  });

  test("HLJ.LPR_INTEREST's plain loan: 36 months from the start, 1,095 days → 4,714,583.33", () => {
    const result = computeInterestSubsidy(loan(50_000_000, "0.036", "2025-01-15", "2029-01-15"), {
      lprMode: "fixed",
      dayCount: 360,
      maxMonths: 36,
      lpr: builtInLprTable(),
    });
    expect(result.amount.toFixed(2)).toBe("4714583.33");
    expect(result.days).toBe(1095);
  });

  test("36 months count from the first subsidised day: effectiveFrom 2025-01-01 cuts the same loan at 2028-01-01 (1,081 days)", () => {
    const facts = { qualified: true, totalInvestment: 80_000_000, loan: loan(50_000_000, "0.036", "2025-01-15", "2029-01-15") };
    const award = computeAward("M1", facts, { effectiveFrom: "2025-01-01" });
    expect(award.amount.toFixed(2)).toBe("4654305.56");
    expect(award.interest?.days).toBe(1081);
    // 1,081 days, grouped as every count of 1,000 or more; the loan started after the issue date: no 起算日 line.
    expect(traceLines(award, "zh")).toContain("计息区间：2025-01-15 至 2027-12-31（含），1,081天（政策有效期止）");
    expect(traceLines(award, "zh")).toContain("贴息额：50,000,000.00 × 3.10% × 1,081 ÷ 360 = 4,654,305.56");
    expect(traceLines(award, "zh").some((line) => line.startsWith("起算日"))).toBe(false);
    // A later issue date: 2026-03-01 + 36 months is past the policy's end, so 2026-03-01 → 2028-01-01, 671 days.
    const later = computeAward("M1", facts, { effectiveFrom: "2026-03-01" });
    expect(later.interest?.days).toBe(671);
    expect(later.amount.toFixed(2)).toBe("2889027.78");
  });

  test("M1, TI 25,000,000: capped at 2,000,000.00", () => {
    const award = computeAward("第1条", {
      qualified: true,
      totalInvestment: 25_000_000,
      loan: loan(50_000_000, "0.036", "2025-01-15", "2029-01-15"),
    });
    expect(award.computed!.toFixed(2)).toBe("3444444.44");
    expect(award.amount.toFixed(2)).toBe("2000000.00");
    expect(award.reasons.map((r) => r.code)).toEqual(["cap_applied"]);
    expect(traceLines(award, "zh")).toContain("上限：2,000,000.00，核算金额 3,444,444.44 超过上限，按上限");
  });

  test.each`
    mode          | expected
    ${"fixed"}    | ${"279833.33"}
    ${"floating"} | ${"260200.00"}
  `("a plain loan calculation: 8,000,000 at 4.00% 2024-06-01 → 2025-06-01, $mode → $expected", ({ mode, expected }) => {
    const result = computeInterestSubsidy(loan(8_000_000, "0.04", "2024-06-01", "2025-06-01"), {
      lprMode: mode,
      dayCount: 360,
      maxMonths: 36,
      lpr: builtInLprTable(),
    });
    expect(result.amount.toFixed(2)).toBe(expected);
  });

  test("the same loan under 第8条 ended before the stand-in issue date 2025-10-23: nothing to subsidise", () => {
    const award = computeAward("M8b", { loan: loan(8_000_000, "0.04", "2024-06-01", "2025-06-01") });
    expect(award.status).toBe("eligible");
    expect(award.amount.toFixed(2)).toBe("0.00");
    expect(award.reasons.map((r) => r.code)).toEqual(["no_interest_in_window"]);
  });

  test.each`
    mode          | expected
    ${"fixed"}    | ${"115766.67"}
    ${"floating"} | ${"103755.56"}
  `(
    "with effectiveFrom 2025-01-01 it pays its days inside the policy period (151 days of 2025), $mode → $expected",
    ({ mode, expected }) => {
      // fixed: 8,000,000 × 3.45% × 151 / 360; floating: 139 d at 3.10% then 12 d at 3.00%
      const award = computeAward(
        "M8b",
        { loan: loan(8_000_000, "0.04", "2024-06-01", "2025-06-01") },
        { lprMode: mode, effectiveFrom: "2025-01-01" },
      );
      expect(award.amount.toFixed(2)).toBe(expected);
    },
  );

  test("a 2019–2022 loan earns nothing in 2025: eligible, 0.00, no_interest_in_window naming the window", () => {
    const award = computeAward("M8b", { loan: loan(8_000_000, "0.04", "2019-09-01", "2022-09-01") }, { year: 2025 });
    expect(award.status).toBe("eligible");
    expect(award.amount.toFixed(2)).toBe("0.00");
    expect(award.reasons.map((r) => r.code)).toEqual(["no_interest_in_window"]);
    expect(award.reasons[0].en).toMatch(/2019-09-01 to 2022-09-01.*policy period 2025-10-23 – 2027-12-31.*award year 2025/);
    expect(award.reasons[0].zh).not.toMatch(/∩|→/);
    expect(traceLines(award, "zh")).toContain("计息区间：2025年度内无计息天数（贷款 2019-09-01 至 2022-09-01）");
    // …and the same loan as a whole window, without an award year, is cut to the policy period too.
    expect(computeAward("M8b", { loan: loan(8_000_000, "0.04", "2019-09-01", "2022-09-01") }).amount.toFixed(2)).toBe("0.00");
  });

  test.each`
    increase         | status          | amount          | reasons
    ${150_000_000}   | ${"eligible"}   | ${"3000000.00"} | ${[]}
    ${150_000_001}   | ${"eligible"}   | ${"3000000.00"} | ${["cap_applied"]}
    ${"12345678.90"} | ${"eligible"}   | ${"246913.58"}  | ${[]}
    ${10_000_000}    | ${"ineligible"} | ${"0.00"}       | ${["below_threshold"]}
  `("M3 increase $increase → $amount ($status)", ({ increase, status, amount, reasons }) => {
    const award = computeAward("M3", { qualified: true, onlineRetailIncrease: increase });
    expect(award.status).toBe(status);
    expect(award.amount.toFixed(2)).toBe(amount);
    expect(award.reasons.map((r) => r.code)).toEqual(reasons);
  });
});

describe("explain: the appendix's labelled lines", () => {
  const award = computeAward("M1", {
    qualified: true,
    totalInvestment: 25_000_000,
    loan: loan(50_000_000, "0.036", "2025-01-15", "2029-01-15"),
  });
  test("in English: clause, inputs, condition, window, first day, rate, interest, cap, result", () => {
    expect(explainAward(award, "en").split("\n")).toEqual([
      "Clause: 第1条 Quality e-commerce entity: new flagship project (loan interest subsidy)",
      "Inputs: quality e-commerce entity yes; total investment 25,000,000.00; principal 50,000,000.00; loan rate 3.6%; loan 2025-01-15 to 2029-01-15",
      "Condition: quality e-commerce entity yes; total investment 25,000,000.00 at least 5,000,000.00: met",
      "Window: 2025-10-23 to 2027-12-31 (inclusive), 800 days (end of the policy period)",
      "First day: Assumed in force from 2025-10-23 (the date the draft was published); the issued text's date prevails",
      "Rate: loan rate 3.60% vs LPR 3.10%, the lower: 3.10%",
      "Interest: 50,000,000.00 × 3.10% × 800 ÷ 360 = 3,444,444.44",
      "Cap: 2,000,000.00, computed 3,444,444.44 is above it: the cap",
      "Result: eligible, 2,000,000.00",
    ]);
  });
  test("in Chinese", () => {
    expect(explainAward(award, "zh").split("\n")).toEqual([
      "申报条款：第1条 支持培育优质电商主体（新建引领性项目贷款贴息）",
      "输入：优质电商主体 是；总投资额 25,000,000.00；贷款本金 50,000,000.00；贷款利率 3.6%；贷款期限 2025-01-15 至 2029-01-15",
      "条件：优质电商主体 是；总投资额 25,000,000.00 达到 5,000,000.00，符合",
      "计息区间：2025-10-23 至 2027-12-31（含），800天（政策有效期止）",
      "起算日：假定自2025-10-23起施行（征求意见稿发布日期），以正式印发日期为准",
      "适用利率：贷款利率 3.60% 与同期LPR 3.10% 孰低，取 3.10%",
      "贴息额：50,000,000.00 × 3.10% × 800 ÷ 360 = 3,444,444.44",
      "上限：2,000,000.00，核算金额 3,444,444.44 超过上限，按上限",
      "结论：符合条件 2,000,000.00",
    ]);
  });
  test("an ineligible award's conclusion says the deciding condition short", () => {
    const below = computeAward("M3", { qualified: true, onlineRetailIncrease: 10_000_000 });
    expect(explainAward(below, "zh").split("\n").slice(-2)).toEqual([
      "条件：限额以上在统企业 是；年度新增实物网络零售额 10,000,000.00 未超过 10,000,000.00，不符合",
      "结论：不符合条件（年度新增实物网络零售额未超过 1,000万元）0.00",
    ]);
  });
  test("a floating loan: one 贴息额 line per LPR segment, its last day inclusive, and their total", () => {
    const floating = computeAward(
      "M8b",
      { loan: loan(8_000_000, "0.04", "2024-06-01", "2025-06-01") },
      { lprMode: "floating", effectiveFrom: "2025-01-01" },
    );
    const lines = explainAward(floating, "zh").split("\n");
    expect(lines).toContain("贴息额：2025-01-01 至 2025-05-19（含）139天，LPR 3.10%：8,000,000.00 × 3.10% × 139 ÷ 360 = 95,755.56");
    expect(lines).toContain("贴息额：2025-05-20 至 2025-05-31（含）12天，LPR 3.00%：8,000,000.00 × 3.00% × 12 ÷ 360 = 8,000.00");
    expect(lines).toContain("贴息额合计：103,755.56");
    expect(lines).toContain("起算日：自2025-01-01起施行（按选定的施行日期）");
  });
});
