/**
 * RULES.md revision 3, change 8: ties and readings said where they decide. The 不重复 tie rule in the superseded
 * row's reason and explanation; the entity-year scope, the fixed 同期 LPR and the stand-in issue date as stated
 * assumptions in the outputs' options (JSON, summary sheet; the command line in test/cli).
 */
import { batchResultToJson, screenWorkbook, settleApplications } from "../../../core";
import { summaryModel } from "../../../core/screening/report";
import { wordedRow } from "../../../core/words/result-json";
import { makeUscc } from "../../helpers/uscc";

const A = makeUscc(1);
const HEADER = [
  "统一社会信用代码",
  "申报年度",
  "申报条款",
  "进出口额",
  "首次达到",
  "补贴基数",
  "示范级别",
  "新增实物网络零售额",
  "主体资格",
];

function both(values: unknown[][]) {
  const workbook = { sheets: [{ name: "申报", values }] };
  const fast = screenWorkbook(workbook);
  const reference = screenWorkbook(workbook, { engine: "reference" });
  const worded = (r: ReturnType<typeof screenWorkbook>) => JSON.parse(JSON.stringify(r.rows.map((row) => wordedRow(row))));
  expect(worded(fast)).toEqual(worded(reference));
  return fast;
}

describe("不重复 ties: the superseded row says it was a tie and which rule broke it", () => {
  test("第4条(1) 500,000 against 第6条(2) 500,000: the lower clause number wins", () => {
    const result = both([
      HEADER,
      [A, 2025, "M6b", null, null, null, "省级", null, null],
      [A, 2025, "M4a", 6_000_000, "是", 1_000_000, null, null, null],
    ]);
    expect(result.rows.map((r) => [r.status, r.final])).toEqual([
      ["superseded", "0.00"],
      ["eligible", "500000.00"],
    ]);
    const superseded = result.rows[0].reasons.find((r) => r.code === "superseded_by")!;
    expect(superseded.en).toContain("(a tie: the lower clause number wins)");
    expect(superseded.zh).toContain("（两者金额相同，按条款序号在前者优先）");
    expect(result.rows[0].explain.zh).toContain("按条款序号在前者优先");
    expect(result.rows[0].explain.en).toContain("a tie: the lower clause number wins");
  });

  test("the two parts of 第4条 at 500,000 each: the earlier row wins", () => {
    const result = both([
      HEADER,
      [A, 2025, "M4b", 12_000_000, "是", 1_000_000, null, null, null],
      [A, 2025, "M4a", 6_000_000, "是", 1_000_000, null, null, null],
    ]);
    expect(result.rows.map((r) => [r.status, r.final])).toEqual([
      ["eligible", "500000.00"],
      ["superseded", "0.00"],
    ]);
    expect(result.rows[1].reasons.find((r) => r.code === "superseded_by")!.en).toContain(
      "(a tie between the two parts of one clause: the earlier row wins)",
    );
    expect(result.rows[1].explain.zh).toContain("同条两项金额相同，按申报行在前者优先");
  });

  test("no tie, no tie words: 第3条 2,400,000 against 第6条(2) 500,000", () => {
    const result = both([
      HEADER,
      [A, 2025, "M6b", null, null, null, "省级", null, null],
      [A, 2025, "M3", null, null, null, null, 120_000_000, "是"],
    ]);
    expect(result.rows[0].status).toBe("superseded");
    expect(result.rows[0].reasons.find((r) => r.code === "superseded_by")!.en).not.toContain("tie");
  });
});

describe("the readings and the stand-in issue date as stated assumptions in the options", () => {
  const workbook = { sheets: [{ name: "申报", values: [HEADER, [A, 2025, "M6b", null, null, null, "省级", null, null]] }] };

  test("defaults: entity-year, fixed 同期 LPR and the draft's stand-in 2025-10-23, in the JSON options and the summary", () => {
    const result = screenWorkbook(workbook);
    expect(result.options.assumptions.map((a) => a.en)).toEqual([
      "no duplication per entity and award year: the text says 同一法人主体 (the same legal entity) and names no period; the year is a reading",
      "同期 LPR is the one-year LPR in force on the loan's start date: a reading of 同期 (at the same time)",
      "Assumed in force from 2025-10-23 (the date the draft was published); the issued text's date prevails",
    ]);
    expect(JSON.parse(JSON.stringify(result)).options.assumptions[0].zh).toBe(
      "不重复按同一企业同一申报年度：原文“同一法人主体”未规定期间，按年度为本工具的解读",
    );
    const info = summaryModel(result, "zh").info.map(([label, value]) => `${label}：${value}`);
    expect(info).toEqual(
      expect.arrayContaining([
        "解读：不重复按同一企业同一申报年度：原文“同一法人主体”未规定期间，按年度为本工具的解读",
        "解读：同期LPR取放款日适用的一年期LPR：“同期”按放款日解读",
      ]),
    );
    // Typed rows say the same.
    expect(batchResultToJson(settleApplications([])).options.assumptions).toEqual(result.options.assumptions);
  });

  test("other choices state no reading; an issue date given as an option is no assumption", () => {
    const result = screenWorkbook(workbook, { dedupScope: "entity-project", lprMode: "floating", effectiveFrom: "2025-11-01" });
    expect(result.options.assumptions).toEqual([]);
    expect(summaryModel(result, "en").info.some(([label]) => label === "Reading")).toBe(false);
  });
});
