import { execFileSync } from "child_process";
import { createHash } from "crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { isoToExcelSerial } from "../../core/dates/excel-serial";
import { checkUscc } from "../../core/uscc/uscc";
import { makeUscc } from "../helpers/uscc";
import { runCli } from "../helpers/run-cli";

const ROOT = join(__dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "hlj-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = runCli;

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

async function load(file: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** An amount as the command line prints it: thousands separators, two decimals. */
const yuan = (amount: string) => Number(amount).toLocaleString("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

describe("hlj-screen on the adversarial workbook", () => {
  const input = join(dir, "adversarial.xlsx");
  const output = join(dir, "adversarial.out.xlsx");
  const json = join(dir, "adversarial.json");
  let before: string;
  let result: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    execFileSync(process.execPath, [join(ROOT, "examples/make-adversarial.mjs"), input]);
    before = sha256(input);
    result = await run(input, "-o", output, "--json", json);
  }, 60_000);

  test("screens (exit 0) and leaves the input byte-identical", () => {
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(sha256(input)).toBe(before);
  });

  test("every row appears once, in order, with the status its case expects and a named error", async () => {
    const all = JSON.parse(readFileSync(json, "utf8"));
    // The 申报 sheet's rows here; the 版式 sheet has its own test below.
    const screened = { ...all, rows: all.rows.filter((r: { source: string }) => r.source.startsWith("申报!")) };
    const sheet = (await load(input)).getWorksheet("申报")!;
    const expected: { source: string; status: string; kind: string }[] = [];
    sheet.eachRow((row, n) => {
      if (n > 3 && row.getCell(2).value)
        expected.push({ source: `申报!${n}`, status: String(row.getCell(2).value), kind: String(row.getCell(1).value) });
    });
    expect(expected.length).toBeGreaterThanOrEqual(40);
    // Rows expected to be skipped (a 合计 row) are listed with their cell in the table's skipped rows.
    const skipped = expected.filter((e) => e.status === "skipped");
    const listed = screened.tables.flatMap((t: { skipped: { cell: string }[] }) => t.skipped.map((s) => s.cell.replace(/![A-Z]+/, "!")));
    expect(listed).toEqual(expect.arrayContaining(skipped.map((e) => e.source)));
    expected.splice(0, expected.length, ...expected.filter((e) => e.status !== "skipped"));
    expect(screened.rows.map((r: { source: string }) => r.source)).toEqual(expected.map((e) => e.source));
    screened.rows.forEach((row: { status: string; reasons: { severity: string; en: string }[] }, i: number) => {
      expect({ kind: expected[i].kind, status: row.status }).toEqual({ kind: expected[i].kind, status: expected[i].status });
      if (row.status === "error") expect(row.reasons.find((r) => r.severity === "error")!.en).toMatch(/^申报!([A-Z]+)?\d+/);
    });
  });

  test("the 版式 sheet, laid out as a bureau lays one out: its applicants read right, its other rows listed as skipped", () => {
    const screened = JSON.parse(readFileSync(json, "utf8"));
    const rows = screened.rows.filter((r: { source: string }) => r.source.startsWith("版式!"));
    expect(rows.map((r: { source: string; status: string }) => [r.source, r.status])).toEqual([
      ["版式!7", "eligible"],
      ["版式!9", "eligible"],
      ["版式!11", "eligible"],
      ["版式!19", "eligible"],
    ]);
    // 500 万元 at 3.85% (percent points under the units row's %), from 2025-07-01 but subsidised from the draft's
    // stand-in issue date 2025-10-23 → 2026-01-01: 70 days at the 3.00% LPR (revision 3; 184 days before).
    expect(rows[0].final).toBe("29166.67");
    const skipped = screened.tables
      .filter((t: { sheet: string }) => t.sheet === "版式")
      .flatMap((t: { skipped: { cell: string; kind: string }[] }) => t.skipped.map((s) => [s.cell, s.kind]));
    expect(skipped).toEqual([
      ["版式!A6", "units"],
      ["版式!A10", "header"],
      ["版式!A12", "total"],
      ["版式!A14", "footer"],
      ["版式!A17", "text"],
      ["版式!A20", "serialOnly"],
      ["版式!A21", "total"],
    ]);
    expect(
      screened.issues.filter((i: { severity: string; cell?: string }) => i.severity === "warning" && i.cell?.startsWith("版式")),
    ).toEqual([]);
  });

  test("formula-looking names are written as text, never as formulas", async () => {
    const results = (await load(output)).getWorksheet("HLJ筛查结果")!;
    const names: { value: unknown; type: number }[] = [];
    results.eachRow((row, n) => {
      if (n > 1) names.push({ value: row.getCell(3).value, type: row.getCell(3).type });
    });
    for (const text of ['=HYPERLINK("http://x","y")', "=1+1", "@SUM(A1) +1 -1"]) {
      const found = names.find((x) => x.value === text);
      expect(found).toBeDefined();
      expect(found!.type).toBe(ExcelJS.ValueType.String);
    }
  });

  test("the user's sheets keep their values and formulas; a user's sheet named HLJ汇总 is kept", async () => {
    const original = await load(input);
    const copy = await load(output);
    for (const sheet of original.worksheets) {
      const other = copy.getWorksheet(sheet.name)!;
      expect(other).toBeDefined();
      sheet.eachRow({ includeEmpty: true }, (row, n) => {
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          expect([sheet.name, cell.address, other.getRow(n).getCell(c).value]).toEqual([sheet.name, cell.address, cell.value]);
        });
      });
    }
    expect(copy.getWorksheet("HLJ汇总")!.getCell("A1").value).toBe("这是用户自己的工作表，不能被覆盖");
    expect(copy.getWorksheet("HLJ汇总 (2)")!.getCell("A1").value).toBe("黑龙江电商政策申报筛查汇总");
    expect(copy.getWorksheet("申报")!.getCell("Z4").formula).toBe("SUM(J4:J10)");
  });

  test("the results sheet is made for people: bold frozen header, autofilter, #,##0.00 amounts, status colours", async () => {
    const sheet = (await load(output)).getWorksheet("HLJ筛查结果")!;
    // The review list: title and head lines above the header row (row 7), frozen under it.
    const at = 7;
    expect(sheet.getRow(at).getCell(1).value).toBe("序号");
    const header = (sheet.getRow(at).values as string[]).slice(1);
    const column = (name: string) => header.indexOf(name) + 1;
    expect(sheet.getRow(at).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(at).getCell(1).font?.size).toBe(10);
    expect(sheet.getRow(1).getCell(1).font).toMatchObject({ bold: true, size: 14 });
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: at });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getRow(at + 1).getCell(column("核定金额")).numFmt).toBe("#,##0.00");
    expect(sheet.getRow(at + 1).getCell(column("状态")).fill).toMatchObject({ type: "pattern" });
    expect(sheet.getRow(at + 1).getCell(column("状态代码")).value).toMatch(/^(eligible|ineligible|superseded|manual|not_cash|error)$/);
    const summary = (await load(output)).getWorksheet("HLJ汇总 (2)")!;
    expect(String(summary.getCell("B4").value)).toBe(
      "LPR取值：固定利率（放款日LPR）；计息天数：实际天数/360；不重复范围：同一企业同一申报年度；已获其他省级支持：补足差额；贴息区间：按年度据实；假定自2025-10-23起施行（征求意见稿发布日期），以正式印发日期为准",
    );
  });

  test("a rerun on its own output replaces its sheets instead of adding more", async () => {
    const again = join(dir, "again.xlsx");
    expect((await run(output, "-o", again, "--quiet")).code).toBe(0);
    const names = (await load(again)).worksheets.map((w) => w.name);
    expect(names).toEqual((await load(output)).worksheets.map((w) => w.name));
  });
});

