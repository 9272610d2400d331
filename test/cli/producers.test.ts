/**
 * Every output opens cleanly whatever made the input (issue 16): workbooks saved by openpyxl, in pandas' layout,
 * by LibreOffice, in Strict OOXML, a 1904 workbook with t="d" dates, an earlier output an officer edited, a UTF-16
 * workbook.xml and a styles.xml with only cellXfs (test/fixtures/xlsx/producers, made by make-producers.py).
 * Each is screened; each output is held to Excel's package rules (test/helpers/ooxml-check.ts), and every input
 * and output is opened by openpyxl and by LibreOffice (one process each for all files).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Writable } from "stream";
import { main } from "../../cli/hlj-screen";
import { checkPackage } from "../helpers/ooxml-check";
import { readParts, writeSimpleWorkbook } from "../helpers/packages";
import { makeUscc } from "../helpers/uscc";
import {
  LIBREOFFICE,
  LibreOfficeBook,
  OPENPYXL,
  OpenpyxlBook,
  hasLibreOffice,
  hasOpenpyxl,
  openWithLibreOffice,
  openWithOpenpyxl,
  parseCsv,
  whenReader,
} from "../helpers/readers";

const FIXTURES = join(__dirname, "../fixtures/xlsx/producers");
const dir = mkdtempSync(join(tmpdir(), "hlj-producers-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The applicant table of make-producers.py (APPLICANTS), screened: M3 pays 2% up to 300万 above 1000万. */
const APPLICANT_FINALS = ["400000.00", "246913.58", "600000.00", "0.00"];
const APPLICANT_STATUSES = ["eligible", "eligible", "eligible", "ineligible"];

const NAMES = [
  "openpyxl",
  "pandas",
  "libreoffice",
  "strict",
  "date1904",
  "edited-output",
  "utf16",
  "styles-cellxfs-only",
  "quoted-comments",
  "override-only",
  "template",
] as const;
type Name = (typeof NAMES)[number];
/** The applicant table alone, as each producer saved it. */
const SAME_TABLE: Name[] = [
  "openpyxl",
  "pandas",
  "libreoffice",
  "strict",
  "utf16",
  "styles-cellxfs-only",
  "quoted-comments",
  "override-only",
  "template",
];
const input = (name: Name) => join(FIXTURES, `${name}${name === "template" ? ".xltx" : ".xlsx"}`);
const output = (name: Name) => join(dir, `${name}.screened.xlsx`);

interface Json {
  rows: { source: string; status: string; final: string }[];
  totals: { final: string };
}

interface Run {
  code: number;
  stderr: string;
  json?: Json;
}

async function screen(file: string, out: string, json: string, ...extra: string[]): Promise<Run> {
  let stderr = "";
  const sink = (keep: boolean) =>
    new Writable({
      write(chunk, _encoding, done) {
        if (keep) stderr += chunk.toString();
        done();
      },
    });
  const code = await main([file, "-o", out, "--json", json, "-q", ...extra], sink(false), sink(true));
  let parsed: Json | undefined;
  try {
    parsed = JSON.parse(readFileSync(json, "utf8"));
  } catch {
    parsed = undefined;
  }
  return { code, stderr, json: parsed };
}

const runs = new Map<Name, Run>();

beforeAll(async () => {
  for (const name of NAMES) runs.set(name, await screen(input(name), output(name), join(dir, `${name}.json`)));
}, 120_000);

const applicantRows = (name: Name) => runs.get(name)!.json?.rows.filter((row) => !row.source.startsWith("HLJ")) ?? [];

