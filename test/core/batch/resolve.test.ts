import { ApplicationRow } from "../../../core/rows/types";
import { settleApplications } from "../../../core/screening/settle-applications";
import { batchResultToJson } from "../../../core/words/result-json";
import { makeUscc } from "../../helpers/uscc";

const A = makeUscc(1);
const B = makeUscc(2, "230600"); // 大庆
const C = makeUscc(3);

// RULES.md revision 3: 585 days from the draft's stand-in issue date 2025-10-23 → 487,500.00 (607,500.00 as a plain loan).
const m1Loan = { principal: 10_000_000, loanRate: "0.0345", startDate: "2025-06-01", endDate: "2027-05-31" };
/** Earns exactly `amount` over 360 days at 3.00% (from 2025-11-01, after the issue date 2025-10-23). */
const loanEarning = (amount: number) => ({ principal: amount / 0.03, loanRate: "0.04", startDate: "2025-11-01", endDate: "2026-10-27" });

const m1 = (entityId: string, extra: Partial<ApplicationRow> = {}): ApplicationRow => ({
  entityId,
  year: 2025,
  measure: "M1",
  facts: { qualified: true, totalInvestment: 20_000_000, loan: m1Loan },
  ...extra,
});
const m3 = (entityId: string, increase: number | string, extra: Partial<ApplicationRow> = {}): ApplicationRow => ({
  entityId,
  year: 2025,
  measure: "M3",
  facts: { qualified: true, onlineRetailIncrease: increase },
  ...extra,
});

/** These tests are about the batch steps, not the window: each loan is paid over its whole window in one award. */
const LOAN = { interestWindow: "loan" } as const;
const finals = (rows: { final: { toFixed(n: number): string } }[]) => rows.map((r) => r.final.toFixed(2));
const codes = (row: { reasons: { code: string }[] }) => row.reasons.map((r) => r.code);

describe("settleApplications: one result per row, in input order", () => {
  test("a mixed batch keeps every row, errors included", () => {
    const rows: ApplicationRow[] = [
      m1(A, { source: "申报!2" }),
      { source: "申报!3", entityId: "not a code", year: 2025, measure: "M3", facts: {} },
      { source: "申报!4", entityId: B, year: 2025, measure: "M99" },
      { source: "申报!5", entityId: C, year: 2025, measure: "第9条" },
      m3(B, "12345678.90", { source: "申报!6" }),
    ];
    const result = settleApplications(rows, LOAN);
    expect(result.rows.map((r) => [r.source, r.status])).toEqual([
      ["申报!2", "eligible"],
      ["申报!3", "error"],
      ["申报!4", "error"],
      ["申报!5", "not_cash"],
      ["申报!6", "eligible"],
    ]);
    expect(finals(result.rows)).toEqual(["487500.00", "0.00", "0.00", "0.00", "246913.58"]);
    expect(codes(result.rows[1])).toEqual(["invalid_uscc"]);
    expect(codes(result.rows[2])).toEqual(["unknown_measure"]);
    expect(result.rows[4].city).toBe("大庆");
    expect(result.totals.final.toFixed(2)).toBe("734413.58");
    expect(result.totals.entities).toBe(4);
    expect(result.totals.byStatus.error.rows).toBe(2);
  });

  test("JSON amounts are strings with two decimals", () => {
    const json = batchResultToJson(settleApplications([m1(A)], LOAN));
    expect(json.rows[0]).toMatchObject({
      computed: "487500.00",
      cap: "2000000.00",
      final: "487500.00",
      claimed: null,
      status: "eligible",
      measure: "M1",
      clause: "第1条",
    });
    expect(json.totals.final).toBe("487500.00");
    expect(json.options).toEqual({
      lprMode: "fixed",
      dayCount: 360,
      dedupScope: "entity-year",
      otherSupport: "top-up",
      interestWindow: "loan",
      effectiveFrom: "2025-10-23",
      policy: "hlj-ecommerce-2025-draft",
      // Revision 3, change 8: the entity-year reading, the fixed 同期 LPR and the stand-in issue date.
      assumptions: [expect.objectContaining({ zh: expect.stringContaining("同一法人主体") }), expect.anything(), expect.anything()],
    });
    // Revision 2's default is 据实贴息 year by year.
    expect(batchResultToJson(settleApplications([m1(A)])).options.interestWindow).toBe("award-year");
  });

  test("an empty batch", () => {
    const result = settleApplications([]);
    expect(result.rows).toEqual([]);
    expect(result.totals.rows).toBe(0);
    expect(result.totals.final.toFixed(2)).toBe("0.00");
  });

  test("onProgress reaches the total", () => {
    const seen: number[] = [];
    settleApplications(
      Array.from({ length: 250 }, (_, i) => m3(makeUscc(100 + i), 20_000_000)),
      { onProgress: (done, total) => seen.push(done / total) },
    );
    expect(seen[seen.length - 1]).toBe(1);
    expect(seen.length).toBeGreaterThan(10);
  });
});