describe("hlj-screen options, output and exit codes", () => {
  const serial = (iso: string) => isoToExcelSerial(iso)!;
  const workbookFile = join(dir, "examples.xlsx");
  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("申报");
    sheet.addRow([
      "统一社会信用代码",
      "申报年度",
      "申报条款",
      "主体资格",
      "总投资额",
      "贷款金额",
      "贷款利率",
      "放款日期",
      "到期日期",
      "新增实物网络零售额",
    ]);
    sheet.addRow([makeUscc(1), 2025, "M1", "是", 20_000_000, 10_000_000, 0.0345, serial("2025-06-01"), serial("2027-05-31")]);
    sheet.addRow([makeUscc(2), 2025, "M1", "是", 80_000_000, 50_000_000, 0.036, serial("2025-01-15"), serial("2029-01-15")]);
    sheet.addRow([makeUscc(3), 2025, "M1", "是", 25_000_000, 50_000_000, 0.036, serial("2025-01-15"), serial("2029-01-15")]);
    sheet.addRow([makeUscc(4), 2025, "M8b", null, null, 8_000_000, 0.04, serial("2024-06-01"), serial("2025-06-01")]);
    sheet.addRow([makeUscc(5), 2025, "M3", "是", null, null, null, null, null, 150_000_000]);
    sheet.addRow([makeUscc(6), 2025, "M3", "是", null, null, null, null, null, 12_345_678.9]);
    sheet.addRow([makeUscc(7), 2025, "M3", "是", null, null, null, null, null, 10_000_000]);
    await workbook.xlsx.writeFile(workbookFile);
  });

  test("every RULES.md worked example comes out of the CLI to the fen (JSON on stdout)", async () => {
    // The summary in English (--lang en); the loan run below prints it in the default Chinese.
    const { code, stdout, stderr } = await run(workbookFile, "-o", join(dir, "ex.out.xlsx"), "--json", "-", "--lang", "en");
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    // The default, interestWindow award-year: each loan's days of 2025 inside the policy period, which runs from
    // the draft's stand-in issue date 2025-10-23 (RULES.md revision 3; the 8b loan ended before it).
    expect(json.rows.map((r: { final: string }) => r.final)).toEqual([
      "58333.33",
      "301388.89",
      "301388.89",
      "0.00",
      "3000000.00",
      "246913.58",
      "0.00",
    ]);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(["policy", "options", "rows", "totals"]));
    expect(json.totals.final).toBe("3908024.69");
    // Revision 3: the amounts to pay and those awaiting a person's decision, two figures, never one sum.
    expect(stderr).toContain(
      `to pay ${yuan(json.totals.byStatus.eligible?.final ?? "0")} yuan · awaiting a person's decision ${yuan(json.totals.byStatus.manual?.final ?? "0")} yuan`,
    );
    expect(stderr).not.toContain("total final");
    expect(json.options.effectiveFrom).toBe("2025-10-23");
    expect(stderr).toContain("effectiveFrom=2025-10-23");
    expect(stderr).toContain("Assumed in force from 2025-10-23 (the date the draft was published); the issued text's date prevails");
    // Revision 3, change 8: the readings the default options make, printed with them; the JSON lists all three.
    expect(stderr).toContain("no duplication per entity and award year: the text says 同一法人主体");
    expect(stderr).toContain("同期 LPR is the one-year LPR in force on the loan's start date");
    expect(stderr).not.toContain("assumptions=");
    expect(json.options.assumptions).toHaveLength(3);
    expect(json.rows[0].explain.en).toContain("Window: 2025-10-23 to 2025-12-31 (inclusive), 70 days");
    expect(json.rows[0].explain.zh).toContain("计息区间：2025-10-23 至 2025-12-31（含），70天");
    const whole = await run(workbookFile, "-o", join(dir, "ex.loan.xlsx"), "--json", "-", "--interest-window", "loan");
    // The command line speaks the display language, Chinese by default: no "rows", no measure ids.
    expect(whole.stderr).toMatch(/申报 7 行 · 企业 \d+ 家 · 拟支持 [\d,]+\.\d\d 元 · 待人工核定 [\d,]+\.\d\d 元/);
    expect(whole.stderr).not.toContain("核定金额合计");
    expect(whole.stderr).toContain("贴息区间：整笔贷款一次计算");
    expect(whole.stderr).toContain("按条款");
    expect(whole.stderr).toMatch(/\n {2}第8条\(2\) +1 行 +0\.00\n/);
    expect(whole.stderr).toMatch(/\n {2}从优不重复|\n {2}符合条件/);
    expect(whole.stderr).not.toMatch(/\brows?\b|\bM\d/);
    expect(JSON.parse(whole.stdout).rows.map((r: { final: string }) => r.final)).toEqual([
      "487500.00",
      "3444444.44",
      "2000000.00",
      "0.00",
      "3000000.00",
      "246913.58",
      "0.00",
    ]);
  });

  test("--lpr-mode floating and the other options reach the result", async () => {
    const { code, stdout } = await run(
      workbookFile,
      "-o",
      join(dir, "fl.xlsx"),
      "--json",
      "-",
      "--lpr-mode",
      "floating",
      "--dedup",
      "entity-project",
      "--other-support=exclude",
      "--interest-window",
      "loan",
      "--effective-from",
      "2025-01-01",
    );
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.options).toMatchObject({
      lprMode: "floating",
      dedupScope: "entity-project",
      otherSupport: "exclude",
      interestWindow: "loan",
      effectiveFrom: "2025-01-01",
    });
    // Issued on 2025-01-01: 139 days at 3.10% and 12 at 3.00% of the 8b loan lie inside the policy period.
    expect(json.rows[3].final).toBe("103755.56");
    expect(json.rows[3].explain.en).toContain("Window: 2025-01-01 to 2025-05-31 (inclusive), 151 days");
  });

  test("the default output is INPUT.screened.xlsx", async () => {
    const copy = join(dir, "plain.xlsx");
    writeFileSync(copy, readFileSync(workbookFile));
    expect((await run(copy, "--quiet")).code).toBe(0);
    expect((await load(join(dir, "plain.screened.xlsx"))).getWorksheet("HLJ筛查结果")).toBeDefined();
  });

  test.each`
    what                        | argv                                              | message
    ${"a missing file"}         | ${["nope.xlsx"]}                                  | ${"cannot read nope.xlsx: no such file"}
    ${"not an xlsx"}            | ${["NOT_XLSX"]}                                   | ${"not an .xlsx workbook"}
    ${"no applicant table"}     | ${["NO_TABLE"]}                                   | ${"no applicant table"}
    ${"output over the input"}  | ${["EXAMPLES", "-o", "EXAMPLES"]}                 | ${"is the input file"}
    ${"an unknown option"}      | ${["EXAMPLES", "--fast"]}                         | ${"unknown option --fast"}
    ${"a bad option value"}     | ${["EXAMPLES", "--dedup", "entity"]}              | ${"--dedup must be entity-year or entity-project"}
    ${"a bad issue date"}       | ${["EXAMPLES", "--effective-from", "2025-10-32"]} | ${'--effective-from must be a date YYYY-MM-DD (the policy\'s issue date), not "2025-10-32"'}
    ${"an issue date too late"} | ${["EXAMPLES", "--effective-from", "2028-01-01"]} | ${"option effectiveFrom (the policy's issue date) 2028-01-01 is after the end of the policy's period, 2027-12-31"}
    ${"no input at all"}        | ${[]}                                             | ${"no input workbook given"}
  `("exit 2 with one clear line on $what", async ({ argv, message }) => {
    const notXlsx = join(dir, "text.xlsx");
    writeFileSync(notXlsx, "this is not a workbook");
    const noTable = join(dir, "notable.xlsx");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Sheet1").addRow(["hello", "world"]);
    await workbook.xlsx.writeFile(noTable);
    const args = (argv as string[]).map((a) =>
      a === "NOT_XLSX" ? notXlsx : a === "NO_TABLE" ? noTable : a === "EXAMPLES" ? workbookFile : a,
    );
    const { code, stderr } = await run(...args);
    expect(code).toBe(2);
    expect(stderr.split("\n")[0]).toContain(message);
    expect(stderr.split("\n")[0]).toMatch(/^hlj-screen：.*\p{Script=Han}.*（.+）$/u); // Chinese first, the English in brackets
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  test("--help", async () => {
    const { code, stdout } = await run("--help");
    expect(code).toBe(0);
    expect(stdout).toContain("usage: hlj-screen INPUT.xlsx [-o OUTPUT.xlsx] [--json FILE|-] [--lpr-mode fixed|floating]");
    expect(stdout).toContain("[--effective-from YYYY-MM-DD]");
    expect(stdout).toContain("--effective-from  the policy's issue date, the first day interest is subsidised");
  });
});

