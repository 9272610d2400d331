/**
 * The command line never loses data, keeps the user's workbook part for part, and refuses what it cannot read
 * with one line (issue 10): every case found with hostile and ordinary files, each a test.
 */
import { execFileSync, spawn } from "child_process";
import { createHash } from "crypto";
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { deflateRawSync } from "zlib";
import { openPackage } from "../../cli/xlsx/package-reader";
import { readInput } from "../../cli/read-input";
import { readParts, writePackage, writeUserPartsWorkbook, USER_PARTS_APPLICANTS } from "../helpers/packages";
import { LIBREOFFICE, canMountTmpfs, hasLibreOffice, whenReader } from "../helpers/readers";
import { makeUscc } from "../helpers/uscc";
import { runCli } from "../helpers/run-cli";

const ROOT = join(__dirname, "../..");
// Skipped (not passed) where LibreOffice is missing or a tmpfs cannot be mounted (needs root); failures then
// under HLJ_REQUIRE_READERS=1, as in CI (.ci/run, as root).
const loTest = whenReader(hasLibreOffice(), LIBREOFFICE);
const diskTest = whenReader(canMountTmpfs(), "mounting a small tmpfs (mount -t tmpfs, as root)");
const dir = mkdtempSync(join(tmpdir(), "hlj-safety-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = runCli;

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const sample = (name: string) => {
  const copy = join(dir, name);
  writeFileSync(copy, readFileSync(join(ROOT, "examples/applicants.xlsx")));
  return copy;
};

/** One line on stderr (in Chinese, the default: `hlj-screen：中文（English）`), no stack trace; exit 2. */
function expectRefused(result: { code: number; stderr: string }, text: string | RegExp) {
  expect(result.code).toBe(2);
  const lines = result.stderr.trimEnd().split("\n");
  expect(lines[0]).toMatch(/^hlj-screen：.*\p{Script=Han}.*（.+）$/u);
  expect(lines[0]).toMatch(text);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

/** A minimal workbook package around one sheet's XML (and optional shared strings). */
async function tinyPackage(path: string, sheetXml: string, sharedStrings?: string) {
  const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  await writePackage(path, [
    [
      "[Content_Types].xml",
      `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ],
    [
      "_rels/.rels",
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      "xl/workbook.xml",
      `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="申报" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${sharedStrings ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ""}</Relationships>`,
    ],
    ["xl/worksheets/sheet1.xml", `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData>${sheetXml}</sheetData></worksheet>`],
    ...(sharedStrings
      ? ([["xl/sharedStrings.xml", `<?xml version="1.0"?><sst xmlns="${MAIN}">${sharedStrings}</sst>`]] as [string, string][])
      : []),
  ]);
}

const text = (ref: string, value: string) => `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
const number = (ref: string, value: number) => `<c r="${ref}"><v>${value}</v></c>`;
const HEADER_ROW = `<row r="1">${text("A1", "统一社会信用代码")}${text("B1", "企业名称")}${text("C1", "申报年度")}${text("D1", "申报条款")}${text("E1", "限额以上在统")}${text("F1", "新增实物网络零售额")}</row>`;
const row = (r: number, code: string, name: string) =>
  `<row r="${r}">${text(`A${r}`, code)}${text(`B${r}`, name)}${number(`C${r}`, 2025)}${text(`D${r}`, "M3")}${text(`E${r}`, "是")}${number(`F${r}`, 20_000_000)}</row>`;

describe("never loses data", () => {
  test("--json naming the input is refused; the input is byte-identical", async () => {
    const input = sample("json-over.xlsx");
    const before = sha256(input);
    expectRefused(await run(input, "--json", input), /the JSON file .*json-over\.xlsx is the input file/);
    expect(sha256(input)).toBe(before);
  });

  test("-o a hard link or a symlink of the input is refused", async () => {
    const input = sample("linked.xlsx");
    const before = sha256(input);
    linkSync(input, join(dir, "hard.xlsx"));
    symlinkSync(input, join(dir, "soft.xlsx"));
    expectRefused(await run(input, "-o", join(dir, "hard.xlsx")), /is the input file/);
    expectRefused(await run(input, "-o", join(dir, "soft.xlsx")), /is the input file/);
    expectRefused(await run(input, "--json", join(dir, "hard.xlsx")), /is the input file/);
    expect(sha256(input)).toBe(before);
  });

  test("-o X --json X is refused (no JSON left in an .xlsx)", async () => {
    const input = sample("same-outputs.xlsx");
    const target = join(dir, "both.xlsx");
    expectRefused(await run(input, "-o", target, "--json", target), /the JSON file and the output workbook are the same file/);
    expect(existsSync(target)).toBe(false);
  });

  test("outputs are renamed into place: the old file is replaced whole, and no temporary file is left", async () => {
    const input = sample("atomic.xlsx");
    const output = join(dir, "atomic-out", "out.xlsx");
    mkdirSync(join(dir, "atomic-out"));
    writeFileSync(output, "an older output");
    const inode = statSync(output).ino;
    expect((await run(input, "-o", output, "--json", join(dir, "atomic-out", "out.json"), "-q")).code).toBe(0);
    expect(statSync(output).ino).not.toBe(inode);
    expect(readdirSync(join(dir, "atomic-out")).sort()).toEqual(["out.json", "out.xlsx"]);
  });

  test("a reader polling the output during a run only ever sees a whole workbook", async () => {
    const input = join(dir, "polled.xlsx");
    execFileSync(process.execPath, [
      "-e",
      `import("${join(ROOT, "bench/large-workbook.mjs")}").then((m) => m.writeApplicants(${JSON.stringify(input)}, 15000))`,
    ]);
    const output = join(dir, "polled.out.xlsx");
    writeFileSync(output, readFileSync(input)); // an earlier, complete output
    const child = spawn(process.execPath, [join(ROOT, "bin/hlj-screen.js"), input, "-o", output, "-q"], { stdio: "ignore" });
    const exited = new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? -1)));
    let polls = 0;
    let torn = 0;
    let done = false;
    void exited.then(() => (done = true));
    while (!done) {
      const bytes = readFileSync(output);
      polls++;
      // A whole zip ends with its end-of-central-directory record.
      if (bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) !== bytes.length - 22) torn++;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(await exited).toBe(0);
    expect(polls).toBeGreaterThan(10);
    expect(torn).toBe(0);
  }, 120_000);
});

describe("refuses with one line, never a crash or a hang", () => {
  test("-o in a folder that cannot exist (/proc/hlj/out.xlsx) is refused at once", async () => {
    const started = Date.now();
    expectRefused(await run(sample("proc.xlsx"), "-o", "/proc/hlj/out.xlsx"), /cannot write \/proc\/hlj\/out\.xlsx/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test("-o a folder is refused", async () => {
    expectRefused(await run(sample("folder.xlsx"), "-o", dir), /cannot write .*: it is a folder/);
  });

  test("a missing --policy file is refused", async () => {
    expectRefused(
      await run(sample("policy.xlsx"), "--policy", join(dir, "nope.json")),
      /cannot read the policy file .*nope\.json: no such file/,
    );
  });

  diskTest("a full disk is refused, and leaves no half file", async () => {
    const mount = join(dir, "full");
    mkdirSync(mount);
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=16k", "tmpfs", mount], { stdio: "ignore" });
    try {
      expectRefused(await run(sample("disk.xlsx"), "-o", join(mount, "out.xlsx")), /cannot write .*out\.xlsx: the disk is full/);
      expect(readdirSync(mount)).toEqual([]);
    } finally {
      execFileSync("umount", [mount]);
    }
  });

  test("a shared-string index out of range says the file is damaged", async () => {
    const input = join(dir, "bad-sst.xlsx");
    await tinyPackage(input, `${HEADER_ROW}<row r="2"><c r="A2" t="s"><v>999</v></c></row>`, `<si><t>only</t></si>`);
    expectRefused(await run(input), /damaged: cell A2 refers to shared string 999, but the workbook has 1/);
  });

  test("an encrypted workbook and a real .xls are told what to do", async () => {
    const ole = (extra: Buffer) => Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(504), extra]);
    const encrypted = join(dir, "encrypted.xlsx");
    writeFileSync(encrypted, ole(Buffer.from("EncryptionInfo\0EncryptedPackage", "utf16le")));
    expectRefused(await run(encrypted), /encrypted: save it without a password/);
    const xls = join(dir, "old.xls");
    writeFileSync(xls, ole(Buffer.from("Workbook", "utf16le")));
    expectRefused(await run(xls), /save it as \.xlsx/);
  });

  test("a package that would inflate past --max-size is refused by its directory, before inflating", async () => {
    expectRefused(await run(sample("max.xlsx"), "--max-size", "16KiB"), /would inflate to .* above the limit of 16 KiB.*--max-size/);
  });

  test("a part that inflates past the size its directory claims is refused (a zip bomb that lies)", async () => {
    const input = join(dir, "liar.xlsx");
    await tinyPackage(input, HEADER_ROW);
    // Replace the sheet's data with 8 MiB of zeros while the directory still claims the old size.
    const bytes = readFileSync(input);
    const bomb = deflateRawSync(Buffer.alloc(8 << 20, 0x20));
    const name = Buffer.from("xl/worksheets/sheet1.xml");
    const at = bytes.indexOf(name);
    const header = at - 30;
    const compressed = bytes.readUInt32LE(header + 18);
    const patched = Buffer.concat([bytes.subarray(0, at + name.length), bomb, bytes.subarray(at + name.length + compressed)]);
    patched.writeUInt32LE(bomb.length, header + 18);
    // Central directory: fix the compressed size and every later offset so the zip stays well-formed.
    const delta = bomb.length - compressed;
    const end = patched.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const cdStart = patched.readUInt32LE(end + 16) + delta;
    patched.writeUInt32LE(cdStart, end + 16);
    for (
      let p = cdStart;
      patched.readUInt32LE(p) === 0x02014b50;
      p += 46 + patched.readUInt16LE(p + 28) + patched.readUInt16LE(p + 30) + patched.readUInt16LE(p + 32)
    ) {
      const entry = patched.subarray(p + 46, p + 46 + patched.readUInt16LE(p + 28)).toString();
      if (entry === "xl/worksheets/sheet1.xml") patched.writeUInt32LE(bomb.length, p + 20);
      else if (patched.readUInt32LE(p + 42) > header) patched.writeUInt32LE(patched.readUInt32LE(p + 42) + delta, p + 42);
    }
    writeFileSync(input, patched);
    expectRefused(await run(input), /cannot read .*liar\.xlsx: .*sheet1\.xml/);
  });

  test("one cell at XFD1048576 in a tiny file is read by the cells present, not as a 16,384-wide grid", async () => {
    const input = join(dir, "far.xlsx");
    await tinyPackage(input, `${HEADER_ROW}${row(2, makeUscc(71), "甲")}<row r="1048576">${text("XFD1048576", "far")}</row>`);
    expect(statSync(input).size).toBeLessThan(4096);
    const pkg = await openPackage(input, 1024 ** 3);
    const read = await readInput(pkg);
    pkg.close();
    const values = read.workbook.sheets[0].values;
    expect(values.length).toBe(1_048_576);
    expect(values[1].length).toBe(6);
    expect(values[1_048_575].length).toBe(16_384);
    expect(values[500_000].length).toBe(0);
    const result = await run(input, "-o", join(dir, "far.out.xlsx"), "--json", join(dir, "far.json"), "-q");
    expect(result.code).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, "far.json"), "utf8"));
    expect(json.rows).toHaveLength(1);
    // The lone "far" cell is a line of text, not an application: listed with its cell, not lost.
    expect(json.tables[0].skipped).toEqual([{ cell: "申报!XFD1048576", kind: "text", text: "far" }]);
  });
});

describe("keeps the user's workbook part for part", () => {
  const input = join(dir, "user.xlsm");
  const output = join(dir, "user.screened.xlsm");
  const json = join(dir, "user.json");
  let code = -1;

  beforeAll(async () => {
    await writeUserPartsWorkbook(input);
    code = (await run(input, "--json", json, "-q")).code;
  });

  test(".xlsm stays .xlsm, and every part of the input is in the output byte-identical, but the four that list the new sheets", async () => {
    expect(code).toBe(0);
    const before = await readParts(input);
    const after = await readParts(output);
    const edited = ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"];
    for (const [name, bytes] of before) {
      expect([name, after.has(name)]).toEqual([name, true]);
      if (!edited.includes(name)) expect([name, sha256Of(after.get(name)!)]).toEqual([name, sha256Of(bytes)]);
    }
    for (const name of [
      "xl/charts/chart1.xml",
      "xl/media/image1.png",
      "xl/pivotTables/pivotTable1.xml",
      "xl/pivotCache/pivotCacheDefinition1.xml",
      "xl/vbaProject.bin",
      "customXml/item1.xml",
    ]) {
      expect(after.get(name)!.equals(before.get(name)!)).toBe(true);
    }
    // The edited parts keep what they said, and add only the new sheets' entries.
    const workbook = after.get("xl/workbook.xml")!.toString();
    expect(workbook).toContain('<pivotCaches><pivotCache cacheId="7" r:id="rId4"/></pivotCaches>');
    expect(workbook).toContain('<definedName name="用户的名称">申报!$A$1:$F$4</definedName>');
    expect(workbook).toContain('<workbookPr codeName="ThisWorkbook"/>');
    expect(after.get("[Content_Types].xml")!.toString()).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    expect(after.get("xl/_rels/workbook.xml.rels")!.toString()).toContain("vbaProject.bin");
  });

  loTest(
    "LibreOffice opens the output: the pivot table and the user's sheet are there, and the totals equal the JSON's",
    () => {
      const out = join(dir, "lo");
      mkdirSync(out, { recursive: true });
      execFileSync(
        "soffice",
        [
          `-env:UserInstallation=file://${join(dir, "lo-profile")}`,
          "--headless",
          "--convert-to",
          "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
          "--outdir",
          out,
          output,
        ],
        { stdio: "ignore", timeout: 120_000 },
      );
      const csv = (sheet: string) => readFileSync(join(out, `user.screened-${sheet}.csv`), "utf8");
      expect(csv("透视")).toContain("求和项:新增实物网络零售额");
      expect(csv("申报").split("\n")[1]).toContain(String(USER_PARTS_APPLICANTS[1][0]));
      const expected = JSON.parse(readFileSync(json, "utf8"));
      const summary = csv("HLJ汇总")
        .split("\n")
        .map((line) => line.split(","));
      // Revision 3: 拟支持 and 待人工核定, two lines, never one sum of both.
      const amount = (label: string) => summary.find((cells) => cells[0] === label)![1];
      expect(amount("拟支持（元）")).toBe(String(Number(expected.totals.byStatus.eligible?.final ?? 0)));
      expect(amount("待人工核定（元）")).toBe(String(Number(expected.totals.byStatus.manual?.final ?? 0)));
      expect(summary.some((cells) => cells[0] === "核定金额合计（元）")).toBe(false);
      const results = csv("HLJ筛查结果")
        .trim()
        .split("\n")
        .map((line) => line.split(","));
      // The review list: title and head above the header row, the applications, then 合计 拟支持 / 待人工核定.
      const header = results.findIndex((cells) => cells[0] === "序号");
      const totals = results.findIndex((cells) => cells[0] === "合计：拟支持");
      expect(header).toBeGreaterThan(0);
      expect(totals - header - 1).toBe(expected.rows.length);
      const final = results[header].indexOf("核定金额");
      const sum = results.slice(header + 1, totals).reduce((total, cells) => total + Math.round(Number(cells[final]) * 100), 0);
      expect(sum).toBe(Math.round(Number(expected.totals.final) * 100));
      expect(results[totals][final]).toBe(String(Number(expected.totals.byStatus.eligible?.final ?? 0)));
      expect(results[totals + 1][0]).toBe("合计：待人工核定");
    },
    180_000,
  );
});

const sha256Of = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

describe("Excel's own limits and the user's odd content", () => {
  test("a results cell is cut at 32,767 characters with a visible …, the same characters in the JSON and the sheet", async () => {
    const input = join(dir, "long.xlsx");
    const long = "长".repeat(40_000);
    const control = "甲\u0001乙_x0041_丙";
    await tinyPackage(
      input,
      `${HEADER_ROW}${row(2, makeUscc(81), long)}${row(3, makeUscc(82), control.replace("\u0001", "_x0001_").replace("_x0041_", "_x005F_x0041_"))}`,
    );
    const output = join(dir, "long.out.xlsx");
    const json = join(dir, "long.json");
    expect((await run(input, "-o", output, "--json", json, "-q")).code).toBe(0);
    const rows = JSON.parse(readFileSync(json, "utf8")).rows;
    expect(rows[0].entityName).toHaveLength(32_767);
    expect(rows[0].entityName.endsWith("长…")).toBe(true);
    expect(rows[1].entityName).toBe(control);
    const pkg = await openPackage(output, 1024 ** 3);
    const read = await readInput(pkg);
    pkg.close();
    const results = read.sheets.find((s) => s.name === "HLJ筛查结果")!.values;
    // The header row under the review list's title and head lines.
    const header = results.findIndex((cells) => cells?.[0] === "序号");
    expect(header).toBeGreaterThan(0);
    const name = results[header].indexOf("企业名称");
    expect(results[header + 1][name]).toBe(rows[0].entityName);
    expect(results[header + 2][name]).toBe(control);
  });

  test("a sheet named History is the history sheet (SCREENING.md), and the file is read and written", async () => {
    const input = join(dir, "history.xlsx");
    await tinyPackage(input, `${HEADER_ROW}${row(2, makeUscc(91), "甲")}`);
    // Add a History sheet by editing the tiny package's workbook.
    const parts = await readParts(input);
    parts.set(
      "xl/workbook.xml",
      Buffer.from(
        parts.get("xl/workbook.xml")!.toString().replace("</sheets>", '<sheet name="History" sheetId="2" r:id="rId9"/></sheets>'),
      ),
    );
    parts.set(
      "xl/_rels/workbook.xml.rels",
      Buffer.from(
        parts
          .get("xl/_rels/workbook.xml.rels")!
          .toString()
          .replace(
            "</Relationships>",
            '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>',
          ),
      ),
    );
    parts.set(
      "xl/worksheets/sheet2.xml",
      Buffer.from(
        `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${text("A1", "USCC")}${text("B1", "measure")}${text("C1", "year")}${text("D1", "amount")}</row><row r="2">${text("A2", makeUscc(91))}${text("B2", "M3")}${number("C2", 2025)}${number("D2", 2_900_000)}</row></sheetData></worksheet>`,
      ),
    );
    await writePackage(input, [...parts.entries()]);
    const json = join(dir, "history.json");
    expect((await run(input, "-o", join(dir, "history.out.xlsx"), "--json", json, "-q")).code).toBe(0);
    // 400,000 computed; 2,900,000 of the 3,000,000 annual cap already paid: 100,000.
    expect(JSON.parse(readFileSync(json, "utf8")).rows[0].final).toBe("100000.00");
  });

  test("a workbook that defines the add-in's marker on its own sheet keeps that sheet and screens it (5 rows in, 5 out)", async () => {
    const input = join(dir, "spoof.xlsx");
    await tinyPackage(input, `${HEADER_ROW}${[2, 3, 4, 5, 6].map((r) => row(r, makeUscc(100 + r), `企业${r}`)).join("")}`);
    const parts = await readParts(input);
    parts.set(
      "xl/workbook.xml",
      Buffer.from(
        parts
          .get("xl/workbook.xml")!
          .toString()
          .replace("</sheets>", '</sheets><definedNames><definedName name="HLJ_SCREEN_RESULTS">申报!$A$1</definedName></definedNames>'),
      ),
    );
    await writePackage(input, [...parts.entries()]);
    const output = join(dir, "spoof.out.xlsx");
    const json = join(dir, "spoof.json");
    expect((await run(input, "-o", output, "--json", json, "-q")).code).toBe(0);
    expect(JSON.parse(readFileSync(json, "utf8")).rows).toHaveLength(5);
    const after = await readParts(output);
    expect(after.get("xl/worksheets/sheet1.xml")!.equals(parts.get("xl/worksheets/sheet1.xml")!)).toBe(true);
    const workbook = after.get("xl/workbook.xml")!.toString();
    expect(workbook).toContain('<sheet name="申报"');
    expect(workbook).toContain('<sheet name="HLJ筛查结果"');
    expect(workbook).toContain("<definedName name=\"HLJ_SCREEN_RESULTS\">'HLJ筛查结果'!$A$1</definedName>");
  });
});

test("the openpyxl workbook with a bar chart beside the applicant table is read (revision 1: exit 2)", async () => {
  const input = join(ROOT, "test/fixtures/xlsx/openpyxl-chart.xlsx");
  const before = sha256(input);
  const output = join(dir, "openpyxl.out.xlsx");
  const result = await run(input, "-o", output, "--json", join(dir, "openpyxl.json"), "-q");
  expect(result.code).toBe(0);
  expect(JSON.parse(readFileSync(join(dir, "openpyxl.json"), "utf8")).rows).toHaveLength(3);
  const [beforeParts, afterParts] = [await readParts(input), await readParts(output)];
  expect(afterParts.get("xl/charts/chart1.xml")!.equals(beforeParts.get("xl/charts/chart1.xml")!)).toBe(true);
  expect(sha256(input)).toBe(before);
});
