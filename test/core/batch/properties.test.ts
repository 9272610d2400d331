import fc from "fast-check";
import { resolveBatch } from "../../../core/batch/resolve";
import { Decimal, ZERO } from "../../../core/money/money";
import { computeInterestSubsidy } from "../../../core/lpr/interest-subsidy";
import { builtInLprTable, withSuppliedLpr } from "../../../core/lpr/lpr-table";
import { getParameterSet, measureParams } from "../../../core/policy/registry";
import { MeasureId } from "../../../core/measures/measure-id";
import { parseMeasureId } from "../../../core/measures/measure-id";
import { normaliseUscc } from "../../../core/uscc/uscc";
import { fromDayNumber, toDayNumber } from "../../../core/dates/civil-date";
import { historyArb, optionsArb, rowArb } from "../../helpers/arbitraries";

const RUNS = { numRuns: 1000 };
const batchArb = fc.record({
  rows: fc.array(rowArb, { maxLength: 14 }),
  history: fc.array(historyArb, { maxLength: 4 }),
  options: optionsArb,
});
const policy = getParameterSet();

describe("properties of the batch resolver (fast-check, 1,000 runs each)", () => {
  test("every input row has exactly one result, in input order", () => {
    fc.assert(
      fc.property(batchArb, ({ rows, history, options }) => {
        const sourced = rows.map((row, i) => ({ ...row, source: `S!${i + 2}` }));
        const result = resolveBatch(sourced, { ...options, history });
        expect(result.rows.map((r) => r.source)).toEqual(sourced.map((r) => r.source));
        expect(result.rows.map((r) => r.index)).toEqual(sourced.map((_, i) => i));
        expect(result.totals.rows).toBe(rows.length);
      }),
      RUNS,
    );
  });

  test("final ≥ 0, and only eligible or manual rows are paid", () => {
    fc.assert(
      fc.property(batchArb, ({ rows, history, options }) => {
        for (const row of resolveBatch(rows, { ...options, history }).rows) {
          expect(row.final.isNegative()).toBe(false);
          if (!["eligible", "manual"].includes(row.status)) expect(row.final.isZero()).toBe(true);
          expect(row.final.decimalPlaces()).toBeLessThanOrEqual(2);
        }
      }),
      RUNS,
    );
  });

  test("finals never exceed the applicable cap after history", () => {
    fc.assert(
      fc.property(batchArb, ({ rows, history, options }) => {
        const result = resolveBatch(rows, { ...options, history });
        const groups = new Map<string, { paid: Decimal; cap: Decimal; history: Decimal }>();
        const keyOf = (entity: string, measure: MeasureId, year: number | null) =>
          measureParams(policy, measure).cap?.scope === "entity-year" ? `${entity}|${measure}|${year}` : `${entity}|${measure}`;
        for (const row of result.rows) {
          if (!row.measure || row.cap === null) continue;
          const key = keyOf(row.entityId, row.measure, row.year);
          const group = groups.get(key) ?? { paid: ZERO, cap: ZERO, history: ZERO };
          group.paid = group.paid.plus(row.final);
          group.cap = Decimal.max(group.cap, row.cap);
          groups.set(key, group);
        }
        for (const h of history) {
          const measure = parseMeasureId(h.measure);
          const group = groups.get(keyOf(normaliseUscc(h.entityId), measure, h.year ?? null));
          if (group) group.history = group.history.plus(h.amount);
        }
        for (const group of groups.values()) {
          expect(group.paid.lessThanOrEqualTo(Decimal.max(ZERO, group.cap.minus(group.history)))).toBe(true);
        }
      }),
      RUNS,
    );
  });

  test("under entity-year, at most one measure with a non-zero final per entity and year", () => {
    fc.assert(
      fc.property(batchArb, ({ rows, history, options }) => {
        const result = resolveBatch(rows, { ...options, history, dedupScope: "entity-year" });
        const paying = new Map<string, Set<string>>();
        for (const row of result.rows) {
          if (row.final.isZero()) continue;
          const key = `${row.entityId}|${row.year}`;
          paying.set(key, (paying.get(key) ?? new Set()).add(row.measure!));
        }
        for (const measures of paying.values()) expect(measures.size).toBe(1);
      }),
      RUNS,
    );
  });

  test("totals equal the sum of row finals exactly, and every breakdown adds up to it", () => {
    fc.assert(
      fc.property(batchArb, ({ rows, history, options }) => {
        const result = resolveBatch(rows, { ...options, history });
        const sum = result.rows.reduce((acc, row) => acc.plus(row.final), ZERO);
        expect(result.totals.final.equals(sum)).toBe(true);
        for (const table of [result.totals.byMeasure, result.totals.byStatus, result.totals.byCity]) {
          const lines = Object.values(table);
          expect(lines.reduce((acc, l) => acc.plus(l.final), ZERO).equals(sum)).toBe(true);
          expect(lines.reduce((acc, l) => acc + l.rows, 0)).toBe(rows.length);
        }
        // the same sum in binary floats would drift; the decimal total has at most two decimals
        expect(result.totals.final.decimalPlaces()).toBeLessThanOrEqual(2);
      }),
      RUNS,
    );
  });
});

