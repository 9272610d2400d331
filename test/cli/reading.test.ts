/**
 * The read side of the command line on inputs other producers write (issue 16): an earlier output the officer
 * edited (still ours by its content, never screened as applicants), `t="d"` date cells in both date systems,
 * a styles part with only cellXfs, parts in UTF-16, and Strict OOXML.
 */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readInput } from "../../cli/read-input";
import { openPackage } from "../../cli/xlsx/package-reader";
import { isoToSerial } from "../../cli/xlsx/read-workbook";
import { decodeXml } from "../../cli/xlsx/xml-text";
import { isOurResultsHeader, RESULT_COLUMNS, screenWorkbook } from "../../core";
import { readParts, writePackage } from "../helpers/packages";
import { makeUscc } from "../helpers/uscc";
import { runCli } from "../helpers/run-cli";

const ROOT = join(__dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "hlj-reading-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = runCli;

interface Screened {
  rows: { source: string; status: string; final: string }[];
  issues: { sheet: string; severity: string; en: string }[];
  tables: { sheet: string }[];
}

/** Runs the CLI on `input`; the JSON it wrote and the sheet names of its output. */
async function screen(input: string, name: string): Promise<Screened & { sheets: string[]; code: number; stderr: string }> {
  const output = join(dir, `${name}.out.xlsx`);
  const json = join(dir, `${name}.json`);
  const { code, stderr } = await run(input, "-o", output, "--json", json, "-q");
  if (code !== 0) return { code, stderr, rows: [], issues: [], tables: [], sheets: [] };
  const workbook = (await readParts(output)).get("xl/workbook.xml")!.toString();
  const sheets = [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) => m[1]);
  return { code, stderr, sheets, ...(JSON.parse(readFileSync(json, "utf8")) as Screened) };
}

// ---------------------------------------------------------------------------------------------------------
// Reruns on an earlier output the officer edited

