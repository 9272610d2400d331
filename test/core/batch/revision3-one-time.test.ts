/**
 * RULES.md revision 3, change 4: one-time awards per base / site / centre / zone (entity + project id; M4b
 * per entity), history records that name their project, and 首次达到 contradicted by the data (not_first_time).
 * Each case failed before the change.
 */
import { settleApplications } from "../../../core/screening/settle-applications";
import { screenWorkbook } from "../../../core/screening/screen";
import { resolveBatch } from "../../oracle/resolve-batch";
import { ApplicationRow, BatchOptions } from "../../../core/rows/types";
import { makeUscc } from "../../helpers/uscc";

const A = makeUscc(1);
const finals = (rows: { final: { toFixed(n: number): string } }[]) => rows.map((r) => r.final.toFixed(2));
const codes = (row: { reasons: { code: string }[] }) => row.reasons.map((r) => r.code);

/** Production and the oracle, on the same rows: both must give what RULES.md says. */
function both(rows: ApplicationRow[], options: BatchOptions = {}) {
  const production = settleApplications(rows, options);
  const oracle = resolveBatch(rows, options);
  expect(finals(production.rows)).toEqual(finals(oracle.rows));
  expect(production.rows.map(codes)).toEqual(oracle.rows.map(codes));
  expect(production.rows.map((r) => r.reasons.map((x) => x.en))).toEqual(oracle.rows.map((r) => r.reasons.map((x) => x.en)));
  return production;
}

describe("one-time per base / site / centre / zone: entity + project id", () => {
  test("an operator with two newly named national bases is paid for each; the same base twice shares one award", () => {
    const result = both([
      { source: "r1", entityId: A, year: 2025, measure: "M6a", projectId: "哈尔滨基地" },
      { source: "r2", entityId: A, year: 2025, measure: "M6a", projectId: "大庆基地" },
      { source: "r3", entityId: A, year: 2025, measure: "M6a", projectId: "哈尔滨基地", claimedAmount: 1_000_000 },
    ]);
    expect(finals(result.rows)).toEqual(["1000000.00", "1000000.00", "0.00"]);
    expect(codes(result.rows[2])).toEqual(["cap_applied"]);
  });

  test("a base named in 2026 is not refused because another base of the entity was paid in 2025; the same base is", () => {
    const result = both([
      { source: "r1", entityId: A, year: 2025, measure: "M6b", projectId: "P1" },
      { source: "r2", entityId: A, year: 2026, measure: "M6b", projectId: "P2" },
      { source: "r3", entityId: A, year: 2026, measure: "M6b", projectId: "P1" },
    ]);
    expect(finals(result.rows)).toEqual(["500000.00", "500000.00", "0.00"]);
    expect(result.rows[2].status).toBe("ineligible");
    expect(codes(result.rows[2])).toEqual(["already_received"]);
    expect(result.rows[2].reasons[0].en).toContain("r1 (2025)");
  });

  test("M4b is per entity: a later year's shop on another platform is already_received", () => {
    const facts = { importExport: 12_000_000, firstTime: true, eligibleCosts: 400_000 };
    const result = both([
      { source: "r1", entityId: A, year: 2025, measure: "M4b", projectId: "x", facts },
      { source: "r2", entityId: A, year: 2026, measure: "M4b", projectId: "y", facts },
    ]);
    expect(finals(result.rows)).toEqual(["200000.00", "0.00"]);
    expect(codes(result.rows[1])).toContain("already_received");
  });
});

describe("history records may name their project (项目名称)", () => {
  const rows: ApplicationRow[] = [
    { source: "r1", entityId: A, year: 2026, measure: "M6a", projectId: "P1" },
    { source: "r2", entityId: A, year: 2026, measure: "M6a", projectId: "P2" },
  ];

  test("a record naming its project refuses that project only", () => {
    const result = both(rows, {
      history: [{ entityId: A, measure: "M6a", year: 2025, amount: 1_000_000, projectId: "P1", source: "历史兑现!2" }],
    });
    expect(finals(result.rows)).toEqual(["0.00", "1000000.00"]);
    expect(codes(result.rows[0])).toEqual(["already_received"]);
    expect(result.rows[0].reasons[0].en).toContain("for project “P1” (历史兑现!2");
  });

  test("a record naming no project refuses every project of the entity, and the rows say so", () => {
    const result = both(rows, { history: [{ entityId: A, measure: "M6a", year: 2025, amount: 1_000_000, source: "历史兑现!2" }] });
    expect(finals(result.rows)).toEqual(["0.00", "0.00"]);
    for (const row of result.rows) expect(row.reasons[0].en).toContain("the record names no project, so it counts for every project");
  });

  test("a project named on an M4b record does not narrow it: M4b is per entity", () => {
    const facts = { importExport: 12_000_000, firstTime: true, eligibleCosts: 400_000 };
    const result = both([{ source: "r1", entityId: A, year: 2026, measure: "M4b", projectId: "y", facts }], {
      history: [{ entityId: A, measure: "M4b", year: 2025, amount: 100_000, projectId: "x", source: "历史兑现!2" }],
    });
    expect(finals(result.rows)).toEqual(["0.00"]);
    expect(codes(result.rows[0])).toContain("already_received");
  });

  test("the 历史兑现 sheet's optional 项目名称 column is read", () => {
    const result = screenWorkbook({
      sheets: [
        {
          name: "申报",
          values: [
            ["统一社会信用代码", "申报年度", "申报条款", "项目名称"],
            [A, 2026, "M6a", "P1"],
            [A, 2026, "M6a", "P2"],
          ],
        },
        {
          name: "历史兑现",
          values: [
            ["统一社会信用代码", "条款", "年度", "兑现金额", "项目名称"],
            [A, "M6a", 2025, 1_000_000, " P1 "],
          ],
        },
      ],
    });
    expect(result.rows.map((r) => r.final)).toEqual(["0.00", "1000000.00"]);
    expect(result.rows[0].reasons.map((r) => r.code)).toEqual(["already_received"]);
  });
});