describe("properties of the interest subsidy (fast-check, 1,000 runs each)", () => {
  const loanArb = fc.record({
    principal: fc.integer({ min: 0, max: 100_000_000 }),
    loanRate: fc.integer({ min: 0, max: 800 }).map((bp) => bp / 10_000),
    start: fc.integer({ min: toDayNumber("2019-08-20"), max: toDayNumber("2026-04-19") }),
    days: fc.integer({ min: 0, max: 2000 }),
  });

  test("a fixed-mode subsidy does not change when LPR entries after the loan's start date change", () => {
    fc.assert(
      fc.property(
        loanArb,
        fc.array(fc.record({ offset: fc.integer({ min: 1, max: 3000 }), bp: fc.integer({ min: 0, max: 1000 }) }), {
          minLength: 1,
          maxLength: 6,
        }),
        (loan, changes) => {
          const startDate = fromDayNumber(loan.start);
          const input = { principal: loan.principal, loanRate: loan.loanRate, startDate, endDate: fromDayNumber(loan.start + loan.days) };
          const options = { lprMode: "fixed" as const, dayCount: 360, maxMonths: 36 };
          const plain = computeInterestSubsidy(input, { ...options, lpr: builtInLprTable() });
          const supplied = changes.map((c) => ({ date: fromDayNumber(loan.start + c.offset), rate: (c.bp / 10_000).toString() }));
          const changed = computeInterestSubsidy(input, { ...options, lpr: withSuppliedLpr(builtInLprTable(), supplied) });
          expect(changed.amount.equals(plain.amount)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  test("segments add up to the window, and the subsidy never exceeds loan-rate interest or interest paid", () => {
    fc.assert(
      fc.property(
        loanArb,
        fc.constantFrom("fixed" as const, "floating" as const),
        fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: undefined }),
        (loan, lprMode, interestPaid) => {
          const input = {
            principal: loan.principal,
            loanRate: loan.loanRate,
            startDate: fromDayNumber(loan.start),
            endDate: fromDayNumber(loan.start + loan.days),
            interestPaid,
          };
          const lpr = withSuppliedLpr(builtInLprTable(), [{ date: "2026-04-20", rate: "0.03" }]);
          const result = computeInterestSubsidy(input, { lprMode, dayCount: 360, maxMonths: 36, lpr });
          expect(result.segments.reduce((d, s) => d + s.days, 0)).toBe(result.days);
          const atLoanRate = new Decimal(loan.principal).times(loan.loanRate).times(result.days).dividedBy(360);
          expect(result.amount.lessThanOrEqualTo(atLoanRate.toDecimalPlaces(2, Decimal.ROUND_HALF_UP))).toBe(true);
          if (interestPaid !== undefined) expect(result.amount.lessThanOrEqualTo(interestPaid)).toBe(true);
          expect(result.days).toBeLessThanOrEqual(1096);
        },
      ),
      RUNS,
    );
  });
});
