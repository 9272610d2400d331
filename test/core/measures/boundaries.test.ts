import { computeAward } from "../../../core/award";
import { ApplicationFacts } from "../../../core/measures/types";
import { Decimal } from "../../../core/money/money";
import { makeUscc } from "../../helpers/uscc";

/**
 * Every threshold at −0.01, at the threshold, at +0.01; every cap reached exactly and passed.
 * "超过" is strict (>), "达到" and "至…(含)" inclusive (≥). A loan of 1,200,000 at 3.00% for 360 days
 * earns exactly 36,000.00, so interest measures are easy to check by hand.
 */
// 360 days from 2025-11-01, after the draft's stand-in issue date 2025-10-23 (the first subsidised day).
const smallLoan = { principal: 1_200_000, loanRate: "0.035", startDate: "2025-11-01", endDate: "2026-10-27" };
const interest360 = "36000.00"; // 1,200,000 × 3% × 360 / 360
/** A city government's credit code (registering authority 1, kind 1: 机关). */
const GOVERNMENT = makeUscc(1, "230100", "11");

const cents = (value: number, delta: string) => new Decimal(value).plus(delta).toString();

type Case = [
  label: string,
  measure: string,
  facts: (value: string) => ApplicationFacts,
  threshold: number,
  inclusive: boolean,
  amountAbove: (value: string) => string,
];

const thresholdCases: Case[] = [
  [
    "M1 total investment 500万 (含)",
    "M1",
    (v) => ({ qualified: true, totalInvestment: v, loan: smallLoan }),
    5_000_000,
    true,
    () => interest360,
  ],
  ["M2 total investment > 300万", "M2", (v) => ({ totalInvestment: v, loan: smallLoan }), 3_000_000, false, () => interest360],
  [
    "M3 increase > 1000万",
    "M3",
    (v) => ({ qualified: true, onlineRetailIncrease: v }),
    10_000_000,
    false,
    (v) => new Decimal(v).times("0.02").toFixed(2),
  ],
  [
    "M4a import+export 达到 500万",
    "M4a",
    (v) => ({ importExport: v, firstTime: true, eligibleCosts: 300_000 }),
    5_000_000,
    true,
    () => "150000.00",
  ],
  [
    "M4b import+export 达到 1000万",
    "M4b",
    (v) => ({ importExport: v, firstTime: true, eligibleCosts: 300_000 }),
    10_000_000,
    true,
    () => "150000.00",
  ],
  ["M5 total investment > 100万", "M5", (v) => ({ totalInvestment: v, loan: smallLoan }), 1_000_000, false, () => interest360],
  [
    "M7 driven sales > 5000万",
    "M7",
    (v) => ({ drivenOnlineSales: v, investmentLast3Years: 1_500_000 }),
    50_000_000,
    false,
    () => "750000.00",
  ],
  ["M8a total investment > 500万", "M8a", (v) => ({ totalInvestment: v, loan: smallLoan }), 5_000_000, false, () => interest360],
];

describe.each(thresholdCases)("%s", (_label, measure, facts, threshold, inclusive, amountAbove) => {
  test("threshold − 0.01 is not eligible", () => {
    const award = computeAward(measure, facts(cents(threshold, "-0.01")));
    expect(award.status).toBe("ineligible");
    expect(award.amount.toFixed(2)).toBe("0.00");
    expect(award.reasons.map((r) => r.code)).toContain("below_threshold");
  });
  test(`at the threshold: ${inclusive ? "eligible (inclusive)" : "not eligible (must exceed)"}`, () => {
    const award = computeAward(measure, facts(String(threshold)));
    expect(award.status).toBe(inclusive ? "eligible" : "ineligible");
    expect(award.amount.toFixed(2)).toBe(inclusive ? amountAbove(String(threshold)) : "0.00");
  });
  test("threshold + 0.01 is eligible", () => {
    const value = cents(threshold, "0.01");
    const award = computeAward(measure, facts(value));
    expect(award.status).toBe("eligible");
    expect(award.amount.toFixed(2)).toBe(amountAbove(value));
  });
});

describe("M1's cap depends on total investment: 200万 up to 3000万 (含), 1000万 above", () => {
  const bigLoan = { principal: 200_000_000, loanRate: "0.05", startDate: "2025-06-01", endDate: "2028-06-01" };
  test.each`
    ti               | cap
    ${"29999999.99"} | ${"2000000.00"}
    ${30_000_000}    | ${"2000000.00"}
    ${"30000000.01"} | ${"10000000.00"}
  `("TI $ti → cap $cap", ({ ti, cap }) => {
    const award = computeAward("M1", { qualified: true, totalInvestment: ti, loan: bigLoan });
    expect(award.cap!.toFixed(2)).toBe(cap);
    expect(award.amount.toFixed(2)).toBe(cap);
    expect(award.reasons.map((r) => r.code)).toEqual(["cap_applied"]);
  });
});

