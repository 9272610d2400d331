/**
 * SCREENING.md revision 3: amounts to pay (拟支持, final of eligible rows) and amounts awaiting a person's
 * decision (待人工核定, final of manual rows) are never added together. The summary sheet (HLJ汇总, written by the
 * command line and the task pane from summaryModel) shows two figures; the JSON's totals.final stays.
 */
import { screenWorkbook } from "../../../core";
import { splitTotals, summaryModel } from "../../../core/screening/report";
import { makeUscc } from "../../helpers/uscc";

const workbook = {
  sheets: [
    {
      name: "申报",
      values: [
        ["统一社会信用代码", "申报年度", "申报条款", "新增实物网络零售额", "主体资格", "核定金额"],
        [makeUscc(1), 2025, "第3条", 150_000_000, "是", null],
        [makeUscc(2), 2025, "第14条", null, "是", 500_000],
      ],
    },
  ],
};

describe("拟支持 and 待人工核定, never added together", () => {
  const result = screenWorkbook(workbook);

  test("the workbook has rows of both kinds", () => {
    expect(result.rows.map((r) => r.status)).toEqual(["eligible", "manual"]);
    expect(Number(result.totals.byStatus.eligible.final)).toBe(3_000_000);
    expect(Number(result.totals.byStatus.manual.final)).toBe(500_000);
  });

  test("splitTotals gives the final of eligible rows and of manual rows", () => {
    const { toPay, pending } = splitTotals(result.totals);
    expect(toPay.toFixed(2)).toBe("3000000.00");
    expect(pending.toFixed(2)).toBe("500000.00");
    expect(splitTotals({ byStatus: {} }).pending.toFixed(2)).toBe("0.00");
  });

  test("the summary sheet shows two figures, both formatted as amounts, and no sum of both", () => {
    const toPay = Number(result.totals.byStatus.eligible.final);
    const pending = Number(result.totals.byStatus.manual.final);
    const zh = summaryModel(result, "zh");
    const row = (label: string) => zh.info.findIndex(([l]) => l === label);
    expect(zh.info[row("拟支持（元）")][1]).toBe(toPay);
    expect(zh.info[row("待人工核定（元）")][1]).toBe(pending);
    expect(zh.totalRows).toEqual([row("拟支持（元）"), row("待人工核定（元）")]);
    expect(zh.info.some(([l, v]) => l.includes("合计") || v === toPay + pending)).toBe(false);
    const en = summaryModel(result, "en");
    expect(en.info.map(([l]) => l)).toEqual(expect.arrayContaining(["Total to pay (yuan)", "Total awaiting a person's decision (yuan)"]));
  });
});