describe.each(NAMES)("%s", (name) => {
  test("is screened: exit 0, nothing on stderr", () => {
    expect(runs.get(name)!.stderr).toBe("");
    expect(runs.get(name)!.code).toBe(0);
  });

  test("its output breaks none of Excel's package rules", async () => {
    expect(runs.get(name)!.code).toBe(0);
    expect(await checkPackage(output(name))).toEqual([]);
  });

  whenReader(hasOpenpyxl(), OPENPYXL)("openpyxl opens the input and the output", () => {
    const books = openpyxlBooks();
    expect([name, "input", books.get(input(name))?.error]).toEqual([name, "input", undefined]);
    if (name === "strict") {
      // openpyxl does not read Strict OOXML: it drops every sheet of the input itself (their relationships are
      // Strict's), so it cannot judge the output; the package checker and LibreOffice do.
      expect(Object.keys(books.get(input(name))?.sheets ?? {})).toEqual([]);
      return;
    }
    expect([name, "output", books.get(output(name))?.error]).toEqual([name, "output", undefined]);
  });

  whenReader(hasLibreOffice(), LIBREOFFICE)(
    "LibreOffice opens the input and the output, and reads the results the JSON gives",
    () => {
      const books = libreOfficeBooks();
      expect([name, "input", books.get(input(name))?.error]).toEqual([name, "input", undefined]);
      const book = books.get(output(name))!;
      expect([name, "output", book.error]).toEqual([name, "output", undefined]);
      const results = parseCsv(book.sheets.get("HLJ筛查结果") ?? "");
      const json = runs.get(name)!.json!;
      // The review list: the header row under the title and head, one row per application, then the 合计 rows.
      const header = results.findIndex((cells) => cells[0] === "序号");
      const totals = results.findIndex((cells) => cells[0] === "合计：拟支持");
      expect(header).toBeGreaterThan(0);
      expect(totals - header - 1).toBe(json.rows.length);
      const final = results[header].indexOf("核定金额");
      const sum = results.slice(header + 1, totals).reduce((total, cells) => total + Math.round(Number(cells[final]) * 100), 0);
      expect(sum).toBe(Math.round(Number(json.totals.final) * 100));
    },
    300_000,
  );
});

test.each(SAME_TABLE)("%s: the four applicants are screened as the same table saved by any producer", (name) => {
  const rows = runs.get(name)!.json?.rows ?? [];
  expect(rows.map((row) => row.status)).toEqual(APPLICANT_STATUSES);
  expect(rows.map((row) => row.final)).toEqual(APPLICANT_FINALS);
  expect(rows.map((row) => row.source)).toEqual(["2", "3", "4", "5"].map((r) => `${name === "pandas" ? "Sheet1" : "申报"}!${r}`));
});

describe("an earlier output the officer edited (a 备注 column and a =SUM() beside the results, saved by openpyxl)", () => {
  test("the results sheet is recognised as ours: only the applicants are screened, no error rows from it", () => {
    const rows = runs.get("edited-output")!.json?.rows ?? [];
    expect(rows.map((row) => row.source)).toEqual(["申报!2", "申报!3", "申报!4", "申报!5"]);
    expect(rows.map((row) => row.status)).toEqual(APPLICANT_STATUSES);
    expect(rows.map((row) => row.final)).toEqual(APPLICANT_FINALS);
  });

  whenReader(hasOpenpyxl(), OPENPYXL)("the output has one results sheet, one summary and one appendix, not a second copy", () => {
    const book = openpyxlBooks().get(output("edited-output"))!;
    expect(Object.keys(book.sheets ?? {})).toEqual(["申报", "HLJ筛查结果", "HLJ汇总", "HLJ计算明细"]);
  });
});

test("override-only: the user's sheet-local name HLJ_SCREEN_RESULTS on the applicant sheet is kept as it was", async () => {
  const workbook = (await readParts(output("override-only"))).get("xl/workbook.xml")!.toString();
  expect(workbook).toContain('<definedName name="HLJ_SCREEN_RESULTS" localSheetId="0">申报!$A$1:$F$5</definedName>');
});

