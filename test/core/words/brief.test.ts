/**
 * 简要说明 (SCREENING.md revision 3, the review list): one short line per row saying what decided its amount, for
 * each status — made from the row's status and reason codes by briefReason (core/words/brief.ts).
 */
import { briefReason } from "../../../core";
import { screenWorkbook } from "../../../core/screening/screen";
import { makeUscc } from "../../helpers/uscc";

const header = [
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
  "核定金额",
  "申报金额",
  "已获其他省级支持",
];
const cells = (values: Record<string, unknown>) => header.map((h) => values[h] ?? null);
const loan = { 总投资额: 21_710_155, 贷款金额: 16_800_000, 贷款利率: 0.0335, 放款日期: "2023-12-16", 到期日期: "2027-12-16" };
const result = screenWorkbook({
  sheets: [
    {
      name: "申报",
      values: [
        header,
        cells({ 统一社会信用代码: makeUscc(1), 申报年度: 2025, 申报条款: "第8条(1)", ...loan }),
        cells({
          统一社会信用代码: makeUscc(2),
          申报年度: 2025,
          申报条款: "第3条",
          主体资格: "是",
          新增实物网络零售额: 12_000_000,
          申报金额: 200_000,
        }),
        cells({ 统一社会信用代码: makeUscc(3), 申报年度: 2025, 申报条款: "第3条", 主体资格: "是", 新增实物网络零售额: 9_999_000 }),
        cells({
          统一社会信用代码: makeUscc(4),
          申报年度: 2025,
          申报条款: "第4条(1)",
          进出口额: 17_940_315,
          首次达到: "是",
          补贴基数: 1_413_200,
        }),
        cells({ 统一社会信用代码: makeUscc(5), 申报年度: 2025, 申报条款: "第8条(1)", ...loan }),
        cells({ 统一社会信用代码: makeUscc(6), 申报年度: 2025, 申报条款: "第14条", 核定金额: 684_000 }),
        cells({ 统一社会信用代码: makeUscc(7), 申报年度: 2025, 申报条款: "第18条" }),
        cells({ 统一社会信用代码: makeUscc(8), 申报年度: 2025, 申报条款: "第13条" }),
        cells({
          统一社会信用代码: makeUscc(9),
          申报年度: 2025,
          申报条款: "第8条(2)",
          贷款金额: 1_000_000,
          贷款利率: 3.45,
          放款日期: "2025-01-01",
          到期日期: "2026-01-01",
        }),
        cells({
          统一社会信用代码: makeUscc(10),
          申报年度: 2025,
          申报条款: "第3条",
          主体资格: "是",
          新增实物网络零售额: 12_000_000,
          已获其他省级支持: 40_000,
        }),
        // The entity of row 2 also claims 第3条 for 2025: 240,000.00 beats its 109,433.33 of 第8条(1).
        cells({ 统一社会信用代码: makeUscc(1), 申报年度: 2025, 申报条款: "第3条", 主体资格: "是", 新增实物网络零售额: 12_000_000 }),
      ],
    },
    {
      name: "历史兑现",
      values: [
        ["统一社会信用代码", "条款", "年度", "兑现金额"],
        [makeUscc(5), "第8条(1)", 2024, 2_950_000],
      ],
    },
  ],
});
const row = (source: string) => result.rows.find((r) => r.source === source)!;
const brief = (source: string) => {
  const r = row(source);
  return [r.status, briefReason(r, "zh"), briefReason(r, "en")];
};

describe("briefReason: the deciding reason in one short line", () => {
  test("eligible: the computed amount, or the step that changed it", () => {
    expect(brief("申报!3")).toEqual(["eligible", "申报金额低于核算金额，按申报金额", "the claim is below the computed amount: the claim"]);
    expect(brief("申报!5")).toEqual(["eligible", "超过上限，按上限 500,000.00", "above the cap: the cap, 500,000.00"]);
    // History paid 2,950,000.00 of 第8条's 3,000,000.00: 109,433.33 cut to 50,000.00.
    expect(brief("申报!6")).toEqual(["eligible", "超过累计上限，核减至 50,000.00", "shared cap reached: reduced to 50,000.00"]);
    expect(brief("申报!11")).toEqual([
      "eligible",
      "扣除已获其他省级支持，补足差额 200,000.00",
      "other support deducted: top-up 200,000.00",
    ]);
    expect(brief("申报!12")).toEqual(["eligible", "按核算金额", "the computed amount"]);
  });

  test("ineligible: the deciding condition, its limit in 万元", () => {
    expect(brief("申报!4")).toEqual([
      "ineligible",
      "年度新增实物网络零售额未超过 1,000万元",
      "increase in online retail sales 9,999,000.00 is not above 10,000,000.00",
    ]);
  });

  test("superseded: the clause that is paid instead", () => {
    expect(brief("申报!2")).toEqual(["superseded", "从优：按第3条支持", "no duplication: 第3条 is paid"]);
  });

  test("manual: what a person decides", () => {
    expect(brief("申报!7")).toEqual(["manual", "需人工核定：主管部门核定 684,000.00", "for a person: approved 684,000.00"]);
    expect(brief("申报!8")).toEqual(["manual", "需人工核定：尚无主管部门核定金额", "for a person: no approved amount yet"]);
  });

  test("not_cash: the clause sets no provincial funds", () => {
    expect(brief("申报!9")).toEqual(["not_cash", "本条未设省级资金", "no provincial cash under this clause"]);
  });

  test("error: the first error, by its column", () => {
    expect(brief("申报!10")).toEqual([
      "error",
      "第G列 贷款利率：3.45 像是百分点数，请写 3.45% 或 0.0345",
      "column G: 贷款利率: 3.45 looks like percent points: write 3.45% or 0.0345",
    ]);
  });

  test("every Chinese brief is one short line: no line break, no internal id, at most 40 characters", () => {
    for (const r of result.rows) {
      const zh = briefReason(r, "zh");
      expect(zh).not.toMatch(/\n|\bM\d/);
      expect(zh.length).toBeLessThanOrEqual(40);
    }
  });
});