describe("an earlier results sheet the officer edited is still ours by its content", () => {
  // Made by test/fixtures/xlsx/make-edited-output.py (openpyxl): a 备注 column after ours with 审核 words, a
  // =SUM() beside the table, rows sorted and filtered, the markers kept.
  const fixture = join(ROOT, "test/fixtures/xlsx/edited-earlier-output.xlsx");

  /** The fixture with its workbook.xml changed (markers dropped, sheets renamed). */
  async function variant(name: string, edit: (workbook: string) => string): Promise<string> {
    const parts = await readParts(fixture);
    parts.set("xl/workbook.xml", Buffer.from(edit(parts.get("xl/workbook.xml")!.toString())));
    const path = join(dir, `${name}.xlsx`);
    await writePackage(path, [...parts.entries()]);
    return path;
  }
  const dropMarkers = (workbook: string) => workbook.replace(/<definedName name="HLJ_SCREEN_(RESULTS|SUMMARY)">[^<]*<\/definedName>/g, "");
  const rename = (workbook: string) => workbook.replace(/HLJ筛查结果/g, "结果（已审）").replace(/HLJ汇总/g, "汇总备份");

  test("marker and content (our header as a prefix of its header row): replaced, its rows never screened as applicants", async () => {
    const result = await screen(fixture, "edited");
    expect(result.code).toBe(0);
    expect(result.tables.map((t) => t.sheet)).toEqual(["申报"]);
    expect(result.rows).toHaveLength(3);
    expect(result.rows.map((r) => r.status)).not.toContain("error");
    expect(result.sheets).toEqual(["申报", "HLJ筛查结果", "HLJ汇总", "HLJ计算明细"]);
    expect(result.issues.filter((i) => /earlier/.test(i.en))).toEqual([]);
  });

  test("the same, saved again by LibreOffice (shared strings, its own styles and names): still replaced, never screened", async () => {
    // test/fixtures/xlsx/make-edited-output.py, last step (soffice --convert-to 'xlsx:Calc Office Open XML').
    const result = await screen(join(ROOT, "test/fixtures/xlsx/edited-earlier-output-libreoffice.xlsx"), "edited-lo");
    expect(result.code).toBe(0);
    expect(result.tables.map((t) => t.sheet)).toEqual(["申报"]);
    expect(result.rows).toHaveLength(3);
    expect(result.sheets).toEqual(["申报", "HLJ筛查结果", "HLJ汇总", "HLJ计算明细"]);
  });

  test("content ours but no marker: kept as it is beside the new HLJ筛查结果 (2), not screened, and a note says so", async () => {
    const input = await variant("edited-unmarked", dropMarkers);
    const result = await screen(input, "edited-unmarked");
    expect(result.code).toBe(0);
    expect(result.rows).toHaveLength(3);
    expect(result.rows.map((r) => r.source.split("!")[0])).toEqual(["申报", "申报", "申报"]);
    expect(result.sheets).toEqual(["申报", "HLJ筛查结果", "HLJ汇总", "HLJ筛查结果 (2)", "HLJ汇总 (2)", "HLJ计算明细"]);
    const notes = result.issues.filter((i) => i.severity === "info" && /earlier/.test(i.en));
    expect(notes.map((n) => n.sheet)).toEqual(["HLJ筛查结果", "HLJ汇总"]);
    expect(notes[0].en).toMatch(/kept as it is, not read as applications/);
    // The officer's sheet is kept byte for byte.
    const before = await readParts(input);
    const after = await readParts(join(dir, "edited-unmarked.out.xlsx"));
    expect(after.get("xl/worksheets/sheet2.xml")!.equals(before.get("xl/worksheets/sheet2.xml")!)).toBe(true);
  });

  test("a marker pointing at another sheet does not make that sheet ours, nor ours screened", async () => {
    const input = await variant("edited-marker-elsewhere", (w) => w.replace("'HLJ筛查结果'!$A$1", "'申报'!$A$1"));
    const result = await screen(input, "edited-marker-elsewhere");
    expect(result.rows).toHaveLength(3);
    expect(result.sheets).toContain("申报");
    expect(result.sheets).toContain("HLJ筛查结果 (2)");
    expect(result.issues.filter((i) => /earlier/.test(i.en)).map((n) => n.sheet)).toEqual(["HLJ筛查结果"]);
  });

  test("renamed by the user, with or without the markers: the results and the summary are never applicant tables", async () => {
    for (const [name, edit] of [
      ["renamed-marked", rename],
      ["renamed-unmarked", (w: string) => rename(dropMarkers(w))],
    ] as const) {
      const result = await screen(await variant(name, edit), name);
      expect(result.code).toBe(0);
      expect(result.tables.map((t) => t.sheet)).toEqual(["申报"]);
      expect(result.rows).toHaveLength(3);
    }
  });

  test("the marker's name is compared ignoring case, as Excel compares names", async () => {
    const input = await variant("edited-lowercase-marker", (w) =>
      w.replace(/name="HLJ_SCREEN_(RESULTS|SUMMARY)"/g, (m) => m.toLowerCase()),
    );
    const pkg = await openPackage(input, 1024 ** 3);
    try {
      const { ours } = await readInput(pkg);
      expect([ours.results?.name, ours.summary?.name]).toEqual(["HLJ筛查结果", "HLJ汇总"]);
    } finally {
      pkg.close();
    }
  });

  test("the header row in either language, optional columns left out, anything after it", () => {
    for (const language of ["zh", "en"] as const) {
      const all = RESULT_COLUMNS.map((c) => c.header[language]);
      const required = RESULT_COLUMNS.filter((c) => !c.optional).map((c) => c.header[language]);
      expect(isOurResultsHeader(all)).toBe(true);
      expect(isOurResultsHeader([...required, "备注", null, "=SUM(J2:J9)"])).toBe(true);
      expect(isOurResultsHeader([...all, "Reviewed"])).toBe(true);
      expect(isOurResultsHeader(["备注", ...all])).toBe(false);
      expect(isOurResultsHeader(required.slice(0, -1))).toBe(false);
    }
    // A results sheet written before the glossary (条款, 计算金额, 最终金额) is still ours.
    const former = ["来源", "统一社会信用代码", "企业名称", "所属市(地)", "申报年度", "条款", "措施代码", "计算金额", "上限"];
    expect(isOurResultsHeader([...former, "申报金额", "最终金额", "状态", "状态代码", "原因", "计算说明", "依据"])).toBe(true);
    // And one written by revision 2 (核定金额, 申报条款, 计算说明 in the sheet; header in row 1).
    const revision2 = ["来源", "统一社会信用代码", "企业名称", "所属市(地)", "申报年度", "申报条款", "措施代码", "核算金额", "上限"];
    expect(isOurResultsHeader([...revision2, "申报金额", "核定金额", "状态", "状态代码", "原因", "计算说明", "依据"])).toBe(true);
  });
});