describe("history (历史兑现)", () => {
  test("a one-time award already received is refused", () => {
    const result = settleApplications([{ entityId: A, year: 2026, measure: "M6a" }], {
      history: [{ entityId: A, measure: "6(1)", year: 2025, amount: 1_000_000 }],
    });
    expect(result.rows[0].status).toBe("ineligible");
    expect(codes(result.rows[0])).toEqual(["already_received"]);
    expect(finals(result.rows)).toEqual(["0.00"]);
  });

  test("a cumulative interest cap counts what was already paid in every year", () => {
    const result = settleApplications([m1(A, { year: 2026 })], {
      ...LOAN,
      history: [
        { entityId: A, measure: "M1", year: 2025, amount: 1_100_000, totalInvestment: 20_000_000 },
        { entityId: A, measure: "M1", year: 2024, amount: 500_000, totalInvestment: 20_000_000 },
        { entityId: A, measure: "M2", year: 2025, amount: 900_000 }, // another measure: not counted
      ],
    });
    expect(finals(result.rows)).toEqual(["400000.00"]);
    expect(result.rows[0].status).toBe("eligible");
    expect(codes(result.rows[0])).toEqual(["cap_applied"]);
    expect(result.rows[0].reasons[0].en).toMatch(
      /already used 1,600,000.00 \(history 1,600,000.00, earlier years of this batch 0.00, earlier rows of this year 0.00\), remaining 400,000.00/,
    );
  });

  test("a used-up cap leaves the row eligible at 0.00, saying why", () => {
    const result = settleApplications([m1(A)], { history: [{ entityId: A, measure: "M1", year: 2025, amount: 2_000_000 }] });
    expect(result.rows[0].status).toBe("eligible");
    expect(finals(result.rows)).toEqual(["0.00"]);
    // Revision 3: the record gives no 总投资额, so it counted against both of 第1条's limits, and the row says so.
    expect(codes(result.rows[0])).toEqual(["history_tier_unknown", "cap_applied"]);
  });

  test("an annual cap only counts the same year's history", () => {
    const rows = [m3(A, 50_000_000, { year: 2025 }), m3(A, 50_000_001, { year: 2026 })];
    const result = settleApplications(rows, { history: [{ entityId: A, measure: "M3", year: 2025, amount: 2_500_000 }] });
    expect(finals(result.rows)).toEqual(["500000.00", "1000000.02"]);
  });

  test("unusable history records are reported, not fatal; the rows of their entity go to a person", () => {
    const result = settleApplications([m1(A), m1(B)], {
      ...LOAN,
      history: [
        { entityId: "bad", measure: "M1", amount: 1, source: "历史兑现!2" },
        { entityId: A, measure: "M77", amount: 1 },
      ],
    });
    expect(result.historyProblems.map((p) => p.source)).toEqual(["历史兑现!2", "history 2"]);
    expect(finals(result.rows)).toEqual(["487500.00", "487500.00"]);
    expect(result.rows.map((r) => r.status)).toEqual(["manual", "eligible"]);
    expect(result.rows[0].reasons.find((r) => r.code === "manual_review")!.en).toMatch(/history record history 2 cannot be read/);
  });
});

