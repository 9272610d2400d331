/**
 * functions.zh-CN.json: the metadata Excel loads when Office runs in Chinese (the manifest's zh-CN override of
 * Functions.Metadata.Url). Chinese Excel keeps the English function names, so only the descriptions and the
 * argument names and descriptions are translated; everything else is copied from the functions.json that
 * custom-functions-metadata-plugin generates from the JSDoc, so the two files cannot drift apart.
 *
 * The translations live in addin/functions/functions.zh-CN.json rather than a .ts module: this file runs in
 * plain Node inside webpack.config.js, before any TypeScript loader exists, and a data file can be read as it
 * is on every build (and in watch mode) with nothing to compile or evaluate.
 */
const fs = require("fs");
const path = require("path");
const { Compilation, WebpackError, sources } = require("webpack");

const PLUGIN = "FunctionsZhCnPlugin";
const CHINESE = /\p{Script=Han}/u;
// Excel's tooltip lists arguments as "name, [name]": these would make it unreadable.
const BAD_NAME = /[\s,，()（）[\]【】]/;

function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A translated text: a problem for `where` if it is missing, blank or not Chinese at all, else null. */
function textProblem(value, where) {
  if (typeof value !== "string" || value.trim() === "") return `${where} is empty`;
  if (!CHINESE.test(value)) return `${where} has no Chinese: "${value}"`;
  return null;
}

function keysProblem(object, allowed, where) {
  const extra = Object.keys(object).filter((key) => !allowed.includes(key));
  return extra.length ? `${where} has unknown keys: ${extra.join(", ")}` : null;
}

/** Where the table's parameters differ from the metadata's, named so the fix is obvious. */
function parameterProblems(id, expected, table) {
  const actual = Object.keys(table);
  const missing = expected.filter((name) => !actual.includes(name));
  const extra = actual.filter((name) => !expected.includes(name));
  const problems = [];
  if (missing.length) problems.push(`${id}: parameters missing from the translation: ${missing.join(", ")}`);
  if (extra.length) problems.push(`${id}: parameters not in functions.json: ${extra.join(", ")}`);
  if (!problems.length && actual.join() !== expected.join()) {
    problems.push(`${id}: parameters out of order: translation has ${actual.join(", ")}; functions.json has ${expected.join(", ")}`);
  }
  return problems;
}

/**
 * The zh-CN metadata for `metadata` (functions.json's content) from `table` (id → description and, per English
 * parameter name in order, a Chinese name and description). Any disagreement between the two is a problem;
 * `metadata` is null when there is one, so a half-translated file is never written.
 */
function localiseMetadata(metadata, table) {
  const problems = [];
  if (!isObject(table)) return { metadata: null, problems: ["the translation table is not a JSON object"] };
  const functions = Array.isArray(metadata?.functions) ? metadata.functions : [];
  const ids = functions.map((f) => f.id);
  for (const id of ids) if (!(id in table)) problems.push(`${id}: in functions.json but not translated`);
  for (const id of Object.keys(table)) if (!ids.includes(id)) problems.push(`${id}: translated but not in functions.json`);

  const localised = functions.map((f) => {
    const entry = table[f.id];
    if (!isObject(entry)) {
      if (entry !== undefined) problems.push(`${f.id}: translation is not an object`);
      return f;
    }
    const parameters = isObject(entry.parameters) ? entry.parameters : {};
    const params = f.parameters ?? [];
    problems.push(
      ...[
        keysProblem(entry, ["description", "parameters"], f.id),
        textProblem(entry.description, `${f.id}: description`),
        isObject(entry.parameters) || params.length === 0 ? null : `${f.id}: parameters must be an object keyed by parameter name`,
      ].filter(Boolean),
      ...parameterProblems(
        f.id,
        params.map((p) => p.name),
        parameters,
      ),
    );
    const names = new Set();
    for (const [name, p] of Object.entries(parameters)) {
      const where = `${f.id}(${name})`;
      if (!isObject(p)) {
        problems.push(`${where}: translation is not an object`);
        continue;
      }
      const nameProblem =
        textProblem(p.name, `${where} name`) ?? (BAD_NAME.test(p.name) ? `${where} name "${p.name}" has spaces, commas or brackets` : null);
      problems.push(
        ...[keysProblem(p, ["name", "description"], where), nameProblem, textProblem(p.description, `${where} description`)].filter(
          Boolean,
        ),
      );
      if (names.has(p.name)) problems.push(`${where} name "${p.name}" is used twice`);
      names.add(p.name);
    }
    return {
      ...f,
      description: entry.description,
      parameters: params.map((p) => ({ ...p, name: parameters[p.name]?.name, description: parameters[p.name]?.description })),
    };
  });
  if (problems.length) return { metadata: null, problems };
  return { metadata: { ...metadata, functions: localised }, problems };
}

/** Derives `output` from the `source` asset custom-functions-metadata-plugin emits, or fails the build. */
class FunctionsZhCnPlugin {
  constructor({ table, source = "functions.json", output = "functions.zh-CN.json" }) {
    this.table = path.resolve(table);
    this.source = source;
    this.output = output;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.fileDependencies.add(this.table);
      // custom-functions-metadata-plugin puts functions.json in the compilation's assets when the compilation
      // starts, so it is there by the time assets are derived.
      compilation.hooks.processAssets.tap({ name: PLUGIN, stage: Compilation.PROCESS_ASSETS_STAGE_DERIVED }, () => {
        const fail = (message) => compilation.errors.push(new WebpackError(`${PLUGIN}: ${message}`));
        const asset = compilation.getAsset(this.source);
        if (!asset) return fail(`${this.source} was not generated, so ${this.output} cannot be`);
        let table;
        try {
          table = JSON.parse(fs.readFileSync(this.table, "utf8"));
        } catch (error) {
          return fail(`cannot read ${path.relative(compiler.context, this.table)}: ${error.message}`);
        }
        const { metadata, problems } = localiseMetadata(JSON.parse(asset.source.source().toString()), table);
        const where = path.relative(compiler.context, this.table);
        for (const problem of problems) fail(`${where} disagrees with ${this.source}: ${problem}`);
        if (metadata) compilation.emitAsset(this.output, new sources.RawSource(JSON.stringify(metadata, null, 4)));
      });
    });
  }
}

module.exports = { FunctionsZhCnPlugin, localiseMetadata };
