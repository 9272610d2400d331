/**
 * hlj-screen INPUT.xlsx [-o OUTPUT.xlsx] [--json FILE|-] [--lpr-mode fixed|floating]
 *            [--dedup entity-year|entity-project] [--other-support top-up|exclude]
 *            [--interest-window award-year|loan] [--lang zh|en] [--max-size 1GiB]
 * Screens a workbook of applicants with the shared core and writes a copy of it with two result sheets.
 * Exit 0 when it screened (even with row errors); 2 on unusable input, arguments or output, with one line
 * saying why and never a stack trace. The input file is never written (SCREENING.md "Command line").
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from "fs";
import { basename, dirname, extname, join, resolve } from "path";
import {
  DisplayLanguage,
  InputError,
  OPTION_CHOICES,
  OptionsInput,
  PolicyDataError,
  ScreeningResult,
  UnusableWorkbookError,
  registerParameterSet,
  screenWorkbook,
} from "../core";
import { sheetJson } from "./json-line";
import { readInput } from "./read-input";
import { writeOutput, WrittenSheets } from "./write-output";
import { UnreadablePackageError, bytesText, openPackage } from "./xlsx/package-reader";
import { PackageTooLargeError } from "./xlsx/package-writer";

const USAGE = `usage: hlj-screen INPUT.xlsx [-o OUTPUT.xlsx] [--json FILE|-] [--lpr-mode fixed|floating]
                  [--dedup entity-year|entity-project] [--other-support top-up|exclude]
                  [--interest-window award-year|loan] [--day-count 360|365] [--policy ID|FILE.json]
                  [--lang zh|en] [--max-size SIZE] [--quiet]`;

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

/** A failure to tell the person in one line (exit 2). */
class Refusal extends Error {}

const FLAGS: Record<string, { option: keyof OptionsInput; choices: readonly string[] }> = {
  "--lpr-mode": { option: "lprMode", choices: OPTION_CHOICES.lprMode },
  "--dedup": { option: "dedupScope", choices: OPTION_CHOICES.dedupScope },
  "--other-support": { option: "otherSupport", choices: OPTION_CHOICES.otherSupport },
  "--interest-window": { option: "interestWindow", choices: OPTION_CHOICES.interestWindow },
};

/** `1GiB`, `500MB`, `2g`, `1073741824` → bytes (binary units). */
export function parseSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*$/i.exec(text);
  if (!match) throw new Refusal(`--max-size must be a size such as 1GiB, 500MiB or 1073741824, not ${JSON.stringify(text)}`);
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
      if (v === undefined) throw new Refusal(`${flag} needs a value`);
      return v;
    };
    if (flag === "-o" || flag === "--output") args.output = value();
    else if (flag === "--json") args.json = value();
    else if (flag === "--quiet" || flag === "-q") args.quiet = true;
    else if (flag === "--lang") {
      const v = value();
      if (v !== "zh" && v !== "en") throw new Refusal(`--lang must be zh or en, not ${JSON.stringify(v)}`);
      args.language = v;
    } else if (flag === "--max-size") args.maxSize = parseSize(value());
    else if (flag === "--day-count") {
      const v = value();
      if (v !== "360" && v !== "365") throw new Refusal(`--day-count must be 360 or 365, not ${JSON.stringify(v)}`);
      args.options.dayCount = Number(v);
    } else if (flag === "--policy") {
      const v = value();
      args.options.policy = v.endsWith(".json") ? registerParameterSet(readPolicyFile(v)).id : v;
    } else if (flag in FLAGS) {
      const { option, choices } = FLAGS[flag];
      const v = value();
      if (!choices.includes(v)) throw new Refusal(`${flag} must be ${choices.join(" or ")}, not ${JSON.stringify(v)}`);
      (args.options as Record<string, string>)[option] = v;
    } else if (flag.startsWith("-") && flag !== "-") throw new Refusal(`unknown option ${flag}`);
    else if (args.input === undefined) args.input = flag;
    else throw new Refusal(`unexpected argument ${JSON.stringify(flag)} (one input workbook at a time)`);
  }
  if (!args.input) throw new Refusal("no input workbook given");
  return args as Arguments;
}

function readPolicyFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new Refusal(`cannot read the policy file ${path}: ${ioReason(error)}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Refusal(`the policy file ${path} is not JSON (${(error as Error).message})`);
  }
}

export function defaultOutput(input: string): string {
  const ext = extname(input);
  return join(dirname(input), `${basename(input, ext)}.screened${ext || ".xlsx"}`);
}

/** What an I/O error code means for a person. */
function ioReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file or folder";
    case "EISDIR":
      return "it is a folder";
    case "ENOTDIR":
      return "a part of the path is not a folder";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EROFS":
      return "the file system is read-only";
    case "ENOSPC":
      return "the disk is full";
    case "EDQUOT":
      return "the disk quota is used up";
    default:
      return (error as Error)?.message?.split("\n")[0] ?? String(error);
  }
}

/** The same file, by device and inode (symlinks and hard links included), or by resolved path. */
function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return resolve(a) === resolve(b);
  }
}

/**
 * `mkdir -p`, one level at a time: Node's own recursive mkdir loops forever where a parent exists but refuses
 * new entries (`/proc/x/y`), and this one stops at the first refusal.
 */
function makeFolders(folder: string): void {
  const missing: string[] = [];
  let at = folder;
  while (!existsSync(at)) {
    missing.unshift(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  if (existsSync(at) && !statSync(at).isDirectory()) throw Object.assign(new Error("not a folder"), { code: "ENOTDIR" });
  for (const path of missing) mkdirSync(path);
}

interface AtomicFile {
  fd: number;
  /** Flushes, closes and renames the temporary file into place. */
  commit(): void;
  /** Closes and removes the temporary file; the target stays as it was. */
  abort(): void;
}

/**
 * A file written beside the target under a temporary name and renamed into place when complete, so a reader
 * never sees half a file and a failure leaves the target as it was.
 */
function startAtomic(target: string): AtomicFile {
  const folder = dirname(resolve(target));
  try {
    if (existsSync(target) && statSync(target).isDirectory()) throw Object.assign(new Error("is a folder"), { code: "EISDIR" });
    makeFolders(folder);
  } catch (error) {
    throw new Refusal(`cannot write ${target}: ${ioReason(error)}`);
  }
  const temporary = join(folder, `.${basename(target)}.${process.pid}.tmp`);
  let fd: number;
  try {
    fd = openSync(temporary, "wx");
  } catch (error) {
    throw new Refusal(`cannot write ${target}: ${ioReason(error)}`);
  }
  let open = true;
  return {
    fd,
    commit() {
      try {
        fsyncSync(fd);
        closeSync(fd);
        open = false;
        renameSync(temporary, target);
      } catch (error) {
        this.abort();
        throw new Refusal(`cannot write ${target}: ${ioReason(error)}`);
      }
    },
    abort() {
      if (open) {
        open = false;
        try {
          closeSync(fd);
        } catch {
          /* already closed */
        }
      }
      try {
        unlinkSync(temporary);
      } catch {
        /* nothing was left */
      }
    },
  };
}

/** Runs `write` against a temporary file and commits it, or aborts it on failure (one line says why). */
async function writeAtomically(target: string, write: (fd: number) => Promise<void> | void): Promise<void> {
  const file = startAtomic(target);
  try {
    await write(file.fd);
  } catch (error) {
    file.abort();
    if (error instanceof Refusal || error instanceof PackageTooLargeError) throw error;
    throw new Refusal(`cannot write ${target}: ${ioReason(error)}`);
  }
  file.commit();
}

/**
 * The JSON output, written row by row beside the results sheet: `{ policy, options, rows, totals, tables, issues }`
 * with one row per line. Text is cut at Excel's cell limit exactly as in the sheet, so both hold the same characters.
 */
class JsonOutput {
  private first = true;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private readonly file: AtomicFile | null;

  constructor(
    private readonly target: string,
    private readonly out: NodeJS.WritableStream,
  ) {
    this.file = target === "-" ? null : startAtomic(target);
  }

  /** Collects bytes and writes them about a megabyte at a time. */
  private writeBytes(bytes: Uint8Array, flush = false): void {
    if (bytes.length > 0) {
      this.pending.push(bytes);
      this.pendingBytes += bytes.length;
    }
    if (this.pendingBytes < 1 << 20 && !flush) return;
    const chunks = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    if (!this.file) {
      for (const chunk of chunks) this.out.write(chunk);
      return;
    }
    try {
      for (const chunk of chunks) {
        let written = 0;
        while (written < chunk.length) written += writeSync(this.file.fd, chunk, written, chunk.length - written);
      }
    } catch (error) {
      throw new Refusal(`cannot write ${this.target}: ${ioReason(error)}`);
    }
  }

  private write(text: string, flush = false): void {
    this.writeBytes(Buffer.from(text, "utf8"), flush);
  }

  begin(result: ScreeningResult): void {
    this.write(`{\n  "policy": ${JSON.stringify(result.policy)},\n  "options": ${JSON.stringify(result.options)},\n  "rows": [`);
  }

  /** A block of rows' lines, UTF-8 (renderBlock): blocks are joined by a comma. */
  rows(block: Uint8Array): void {
    if (!this.first) this.write(",");
    this.writeBytes(block);
    this.first = false;
  }

  end(result: ScreeningResult): void {
    const rest = { totals: result.totals, tables: result.tables, issues: result.issues };
    const tail = Object.entries(rest)
      .map(([key, value]) => `  ${JSON.stringify(key)}: ${sheetJson(value)}`)
      .join(",\n");
    this.write(`\n  ],\n${tail}\n}\n`, true);
    this.file?.commit();
  }

  abort(): void {
    this.file?.abort();
  }
}

export async function main(
  argv: readonly string[],
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    out.write(`${USAGE}\n`);
    return 0;
  }
  try {
    return await run(argv, out, err);
  } catch (error) {
    const line =
      error instanceof Refusal || error instanceof UnreadablePackageError || error instanceof PackageTooLargeError
        ? error.message
        : error instanceof PolicyDataError
          ? error.message.split("\n").slice(0, 2).join(" ")
          : `unexpected failure: ${(error as Error)?.message?.split("\n")[0] ?? String(error)} (please report it)`;
    // One line, always (SCREENING.md); a mistake in the arguments points to the usage rather than printing it.
    const usageHint =
      error instanceof Refusal && /^(no input|unknown option|unexpected argument|--\S+ (must|needs))/.test(error.message)
        ? " (hlj-screen --help shows the usage)"
        : "";
    err.write(`hlj-screen: ${line}${usageHint}\n`);
    return 2;
  }
}

async function run(argv: readonly string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  let args: Arguments;
  try {
    args = parseArguments(argv);
  } catch (error) {
    if (error instanceof PolicyDataError) throw new Refusal(`the policy file is not a usable parameter set: ${error.problems[0]}`);
    throw error;
  }
  const { input } = args;
  let size: number;
  try {
    const stat = statSync(input);
    if (stat.isDirectory()) throw Object.assign(new Error("folder"), { code: "EISDIR" });
    size = stat.size;
  } catch (error) {
    throw new Refusal(`cannot read ${input}: ${ioReason(error)}`);
  }
  const output = args.output ?? defaultOutput(input);
  // Never lose data: no output may be the input, whatever the path says (same inode), nor -o the JSON file.
  if (sameFile(output, input)) throw new Refusal(`the output ${output} is the input file: choose another -o`);
  if (args.json && args.json !== "-") {
    if (sameFile(args.json, input)) throw new Refusal(`the JSON file ${args.json} is the input file: choose another --json`);
    if (sameFile(args.json, output))
      throw new Refusal(`the JSON file and the output workbook are the same file (${output}): choose two names`);
  }
  if (/\.xlsm$/i.test(input) !== /\.xlsm$/i.test(output)) {
    throw new Refusal(
      /\.xlsm$/i.test(input)
        ? `the input has macros (.xlsm): write the output as .xlsm too (-o ${basename(defaultOutput(input))})`
        : `the output ${output} ends in .xlsm but the input has no macros: write .xlsx`,
    );
  }

  const quiet = args.quiet;
  const note = (line: string) => {
    if (!quiet) err.write(`${line}\n`);
  };
  if (size > LARGE_FILE_MIB * 1024 * 1024) note(`reading ${input} (${bytesText(size)})…`);
  const unreadable = (error: unknown) => {
    if (error instanceof UnreadablePackageError) throw new Refusal(`cannot read ${input}: ${error.message}`);
    throw error;
  };
  // HLJ_TIMING=1 prints each phase's wall time and the peak memory to stderr (npm run bench reads it).
  const timing = process.env.HLJ_TIMING === "1" ? phaseTimer(err) : null;
  const pkg = await openPackage(input, args.maxSize).catch(unreadable);
  try {
    const workbook = await readInput(pkg).catch(unreadable);
    timing?.("read");
    const rowCount = workbook.workbook.sheets.reduce((n, s) => n + s.values.length, 0);
    const long = rowCount > LONG_INPUT;
    let result: ScreeningResult;
    try {
      let last = -1;
      result = screenWorkbook(workbook.workbook, {
        ...args.options,
        onProgress:
          long && !quiet
            ? progress(
                "screening",
                err,
                () => last,
                (p) => (last = p),
              )
            : undefined,
      });
    } catch (error) {
      if (error instanceof UnusableWorkbookError) throw new Refusal(`${input}: ${error.en}`);
      if (error instanceof InputError) throw new Refusal(error.reason.en);
      throw error;
    }
    timing?.("screen");
    // The cells were read to be screened; the output copies the parts as stored. Let them go before writing.
    workbook.release();
    if (long) note(`writing ${output}…`);
    let sheets: WrittenSheets = { results: "", summary: "" };
    let last = -1;
    const json = args.json ? new JsonOutput(args.json, out) : null;
    try {
      json?.begin(result);
      await writeAtomically(output, async (fd) => {
        sheets = await writeOutput(pkg, workbook, result, {
          fd,
          language: args.language,
          inputName: basename(input),
          onProgress:
            long && !quiet
              ? progress(
                  "writing",
                  err,
                  () => last,
                  (p) => (last = p),
                )
              : undefined,
          onJson: json ? (block) => json.rows(block) : undefined,
        });
      });
      json?.end(result);
      timing?.("write");
    } catch (error) {
      json?.abort();
      throw error;
    }
    if (!quiet) {
      const report = args.json === "-" ? err : out;
      report.write(summaryText(result, input, output, sheets, args.language));
      if (args.json && args.json !== "-") report.write(`JSON:    ${args.json}\n`);
    }
    return 0;
  } finally {
    pkg.close();
  }
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
      err.write(`${what}: ${done.toLocaleString("en")} / ${total.toLocaleString("en")} rows (${percent}%)\n`);
    }
  };
}

/** The short summary printed after a run. */
export function summaryText(
  result: ScreeningResult,
  input: string,
  output: string,
  sheets: WrittenSheets,
  language: DisplayLanguage,
): string {
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
  for (const [title, table] of [
    ["By measure", result.totals.byMeasure],
    ["By status", result.totals.byStatus],
  ] as const) {
    lines.push(title);
    for (const [key, t] of Object.entries(table))
      lines.push(`  ${key.padEnd(12)} ${String(t.rows).padStart(6)} rows ${money(t.final).padStart(18)}`);
    lines.push("");
  }
  // Warnings first: a wrong 合计 or an unreadable column matters more than the list of skipped lines.
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const issues = [...result.issues].sort((a, b) => rank[a.severity] - rank[b.severity]);
  for (const issue of issues.slice(0, 10)) lines.push(`${issue.severity === "info" ? "note" : issue.severity}: ${issue.en}`);
  if (issues.length > 10) lines.push(`note: … and ${issues.length - 10} more (see the JSON issues)`);
  lines.push(`written: ${output} (sheets ${sheets.results}, ${sheets.summary}; ${language === "zh" ? "Chinese" : "English"})`);
  return `${lines.join("\n")}\n`;
}