describe('a 1904-date workbook whose loan dates are t="d" ISO cells', () => {
  let reference: Run;

  beforeAll(async () => {
    // The same two loans in a 1900-date workbook with the dates written as ISO text.
    const file = join(dir, "date1900-reference.xlsx");
    await writeSimpleWorkbook(file, "贷款贴息", [
      ["统一社会信用代码", "企业名称", "申报年度", "申报条款", "项目名称", "总投资额", "贷款金额", "贷款利率", "放款日期", "到期日期"],
      [makeUscc(171), "戊物流有限公司", 2025, "M8a", "戊物流智慧仓储", 8000000, 10000000, 0.0345, "2024-03-15", "2027-03-15"],
      [makeUscc(172), "己物流有限公司", 2025, "M8a", "己物流智慧仓储", 9000000, 6000000, 0.031, "2025-06-01", "2026-05-31"],
    ]);
    reference = await screen(file, join(dir, "date1900-reference.screened.xlsx"), join(dir, "date1900-reference.json"));
  });

  test("the dates are read as the dates they say: the subsidy equals the ISO-text workbook's, and is paid", () => {
    expect(reference.code).toBe(0);
    const expected = reference.json!.rows.map((row) => [row.status, row.final]);
    expect(expected.every(([, final]) => Number(final) > 0)).toBe(true);
    expect(applicantRows("date1904").map((row) => [row.status, row.final])).toEqual(expected);
  });

  whenReader(hasOpenpyxl(), OPENPYXL)("openpyxl reads the input's dates as the fixture wrote them (the fixture is right)", () => {
    const book = openpyxlBooks().get(input("date1904"))!;
    expect(book.date1904).toBe(true);
    expect(book.sheets!["贷款贴息"][1].slice(8).map((d) => String(d).slice(0, 10))).toEqual(["2024-03-15", "2027-03-15"]);
  });
});

test("rerun on its own output (the LibreOffice fixture's): the same rows, our styles reused rather than appended again", async () => {
  const first = output("libreoffice");
  const again = join(dir, "libreoffice-again.screened.xlsx");
  const rerun = await screen(first, again, join(dir, "libreoffice-again.json"));
  expect(rerun.stderr).toBe("");
  expect(rerun.json?.rows).toEqual(runs.get("libreoffice")!.json?.rows);
  expect(await checkPackage(again)).toEqual([]);
  const counts = async (file: string) => {
    const styles = (await readParts(file)).get("xl/styles.xml")!.toString();
    return ["numFmts", "fonts", "fills", "borders", "cellXfs"].map((list) => [
      list,
      new RegExp(`<${list}[^>]*count="(\\d+)"`).exec(styles)?.[1],
    ]);
  };
  expect(await counts(again)).toEqual(await counts(first));
});

test("a policy whose id is longer than a footer may hold: the output's footer stays within Excel's 255 characters", async () => {
  const policy = JSON.parse(readFileSync(join(__dirname, "../../core/policy/sets/hlj-ecommerce-2025-draft.json"), "utf8"));
  policy.id = `hlj-ecommerce-2025-${"哈尔滨市实施细则".repeat(30)}`;
  const file = join(dir, "long-id-policy.json");
  writeFileSync(file, JSON.stringify(policy));
  const clean = join(dir, "long-footer.xlsx");
  await writeSimpleWorkbook(clean, "申报", [
    ["统一社会信用代码", "企业名称", "申报年度", "申报条款", "限额以上在统", "新增实物网络零售额"],
    [makeUscc(161), "甲电商有限公司", 2025, "M3", "是", 20_000_000],
  ]);
  const out = join(dir, "long-footer.screened.xlsx");
  const run = await screen(clean, out, join(dir, "long-footer.json"), "--policy", file);
  expect(run.stderr).toBe("");
  expect((await checkPackage(out)).filter((problem) => /Footer|Header/.test(problem))).toEqual([]);
});

const ALL_FILES = () => NAMES.flatMap((name) => [input(name), output(name)]);
let openpyxlCache: Map<string, OpenpyxlBook> | undefined;
let libreOfficeCache: Map<string, LibreOfficeBook> | undefined;
/** openpyxl over every input and output, in one python process (the first test that needs it runs it). */
const openpyxlBooks = () => (openpyxlCache ??= openWithOpenpyxl(ALL_FILES()));
/** LibreOffice over every input and output, in one soffice call. */
const libreOfficeBooks = () => (libreOfficeCache ??= openWithLibreOffice(ALL_FILES()));
