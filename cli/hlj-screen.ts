/**
 * hlj-screen INPUT.xlsx [-o OUTPUT.xlsx] [--json FILE|-] [--lpr-mode fixed|floating]
 *            [--dedup entity-year|entity-project] [--other-support top-up|exclude]
 *            [--interest-window award-year|loan]
 * Screens a workbook of applicants with the shared core and writes a copy of it with two result sheets.
 * Exit 0 when it screened (even with row errors); 2 on unusable input, with one line saying why.
 */
import { existsSync, readFileSync, realpathSync, statSync, writeFileSync, mkdirSync } from "fs";
import { basename, dirname, extname, join, resolve } from "path";
import ExcelJS from "exceljs";
import {
  InputError,
  OPTION_CHOICES,
  OptionsInput,
  PolicyDataError,
  ScreeningResult,
  UnusableWorkbookError,
  registerParameterSet,
  screenWorkbook,
  summaryContent,
} from "../core";
import { workbookInput, writeResultSheets } from "./workbook-io";
import { addColumnChart } from "./xlsx-chart";

const USAGE = `usage: hlj-screen INPUT.xlsx [-o OUTPUT.xlsx] [--json FILE|-] [--lpr-mode fixed|floating]
                  [--dedup entity-year|entity-project] [--other-support top-up|exclude]
                  [--interest-window award-year|loan] [--day-count 360|365] [--policy ID|FILE.json] [--quiet]`;

/** Rows above which progress is shown on stderr. */
const LONG_INPUT = 5_000;
/** Files above which reading is announced on stderr. */
const LARGE_FILE_BYTES = 1024 * 1024;

interface Arguments {
  input: string;
  output?: string;
  json?: string;
  options: OptionsInput;
  quiet: boolean;
}

class UsageError extends Error {}

const FLAGS: Record<string, { option: keyof OptionsInput; choices: readonly string[] }> = {
  "--lpr-mode": { option: "lprMode", choices: OPTION_CHOICES.lprMode },
  "--dedup": { option: "dedupScope", choices: OPTION_CHOICES.dedupScope },
  "--other-support": { option: "otherSupport", choices: OPTION_CHOICES.otherSupport },
  "--interest-window": { option: "interestWindow", choices: OPTION_CHOICES.interestWindow },
};

export function parseArguments(argv: readonly string[]): Arguments {
  const args: Partial<Arguments> & { options: OptionsInput; quiet: boolean } = { options: {}, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] =
      argv[i].startsWith("--") && argv[i].includes("=")
        ? [argv[i].slice(0, argv[i].indexOf("=")), argv[i].slice(argv[i].indexOf("=") + 1)]
        : [argv[i], undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === "-o" || flag === "--output") args.output = value();
    else if (flag === "--json") args.json = value();
    else if (flag === "--quiet" || flag === "-q") args.quiet = true;
    else if (flag === "--day-count") {
      const v = value();
      if (v !== "360" && v !== "365") throw new UsageError(`--day-count must be 360 or 365, not ${JSON.stringify(v)}`);
      args.options.dayCount = Number(v);
    } else if (flag === "--policy") {
      const v = value();
      args.options.policy = v.endsWith(".json") ? registerParameterSet(JSON.parse(readFileSync(v, "utf8"))).id : v;
    } else if (flag in FLAGS) {
      const { option, choices } = FLAGS[flag];
      const v = value();
      if (!choices.includes(v)) throw new UsageError(`${flag} must be ${choices.join(" or ")}, not ${JSON.stringify(v)}`);
      (args.options as Record<string, string>)[option] = v;
    } else if (flag.startsWith("-") && flag !== "-") throw new UsageError(`unknown option ${flag}`);
    else if (args.input === undefined) args.input = flag;
    else throw new UsageError(`unexpected argument ${JSON.stringify(flag)} (one input workbook at a time)`);
  }
  if (!args.input) throw new UsageError("no input workbook given");
  return args as Arguments;
}

export function defaultOutput(input: string): string {
  const ext = extname(input);
  return join(dirname(input), `${basename(input, ext)}.screened${ext || ".xlsx"}`);
}

const same = (a: string, b: string) => {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
};