describe("shared per-measure caps, in row order", () => {
  test("two loans of one entity under M5 share its 1,000,000 cap; the row where it bites says so", () => {
    const row = (source: string): ApplicationRow => ({
      source,
      entityId: A,
      year: 2025,
      measure: "M5",
      projectId: source,
      facts: { totalInvestment: 2_000_000, loan: loanEarning(600_000) },
    });
    const result = settleApplications([row("r1"), row("r2"), row("r3")], LOAN);
    expect(finals(result.rows)).toEqual(["600000.00", "400000.00", "0.00"]);
    expect(codes(result.rows[0])).toEqual([]);
    expect(codes(result.rows[1])).toEqual(["cap_applied"]);
    expect(result.rows[1].reasons[0].en).toMatch(/earlier rows of this year 600,000.00/);
  });

  test("a one-time fixed award is paid once per entity, in its first award year", () => {
    const result = settleApplications([
      { entityId: A, year: 2026, measure: "M6b", source: "r1" },
      { entityId: A, year: 2025, measure: "M6b", source: "r2" },
    ]);
    expect(finals(result.rows)).toEqual(["0.00", "500000.00"]);
    expect(result.rows[0].status).toBe("ineligible");
    expect(codes(result.rows[0])).toEqual(["already_received"]);
    expect(result.rows[0].reasons[0].en).toContain("r2 (2025)");
  });

  test("different entities do not share a cap", () => {
    const result = settleApplications([m3(A, 200_000_000), m3(B, 200_000_000)]);
    expect(finals(result.rows)).toEqual(["3000000.00", "3000000.00"]);
  });
});

describe("other provincial support (已获其他省级支持)", () => {
  test("top-up pays the difference, so the entity ends with the higher of the two", () => {
    const result = settleApplications([m1(A, { otherProvincialSupport: 100_000 }), m1(B, { otherProvincialSupport: 700_000 })], LOAN);
    expect(finals(result.rows)).toEqual(["387500.00", "0.00"]);
    expect(codes(result.rows[0])).toEqual(["other_support_deducted"]);
    expect(codes(result.rows[1])).toEqual(["other_support_higher"]);
    expect(result.rows[1].status).toBe("eligible");
  });

  test("exclude pays nothing once other support was received", () => {
    const result = settleApplications([m1(A, { otherProvincialSupport: "0.01" }), m1(B, { otherProvincialSupport: 0 })], {
      ...LOAN,
      otherSupport: "exclude",
    });
    expect(finals(result.rows)).toEqual(["0.00", "487500.00"]);
    expect(codes(result.rows[0])).toEqual(["other_support_excluded"]);
  });
});

describe("从优、就高、不重复", () => {
  test("entity-year: the highest measure wins, the others are superseded and named", () => {
    const result = settleApplications(
      [m3(A, "12345678.90", { source: "r1" }), m1(A, { source: "r2" }), m3(B, "12345678.90", { source: "r3" })],
      LOAN,
    );
    expect(result.rows.map((r) => r.status)).toEqual(["superseded", "eligible", "eligible"]);
    expect(finals(result.rows)).toEqual(["0.00", "487500.00", "246913.58"]);
    expect(codes(result.rows[0])).toEqual(["superseded_by"]);
    expect(result.rows[0].reasons[0].en).toMatch(/goes to 第1条 \(r2, total 487,500.00\)/);
  });

  test("several loans of one measure count together against another measure", () => {
    const loan = (amount: number, source: string): ApplicationRow => ({
      source,
      entityId: A,
      year: 2025,
      measure: "M8b",
      projectId: source,
      facts: { loan: loanEarning(amount) },
    });
    const result = settleApplications([loan(200_000, "a"), loan(200_000, "b"), m3(A, 15_000_000, { source: "c" })], LOAN); // 400,000 vs 300,000
    expect(result.rows.map((r) => r.status)).toEqual(["eligible", "eligible", "superseded"]);
  });

  test("ties go to the lower measure number, then the earlier row", () => {
    const sixB = { entityId: A, year: 2025, measure: "M6b" };
    const fourA = {
      entityId: A,
      year: 2025,
      measure: "M4a",
      facts: { importExport: 6_000_000, firstTime: true, eligibleCosts: 1_000_000 },
    }; // 500,000
    const tie = settleApplications([sixB, fourA]);
    expect(tie.rows.map((r) => r.status)).toEqual(["superseded", "eligible"]);
    const fourB = {
      entityId: A,
      year: 2025,
      measure: "M4b",
      facts: { importExport: 12_000_000, firstTime: true, eligibleCosts: 1_000_000 },
    };
    const sameClause = settleApplications([fourB, fourA]);
    expect(sameClause.rows.map((r) => r.status)).toEqual(["eligible", "superseded"]);
  });

  test("different years are different scopes under entity-year", () => {
    const result = settleApplications([m3(A, 20_000_000, { year: 2025 }), m1(A, { year: 2026 })]);
    expect(result.rows.map((r) => r.status)).toEqual(["eligible", "eligible"]);
  });

  test("entity-project: different projects may each be supported", () => {
    const rows = [
      m3(A, 20_000_000, { projectId: "P1" }),
      m1(A, { projectId: "P2" }),
      m1(A, { projectId: "P1", facts: { qualified: true, totalInvestment: 30_000_000, loan: m1Loan } }),
    ];
    const byYear = settleApplications(rows, LOAN);
    expect(byYear.rows.map((r) => r.status)).toEqual(["superseded", "eligible", "eligible"]);
    const byProject = settleApplications(rows, { ...LOAN, dedupScope: "entity-project" });
    expect(byProject.rows.map((r) => r.status)).toEqual(["superseded", "eligible", "eligible"]);
    expect(finals(byProject.rows)).toEqual(["0.00", "487500.00", "487500.00"]);
    const separate = settleApplications([m3(A, 20_000_000, { projectId: "P1" }), m1(A, { projectId: "P2" })], {
      ...LOAN,
      dedupScope: "entity-project",
    });
    expect(separate.rows.map((r) => r.status)).toEqual(["eligible", "eligible"]);
  });

  test("when every measure of the entity ends at 0.00 nothing is superseded", () => {
    const result = settleApplications([
      m1(A, { otherProvincialSupport: 1_000_000 }),
      m3(A, 20_000_000, { otherProvincialSupport: 1_000_000 }),
    ]);
    expect(result.rows.map((r) => r.status)).toEqual(["eligible", "eligible"]);
    expect(finals(result.rows)).toEqual(["0.00", "0.00"]);
  });

  test("第14条 approved amounts take part; the row stays manual when it wins", () => {
    const result = settleApplications([{ entityId: A, year: 2025, measure: "14", facts: { approvedAmount: 800_000 } }, m1(A)]);
    expect(result.rows.map((r) => r.status)).toEqual(["manual", "superseded"]);
    expect(finals(result.rows)).toEqual(["800000.00", "0.00"]);
  });
});

