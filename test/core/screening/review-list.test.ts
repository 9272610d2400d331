/**
 * The review list and the appendix as laid out for every host (SCREENING.md revision 3): the title, the head
 * (填报单位 from the workbook, 筛查日期, 政策版本, options in words, the stand-in issue date), the reviewer's twelve
 * columns in order, 合计 split into 拟支持 and 待人工核定, the signature block, and our sheets known by content.
 */
import {
  APPENDIX_COLUMNS,
  RESULT_COLUMNS,
  REVIEW_COLUMNS,
  appendixLayout,
  isOurAppendixSheet,
  isOurResultsSheet,
  ownSheetKind,
  reportingUnitOf,
  reviewListLayout,
  screenWorkbook,
} from "../../../core";

const HEADER = ["统一社会信用代码", "企业名称", "申报年度", "申报条款", "贷款金额", "贷款利率", "放款日期", "到期日期"];
const workbook = {
  sheets: [
    {
      name: "申报",
      values: [
        ["2025年度申报汇总表"],
        ["填报单位：哈尔滨市商务局（盖章）", null, "填报日期：2025年12月20日"],
        HEADER,
        ["91230100MA00060EAE", "雪乡物流股份有限公司", 2025, "第8条", 10_000_000, 0.0345, "2025-06-01", "2027-06-01"],
        ["91230100MA00060EAE", "雪乡物流股份有限公司", 2025, "第14条", null, null, null, null],
      ],
    },
  ],
};

describe("the review list's layout", () => {
  const result = screenWorkbook(workbook);
  const layout = reviewListLayout(result, "zh", { date: "2026-12-06", reportingUnit: result.reportingUnit });

  test("the 填报单位 comes from the workbook, without its （盖章）", () => {
    expect(result.reportingUnit).toBe("哈尔滨市商务局");
    expect(reportingUnitOf([{ values: [["填报单位：", "齐齐哈尔市商务局"]] }])).toBe("齐齐哈尔市商务局");
    expect(reportingUnitOf([{ values: [["填报单位：＿＿＿＿"]] }])).toBeNull();
    expect(reportingUnitOf([{ values: [["申报汇总表"]] }])).toBeNull();
  });

  test("title, head lines and the stand-in issue date", () => {
    expect(layout.title).toBe("《黑龙江省促进电子商务高质量发展若干政策措施（征求意见稿）》奖补资金申报筛查审核表");
    expect(layout.headLines[0]).toBe("填报单位：哈尔滨市商务局\u3000\u3000筛查日期：2026-12-06");
    expect(layout.headLines[1]).toMatch(/^政策版本：黑龙江省促进电子商务高质量发展若干政策措施（征求意见稿）（hlj-ecommerce-2025-draft）$/);
    expect(layout.headLines[2]).toMatch(/^筛查选项：LPR取值：固定利率（放款日LPR）；计息天数：实际天数\/360；/);
    expect(layout.headLines[2]).not.toContain("假定");
    expect(layout.headLines[3]).toBe("施行日期：假定自2025-10-23起施行（征求意见稿发布日期），以正式印发日期为准");
    const blank = reviewListLayout(result, "zh", { date: "2026-12-06" });
    expect(blank.headLines[0]).toMatch(/^填报单位：＿+\u3000\u3000筛查日期：2026-12-06$/);
  });

  test("the reviewer's columns in order, then 合计 split and the signature block", () => {
    expect(REVIEW_COLUMNS.map((c) => c.header.zh)).toEqual([
      "序号",
      "来源",
      "企业名称",
      "统一社会信用代码",
      "所属市(地)",
      "申报年度",
      "申报条款",
      "申报金额",
      "核定金额",
      "状态",
      "简要说明",
      "审核意见",
    ]);
    expect(layout.firstDataRow).toBe(layout.headerRow + 1);
    expect(layout.totalsRow).toBe(layout.firstDataRow + result.rows.length);
    expect(layout.totals.map((t) => t.label)).toEqual(["合计：拟支持", "合计：待人工核定"]);
    const eligible = result.rows.filter((r) => r.status === "eligible").reduce((s, r) => s + Number(r.final), 0);
    expect(layout.totals[0].amount).toBeCloseTo(eligible, 2);
    expect(layout.signature.map((s) => s.text)).toEqual(["经办人：", "审核人：", "负责人：", "日期：", "（盖章）"]);
    expect(layout.signatureRow).toBe(layout.totalsRow + 3);
    expect(layout.printArea).toBe(`$A$1:$L$${layout.signatureRow}`);
    expect(REVIEW_COLUMNS[layout.finalColumn].header.zh).toBe("核定金额");
    // Twelve columns of at most 137 characters: one A4 landscape page wide at 100%.
    expect(REVIEW_COLUMNS.reduce((s, c) => s + c.width, 0)).toBeLessThanOrEqual(137);
  });

  test("the appendix names the policy once, its rows one per application", () => {
    const appendix = appendixLayout(result, "zh", { date: "2026-12-06" });
    expect(appendix.title).toBe("附件：计算明细");
    expect(appendix.headLines[0]).toContain("《黑龙江省促进电子商务高质量发展若干政策措施（征求意见稿）》");
    expect(appendix.printArea).toBe(`$A$1:$E$${appendix.headerRow + result.rows.length}`);
    expect(APPENDIX_COLUMNS.map((c) => c.header.zh)).toEqual(["序号", "来源", "企业名称", "申报条款", "计算明细"]);
  });

  test("our sheets are known by their header row under the head, and the former layout too", () => {
    const head = [[layout.title], [layout.headLines[0]], [], RESULT_COLUMNS.map((c) => c.header.zh)];
    expect(isOurResultsSheet([[layout.title], REVIEW_COLUMNS.map((c) => c.header.zh)])).toBe(false);
    expect(isOurResultsSheet(head)).toBe(true);
    expect(ownSheetKind(head)).toBe("results");
    expect(
      ownSheetKind([["来源", "统一社会信用代码", "申报年度", "条款", "措施代码", "计算金额", "最终金额", "状态", "状态代码", "计算说明"]]),
    ).toBe("results");
    expect(isOurAppendixSheet([["附件：计算明细"], [], APPENDIX_COLUMNS.map((c) => c.header.en)])).toBe(true);
    // An applicant table with 序号 first is not ours.
    expect(ownSheetKind([HEADER])).toBeNull();
    expect(ownSheetKind([["序号", "企业名称", "统一社会信用代码", "申报年度", "申报条款"]])).toBeNull();
  });
});
