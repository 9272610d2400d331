/**
 * Files and streams (issue 16, cause 7): text that looks like an OOXML escape, or cannot be UTF-8, reads the
 * same in the sheet and the JSON.
 */
import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Writable } from "stream";
import { main } from "../../cli/hlj-screen";
import { readParts, writeSimpleWorkbook } from "../helpers/packages";
import { makeUscc } from "../helpers/uscc";

const PYTHON = "/usr/bin/python3";
const dir = mkdtempSync(join(tmpdir(), "hlj-streams-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sink() {
  let text = "";
  return {
    stream: new Writable({
      write(chunk, _encoding, done) {
        text += chunk.toString();
        done();
      },
    }),
    text: () => text,
  };
}

async function run(...argv: string[]) {
  const out = sink();
  const err = sink();
  const code = await main(argv, out.stream, err.stream);
  return { code, stdout: out.text(), stderr: err.text() };
}

/** A folder of its own for one test. */
const folder = (name: string) => {
  const path = join(dir, name);
  mkdirSync(path);
  return path;
};

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
    expect(added).toHaveLength(2);
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
            `import json, sys, openpyxl\nws = openpyxl.load_workbook(sys.argv[1])["HLJ筛查结果"]\nheader = [c.value for c in ws[1]]\ncol = header.index("企业名称")\nprint(json.dumps([${expression} for row in ws.iter_rows(min_row=2, values_only=True) if row[col]]))`,
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