describe("claimed amount (申报金额)", () => {
  test("a lower claim is what is paid; a higher claim is flagged and the computed amount paid", () => {
    const result = settleApplications(
      [m1(A, { claimedAmount: 400_000 }), m1(B, { claimedAmount: 700_000 }), m1(C, { claimedAmount: "487500.00" })],
      LOAN,
    );
    expect(finals(result.rows)).toEqual(["400000.00", "487500.00", "487500.00"]);
    expect(codes(result.rows[0])).toEqual(["claim_lower_than_computed"]);
    expect(codes(result.rows[1])).toEqual(["claim_exceeds_computed"]);
    expect(codes(result.rows[2])).toEqual([]);
    expect(result.rows[0].claimed!.toFixed(2)).toBe("400000.00");
  });

  test("the claim is compared with the row's amount after its own cap (revision 2: before shared caps and 不重复)", () => {
    const result = settleApplications(
      [
        m1(A, {
          claimedAmount: 3_000_000,
          facts: { qualified: true, totalInvestment: 25_000_000, loan: { ...m1Loan, principal: 50_000_000 } },
        }),
      ],
      LOAN,
    );
    expect(finals(result.rows)).toEqual(["2000000.00"]);
    expect(codes(result.rows[0])).toEqual(["cap_applied", "claim_exceeds_computed"]);
  });
});

