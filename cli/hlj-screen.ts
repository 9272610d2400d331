/**
 * hlj-screen INPUT.xlsx [-o OUTPUT.xlsx] [--json FILE|-] [--lpr-mode fixed|floating]
 *            [--dedup entity-year|entity-project] [--other-support top-up|exclude]
 *            [--interest-window award-year|loan] [--effective-from YYYY-MM-DD] [--lang zh|en] [--max-size 1GiB]
 * Screens a workbook of applicants with the shared core and writes a copy of it with two result sheets.
 * Exit 0 when it screened (even with row errors); 2 on unusable input, arguments or output, with one line
 * saying why and never a stack trace. The input file is never written (SCREENING.md "Command line").
 */
import { readFileSync } from "fs";
import { basename, dirname, extname, join, resolve } from "path";
import {
  splitTotals,
  DisplayLanguage,
  InputError,
  OPTION_CHOICES,
  OptionsInput,
  PolicyDataError,
  ScreeningResult,
  UnusableWorkbookError,
  getParameterSet,
  parseIsoDate,
  effectiveFromWords,
  registerParameterSet,
  screenWorkbook,
  statedReadings,
  AMOUNT_TERMS,
  measureTerm,
  optionsInWords,
  statusTerm,
  Term,
  displayWidth,
} from "../core";
import { InputFile, inspectInput, localInput } from "./input-file";
import { JsonOutput, watchReader } from "./json-output";
import { clash, writeOutputFile } from "./output-file";
import { READER_GONE_STATUS, ReaderGone, Refusal, ioReason, isBrokenPipe, refusalLine } from "./refusal";
import { InputWorkbook, readInput } from "./read-input";
import { fileNames, writeOutput, WrittenSheets } from "./write-output";
import { OpenPackage, UnreadablePackageError, bytesText, openPackage } from "./xlsx/package-reader";
import { PackageTooLargeError } from "./xlsx/package-writer";

const USAGE = `usage: hlj-screen INPUT.xlsx [-o OUTPUT.xlsx] [--json FILE|-] [--lpr-mode fixed|floating]
                  [--dedup entity-year|entity-project] [--other-support top-up|exclude]
                  [--interest-window award-year|loan] [--day-count 360|365] [--policy ID|FILE.json]
                  [--effective-from YYYY-MM-DD] [--lang zh|en] [--max-size SIZE] [--quiet]
  --effective-from  the policy's issue date, the first day interest is subsidised
                    (default: the parameter set's; for the draft the stand-in ${getParameterSet().subsidyPeriod.effectiveFrom.value})`;

/** Rows above which progress is shown on stderr. */
const LONG_INPUT = 5_000;
/** Files above which reading is announced on stderr. */
const LARGE_FILE_MIB = 1;
const DEFAULT_MAX_SIZE = 1024 ** 3;

interface Arguments {
  input: string;
  output?: string;
  json?: string;
  options: OptionsInput;
  language: DisplayLanguage;
  maxSize: number;
  quiet: boolean;
}

const FLAGS: Record<string, { option: keyof OptionsInput; choices: readonly string[] }> = {
  "--lpr-mode": { option: "lprMode", choices: OPTION_CHOICES.lprMode },
  "--dedup": { option: "dedupScope", choices: OPTION_CHOICES.dedupScope },
  "--other-support": { option: "otherSupport", choices: OPTION_CHOICES.otherSupport },
  "--interest-window": { option: "interestWindow", choices: OPTION_CHOICES.interestWindow },
};

/** Sizes --max-size takes, as the refusal names them. */
const SIZE_EXAMPLES = ["1GiB", "500MiB", "1073741824"];

/** The values an option takes, quoted as typed, for the Chinese line: "fixed" 或 "floating". */
const oneOf = (choices: readonly string[]) => choices.map((c) => JSON.stringify(c)).join(" 或 ");

/** `1GiB`, `500MB`, `2g`, `1073741824` → bytes (binary units). */
export function parseSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*$/i.exec(text);
  if (!match)
    throw new Refusal(
      `--max-size must be a size such as ${SIZE_EXAMPLES.slice(0, -1).join(", ")} or ${SIZE_EXAMPLES.at(-1)}, not ${JSON.stringify(text)}`,
      `--max-size 应为大小，如 ${SIZE_EXAMPLES.map((s) => JSON.stringify(s)).join("、")}，而不是 ${JSON.stringify(text)}`,
    );
  const unit = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 }[match[2].toLowerCase() as "" | "k" | "m" | "g" | "t"];
  return Math.floor(Number(match[1]) * unit);
}

