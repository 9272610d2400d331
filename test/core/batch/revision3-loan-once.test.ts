/**
 * RULES.md revision 3, change 5: in `loan` mode a loan is paid once, decided on its first award year in the
 * batch like a one-time award; a later award year's row of the same loan (same entity, measure, project,
 * principal and start date) is `ineligible`, `already_received`, naming that first row. Each case failed before.
 */
import { settleApplications } from "../../../core/screening/settle-applications";
import { screenWorkbook } from "../../../core/screening/screen";
import { resolveBatch } from "../../oracle/resolve-batch";
import { ApplicationRow, BatchOptions } from "../../../core/rows/types";
import { makeUscc } from "../../helpers/uscc";

const A = makeUscc(1);
const finals = (rows: { final: { toFixed(n: number): string } }[]) => rows.map((r) => r.final.toFixed(2));
const codes = (row: { reasons: { code: string }[] }) => row.reasons.map((r) => r.code);
const LOAN = { interestWindow: "loan" } as const;

function both(rows: ApplicationRow[], options: BatchOptions = {}) {
  const production = settleApplications(rows, options);
  const oracle = resolveBatch(rows, options);
  expect(finals(production.rows)).toEqual(finals(oracle.rows));
  expect(production.rows.map((r) => r.reasons.map((x) => x.en))).toEqual(oracle.rows.map((r) => r.reasons.map((x) => x.en)));
  return production;
}

/** A 第8条(2) loan (no investment threshold): 1,000,000 at 4% from 2025-11-01 for a year. */
const loan = { principal: 1_000_000, loanRate: "0.04", startDate: "2025-11-01", endDate: "2026-11-01" };
const row = (source: string, year: number, facts = { loan }, projectId?: string): ApplicationRow => ({
  source,
  entityId: A,
  year,
  measure: "M8b",
  facts,
  ...(projectId ? { projectId } : {}),
});

describe("loan mode pays a loan once", () => {
  test("the same loan claimed in 2025 and 2026: the whole window once, in 2025; 2026 is already_received naming it", () => {
    const result = both([row("申报!2", 2025), row("申报!3", 2026)], LOAN);
    // 365 days × 1,000,000 × 3.00% / 360 (the LPR below the loan's 4%).
    expect(finals(result.rows)).toEqual(["30416.67", "0.00"]);
    expect(result.rows[1].status).toBe("ineligible");
    expect(codes(result.rows[1])).toEqual(["already_received"]);
    expect(result.rows[1].reasons[0].en).toContain(
      "a loan is paid once: the same loan (same project, principal and start date) is claimed by 申报!2 (2025)",
    );
  });

  test("award-year mode is unchanged: each year its own days", () => {
    const result = both([row("申报!2", 2025), row("申报!3", 2026)]);
    expect(result.rows.map((r) => r.status)).toEqual(["eligible", "eligible"]);
  });

  test("another principal, another start date or another project is another loan", () => {
    const other = { loan: { ...loan, principal: 2_000_000 } };
    const later = { loan: { ...loan, startDate: "2025-12-01", endDate: "2026-12-01" } };
    const result = both([row("r1", 2025), row("r2", 2026, other), row("r3", 2026, later), row("r4", 2026, { loan }, "P2")], LOAN);
    expect(result.rows.map((r) => r.status)).toEqual(["eligible", "eligible", "eligible", "eligible"]);
  });

  test("decided on the first award year whether or not that row is then paid (claimed 0.00)", () => {
    const result = both([{ ...row("r1", 2025), claimedAmount: 0 }, row("r2", 2026)], LOAN);
    expect(finals(result.rows)).toEqual(["0.00", "0.00"]);
    expect(codes(result.rows[1])).toEqual(["already_received"]);
  });

  test("in screening too, fast rows and the reference", () => {
    const header = ["统一社会信用代码", "申报年度", "申报条款", "贷款金额", "贷款利率", "放款日期", "到期日期"];
    const result = screenWorkbook(
      {
        sheets: [
          {
            name: "申报",
            values: [
              header,
              [A, 2025, "M8b", 1_000_000, 0.04, "2025-11-01", "2026-11-01"],
              [A, 2027, "M8b", "1000000", "4%", "2025-11-01", "2026-11-01"],
            ],
          },
        ],
      },
      LOAN,
    );
    expect(result.rows.map((r) => r.final)).toEqual(["30416.67", "0.00"]);
    expect(result.rows[1].reasons.map((r) => r.code)).toEqual(["already_received"]);
  });
});
