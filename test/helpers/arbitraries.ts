import fc from "fast-check";
import { ApplicationRow, HistoryRecord } from "../../core/rows/types";
import { OptionsInput } from "../../core/options";
import { fromDayNumber, toDayNumber } from "../../core/dates/civil-date";
import { makeUscc } from "./uscc";

/** A small pool, so that entities meet each other under several measures, years and projects. */
/** Companies, and a city government (`11…`, the only applicant 第19条 pays). */
export const ENTITY_POOL = [
  makeUscc(11),
  makeUscc(12, "230600"),
  makeUscc(13, "231000"),
  "91350100M000100Y43",
  makeUscc(14, "230100", "11"),
];

const money = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((fen) => (fen / 100).toFixed(2));
/** Usually present (an applicant's facts), sometimes absent. */
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 15 });
/** Usually absent (claims, other support, interest paid). */
const rare = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
const isoDate = (from: string, to: string) => fc.integer({ min: toDayNumber(from), max: toDayNumber(to) }).map(fromDayNumber);

export const loanArb = fc
  .record({
    principal: fc.oneof({ weight: 20, arbitrary: money(60_000_000) }, { weight: 1, arbitrary: fc.constantFrom("-1", "abc") }),
    loanRate: fc.oneof(
      { weight: 2, arbitrary: fc.constant("0") },
      { weight: 20, arbitrary: fc.integer({ min: 10, max: 700 }).map((bp) => (bp / 10_000).toString()) },
      { weight: 1, arbitrary: fc.constant("3.45") },
    ),
    startDate: isoDate("2019-06-01", "2026-04-30"),
    months: fc.integer({ min: -1, max: 60 }),
    interestPaid: rare(money(3_000_000)),
  })
  .map(({ months, ...loan }) => ({ ...loan, endDate: fromDayNumber(toDayNumber(loan.startDate) + Math.round(months * 30.4)) }));

export const rowArb: fc.Arbitrary<ApplicationRow> = fc.record(
  {
    entityId: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...ENTITY_POOL) },
      { weight: 1, arbitrary: fc.constantFrom("", "91230100MA0000001X", "abc") },
    ),
    year: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 2025, max: 2027 }) }, { weight: 1, arbitrary: fc.constantFrom(2024, 2028) }),
    measure: fc.constantFrom(
      "M1",
      "1",
      "第2条",
      "M3",
      "M3",
      "4a",
      "4(2)",
      "5",
      "M6a",
      "6b",
      "7",
      "8a",
      "M8b",
      "14",
      "19",
      "9",
      "第13条",
      "M21",
    ),
    projectId: maybe(fc.constantFrom("P1", "P2", "P3")),
    facts: fc.record({
      qualified: maybe(fc.boolean()),
      totalInvestment: maybe(money(80_000_000)),
      loan: maybe(loanArb),
      onlineRetailIncrease: maybe(fc.integer({ min: -20_000_000, max: 300_000_000 }).map(String)),
      importExport: maybe(money(20_000_000)),
      firstTime: maybe(fc.boolean()),
      eligibleCosts: maybe(money(2_000_000)),
      drivenOnlineSales: maybe(money(100_000_000)),
      investmentLast3Years: maybe(money(5_000_000)),
      approvedAmount: maybe(money(2_000_000)),
    }),
    claimedAmount: rare(money(5_000_000)),
    otherProvincialSupport: rare(money(2_000_000)),
  },
  { requiredKeys: ["entityId", "year", "measure", "facts"] },
);

/** Awards already paid; some name their project (项目名称: a one-time award refused for that project only). */
export const historyArb: fc.Arbitrary<HistoryRecord> = fc.record(
  {
    entityId: fc.constantFrom(...ENTITY_POOL),
    measure: fc.constantFrom("M1", "M2", "M3", "M4a", "M4b", "M5", "M6a", "M6b", "M7", "M8a", "M8b", "M19"),
    year: fc.integer({ min: 2024, max: 2027 }),
    amount: money(3_000_000),
    projectId: fc.constantFrom("P1", "P2", " P3 "),
    // The paid project's 总投资额 (第1条's tier, RULES.md revision 3), often absent: then against both limits.
    totalInvestment: fc.constantFrom("8000000", "30000000", "30000000.01", "45000000"),
  },
  { requiredKeys: ["entityId", "measure", "year", "amount"] },
);

export const optionsArb: fc.Arbitrary<OptionsInput> = fc.record({
  lprMode: fc.constantFrom("fixed" as const, "floating" as const),
  dayCount: fc.constantFrom(360, 365),
  dedupScope: fc.constantFrom("entity-year" as const, "entity-project" as const),
  otherSupport: fc.constantFrom("top-up" as const, "exclude" as const),
  interestWindow: fc.constantFrom("loan" as const, "award-year" as const),
  // The set's stand-in issue date, or another (RULES.md revision 3: the window starts on it).
  effectiveFrom: fc.option(fc.constantFrom("2025-01-01", "2025-06-15", "2025-10-24", "2026-02-28"), { nil: undefined }),
});
