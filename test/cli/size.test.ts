/**
 * Size (issue 16, cause 5): a results sheet never passes Excel's 1,048,576 rows — more applications than one
 * results sheet holds are refused with one line, before anything is written — and a sheet's cells are held
 * compactly (cli/xlsx/cell-store.ts) yet read exactly as the rows of cells they used to be.
 */
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readInput } from "../../cli/read-input";
import { openPackage } from "../../cli/xlsx/package-reader";
import { PackageWriter } from "../../cli/xlsx/package-writer";
import { CellSpec, sheetXml } from "../../cli/xlsx/sheet-writer";
import { writePackage } from "../helpers/packages";
import { refusalParts, refusalProblems } from "../helpers/refusal-line";
import { makeUscc } from "../helpers/uscc";
import { runCli } from "../helpers/run-cli";

const dir = mkdtempSync(join(tmpdir(), "hlj-size-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

type Row = (string | number | boolean | null)[];

/** A workbook of the given sheets, each sheet's rows streamed through the command line's own writers. */
async function writeWorkbook(path: string, sheets: { name: string; rows: () => Iterable<Row> }[]): Promise<void> {
  const fd = openSync(path, "w");
  try {
    const writer = new PackageWriter(fd);
    const n = sheets.map((_, i) => i + 1);
    await writer.add(
      "[Content_Types].xml",
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        n
          .map(
            (i) =>
              `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join("") +
        `</Types>`,
    );
    await writer.add(
      "_rels/.rels",
      `${XML}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    );
    await writer.add(
      "xl/workbook.xml",
      `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets
        .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join("")}</sheets></workbook>`,
    );
    await writer.add(
      "xl/_rels/workbook.xml.rels",
      `${XML}<Relationships xmlns="${PKG}">${n
        .map((i) => `<Relationship Id="rId${i}" Type="${REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`)
        .join("")}</Relationships>`,
    );
    for (const [i, sheet] of sheets.entries()) {
      const rows = (function* () {
        for (const row of sheet.rows()) yield { cells: row.map((value): CellSpec => (value === null ? null : { value })) };
      })();
      await writer.add(`xl/worksheets/sheet${i + 1}.xml`, sheetXml({ columns: [], rows }));
    }
    writer.finish();
  } finally {
    closeSync(fd);
  }
}

const run = runCli;

const HEADER: Row = ["统一社会信用代码", "申报年度", "申报条款"];

describe("a results sheet never passes Excel's 1,048,576 rows", () => {
  test("two sheets of 524,300 applications (1,048,600: more than the 1,048,565 the review list holds) are refused with one line, nothing written", async () => {
    const input = join(dir, "two-halves.xlsx");
    const codes = Array.from({ length: 1000 }, (_, i) => makeUscc(i + 1));
    const applicants = (total: boolean) =>
      function* (): Iterable<Row> {
        yield ["第1条 申报表"]; // a title: not an application
        yield HEADER;
        for (let r = 0; r < 524_300; r++) yield [codes[r % 1000], 2025, "M1"];
        if (total) yield ["合计", null, null]; // a total row: not an application either
      };
    await writeWorkbook(input, [
      { name: "申报一", rows: applicants(false) },
      { name: "申报二", rows: applicants(true) },
    ]);
    const output = join(dir, "out", "two-halves.screened.xlsx");
    rmSync(join(dir, "out"), { recursive: true, force: true });
    mkdirSync(join(dir, "out"));
    const result = await run(input, "-o", output, "--json", join(dir, "out", "two-halves.json"), "-q");
    expect(result.code).toBe(2);
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    // Exactly the rows that would become results rows: titles, headers and the total row are not counted.
    // In Chinese, the default, in the glossary's words; the English in brackets (SCREENING.md quotes "split the workbook").
    const parts = refusalParts(lines[0]);
    expect(parts?.zh).toMatch(/two-halves\.xlsx：共 1,048,600 条申报，超过一张结果表能容纳的行数.*请拆分工作簿后分别筛查$/);
    expect(refusalProblems(parts!.zh, [input])).toEqual([]);
    expect(parts?.en).toMatch(/two-halves\.xlsx: 1,048,600 applications, more than one results sheet holds/);
    expect(parts?.en).toMatch(/split the workbook/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(output)).toBe(false);
    expect(readdirSync(join(dir, "out"))).toEqual([]);
  }, 60_000);
});

describe("a sheet's cells are held compactly", () => {
  test("2,000,000 text and number cells are held in under 20 bytes a cell (rows of JS arrays held some 130)", async () => {
    const input = join(dir, "compact.xlsx");
    const rows = 200_000;
    await writeWorkbook(input, [
      {
        name: "申报",
        rows: function* () {
          for (let r = 0; r < rows; r++)
            yield ["黑龙江某某电子商务有限公司", "哈尔滨", "M1", "是", "否", r + 0.5, r * 3.25, 2025, r, "备注"];
        },
      },
    ]);
    require("v8").setFlagsFromString("--expose-gc");
    const gc = require("vm").runInNewContext("gc") as () => void;
    const held = () => {
      gc();
      gc();
      const memory = process.memoryUsage();
      return memory.heapUsed + memory.arrayBuffers;
    };
    const before = held();
    const pkg = await openPackage(input, 1 << 30);
    try {
      const { sheets } = await readInput(pkg);
      const bytes = held() - before;
      expect(sheets[0].values.length).toBe(rows);
      expect(sheets[0].values[rows - 1]).toEqual([
        "黑龙江某某电子商务有限公司",
        "哈尔滨",
        "M1",
        "是",
        "否",
        rows - 0.5,
        (rows - 1) * 3.25,
        2025,
        rows - 1,
        "备注",
      ]);
      expect(bytes / (rows * 10)).toBeLessThan(20);
    } finally {
      pkg.close();
    }
  }, 60_000);
});

describe("the compact cell store reads every cell as the rows of cells did", () => {
  test("values, gaps, formats, booleans, errors, formulas without a result, empty and missing rows", async () => {
    const path = join(dir, "shapes.xlsx");
    const sheet =
      `${XML}<worksheet xmlns="${MAIN}"><sheetData>` +
      `<row r="2"><c r="B2" t="inlineStr"><is><t>text</t></is></c><c r="D2"><v>1.5</v></c><c r="E2" s="1"><v>0.25</v></c></row>` +
      `<row r="3"/>` +
      `<row r="5"><c r="A5" t="b"><v>1</v></c><c r="B5" t="b"><v>0</v></c><c r="C5" t="e"><v>#N/A</v></c>` +
      `<c r="D5"><f>SUM(A1:A2)</f></c><c r="F5" s="1"/><c r="G5" t="inlineStr"><is><t></t></is></c></row>` +
      `<row r="6"><c r="C6" t="inlineStr"><is><t>text</t></is></c><c r="A6"><v>7</v></c></row>` +
      `</sheetData></worksheet>`;
    await writePackage(path, [
      [
        "[Content_Types].xml",
        `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
      ],
      [
        "_rels/.rels",
        `${XML}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ],
      [
        "xl/workbook.xml",
        `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ],
      [
        "xl/_rels/workbook.xml.rels",
        `${XML}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
      ],
      [
        "xl/styles.xml",
        `${XML}<styleSheet xmlns="${MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="10"/></cellXfs></styleSheet>`,
      ],
      ["xl/worksheets/sheet1.xml", sheet],
    ]);
    const pkg = await openPackage(path, 1 << 30);
    try {
      const { sheets, workbook } = await readInput(pkg);
      const values = sheets[0].values;
      expect(Array.isArray(values)).toBe(true);
      expect(values.length).toBe(6);
      expect([...values]).toEqual([
        [],
        [null, "text", null, 1.5, 0.25],
        [],
        [],
        [true, false, "#N/A", { uncalculated: "=SUM(A1:A2)" }],
        [7, null, "text"],
      ]);
      expect(values[6]).toBeUndefined();
      expect(values.slice(1, 2)).toEqual([[null, "text", null, 1.5, 0.25]]);
      expect([...sheets[0].numberFormats]).toEqual([
        [],
        [undefined, undefined, undefined, undefined, "0.00%"],
        [],
        [],
        [undefined, undefined, undefined, undefined, undefined, "0.00%"],
        [],
      ]);
      expect(() => ((values as unknown as unknown[])[0] = [])).toThrow(TypeError);
      expect(workbook.sheets[0].values).toBe(values);
    } finally {
      pkg.close();
    }
  });
});
