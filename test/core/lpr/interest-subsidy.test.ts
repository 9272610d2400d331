import { builtInLprTable, withSuppliedLpr } from "../../../core/lpr/lpr-table";
import { computeInterestSubsidy, InterestSubsidyOptions, LoanInput } from "../../../core/lpr/interest-subsidy";
import { InputError, LprUnknownError } from "../../../core/errors/errors";

const base = (overrides: Partial<InterestSubsidyOptions> = {}): InterestSubsidyOptions => ({
  lprMode: "fixed",
  dayCount: 360,
  maxMonths: 36,
  lpr: builtInLprTable(),
  ...overrides,
});

describe("据实贴息: RULES.md worked examples", () => {
  test.each`
    name                                   | principal     | rate        | start           | end             | mode          | days    | expected
    ${"fixed, 729 days at LPR 3.00%"}      | ${10_000_000} | ${"0.0345"} | ${"2025-06-01"} | ${"2027-05-31"} | ${"fixed"}    | ${729}  | ${"607500.00"}
    ${"window cut at 36 months, 3.10%"}    | ${50_000_000} | ${"0.036"}  | ${"2025-01-15"} | ${"2029-01-15"} | ${"fixed"}    | ${1095} | ${"4714583.33"}
    ${"fixed 3.45% of the start date"}     | ${8_000_000}  | ${"0.04"}   | ${"2024-06-01"} | ${"2025-06-01"} | ${"fixed"}    | ${365}  | ${"279833.33"}
    ${"floating across four LPR segments"} | ${8_000_000}  | ${"0.04"}   | ${"2024-06-01"} | ${"2025-06-01"} | ${"floating"} | ${365}  | ${"260200.00"}
  `("$name → $expected", ({ principal, rate, start, end, mode, days, expected }) => {
    const result = computeInterestSubsidy({ principal, loanRate: rate, startDate: start, endDate: end }, base({ lprMode: mode }));
    expect(result.days).toBe(days);
    expect(result.amount.toFixed(2)).toBe(expected);
  });

  test("the 36-month window ends at EDATE(start, 36), exclusive", () => {
    const result = computeInterestSubsidy(
      { principal: 50_000_000, loanRate: "0.036", startDate: "2025-01-15", endDate: "2029-01-15" },
      base(),
    );
    expect(result.windowEnd).toBe("2028-01-15");
    expect(result.windowLimit).toBe("max-months");
    expect(result.segments).toHaveLength(1);
    expect(result.segments[0].appliedRate.toString()).toBe("0.031");
  });

  test("floating segments are 51 d @3.45%, 91 d @3.35%, 211 d @3.10%, 12 d @3.00%", () => {
    const result = computeInterestSubsidy(
      { principal: 8_000_000, loanRate: "0.04", startDate: "2024-06-01", endDate: "2025-06-01" },
      base({ lprMode: "floating" }),
    );
    expect(result.segments.map((s) => [s.days, s.appliedRate.toString()])).toEqual([
      [51, "0.0345"],
      [91, "0.0335"],
      [211, "0.031"],
      [12, "0.03"],
    ]);
  });
});