describe("the bundled sample workbook", () => {
  test("has at least 60 rows over every cash measure, non-cash rows, invalid rows and a 历史兑现 sheet", async () => {
    const output = join(dir, "applicants.out.xlsx");
    const { code, stdout } = await run(join(ROOT, "examples/applicants.xlsx"), "-o", output, "--json", join(dir, "applicants.json"));
    expect(code).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, "applicants.json"), "utf8"));
    // Revision 3: 拟支持 (eligible) and 待人工核定 (manual) are two figures on the summary line, never one sum.
    const toPay = json.totals.byStatus.eligible.final;
    const pending = json.totals.byStatus.manual.final;
    expect(Number(pending)).toBeGreaterThan(0);
    expect(stdout).toContain(`企业 ${json.totals.entities} 家 · 拟支持 ${yuan(toPay)} 元 · 待人工核定 ${yuan(pending)} 元`);
    expect(stdout).not.toContain("核定金额合计");
    expect(json.rows.length).toBeGreaterThanOrEqual(60);
    const measures = new Set(json.rows.map((r: { measure: string }) => r.measure));
    for (const id of ["M1", "M2", "M3", "M4a", "M4b", "M5", "M6a", "M6b", "M7", "M8a", "M8b", "M14", "M19"]) expect(measures).toContain(id);
    const statuses = new Set(json.rows.map((r: { status: string }) => r.status));
    for (const status of ["eligible", "ineligible", "superseded", "not_cash", "error", "manual"]) expect(statuses).toContain(status);
    expect((await load(join(ROOT, "examples/applicants.xlsx"))).getWorksheet("历史兑现")).toBeDefined();
    expect(
      json.rows.some((r: { reasons: { code: string }[] }) =>
        r.reasons.some((x) => x.code === "already_received" || x.code === "cap_applied"),
      ),
    ).toBe(true);
  });

  test("the template has the canonical headers, drop-downs and an instructions sheet", async () => {
    const template = await load(join(ROOT, "examples/申报模板.xlsx"));
    const sheet = template.getWorksheet("申报")!;
    expect(sheet.getRow(1).values).toEqual(
      expect.arrayContaining(["统一社会信用代码", "申报年度", "申报条款", "主体资格", "首次达到", "示范级别"]),
    );
    const validations = (sheet as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } })
      .dataValidations.model;
    const lists = Object.values(validations)
      .filter((v) => v.type === "list")
      .map((v) => v.formulae[0]);
    expect(lists).toEqual(expect.arrayContaining(['"是,否"', '"国家级,省级"']));
    expect(lists.some((f) => f.includes("条款列表"))).toBe(true);
    const guide = template.getWorksheet("填写说明")!;
    expect(guide).toBeDefined();
    // The instructions' example credit code passes the project's own check.
    const codeRow = guide.getRows(2, guide.rowCount - 1)!.find((row) => row.getCell(1).value === "统一社会信用代码")!;
    expect(checkUscc(String(codeRow.getCell(4).value)).valid).toBe(true);
  });
});

