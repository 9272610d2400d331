/**
 * RULES.md revision 3, changes 2 and 3 (issue 18 items 2 and 3): 第1条's limits by the paid project's tier, and a
 * superseded row that takes no share of a cap. Each example of RULES.md, through the production settlement
 * (settleApplications, screenWorkbook with both engines) and the decimal oracle; each failed before the change.
 */
import fc from "fast-check";
import { ApplicationRow, BatchOptions, HistoryRecord } from "../../../core/rows/types";
import { settleApplications } from "../../../core/screening/settle-applications";
import { screenWorkbook } from "../../../core/screening/screen";
import { resolveBatch } from "../../oracle/resolve-batch";
import { makeUscc } from "../../helpers/uscc";

const A = makeUscc(1);
const finals = (rows: readonly { final: { toFixed(n: number): string } }[]) => rows.map((r) => r.final.toFixed(2));
const codes = (row: { reasons: readonly { code: string }[] }) => row.reasons.map((r) => r.code);
/** Earns exactly `amount` over 360 days at the 3.00% LPR (the loan rate is higher), after the stand-in issue date. */
const loanEarning = (amount: number) => ({
  principal: String(amount / 0.03),
  loanRate: "0.04",
  startDate: "2025-11-01",
  endDate: "2026-10-27",
});
const LOAN = { interestWindow: "loan" } as const;
const m1 = (year: number, totalInvestment: number, earns: number, projectId?: string): ApplicationRow => ({
  entityId: A,
  year,
  measure: "M1",
  projectId,
  facts: { qualified: true, totalInvestment: String(totalInvestment), loan: loanEarning(earns) },
});
/** Production and the oracle, the same rows and options: the finals of both (they must agree). */
const both = (rows: ApplicationRow[], options: BatchOptions) => {
  const fast = settleApplications(rows, options);
  const oracle = resolveBatch(rows, options);
  expect(finals(oracle.rows)).toEqual(finals(fast.rows));
  expect(oracle.rows.map(codes)).toEqual(fast.rows.map(codes));
  expect(oracle.rows.map((r) => r.explain.en)).toEqual(fast.rows.map((r) => r.explain.en));
  return fast;
};

describe("第1条: a payment counts against the limits of its own project's tier (RULES.md revision 3, change 2)", () => {
  const paid = (totalInvestment?: number): HistoryRecord => ({
    entityId: A,
    measure: "M1",
    year: 2025,
    amount: 3_000_000,
    totalInvestment,
  });

  test("3,000,000 paid in 2025 for a 50,000,000 project in the batch: a 20,000,000 project's 500,000 in 2026 is paid in full", () => {
    const result = both([m1(2025, 50_000_000, 3_000_000), m1(2026, 20_000_000, 500_000)], LOAN);
    expect(finals(result.rows)).toEqual(["3000000.00", "500000.00"]);
    expect(result.totals.final.toFixed(2)).toBe("3500000.00");
  });

  test("the same payment in 历史兑现 with its 总投资额: 500,000.00; without it: 0.00, cap_applied, naming the record", () => {
    const withTier = both([m1(2026, 20_000_000, 500_000)], { ...LOAN, history: [paid(50_000_000)] });
    expect(finals(withTier.rows)).toEqual(["500000.00"]);
    expect(codes(withTier.rows[0])).toEqual([]);
    const without = both([m1(2026, 20_000_000, 500_000)], { ...LOAN, history: [paid()] });
    expect(finals(without.rows)).toEqual(["0.00"]);
    expect(without.rows[0].status).toBe("eligible");
    expect(codes(without.rows[0])).toEqual(["history_tier_unknown", "cap_applied"]);
    const named = without.rows[0].reasons[0];
    expect(named.en).toContain("history 1");
    expect(named.zh).toContain("未写明项目总投资额");
    expect(without.rows[0].explain.en).toContain("gives no total investment");
  });

  test("a ≤30,000,000 project's payment still counts against both limits; the 10,000,000 one has what is left", () => {
    // History: 1,500,000 for a 20,000,000 project. 2026: a 20,000,000 project gets 500,000; a 50,000,000 one 8,500,000 of 9,000,000.
    const history: HistoryRecord[] = [{ entityId: A, measure: "M1", year: 2025, amount: 1_500_000, totalInvestment: 20_000_000 }];
    const result = both([m1(2026, 20_000_000, 1_000_000), m1(2026, 50_000_000, 9_000_000)], { ...LOAN, history });
    expect(finals(result.rows)).toEqual(["500000.00", "8000000.00"]);
  });

  test("a history 总投资额 out of bounds makes the record unreadable (bounds on every value given)", () => {
    const result = both([m1(2026, 20_000_000, 500_000)], { ...LOAN, history: [{ ...paid(), totalInvestment: "1e14" }] });
    expect(result.rows[0].status).toBe("manual");
    expect(result.historyProblems).toHaveLength(1);
  });

  test("screening reads 历史兑现's optional 总投资额 column (万元 too), both engines", () => {
    const header = ["统一社会信用代码", "申报年度", "申报条款", "主体资格", "总投资额", "贷款金额", "贷款利率", "放款日期", "到期日期"];
    const loan = loanEarning(500_000);
    const row = [A, 2026, "M1", "是", 20_000_000, Number(loan.principal), 0.04, loan.startDate, loan.endDate];
    const history = (withTier: boolean) => ({
      name: "历史兑现",
      values: [
        ["统一社会信用代码", "条款", "年度", "兑现金额", ...(withTier ? ["总投资额（万元）"] : [])],
        [A, "第1条", 2025, 3_000_000, ...(withTier ? [5_000] : [])],
      ],
    });
    for (const engine of ["fast", "reference"] as const) {
      for (const withTier of [true, false]) {
        const result = screenWorkbook({ sheets: [{ name: "s", values: [header, row] }, history(withTier)] }, { engine, ...LOAN });
        expect(result.rows.map((r) => r.final)).toEqual([withTier ? "500000.00" : "0.00"]);
        expect(result.rows[0].reasons.map((r) => r.code)).toEqual(withTier ? [] : ["history_tier_unknown", "cap_applied"]);
        if (!withTier) expect(result.rows[0].explain.zh).toContain("历史兑现!2");
      }
    }
  });
});

