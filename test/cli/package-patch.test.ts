/**
 * The output package is right whatever program wrote the input (issue 16): a workbook saved by openpyxl (the
 * relationships prefix declared on each <sheet>), Strict OOXML, UTF-16 parts, a styles.xml with only cellXfs,
 * relationships typed by Override only, leftover Overrides, a template; and a rerun on an earlier output adds
 * no styles and leaves no calculation chain behind. Each output is opened by openpyxl and LibreOffice.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Writable } from "stream";
import { SaxesParser } from "saxes";
import { main } from "../../cli/hlj-screen";
import { USER_PARTS_APPLICANTS, readParts, writePackage } from "../helpers/packages";

const ROOT = join(__dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "hlj-package-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "http://schemas.openxmlformats.org/package/2006/content-types";
const XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
const TYPE = {
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  template: "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  rels: "application/vnd.openxmlformats-package.relationships+xml",
};

async function run(...argv: string[]) {
  let err = "";
  const sink = (write: (s: string) => void) =>
    new Writable({
      write(chunk, _e, done) {
        write(chunk.toString());
        done();
      },
    });
  const code = await main(
    [...argv, "-q"],
    sink(() => undefined),
    sink((s) => (err += s)),
  );
  return { code, stderr: err };
}

/** Every part parsed with namespaces: an undeclared prefix or a redefined attribute is an error here. */
function wellFormed(parts: Map<string, Buffer>): void {
  for (const [name, bytes] of parts) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    const parser = new SaxesParser({ xmlns: true });
    const errors: string[] = [];
    parser.on("error", (e) => errors.push(e.message));
    parser.write(text(bytes)).close();
    expect({ name, errors }).toEqual({ name, errors: [] });
  }
}

const text = (bytes: Buffer) =>
  bytes[0] === 0xff && bytes[1] === 0xfe
    ? bytes.subarray(2).toString("utf16le")
    : bytes[0] === 0xfe && bytes[1] === 0xff
      ? Buffer.from(bytes.subarray(2)).swap16().toString("utf16le")
      : bytes.toString("utf8").replace(/^\uFEFF/, "");

/** The sheet names openpyxl reads from a file (it raises on a package it cannot open). */
function openpyxlSheets(file: string): string[] {
  const script = "import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nprint('\\n'.join(wb.sheetnames))";
  return execFileSync("/usr/bin/python3", ["-W", "ignore", "-c", script, file], { encoding: "utf8" }).trim().split("\n");
}

/** The names in a zip's central directory, duplicates included (Python's zipfile lists them all). */
const zipNames = (file: string): string[] =>
  JSON.parse(
    execFileSync(
      "/usr/bin/python3",
      ["-c", "import sys, json, zipfile; print(json.dumps(zipfile.ZipFile(sys.argv[1]).namelist()))", file],
      {
        encoding: "utf8",
      },
    ),
  );