export async function main(
  argv: readonly string[],
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    out.write(`${USAGE}\n`);
    return 0;
  }
  let args: Arguments;
  try {
    args = parseArguments(argv);
  } catch (error) {
    if (error instanceof UsageError || error instanceof PolicyDataError || error instanceof SyntaxError) {
      err.write(`hlj-screen: ${error.message.split("\n")[0]}\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  const fail = (line: string) => {
    err.write(`hlj-screen: ${line}\n`);
    return 2;
  };
  if (!existsSync(args.input)) return fail(`cannot read ${args.input}: no such file`);
  const output = args.output ?? defaultOutput(args.input);
  if (same(output, args.input)) return fail(`the output ${output} would overwrite the input: choose another -o`);

  const workbook = new ExcelJS.Workbook();
  // Reading and writing a large workbook take most of the time: say so.
  const large = statSync(args.input).size > LARGE_FILE_BYTES;
  if (large && !args.quiet) err.write(`reading ${args.input}…\n`);
  try {
    await workbook.xlsx.readFile(args.input);
  } catch (error) {
    return fail(`cannot read ${args.input} as an .xlsx workbook (${(error as Error).message.split("\n")[0]})`);
  }
  const input = workbookInput(workbook);
  const rowCount = input.sheets.reduce((n, s) => n + s.values.length, 0);
  const showProgress = !args.quiet && rowCount > LONG_INPUT;
  let result: ScreeningResult;
  try {
    let last = -1;
    result = screenWorkbook(input, {
      ...args.options,
      onProgress: showProgress
        ? (done, total) => {
            const percent = Math.floor((100 * done) / total);
            if (percent >= last + 10 || (done === total && last < 100)) {
              last = percent;
              err.write(`screening: ${done.toLocaleString("en")} / ${total.toLocaleString("en")} rows (${percent}%)\n`);
            }
          }
        : undefined,
    });
  } catch (error) {
    if (error instanceof UnusableWorkbookError) return fail(`${args.input}: ${error.en}`);
    if (error instanceof InputError) return fail(error.reason.en);
    throw error;
  }

  const names = writeResultSheets(workbook, result, basename(args.input));
  if ((large || showProgress) && !args.quiet) err.write(`writing ${output}…\n`);
  mkdirSync(dirname(resolve(output)), { recursive: true });
  const written = Buffer.from(await workbook.xlsx.writeBuffer());
  writeFileSync(output, names.chart ? await addColumnChart(written, names.chart) : written);
  const json = JSON.stringify(result, null, 2);
  if (args.json === "-") out.write(`${json}\n`);
  else if (args.json) {
    mkdirSync(dirname(resolve(args.json)), { recursive: true });
    writeFileSync(args.json, `${json}\n`);
  }
  if (!args.quiet) {
    const report = args.json === "-" ? err : out;
    report.write(summaryText(result, args.input, output, names));
    if (args.json && args.json !== "-") report.write(`JSON:    ${args.json}\n`);
  }
  return 0;
}

/** The short summary printed after a run. */
export function summaryText(result: ScreeningResult, input: string, output: string, sheets: { results: string; summary: string }): string {
  const { blocks } = summaryContent(result);
  const money = (n: number | string) => Number(n).toLocaleString("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const lines = [
    `hlj-screen ${basename(input)} — policy ${result.policy.id}`,
    `options: ${Object.entries(result.options)
      .filter(([k]) => k !== "policy")
      .map(([k, v]) => `${k}=${v}`)
      .join(" ")}`,
    `tables:  ${result.tables.map((t) => `${t.sheet} (header row ${t.headerRow}, ${t.rows} rows)`).join("; ")}`,
    `rows ${result.totals.rows} · entities ${result.totals.entities} · total final ${money(result.totals.final)} yuan`,
    "",
  ];
  for (const block of blocks.filter((b) => b.title.includes("measure") || b.title.includes("status"))) {
    lines.push(block.title);
    for (const row of block.rows)
      lines.push(`  ${String(row[0]).padEnd(12)} ${String(row[2]).padStart(6)} rows ${money(row[3]).padStart(18)}`);
    lines.push("");
  }
  for (const issue of result.issues.slice(0, 10)) lines.push(`note: ${issue.en}`);
  if (result.issues.length > 10) lines.push(`note: … and ${result.issues.length - 10} more (see the JSON issues)`);
  lines.push(`written: ${output} (sheets ${sheets.results}, ${sheets.summary})`);
  return `${lines.join("\n")}\n`;
}
