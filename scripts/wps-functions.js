/**
 * WPS 表格's functions.json, made from the same JSDoc as Excel's: `custom-functions-metadata` (the generator
 * custom-functions-metadata-plugin runs for Excel) reads addin/functions/functions.ts, and the result is converted
 * to WPS's shape with the Chinese of functions.zh-CN.json (WPS serves one functions.json to every user, and the
 * product's users read Chinese).
 *
 * WPS's shape, as the `wpsjs` 2.2.3 functionsScanner writes it (TOOLCHAIN.md "Checked in the third round"):
 *   { functions: [{ name, description, parameters: [{ name, description, type }], result: { type } }] }
 * with types number / string / bool / any, `[][]` for a range (2-D array) and a trailing `?` for an optional
 * parameter; function names match ^[A-Za-z_][A-Za-z0-9_]*$ (they are also the names given to
 * wps.AddCustomFunction). Parameter names are JavaScript identifiers there (the scanner takes them from the
 * function's own parameters), so a Chinese name that is a valid identifier (贷款利率, LPR表) is used as the name
 * the officer sees; one that is not keeps the ASCII name and leads its description instead.
 *
 * Used three ways:
 *   - webpack: `new WpsFunctionsPlugin({ input: "addin/functions/functions.ts", table: "addin/functions/functions.zh-CN.json" })`
 *     emits functions.json into the build (a problem fails the build);
 *   - code and tests: `await excelFunctionsMetadata(input)` then `wpsFunctionsJson(excelMetadata, zhTable)` →
 *     `{ json, problems }`, and `checkWpsFunctionsJson(json, excelMetadata, zhTable)` → problems (the drift check);
 *   - shell: `node scripts/wps-functions.js [--out FILE] [--check FILE]`.
 */
const fs = require("fs");
const path = require("path");
const { localiseMetadata } = require("./functions-zh-cn");

const PLUGIN = "WpsFunctionsPlugin";
const ROOT = path.join(__dirname, "..");
const DEFAULT_INPUT = path.join(ROOT, "addin/functions/functions.ts");
const DEFAULT_TABLE = path.join(ROOT, "addin/functions/functions.zh-CN.json");

/** What WPS accepts as a function name (wpsjs's functionsScanner refuses any other). */
const WPS_FUNCTION_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A JavaScript identifier: what a WPS parameter name is in the functions.json wpsjs generates. */
const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;
const CHINESE = /\p{Script=Han}/u;
/** Excel's scalar types → WPS's (Excel says boolean, WPS bool). */
const BASE_TYPES = { number: "number", string: "string", boolean: "bool", any: "any" };
const FUNCTION_KEYS = ["name", "description", "parameters", "result"];
const PARAMETER_KEYS = ["name", "description", "type"];

/**
 * What custom-functions-metadata-plugin gets for Excel from the functions in `input` (one file or several): the
 * metadata (Excel's functions.json) and the associations (function id → the exported function's name).
 */
async function excelFunctionsGeneration(input = DEFAULT_INPUT) {
  const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
  const files = (Array.isArray(input) ? input : [input]).map((file) => path.resolve(file));
  const result = await generateCustomFunctionsMetadata(files, false);
  if (result.errors.length) throw new Error(`custom-functions-metadata: ${result.errors.join("; ")}`);
  return { metadata: JSON.parse(result.metadataJson), associate: result.associate.map(({ id, functionName }) => ({ id, functionName })) };
}

/** Excel's functions.json for the functions in `input`, as custom-functions-metadata-plugin makes it. */
async function excelFunctionsMetadata(input = DEFAULT_INPUT) {
  return (await excelFunctionsGeneration(input)).metadata;
}

/**
 * The WPS type of an Excel parameter or result: its type (any when Excel gives none), `[][]` for a matrix, `?` when
 * optional. Null, with a problem, for what WPS cannot express.
 */
function wpsType(entry, where, problems) {
  const base = BASE_TYPES[entry.type ?? "any"];
  if (!base) problems.push(`${where}: Excel type "${entry.type}" has no WPS equivalent`);
  const dimensionality = entry.dimensionality ?? "scalar";
  if (dimensionality !== "scalar" && dimensionality !== "matrix") problems.push(`${where}: unknown dimensionality "${dimensionality}"`);
  if (entry.repeating) problems.push(`${where}: a repeating parameter has no WPS equivalent`);
  if (!base) return null;
  return `${base}${dimensionality === "matrix" ? "[][]" : ""}${entry.optional ? "?" : ""}`;
}

