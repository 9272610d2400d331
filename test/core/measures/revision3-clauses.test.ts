import { screenWorkbook } from "../../../core/screening/screen";
import { makeUscc } from "../../helpers/uscc";

/**
 * RULES.md revision 3, change 6: 第19条 pays city governments only ("给予创建市(地)政府(行署)100万元一次性奖励":
 * a credit code starting 11, 机关); any other applicant is ineligible, not_government. 第18条 (出口信用保险) is
 * manual with the approved amount, like 第14条. Both engines decide alike.
 */
const CITY = makeUscc(1, "230100", "11"); // 哈尔滨市人民政府 (a government organ's code)
const COMPANY = makeUscc(2, "230100"); // 91…: a company
const OTHER = makeUscc(3, "230600");
const header = ["统一社会信用代码", "申报年度", "申报条款", "核定金额"];

describe.each(["fast", "reference"] as const)("第18条 and 第19条 in screening (%s engine)", (engine) => {
  const result = screenWorkbook(
    {
      sheets: [
        {
          name: "s",
          values: [
            header,
            [CITY, 2026, "第19条", null],
            [COMPANY, 2026, "第19条", null],
            [COMPANY, 2026, "第18条", 120_000],
            [OTHER, 2026, "M18", null],
          ],
        },
      ],
    },
    { engine, dedupScope: "entity-project" },
  );

  test("第19条: the city government (11…) is paid 1,000,000.00; a company (91…) is ineligible, not_government", () => {
    expect(result.rows[0]).toMatchObject({ status: "eligible", measure: "M19" });
    expect(result.rows[0].final).toBe("1000000.00");
    expect(result.rows[1]).toMatchObject({ status: "ineligible", measure: "M19" });
    expect(result.rows[1].final).toBe("0.00");
    expect(result.rows[1].reasons.map((r) => r.code)).toEqual(["not_government"]);
    expect(result.rows[1].reasons[0].zh).toContain(`统一社会信用代码 ${COMPANY} 不以11（机关）开头`);
  });

  test("第18条 is manual: the approved amount, or 0.00 awaiting the department", () => {
    expect(result.rows[2]).toMatchObject({ status: "manual", measure: "M18" });
    expect(result.rows[2].final).toBe("120000.00");
    expect(result.rows[3]).toMatchObject({ status: "manual", measure: "M18" });
    expect(result.rows[3].final).toBe("0.00");
    expect(result.rows[3].reasons.map((r) => r.code)).toContain("manual_review");
  });
});

test("the other non-cash clauses say 本条未设省级资金奖补", () => {
  const result = screenWorkbook({ sheets: [{ name: "s", values: [header, [COMPANY, 2026, "第13条", null]] }] });
  expect(result.rows[0].status).toBe("not_cash");
  expect(result.rows[0].reasons[0].zh).toContain("本条未设省级资金奖补");
});