describe("据实贴息: the rules around the formula", () => {
  test("the applied rate is the loan rate when it is below the LPR", () => {
    // 1,000,000 × 2.5% × 365 / 360 = 25,347.2222… → 25,347.22
    const result = computeInterestSubsidy(
      { principal: 1_000_000, loanRate: "0.025", startDate: "2025-06-01", endDate: "2026-06-01" },
      base(),
    );
    expect(result.amount.toFixed(2)).toBe("25347.22");
  });

  test("actual/365 is an option", () => {
    // 10,000,000 × 3.00% × 729 / 365 = 599,178.0821… → 599,178.08
    const result = computeInterestSubsidy(
      { principal: 10_000_000, loanRate: "0.0345", startDate: "2025-06-01", endDate: "2027-05-31" },
      base({ dayCount: 365 }),
    );
    expect(result.amount.toFixed(2)).toBe("599178.08");
  });

  test("never more than the interest actually paid (据实)", () => {
    const result = computeInterestSubsidy(
      { principal: 10_000_000, loanRate: "0.0345", startDate: "2025-06-01", endDate: "2027-05-31", interestPaid: "500000.005" },
      base(),
    );
    expect(result.limitedByInterestPaid).toBe(true);
    expect(result.amount.toFixed(2)).toBe("500000.01");
    const higher = computeInterestSubsidy(
      { principal: 10_000_000, loanRate: "0.0345", startDate: "2025-06-01", endDate: "2027-05-31", interestPaid: 900_000 },
      base(),
    );
    expect(higher.limitedByInterestPaid).toBe(false);
    expect(higher.amount.toFixed(2)).toBe("607500.00");
  });

  test("a balance schedule splits the window where the balance changes", () => {
    // 2025-06-01..2025-12-01: 183 d × 10,000,000; 2025-12-01..2026-06-01: 182 d × 4,000,000; all at 3.00%.
    // (1,830,000,000 + 728,000,000) × 0.03 / 360 = 213,166.6666… → 213,166.67
    const loan: LoanInput = {
      principal: [
        { date: "2025-12-01", balance: 4_000_000 },
        { date: "2025-06-01", balance: 10_000_000 },
      ],
      loanRate: "0.035",
      startDate: "2025-06-01",
      endDate: "2026-06-01",
    };
    const result = computeInterestSubsidy(loan, base());
    expect(result.segments.map((s) => [s.days, s.balance.toString()])).toEqual([
      [183, "10000000"],
      [182, "4000000"],
    ]);
    expect(result.amount.toFixed(2)).toBe("213166.67");
  });

  test("before the schedule's first date the balance is zero", () => {
    const result = computeInterestSubsidy(
      { principal: [{ date: "2025-07-01", balance: 3_600_000 }], loanRate: "0.04", startDate: "2025-06-01", endDate: "2025-08-01" },
      base(),
    );
    // 31 d × 3,600,000 × 3% / 360 = 9,300.00
    expect(result.amount.toFixed(2)).toBe("9300.00");
  });

  test("the segment count grows with LPR changes and schedule rows, not with days", () => {
    const result = computeInterestSubsidy(
      { principal: 1_000_000, loanRate: "0.05", startDate: "2019-08-20", endDate: "2022-08-20" },
      base({ lprMode: "floating" }),
    );
    expect(result.days).toBe(1096);
    expect(result.segments.length).toBe(7);
  });

  test("award-year window keeps only the award year's days; the slices add up to the whole", () => {
    const loan = { principal: 10_000_000, loanRate: "0.0345", startDate: "2025-06-01", endDate: "2027-05-31" };
    const years = [2025, 2026, 2027].map((year) => computeInterestSubsidy(loan, base({ awardYear: year })));
    expect(years.map((y) => y.days)).toEqual([214, 365, 150]);
    // 2025: 10,000,000 × 3% × 214 / 360 = 178,333.33
    expect(years[0].amount.toFixed(2)).toBe("178333.33");
    expect(years.reduce((sum, y) => sum + y.days, 0)).toBe(729);
    const outside = computeInterestSubsidy(loan, base({ awardYear: 2024 }));
    expect(outside.days).toBe(0);
    expect(outside.amount.toFixed(2)).toBe("0.00");
  });

  test("fixed mode ignores LPR changes after the start date, even supplied ones", () => {
    const loan = { principal: 10_000_000, loanRate: "0.0345", startDate: "2025-06-01", endDate: "2027-05-31" };
    const plain = computeInterestSubsidy(loan, base());
    const extended = computeInterestSubsidy(
      loan,
      base({ lpr: withSuppliedLpr(builtInLprTable(), [{ date: "2025-09-22", rate: "0.02" }]) }),
    );
    expect(extended.amount.toFixed(2)).toBe(plain.amount.toFixed(2));
  });

  test("end date on the start date gives zero days and zero", () => {
    const result = computeInterestSubsidy(
      { principal: 1_000_000, loanRate: "0.04", startDate: "2025-06-01", endDate: "2025-06-01" },
      base(),
    );
    expect(result.days).toBe(0);
    expect(result.amount.toFixed(2)).toBe("0.00");
  });
});

describe("据实贴息: bad input is a typed error naming the field", () => {
  const good = { principal: 1_000_000, loanRate: "0.04", startDate: "2025-06-01", endDate: "2026-06-01" };
  test.each`
    change                         | field             | problem
    ${{ endDate: "2025-05-31" }}   | ${"endDate"}      | ${"range"}
    ${{ loanRate: "3.45" }}        | ${"loanRate"}     | ${"range"}
    ${{ loanRate: -0.01 }}         | ${"loanRate"}     | ${"range"}
    ${{ principal: -1 }}           | ${"principal"}    | ${"range"}
    ${{ principal: "abc" }}        | ${"principal"}    | ${"type"}
    ${{ startDate: "2025-02-30" }} | ${"startDate"}    | ${"type"}
    ${{ interestPaid: -5 }}        | ${"interestPaid"} | ${"range"}
    ${{ principal: [] }}           | ${"principal"}    | ${"missing"}
  `("$change → $problem error on $field", ({ change, field, problem }) => {
    const run = () => computeInterestSubsidy({ ...good, ...change }, base());
    expect(run).toThrow(InputError);
    try {
      run();
    } catch (e) {
      expect((e as InputError).field).toBe(field);
      expect((e as InputError).problem).toBe(problem);
    }
  });

  test("a rate of 3.45 is refused with the hint to write 3.45% or 0.0345", () => {
    expect(() => computeInterestSubsidy({ ...good, loanRate: 3.45 }, base())).toThrow(
      "3.45 looks like percent points: write 3.45% or 0.0345",
    );
  });

  test("an LPR after knownThrough is unknown: the error names the date and how to supply the rate", () => {
    const run = () => computeInterestSubsidy({ ...good, startDate: "2026-09-10", endDate: "2027-05-10" }, base());
    expect(run).toThrow(LprUnknownError);
    expect(run).toThrow(/2026-09-10 is not known .*2019-08-20 to 2026-08-19.*LPR table range.*"LPR" sheet/);
  });

  test("floating mode needs the LPR of every day: the first unknown day is named", () => {
    const run = () => computeInterestSubsidy({ ...good, startDate: "2026-01-01", endDate: "2026-12-31" }, base({ lprMode: "floating" }));
    expect(run).toThrow(/2026-08-20 is not known/);
  });

  test("a date before the table's first entry is unknown too", () => {
    expect(() => computeInterestSubsidy({ ...good, startDate: "2019-08-19", endDate: "2020-08-19" }, base())).toThrow(
      /2019-08-19 is not known/,
    );
  });
});