/** The name WPS shows for a parameter, and its description: the Chinese name when it can be the name. */
function wpsParameterText(asciiName, zhName, zhDescription) {
  if (typeof zhName === "string" && IDENTIFIER.test(zhName)) return { name: zhName, description: zhDescription };
  return { name: asciiName, description: zhName ? `${zhName}：${zhDescription}` : zhDescription };
}

function functionOptionProblems(f) {
  // WPS calls a function synchronously with plain values: no streaming, cancelling or invocation object.
  return Object.entries(f.options ?? {})
    .filter(([, on]) => on)
    .map(([option]) => `${f.id}: option "${option}" has no WPS equivalent`);
}

/**
 * WPS's functions.json for `excelMetadata` (the content of Excel's functions.json) in the Chinese of `zhTable`
 * (functions.zh-CN.json's content). `json` is null when there is any problem, so a half-made file is never written.
 */
function wpsFunctionsJson(excelMetadata, zhTable) {
  const { metadata: zh, problems } = localiseMetadata(excelMetadata, zhTable);
  const excelFunctions = Array.isArray(excelMetadata?.functions) ? excelMetadata.functions : [];
  if (!excelFunctions.length) problems.push("Excel's metadata has no functions");
  const functions = excelFunctions.map((f, i) => {
    problems.push(...functionOptionProblems(f));
    if (!WPS_FUNCTION_NAME.test(f.name)) problems.push(`${f.id}: "${f.name}" is not a name WPS accepts (${WPS_FUNCTION_NAME})`);
    const zf = zh?.functions[i];
    return {
      name: f.name,
      description: zf?.description,
      parameters: (f.parameters ?? []).map((p, j) => ({
        ...wpsParameterText(p.name, zf?.parameters[j].name, zf?.parameters[j].description),
        type: wpsType(p, `${f.id}(${p.name})`, problems),
      })),
      result: { type: wpsType(f.result ?? {}, `${f.id} result`, problems) },
    };
  });
  const json = { functions };
  if (!problems.length) problems.push(...checkWpsFunctionsJson(json, excelMetadata, zhTable));
  return { json: problems.length ? null : json, problems };
}

const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

function keyProblems(object, keys, where) {
  if (!isObject(object)) return [`${where} is not an object`];
  const actual = Object.keys(object);
  const missing = keys.filter((key) => !actual.includes(key));
  const extra = actual.filter((key) => !keys.includes(key));
  return [
    ...(missing.length ? [`${where} lacks ${missing.join(", ")}`] : []),
    ...(extra.length ? [`${where} has keys WPS does not read: ${extra.join(", ")}`] : []),
  ];
}

/** Where one WPS parameter disagrees with Excel's parameter `p` and its translation `t`. */
function parameterProblems(q, p, t, where) {
  const problems = keyProblems(q, PARAMETER_KEYS, where);
  if (problems.length) return problems;
  const type = wpsType(p, where, []);
  const optional = typeof q.type === "string" && q.type.endsWith("?");
  if (optional !== Boolean(p.optional)) {
    problems.push(`${where}: ${optional ? "optional" : "required"} in WPS, ${p.optional ? "optional" : "required"} in Excel`);
  } else if (q.type !== type) {
    problems.push(`${where}: type "${q.type}", but Excel's ${p.type ?? "any"} ${p.dimensionality ?? "scalar"} is "${type}" in WPS`);
  }
  const expected = wpsParameterText(p.name, t?.name, t?.description);
  if (q.name !== expected.name) problems.push(`${where}: named "${q.name}", expected "${expected.name}" (Excel's ${p.name})`);
  if (typeof q.description !== "string" || !CHINESE.test(q.description)) problems.push(`${where}: description is not Chinese`);
  else if (q.description !== expected.description) problems.push(`${where}: description differs from functions.zh-CN.json`);
  if (typeof q.name !== "string" || !IDENTIFIER.test(q.name)) problems.push(`${where}: "${q.name}" is not an identifier`);
  return problems;
}

/** Where one WPS function disagrees with Excel's function `f` and its translation. */
function functionProblems(w, f, table) {
  const where = `WPS ${f.name}`;
  const problems = keyProblems(w, FUNCTION_KEYS, where);
  if (problems.length) return problems;
  const entry = isObject(table?.[f.id]) ? table[f.id] : {};
  if (typeof w.description !== "string" || !CHINESE.test(w.description)) problems.push(`${where}: description is not Chinese`);
  else if (w.description !== entry.description) problems.push(`${where}: description differs from functions.zh-CN.json`);
  const params = f.parameters ?? [];
  if (!Array.isArray(w.parameters)) return [...problems, `${where}: parameters is not a list`];
  if (w.parameters.length !== params.length) {
    problems.push(`${where}: ${w.parameters.length} parameters, Excel has ${params.length} (${params.map((p) => p.name).join(", ")})`);
  }
  const translations = isObject(entry.parameters) ? entry.parameters : {};
  params.forEach((p, i) => {
    if (i < w.parameters.length)
      problems.push(...parameterProblems(w.parameters[i], p, translations[p.name], `${where} parameter ${i + 1}`));
  });
  const names = w.parameters.map((q) => q?.name);
  if (new Set(names).size !== names.length) problems.push(`${where}: two parameters share a name`);
  const result = wpsType(f.result ?? {}, `${where} result`, []);
  if (!isObject(w.result) || w.result.type !== result)
    problems.push(`${where}: result type ${JSON.stringify(w.result?.type)}, expected "${result}"`);
  return problems;
}

