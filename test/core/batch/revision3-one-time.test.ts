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

  test("M4b is per entity: a later year's shop on another platform is refused (the entity reached it in 2025)", () => {
    const facts = { importExport: 12_000_000, firstTime: true, eligibleCosts: 400_000 };
    const result = both([
      { source: "r1", entityId: A, year: 2025, measure: "M4b", projectId: "x", facts },
      { source: "r2", entityId: A, year: 2026, measure: "M4b", projectId: "y", facts },
    ]);
    expect(finals(result.rows)).toEqual(["200000.00", "0.00"]);
    expect(result.rows[1].status).toBe("ineligible");
    expect(codes(result.rows[1])).toEqual(["not_first_time"]);
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

describe("首次达到 contradicted by the data: not_first_time, naming the evidence", () => {
  const site = (source: string, year: number, projectId: string, importExport: number, firstTime = true): ApplicationRow => ({
    source,
    entityId: A,
    year,
    measure: "M4a",
    projectId,
    facts: { importExport, firstTime, eligibleCosts: 100_000 },
  });

  test("an earlier year of the same site at or above the threshold contradicts a later first-time flag; another site is paid", () => {
    const result = both([site("r1", 2025, "S", 5_000_000), site("r2", 2026, "S", 8_000_000), site("r3", 2026, "T", 6_000_000)]);
    expect(result.rows.map((r) => r.status)).toEqual(["eligible", "ineligible", "eligible"]);
    expect(finals(result.rows)).toEqual(["50000.00", "0.00", "50000.00"]);
    expect(codes(result.rows[1])).toEqual(["not_first_time"]);
    expect(result.rows[1].reasons[0].en).toContain("r1 (2025) shows the same site's import+export already at or above");
    expect(result.rows[1].reasons[0].zh).toContain("r1（2025年度）同一独立站的年度进出口额已达到");
  });

  test("the evidence is the figure, whatever the earlier row's own status (flagged not first time there)", () => {
    const result = both([site("r1", 2027, "S", 7_000_000), site("r0", 2025, "S", 9_000_000, false)]);
    expect(result.rows.map((r) => r.status)).toEqual(["ineligible", "ineligible"]);
    expect(result.rows[0].reasons[0].en).toContain("r0 (2025)");
  });

  test("an earlier year below the threshold is no evidence: the later year is the first", () => {
    const result = both([site("r1", 2025, "S", 4_999_999.99), site("r2", 2026, "S", 5_000_000)]);
    expect(result.rows.map((r) => r.status)).toEqual(["ineligible", "eligible"]);
    expect(finals(result.rows)).toEqual(["0.00", "50000.00"]);
  });

  test("history: the part paid before (for that site, or naming no site) contradicts 首次达到, naming the record", () => {
    const rows = [site("r1", 2026, "S", 6_000_000), site("r2", 2026, "T", 6_000_000)];
    const named = both(rows, {
      history: [{ entityId: A, measure: "M4a", year: 2025, amount: 50_000, projectId: "T", source: "历史兑现!2" }],
    });
    expect(finals(named.rows)).toEqual(["50000.00", "0.00"]);
    expect(codes(named.rows[1])).toEqual(["already_received", "not_first_time"]);
    expect(named.rows[1].reasons[1].en).toContain("contradicted by the history: 历史兑现!2 (2025) paid");
    const unnamed = both(rows, { history: [{ entityId: A, measure: "M4a", year: 2025, amount: 50_000, source: "历史兑现!2" }] });
    expect(finals(unnamed.rows)).toEqual(["0.00", "0.00"]);
  });

  test("in screening too (fast rules and the reference agree)", () => {
    const result = screenWorkbook({
      sheets: [
        {
          name: "申报",
          values: [
            ["统一社会信用代码", "申报年度", "申报条款", "项目名称", "年度进出口额", "首次达到", "补贴基数"],
            [A, 2025, "M4a", "S", 6_000_000, "是", 100_000],
            [A, 2026, "M4a", "S", 6_000_000, "是", 100_000],
          ],
        },
      ],
    });
    expect(result.rows.map((r) => r.status)).toEqual(["eligible", "ineligible"]);
    expect(result.rows[1].reasons.map((r) => r.code)).toEqual(["not_first_time"]);
    expect(result.rows[1].reasons[0].zh).toContain("申报!2（2025年度）");
  });
});