describe("the summary's chart", () => {
  test("a real column chart of awards by measure, anchored on the summary sheet, readable back", async () => {
    const JSZip = (await import("jszip")).default;
    const output = join(dir, "chart.xlsx");
    expect((await run(join(ROOT, "examples/applicants.xlsx"), "-o", output, "--quiet")).code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(output));
    const chart = await zip.file("xl/charts/chart1.xml")!.async("string");
    expect(chart).toContain("<c:barChart>");
    // Its data: the 万元 amounts in the summary's hidden columns H–J.
    expect(chart).toContain("'HLJ汇总'!$H$");
    expect(chart).toContain("<c:v>第1条</c:v>");
    const sheets = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))
        .map((f) => zip.file(f)!.async("string")),
    );
    const summaryXml = sheets.find((x) => x.includes("<drawing"))!;
    // The drawing is a top-level element after the page setup, not inside a conditional format.
    expect(summaryXml.indexOf("<drawing")).toBeGreaterThan(summaryXml.lastIndexOf("</conditionalFormatting>"));
    expect(summaryXml.indexOf("<drawing")).toBeGreaterThan(summaryXml.indexOf("<pageMargins"));
    const types = await zip.file("[Content_Types].xml")!.async("string");
    expect(types).toContain('PartName="/xl/charts/chart1.xml"');
    const workbook = await load(output);
    expect(workbook.getWorksheet("HLJ汇总")).toBeDefined();
  });
});