/**
 * The drift check: where WPS's functions.json `wps` disagrees with Excel's metadata — the same functions under the
 * same names in the same order, the same parameters in the same order with the same optionality and types — or lacks
 * the Chinese of `zhTable` for a function or parameter. Empty when they agree.
 */
function checkWpsFunctionsJson(wps, excelMetadata, zhTable) {
  if (!isObject(wps) || !Array.isArray(wps.functions)) return ["WPS functions.json has no functions list"];
  const extraKeys = Object.keys(wps).filter((key) => key !== "functions");
  const problems = extraKeys.length ? [`WPS functions.json has keys WPS does not read: ${extraKeys.join(", ")}`] : [];
  const excel = excelMetadata?.functions ?? [];
  const wpsNames = wps.functions.map((w) => w?.name);
  const excelNames = excel.map((f) => f.name);
  const missing = excelNames.filter((name) => !wpsNames.includes(name));
  const extra = wpsNames.filter((name) => !excelNames.includes(name));
  if (missing.length) problems.push(`WPS functions.json lacks ${missing.join(", ")}`);
  if (extra.length) problems.push(`WPS functions.json has functions Excel does not: ${extra.join(", ")}`);
  if (!missing.length && !extra.length && wpsNames.join() !== excelNames.join()) {
    problems.push(`WPS functions are in another order: ${wpsNames.join(", ")}; Excel: ${excelNames.join(", ")}`);
  }
  for (const name of wpsNames) {
    if (typeof name !== "string" || !WPS_FUNCTION_NAME.test(name))
      problems.push(`WPS function name "${name}" does not match ${WPS_FUNCTION_NAME}`);
  }
  for (const f of excel) {
    const w = wps.functions.find((candidate) => candidate?.name === f.name);
    if (w) problems.push(...functionProblems(w, f, zhTable));
  }
  return problems;
}

const readJson = (file) => JSON.parse(fs.readFileSync(file, "utf8"));

/** Emits WPS's functions.json into a webpack build, or fails the build with every problem. */
class WpsFunctionsPlugin {
  constructor({ input = DEFAULT_INPUT, table = DEFAULT_TABLE, output = "functions.json" } = {}) {
    this.input = path.resolve(input);
    this.table = path.resolve(table);
    this.output = output;
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.fileDependencies.add(this.input);
      compilation.fileDependencies.add(this.table);
      compilation.hooks.processAssets.tapPromise({ name: PLUGIN, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, async () => {
        const fail = (message) => compilation.errors.push(new WebpackError(`${PLUGIN}: ${message}`));
        try {
          const { json, problems } = wpsFunctionsJson(await excelFunctionsMetadata(this.input), readJson(this.table));
          for (const problem of problems) fail(problem);
          if (json) compilation.emitAsset(this.output, new sources.RawSource(`${JSON.stringify(json, null, 2)}\n`));
        } catch (error) {
          fail(error.message);
        }
      });
    });
  }
}

/** `node scripts/wps-functions.js [--out FILE] [--check FILE]`: writes (or prints) the file, or checks one. */
async function main(argv) {
  const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const excel = await excelFunctionsMetadata(DEFAULT_INPUT);
  const table = readJson(DEFAULT_TABLE);
  const check = option("--check");
  const problems = check ? checkWpsFunctionsJson(readJson(check), excel, table) : [];
  const { json, problems: made } = check ? { json: null, problems } : wpsFunctionsJson(excel, table);
  for (const problem of made) console.error(problem);
  if (made.length) return 1;
  const out = option("--out");
  if (json && out) {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(json, null, 2)}\n`);
  } else if (json) {
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  }
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error) => {
      console.error(error.message);
      process.exitCode = 1;
    },
  );
}

module.exports = {
  WpsFunctionsPlugin,
  checkWpsFunctionsJson,
  excelFunctionsGeneration,
  excelFunctionsMetadata,
  wpsFunctionsJson,
  wpsType,
};
