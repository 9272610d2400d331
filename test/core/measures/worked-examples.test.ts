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
    expect(lines).toMatch(/window 2025-10-23 → 2027-05-31 \(exclusive\).*585 days/);
    expect(lines).toContain("Assumed in force from 2025-10-23 (the date the draft was published); the issued text's date prevails");
    expect(traceLines(award, "zh").join("\n")).toContain("假定自2025-10-23起施行（征求意见稿发布日期），以正式印发日期为准");
    expect(lines).toMatch(/LPR fixed at 3% \(in force on the start date 2025-06-01, effective 2025-05-20\)/);
    expect(lines).toMatch(/cap 2,000,000.00 .* not reached/);
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
    expect(lines).toContain("window 2025-10-23 → 2028-01-01 (exclusive)");
    expect(lines).toContain("800 days");
    expect(lines).toContain("policy period 2025-10-23 – 2027-12-31 (Assumed in force from 2025-10-23");
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
    expect(traceLines(award, "en").join("\n")).toContain(
      "policy period 2025-01-01 – 2027-12-31 (in force from 2025-01-01 (option effectiveFrom))",
    );
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
    expect(traceLines(award, "zh").join("\n")).toMatch(/上限 2,000,000.00.*适用/);
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
    expect(award.reasons[0].en).toMatch(/2019-09-01 → 2022-09-01.*policy period 2025-10-23 – 2027-12-31.*award year 2025/);
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

describe("explain: one readable line", () => {
  const award = computeAward("M1", {
    qualified: true,
    totalInvestment: 25_000_000,
    loan: loan(50_000_000, "0.036", "2025-01-15", "2029-01-15"),
  });
  test("in English: measure, clause, inputs, LPR and days, cap, result", () => {
    const line = explainAward(award, "en");
    expect(line).toMatch(/^M1 第1条 /);
    expect(line).toContain(
      "inputs: quality e-commerce entity yes; total investment 25,000,000.00; principal 50,000,000.00; loan rate 3.6%",
    );
    expect(line).toContain("LPR (fixed) 3.1%, 800 days 2025-10-23 → 2028-01-01");
    expect(line).toContain("Assumed in force from 2025-10-23 (the date the draft was published); the issued text's date prevails");
    expect(line).toContain("cap 2,000,000.00 applied");
    expect(line).toMatch(/result 2,000,000.00 \(eligible\)$/);
    expect(line).not.toContain("\n");
  });
  test("in Chinese", () => {
    const line = explainAward(award, "zh");
    expect(line).toContain("同期LPR 3.1%，800天");
    expect(line).toContain("假定自2025-10-23起施行（征求意见稿发布日期），以正式印发日期为准");
    expect(line).toContain("上限 2,000,000.00（已适用）");
    expect(line).toMatch(/结果 2,000,000.00/);
  });
});