export function parseArguments(argv: readonly string[]): Arguments {
  const args: Partial<Arguments> & { options: OptionsInput; quiet: boolean } = {
    options: {},
    quiet: false,
    language: "zh",
    maxSize: DEFAULT_MAX_SIZE,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] =
      argv[i].startsWith("--") && argv[i].includes("=")
        ? [argv[i].slice(0, argv[i].indexOf("=")), argv[i].slice(argv[i].indexOf("=") + 1)]
        : [argv[i], undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Refusal(`${flag} needs a value`, `${flag} 缺少取值`);
      return v;
    };
    if (flag === "-o" || flag === "--output") args.output = value();
    else if (flag === "--json") args.json = value();
    else if (flag === "--quiet" || flag === "-q") args.quiet = true;
    else if (flag === "--lang") {
      const v = value();
      if (v !== "zh" && v !== "en")
        throw new Refusal(
          `--lang must be zh or en, not ${JSON.stringify(v)}`,
          `--lang 应为 ${oneOf(["zh", "en"])}，而不是 ${JSON.stringify(v)}`,
        );
      args.language = v;
    } else if (flag === "--max-size") args.maxSize = parseSize(value());
    else if (flag === "--day-count") {
      const v = value();
      if (v !== "360" && v !== "365")
        throw new Refusal(
          `--day-count must be 360 or 365, not ${JSON.stringify(v)}`,
          `--day-count 应为 360 或 365，而不是 ${JSON.stringify(v)}`,
        );
      args.options.dayCount = Number(v);
    } else if (flag === "--effective-from") {
      const v = value();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || parseIsoDate(v) === null) {
        throw new Refusal(
          `--effective-from must be a date YYYY-MM-DD (the policy's issue date), not ${JSON.stringify(v)}`,
          `--effective-from 应为施行日期（年-月-日，如 ${getParameterSet().subsidyPeriod.effectiveFrom.value}），而不是 ${JSON.stringify(v)}`,
        );
      }
      args.options.effectiveFrom = v;
    } else if (flag === "--policy") {
      const v = value();
      args.options.policy = v.endsWith(".json") ? registerParameterSet(readPolicyFile(v)).id : v;
    } else if (flag in FLAGS) {
      const { option, choices } = FLAGS[flag];
      const v = value();
      if (!choices.includes(v))
        throw new Refusal(
          `${flag} must be ${choices.join(" or ")}, not ${JSON.stringify(v)}`,
          `${flag} 应为 ${oneOf(choices)}，而不是 ${JSON.stringify(v)}`,
        );
      (args.options as Record<string, string>)[option] = v;
    } else if (flag.startsWith("-") && flag !== "-") throw new Refusal(`unknown option ${flag}`, `未知选项 ${flag}`);
    else if (args.input === undefined) args.input = flag;
    else
      throw new Refusal(
        `unexpected argument ${JSON.stringify(flag)} (one input workbook at a time)`,
        `多余的参数 ${JSON.stringify(flag)}（一次只筛查一个输入工作簿）`,
      );
  }
  if (!args.input) throw new Refusal("no input workbook given", "没有给出输入工作簿");
  return args as Arguments;
}

function readPolicyFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new Refusal(`cannot read the policy file ${path}: ${ioReason(error).en}`, `无法读取参数文件 ${path}：${ioReason(error).zh}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Refusal(`the policy file ${path} is not JSON (${(error as Error).message})`, `参数文件 ${path} 格式有误，无法解析`);
  }
}

export function defaultOutput(input: string): string {
  const ext = extname(input);
  return join(dirname(input), `${basename(input, ext)}.screened${ext || ".xlsx"}`);
}

export async function main(
  argv: readonly string[],
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  // A reader that goes away (`--json - | head -1`) ends the run quietly (READER_GONE_STATUS), never a stack trace.
  watchReader(out);
  watchReader(err);
  if (argv.includes("--help") || argv.includes("-h")) {
    out.write(`${USAGE}\n`);
    return 0;
  }
  try {
    return await run(argv, out, err);
  } catch (error) {
    if (error instanceof ReaderGone || isBrokenPipe(error)) return READER_GONE_STATUS;
    // One line, always (SCREENING.md), in the display language.
    err.write(`${refusalLine(failureWords(error), displayLanguage(argv))}\n`);
    return 2;
  }
}

/** A failure in words, both languages; a mistake in the arguments points to the usage rather than printing it. */
function failureWords(error: unknown): Term {
  if (error instanceof Refusal && /^(no input|unknown option|unexpected argument|--\S+ (must|needs))/.test(error.message))
    return { en: `${error.en} (hlj-screen --help shows the usage)`, zh: `${error.zh}，用 --help 查看用法` };
  if (error instanceof Refusal || error instanceof UnreadablePackageError || error instanceof PackageTooLargeError)
    return { en: error.message, zh: error.zh };
  if (error instanceof PolicyDataError) return { en: error.message.split("\n").slice(0, 2).join(" "), zh: "参数集不可用" };
  const message = (error as Error)?.message?.split("\n")[0] ?? String(error);
  return { en: `unexpected failure: ${message} (please report it)`, zh: "意外故障，请报告此问题" };
}

/**
 * The language of a failure's line: English only when a valid `--lang en` is among the arguments, Chinese otherwise
 * (the default, and a bad --lang itself).
 */
function displayLanguage(argv: readonly string[]): DisplayLanguage {
  let given: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === "--lang") given = argv[i + 1];
    else if (arg.startsWith("--lang=")) given = arg.slice("--lang=".length);
  });
  return given === "en" ? "en" : "zh";
}

interface Paths {
  input: string;
  output: string;
  /** The input is a pipe or a device: copied to a temporary file before it is read. */
  streamed: boolean;
  size: number;
}

/** The paths, checked before anything is read or written: no output may be the input, nor -o the JSON file. */
function checkPaths(args: Arguments): Paths {
  const { input } = args;
  const { streamed, size } = inspectInput(input);
  // The default output goes beside the input: not into /dev or /proc (`/dev/stdin.screened.xlsx`), nor beside a pipe.
  if (!args.output && (streamed || /^\/(dev|proc)\//.test(resolve(input))))
    throw new Refusal(
      `the input ${input} is ${streamed ? "a pipe or a device" : "a system path"}, not a file: name the output workbook with -o`,
      `输入 ${input} 是${streamed ? "管道或设备" : "系统路径"}，不是文件：请用 --output 指定输出工作簿`,
    );
  const output = args.output ?? defaultOutput(input);
  // Never lose data: no output may be the input, whatever the path says (same inode), nor -o the JSON file.
  if (clash(output, input))
    throw new Refusal(
      `the output ${output} is the input file: choose another -o`,
      `输出 ${output} 就是输入文件：请用 --output 另选一个文件名`,
    );
  if (args.json && args.json !== "-") {
    if (clash(args.json, input))
      throw new Refusal(
        `the JSON file ${args.json} is the input file: choose another --json`,
        `数据文件 ${args.json} 就是输入文件：请用 --json 另选一个文件名`,
      );
    if (clash(args.json, output))
      throw new Refusal(
        `the JSON file and the output workbook are the same file (${output}): choose two names`,
        `数据文件与输出工作簿是同一个文件（${output}）：请用两个不同的文件名`,
      );
  }
  if (/\.xl[st]m$/i.test(input) !== /\.xl[st]m$/i.test(output)) {
    throw /\.xl[st]m$/i.test(input)
      ? new Refusal(
          `the input has macros (${extname(input)}): write the output as .xlsm or .xltm too (-o ${basename(defaultOutput(input))})`,
          `输入含有宏（${extname(input)}）：输出也须为含宏的工作簿（--output ${basename(defaultOutput(input))}）`,
        )
      : new Refusal(
          `the output ${output} ends in ${extname(output)} (macros) but the input has no macros: write .xlsx`,
          `输出 ${output} 以 ${extname(output)} 结尾（含宏），但输入不含宏：请写为不含宏的 Excel 工作簿`,
        );
  }
  return { input, output, streamed, size };
}

async function run(argv: readonly string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  let args: Arguments;
  try {
    args = parseArguments(argv);
  } catch (error) {
    if (error instanceof PolicyDataError)
      throw new Refusal(`the policy file is not a usable parameter set: ${error.problems[0]}`, "参数文件不是可用的参数集");
    throw error;
  }
  const paths = checkPaths(args);
  const { input, output } = paths;
  const zh = args.language === "zh";
  const note = (line: string) => {
    if (!args.quiet) err.write(`${line}\n`);
  };
  const unreadable = (error: unknown) => {
    if (error instanceof UnreadablePackageError)
      throw new Refusal(`cannot read ${input}: ${error.message}`, `无法读取 ${input}：${error.zh}`);
    throw error;
  };
  // HLJ_TIMING=1 prints each phase's wall time and the peak memory to stderr (npm run bench reads it).
  const timing = process.env.HLJ_TIMING === "1" ? phaseTimer(err) : null;
  const local: InputFile = await localInput(input, paths.streamed, paths.size, args.maxSize);
  try {
    if (local.size > LARGE_FILE_MIB * 1024 * 1024)
      note(zh ? `正在读取 ${input}（${bytesText(local.size)}）…` : `reading ${input} (${bytesText(local.size)})…`);
    const pkg = await openPackage(local.path, args.maxSize).catch(unreadable);
    try {
      const workbook = await readInput(pkg).catch(unreadable);
      timing?.("read");
      const long = workbook.workbook.sheets.reduce((n, s) => n + s.values.length, 0) > LONG_INPUT;
      const result = screen(workbook, args, input, long ? err : null);
      timing?.("screen");
      // The cells were read to be screened; the output copies the parts as stored. Let them go before writing.
      workbook.release();
      if (long) note(zh ? `正在写入 ${output}…` : `writing ${output}…`);
      const sheets = await writeResults(pkg, workbook, result, args, output, { out, progress: long ? err : null });
      timing?.("write");
      if (!args.quiet) {
        const report = args.json === "-" ? err : out;
        report.write(summaryText(result, input, output, sheets, args.language));
        if (args.json && args.json !== "-") report.write(zh ? `数据文件：${args.json}\n` : `JSON:    ${args.json}\n`);
      }
      return 0;
    } finally {
      pkg.close();
    }
  } finally {
    local.release();
  }
}

/** The engine over the workbook read, its refusals as one line; progress on `progressTo` when given. */
function screen(workbook: InputWorkbook, args: Arguments, input: string, progressTo: NodeJS.WritableStream | null): ScreeningResult {
  try {
    let last = -1;
    return screenWorkbook(workbook.workbook, {
      ...args.options,
      onProgress:
        progressTo && !args.quiet
          ? progress(
              args.language === "zh" ? "筛查" : "screening",
              progressTo,
              () => last,
              (p) => (last = p),
            )
          : undefined,
    });
  } catch (error) {
    if (error instanceof UnusableWorkbookError) throw new Refusal(`${input}: ${error.en}`, `${input}：${error.zh}`);
    if (error instanceof InputError) throw new Refusal(error.reason.en, error.reason.zh);
    throw error;
  }
}

/** The output workbook and the JSON beside it; the JSON is all written before the workbook is renamed into place. */
async function writeResults(
  pkg: OpenPackage,
  workbook: InputWorkbook,
  result: ScreeningResult,
  args: Arguments,
  output: string,
  streams: { out: NodeJS.WritableStream; progress: NodeJS.WritableStream | null },
): Promise<WrittenSheets> {
  let sheets: WrittenSheets = { results: "", summary: "", appendix: "" };
  let last = -1;
  const json = args.json ? await JsonOutput.open(args.json, streams.out) : null;
  try {
    json?.begin(result);
    await writeOutputFile(output, async (fd) => {
      sheets = await writeOutput(pkg, workbook, result, {
        fd,
        language: args.language,
        ...fileNames(args.input, output),
        onProgress:
          streams.progress && !args.quiet
            ? progress(
                args.language === "zh" ? "写入" : "writing",
                streams.progress,
                () => last,
                (p) => (last = p),
              )
            : undefined,
        onJson: json ? (block) => json.rows(block) : undefined,
      });
      await json?.end(result);
    });
    await json?.commit();
  } catch (error) {
    json?.abort();
    throw error;
  }
  return sheets;
}

function phaseTimer(err: NodeJS.WritableStream): (phase: string) => void {
  let last = process.hrtime.bigint();
  return (phase) => {
    const now = process.hrtime.bigint();
    const rss = (process.resourceUsage().maxRSS / 1024).toFixed(0);
    err.write(`timing: ${phase} ${(Number(now - last) / 1e9).toFixed(3)} s, peak RSS ${rss} MiB\n`);
    last = now;
  };
}

function progress(what: string, err: NodeJS.WritableStream, last: () => number, set: (p: number) => void) {
  return (done: number, total: number) => {
    const percent = Math.floor((100 * done) / total);
    if (percent >= last() + 10 || (done === total && last() < 100)) {
      set(percent);
      const [shown, of] = [done.toLocaleString("en"), total.toLocaleString("en")];
      // The step's name is in the display language; so is the line (Chinese has no Latin "rows").
      err.write(
        /\p{Script=Han}/u.test(what) ? `${what}：${shown} / ${of} 行（${percent}%）\n` : `${what}: ${shown} / ${of} rows (${percent}%)\n`,
      );
    }
  };
}

/** The short summary printed after a run, in the display language (Chinese by default). */
export function summaryText(
  result: ScreeningResult,
  input: string,
  output: string,
  sheets: WrittenSheets,
  language: DisplayLanguage,
): string {
  const zh = language === "zh";
  const money = (n: number | string) => Number(n).toLocaleString("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const rowsWord = (n: number) => (zh ? `${n} 行` : `${n} ${n === 1 ? "row" : "rows"}`);
  const tables = result.tables
    .map((t) =>
      zh ? `${t.sheet}（表头第 ${t.headerRow} 行，${rowsWord(t.rows)}）` : `${t.sheet} (header row ${t.headerRow}, ${rowsWord(t.rows)})`,
    )
    .join(zh ? "；" : "; ");
  // 拟支持 and 待人工核定: two figures, never one sum of both (SCREENING.md revision 3).
  const { toPay, pending } = splitTotals(result.totals);
  const lines = zh
    ? [
        `hlj-screen ${basename(input)} — 政策版本 ${result.policy.id}`,
        `选项：   ${optionsInWords(result.options, "zh")}`,
        ...statedReadings(result.options).map((r) => `         ${r.zh}`),
        `申报表：  ${tables}`,
        `申报 ${rowsWord(result.totals.rows)} · 企业 ${result.totals.entities} 家 · ${AMOUNT_TERMS.toPay.zh} ${money(toPay.toFixed(2))} 元 · ${AMOUNT_TERMS.pending.zh} ${money(pending.toFixed(2))} 元`,
        "",
      ]
    : [
        `hlj-screen ${basename(input)} — policy ${result.policy.id}`,
        `options: ${Object.entries(result.options)
          .filter(([k]) => k !== "policy" && k !== "assumptions")
          .map(([k, v]) => `${k}=${v}`)
          .join(" ")}`,
        `         ${effectiveFromWords(getParameterSet(result.options.policy), result.options.effectiveFrom).en}`,
        // The readings the options make, said where they decide (RULES.md revision 3, change 8).
        ...statedReadings(result.options).map((r) => `         ${r.en}`),
        `tables:  ${tables}`,
        `rows ${result.totals.rows} · entities ${result.totals.entities} · ${AMOUNT_TERMS.toPay.en} ${money(toPay.toFixed(2))} yuan · ${AMOUNT_TERMS.pending.en} ${money(pending.toFixed(2))} yuan`,
        "",
      ];
  for (const [title, table, word] of [
    [zh ? "按条款" : "By measure", result.totals.byMeasure, measureTerm],
    [zh ? "按状态" : "By status", result.totals.byStatus, statusTerm],
  ] as const) {
    lines.push(title);
    for (const [key, t] of Object.entries(table)) {
      const name = zh ? word(key).zh : key;
      // Twelve columns of the terminal, a CJK character taking two.
      const pad = zh ? 12 - (displayWidth(name) - name.length) : 12;
      lines.push(`  ${name.padEnd(Math.max(pad, name.length))} ${rowsWord(t.rows).padStart(zh ? 8 : 11)} ${money(t.final).padStart(18)}`);
    }
    lines.push("");
  }
  // Warnings first: a wrong 合计 or an unreadable column matters more than the list of skipped lines.
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const issues = [...result.issues].sort((a, b) => rank[a.severity] - rank[b.severity]);
  const severityWord = { error: zh ? "错误" : "error", warning: zh ? "警告" : "warning", info: zh ? "提示" : "note" } as const;
  for (const issue of issues.slice(0, 10)) lines.push(`${severityWord[issue.severity]}${zh ? "：" : ": "}${issue[language]}`);
  if (issues.length > 10)
    lines.push(
      zh
        ? `提示：……另有 ${issues.length - 10} 条（完整列表见 --json 输出）`
        : `note: … and ${issues.length - 10} more (see the JSON issues)`,
    );
  lines.push(
    zh
      ? `已写入：${output}（工作表 ${sheets.results}、${sheets.summary}、${sheets.appendix}；中文）`
      : `written: ${output} (sheets ${sheets.results}, ${sheets.summary}, ${sheets.appendix}; English)`,
  );
  return `${lines.join("\n")}\n`;
}
