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
  test.each(["fast", "reference"] as const)("%s engine: 2025 pays 70 days from 2025-10-23, said in the row and the options", (engine) => {
    const result = screenWorkbook(workbook, { engine });
    expect(result.rows[0].final).toBe("58333.33");
    expect(result.options.effectiveFrom).toBe("2025-10-23");
    expect(result.rows[0].explain.zh).toContain("假定自2025-10-23起施行（征求意见稿发布日期），以正式印发日期为准");
    expect(result.rows[0].explain.en).toContain(
      "Assumed in force from 2025-10-23 (the date the draft was published); the issued text's date prevails",
    );
  });

  test.each(["fast", "reference"] as const)(
    "%s engine: effectiveFrom 2025-07-01 pays 184 days of 2025, named as the option's",
    (engine) => {
      const result = screenWorkbook(workbook, { engine, effectiveFrom: "2025-07-01" });
      // 10,000,000 × 3% × 184 / 360
      expect(result.rows[0].final).toBe("153333.33");
      expect(result.rows[0].explain.en).toContain(
        "policy period 2025-07-01 – 2027-12-31 (in force from 2025-07-01 (option effectiveFrom))",
      );
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