describe("row checks", () => {
  test("identical duplicate rows: the later one is an error naming the first", () => {
    const result = settleApplications(
      [m1(A, { source: "S!2" }), m1(A, { source: "S!3" }), m1(A, { source: "S!4", projectId: "other" })],
      LOAN,
    );
    expect(result.rows.map((r) => r.status)).toEqual(["eligible", "error", "eligible"]);
    expect(codes(result.rows[1])).toEqual(["duplicate_row"]);
    expect(result.rows[1].reasons[0].en).toContain("S!2");
  });

  test("a code outside Heilongjiang is a warning, not an error", () => {
    const result = settleApplications([m1("91350100M000100Y43")]);
    expect(result.rows[0].status).toBe("eligible");
    expect(codes(result.rows[0])).toEqual(["out_of_province"]);
    expect(result.rows[0].reasons[0].severity).toBe("warning");
    expect(result.rows[0].city).toBe("");
    expect(result.totals.byCity["未知"].rows).toBe(1);
  });

  test("lower-case and full-width codes are normalised before checking", () => {
    const result = settleApplications([
      m1(` ${A.toLowerCase()} `),
      m1(
        A.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
        { projectId: "x" },
      ),
    ]);
    expect(result.rows.map((r) => [r.status, r.entityId])).toEqual([
      ["eligible", A],
      ["eligible", A],
    ]);
    expect(result.totals.entities).toBe(1);
  });

  test.each`
    year    | status
    ${2024} | ${"ineligible"}
    ${2025} | ${"eligible"}
    ${2027} | ${"eligible"}
    ${2028} | ${"ineligible"}
  `("award year $year → $status (validity 2025–2027)", ({ year, status }) => {
    const result = settleApplications([m3(A, 20_000_000, { year })]);
    expect(result.rows[0].status).toBe(status);
    if (status === "ineligible") expect(codes(result.rows[0])).toEqual(["outside_validity"]);
  });

  test("missing entity, year or measure are missing_field errors naming the field", () => {
    const result = settleApplications([
      { year: 2025, measure: "M6a" },
      { entityId: A, measure: "M6a" },
      { entityId: A, year: 2025 },
    ]);
    expect(result.rows.map((r) => r.reasons.map((x) => [x.code, x.field]))).toEqual([
      [["missing_field", "entityId"]],
      [["missing_field", "year"]],
      [["missing_field", "measure"]],
    ]);
  });

  test("第6条 without a part is settled by the level column", () => {
    const result = settleApplications([
      { entityId: A, year: 2025, measure: "第6条", facts: { level: "national" } },
      { entityId: B, year: 2025, measure: "6", facts: { level: "provincial" } },
      { entityId: C, year: 2025, measure: "6" },
    ]);
    expect(result.rows.map((r) => r.measure)).toEqual(["M6a", "M6b", null]);
    expect(finals(result.rows)).toEqual(["1000000.00", "500000.00", "0.00"]);
    expect(codes(result.rows[2])).toEqual(["unknown_measure"]);
  });

  test("host-found cell errors make the row an error and keep their messages", () => {
    const result = settleApplications([
      m1(A, {
        inputErrors: [
          {
            code: "bad_value",
            severity: "error",
            zh: "申报!F12 贷款利率：“3..45”不是数字",
            en: '申报!F12 贷款利率: "3..45" is not a number',
            field: "loanRate",
          },
        ],
      }),
    ]);
    expect(result.rows[0].status).toBe("error");
    expect(result.rows[0].reasons[0].en).toBe('申报!F12 贷款利率: "3..45" is not a number');
  });

  test("an LPR the table lacks is an lpr_unknown error; supplied entries fix it", () => {
    const late = m1(A, {
      facts: { qualified: true, totalInvestment: 20_000_000, loan: { ...m1Loan, startDate: "2026-09-01", endDate: "2027-09-01" } },
    });
    expect(codes(settleApplications([late], LOAN).rows[0])).toEqual(["lpr_unknown"]);
    const supplied = settleApplications([late], { ...LOAN, lprEntries: [{ date: "2026-08-20", rate: "0.029" }] });
    // 10,000,000 × 2.9% × 365 / 360 = 294,027.78
    expect(finals(supplied.rows)).toEqual(["294027.78"]);
  });

  test("award-year window: each year's row gets that year's interest; history keeps the cap", () => {
    const row = (year: number) => m1(A, { year, facts: { qualified: true, totalInvestment: 20_000_000, loan: m1Loan } });
    const result = settleApplications([row(2025), row(2026), row(2027)], { interestWindow: "award-year" });
    expect(finals(result.rows)).toEqual(["58333.33", "304166.67", "125000.00"]);
  });
});

describe("an unknown LPR names the loan date that needs it", () => {
  test("fixed mode: the start date; floating mode: the end date whose days are past the table", () => {
    const loan = { principal: 1_000_000, loanRate: "0.04", startDate: "2026-01-05", endDate: "2026-12-31" };
    const row = { entityId: A, year: 2026, measure: "M8b", facts: { loan } };
    expect(settleApplications([row], { lprMode: "floating" }).rows[0].reasons[0]).toMatchObject({ code: "lpr_unknown", field: "endDate" });
    const late = { ...row, facts: { loan: { ...loan, startDate: "2026-09-01" } } };
    expect(settleApplications([late]).rows[0].reasons[0]).toMatchObject({ code: "lpr_unknown", field: "startDate" });
  });
});
