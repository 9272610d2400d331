/**
 * The sheets the command line hands back are ready to print and sign (SCREENING.md "Output"), and a bureau's
 * 申报汇总表 is read as the bureau laid it out (issue 9).
 */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Writable } from "stream";
import { main } from "../../cli/hlj-screen";
import { checkRunOutput } from "../helpers/check-run-output";
import { readParts } from "../helpers/packages";

const ROOT = join(__dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "hlj-output-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
    argv,
    sink(() => undefined),
    sink((s) => (err += s)),
  );
  await checkRunOutput(argv, code);
  return { code, stderr: err };
}

interface Screened {
  rows: { source: string; status: string; final: string; explain: { zh: string } }[];
  tables: { sheet: string; headerRow: number; headerRows: number; unitsRow: number | null; skipped: { cell: string; kind: string }[] }[];
  issues: { severity: string; cell?: string; en: string }[];
}

describe("examples/申报汇总表.xlsx, a bureau's summary workbook", () => {
  const output = join(dir, "bureau.xlsx");
  const json = join(dir, "bureau.json");
  let screened: Screened;
  let parts: Map<string, Buffer>;

  beforeAll(async () => {
    expect((await run(join(ROOT, "examples/申报汇总表.xlsx"), "-o", output, "--json", json, "-q")).code).toBe(0);
    screened = JSON.parse(readFileSync(json, "utf8"));
    parts = await readParts(output);
  }, 60_000);

  test("no row is an error because of its layout; three tables on two sheets, the header on row 50 found", () => {
    expect(screened.rows.filter((r) => r.status === "error")).toEqual([]);
    expect(screened.tables.map((t) => [t.sheet, t.headerRow, t.headerRows, t.unitsRow])).toEqual([
      ["申报汇总表", 5, 2, 6],
      ["申报汇总表", 23, 1, null],
      ["附表（表头在第50行）", 50, 1, null],
    ]);
    expect(screened.rows).toHaveLength(14);
  });

  test("合计, 小计, the footer lines, the title of the second table and its repeated header are listed as skipped", () => {
    expect(screened.tables.flatMap((t) => t.skipped.map((s) => [s.cell, s.kind]))).toEqual([
      ["申报汇总表!A6", "units"],
      ["申报汇总表!A16", "total"],
      ["申报汇总表!A18", "footer"],
      ["申报汇总表!A19", "footer"],
      ["申报汇总表!A22", "text"],
      ["申报汇总表!A27", "header"],
      ["申报汇总表!A30", "total"],
    ]);
  });

  test("万元 and % columns are scaled; the percentage-formatted rate is a fraction", () => {
    const first = screened.rows[0];
    expect(first.explain.zh).toContain("总投资额 20,000,000.00");
    expect(first.explain.zh).toMatch(/贷款利率 3\.\d+%/);
    expect(screened.rows[1]).toMatchObject({ status: "eligible", final: "316100.00" }); // 1,580.5 万元 × 2%
  });

  test("the planted wrong sum in 合计 is reported, naming its cell and column", () => {
    const warnings = screened.issues.filter((i) => i.severity === "warning");
    expect(warnings.map((w) => w.cell)).toEqual(["申报汇总表!I16"]);
    expect(warnings[0].en).toContain("a difference of 100.00: check the column (loan principal) or the total");
  });

  test("print-ready: A4 landscape, one page wide (the summary too: its entities may take pages), the header repeated, margins, a footer", () => {
    const workbook = parts.get("xl/workbook.xml")!.toString();
    const sheets = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    const results = sheets.indexOf("HLJ筛查结果");
    const appendix = sheets.indexOf("HLJ计算明细");
    // The review list's header row (under the title and four head lines) repeats; only its twelve columns print.
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${results}">'HLJ筛查结果'!$7:$7</definedName>`);
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="${results}">'HLJ筛查结果'!$A$1:$L$25</definedName>`);
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${appendix}">'HLJ计算明细'!$5:$5</definedName>`);
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="${appendix}">'HLJ计算明细'!$A$1:$E$19</definedName>`);
    expect(workbook).toContain(`<definedName name="HLJ_SCREEN_APPENDIX">'HLJ计算明细'!$A$1</definedName>`);
    const [resultsXml, summaryXml, appendixXml] = sheetXmls(parts, ["HLJ筛查结果", "HLJ汇总", "HLJ计算明细"]);
    expect(resultsXml).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(appendixXml).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    // The twelve printed columns fit A4 landscape at 100% (137 characters between 0.4" margins): no shrinking.
    const widths = [...resultsXml.matchAll(/<col min="(\d+)" max="\d+" width="([\d.]+)"/g)].map((m) => Number(m[2]));
    expect(widths.slice(0, 12).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(137);
    expect(summaryXml).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(resultsXml).toMatch(/<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.7"/);
    expect(resultsXml).toContain(
      "<oddFooter>&amp;Lhlj-ecommerce-2025-draft&amp;C第 &amp;P 页，共 &amp;N 页&amp;R黑龙江电商政策申报筛查</oddFooter>",
    );
    expect(resultsXml).toContain('<pane ySplit="7" topLeftCell="A8" activePane="bottomLeft" state="frozen"/>');
    expect(resultsXml).toContain('<autoFilter ref="A7:R21"/>');
    expect(resultsXml).toContain('<mergeCell ref="A1:L1"/>');
  });

  test("text wraps where a cell holds sentences; amounts and counts are numbers; columns as wide as their headers", () => {
    const [resultsXml, summaryXml, appendixXml] = sheetXmls(parts, ["HLJ筛查结果", "HLJ汇总", "HLJ计算明细"]);
    const headerXml = /<row r="7"[^>]*>.*?<\/row>/.exec(resultsXml)![0];
    const header = [...headerXml.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1]);
    expect(header).toEqual(
      expect.arrayContaining(["序号", "来源", "统一社会信用代码", "核定金额", "状态", "简要说明", "审核意见", "状态代码", "原因", "依据"]),
    );
    // 计算说明 is the appendix's now, not a column of the list.
    expect(header).not.toContain("计算说明");
    expect(appendixXml).toMatch(/<c r="E6" s="\d+" t="inlineStr"><is><t[^>]*>申报条款：第1条/);
    const xfs = [
      ...parts
        .get("xl/styles.xml")!
        .toString()
        .split("<cellXfs")[1]
        .split("</cellXfs>")[0]
        .matchAll(/<xf [^>]*?(?:\/>|>.*?<\/xf>)/g),
    ].map((m) => m[0]);
    const styleOf = (xml: string, column: string, row: number) => Number(new RegExp(`<c r="${column}${row}" s="(\\d+)"`).exec(xml)![1]);
    const letter = (name: string) => String.fromCharCode(65 + header.indexOf(name));
    expect(xfs[styleOf(resultsXml, letter("简要说明"), 8)]).toContain('wrapText="1"');
    expect(xfs[styleOf(resultsXml, letter("企业名称"), 8)]).toContain('wrapText="1"');
    expect(xfs[styleOf(appendixXml, "E", 5)]).toContain('wrapText="1"');
    expect(xfs[styleOf(resultsXml, letter("核定金额"), 8)]).toContain('numFmtId="4"'); // #,##0.00
    expect(resultsXml).toMatch(new RegExp(`<c r="${letter("核定金额")}8" s="\\d+"><v>[\\d.]+</v></c>`));
    // Counts in the summary are numbers, not text.
    expect(summaryXml).not.toMatch(/<c r="D\d+"[^>]*t="inlineStr"><is><t>\d+<\/t>/);
    expect(summaryXml).toMatch(/<c r="D\d+" s="\d+"><v>\d+<\/v><\/c>/);
    // The machine's columns (after the twelve printed ones) at least as wide as their header (a CJK character
    // counts two); the printed ones keep the page's widths and wrap their header in a row tall enough for it.
    const widths = [...resultsXml.matchAll(/<col min="(\d+)" max="\d+" width="([\d.]+)"/g)].map((m) => Number(m[2]));
    header.forEach((text, i) => {
      if (i >= 12) expect(widths[i]).toBeGreaterThanOrEqual([...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0));
    });
    expect(Number(/<row r="7" ht="([\d.]+)"/.exec(resultsXml)![1])).toBeGreaterThanOrEqual(27);
  });

  test("the chart names measures by clause, 第1条 …, not by id", () => {
    const chart = parts.get("xl/charts/chart1.xml")!.toString();
    expect(chart).toContain("<c:v>第1条</c:v>");
    expect(chart).toContain("<c:v>第6条(1)</c:v>");
    expect(chart).not.toMatch(/<c:v>M\d+[ab]?<\/c:v>/);
  });
});

test("--lang en writes the sheets in English: headers, status words, sentences", async () => {
  const output = join(dir, "en.xlsx");
  expect((await run(join(ROOT, "examples/申报汇总表.xlsx"), "-o", output, "--lang", "en", "-q")).code).toBe(0);
  const [resultsXml, summaryXml] = sheetXmls(await readParts(output), ["HLJ筛查结果", "HLJ汇总"]);
  expect(resultsXml).toContain("<t>Source</t>");
  expect(resultsXml).toContain("<t>Eligible</t>");
  expect(resultsXml).toContain("<t>eligible</t>");
  expect(resultsXml).toContain("<oddFooter>&amp;Lhlj-ecommerce-2025-draft&amp;CPage &amp;P of &amp;N");
  expect(summaryXml).toContain("<t>HLJ e-commerce policy screening: summary</t>");
  expect(summaryXml).toContain("<t>By city</t>");
});

/** The worksheet XML of the named sheets. */
function sheetXmls(parts: Map<string, Buffer>, names: string[]): string[] {
  const workbook = parts.get("xl/workbook.xml")!.toString();
  const rels = parts.get("xl/_rels/workbook.xml.rels")!.toString();
  return names.map((name) => {
    const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1];
    return parts.get(`xl/${target}`)!.toString();
  });
}
