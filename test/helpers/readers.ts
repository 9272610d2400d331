/**
 * Readers we did not write, for checking the CLI's outputs (issue 16): openpyxl (Debian's python3-openpyxl under
 * /usr/bin/python3, never the pyenv python3 on PATH) and LibreOffice, each run once for a whole list of files.
 *
 * A test that needs a reader which is missing is reported SKIPPED, chosen when the test is defined
 * (`whenReader(hasLibreOffice(), "LibreOffice")("…", fn)`), never passed by returning early; with
 * HLJ_REQUIRE_READERS=1 (CI) the same test is defined and fails, saying what to install.
 */
import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { basename, extname, join } from "path";

export const PYTHON = "/usr/bin/python3";
export const REQUIRE_READERS = Boolean(process.env.HLJ_REQUIRE_READERS && process.env.HLJ_REQUIRE_READERS !== "0");

type TestFn = (name: string, fn: jest.ProvidesCallback, timeout?: number) => void;

/**
 * `test` when `available`; otherwise `test.skip` (reported skipped), or, with HLJ_REQUIRE_READERS=1, a test that
 * fails saying `what` is missing.
 */
export function whenReader(available: boolean, what: string): TestFn {
  if (available) return test;
  if (!REQUIRE_READERS) return test.skip;
  return (name, _fn, timeout) =>
    test(
      name,
      () => {
        throw new Error(`${what} is required (HLJ_REQUIRE_READERS=1) but is not available here`);
      },
      timeout,
    );
}

let openpyxl: boolean | undefined;
let libreOffice: boolean | undefined;

export function hasOpenpyxl(): boolean {
  openpyxl ??= spawnSync(PYTHON, ["-c", "import openpyxl"], { stdio: "ignore", timeout: 60_000 }).status === 0;
  return openpyxl;
}

export function hasLibreOffice(): boolean {
  libreOffice ??= spawnSync("soffice", ["--version"], { stdio: "ignore", timeout: 60_000 }).status === 0;
  return libreOffice;
}

export const OPENPYXL = "openpyxl (apt-get install python3-openpyxl, for /usr/bin/python3)";
export const LIBREOFFICE = "LibreOffice (apt-get install libreoffice-calc-nogui)";

export interface OpenpyxlBook {
  /** The exception openpyxl raised (type: message), when it could not open the file. */
  error?: string;
  /** Each sheet's cells (first 500 rows) as openpyxl reads them: formulas as "=…", dates as ISO text. */
  sheets?: Record<string, unknown[][]>;
  date1904?: boolean;
}

const OPENPYXL_SCRIPT = `
import datetime, json, sys, warnings
warnings.simplefilter("ignore")
import openpyxl
out = {}
for path in sys.argv[1:]:
    try:
        wb = openpyxl.load_workbook(path)
        sheets = {}
        for ws in wb.worksheets:
            rows = []
            for row in ws.iter_rows(max_row=min(ws.max_row, 500), values_only=True):
                rows.append([v.isoformat() if isinstance(v, (datetime.date, datetime.datetime, datetime.time)) else v for v in row])
            sheets[ws.title] = rows
        out[path] = {"sheets": sheets, "date1904": wb.epoch.year == 1904}
    except Exception as e:
        out[path] = {"error": "%s: %s" % (type(e).__name__, e)}
json.dump(out, sys.stdout, default=str)
`;

/** Opens every file with openpyxl in one python process; by path. */
export function openWithOpenpyxl(files: string[]): Map<string, OpenpyxlBook> {
  const stdout = execFileSync(PYTHON, ["-c", OPENPYXL_SCRIPT, ...files], { encoding: "utf8", timeout: 300_000, maxBuffer: 256 << 20 });
  return new Map(Object.entries(JSON.parse(stdout) as Record<string, OpenpyxlBook>));
}

export interface LibreOfficeBook {
  /** Why LibreOffice did not open the file (no CSV written, or "could not be loaded" on stderr). */
  error?: string;
  /** Each sheet as CSV text (LibreOffice's own reading, comma-separated, UTF-8), by sheet name. */
  sheets: Map<string, string>;
}

/** CSV, comma, double quote, UTF-8, first line, …, every sheet to its own file (the last field, -1). */
const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

/**
 * Converts every file to CSV with ONE `soffice --headless --convert-to csv` call (a private profile), and reads
 * back each file's sheets; a file that wrote nothing, or that stderr says "could not be loaded", has `error`.
 * File names (without extension) must differ: LibreOffice names its output after them.
 */
export function openWithLibreOffice(files: string[]): Map<string, LibreOfficeBook> {
  const stems = files.map((f) => basename(f, extname(f)));
  if (new Set(stems).size !== stems.length) throw new Error(`openWithLibreOffice: two files share a name: ${stems.join(", ")}`);
  const work = mkdtempSync(join(tmpdir(), "hlj-lo-"));
  const outDir = join(work, "csv");
  mkdirSync(outDir);
  try {
    const run = spawnSync(
      "soffice",
      [`-env:UserInstallation=file://${join(work, "profile")}`, "--headless", "--convert-to", CSV_FILTER, "--outdir", outDir, ...files],
      { encoding: "utf8", timeout: 600_000 },
    );
    const written = existsSync(outDir) ? readdirSync(outDir) : [];
    const result = new Map<string, LibreOfficeBook>();
    files.forEach((file, i) => {
      const sheets = new Map<string, string>();
      for (const name of written) {
        if (name === `${stems[i]}.csv`) sheets.set("", readFileSync(join(outDir, name), "utf8"));
        else if (name.startsWith(`${stems[i]}-`) && name.endsWith(".csv"))
          sheets.set(name.slice(stems[i].length + 1, -4), readFileSync(join(outDir, name), "utf8"));
      }
      result.set(file, { error: sheets.size ? undefined : "LibreOffice wrote no CSV for it", sheets });
    });
    // stderr's "Error: source file could not be loaded" does not name the file: there must be one per file
    // that wrote nothing, else the batch cannot say which file it was.
    const notLoaded = (run.stderr ?? "").split("\n").filter((line) => /could not be loaded/i.test(line)).length;
    const failed = [...result.values()].filter((book) => book.error).length;
    for (const book of result.values()) {
      if (book.error && notLoaded) book.error = "LibreOffice: source file could not be loaded";
      if (notLoaded > failed) book.error ??= `LibreOffice said "could not be loaded" ${notLoaded} times for ${failed} files without output`;
    }
    return result;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Parses LibreOffice's CSV (comma, double quotes) into rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") (row.push(cell), (cell = ""));
    else if (c === "\n") (row.push(cell), rows.push(row), (row = []), (cell = ""));
    else if (c !== "\r") cell += c;
  }
  if (cell || row.length) (row.push(cell), rows.push(row));
  return rows;
}

let tmpfs: boolean | undefined;

/** Whether a small tmpfs can be mounted here (root with CAP_SYS_ADMIN), tried once on a scratch folder. */
export function canMountTmpfs(): boolean {
  if (tmpfs !== undefined) return tmpfs;
  const probe = mkdtempSync(join(tmpdir(), "hlj-mount-probe-"));
  try {
    tmpfs = spawnSync("mount", ["-t", "tmpfs", "-o", "size=16k", "tmpfs", probe], { stdio: "ignore", timeout: 30_000 }).status === 0;
    if (tmpfs) spawnSync("umount", [probe], { stdio: "ignore", timeout: 30_000 });
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
  return tmpfs;
}
