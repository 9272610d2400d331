import { computeAward, traceLines } from "../../../core/award";
import { explainAward } from "../../../core/explain";

const loan = (principal: number, loanRate: string, startDate: string, endDate: string) => ({ principal, loanRate, startDate, endDate });

describe("RULES.md worked examples, award by award", () => {
  test("M1, TI 20,000,000: 607,500.00 under the 2,000,000 cap", () => {
    const award = computeAward("M1", {
      qualified: true,
      totalInvestment: 20_000_000,
      loan: loan(10_000_000, "0.0345", "2025-06-01", "2027-05-31"),
    });
    expect(award.status).toBe("eligible");
    expect(award.computed!.toFixed(2)).toBe("607500.00");
    expect(award.cap!.toFixed(2)).toBe("2000000.00");
    expect(award.amount.toFixed(2)).toBe("607500.00");
    expect(award.reasons.map((r) => r.code)).toEqual([]);
    expect(award.clause).toBe("第1条");
    expect(award.citation).toContain("第1条");
    const lines = traceLines(award, "en").join("\n");
    expect(lines).toMatch(/729 days/);
    expect(lines).toMatch(/LPR fixed at 3% \(in force on the start date 2025-06-01, effective 2025-05-20\)/);
    expect(lines).toMatch(/cap 2,000,000.00 .* not reached/);
  });

  test("M1, TI 80,000,000: 4,714,583.33 under the 10,000,000 cap", () => {
    const award = computeAward(1, {
      qualified: true,
      totalInvestment: 80_000_000,
      loan: loan(50_000_000, "0.036", "2025-01-15", "2029-01-15"),
    });
    expect(award.amount.toFixed(2)).toBe("4714583.33");
    expect(award.cap!.toFixed(2)).toBe("10000000.00");
  });

  test("M1, TI 25,000,000: capped at 2,000,000.00", () => {
    const award = computeAward("第1条", {
      qualified: true,
      totalInvestment: 25_000_000,
      loan: loan(50_000_000, "0.036", "2025-01-15", "2029-01-15"),
    });
    expect(award.computed!.toFixed(2)).toBe("4714583.33");
    expect(award.amount.toFixed(2)).toBe("2000000.00");
    expect(award.reasons.map((r) => r.code)).toEqual(["cap_applied"]);
    expect(traceLines(award, "zh").join("\n")).toMatch(/上限 2,000,000.00.*适用/);
  });

  test.each`
    mode          | expected
    ${"fixed"}    | ${"279833.33"}
    ${"floating"} | ${"260200.00"}
  `("8,000,000 at 4.00% 2024-06-01 → 2025-06-01, $mode → $expected", ({ mode, expected }) => {
    const award = computeAward("M8b", { loan: loan(8_000_000, "0.04", "2024-06-01", "2025-06-01") }, { lprMode: mode });
    expect(award.amount.toFixed(2)).toBe(expected);
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
    expect(line).toContain("LPR (fixed) 3.1%, 1095 days 2025-01-15 → 2028-01-15");
    expect(line).toContain("cap 2,000,000.00 applied");
    expect(line).toMatch(/result 2,000,000.00 \(eligible\)$/);
    expect(line).not.toContain("\n");
  });
  test("in Chinese", () => {
    const line = explainAward(award, "zh");
    expect(line).toContain("同期LPR 3.1%，1095天");
    expect(line).toContain("上限 2,000,000.00（已适用）");
    expect(line).toMatch(/结果 2,000,000.00/);
  });
});
