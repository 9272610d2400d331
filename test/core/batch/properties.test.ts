import fc from "fast-check";
import { ApplicationRow, HistoryRecord } from "../../../core/rows/types";
import { settleApplications } from "../../../core/screening/settle-applications";
import { Decimal, ZERO } from "../../../core/money/money";
import { computeInterestSubsidy } from "../../../core/lpr/interest-subsidy";
import { builtInLprTable, withSuppliedLpr } from "../../../core/lpr/lpr-table";
import { getParameterSet, measureParams } from "../../../core/policy/registry";
import { MeasureId } from "../../../core/measures/measure-id";
import { parseMeasureId } from "../../../core/measures/measure-id";
import { normaliseUscc } from "../../../core/uscc/uscc";
import { fromDayNumber, toDayNumber } from "../../../core/dates/civil-date";
import { ENTITY_POOL, historyArb, loanArb, optionsArb, rowArb } from "../../helpers/arbitraries";

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
        const result = settleApplications(sourced, { ...options, history });
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
        for (const row of settleApplications(rows, { ...options, history }).rows) {
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
        const result = settleApplications(rows, { ...options, history });
        const groups = new Map<string, { paid: Decimal; cap: Decimal; history: Decimal; project: string | null }>();
        // An annual cap is per year; a one-time award's (entity-lifetime) per project (RULES.md revision 3).
        const keyOf = (entity: string, measure: MeasureId, year: number | null, project: string) => {
          const scope = measureParams(policy, measure).cap?.scope;
          return scope === "entity-year"
            ? `${entity}|${measure}|${year}`
            : scope === "entity-lifetime"
              ? `${entity}|${measure}|#${project}`
              : `${entity}|${measure}`;
        };
        result.rows.forEach((row, r) => {
          if (!row.measure || row.cap === null) return;
          const project = String(rows[r].projectId ?? "").trim();
          const key = keyOf(row.entityId, row.measure, row.year, project);
          const group = groups.get(key) ?? { paid: ZERO, cap: ZERO, history: ZERO, project };
          group.paid = group.paid.plus(row.final);
          group.cap = Decimal.max(group.cap, row.cap);
          groups.set(key, group);
        });
        for (const h of history) {
          const measure = parseMeasureId(h.measure);
          const entity = normaliseUscc(h.entityId);
          const lifetime = measureParams(policy, measure).cap?.scope === "entity-lifetime";
          const named = h.projectId == null || String(h.projectId).trim() === "" ? null : String(h.projectId).trim();
          // Revision 3: a payment for a project above 30,000,000 leaves 第1条's lower limit alone.
          const upperTier = measure === "M1" && h.totalInvestment != null && new Decimal(h.totalInvestment).greaterThan(30_000_000);
          for (const [key, group] of groups) {
            // A record naming no project counts for every project of the entity.
            const ofIt = lifetime
              ? key.startsWith(`${entity}|${measure}|#`) && (named === null || named === group.project)
              : key === keyOf(entity, measure, h.year ?? null, "");
            if (ofIt && !(upperTier && group.cap.lessThan(10_000_000))) group.history = group.history.plus(h.amount!);
          }
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
        const result = settleApplications(rows, { ...options, history, dedupScope: "entity-year" });
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
        const result = settleApplications(rows, { ...options, history });
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
    // A loan rate is 0 or between 0.1% and 24% (RULES.md "Reading numbers").
    loanRate: fc.oneof(fc.constant(0), fc.integer({ min: 10, max: 800 })).map((bp) => bp / 10_000),
    start: fc.integer({ min: toDayNumber("2019-08-20"), max: toDayNumber("2026-08-19") }),
    days: fc.integer({ min: 0, max: 2000 }),
  });

  test("a fixed-mode subsidy does not change when LPR entries after the loan's start date change", () => {
    fc.assert(
      fc.property(
        loanArb,
        // One rate a date: two supplied rows of one date with different rates are an error (RULES.md revision 3).
        fc.uniqueArray(fc.record({ offset: fc.integer({ min: 1, max: 3000 }), bp: fc.integer({ min: 50, max: 1000 }) }), {
          minLength: 1,
          maxLength: 6,
          selector: (c) => c.offset,
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
          const lpr = withSuppliedLpr(builtInLprTable(), [{ date: "2026-08-20", rate: "0.03" }]);
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

describe("revision 2 properties (fast-check, 1,000 runs each)", () => {
  const { computeAward } = jest.requireActual("../../../core/award") as typeof import("../../../core/award");
  const { screenWorkbook } = jest.requireActual("../../../core/screening/screen") as typeof import("../../../core/screening/screen");

  const m1Row = fc.record({
    entity: fc.constantFrom(...ENTITY_POOL.slice(0, 2)),
    year: fc.integer({ min: 2025, max: 2027 }),
    // at, below and above the two investment levels of 第1条
    totalInvestment: fc.constantFrom(4_999_999, 5_000_000, 20_000_000, 30_000_000, 30_000_001, 80_000_000),
    earns: fc.integer({ min: 0, max: 12_000_000 }),
    claimed: fc.option(fc.integer({ min: 0, max: 6_000_000 }), { nil: undefined }),
    project: fc.integer({ min: 1, max: 50 }),
  });

  test("a batch of several years pays what its years pay screened in turn, each with the earlier ones' payments as history", () => {
    // RULES.md: "each year sees as history what the earlier years of the batch actually paid". One-time
    // measures are left out: in a batch the first award year refuses later ones even when its row was not paid.
    const oneTime = (measure: MeasureId | null) => measure !== null && measureParams(policy, measure).oneTime === true;
    // Also one entity's 第1条 projects of both sizes over the years, where the two limits meet history.
    const m1Row = fc.record({
      entityId: fc.constant(ENTITY_POOL[0]),
      year: fc.integer({ min: 2025, max: 2027 }),
      measure: fc.constant("M1"),
      facts: fc.record({
        qualified: fc.constant(true),
        totalInvestment: fc.constantFrom("8000000", "25000000", "30000000", "30000000.01", "45000000"),
        loan: loanArb,
      }),
      claimedAmount: fc.option(
        fc.integer({ min: 0, max: 300_000_000 }).map((fen) => (fen / 100).toFixed(2)),
        { nil: undefined },
      ),
    }) as fc.Arbitrary<ApplicationRow>;
    const m1Batch = fc.record({
      rows: fc.array(m1Row, { minLength: 2, maxLength: 6 }),
      history: fc.array(
        historyArb.map((h) => ({ ...h, entityId: ENTITY_POOL[0] })),
        { maxLength: 2 },
      ),
      options: optionsArb,
    });
    fc.assert(
      fc.property(fc.oneof(batchArb, m1Batch), ({ rows, history, options }) => {
        const first = settleApplications(rows, { ...options, history });
        const kept = rows.filter((_, i) => !oneTime(first.rows[i].measure)).map((row, i) => ({ ...row, source: `S!${i + 2}` }));
        const together = settleApplications(kept, { ...options, history });
        const paid: HistoryRecord[] = [];
        const inTurn = new Map<string, string>();
        for (const year of [...new Set(kept.map((r) => r.year as number))].sort((a, b) => a - b)) {
          const ofYear = kept.filter((r) => r.year === year);
          const result = settleApplications(ofYear, { ...options, history: [...history, ...paid] });
          result.rows.forEach((row, k) => {
            inTurn.set(row.source!, row.final.toFixed(2));
            // Revision 3: a payment counts against its own project's tier, so the record gives the 总投资额.
            const totalInvestment = (ofYear[k].facts?.totalInvestment ?? null) as HistoryRecord["totalInvestment"];
            if (row.final.greaterThan(0) && row.entityId && row.measure)
              paid.push({ entityId: row.entityId, measure: row.measure, year, amount: row.final.toFixed(2), totalInvestment });
          });
        }
        for (const row of together.rows) expect([row.source, row.final.toFixed(2)]).toEqual([row.source, inTurn.get(row.source!)]);
      }),
      RUNS,
    );
  });

  test("an entity's 第1条 total does not change when its rows are shuffled", () => {
    fc.assert(
      fc.property(
        fc.array(m1Row, { minLength: 1, maxLength: 8 }),
        fc.array(fc.record({ entity: fc.constantFrom(...ENTITY_POOL.slice(0, 2)), amount: fc.integer({ min: 0, max: 3_000_000 }) }), {
          maxLength: 2,
        }),
        fc.func(fc.integer()),
        (specs, paid, order) => {
          const rows = specs.map((r) => ({
            entityId: r.entity,
            year: r.year,
            measure: "M1",
            projectId: `P${r.project}`,
            claimedAmount: r.claimed,
            facts: {
              qualified: true,
              totalInvestment: r.totalInvestment,
              loan: { principal: r.earns / 0.03, loanRate: "0.04", startDate: "2025-06-01", endDate: "2026-05-27" },
            },
          }));
          const history = paid.map((p) => ({ entityId: p.entity, measure: "M1", year: 2024, amount: p.amount }));
          const shuffled = rows
            .map((row, i) => ({ row, key: order(i) }))
            .sort((a, b) => a.key - b.key)
            .map((x) => x.row);
          const totals = (batch: typeof rows) => {
            const byEntity = new Map<string, string>();
            const result = settleApplications(batch, { interestWindow: "loan", history });
            for (const e of ENTITY_POOL) {
              byEntity.set(
                e,
                result.rows
                  .filter((r) => r.entityId === e)
                  .reduce((s, r) => s.plus(r.final), ZERO)
                  .toFixed(2),
              );
            }
            return byEntity;
          };
          expect(totals(shuffled)).toEqual(totals(rows));
        },
      ),
      RUNS,
    );
  });

  test("a loan's award-year amounts add up to its whole-window amount within 0.01 per year", () => {
    const policyPeriod = { start: policy.subsidyPeriod.effectiveFrom.value, end: policy.subsidyPeriod.end };
    const firstYear = policy.validity.firstAwardYear.value;
    const lastYear = policy.validity.lastAwardYear.value;
    fc.assert(
      fc.property(
        fc.record({
          principal: fc.integer({ min: 0, max: 200_000_000 }),
          loanRate: fc.oneof(fc.constant(0), fc.integer({ min: 10, max: 800 })).map((bp) => bp / 10_000),
          start: fc.integer({ min: toDayNumber("2022-01-01"), max: toDayNumber("2026-08-19") }),
          days: fc.integer({ min: 0, max: 1500 }),
        }),
        fc.constantFrom("fixed" as const, "floating" as const),
        fc.constantFrom(360, 365),
        (loan, lprMode, dayCount) => {
          const input = {
            principal: loan.principal,
            loanRate: loan.loanRate,
            startDate: fromDayNumber(loan.start),
            endDate: fromDayNumber(loan.start + loan.days),
          };
          const lpr = withSuppliedLpr(builtInLprTable(), [{ date: "2026-08-20", rate: "0.03" }]);
          const options = { lprMode, dayCount, maxMonths: 36, lpr, period: policyPeriod };
          const whole = computeInterestSubsidy(input, options).amount;
          let sum = ZERO;
          let years = 0;
          for (let year = firstYear; year <= lastYear; year++, years++)
            sum = sum.plus(computeInterestSubsidy(input, { ...options, awardYear: year }).amount);
          expect(sum.minus(whole).abs().lessThanOrEqualTo(new Decimal("0.01").times(years))).toBe(true);
        },
      ),
      RUNS,
    );
  });

  const oddCell = fc.oneof(
    fc.double({ noNaN: false }),
    fc.constantFrom("1e309", "9".repeat(400), "-0", "1e-400", "NaN", "Infinity", "0.1+0.2", "１２３４５６７８９０１２３４"),
    fc.integer({ min: -1e15, max: 1e15 }).map((n) => n / 100),
  );

  test("no output amount is ever Infinity, NaN, exponent notation or more than two decimals", () => {
    const amount = /^\d+\.\d{2}$/;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("M1", "M3", "M4a", "M7", "M8b", "M14"), oddCell, oddCell, oddCell), { maxLength: 6 }),
        (rows) => {
          const result = screenWorkbook(
            {
              sheets: [
                {
                  name: "s",
                  values: [
                    [
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
                      "进出口额",
                      "首次达到",
                      "补贴基数",
                      "带动网络销售额",
                      "近三年投资额",
                      "核定金额",
                      "申报金额",
                    ],
                    ...rows.map(([measure, a, b, c], i) => [
                      ENTITY_POOL[i % 3],
                      2025,
                      measure,
                      "是",
                      a,
                      b,
                      c,
                      "2025-06-01",
                      "2026-06-01",
                      a,
                      b,
                      "是",
                      c,
                      a,
                      b,
                      c,
                      b,
                    ]),
                  ],
                },
              ],
            },
            { interestWindow: "loan" },
          );
          const json = JSON.parse(JSON.stringify(result)) as typeof result;
          for (const row of json.rows) {
            for (const value of [row.computed, row.cap, row.claimed, row.final]) if (value !== null) expect(value).toMatch(amount);
          }
          expect(json.totals.final).toMatch(amount);
          for (const table of [json.totals.byMeasure, json.totals.byStatus, json.totals.byCity]) {
            for (const line of Object.values(table)) expect(line.final).toMatch(amount);
          }
        },
      ),
      RUNS,
    );
  });

  test("an amount a float artefact away from a threshold (x ± 1e-9) falls on the side Excel displays", () => {
    const thresholds = policy.measures
      .filter((m) => m.threshold)
      .map((m) => ({ id: m.id, field: m.threshold!.field, value: m.threshold!.value }));
    const factsFor = (field: string, value: number) => {
      const base = { qualified: true, firstTime: true, eligibleCosts: 100_000, investmentLast3Years: 100_000, totalInvestment: 10_000_000 };
      const loan = { principal: 1_000_000, loanRate: "0.04", startDate: "2025-06-01", endDate: "2026-06-01" };
      return { ...base, loan, importExport: 20_000_000, onlineRetailIncrease: 20_000_000, drivenOnlineSales: 60_000_000, [field]: value };
    };
    fc.assert(
      fc.property(fc.constantFrom(...thresholds), fc.constantFrom(1e-9, -1e-9, 2e-9, -3e-9, 1e-10), ({ id, field, value }, delta) => {
        const artefact = value + delta;
        const shown = Number(artefact.toPrecision(15)); // what Excel displays, and computes with
        const status = (x: number) => computeAward(id, factsFor(field, x)).status;
        expect(status(artefact)).toBe(status(shown));
      }),
      RUNS,
    );
  });
});
