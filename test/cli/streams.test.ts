/**
 * Files and streams (issue 16, cause 7): outputs onto a device, a FIFO or a link to one are written through and
 * never replaced; a reader that goes away ends the run quietly; a signal leaves no temporary file; a long legal
 * name gets a temporary name that fits; a FIFO or a pipe on standard input is read; text that looks like an
 * OOXML escape, or cannot be UTF-8, reads the same in the sheet and the JSON.
 */
import { ChildProcess, execFileSync, spawn, spawnSync } from "child_process";
import {
  lstatSync,
  openSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { checkOutput } from "../helpers/ooxml-check";
import { readParts, writeSimpleWorkbook } from "../helpers/packages";
import { makeUscc } from "../helpers/uscc";
import { runCli } from "../helpers/run-cli";

const ROOT = join(__dirname, "../..");
const CLI = join(ROOT, "bin/hlj-screen.js");
const PYTHON = "/usr/bin/python3";
const dir = mkdtempSync(join(tmpdir(), "hlj-streams-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = runCli;

/** A folder of its own for one test. */
const folder = (name: string) => {
  const path = join(dir, name);
  mkdirSync(path);
  return path;
};

const sample = (path: string) => {
  writeFileSync(path, readFileSync(join(ROOT, "examples/applicants.xlsx")));
  return path;
};

/** `mkfifo`, and a `cat` that reads the FIFO into a file (a FIFO's writer waits for its reader). */
function fifoWithReader(fifo: string, into: string): Promise<number> {
  execFileSync("mkfifo", [fifo]);
  const reader = spawn("sh", ["-c", 'cat "$1" > "$2"', "sh", fifo, into], { stdio: "ignore" });
  return exitOf(reader).then((r) => r.code ?? -1);
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
}

/** A whole zip package: it ends with its end-of-central-directory record. */
const isWholeZip = (bytes: Buffer) => bytes.length > 22 && bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) === bytes.length - 22;

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

let large: string;
beforeAll(() => {
  // Large enough that writing takes a while (the temporary files exist for a second or so) and the JSON is megabytes.
  large = join(dir, "large.xlsx");
  execFileSync(process.execPath, [
    "-e",
    `import(${JSON.stringify(join(ROOT, "bench/large-workbook.mjs"))}).then((m) => m.writeApplicants(${JSON.stringify(large)}, 15000))`,
  ]);
}, 60_000);

describe("-o and --json onto a device, a FIFO or a link: written through, never replaced", () => {
  test("a FIFO gets the whole workbook and the whole JSON, and stays a FIFO", async () => {
    const at = folder("fifo-out");
    const workbookRead = fifoWithReader(join(at, "book"), join(at, "book.read"));
    const jsonRead = fifoWithReader(join(at, "json"), join(at, "json.read"));
    const result = await run(sample(join(at, "in.xlsx")), "-o", join(at, "book"), "--json", join(at, "json"), "-q");
    expect(result).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await workbookRead).toBe(0);
    expect(await jsonRead).toBe(0);
    expect(lstatSync(join(at, "book")).isFIFO()).toBe(true);
    expect(lstatSync(join(at, "json")).isFIFO()).toBe(true);
    expect(isWholeZip(readFileSync(join(at, "book.read")))).toBe(true);
    await checkOutput(join(at, "book.read"));
    expect(JSON.parse(readFileSync(join(at, "json.read"), "utf8")).rows).toHaveLength(83);
    expect(readdirSync(at).sort()).toEqual(["book", "book.read", "in.xlsx", "json", "json.read"]);
  }, 60_000);

  test("a symlink to /dev/null stays the link, and /dev/null stays a character device; both outputs may go there", async () => {
    const at = folder("null-link");
    symlinkSync("/dev/null", join(at, "null"));
    const input = sample(join(at, "in.xlsx"));
    expect(await run(input, "-o", join(at, "null"), "-q")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(lstatSync(join(at, "null")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(at, "null"))).toBe("/dev/null");
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
    // A character device is not a file one output would overwrite for the other.
    expect(await run(input, "-o", join(at, "null"), "--json", join(at, "null"), "-q")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(lstatSync(join(at, "null")).isSymbolicLink()).toBe(true);
    expect(readdirSync(at).sort()).toEqual(["in.xlsx", "null"]);
  });

  (isRoot ? test : test.skip)("as root, a null device made with mknod stays a character device (-o and --json)", async () => {
    const at = folder("mknod");
    execFileSync("mknod", [join(at, "book"), "c", "1", "3"]);
    execFileSync("mknod", [join(at, "json"), "c", "1", "3"]);
    const result = await run(sample(join(at, "in.xlsx")), "-o", join(at, "book"), "--json", join(at, "json"), "-q");
    expect(result).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(lstatSync(join(at, "book")).isCharacterDevice()).toBe(true);
    expect(lstatSync(join(at, "json")).isCharacterDevice()).toBe(true);
    expect(readdirSync(at).sort()).toEqual(["book", "in.xlsx", "json"]);
  });

  test("a symlink to a regular file stays a link; the file it points to gets the new workbook", async () => {
    const at = folder("file-link");
    writeFileSync(join(at, "real.xlsx"), "an older output");
    symlinkSync("real.xlsx", join(at, "link.xlsx"));
    expect((await run(sample(join(at, "in.xlsx")), "-o", join(at, "link.xlsx"), "-q")).code).toBe(0);
    expect(lstatSync(join(at, "link.xlsx")).isSymbolicLink()).toBe(true);
    expect(isWholeZip(readFileSync(join(at, "real.xlsx")))).toBe(true);
    expect(readdirSync(at).sort()).toEqual(["in.xlsx", "link.xlsx", "real.xlsx"]);
  });
});

describe("the run ends cleanly whatever ends it", () => {
  test("--json - | head -1 ends quietly (status 141, as SIGPIPE), writes no workbook and leaves no temporary file", () => {
    const at = folder("head");
    const script = `"$1" "$2" "$3" -o "$4/out.xlsx" --json - -q 2> "$4/stderr" | head -1 > "$4/first"; echo "\${PIPESTATUS[0]}"`;
    const status = execFileSync("bash", ["-c", script, "bash", process.execPath, CLI, large, at], { encoding: "utf8" }).trim();
    expect(readFileSync(join(at, "stderr"), "utf8")).toBe("");
    expect(readFileSync(join(at, "first"), "utf8")).toBe("{\n");
    expect(status).toBe("141");
    expect(readdirSync(at).sort()).toEqual(["first", "stderr"]);
  }, 60_000);

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    test(`${signal} while the outputs are being written leaves no temporary file, and the run dies of it`, async () => {
      const at = folder(`signal-${signal}`);
      const temporary = folder(`signal-${signal}-tmp`);
      const child = spawn(process.execPath, [CLI, large, "-o", join(at, "out.xlsx"), "--json", join(at, "out.json"), "-q"], {
        stdio: "ignore",
        env: { ...process.env, TMPDIR: temporary },
      });
      const exited = exitOf(child);
      let running = true;
      void exited.then(() => (running = false));
      let seen: string[] = [];
      while (running && seen.length === 0) {
        seen = readdirSync(at).filter((name) => name.endsWith(".tmp"));
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      expect(seen.length).toBeGreaterThan(0);
      child.kill(signal);
      expect(await exited).toEqual({ code: null, signal });
      // Nothing half-written is left. (A heavily loaded machine may deliver the signal only after the workbook was
      // renamed into place: then it is whole.)
      const left = readdirSync(at);
      expect(left.filter((name) => name.endsWith(".tmp"))).toEqual([]);
      for (const name of left.filter((n) => n.endsWith(".xlsx"))) expect(isWholeZip(readFileSync(join(at, name)))).toBe(true);
      expect(readdirSync(temporary)).toEqual([]);
    }, 60_000);
  }
});

test("an output name of 254 bytes (83 Chinese characters + .xlsx, legal) is written, and so is its JSON", async () => {
  const at = folder("long-name");
  const name = "申".repeat(83);
  expect(Buffer.byteLength(`${name}.xlsx`)).toBe(254);
  const result = await run(sample(join(at, "in.xlsx")), "-o", join(at, `${name}.xlsx`), "--json", join(at, `${name}.json`), "-q");
  expect(result).toEqual({ code: 0, stdout: "", stderr: "" });
  expect(readdirSync(at).sort()).toEqual([`${name}.json`, `${name}.xlsx`, "in.xlsx"].sort());
  expect(isWholeZip(readFileSync(join(at, `${name}.xlsx`)))).toBe(true);
});

describe("a FIFO or a pipe on standard input is read (copied first, bounded by --max-size)", () => {
  test("a FIFO input is screened as its file would be", async () => {
    const at = folder("fifo-in");
    const input = sample(join(at, "in.xlsx"));
    execFileSync("mkfifo", [join(at, "pipe")]);
    const written = exitOf(spawn("sh", ["-c", 'cat "$1" > "$2"', "sh", input, join(at, "pipe")], { stdio: "ignore" }));
    const result = await run(join(at, "pipe"), "-o", join(at, "out.xlsx"), "--json", join(at, "out.json"), "-q");
    expect(await written).toEqual({ code: 0, signal: null });
    expect(result).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(JSON.parse(readFileSync(join(at, "out.json"), "utf8")).rows).toHaveLength(83);
    expect(readdirSync(at).sort()).toEqual(["in.xlsx", "out.json", "out.xlsx", "pipe"]);
  }, 60_000);

  test("/dev/stdin from a pipe is read; the copy is removed; without -o, or past --max-size, one line says why", async () => {
    const at = folder("stdin");
    const input = sample(join(at, "in.xlsx"));
    const temporary = folder("stdin-tmp");
    const screen = (...args: string[]) =>
      spawnSync(process.execPath, [CLI, "/dev/stdin", ...args], {
        input: readFileSync(input),
        encoding: "utf8",
        env: { ...process.env, TMPDIR: temporary },
      });
    // A shell's pipe…
    const script = `cat "$1" | "$2" "$3" /dev/stdin -o "$4/out.xlsx" --json "$4/out.json" -q`;
    execFileSync("bash", ["-c", script, "bash", input, process.execPath, CLI, at], { env: { ...process.env, TMPDIR: temporary } });
    expect(JSON.parse(readFileSync(join(at, "out.json"), "utf8")).rows).toHaveLength(83);
    // …and a socket, as Node's spawnSync gives its child (/dev/stdin cannot be opened: it is read as it is).
    const read = screen("-o", join(at, "out2.xlsx"), "-q");
    expect({ status: read.status, stderr: read.stderr }).toEqual({ status: 0, stderr: "" });
    await checkOutput(join(at, "out.xlsx"));
    await checkOutput(join(at, "out2.xlsx"));
    const noOutput = screen("-q", "--lang", "en");
    expect(noOutput.status).toBe(2);
    expect(noOutput.stderr).toBe("hlj-screen: the input /dev/stdin is a pipe or a device, not a file: name the output workbook with -o\n");
    const tooLarge = screen("-o", join(at, "big.xlsx"), "--max-size", "8KiB", "-q", "--lang", "en");
    expect(tooLarge.status).toBe(2);
    expect(tooLarge.stderr).toBe("hlj-screen: cannot read /dev/stdin: it passed 8 KiB (raise the limit with --max-size)\n");
    // Standard input redirected from a file is that file, but its default output would go into /dev.
    const redirected = spawnSync(process.execPath, [CLI, "/dev/stdin", "-q", "--lang", "en"], {
      stdio: [openSync(input, "r"), "pipe", "pipe"],
      encoding: "utf8",
    });
    expect(redirected.stderr).toBe("hlj-screen: the input /dev/stdin is a system path, not a file: name the output workbook with -o\n");
    expect(readdirSync(temporary)).toEqual([]);
    expect(readdirSync(at).sort()).toEqual(["in.xlsx", "out.json", "out.xlsx", "out2.xlsx"]);
  }, 60_000);
});

describe("text that looks like an OOXML escape, or has no UTF-8 form, reads the same in the sheet and the JSON", () => {
  const HEADER = ["统一社会信用代码", "企业名称", "申报年度", "申报条款", "限额以上在统", "新增实物网络零售额"];
  // As stored in the input's XML: a typed `_xD800_` (Excel escapes its `_`), and a lone surrogate (Excel's `_xD800_`).
  const stored = ["甲_x005F_xD800_乙", "丙_xD800_丁", "戊_xDC00__xD83D_"];
  const typed = ["甲_xD800_乙", "丙\ufffd丁", "戊\ufffd\ufffd"];

  test("JSON, the sheet's XML, openpyxl and LibreOffice agree", async () => {
    const at = folder("escapes");
    const input = join(at, "in.xlsx");
    await writeSimpleWorkbook(input, "申报", [HEADER, ...stored.map((name, i) => [makeUscc(60 + i), name, 2025, "M3", "是", 20_000_000])]);
    const output = join(at, "out.xlsx");
    const result = await run(input, "-o", output, "--json", join(at, "out.json"), "-q");
    expect(result.code).toBe(0);
    const jsonText = readFileSync(join(at, "out.json"), "utf8");
    expect(jsonText).not.toMatch(/\\ud[89a-f]/i);
    expect(JSON.parse(jsonText).rows.map((r: { entityName: string }) => r.entityName)).toEqual(typed);

    // The results sheet: a typed `_xD800_` written as Excel writes it (`_x005F_xD800_`), U+FFFD for a lone surrogate.
    const parts = await readParts(output);
    const added = [...parts.entries()]
      .filter(([name]) => /worksheets\/sheet\d+\.xml$/.test(name) && name !== "xl/worksheets/sheet1.xml")
      .map(([, bytes]) => bytes.toString("utf8"));
    expect(added).toHaveLength(3); // the review list, the summary, the appendix
    expect(added[0]).toContain("企业名称");
    for (const xml of added.filter((text) => text.includes("甲_")))
      expect([
        xml.includes("甲_x005F_xD800_乙"),
        xml.includes("丙\ufffd丁"),
        xml.includes("戊\ufffd\ufffd"),
        /(?<!_x005F)_xD[89A-F]/i.test(xml),
      ]).toEqual([true, true, true, false]);

    // openpyxl 3.0.9 does not decode ST_Xstring escapes: it shows the escape as stored; the lone surrogates as U+FFFD.
    const read = (expression: string) =>
      JSON.parse(
        execFileSync(
          PYTHON,
          [
            "-c",
            `import json, sys, openpyxl\nws = openpyxl.load_workbook(sys.argv[1])["HLJ筛查结果"]\nat = next(r for r in range(1, 13) if ws.cell(r, 1).value == "序号")\nheader = [c.value for c in ws[at]]\ncol = header.index("企业名称")\nprint(json.dumps([${expression} for row in ws.iter_rows(min_row=at + 1, values_only=True) if row[col]]))`,
            output,
          ],
          { encoding: "utf8" },
        ),
      );
    expect(read("row[col]")).toEqual(["甲_x005F_xD800_乙", "丙\ufffd丁", "戊\ufffd\ufffd"]);

    // LibreOffice decodes the escapes as Excel does: it reads what the officer typed, as the JSON says.
    const profile = mkdtempSync(join(tmpdir(), "lo-streams-"));
    const csvAt = folder("escapes-csv");
    try {
      execFileSync(
        "soffice",
        [
          `-env:UserInstallation=file://${profile}`,
          "--headless",
          "--convert-to",
          "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
          "--outdir",
          csvAt,
          output,
        ],
        { stdio: "ignore", timeout: 120_000 },
      );
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    const csv = readdirSync(csvAt)
      .map((name) => readFileSync(join(csvAt, name), "utf8"))
      .join("\n");
    for (const name of typed) expect(csv).toContain(name);
    expect(csv).not.toContain("_x005F_");
  }, 180_000);
});
