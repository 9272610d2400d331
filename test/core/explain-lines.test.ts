/**
 * SCREENING.md revision 3, the calculation appendix (附件：计算明细): every row's explain is short labelled lines —
 * `标签：内容` in Chinese, numbers formatted, no ∩ or →, no "actual/360", no internal ids — and a typical row takes at
 * most 8 lines. Held on random workbooks (test/helpers/workbook-arbitrary.ts) and on rows of each kind.
 */
import fc from "fast-check";
import { screenWorkbook } from "../../core/screening/screen";
import { workbookArb } from "../helpers/workbook-arbitrary";
import { makeUscc } from "../helpers/uscc";
import { APPENDIX_LABELS } from "../../core/words/glossary";

const LABELS = {
  zh: new Set<string>(Object.values(APPENDIX_LABELS).map((l) => l.zh)),
  en: new Set<string>(Object.values(APPENDIX_LABELS).map((l) => l.en)),
};

/** Text a line may quote or cite that is not one of its numbers: dates, rates, years, codes, cells, rows, user text. */
function numbersOf(line: string): string[] {
  const rest = line
    .replace(/“[^”]*”|"[^"]*"/g, " ")
    .replace(/[0-9A-Z]{18}/g, " ")
    .replace(/\d{4}-\d{2}-\d{2}/g, " ")
    .replace(/\d+(?:\.\d+)?%/g, " ")
    .replace(/\d{4}(?=年|–| award|\))/g, " ")
    .replace(/(?:award year|in|entity's|year) \d{4}\b/g, " ")
    .replace(/\S*![A-Z]{0,3}\d+/g, " ")
    .replace(/第\d+(?:条|列)(?:\(\d\))?/g, " ");
  return rest.match(/\d[\d,]*(?:\.\d+)?/g) ?? [];
}

/** What is wrong with one line of an explanation, or nothing. */
function lineProblems(line: string, language: "zh" | "en"): string[] {
  const found: string[] = [];
  if (language === "zh" && !/^[^：\n]{1,8}：/.test(line)) found.push("no label");
  if (language === "en" && !/^[A-Z][^:\n]{0,24}: /.test(line)) found.push("no label");
  const label = line.split(language === "zh" ? "：" : ":")[0];
  if (!found.length && !LABELS[language].has(label)) found.push(`label not in the glossary: ${label}`);
  // A data error quotes the cell as the user wrote it.
  if (/^(数据有误|Data error)[：:]/.test(line)) return found;
  if (/[∩→]/.test(line)) found.push("∩ or →");
  if (/actual\//i.test(line)) found.push("actual/");
  if (language === "zh" && /(?<![!A-Z])M\d/.test(line)) found.push("internal id");
  for (const number of numbersOf(line)) {
    if (/\.\d{3,}/.test(number)) found.push(`more than two decimals: ${number}`);
    if (language === "zh" && /^\d{4,}/.test(number)) found.push(`no thousands separator: ${number}`);
  }
  return found;
}

describe("the appendix's lines on random workbooks", () => {
  test("every line labelled, numbers formatted, no ∩ → actual/ or ids; ≥ 95% of rows in ≤ 8 lines", () => {
    const counts: number[] = [];
    fc.assert(
      fc.property(workbookArb, ({ workbook, options }) => {
        const result = screenWorkbook(workbook, options);
        for (const row of result.rows) {
          for (const language of ["zh", "en"] as const) {
            const lines = row.explain[language].split("\n");
            const bad = lines.map((line) => [line, lineProblems(line, language)] as const).filter(([, p]) => p.length);
            expect(bad).toEqual([]);
          }
          counts.push(row.explain.zh.split("\n").length);
          expect(row.explain.en.split("\n").length).toBe(counts[counts.length - 1]);
        }
      }),
      { numRuns: 60, seed: 19 },
    );
    expect(counts.length).toBeGreaterThan(200);
    expect(counts.filter((n) => n <= 8).length / counts.length).toBeGreaterThanOrEqual(0.95);
  });

  test("the checks themselves catch what they are for", () => {
    expect(lineProblems("贴息额：16,800,000.00 × 3.35% × 70 ÷ 360 = 109433.3333", "zh")).toEqual([
      "more than two decimals: 109433.3333",
      "no thousands separator: 109433.3333",
    ]);
    expect(lineProblems("计息区间：2025-10-23 → 2026-01-01（不含），实际/360", "zh")).toEqual(["∩ or →"]);
    expect(lineProblems("Window: 2025-10-23 → 2026-01-01 (exclusive), actual/360", "en")).toEqual(["∩ or →", "actual/"]);
    expect(lineProblems("第8条(1) 电商仓储物流智慧化项目", "zh")).toEqual(["no label"]);
    expect(lineProblems("申报条款：M8a", "zh")).toEqual(["internal id"]);
    expect(lineProblems("计算：1 + 1 = 2", "zh")).toEqual(["label not in the glossary: 计算"]);
    expect(lineProblems("从优不重复：同一企业2027年度由 第7条（申报!1050，合计 1,000,000.00）支持", "zh")).toEqual([]);
  });
});

describe("a row of each kind, as the appendix prints it", () => {
  const A = makeUscc(1);
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
    "核定金额",
    "申报金额",
  ];
  const cells = (values: Record<string, unknown>) => header.map((h) => values[h] ?? null);
  const result = screenWorkbook({
    sheets: [
      {
        name: "申报",
        values: [
          header,
          // 2: an interest row; 3: loses 不重复 to it in 2025; 4: below the threshold; 5: a 第14条 amount; 6: a bad rate.
          cells({
            统一社会信用代码: A,
            申报年度: 2025,
            申报条款: "第8条(1)",
            总投资额: 21_710_155,
            贷款金额: 16_800_000,
            贷款利率: 0.0335,
            放款日期: "2023-12-16",
            到期日期: "2027-12-16",
            申报金额: 2_031_300,
          }),
          cells({ 统一社会信用代码: A, 申报年度: 2025, 申报条款: "第3条", 主体资格: "是", 新增实物网络零售额: 4_000_000 }),
          cells({ 统一社会信用代码: makeUscc(2), 申报年度: 2025, 申报条款: "第3条", 主体资格: "是", 新增实物网络零售额: 9_999_000 }),
          cells({ 统一社会信用代码: makeUscc(3), 申报年度: 2025, 申报条款: "第14条", 核定金额: 684_000 }),
          cells({
            统一社会信用代码: makeUscc(4),
            申报年度: 2025,
            申报条款: "第8条(2)",
            贷款金额: 1_000_000,
            贷款利率: 3.45,
            放款日期: "2025-01-01",
            到期日期: "2026-01-01",
          }),
        ],
      },
    ],
  });
  const [interest, , below, manual, error] = result.rows;

  test("a loan-interest row: the eight lines of the brief, in order", () => {
    expect(interest.status).toBe("eligible");
    expect(interest.explain.zh.split("\n")).toEqual([
      "申报条款：第8条(1) 电商仓储物流智慧化项目（贷款贴息）",
      "条件：总投资额 21,710,155.00 超过 5,000,000.00，符合",
      "计息区间：2025-10-23 至 2025-12-31（含），70天",
      "适用利率：贷款利率 3.35% 与同期LPR 3.45% 孰低，取 3.35%",
      "贴息额：16,800,000.00 × 3.35% × 70 ÷ 360 = 109,433.33",
      "累计上限：3,000,000.00；已兑现 0.00；本次 109,433.33",
      "申报金额：2,031,300.00 高于核算金额，按核算金额",
      "结论：拟支持 109,433.33",
    ]);
    expect(interest.explain.en.split("\n")).toEqual([
      "Clause: 第8条(1) Smart e-commerce warehousing and logistics project (loan interest subsidy)",
      "Condition: total investment 21,710,155.00 above 5,000,000.00: met",
      "Window: 2025-10-23 to 2025-12-31 (inclusive), 70 days",
      "Rate: loan rate 3.35% vs LPR 3.45%, the lower: 3.35%",
      "Interest: 16,800,000.00 × 3.35% × 70 ÷ 360 = 109,433.33",
      "Cumulative cap: 3,000,000.00; paid 0.00; this row 109,433.33",
      "Claim: 2,031,300.00, above the computed amount: the computed amount",
      "Result: to pay 109,433.33",
    ]);
  });

  test("retail growth below its threshold: the condition, and the conclusion with the deciding reason", () => {
    expect(below.explain.zh.split("\n")).toEqual([
      "申报条款：第3条 支持电商企业扩大网络零售规模（新增实物网络零售额奖励）",
      "条件：限额以上在统企业 是；年度新增实物网络零售额 9,999,000.00 未超过 10,000,000.00，不符合",
      "结论：不符合条件（年度新增实物网络零售额未超过 1,000万元）0.00",
    ]);
  });

  test("a 第14条 row: the department's amount, 待人工核定 and the amount", () => {
    expect(manual.status).toBe("manual");
    expect(manual.explain.zh.split("\n")).toEqual([
      "申报条款：第14条 支持打造电商活动品牌（省级电商活动）",
      "人工核定：主管部门核定 684,000.00",
      "结论：待人工核定 684,000.00",
    ]);
  });

  test("a data error: the cell and what is wrong, then 数据有误", () => {
    expect(error.status).toBe("error");
    const lines = error.explain.zh.split("\n");
    expect(lines[0]).toBe("申报条款：第8条(2)");
    expect(lines[1]).toMatch(/^数据有误：申报!G6 贷款利率：3\.45 像是百分点数/);
    expect(lines[lines.length - 1]).toBe("结论：数据有误 0.00");
  });
});

describe("batch lines in the options' words", () => {
  const A = makeUscc(1);
  const header = [
    "统一社会信用代码",
    "申报年度",
    "申报条款",
    "项目名称",
    "总投资额",
    "贷款金额",
    "贷款利率",
    "放款日期",
    "到期日期",
    "已获其他省级支持",
  ];
  const loanCells = {
    申报条款: "第8条(1)",
    项目名称: "P1",
    总投资额: 21_710_155,
    贷款金额: 16_800_000,
    贷款利率: 0.0335,
    放款日期: "2023-12-16",
    到期日期: "2027-12-16",
  };
  const cells = (values: Record<string, unknown>) => header.map((h) => values[h] ?? null);

  test("loan mode: a loan already claimed is said once, in Chinese words (no option names in English)", () => {
    const result = screenWorkbook(
      {
        sheets: [
          {
            name: "申报",
            values: [
              header,
              cells({ 统一社会信用代码: A, 申报年度: 2025, ...loanCells }),
              cells({ 统一社会信用代码: A, 申报年度: 2026, ...loanCells }),
            ],
          },
        ],
      },
      { interestWindow: "loan" },
    );
    const later = result.rows[1];
    expect(later.reasons.map((r) => r.code)).toContain("already_received");
    expect(later.reasons.map((r) => r.zh).join("")).not.toMatch(/[A-Za-z]{2,}/);
    expect(later.explain.zh.split("\n")).toContain("首次申报：同一笔贷款已由 申报!2（2025年度）申报，只兑现一次");
  });

  test("other support excluded: the line and the reason without the option's English value", () => {
    const result = screenWorkbook(
      {
        sheets: [
          { name: "申报", values: [header, cells({ 统一社会信用代码: A, 申报年度: 2025, ...loanCells, 已获其他省级支持: 10_000 })] },
        ],
      },
      { otherSupport: "exclude" },
    );
    const row = result.rows[0];
    expect(row.reasons.find((r) => r.code === "other_support_excluded")!.zh).toBe("已获其他省级支持 10,000.00，不再重复支持");
    expect(row.explain.zh.split("\n")).toContain("已获其他省级支持：10,000.00，不再支持");
  });
});