function hasLibreOffice(): boolean {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore", timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}
const withLibreOffice = hasLibreOffice() ? test : test.skip;

/** Each sheet of a file as LibreOffice reads it (CSV), by sheet name; an empty map when it cannot load the file. */
function libreOfficeSheets(file: string): Map<string, string> {
  const out = mkdtempSync(join(dir, "lo-"));
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${join(out, "profile")}`,
      "--headless",
      "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
      "--outdir",
      out,
      file,
    ],
    { stdio: "ignore", timeout: 120_000 },
  );
  const stem = file
    .split("/")
    .pop()!
    .replace(/\.[^.]+$/, "");
  const sheets = new Map<string, string>();
  for (const name of readdirSync(out))
    if (name.startsWith(`${stem}-`)) sheets.set(name.slice(stem.length + 1, -4), readFileSync(join(out, name), "utf8"));
  return sheets;
}

const cell = (ref: string, value: string | number) =>
  typeof value === "number" ? `<c r="${ref}"><v>${value}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
const sheetData = (rows: (string | number)[][]) =>
  `<sheetData>${rows.map((row, r) => `<row r="${r + 1}">${row.map((v, c) => cell(`${String.fromCharCode(65 + c)}${r + 1}`, v)).join("")}</row>`).join("")}</sheetData>`;
const rels = (entries: [id: string, type: string, target: string][], types = REL) =>
  `${XML}<Relationships xmlns="${PKG}">${entries.map(([id, type, target]) => `<Relationship Id="${id}" Type="${types}/${type}" Target="${target}"/>`).join("")}</Relationships>`;

/** A one-sheet workbook of the applicants, with any part replaced or added. */
async function handMade(path: string, replace: Record<string, string | Buffer> = {}): Promise<void> {
  const parts: Record<string, string | Buffer> = {
    "[Content_Types].xml":
      `${XML}<Types xmlns="${CT}"><Default Extension="rels" ContentType="${TYPE.rels}"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${TYPE.workbook}"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${TYPE.worksheet}"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${TYPE.styles}"/></Types>`,
    "_rels/.rels": rels([["rId1", "officeDocument", "xl/workbook.xml"]]),
    "xl/workbook.xml": `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="申报" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": rels([
      ["rId1", "worksheet", "worksheets/sheet1.xml"],
      ["rId2", "styles", "styles.xml"],
    ]),
    "xl/worksheets/sheet1.xml": `${XML}<worksheet xmlns="${MAIN}">${sheetData(USER_PARTS_APPLICANTS)}</worksheet>`,
    "xl/styles.xml":
      `${XML}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
      `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`,
    ...replace,
  };
  await writePackage(
    path,
    Object.entries(parts).filter((e): e is [string, string | Buffer] => e[1] !== ""),
  );
}

/** Screens `input` into `output` (exit 0), checks every part, and returns the parts. */
async function screen(input: string, output: string, ...options: string[]): Promise<Map<string, Buffer>> {
  const result = await run(input, "-o", output, ...options);
  expect(result).toEqual({ code: 0, stderr: "" });
  const parts = await readParts(output);
  wellFormed(parts);
  return parts;
}

const count = (xml: string, pattern: RegExp) => [...xml.matchAll(pattern)].length;

describe("a workbook saved by openpyxl (xmlns:r declared on each <sheet>, as pandas' to_excel writes it)", () => {
  const input = join(dir, "openpyxl.xlsx");
  const output = join(dir, "openpyxl.out.xlsx");
  let parts: Map<string, Buffer>;

  beforeAll(async () => {
    const script =
      "import sys, json, openpyxl\nwb = openpyxl.Workbook()\nws = wb.active\nws.title = '申报'\n" +
      "for row in json.loads(sys.argv[2]): ws.append(row)\nwb.save(sys.argv[1])";
    execFileSync("/usr/bin/python3", ["-c", script, input, JSON.stringify(USER_PARTS_APPLICANTS)]);
    parts = await screen(input, output);
  }, 60_000);

  test("the new <sheet> elements use a declared relationships prefix, and openpyxl opens the output", () => {
    const workbook = parts.get("xl/workbook.xml")!.toString();
    expect(workbook).not.toMatch(/<workbook[^>]*xmlns:r=/);
    expect(openpyxlSheets(output)).toEqual(["申报", "HLJ筛查结果", "HLJ汇总", "HLJ计算明细"]);
  });

  withLibreOffice(
    "LibreOffice opens the output with the results",
    () => {
      const sheets = libreOfficeSheets(output);
      expect([...sheets.keys()].sort()).toEqual(["HLJ汇总", "HLJ筛查结果", "HLJ计算明细", "申报"].sort());
      expect(sheets.get("HLJ筛查结果")!.split("\n").length).toBeGreaterThan(USER_PARTS_APPLICANTS.length - 1);
    },
    180_000,
  );
});

describe("a Strict OOXML workbook", () => {
  const input = join(dir, "strict.xlsx");
  const output = join(dir, "strict.out.xlsx");
  let parts: Map<string, Buffer>;

  beforeAll(async () => {
    const plain = join(dir, "strict-source.xlsx");
    await handMade(plain);
    const styles = (await readParts(plain)).get("xl/styles.xml")!.toString().replace(MAIN, STRICT_MAIN);
    await handMade(input, {
      "xl/styles.xml": styles,
      "_rels/.rels": rels([["rId1", "officeDocument", "xl/workbook.xml"]], STRICT_REL),
      "xl/workbook.xml": `${XML}<workbook xmlns="${STRICT_MAIN}" xmlns:r="${STRICT_REL}" conformance="strict"><sheets><sheet name="申报" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      "xl/_rels/workbook.xml.rels": rels(
        [
          ["rId1", "worksheet", "worksheets/sheet1.xml"],
          ["rId2", "styles", "styles.xml"],
        ],
        STRICT_REL,
      ),
      "xl/worksheets/sheet1.xml": `${XML}<worksheet xmlns="${STRICT_MAIN}">${sheetData(USER_PARTS_APPLICANTS)}</worksheet>`,
    });
    parts = await screen(input, output);
  }, 60_000);

  test("the new parts are Strict too: namespaces and relationship types", () => {
    const workbookRels = parts.get("xl/_rels/workbook.xml.rels")!.toString();
    expect(count(workbookRels, /Type="http:\/\/schemas\.openxmlformats\.org/g)).toBe(0);
    expect(count(workbookRels, new RegExp(`Type="${STRICT_REL}/worksheet"`, "g"))).toBe(4);
    expect(parts.get("xl/workbook.xml")!.toString()).not.toContain(REL);
    for (const [name, bytes] of parts) {
      if (/^xl\/(worksheets|drawings|charts)\/.*\.xml$/.test(name))
        expect({
          name,
          transitional: bytes.toString().includes("schemas.openxmlformats.org/drawingml") || bytes.toString().includes(MAIN),
        }).toEqual({ name, transitional: false });
      if (/\.rels$/.test(name)) expect({ name, transitional: bytes.toString().includes(`${REL}/`) }).toEqual({ name, transitional: false });
    }
  });

  withLibreOffice(
    "LibreOffice opens the output with the results",
    () => {
      const sheets = libreOfficeSheets(output);
      expect(sheets.get("HLJ筛查结果")?.split("\n").length).toBeGreaterThan(USER_PARTS_APPLICANTS.length - 1);
    },
    180_000,
  );
});

describe("odd but legal packages", () => {
  test("a styles.xml with only <cellXfs>: the lists it lacks are created in schema order, index 0 still the plain default", async () => {
    const input = join(dir, "cellxfs-only.xlsx");
    const output = join(dir, "cellxfs-only.out.xlsx");
    await handMade(input, {
      "xl/styles.xml": `${XML}<styleSheet xmlns="${MAIN}"><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>`,
    });
    const styles = (await screen(input, output)).get("xl/styles.xml")!.toString();
    const order = [...styles.matchAll(/<(numFmts|fonts|fills|borders|cellStyleXfs|cellXfs|cellStyles|dxfs)[ >]/g)].map((m) => m[1]);
    expect(order).toEqual(["fonts", "fills", "borders", "cellStyleXfs", "cellXfs"]);
    // The user's cells (xf 0, font 0, fill 0) keep a plain look: the first font is not bold, the first fills are none and gray125.
    expect(styles.split("<font>")[1].split("</font>")[0]).not.toContain("<b/>");
    expect(styles).toMatch(
      /<fills count="\d+"><fill><patternFill patternType="none"\/><\/fill><fill><patternFill patternType="gray125"\/>/,
    );
    expect(styles).toContain('<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>');
    expect(openpyxlSheets(output)).toContain("HLJ筛查结果");
  }, 60_000);

  test("UTF-16 workbook.xml, styles.xml, rels and [Content_Types].xml are read and written back as UTF-16", async () => {
    const input = join(dir, "utf16.xlsx");
    const output = join(dir, "utf16.out.xlsx");
    // Little-endian (FF FE) for the workbook and its relationships, big-endian (FE FF) for the others.
    const bigEndian = (name: string) => name === "[Content_Types].xml" || name === "xl/styles.xml";
    const utf16 = (name: string, xml: string) => {
      const bytes = Buffer.from(xml.replace('encoding="UTF-8"', 'encoding="UTF-16"'), "utf16le");
      return bigEndian(name)
        ? Buffer.concat([Buffer.from([0xfe, 0xff]), bytes.swap16()])
        : Buffer.concat([Buffer.from([0xff, 0xfe]), bytes]);
    };
    const plain = join(dir, "utf16-source.xlsx");
    await handMade(plain);
    const source = await readParts(plain);
    const names = ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"];
    await handMade(input, Object.fromEntries(names.map((n) => [n, utf16(n, source.get(n)!.toString())])));
    const parts = await screen(input, output);
    for (const name of names) {
      const bytes = parts.get(name)!;
      expect({ name, bom: [...bytes.subarray(0, 2)] }).toEqual({ name, bom: bigEndian(name) ? [0xfe, 0xff] : [0xff, 0xfe] });
      expect(text(bytes)).toContain('encoding="UTF-16"');
    }
    expect(text(parts.get("xl/workbook.xml")!)).toContain("HLJ筛查结果");
    expect(openpyxlSheets(output)).toEqual(["申报", "HLJ筛查结果", "HLJ汇总", "HLJ计算明细"]);
  }, 60_000);

  test("relationships typed by Override only: the new .rels parts get a type; leftover Overrides are not duplicated", async () => {
    const input = join(dir, "overrides.xlsx");
    const output = join(dir, "overrides.out.xlsx");
    await handMade(input, {
      "[Content_Types].xml":
        `${XML}<Types xmlns="${CT}"><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/_rels/.rels" ContentType="${TYPE.rels}"/><Override PartName="/xl/_rels/workbook.xml.rels" ContentType="${TYPE.rels}"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="${TYPE.workbook}"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${TYPE.worksheet}"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="${TYPE.styles}"/>` +
        // Leftovers of parts no longer in the package, as some tools leave them.
        `<Override PartName="/xl/worksheets/sheet2.xml" ContentType="${TYPE.worksheet}"/><Override PartName="/XL/Worksheets/Sheet3.xml" ContentType="${TYPE.worksheet}"/>` +
        `<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`,
    });
    const parts = await screen(input, output);
    const types = parts.get("[Content_Types].xml")!.toString();
    const overrides = [...types.matchAll(/PartName="([^"]+)"/g)].map((m) => m[1].toLowerCase());
    expect(overrides.filter((p, i) => overrides.indexOf(p) !== i)).toEqual([]);
    for (const name of parts.keys()) {
      if (!name.endsWith(".rels")) continue;
      const typed = overrides.includes(`/${name}`.toLowerCase()) || /<Default Extension="rels"/i.test(types);
      expect({ name, typed }).toEqual({ name, typed: true });
    }
    expect(openpyxlSheets(output)).toEqual(["申报", "HLJ筛查结果", "HLJ汇总", "HLJ计算明细"]);
  }, 60_000);

  test("defined names compared ignoring case: the user's workbook-level marker is replaced, a sheet-local one of that spelling kept", async () => {
    const input = join(dir, "names.xlsx");
    const output = join(dir, "names.out.xlsx");
    await handMade(input, {
      "xl/workbook.xml":
        `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="申报" sheetId="1" r:id="rId1"/></sheets>` +
        `<definedNames><definedName name="hlj_screen_results">申报!$A$1</definedName><definedName name="HLJ_SCREEN_SUMMARY" localSheetId="0">申报!$B$1</definedName>` +
        `<definedName name="用户的名称">申报!$A$1:$F$4</definedName></definedNames></workbook>`,
    });
    const workbook = (await screen(input, output)).get("xl/workbook.xml")!.toString();
    const names = [...workbook.matchAll(/<definedName name="([^"]+)"(?: localSheetId="(\d+)")?/g)].map(
      (m) => `${m[1].toLowerCase()}@${m[2] ?? "*"}`,
    );
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(["hlj_screen_results@*", "hlj_screen_summary@*", "hlj_screen_summary@0", "用户的名称@*"]));
    expect(workbook).toContain('<definedName name="HLJ_SCREEN_SUMMARY" localSheetId="0">申报!$B$1</definedName>');
    expect(workbook).not.toContain("hlj_screen_results");
  }, 60_000);

  test("a template (.xltx) written as .xlsx gets the workbook type, and an .xlsx written as .xltx the template type", async () => {
    const template = join(dir, "template.xltx");
    await handMade(template, {
      "[Content_Types].xml":
        `${XML}<Types xmlns="${CT}"><Default Extension="rels" ContentType="${TYPE.rels}"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="${TYPE.template}"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${TYPE.worksheet}"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="${TYPE.styles}"/></Types>`,
    });
    const asWorkbook = (await screen(template, join(dir, "from-template.xlsx"))).get("[Content_Types].xml")!.toString();
    expect(asWorkbook).toContain(`<Override PartName="/xl/workbook.xml" ContentType="${TYPE.workbook}"/>`);
    expect(asWorkbook).not.toContain(TYPE.template);
    const workbook = join(dir, "plain.xlsx");
    await handMade(workbook);
    const asTemplate = (await screen(workbook, join(dir, "to-template.xltx"))).get("[Content_Types].xml")!.toString();
    expect(asTemplate).toContain(`<Override PartName="/xl/workbook.xml" ContentType="${TYPE.template}"/>`);
    expect(count(asTemplate, /PartName="\/xl\/workbook\.xml"/g)).toBe(1);
  }, 60_000);

  test("macro templates: .xltm written as .xlsm gets the macro workbook type, .xlsm as .xltm the macro template type; .xltm as .xlsx is refused", async () => {
    const macroTypes = (type: string) =>
      `${XML}<Types xmlns="${CT}"><Default Extension="rels" ContentType="${TYPE.rels}"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${type}"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${TYPE.worksheet}"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${TYPE.styles}"/></Types>`;
    const xltm = join(dir, "macros.xltm");
    await handMade(xltm, { "[Content_Types].xml": macroTypes("application/vnd.ms-excel.template.macroEnabled.main+xml") });
    const asXlsm = (await screen(xltm, join(dir, "from-xltm.xlsm"))).get("[Content_Types].xml")!.toString();
    expect(asXlsm).toContain('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>');
    const xlsm = join(dir, "macros.xlsm");
    await handMade(xlsm, { "[Content_Types].xml": macroTypes("application/vnd.ms-excel.sheet.macroEnabled.main+xml") });
    const asXltm = (await screen(xlsm, join(dir, "from-xlsm.xltm"))).get("[Content_Types].xml")!.toString();
    expect(asXltm).toContain(
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.template.macroEnabled.main+xml"/>',
    );
    const refused = await run(xltm, "-o", join(dir, "from-xltm.xlsx"));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/macros \(\.xltm\)/);
  }, 60_000);

  test("a Strict workbook without styles.xml gets a Strict one", async () => {
    const input = join(dir, "strict-unstyled.xlsx");
    await handMade(input, {
      "[Content_Types].xml":
        `${XML}<Types xmlns="${CT}"><Default Extension="rels" ContentType="${TYPE.rels}"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="${TYPE.workbook}"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${TYPE.worksheet}"/></Types>`,
      "_rels/.rels": rels([["rId1", "officeDocument", "xl/workbook.xml"]], STRICT_REL),
      "xl/workbook.xml": `${XML}<workbook xmlns="${STRICT_MAIN}" xmlns:r="${STRICT_REL}"><sheets><sheet name="申报" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      "xl/_rels/workbook.xml.rels": rels([["rId1", "worksheet", "worksheets/sheet1.xml"]], STRICT_REL),
      "xl/worksheets/sheet1.xml": `${XML}<worksheet xmlns="${STRICT_MAIN}">${sheetData(USER_PARTS_APPLICANTS)}</worksheet>`,
      "xl/styles.xml": "",
    });
    const parts = await screen(input, join(dir, "strict-unstyled.out.xlsx"));
    expect(parts.get("xl/styles.xml")!.toString()).toContain(`<styleSheet xmlns="${STRICT_MAIN}">`);
    expect(parts.get("xl/_rels/workbook.xml.rels")!.toString()).toContain(`Type="${STRICT_REL}/styles"`);
  }, 60_000);

  test("sheet names stay unique ignoring case; an orphan .rels of a free sheet name is not written twice", async () => {
    const input = join(dir, "case.xlsx");
    const output = join(dir, "case.out.xlsx");
    await handMade(input, {
      "xl/workbook.xml":
        `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="申报" sheetId="1" r:id="rId1"/>` +
        `<sheet name="hlj筛查结果" sheetId="2" r:id="rId3"/></sheets></workbook>`,
      "xl/_rels/workbook.xml.rels": rels([
        ["rId1", "worksheet", "worksheets/sheet1.xml"],
        ["rId2", "styles", "styles.xml"],
        ["rId3", "worksheet", "worksheets/sheet1.xml"],
      ]),
      "xl/worksheets/_rels/sheet3.xml.rels": rels([["rId1", "hyperlink", "http://example.com/"]]),
    });
    const parts = await screen(input, output);
    const names = [
      ...parts
        .get("xl/workbook.xml")!
        .toString()
        .matchAll(/<sheet name="([^"]+)"/g),
    ].map((m) => m[1].toLowerCase());
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    const partNames = zipNames(output).map((n) => n.toLowerCase());
    expect(partNames).toContain("xl/worksheets/_rels/sheet3.xml.rels");
    expect(partNames.filter((n, i) => partNames.indexOf(n) !== i)).toEqual([]);
    expect(openpyxlSheets(output)).toHaveLength(5);
  }, 60_000);

  test("a footer stays within Excel's 255 characters, whatever the policy id", async () => {
    const policy = JSON.parse(readFileSync(join(ROOT, "core/policy/sets/hlj-ecommerce-2025-draft.json"), "utf8"));
    policy.id = `hlj-${"very-long-policy-name-".repeat(15)}&-2025`;
    const file = join(dir, "long-policy.json");
    writeFileSync(file, JSON.stringify(policy));
    const input = join(dir, "footer.xlsx");
    await handMade(input);
    const parts = await screen(input, join(dir, "footer.out.xlsx"), "--policy", file);
    for (const [name, bytes] of parts) {
      for (const m of bytes.toString().matchAll(/<(oddFooter|oddHeader|evenFooter|evenHeader|firstFooter|firstHeader)>([^<]*)</g)) {
        const shown = m[2]
          .replace(/&amp;/g, "&")
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&quot;/g, '"');
        expect({ name, length: shown.length <= 255 }).toEqual({ name, length: true });
        expect(shown).toMatch(/^&L.*&C.+&R.+$/);
      }
    }
  }, 60_000);
});

describe("reruns on an earlier output", () => {
  const input = join(dir, "rerun.xlsx");
  const first = join(dir, "rerun.1.xlsx");
  let firstParts: Map<string, Buffer>;

  beforeAll(async () => {
    await handMade(input);
    firstParts = await screen(input, first);
  }, 60_000);

  const cellXfs = (parts: Map<string, Buffer>) => Number(/<cellXfs count="(\d+)"/.exec(parts.get("xl/styles.xml")!.toString())![1]);
  const fonts = (parts: Map<string, Buffer>) => count(parts.get("xl/styles.xml")!.toString(), /<font>/g);

  test("our styles are reused: a second and a third run add no cell formats and no fonts", async () => {
    const second = await screen(first, join(dir, "rerun.2.xlsx"));
    const third = await screen(join(dir, "rerun.2.xlsx"), join(dir, "rerun.3.xlsx"));
    expect([cellXfs(second), cellXfs(third)]).toEqual([cellXfs(firstParts), cellXfs(firstParts)]);
    expect([fonts(second), fonts(third)]).toEqual([fonts(firstParts), fonts(firstParts)]);
    expect(openpyxlSheets(join(dir, "rerun.3.xlsx"))).toEqual(["申报", "HLJ筛查结果", "HLJ汇总", "HLJ计算明细"]);
  }, 60_000);

  test("a calculation chain naming the replaced results sheet is not carried over", async () => {
    // The officer added a =SUM() beside the results, and Excel saved a calcChain listing it (i = the sheet's id).
    const edited = join(dir, "rerun.calc.xlsx");
    const workbook = firstParts.get("xl/workbook.xml")!.toString();
    const resultsId = /<sheet name="HLJ筛查结果" sheetId="(\d+)"/.exec(workbook)![1];
    const changed = new Map(firstParts);
    changed.set("xl/calcChain.xml", Buffer.from(`${XML}<calcChain xmlns="${MAIN}"><c r="Z2" i="${resultsId}"/></calcChain>`));
    changed.set(
      "xl/_rels/workbook.xml.rels",
      Buffer.from(
        firstParts
          .get("xl/_rels/workbook.xml.rels")!
          .toString()
          .replace("</Relationships>", `<Relationship Id="rIdCalc" Type="${REL}/calcChain" Target="calcChain.xml"/></Relationships>`),
      ),
    );
    changed.set(
      "[Content_Types].xml",
      Buffer.from(
        firstParts
          .get("[Content_Types].xml")!
          .toString()
          .replace(
            "</Types>",
            `<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>`,
          ),
      ),
    );
    await writePackage(edited, [...changed]);
    const parts = await screen(edited, join(dir, "rerun.calc.out.xlsx"));
    const sheetIds = [
      ...parts
        .get("xl/workbook.xml")!
        .toString()
        .matchAll(/sheetId="(\d+)"/g),
    ].map((m) => m[1]);
    const chain = parts.get("xl/calcChain.xml")?.toString() ?? "";
    for (const m of chain.matchAll(/\si="(\d+)"/g)) expect(sheetIds).toContain(m[1]);
    if (!chain) {
      expect(parts.get("xl/_rels/workbook.xml.rels")!.toString()).not.toContain("calcChain");
      expect(parts.get("[Content_Types].xml")!.toString()).not.toContain("calcChain");
    }
  }, 60_000);
});

describe("reruns on Strict and UTF-16 outputs", () => {
  test("our sheets are replaced, not added again, and the parts stay Strict / UTF-16", async () => {
    const strict = await screen(join(dir, "strict.out.xlsx"), join(dir, "strict.rerun.xlsx"));
    const strictWorkbook = strict.get("xl/workbook.xml")!.toString();
    expect([...strictWorkbook.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1])).toEqual([
      "申报",
      "HLJ筛查结果",
      "HLJ汇总",
      "HLJ计算明细",
    ]);
    expect(strict.get("xl/_rels/workbook.xml.rels")!.toString()).not.toContain(`${REL}/`);
    const utf16 = await screen(join(dir, "utf16.out.xlsx"), join(dir, "utf16.rerun.xlsx"));
    const utf16Workbook = text(utf16.get("xl/workbook.xml")!);
    expect([...utf16Workbook.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1])).toEqual([
      "申报",
      "HLJ筛查结果",
      "HLJ汇总",
      "HLJ计算明细",
    ]);
    expect([...utf16.get("xl/workbook.xml")!.subarray(0, 2)]).toEqual([0xff, 0xfe]);
  }, 60_000);
});

withLibreOffice(
  "LibreOffice opens every output above with its results sheet",
  () => {
    const outputs = [
      "cellxfs-only.out",
      "utf16.out",
      "overrides.out",
      "names.out",
      "footer.out",
      "from-template",
      "rerun.3",
      "rerun.calc.out",
    ];
    for (const name of outputs) {
      const sheets = libreOfficeSheets(join(dir, `${name}.xlsx`));
      expect({ name, rows: (sheets.get("HLJ筛查结果")?.trim().split("\n").length ?? 0) > 1 }).toEqual({ name, rows: true });
    }
  },
  600_000,
);
