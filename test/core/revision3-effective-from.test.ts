import { InputError } from "../../core/errors/errors";
import { resolveOptions } from "../../core/options";
import { optionsInWords, summaryModel } from "../../core/screening/report";
import { screenWorkbook } from "../../core/screening/screen";
import { makeUscc } from "../helpers/uscc";

/**
 * RULES.md revision 3, "Subsidy period": the policy runs from its issue date (自印发之日起施行); the draft's set
 * uses its publication date 2025-10-23 as a stand-in, marked assumed; option effectiveFrom sets the real date,
 * and every output that depends on it names it.
 */
const A = makeUscc(1);
const header = ["统一社会信用代码", "申报年度", "申报条款", "主体资格", "总投资额", "贷款金额", "贷款利率", "放款日期", "到期日期"];
const workbook = {
  sheets: [{ name: "s", values: [header, [A, 2025, "M1", "是", 20_000_000, 10_000_000, 0.0345, "2025-06-01", "2027-05-31"]] }],
};

describe("option effectiveFrom", () => {
  test("defaults to the parameter set's issue date, the stand-in 2025-10-23", () => {
    expect(resolveOptions().options.effectiveFrom).toBe("2025-10-23");
    expect(resolveOptions({ effectiveFrom: "" }).options.effectiveFrom).toBe("2025-10-23");
    expect(resolveOptions({ effectiveFrom: "2026-01-05" }).options.effectiveFrom).toBe("2026-01-05");
  });

  test.each(["2025-13-01", "2025-02-30", "23/10/2025", "yesterday"])("%s is not a date: a clear error naming the option", (text) => {
    expect(() => resolveOptions({ effectiveFrom: text })).toThrow(InputError);
    expect(() => resolveOptions({ effectiveFrom: text })).toThrow(
      /option effectiveFrom \(the policy's issue date\) must be a date YYYY-MM-DD/,
    );
  });

  test("a date after the end of the policy's period is refused", () => {
    expect(() => resolveOptions({ effectiveFrom: "2028-01-01" })).toThrow(/after the end of the policy's period, 2027-12-31/);
  });
});

describe("screening with the issue date", () => {
  test.each(["fast", "reference"] as const)(
    "%s engine: 2025 pays 70 days from 2025-10-23: the appendix's lines of SCREENING.md revision 3, the stand-in said in the options",
    (engine) => {
      const result = screenWorkbook(workbook, { engine });
      expect(result.rows[0].final).toBe("58333.33");
      expect(result.options.effectiveFrom).toBe("2025-10-23");
      // The five lines of SCREENING.md revision 3's example, exactly, for this input.
      expect(result.rows[0].explain.zh.split("\n")).toEqual(
        expect.arrayContaining([
          "计息区间：2025-10-23 至 2025-12-31（含），70天",
          "适用利率：贷款利率 3.45% 与同期LPR 3.00% 孰低，取 3.00%",
          "贴息额：10,000,000.00 × 3.00% × 70 ÷ 360 = 58,333.33",
          "累计上限：2,000,000.00；已兑现 0.00；本次 58,333.33",
          "结论：拟支持 58,333.33",
        ]),
      );
      // The stand-in issue date is said once, with the options (and the appendix's heading), not in every row.
      expect(result.options.assumptions.map((a) => a.zh)).toContain("假定自2025-10-23起施行（征求意见稿发布日期），以正式印发日期为准");
    },
  );

  test.each(["fast", "reference"] as const)(
    "%s engine: effectiveFrom 2025-07-01 pays 184 days of 2025, the window from that date",
    (engine) => {
      const result = screenWorkbook(workbook, { engine, effectiveFrom: "2025-07-01" });
      // 10,000,000 × 3% × 184 / 360
      expect(result.rows[0].final).toBe("153333.33");
      expect(result.rows[0].explain.zh).toContain("计息区间：2025-07-01 至 2025-12-31（含），184天");
      expect(result.rows[0].explain.en).toContain("Interest: 10,000,000.00 × 3.00% × 184 ÷ 360 = 153,333.33");
    },
  );

  test("the summary sheet's options name the issue date, in both languages", () => {
    const result = screenWorkbook(workbook);
    expect(optionsInWords(result.options, "zh")).toContain("假定自2025-10-23起施行（征求意见稿发布日期），以正式印发日期为准");
    expect(optionsInWords(result.options, "en")).toContain("Assumed in force from 2025-10-23");
    const info = summaryModel(screenWorkbook(workbook, { effectiveFrom: "2026-01-05" }), "zh").info;
    expect(JSON.stringify(info)).toContain("自2026-01-05起施行（按所选施行日期）");
  });
});