describe("a superseded row takes no share of a cap (RULES.md revision 3, change 3)", () => {
  // entity-project, one entity, 2026: P1 第3条 2,400,000 and 第1条 1,500,000; P2 第1条 1,000,000 (TI 20,000,000 each).
  const rows: ApplicationRow[] = [
    { entityId: A, year: 2026, measure: "M3", projectId: "P1", facts: { qualified: true, onlineRetailIncrease: "120000000" } },
    m1(2026, 20_000_000, 1_500_000, "P1"),
    m1(2026, 20_000_000, 1_000_000, "P2"),
  ];
  const options = { ...LOAN, dedupScope: "entity-project" } as const;

  test("P2's 第1条 is paid 1,000,000.00, total 3,400,000.00", () => {
    const result = both(rows, options);
    expect(result.rows.map((r) => r.status)).toEqual(["eligible", "superseded", "eligible"]);
    expect(finals(result.rows)).toEqual(["2400000.00", "0.00", "1000000.00"]);
    expect(result.totals.final.toFixed(2)).toBe("3400000.00");
    // P2's row took its whole amount: no shared limit bit it.
    expect(codes(result.rows[2])).not.toContain("cap_applied");
    // The superseded row still says what it would have been paid when it lost.
    expect(result.rows[1].reasons.find((r) => r.code === "superseded_by")!.en).toContain("1,500,000.00");
  });

  test("screening gives the same, both engines", () => {
    const header = [
      "统一社会信用代码",
      "申报年度",
      "申报条款",
      "项目名称",
      "主体资格",
      "新增实物网络零售额",
      "总投资额",
      "贷款金额",
      "贷款利率",
      "放款日期",
      "到期日期",
    ];
    const loan = (amount: number) => loanEarning(amount);
    const values = [
      header,
      [A, 2026, "M3", "P1", "是", 120_000_000, null, null, null, null, null],
      [A, 2026, "M1", "P1", "是", null, 20_000_000, Number(loan(1_500_000).principal), 0.04, "2025-11-01", "2026-10-27"],
      [A, 2026, "M1", "P2", "是", null, 20_000_000, Number(loan(1_000_000).principal), 0.04, "2025-11-01", "2026-10-27"],
    ];
    for (const engine of ["fast", "reference"] as const) {
      const result = screenWorkbook({ sheets: [{ name: "s", values }] }, { engine, ...options });
      expect(result.rows.map((r) => [r.status, r.final])).toEqual([
        ["eligible", "2400000.00"],
        ["superseded", "0.00"],
        ["eligible", "1000000.00"],
      ]);
    }
  });

  test("re-sharing repeats until nothing changes: a chain of projects, each freed row lets the next win", () => {
    // P1: 第3条 2,400,000 beats 第1条 1,500,000. P2: 第3条 600,000 (800,000 computed, what is left of the entity's
    // 3,000,000 a year) against 第1条 1,000,000, of which only 500,000 is left while P1's 第1条 holds its share:
    // 第3条 wins P2 in round 1; P2's 第1条 stays superseded after P1's share is freed (once superseded, always).
    const chain: ApplicationRow[] = [
      ...rows.slice(0, 2),
      { entityId: A, year: 2026, measure: "M3", projectId: "P2", facts: { qualified: true, onlineRetailIncrease: "40000000" } },
      m1(2026, 20_000_000, 1_000_000, "P2"),
      m1(2026, 20_000_000, 400_000, "P3"),
    ];
    const result = both(chain, options);
    expect(result.rows.map((r) => r.status)).toEqual(["eligible", "superseded", "eligible", "superseded", "eligible"]);
    // P3's 第1条 had nothing left in round 1 (1,500,000 + 500,000 taken); after both frees it is paid in full.
    expect(finals(result.rows)).toEqual(["2400000.00", "0.00", "600000.00", "0.00", "400000.00"]);
  });

  test("entity-year: the scope's loser frees its share for nothing else of the year (results as before)", () => {
    const result = both(rows, LOAN);
    expect(finals(result.rows)).toEqual(["2400000.00", "0.00", "0.00"]);
  });
});

