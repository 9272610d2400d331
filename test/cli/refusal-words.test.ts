/**
 * The command line's refusals speak the display language (issue 19): in Chinese, the default, one line
 * `hlj-screen：<中文原因>（<English reason>）` — the Chinese in the glossary's words for the officer, the English kept in
 * brackets for scripts and logs that look for it; with --lang en the English alone, as before. Exit 2 either way.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { refusalParts, refusalProblems } from "../helpers/refusal-line";
import { runCli } from "../helpers/run-cli";

const dir = mkdtempSync(join(tmpdir(), "hlj-refusals-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const at = (name: string) => join(dir, name);

beforeAll(async () => {
  writeFileSync(at("applicants.xlsx"), readFileSync(join(__dirname, "../../examples/applicants.xlsx")));
  writeFileSync(at("text.xlsx"), "this is not a workbook");
  mkdirSync(at("folder.xlsx"));
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("名单").addRow(["企业名称", "备注"]);
  await workbook.xlsx.writeFile(at("no-table.xlsx"));
});

// argv (names resolved in `dir`), then words each line holds: Chinese, and English.
const CASES: [what: string, argv: string[], zh: string, en: string][] = [
  ["a missing file", ["nope.xlsx"], "文件或文件夹不存在", "cannot read NOPE.XLSX: no such file or folder"],
  ["a folder as input", ["folder.xlsx", "-o", "out.xlsx"], "这是一个文件夹", "cannot read FOLDER.XLSX: it is a folder"],
  ["not an xlsx", ["text.xlsx"], "不是 Excel 工作簿", "not an .xlsx workbook"],
  [
    "a bad option value",
    ["applicants.xlsx", "--lpr-mode", "daily"],
    "--lpr-mode 应为",
    '--lpr-mode must be fixed or floating, not "daily"',
  ],
  ["a bad day count", ["applicants.xlsx", "--day-count", "366"], "--day-count 应为 360 或 365", "--day-count must be 360 or 365"],
  ["a bad --lang itself", ["applicants.xlsx", "--lang", "fr"], "--lang 应为", '--lang must be zh or en, not "fr"'],
  ["an unknown option", ["applicants.xlsx", "--fast"], "未知选项 --fast", "unknown option --fast"],
  ["the output equal to the input", ["applicants.xlsx", "-o", "applicants.xlsx"], "就是输入文件", "is the input file: choose another -o"],
  ["the JSON file equal to the input", ["applicants.xlsx", "--json", "applicants.xlsx"], "就是输入文件", "choose another --json"],
  ["no applicant table", ["no-table.xlsx", "-o", "out.xlsx"], "没有申报表", "no applicant table"],
  ["no input at all", [], "没有给出输入工作簿", "no input workbook given"],
];

const resolved = (argv: string[]) => argv.map((a) => (/\.xlsx$/.test(a) ? at(a) : a));
const named = (text: string) => text.replace(/[A-Z-]+\.XLSX/g, (name) => at(name.toLowerCase()));

describe("in Chinese, the default: 中文原因（English reason）", () => {
  test.each(CASES)("%s", async (_what, argv, zh, en) => {
    const { code, stdout, stderr } = await runCli(...resolved(argv));
    expect(code).toBe(2);
    expect(stdout).toBe("");
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    const parts = refusalParts(lines[0]);
    expect(parts).not.toBeNull();
    expect(parts!.zh).toContain(zh);
    expect(parts!.en).toContain(named(en));
    // The Chinese part in the glossary's words: no English but the paths typed, option names and quoted values.
    expect(
      refusalProblems(
        parts!.zh,
        resolved(argv).filter((a) => a.startsWith(dir)),
      ),
    ).toEqual([]);
  });
});

describe("--lang en: the English alone, as before", () => {
  test.each(CASES.filter(([what]) => what !== "a bad --lang itself"))("%s", async (_what, argv, zh, en) => {
    const { code, stderr } = await runCli(...resolved(argv), "--lang", "en");
    expect(code).toBe(2);
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^hlj-screen: /);
    expect(lines[0]).toContain(named(en));
    expect(lines[0]).not.toContain(zh); // (the English names the Chinese headers a table needs, as typed)
    expect(lines[0]).not.toMatch(/[（）：]/);
  });

  test("--lang=en before the mistake, and --lang en after it", async () => {
    for (const argv of [
      ["--lang=en", at("nope.xlsx")],
      [at("nope.xlsx"), "--fast", "--lang", "en"],
    ]) {
      const { code, stderr } = await runCli(...argv);
      expect(code).toBe(2);
      expect(stderr).toMatch(/^hlj-screen: [^\n]*\n$/);
    }
  });
});
