import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { XMLParser } from "fast-xml-parser";
import { DIST } from "../../helpers/functions-runtime";
import zhTable from "../../../addin/functions/functions.zh-CN.json";

const ROOT = join(__dirname, "../../..");
const DEV_ORIGIN = "https://localhost:3000";

type Parameter = { name: string; description: string; type?: string; dimensionality?: string; optional?: boolean };
type Fn = { id: string; name: string; description: string; parameters: Parameter[]; [key: string]: unknown };
type Metadata = { functions: Fn[]; [key: string]: unknown };
type Table = Record<string, { description: string; parameters: Record<string, { name: string; description: string }> }>;

const { localiseMetadata } = require("../../../scripts/functions-zh-cn") as {
  localiseMetadata: (metadata: unknown, table: unknown) => { metadata: Metadata | null; problems: string[] };
};

const CHINESE = /\p{Script=Han}/u;
/** Han characters and the CJK and full-width punctuation that comes with them (、，。（）“”). */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
/**
 * The only Chinese the English metadata may hold. Policy terms are glosses: each stands in parentheses after
 * its English so an English reader can match it to the Chinese paperwork. Input values are what the functions
 * accept as typed (a measure written 第1条, a channel written 独立站…).
 */
const POLICY_TERMS = ["一年期LPR", "据实贴息", "限额以上在统", "从优、就高、不重复", "统一社会信用代码"];
const CHINESE_INPUTS = ["第1条", "独立站", "平台", "国家级", "省级"];

const read = (file: string): Metadata => JSON.parse(readFileSync(join(DIST, file), "utf8"));
const english = read("functions.json");
const chinese = read("functions.zh-CN.json");
const table = zhTable as Table;
const pairs = english.functions.map((f, i) => [f, chinese.functions[i]] as const);

/** A function's metadata without the words a translation replaces. */
const shape = (f: Fn) => ({
  ...f,
  description: undefined,
  parameters: f.parameters.map((p) => ({ ...p, name: undefined, description: undefined })),
});

/** Every description in the English metadata, named for the failure message. */
const englishTexts = english.functions.flatMap((f) => [
  [f.id, f.description],
  ...f.parameters.map((p) => [`${f.id}(${p.name})`, p.description]),
]);

/** What is left of an English text once its allowed Chinese is taken out; policy terms only count in parentheses. */
function withoutAllowedChinese(text: string): string {
  let rest = text;
  for (const term of POLICY_TERMS) rest = rest.split(`(${term})`).join("()");
  for (const term of CHINESE_INPUTS) rest = rest.split(term).join("");
  return rest;
}

describe("functions.zh-CN.json: what Chinese Office shows, checked against functions.json", () => {
  test("has the same functions in the same order, under the English names Chinese Excel keeps", () => {
    expect(chinese.functions.map((f) => f.id)).toEqual(english.functions.map((f) => f.id));
    expect(chinese.functions.map((f) => f.name)).toEqual(english.functions.map((f) => f.name));
    for (const f of chinese.functions) expect(f.name).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
  });

  test("has each function's parameters in the same order, with the same types, dimensionality and optional flags", () => {
    for (const [en, zh] of pairs) {
      expect(zh.parameters).toHaveLength(en.parameters.length);
      en.parameters.forEach((p, i) => {
        const q = zh.parameters[i];
        expect([en.id, i, q.type, q.dimensionality, q.optional ?? false]).toEqual([
          en.id,
          i,
          p.type,
          p.dimensionality,
          p.optional ?? false,
        ]);
      });
    }
  });

  test("differs from functions.json only in descriptions and parameter names", () => {
    expect({ ...chinese, functions: undefined }).toEqual({ ...english, functions: undefined });
    for (const [en, zh] of pairs) expect(shape(zh)).toEqual(shape(en));
  });

  test("is functions.json with the translation table applied", () => {
    for (const [en, zh] of pairs) {
      const entry = table[en.id];
      expect(zh.description).toBe(entry.description);
      expect(Object.keys(entry.parameters)).toEqual(en.parameters.map((p) => p.name));
      expect(zh.parameters.map((p) => [p.name, p.description])).toEqual(
        en.parameters.map((p) => [entry.parameters[p.name].name, entry.parameters[p.name].description]),
      );
    }
  });

  test("describes every function and argument in Chinese, with short, distinct argument names", () => {
    for (const f of chinese.functions) {
      expect([f.id, CHINESE.test(f.description)]).toEqual([f.id, true]);
      for (const p of f.parameters) {
        expect([f.id, p.name, CHINESE.test(p.name), CHINESE.test(p.description)]).toEqual([f.id, p.name, true, true]);
        // Excel lists the arguments in the formula tooltip: a long name or one with a comma or bracket garbles it.
        expect([f.id, p.name, [...p.name].length >= 2 && [...p.name].length <= 9]).toEqual([f.id, p.name, true]);
        expect(p.name).not.toMatch(/[\s,，()（）[\]【】]/);
      }
      expect(new Set(f.parameters.map((p) => p.name)).size).toBe(f.parameters.length);
    }
  });
});

