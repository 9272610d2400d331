/**
 * WPS 表格's functions.json (scripts/wps-functions.js): made from the same JSDoc as Excel's, in WPS's shape and
 * types, in Chinese, and checked so the two never drift.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import webpack from "webpack";
import { functionsJson } from "../../helpers/functions-runtime";
import zhTable from "../../../addin/functions/functions.zh-CN.json";

type ExcelParameter = {
  name: string;
  description: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
};
type ExcelFunction = { id: string; name: string; description: string; parameters: ExcelParameter[]; result?: object; options?: object };
type ExcelMetadata = { functions: ExcelFunction[] };
type WpsParameter = { name: string; description: string; type: string };
type WpsFunction = { name: string; description: string; parameters: WpsParameter[]; result: { type: string } };
type WpsJson = { functions: WpsFunction[] };
type Table = Record<string, { description: string; parameters: Record<string, { name: string; description: string }> }>;

const generator = require("../../../scripts/wps-functions") as {
  excelFunctionsMetadata: (input?: string) => Promise<ExcelMetadata>;
  wpsFunctionsJson: (excel: unknown, table: unknown) => { json: WpsJson | null; problems: string[] };
  checkWpsFunctionsJson: (wps: unknown, excel: unknown, table: unknown) => string[];
  wpsType: (entry: object, where: string, problems: string[]) => string | null;
  WpsFunctionsPlugin: new (options?: { input?: string; table?: string; output?: string }) => webpack.WebpackPluginInstance;
};

/** The functions of FUNCTIONS.md, in its order. */
const SPEC = [
  "LPR",
  "LPR_INTEREST",
  "INTEREST_SUBSIDY",
  "RETAIL_BONUS",
  "CROSS_BORDER_SUBSIDY",
  "BASE_AWARD",
  "SELECTION_CENTER_GRANT",
  "CAP",
  "BEST_OF",
  "USCC_VALID",
  "CITY",
];
const CHINESE = /\p{Script=Han}/u;
const table = zhTable as Table;
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value));

let excel: ExcelMetadata;
let wps: WpsJson;

beforeAll(async () => {
  excel = await generator.excelFunctionsMetadata();
  const { json, problems } = generator.wpsFunctionsJson(excel, table);
  expect(problems).toEqual([]);
  wps = json!;
}, 60_000);

