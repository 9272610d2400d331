import { computeAward, formatYuan } from "../../../core";
import { DEFAULTS, factsOf, formulaFor, loanByYear, plain, tidy } from "../../../addin/taskpane/ui/helper/helper-model";

// Issue 19: the function helper formats its numbers and prices a loan year by year as screening pays it — with
// the core's own functions (computeAward with the award year, as HLJ.INTEREST_SUBSIDY's awardYear argument).
const loan = { ...DEFAULTS, principal: "12,000,000.00", loanRate: "3.45", startDate: "2025-06-01", endDate: "2027-05-31" };

describe("the function helper's numbers", () => {
  test("amounts read as the core reads a cell, and are shown with separators and two decimals", () => {
    expect(plain("12,000,000.00")).toBe("12000000");
    expect(plain("１２３４.５")).toBe("1234.5");
    expect(plain("abc")).toBe("abc");
    expect(tidy("principal", "12000000")).toBe("12,000,000.00");
    expect(tidy("principal", "12345678.9")).toBe("12,345,678.90");
    expect(tidy("principal", "abc")).toBe("abc");
    expect(tidy("loanRate", "3.45")).toBe("3.45");
    expect(tidy("startDate", " 2025-06-01 ")).toBe("2025-06-01");
  });

  test("the facts and the formula take the plain numbers; the rate in percent points becomes a fraction", () => {
    const facts = factsOf(loan, true);
    expect(facts.loan).toEqual({ principal: "12000000", loanRate: "0.0345", startDate: "2025-06-01", endDate: "2027-05-31" });
    expect(formulaFor("M1", loan, true)).toBe('=HLJ.INTEREST_SUBSIDY("M1",20000000,12000000,3.45%,DATE(2025,6,1),DATE(2027,5,31))');
    expect(formulaFor("M1", loan, true, 2026)).toBe(
      '=HLJ.INTEREST_SUBSIDY("M1",20000000,12000000,3.45%,DATE(2025,6,1),DATE(2027,5,31),,,,,2026)',
    );
  });
});

describe("a loan year by year", () => {
  test("a loan over 2025–2027 has each award year's subsidy, as computeAward with the year gives it", () => {
    const years = loanByYear("M1", loan, true, {});
    expect(years.map((y) => y.year)).toEqual([2025, 2026, 2027]);
    for (const y of years) {
      const expected = computeAward("M1", factsOf(loan, true), { interestWindow: "award-year", year: y.year });
      expect(formatYuan(y.award.amount)).toBe(formatYuan(expected.amount));
      expect(y.formula).toMatch(new RegExp(`,${y.year}\\)$`));
    }
    // 2025 starts at the issue date (2025-10-23): less than a full year's interest; 2026 is a whole year.
    expect(years[0].award.amount.lessThan(years[1].award.amount)).toBe(true);
    expect(years[1].award.amount.isZero()).toBe(false);
  });

  test("no years for a measure that is not a loan, or for dates not yet valid", () => {
    expect(loanByYear("M3", loan, true, {})).toEqual([]);
    expect(loanByYear("M1", { ...loan, endDate: "2027-5" }, true, {})).toEqual([]);
  });
});