describe("functions.json: the English metadata", () => {
  test("is English: Chinese only as a policy term glossed in parentheses or an input value the functions accept", () => {
    for (const [where, text] of englishTexts) {
      expect([where, text.trim().length > 0]).toEqual([where, true]);
      expect([where, /^[A-Za-z"]/.test(text)]).toEqual([where, true]);
      expect([where, CJK.test(withoutAllowedChinese(text)) ? text : "English"]).toEqual([where, "English"]);
    }
    for (const f of english.functions) for (const p of f.parameters) expect(p.name).toMatch(/^[a-z][A-Za-z0-9]*$/);
  });

  test("every allowed Chinese term is still used, so the allowance stays as tight as the text", () => {
    const all = englishTexts.map(([, text]) => text).join("\n");
    for (const term of POLICY_TERMS) expect([term, all.includes(`(${term})`)]).toEqual([term, true]);
    for (const term of CHINESE_INPUTS) expect([term, all.includes(term)]).toEqual([term, true]);
  });
});

describe("manifest.xml", () => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    isArray: (name) => ["bt:Url", "bt:Override"].includes(name),
  });
  type Node = Record<string, unknown>;
  const metadataUrl = (file: string) => {
    const resources = ((parser.parse(readFileSync(file, "utf8")).OfficeApp as Node).VersionOverrides as Node).Resources as Node;
    return ((resources["bt:Urls"] as Node)["bt:Url"] as Node[]).find((u) => u["@id"] === "Functions.Metadata.Url")!;
  };
  const zhCn = (url: Node) => ((url["bt:Override"] as Node[] | undefined) ?? []).filter((o) => o["@Locale"] === "zh-CN");

  test("serves functions.zh-CN.json to Chinese Office and functions.json to everyone else", () => {
    const url = metadataUrl(join(ROOT, "manifest.xml"));
    expect(url["@DefaultValue"]).toBe(`${DEV_ORIGIN}/functions.json`);
    expect(zhCn(url).map((o) => o["@Value"])).toEqual([`${DEV_ORIGIN}/functions.zh-CN.json`]);
  });

  test("the built manifest's zh-CN override points at the built functions.zh-CN.json on the same origin", () => {
    const url = metadataUrl(join(DIST, "manifest.xml"));
    const origin = String(url["@DefaultValue"]).replace(/\/functions\.json$/, "");
    expect(zhCn(url).map((o) => o["@Value"])).toEqual([`${origin}/functions.zh-CN.json`]);
    expect(existsSync(join(DIST, "functions.zh-CN.json"))).toBe(true);
  });
});

describe("the build's translation check (scripts/functions-zh-cn.js)", () => {
  const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value));
  const check = (edit: (metadata: Metadata, table: Table) => void) => {
    const [metadata, t] = [copy(english), copy(table)];
    edit(metadata, t);
    return localiseMetadata(metadata, t);
  };

  test("turns functions.json and the table into exactly the built functions.zh-CN.json", () => {
    expect(check(() => {})).toEqual({ metadata: chinese, problems: [] });
  });

  test.each<[string, (metadata: Metadata, table: Table) => void, RegExp]>([
    ["a function not translated", (_, t) => delete t.CITY, /CITY: in functions\.json but not translated/],
    ["a translated function the JSDoc no longer has", (m) => m.functions.pop(), /CITY: translated but not in functions\.json/],
    [
      "a new JSDoc parameter",
      (m) => m.functions[0].parameters.push({ name: "asOf", description: "x" }),
      /LPR: parameters missing .*: asOf/,
    ],
    [
      "a translated parameter the JSDoc no longer has",
      (_, t) => (t.CAP.parameters.year = { name: "年度", description: "年度。" }),
      /CAP: parameters not in .*: year/,
    ],
    [
      "parameters in another order",
      (_, t) => (t.CAP.parameters = { totalInvestment: t.CAP.parameters.totalInvestment, measure: t.CAP.parameters.measure }),
      /CAP: parameters out of order/,
    ],
    ["an empty description", (_, t) => (t.BEST_OF.description = ""), /BEST_OF: description is empty/],
    ["an empty parameter name", (_, t) => (t.LPR.parameters.date.name = " "), /LPR\(date\) name is empty/],
    [
      "an untranslated parameter description",
      (_, t) => (t.CITY.parameters.code.description = "The code."),
      /CITY\(code\) description has no Chinese/,
    ],
    ["a parameter name with a comma", (_, t) => (t.CAP.parameters.measure.name = "条款,措施"), /CAP\(measure\) name .* commas/],
    ["two parameters with one name", (_, t) => (t.CAP.parameters.totalInvestment.name = t.CAP.parameters.measure.name), /used twice/],
    ["a misspelt key", (_, t) => Object.assign(t.CAP, { descripton: "上限。" }), /CAP has unknown keys: descripton/],
  ])("fails on %s", (_, edit, problem) => {
    const result = check(edit);
    expect(result.metadata).toBeNull();
    expect(result.problems).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
  });
});
