/**
 * One set of words (SCREENING.md revision 3): the Chinese user-facing strings — the status words, the results
 * sheet's header row, the options in words, the pane's strings and the zh-CN function metadata — hold no
 * internal ids, no English beyond what the glossary allows, and no second term for a thing the glossary names.
 */
import { readFileSync } from "fs";
import { join } from "path";
import {
  LATIN_IN_CHINESE,
  NOT_THESE,
  OPTION_NAMES,
  OPTION_TERMS,
  STATUS_TERMS,
  TERMS,
  measureTerm,
  optionTerm,
  statusTerm,
} from "../../../core/words/glossary";
import { RESULT_COLUMNS, STATUS_LABELS, optionsInWords } from "../../../core/screening/report";
import { STATUS_WORDS } from "../../../core/reasons/reasons";
import { PANE_STRINGS } from "../../../addin/taskpane/ui/i18n";
import { resolveOptions } from "../../../core/options";
import { MEASURE_IDS, clauseCitation } from "../../../core/measures/measure-id";

const glossaryTerms: string[] = [
  ...Object.values(STATUS_TERMS),
  ...Object.values(TERMS),
  ...Object.values(OPTION_NAMES),
  ...Object.values(OPTION_TERMS).flatMap((values) => Object.values(values)),
]
  .map((term) => term.zh)
  .sort((a, b) => b.length - a.length);

/** What is wrong with one Chinese string, or nothing. */
function problems(text: string): string[] {
  const found: string[] = [];
  let rest = text.replace(/\{\w+\}/g, "");
  for (const word of LATIN_IN_CHINESE) rest = rest.split(word).join(" ");
  const ids = /\bM\d{1,2}[ab]?\b|\b(?:not_cash|superseded|eligible|ineligible|manual|error)\b/.exec(rest);
  if (ids) found.push(`internal id ${ids[0]}`);
  const latin = /[A-Za-z]+/.exec(rest);
  if (latin) found.push(`English "${latin[0]}"`);
  // The glossary's own terms first (统一社会信用代码 holds 信用代码), then the second terms that must not appear.
  for (const term of glossaryTerms) rest = rest.split(term).join("□");
  for (const [wrong, right] of NOT_THESE) if (rest.includes(wrong)) found.push(`${wrong} (say ${right})`);
  return found;
}

function expectClean(strings: Record<string, string>) {
  const bad = Object.fromEntries(
    Object.entries(strings)
      .map(([where, text]) => [where, problems(text)] as const)
      .filter(([, found]) => found.length > 0),
  );
  expect(bad).toEqual({});
}

describe("the glossary", () => {
  test("the six statuses, once each, in the spec's words", () => {
    expect(Object.fromEntries(Object.entries(STATUS_TERMS).map(([code, t]) => [code, t.zh]))).toEqual({
      eligible: "符合条件",
      ineligible: "不符合条件",
      superseded: "从优不重复",
      manual: "待人工核定",
      not_cash: "无省级资金",
      error: "数据有误",
    });
    expect(STATUS_WORDS).toBe(STATUS_TERMS);
    for (const [code, label] of Object.entries(STATUS_LABELS)) expect(label.zh).toBe(statusTerm(code).zh);
  });

  test("each Chinese term names one thing", () => {
    const zh = glossaryTerms;
    expect(new Set(zh).size).toBe(zh.length);
    for (const [wrong] of NOT_THESE) expect(zh).not.toContain(wrong);
  });

  test("the policy's terms and the options in words", () => {
    expect(TERMS.checkDigit.zh).toBe("校验位");
    expect(TERMS.retailIncrease.zh).toBe("新增实物网络零售额");
    expect(TERMS.aboveDesignatedSize.zh).toBe("限额以上在统企业");
    expect(optionTerm("dayCount", 360).zh).toBe("实际天数/360");
    expect(optionTerm("interestWindow", "award-year").zh).toBe("按年度据实");
    expect(optionTerm("lprMode", "fixed").zh).toBe("固定利率（放款日LPR）");
    expect(measureTerm("M4a")).toEqual({ zh: "第4条(1)", en: "M4a" });
    expect(measureTerm("M8b").zh).toBe("第8条(2)");
    expect(measureTerm("M1").zh).toBe("第1条");
    for (const id of MEASURE_IDS) expect(measureTerm(id).zh).toBe(clauseCitation(id));
  });
});

describe("Chinese user-facing strings hold to the glossary", () => {
  test("the status words", () => {
    expectClean(Object.fromEntries(Object.entries(STATUS_LABELS).map(([code, label]) => [code, label.zh])));
  });

  test("the results sheet's header row", () => {
    expectClean(Object.fromEntries(RESULT_COLUMNS.map((column) => [column.key, column.header.zh])));
    const header = RESULT_COLUMNS.map((column) => column.header.zh);
    expect(header).toEqual(
      expect.arrayContaining(["统一社会信用代码", "申报年度", "申报条款", "核算金额", "申报金额", "核定金额", "状态"]),
    );
  });

  test("the options in words", () => {
    const options = { ...resolveOptions().options, assumptions: [] };
    expectClean({ options: optionsInWords(options, "zh") });
    expect(optionsInWords(options, "zh")).toContain("实际天数/360");
  });

  test("the pane's Chinese strings (the language switch names the other language in its own words)", () => {
    expectClean(
      Object.fromEntries(
        Object.entries(PANE_STRINGS)
          .filter(([key]) => key !== "language")
          .map(([key, words]) => [key, words.zh]),
      ),
    );
  });

  test("the zh-CN function metadata: descriptions, argument names and descriptions", () => {
    const table = JSON.parse(readFileSync(join(__dirname, "../../../addin/functions/functions.zh-CN.json"), "utf8")) as Record<
      string,
      { description: string; parameters?: Record<string, { name: string; description: string }> }
    >;
    const strings: Record<string, string> = {};
    for (const [id, entry] of Object.entries(table)) {
      strings[id] = entry.description;
      for (const [name, p] of Object.entries(entry.parameters ?? {})) {
        strings[`${id}(${name}) name`] = p.name;
        strings[`${id}(${name})`] = p.description;
      }
    }
    expectClean(strings);
  });

  test("the check catches what it is for", () => {
    expect(problems("第1条（M1）")).toContain("internal id M1");
    expect(problems("状态：not_cash")).toContain("internal id not_cash");
    expect(problems("统一社会信用代码的校验码")).toEqual(["校验码 (say 校验位)"]);
    expect(problems("主体代码")).toEqual(["主体代码 (say 统一社会信用代码)"]);
    expect(problems("同期LPR 孰低")).toEqual([]);
    expect(problems("actual/360")).toContain('English "actual"');
  });
});