describe("the generated WPS functions.json", () => {
  test("comes from the same metadata Excel's build serves (dist/functions.json)", () => {
    expect(excel).toEqual(functionsJson());
  });

  test("has the eleven functions of FUNCTIONS.md, in its order, under names WPS accepts", () => {
    expect(wps.functions.map((f) => f.name)).toEqual(SPEC);
    for (const f of wps.functions) expect(f.name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
  });

  test("is WPS's shape: name, description, parameters (name, description, type), result type — nothing else", () => {
    expect(Object.keys(wps)).toEqual(["functions"]);
    for (const f of wps.functions) {
      expect(Object.keys(f).sort()).toEqual(["description", "name", "parameters", "result"]);
      expect(Object.keys(f.result)).toEqual(["type"]);
      for (const p of f.parameters) expect(Object.keys(p).sort()).toEqual(["description", "name", "type"]);
    }
  });

  test("describes every function and argument in Chinese, as functions.zh-CN.json does, under the Chinese argument names", () => {
    for (const f of wps.functions) {
      expect([f.name, CHINESE.test(f.description)]).toEqual([f.name, true]);
      expect(f.description).toBe(table[f.name].description);
      const translations = Object.values(table[f.name].parameters);
      expect(f.parameters.map((p) => [p.name, p.description])).toEqual(translations.map((t) => [t.name, t.description]));
      for (const p of f.parameters) expect(p.name).toMatch(/^[\p{ID_Start}$_][\p{ID_Continue}$]*$/u);
    }
  });

  test("keeps Excel's arguments in order, optional ones marked with ?, every range argument and result any[][]", () => {
    const signature = (f: WpsFunction) => f.parameters.map((p) => (p.type.endsWith("?") ? `[${p.name}]` : p.name)).join(", ");
    const byName = Object.fromEntries(wps.functions.map((f) => [f.name, f]));
    expect(signature(byName.LPR)).toBe("日期, [LPR表]");
    expect(signature(byName.CAP)).toBe("申报条款, [总投资额]");
    expect(signature(byName.RETAIL_BONUS)).toBe("新增实物网络零售额, [限额以上在统企业], [解释]");
    expect(signature(byName.INTEREST_SUBSIDY)).toBe(
      "申报条款, 总投资额, 贷款本金, 贷款利率, 放款日期, 到期日期, [实付利息], [LPR取值], [LPR表], [解释], [申报年度]",
    );
    wps.functions.forEach((f, i) => {
      const params = excel.functions[i].parameters;
      expect(f.parameters.map((p) => p.type)).toEqual(params.map((p) => (p.optional ? "any[][]?" : "any[][]")));
      expect(f.result).toEqual({ type: "any[][]" });
    });
  });
});

describe("Excel's types in WPS's words", () => {
  const type = (entry: object) => {
    const problems: string[] = [];
    return [generator.wpsType(entry, "X(p)", problems), problems];
  };
  test.each<[object, string]>([
    [{ type: "number" }, "number"],
    [{ type: "string", optional: true }, "string?"],
    [{ type: "boolean" }, "bool"],
    [{ type: "any" }, "any"],
    [{}, "any"],
    [{ type: "number", dimensionality: "matrix" }, "number[][]"],
    [{ type: "boolean", dimensionality: "matrix", optional: true }, "bool[][]?"],
    [{ dimensionality: "matrix" }, "any[][]"],
    [{ type: "any", dimensionality: "scalar", optional: true }, "any?"],
  ])("%j → %s", (entry, expected) => {
    expect(type(entry)).toEqual([expected, []]);
  });

  test.each<[object, RegExp]>([
    [{ type: "date" }, /type "date" has no WPS equivalent/],
    [{ type: "number", repeating: true }, /repeating parameter/],
    [{ type: "number", dimensionality: "cube" }, /unknown dimensionality/],
  ])("%j is a problem", (entry, problem) => {
    expect(type(entry)[1]).toEqual([expect.stringMatching(problem)]);
  });

  test("an Excel-only option (streaming) stops the file from being made", () => {
    const drifted = copy(excel);
    drifted.functions[0].options = { stream: true };
    const { json, problems } = generator.wpsFunctionsJson(drifted, table);
    expect(json).toBeNull();
    expect(problems).toEqual([expect.stringMatching(/LPR: option "stream" has no WPS equivalent/)]);
  });

  test("a Chinese argument name that cannot be an identifier keeps the ASCII name and leads the description", () => {
    const t = copy(table);
    t.BEST_OF.parameters.years.name = "3年内年度";
    const { json, problems } = generator.wpsFunctionsJson(excel, t);
    expect(problems).toEqual([]);
    expect(json!.functions[8].parameters[2]).toEqual({
      name: "years",
      description: `3年内年度：${t.BEST_OF.parameters.years.description}`,
      type: "any[][]?",
    });
  });

  test("a translation missing from the table stops the file from being made", () => {
    const partial = copy(table) as Partial<Table>;
    delete partial.CITY;
    expect(generator.wpsFunctionsJson(excel, partial)).toEqual({
      json: null,
      problems: [expect.stringMatching(/CITY: in functions\.json but not translated/)],
    });
  });
});

describe("the drift check: WPS's functions.json against Excel's metadata and the Chinese table", () => {
  test("passes on the generated file", () => {
    expect(generator.checkWpsFunctionsJson(wps, excel, table)).toEqual([]);
  });

  const EDITS: [string, (w: WpsJson) => void, RegExp][] = [
    ["a function missing", (w) => w.functions.pop(), /lacks CITY/],
    ["a function Excel does not have", (w) => w.functions.push({ ...w.functions[0], name: "EXTRA" }), /functions Excel does not: EXTRA/],
    ["a renamed function", (w) => (w.functions[7].name = "CAPS"), /lacks CAP\b/],
    ["two functions swapped", (w) => w.functions.reverse(), /another order/],
    ["a name WPS refuses", (w) => (w.functions[0].name = "HLJ.LPR"), /does not match/],
    ["a parameter missing", (w) => w.functions[1].parameters.pop(), /WPS LPR_INTEREST: 8 parameters, Excel has 9/],
    ["parameters swapped", (w) => w.functions[7].parameters.reverse(), /WPS CAP parameter 1: optional in WPS, required in Excel/],
    [
      "an optional parameter made required",
      (w) => (w.functions[0].parameters[1].type = "any[][]"),
      /WPS LPR parameter 2: required in WPS, optional/,
    ],
    ["a range parameter made scalar", (w) => (w.functions[8].parameters[0].type = "string"), /WPS BEST_OF parameter 1: type "string"/],
    ["a parameter renamed", (w) => (w.functions[7].parameters[0].name = "条款"), /WPS CAP parameter 1: named "条款", expected "申报条款"/],
    ["an English description", (w) => (w.functions[9].description = "TRUE if valid."), /WPS USCC_VALID: description is not Chinese/],
    [
      "an English parameter description",
      (w) => (w.functions[10].parameters[0].description = "The code."),
      /WPS CITY parameter 1: description is not Chinese/,
    ],
    [
      "a stale translation",
      (w) => (w.functions[3].description += "（旧）"),
      /WPS RETAIL_BONUS: description differs from functions\.zh-CN\.json/,
    ],
    ["a result type changed", (w) => (w.functions[9].result.type = "bool"), /WPS USCC_VALID: result type "bool", expected "any\[\]\[\]"/],
    ["an Excel field left in", (w) => Object.assign(w.functions[0], { id: "LPR" }), /WPS LPR has keys WPS does not read: id/],
    ["no functions list", (w) => Object.assign(w, { functions: undefined }), /no functions list/],
  ];

  test.each(EDITS)("fails on %s", (_, edit, problem) => {
    const drifted = copy(wps);
    edit(drifted);
    expect(generator.checkWpsFunctionsJson(drifted, excel, table)).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
  });

  test("fails when the JSDoc gains a parameter the WPS file lacks (Excel drifts, WPS does not)", () => {
    const changed = copy(excel);
    changed.functions[7].parameters.push({ name: "year", description: "Year.", type: "any", dimensionality: "matrix", optional: true });
    expect(generator.checkWpsFunctionsJson(wps, changed, table)).toEqual([
      expect.stringMatching(/WPS CAP: 2 parameters, Excel has 3 \(measure, totalInvestment, year\)/),
    ]);
  });
});

describe("WpsFunctionsPlugin: the file in a webpack build", () => {
  const compile = (plugin: webpack.WebpackPluginInstance, dir: string) =>
    new Promise<webpack.Stats>((resolve, reject) => {
      writeFileSync(join(dir, "entry.js"), "");
      webpack({ mode: "none", context: dir, entry: "./entry.js", output: { path: join(dir, "out") }, plugins: [plugin] }, (error, stats) =>
        error ? reject(error) : resolve(stats!),
      );
    });

  test("emits functions.json equal to the generated one; a table that disagrees fails the build", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wps-functions-"));
    try {
      const ok = await compile(new generator.WpsFunctionsPlugin(), dir);
      expect(ok.compilation.errors).toEqual([]);
      expect(JSON.parse(readFileSync(join(dir, "out/functions.json"), "utf8"))).toEqual(wps);

      const bad = copy(table);
      bad.CAP.parameters = { totalInvestment: bad.CAP.parameters.totalInvestment, measure: bad.CAP.parameters.measure };
      writeFileSync(join(dir, "table.json"), JSON.stringify(bad));
      const failed = await compile(new generator.WpsFunctionsPlugin({ table: join(dir, "table.json"), output: "wps.json" }), dir);
      expect(failed.compilation.errors.map((e) => e.message)).toEqual([expect.stringMatching(/CAP: parameters out of order/)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