describe("properties: production and the oracle agree on tiers and re-sharing (fast-check)", () => {
  const earning = fc.integer({ min: 0, max: 4_000_000 });
  const row = fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .record({
          year: fc.integer({ min: 2025, max: 2026 }),
          // Several projects of one entity, above and below 30,000,000 (and at it).
          totalInvestment: fc.constantFrom(8_000_000, 20_000_000, 30_000_000, 30_000_001, 50_000_000),
          earns: earning,
          project: fc.constantFrom("P1", "P2", "P3"),
        })
        .map(({ year, totalInvestment, earns, project }) => m1(year, totalInvestment, earns, project)),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({
          year: fc.integer({ min: 2025, max: 2026 }),
          measure: fc.constantFrom("M3", "M5", "M6b"),
          project: fc.constantFrom("P1", "P2", "P3"),
          size: fc.integer({ min: 0, max: 4_000_000 }),
        })
        .map(({ year, measure, project, size }): ApplicationRow => ({
          entityId: A,
          year,
          measure,
          projectId: project,
          facts:
            measure === "M3"
              ? { qualified: true, onlineRetailIncrease: String(size * 50) }
              : measure === "M5"
                ? { totalInvestment: "2000000", loan: loanEarning(size) }
                : {},
        })),
    },
  );
  const history = fc.array(
    fc.record({
      entityId: fc.constant(A),
      measure: fc.constantFrom("M1", "M1", "M5"),
      year: fc.constant(2024),
      amount: fc.integer({ min: 0, max: 3_000_000 }),
      totalInvestment: fc.option(fc.constantFrom(20_000_000, 30_000_000, 45_000_000), { nil: undefined }),
    }),
    { maxLength: 2 },
  );
  const options = fc.record({
    dedupScope: fc.constantFrom("entity-project" as const, "entity-year" as const),
    interestWindow: fc.constantFrom("loan" as const, "award-year" as const),
  });

  test("random batches of one entity: identical finals, statuses, reasons and words; re-sharing happens", () => {
    let reshared = 0;
    fc.assert(
      fc.property(fc.array(row, { minLength: 2, maxLength: 10 }), history, options, (rows, records, opts) => {
        const result = both(rows, { ...opts, history: records });
        expect(result.rows.map((r) => r.status)).toEqual(resolveBatch(rows, { ...opts, history: records }).rows.map((r) => r.status));
        // A year where a 第1条 row lost 不重复 and another 第1条 row of the year was paid: the freed share mattered.
        const m1Rows = result.rows.filter((r) => r.measure === "M1");
        if (m1Rows.some((r) => r.status === "superseded") && m1Rows.some((r) => r.final.greaterThan(0))) reshared++;
      }),
      { numRuns: 400 },
    );
    expect(reshared).toBeGreaterThan(20);
  });
});