/** Principal that earns exactly `amount` over 360 days at 3.00%: amount / 0.03. */
const loanEarning = (amount: Decimal) => ({
  principal: amount.dividedBy("0.03").toString(),
  loanRate: "0.04",
  startDate: "2025-11-01",
  endDate: "2026-10-27",
});

describe.each`
  measure  | facts                                               | cap
  ${"M1"}  | ${{ qualified: true, totalInvestment: 20_000_000 }} | ${2_000_000}
  ${"M2"}  | ${{ totalInvestment: 20_000_000 }}                  | ${2_000_000}
  ${"M5"}  | ${{ totalInvestment: 20_000_000 }}                  | ${1_000_000}
  ${"M8a"} | ${{ totalInvestment: 20_000_000 }}                  | ${3_000_000}
  ${"M8b"} | ${{}}                                               | ${5_000_000}
`("$measure interest cap $cap", ({ measure, facts, cap }) => {
  test("a subsidy exactly at the cap is paid in full, no cap reason", () => {
    const award = computeAward(measure, { ...facts, loan: loanEarning(new Decimal(cap)) });
    expect(award.computed!.toFixed(2)).toBe(new Decimal(cap).toFixed(2));
    expect(award.amount.toFixed(2)).toBe(new Decimal(cap).toFixed(2));
    expect(award.reasons).toEqual([]);
  });
  test("a subsidy 0.01 past the cap is cut to the cap", () => {
    const award = computeAward(measure, { ...facts, loan: loanEarning(new Decimal(cap).plus("0.01")) });
    expect(award.computed!.toFixed(2)).toBe(new Decimal(cap).plus("0.01").toFixed(2));
    expect(award.amount.toFixed(2)).toBe(new Decimal(cap).toFixed(2));
    expect(award.reasons.map((r) => r.code)).toEqual(["cap_applied"]);
  });
});

describe.each`
  measure  | facts                                                                               | base                      | rate      | cap
  ${"M3"}  | ${(v: string) => ({ qualified: true, onlineRetailIncrease: v })}                    | ${"onlineRetailIncrease"} | ${"0.02"} | ${3_000_000}
  ${"M4a"} | ${(v: string) => ({ importExport: 6_000_000, firstTime: true, eligibleCosts: v })}  | ${"eligibleCosts"}        | ${"0.5"}  | ${500_000}
  ${"M4b"} | ${(v: string) => ({ importExport: 12_000_000, firstTime: true, eligibleCosts: v })} | ${"eligibleCosts"}        | ${"0.5"}  | ${500_000}
  ${"M7"}  | ${(v: string) => ({ drivenOnlineSales: 60_000_000, investmentLast3Years: v })}      | ${"investmentLast3Years"} | ${"0.5"}  | ${1_000_000}
`("$measure cap $cap ($rate × $base)", ({ measure, facts, rate, cap }) => {
  test("exactly at the cap", () => {
    const base = new Decimal(cap).dividedBy(rate).toString();
    const award = computeAward(measure, facts(base));
    expect(award.amount.toFixed(2)).toBe(new Decimal(cap).toFixed(2));
    expect(award.reasons).toEqual([]);
  });
  test("past the cap", () => {
    const base = new Decimal(cap).plus("0.01").dividedBy(rate).toString();
    const award = computeAward(measure, facts(base));
    expect(award.computed!.toFixed(2)).toBe(new Decimal(cap).plus("0.01").toFixed(2));
    expect(award.amount.toFixed(2)).toBe(new Decimal(cap).toFixed(2));
    expect(award.reasons.map((r) => r.code)).toEqual(["cap_applied"]);
  });
});

describe("fixed awards", () => {
  test.each`
    measure   | amount
    ${"M6a"}  | ${"1000000.00"}
    ${"6(2)"} | ${"500000.00"}
    ${"M19"}  | ${"1000000.00"}
  `("$measure pays $amount, which is also its cap", ({ measure, amount }) => {
    // 第19条 pays a city government: a credit code of a government organ (11…).
    const award = computeAward(measure, { applicantId: GOVERNMENT });
    expect(award.status).toBe("eligible");
    expect(award.amount.toFixed(2)).toBe(amount);
    expect(award.cap!.toFixed(2)).toBe(amount);
    expect(award.capScope).toBe("entity-lifetime");
  });
});