describe("the review list and the appendix of an earlier output (revision 3): ours only when marker and content agree", () => {
  let earlier: string;
  beforeAll(async () => {
    earlier = join(dir, "revision3.xlsx");
    expect((await run(join(ROOT, "examples/申报汇总表.xlsx"), "-o", earlier, "-q")).code).toBe(0);
  }, 60_000);

  /** The earlier output with its workbook.xml changed. */
  async function variant(name: string, edit: (workbook: string) => string): Promise<string> {
    const parts = await readParts(earlier);
    parts.set("xl/workbook.xml", Buffer.from(edit(parts.get("xl/workbook.xml")!.toString())));
    const path = join(dir, `${name}.xlsx`);
    await writePackage(path, [...parts.entries()]);
    return path;
  }

  test("marker and content: the three sheets are replaced, their header rows (under the title) never read as applicants", async () => {
    const pkg = await openPackage(earlier, 1024 ** 3);
    try {
      const { ours } = await readInput(pkg);
      expect([ours.results?.name, ours.summary?.name, ours.appendix?.name]).toEqual(["HLJ筛查结果", "HLJ汇总", "HLJ计算明细"]);
    } finally {
      pkg.close();
    }
    const again = await screen(earlier, "revision3-again");
    expect(again.code).toBe(0);
    expect(again.sheets).toEqual(["申报汇总表", "附表（表头在第50行）", "HLJ筛查结果", "HLJ汇总", "HLJ计算明细"]);
    expect(again.rows).toHaveLength(14);
  });

  test("the appendix's marker on a sheet of the user's: that sheet is kept, and the earlier appendix too (content alone), beside HLJ计算明细 (2)", async () => {
    const moved = await variant("appendix-marker-moved", (workbook) =>
      workbook.replace(/(<definedName name="HLJ_SCREEN_APPENDIX">)[^<]*/, (_, tag: string) => `${tag}'申报汇总表'!$A$1`),
    );
    const result = await screen(moved, "appendix-marker-moved");
    expect(result.code).toBe(0);
    expect(result.sheets).toEqual(["申报汇总表", "附表（表头在第50行）", "HLJ计算明细", "HLJ筛查结果", "HLJ汇总", "HLJ计算明细 (2)"]);
    expect(result.rows).toHaveLength(14);
    const notes = result.issues.filter((i) => i.severity === "info" && /earlier/.test(i.en));
    expect(notes.map((n) => n.sheet)).toEqual(["HLJ计算明细"]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Hand-made packages: t="d" dates, minimal styles, UTF-16 parts, Strict OOXML

const TRANSITIONAL = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
};
const STRICT = {
  main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  rel: "http://purl.oclc.org/ooxml/officeDocument/relationships",
};
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

const LOAN_HEADER = ["统一社会信用代码", "申报年度", "申报条款", "主体资格", "总投资额", "贷款金额", "贷款利率", "放款日期", "到期日期"];

type Cell = string | number | { date: string } | { s: number };

interface Made {
  date1904?: boolean;
  strict?: boolean;
  /** styles.xml as given (no styles part when absent), and each cell's style index. */
  styles?: string;
  style?: number;
  /** Text cells as shared strings (else inline). */
  shared?: boolean;
  /** Re-encodes a part's XML text (UTF-16 and friends). */
  encode?: (part: string, xml: string) => Buffer | string;
}

/** A one-sheet workbook (申报) of `rows`; `{ date }` cells are written as `t="d"` ISO text. */
async function makeWorkbook(path: string, rows: Cell[][], made: Made = {}): Promise<void> {
  const ns = made.strict ? STRICT : TRANSITIONAL;
  const strings: string[] = [];
  const textCell = (ref: string, text: string) => {
    if (!made.shared) return `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    if (!strings.includes(text)) strings.push(text);
    return `<c r="${ref}" t="s"><v>${strings.indexOf(text)}</v></c>`;
  };
  const s = made.style === undefined ? "" : ` s="${made.style}"`;
  const cellXml = (ref: string, value: Cell) =>
    typeof value === "number"
      ? `<c r="${ref}"><v>${value}</v></c>`
      : typeof value === "string"
        ? textCell(ref, value)
        : "date" in value
          ? `<c r="${ref}"${s} t="d"><v>${value.date}</v></c>`
          : "";
  const sheetData = rows
    .map((row, r) => `<row r="${r + 1}">${row.map((v, c) => cellXml(`${String.fromCharCode(65 + c)}${r + 1}`, v)).join("")}</row>`)
    .join("");
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${ns.rel}/${type}" Target="${target}"/>`;
  const parts: [string, string][] = [
    [
      "[Content_Types].xml",
      `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.worksheet+xml"/>` +
        (made.styles ? `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` : "") +
        (made.shared ? `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>` : "") +
        `</Types>`,
    ],
    ["_rels/.rels", `${xml}<Relationships xmlns="${PKG}">${rel("rId1", "officeDocument", "xl/workbook.xml")}</Relationships>`],
    [
      "xl/workbook.xml",
      `${xml}<workbook xmlns="${ns.main}" xmlns:r="${ns.rel}"${made.strict ? ' conformance="strict"' : ""}>` +
        `<workbookPr${made.date1904 ? ' date1904="1"' : ""}${made.strict ? ' dateCompatibility="0"' : ""}/><sheets><sheet name="申报" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    ["xl/worksheets/sheet1.xml", `${xml}<worksheet xmlns="${ns.main}" xmlns:r="${ns.rel}"><sheetData>${sheetData}</sheetData></worksheet>`],
  ];
  const workbookRels = [rel("rId1", "worksheet", "worksheets/sheet1.xml")];
  if (made.styles) {
    parts.push(["xl/styles.xml", made.styles.replace("MAIN", ns.main)]);
    workbookRels.push(rel("rId2", "styles", "styles.xml"));
  }
  if (made.shared) {
    const items = strings.map((t) => `<si><t>${t}</t></si>`).join("");
    parts.push([
      "xl/sharedStrings.xml",
      `${xml}<sst xmlns="${ns.main}" count="${strings.length}" uniqueCount="${strings.length}">${items}</sst>`,
    ]);
    workbookRels.push(rel("rId3", "sharedStrings", "sharedStrings.xml"));
  }
  parts.push(["xl/_rels/workbook.xml.rels", `${xml}<Relationships xmlns="${PKG}">${workbookRels.join("")}</Relationships>`]);
  await writePackage(
    path,
    parts.map(([name, text]) => [name, made.encode ? made.encode(name, text) : text]),
  );
}

/** RULES.md's first worked example: a 10,000,000 loan at 3.45% from 2025-06-01, 58,333.33 in the award year 2025. */
const loanRow = (lent: Cell, due: Cell, company = 1): Cell[] => [
  makeUscc(company),
  2025,
  "M1",
  "是",
  20_000_000,
  10_000_000,
  0.0345,
  lent,
  due,
];
// 2025-06-01 → 2027-05-31, award year 2025: 70 days from the draft's stand-in issue date 2025-10-23 (revision 3).
const LOAN_FINAL = "58333.33";

/**
 * What the reader makes of a package: the first sheet's cells and formats, and the final amounts the engine
 * screens from them (the read side alone: writing the output is another part's business).
 */
async function cellsOf(path: string) {
  const pkg = await openPackage(path, 1024 ** 3);
  try {
    const input = await readInput(pkg);
    const { values, numberFormats } = input.sheets[0];
    const finals = () => screenWorkbook(input.workbook).rows.map((r) => r.final);
    return { values, numberFormats, date1904: input.structure.date1904, finals };
  } finally {
    pkg.close();
  }
}

describe('t="d" date cells are the dates they say, in either date system', () => {
  test.each([
    ["1900", false],
    ["1904", true],
  ])("a %s workbook: dates and datetimes read as its own serials; the loan is screened to the fen", async (name, date1904) => {
    const path = join(dir, `dates-${name}.xlsx`);
    await makeWorkbook(
      path,
      [
        LOAN_HEADER,
        loanRow({ date: "2025-06-01" }, { date: "2027-05-31T00:00:00" }),
        loanRow({ date: "2025-06-01T09:30:00" }, { date: "2027-05-31T00:00:00.000Z" }, 2),
        loanRow({ date: "2025-06-01T00:00:00+08:00" }, { date: "2027-05-31" }, 3),
      ],
      { date1904 },
    );
    const { values } = await cellsOf(path);
    const offset = date1904 ? 1462 : 0;
    // 2025-06-01 is serial 45,809 in the 1900 system, 44,347 in the 1904 one.
    expect(values[1][7]).toBe(45_809 - offset);
    expect(values[1][8]).toBe(46_538 - offset);
    expect(values[2][7]).toBeCloseTo(45_809.395833 - offset, 5);
    expect(values[3][7]).toBe(45_809 - offset);
    const result = await screen(path, `dates-${name}`);
    expect(result.code).toBe(0);
    expect(result.rows.map((r) => r.final)).toEqual([LOAN_FINAL, LOAN_FINAL, LOAN_FINAL]);
  });

  test('the same loan as plain 1904 serials and as t="d" text gives the same result (0.00 before: 4 years and 1 day late)', async () => {
    const path = join(dir, "serials-1904.xlsx");
    await makeWorkbook(
      path,
      [LOAN_HEADER, loanRow(45_809 - 1462, 46_538 - 1462), loanRow({ date: "2025-06-01" }, { date: "2027-05-31" }, 2)],
      {
        date1904: true,
      },
    );
    const { values, finals } = await cellsOf(path);
    expect(values[2].slice(7)).toEqual(values[1].slice(7));
    expect(finals()).toEqual([LOAN_FINAL, LOAN_FINAL]);
  });

  test("text that is no ISO date, or no date of the workbook's system, stays text: never a wrong date", async () => {
    const path = join(dir, "dates-bad.xlsx");
    await makeWorkbook(
      path,
      [LOAN_HEADER, loanRow({ date: "2025-02-30" }, { date: "not a date" }), loanRow({ date: "1903-12-31" }, { date: "1904-01-01" }, 2)],
      {
        date1904: true,
      },
    );
    const { values } = await cellsOf(path);
    expect(values[1].slice(7)).toEqual(["2025-02-30", "not a date"]);
    expect(values[2].slice(7)).toEqual(["1903-12-31", 0]);
  });

  test("Excel's serials at the edges of both systems", () => {
    expect(isoToSerial("1900-01-01", false)).toBe(1);
    expect(isoToSerial("1900-02-28", false)).toBe(59);
    expect(isoToSerial("1900-03-01", false)).toBe(61);
    expect(isoToSerial("1899-12-31T12:00:00", false)).toBe(0.5);
    expect(isoToSerial("18:00:00", true)).toBe(0.75);
    expect(isoToSerial("1904-01-02", true)).toBe(1);
    expect(isoToSerial("9999-12-31", false)).toBe(2_958_465);
    expect(isoToSerial("9999-12-31", true)).toBe(2_958_465 - 1462);
  });

  test('an openpyxl workbook with iso_dates (t="d") in the 1904 system', async () => {
    // test/fixtures/xlsx/make-iso-dates-1904.py
    const result = await screen(join(ROOT, "test/fixtures/xlsx/openpyxl-iso-dates-1904.xlsx"), "openpyxl-1904");
    expect(result.code).toBe(0);
    expect(result.rows.map((r) => r.final)).toEqual([LOAN_FINAL, LOAN_FINAL]);
  });
});

const MINIMAL_STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="MAIN"><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="10"/></cellXfs></styleSheet>`;

describe("package parts other producers write", () => {
  test("a styles part with only cellXfs: its number formats are the built-in ones", async () => {
    const path = join(dir, "cellxfs-only.xlsx");
    await makeWorkbook(path, [LOAN_HEADER, loanRow({ date: "2025-06-01" }, { date: "2027-05-31" })], { styles: MINIMAL_STYLES, style: 1 });
    const { numberFormats, finals } = await cellsOf(path);
    expect(numberFormats[1][7]).toBe("mm-dd-yy");
    expect(finals()).toEqual([LOAN_FINAL]);
  });

  const utf16 = (bom: "le" | "be" | "none", declare: boolean) => (_part: string, xml: string) => {
    const text = declare ? xml.replace('encoding="UTF-8"', 'encoding="UTF-16"') : xml;
    const le = Buffer.from(text, "utf16le");
    const bytes = bom === "be" ? Buffer.from(le).swap16() : le;
    const mark = bom === "le" ? Buffer.from([0xff, 0xfe]) : bom === "be" ? Buffer.from([0xfe, 0xff]) : Buffer.alloc(0);
    return Buffer.concat([mark, bytes]);
  };

  test.each([
    ["UTF-16LE with its BOM", utf16("le", true)],
    ["UTF-16BE with its BOM", utf16("be", true)],
    ["UTF-16LE without a BOM, declared", utf16("none", true)],
    ["UTF-8 with a BOM", (_p: string, xml: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml)])],
  ])("every part in %s is read", async (name, encode) => {
    const path = join(dir, `enc-${name.replace(/\W+/g, "-")}.xlsx`);
    await makeWorkbook(path, [LOAN_HEADER, loanRow({ date: "2025-06-01" }, { date: "2027-05-31" })], {
      styles: MINIMAL_STYLES,
      style: 1,
      shared: true,
      encode,
    });
    const { values, numberFormats, finals } = await cellsOf(path);
    expect(values[0]).toEqual(LOAN_HEADER);
    expect(numberFormats[1][7]).toBe("mm-dd-yy");
    expect(finals()).toEqual([LOAN_FINAL]);
  });

  test("decodeXml gives a small part's text the same way (for the parts the output patches)", () => {
    const xml = '<?xml version="1.0" encoding="UTF-16"?><workbook><sheets><sheet name="申报"/></sheets></workbook>';
    expect(decodeXml(utf16("le", false)("", xml), "xl/workbook.xml")).toBe(xml);
    expect(decodeXml(utf16("be", false)("", xml), "xl/workbook.xml")).toBe(xml);
    expect(decodeXml(Buffer.from(`\ufeff${xml}`), "xl/workbook.xml")).toBe(xml);
    expect(() => decodeXml(Buffer.from('<?xml version="1.0" encoding="x-no-such"?><a/>'), "xl/styles.xml")).toThrow(
      /xl\/styles.xml is in an encoding this tool cannot read/,
    );
  });

  test("a part declared in another encoding (ISO-8859-1) is decoded as it says", async () => {
    const path = join(dir, "latin1.xlsx");
    const header = LOAN_HEADER.map((h) => [...h].map((c) => `&#${c.codePointAt(0)};`).join(""));
    await makeWorkbook(path, [header, [...loanRow({ date: "2025-06-01" }, { date: "2027-05-31" }), "Café Müller"]], {
      shared: true,
      encode: (part, xml) =>
        part === "xl/sharedStrings.xml" ? Buffer.from(xml.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), "latin1") : xml,
    });
    const { values } = await cellsOf(path);
    expect(values[0]).toEqual(LOAN_HEADER);
    expect(values[1][9]).toBe("Café Müller");
  });

  test('Strict OOXML (purl.oclc.org namespaces and relationship types, t="d" dates): sheets, shared strings, styles, dates', async () => {
    const path = join(dir, "strict.xlsx");
    await makeWorkbook(path, [LOAN_HEADER, loanRow({ date: "2025-06-01T00:00:00" }, { date: "2027-05-31T00:00:00" })], {
      strict: true,
      styles: MINIMAL_STYLES,
      style: 1,
      shared: true,
    });
    const input = await cellsOf(path);
    expect(input.values[0]).toEqual(LOAN_HEADER);
    expect(input.values[1][7]).toBe(45_809);
    expect(input.numberFormats[1][7]).toBe("mm-dd-yy");
    expect(input.finals()).toEqual([LOAN_FINAL]);
  });
});