describe("第19条 pays the city government (市(地)政府(行署)) only", () => {
  test("a company (91…) is ineligible, not_government, naming its code", () => {
    const award = computeAward("M19", { applicantId: "91350100M000100Y43" });
    expect(award.status).toBe("ineligible");
    expect(award.amount.toFixed(2)).toBe("0.00");
    expect(award.computed!.toFixed(2)).toBe("0.00");
    expect(award.reasons.map((r) => r.code)).toEqual(["not_government"]);
    expect(award.reasons[0].zh).toContain("91350100M000100Y43");
    expect(award.reasons[0].zh).toContain("市（地）政府（行署）");
    expect(award.reasons[0].en).toContain("does not start with 11");
  });
  test("a government organ (11…) is paid 1,000,000.00", () => {
    const award = computeAward("M19", { applicantId: GOVERNMENT });
    expect(award.status).toBe("eligible");
    expect(award.amount.toFixed(2)).toBe("1000000.00");
  });
  test("without the applicant's code it is a missing_field error, not a guess", () => {
    const award = computeAward("M19", {});
    expect(award.status).toBe("error");
    expect(award.reasons[0]).toMatchObject({ code: "missing_field", field: "entityId" });
  });
});

describe("qualification and first-time facts", () => {
  test("M1 without the quality-entity flag is not eligible", () => {
    const award = computeAward("M1", { qualified: false, totalInvestment: 20_000_000, loan: smallLoan });
    expect(award.status).toBe("ineligible");
    expect(award.reasons.map((r) => r.code)).toEqual(["not_qualified"]);
  });
  test("M3 for an enterprise not above designated size", () => {
    const award = computeAward("M3", { qualified: false, onlineRetailIncrease: 20_000_000 });
    expect(award.reasons.map((r) => r.code)).toEqual(["not_above_size"]);
  });
  test("M3: a decline earns 0, not an error", () => {
    const award = computeAward("M3", { qualified: true, onlineRetailIncrease: -5_000_000 });
    expect(award.status).toBe("ineligible");
    expect(award.amount.toFixed(2)).toBe("0.00");
  });
  test("M4a when the threshold was reached before", () => {
    const award = computeAward("M4a", { importExport: 6_000_000, firstTime: false, eligibleCosts: 100_000 });
    expect(award.reasons.map((r) => r.code)).toEqual(["not_first_time"]);
  });
  test.each`
    measure  | facts                                               | field
    ${"M1"}  | ${{ totalInvestment: 20_000_000, loan: smallLoan }} | ${"qualified"}
    ${"M3"}  | ${{ onlineRetailIncrease: 20_000_000 }}             | ${"qualified"}
    ${"M4a"} | ${{ importExport: 6_000_000, eligibleCosts: 1 }}    | ${"firstTime"}
    ${"M2"}  | ${{ loan: smallLoan }}                              | ${"totalInvestment"}
    ${"M8b"} | ${{ loan: { ...smallLoan, loanRate: null } }}       | ${"loanRate"}
    ${"M7"}  | ${{ drivenOnlineSales: 60_000_000 }}                | ${"investmentLast3Years"}
  `("$measure without $field is a missing_field error, not a guess", ({ measure, facts, field }) => {
    const award = computeAward(measure, facts);
    expect(award.status).toBe("error");
    expect(award.reasons[0]).toMatchObject({ code: "missing_field", field });
    expect(award.failure?.kind).toBe("input");
  });
});

describe("第14条 and the measures without cash", () => {
  test("M14 is always manual, carrying the approved amount", () => {
    expect(computeAward("M14", { approvedAmount: 123_456.78 })).toMatchObject({ status: "manual" });
    expect(computeAward("M14", { approvedAmount: 123_456.78 }).amount.toFixed(2)).toBe("123456.78");
    const pending = computeAward("M14", {});
    expect(pending.status).toBe("manual");
    expect(pending.amount.toFixed(2)).toBe("0.00");
    expect(pending.reasons.map((r) => r.code)).toEqual(["manual_review"]);
  });
  test("第18条 (export credit insurance) is always manual, carrying the approved amount, like 第14条", () => {
    const approved = computeAward("第18条", { approvedAmount: 80_000 });
    expect(approved).toMatchObject({ status: "manual", measure: "M18" });
    expect(approved.amount.toFixed(2)).toBe("80000.00");
    expect(approved.reasons[0].zh).toBe("第18条对投保短期出口信用保险的支持核定：80,000.00");
    const pending = computeAward("M18", {});
    expect(pending.status).toBe("manual");
    expect(pending.amount.toFixed(2)).toBe("0.00");
    expect(pending.computed).toBeNull();
    expect(pending.reasons.map((r) => r.code)).toEqual(["manual_review"]);
    expect(pending.reasons[0].zh).toContain("尚无核定金额");
  });
  test.each(["9", "M10", "第11条", "12", "13", "15", "16", "17", "20"])("%s is not_cash with the clause's title", (measure) => {
    const award = computeAward(measure, {});
    expect(award.status).toBe("not_cash");
    expect(award.amount.toFixed(2)).toBe("0.00");
    expect(award.computed).toBeNull();
    expect(award.reasons[0].code).toBe("not_cash");
    expect(award.reasons[0].zh).toContain(award.title.zh);
    expect(award.reasons[0].zh).toContain("本条未设省级资金奖补");
  });
});
