/**
 * Workbooks as offices lay them out (SCREENING.md): each layout a bureau's 申报汇总表 uses, as a test that
 * revision 1 failed (it read the units row as an applicant, lost the loan columns, read 万元 as yuan, took 合计
 * for an entity and a city, screened the footer, missed a header on row 50 and read a second table as rows of
 * the first).
 */
import { screenWorkbook } from "../../../core/screening/screen";
import { isoToExcelSerial } from "../../../core/dates/excel-serial";
import { makeUscc } from "../../helpers/uscc";

const A = makeUscc(201);
const B = makeUscc(202, "230600");
const C = makeUscc(203, "231000");
const serial = (iso: string) => isoToExcelSerial(iso)!;
const statuses = (result: ReturnType<typeof screenWorkbook>) => result.rows.map((r) => [r.source, r.status, r.final]);

describe("a bureau's summary table", () => {
  const values = [
    ["2025年度电子商务政策资金申报汇总表"],
    ["填报单位：哈尔滨市商务局（盖章）", null, null, null, null, null, null, "填报日期：2025年12月20日"],
    [],
    [
      "序号",
      "企业名称",
      "统一社会信用代码",
      "申报年度",
      "申报条款",
      "总投资额",
      "贷款情况",
      null,
      null,
      null,
      "新增实物网络零售额",
      "限额以上在统",
    ],
    [null, null, null, null, null, null, "贷款金额", "贷款利率", "放款日期", "到期日期", null, null],
    [null, null, null, null, null, "万元", "万元", "%", null, null, "万元", null],
    [1, "甲公司", A, 2025, "M5", 260, 1000, 4.2, serial("2025-06-01"), serial("2027-06-01"), null, null],
    [],
    [2, "乙公司", B, 2025, "M3", null, null, null, null, null, 1580.5, "是"],
    [3, "丙公司", C, 2025, "第8条(2)", null, 500, 0.0385, serial("2025-03-01"), serial("2026-03-01"), null, null],
    ["合计", null, null, null, null, 260, 1600, null, null, null, 1580.5, null],
    [],
    ["填表人：张明", null, null, null, "审核人：李华", null, null, "联系电话：0451-86012345"],
    ["注：金额单位见单位行。"],
  ];
  const numberFormats: (string | undefined)[][] = [];
  numberFormats[9] = [];
  numberFormats[9][7] = "0.00%";
  const result = screenWorkbook({ sheets: [{ name: "申报汇总表", values, numberFormats }] });

  test("the two header rows are one header: the group cell 贷款情况 and the names beneath it", () => {
    const table = result.tables[0];
    expect(table).toMatchObject({ headerRow: 5, headerRows: 2, unitsRow: 6, rows: 3 });
    expect(table.columns.map((c) => [c.field, c.column])).toEqual(
      expect.arrayContaining([
        ["entityId", "C"],
        ["principal", "G"],
        ["loanRate", "H"],
        ["startDate", "I"],
        ["endDate", "J"],
        ["onlineRetailIncrease", "K"],
      ]),
    );
    expect(table.ignoredHeaders).toEqual(["序号"]);
  });

  test("applicants only: the title, the units row, 合计 and the footer are skipped and listed with their cells", () => {
    expect(result.rows.map((r) => r.source)).toEqual(["申报汇总表!7", "申报汇总表!9", "申报汇总表!10"]);
    expect(result.rows.every((r) => r.status === "eligible")).toBe(true);
    expect(result.tables[0].skipped).toEqual([
      { cell: "申报汇总表!A6", kind: "units", text: "" },
      { cell: "申报汇总表!A11", kind: "total", text: "合计" },
      { cell: "申报汇总表!A13", kind: "footer", text: "填表人：张明" },
      { cell: "申报汇总表!A14", kind: "footer", text: "注：金额单位见单位行。" },
    ]);
    expect(result.issues.filter((i) => i.severity === "info").map((i) => i.cell)).toEqual([
      "申报汇总表!A6",
      "申报汇总表!A11",
      "申报汇总表!A13",
      "申报汇总表!A14",
    ]);
    // 合计 is neither an entity nor a city.
    expect(result.totals.entities).toBe(3);
    expect(Object.keys(result.totals.byCity)).not.toContain("合计");
  });

  test("the units row scales its columns: 万元 × 10,000; % reads points, a percentage-formatted cell is a fraction", () => {
    const [m5, m3, m8b] = result.rows;
    expect(m3.final).toBe("316100.00"); // 15,805,000 × 2%
    // 260万元 and 4.2 (points) as read, in the appendix's lines: the condition, the rate and the principal.
    expect(m5.explain.en).toContain("Condition: total investment 2,600,000.00 above 1,000,000.00: met");
    expect(m5.explain.en).toMatch(/Rate: loan rate 4\.20% vs LPR /);
    expect(m5.explain.en).toMatch(/Interest: 10,000,000\.00 × /);
    expect(m8b.explain.en).toMatch(/Rate: loan rate 3\.85% vs LPR /);
    expect(m8b.explain.en).toMatch(/Interest: 5,000,000\.00 × /);
  });

  test("合计's sums are checked against the rows above: a wrong sum is a warning naming the column", () => {
    const warnings = result.issues.filter((i) => i.severity === "warning");
    expect(warnings.map((w) => w.cell)).toEqual(["申报汇总表!G11"]);
    expect(warnings[0].en).toBe(
      "申报汇总表!G11 (合计, 贷款金额): 1,600.00, but the 2 rows above add up to 1,500.00, a difference of 100.00: check the column (loan principal) or the total",
    );
  });
});

describe("units rows as bureaus write them", () => {
  test("a 单位 label in the first column and date hints (年-月-日) under the date columns", () => {
    const values = [
      ["序号", "统一社会信用代码", "申报年度", "申报条款", "贷款金额", "贷款利率", "放款日期", "到期日期"],
      ["单位：", null, null, null, "万元", "%", "年-月-日", "yyyy-mm-dd"],
      [1, A, 2025, "M8b", 1000, 3.45, "2025-06-01", "2027-05-31"],
    ];
    for (const engine of ["fast", "reference"] as const) {
      const result = screenWorkbook({ sheets: [{ name: "s", values }] }, { engine });
      expect(result.tables[0].unitsRow).toBe(2);
      // 1000 万元 at 3.45% from 2025-06-01: 2025's interest, RULES.md's worked example.
      expect(statuses(result)).toEqual([["s!3", "eligible", "58333.33"]]);
    }
  });
});

describe("where the header is and how many tables a sheet holds", () => {
  const header = ["统一社会信用代码", "企业名称", "申报年度", "申报条款", "限额以上在统", "新增实物网络零售额"];
  const row = (code: string, increase: number) => [code, "某公司", 2025, "M3", "是", increase];

  test("a header on row 50 is found (revision 1 stopped at row 30)", () => {
    const values = [...Array.from({ length: 49 }, (_, i) => [`说明第${i + 1}条`]), header, row(A, 20_000_000)];
    const result = screenWorkbook({ sheets: [{ name: "附表", values }] });
    expect(result.tables[0].headerRow).toBe(50);
    expect(statuses(result)).toEqual([["附表!51", "eligible", "400000.00"]]);
  });

  test("a second table lower on the sheet is read with its own header; a header printed again is skipped", () => {
    const values = [
      header,
      row(A, 20_000_000),
      row(B, 30_000_000),
      ["小计", null, null, null, null, 50_000_000],
      header, // the same header again, on the next printed page
      row(C, 12_000_000),
      [],
      ["第二部分：跨境电商（续表）"],
      ["统一社会信用代码", "申报年度", "申报条款", "进出口额（万元）", "首次达到", "补贴基数"],
      [makeUscc(204), 2025, "4a", 600, "是", 300_000],
      ["总计", null, null, 600, null, 300_000],
    ];
    const result = screenWorkbook({ sheets: [{ name: "申报", values }] });
    expect(result.tables.map((t) => [t.headerRow, t.rows])).toEqual([
      [1, 3],
      [9, 1],
    ]);
    expect(statuses(result)).toEqual([
      ["申报!2", "eligible", "400000.00"],
      ["申报!3", "eligible", "600000.00"],
      ["申报!6", "eligible", "240000.00"],
      ["申报!10", "eligible", "150000.00"],
    ]);
    expect(result.tables[0].skipped.map((s) => [s.cell, s.kind])).toEqual([
      ["申报!A4", "total"],
      ["申报!A5", "header"],
      ["申报!A8", "text"],
    ]);
    expect(result.tables[1].skipped.map((s) => [s.cell, s.kind])).toEqual([["申报!A11", "total"]]);
    expect(result.issues.filter((i) => i.severity === "warning")).toEqual([]);
  });

  test("blank columns, a 序号 column and a row of column numbers under the header", () => {
    const values = [
      ["序号", null, "统一社会信用代码", null, "申报年度", "申报条款", "限额以上在统", "新增实物网络零售额"],
      [1, null, 2, null, 3, 4, 5, 6],
      [1, null, A, null, 2025, "M3", "是", 20_000_000],
      [2, null, B, null, 2025, "M3", "否", 20_000_000],
    ];
    const result = screenWorkbook({ sheets: [{ name: "s", values }] });
    expect(statuses(result)).toEqual([
      ["s!3", "eligible", "400000.00"],
      ["s!4", "ineligible", "0.00"],
    ]);
    expect(result.tables[0].skipped).toEqual([{ cell: "s!A2", kind: "numbering", text: "" }]);
  });

  test("a pre-numbered form: rows with only their 序号 are skipped and listed, not applicants in error", () => {
    const values = [
      ["序号", "统一社会信用代码", "申报年度", "申报条款", "限额以上在统", "新增实物网络零售额", "备注"],
      [1, A, 2025, "M3", "是", 20_000_000, null],
      [2, null, null, null, null, null, null],
      [3, null, null, null, null, null, null],
      // Something in a column read: an application with missing cells, as before.
      [4, null, 2025, null, null, null, null],
      // Text outside the columns read is not a number: an error row that a person sees.
      [5, null, null, null, null, null, "待补"],
    ];
    for (const engine of ["fast", "reference"] as const) {
      const result = screenWorkbook({ sheets: [{ name: "s", values }] }, { engine });
      expect(statuses(result)).toEqual([
        ["s!2", "eligible", "400000.00"],
        ["s!5", "error", "0.00"],
        ["s!6", "error", "0.00"],
      ]);
      expect(result.tables[0].skipped).toEqual([
        { cell: "s!A3", kind: "serialOnly", text: "2" },
        { cell: "s!A4", kind: "serialOnly", text: "3" },
      ]);
      expect(result.issues.map((i) => i.en)).toContain('s!A3: an empty row with only its number (序号) "2", not read as an application');
    }
  });

  test("total rows of every kind (合计, 小计, 总计, 累计, 本页合计; spaced, or not in the first column) are skipped", () => {
    const values = [header, row(A, 20_000_000), ["合 计"], [null, "小计"], ["总计"], ["累计"], ["本页合计"]];
    const result = screenWorkbook({ sheets: [{ name: "s", values }] });
    expect(result.rows).toHaveLength(1);
    expect(result.tables[0].skipped.map((s) => s.kind)).toEqual(["total", "total", "total", "total", "total"]);
  });

  test("a total written with a colon or its unit (小计：, 合计（万元）, 总计[元]) is a total row too", () => {
    const values = [header, row(A, 20_000_000), ["小计："], ["合计（万元）"], ["总计[元]:"], ["本页合计【万元】"]];
    const result = screenWorkbook({ sheets: [{ name: "s", values }] });
    expect(result.rows).toHaveLength(1);
    expect(result.tables[0].skipped.map((s) => [s.kind, s.text])).toEqual([
      ["total", "小计："],
      ["total", "合计（万元）"],
      ["total", "总计[元]:"],
      ["total", "本页合计【万元】"],
    ]);
  });
});

describe("number formats, date systems and unsaved formulas", () => {
  const header = ["统一社会信用代码", "申报年度", "申报条款", "贷款金额", "贷款利率(%)", "放款日期", "到期日期"];

  test("a percentage-formatted cell holds a fraction whatever the header says", () => {
    const values = [header, [A, 2025, "M8b", 10_000_000, 0.0345, serial("2025-06-01"), serial("2027-05-31")]];
    const plain = screenWorkbook({ sheets: [{ name: "s", values }] });
    expect(plain.rows[0].reasons[0].code).toBe("out_of_range"); // 0.0345 in a % column: read as 0.0345%
    const formatted = screenWorkbook({
      sheets: [{ name: "s", values, numberFormats: [[], [undefined, undefined, undefined, undefined, "0.00%"]] }],
    });
    expect(formatted.rows[0]).toMatchObject({ status: "eligible", final: "58333.33" });
  });

  test("the 1904 date system: its serials are read as such", () => {
    const in1904 = (iso: string) => serial(iso) - 1462;
    const values = [header, [A, 2025, "M8b", 10_000_000, 3.45, in1904("2025-06-01"), in1904("2027-05-31")]];
    expect(screenWorkbook({ sheets: [{ name: "s", values }], date1904: true }).rows[0].final).toBe("58333.33");
    // Read as 1900 serials the same numbers are four years earlier: a 2021 loan earns nothing in 2025.
    expect(screenWorkbook({ sheets: [{ name: "s", values }] }).rows[0].final).toBe("0.00");
  });

  test("a formula without a saved value says so: open and save the file in Excel first", () => {
    const values = [header, [A, 2025, "M8b", { uncalculated: "=B2*10000" }, 3.45, serial("2025-06-01"), serial("2027-05-31")]];
    const result = screenWorkbook({ sheets: [{ name: "s", values }] });
    expect(result.rows[0].status).toBe("error");
    expect(result.rows[0].reasons[0].en).toBe(
      "s!D2 贷款金额: the formula =B2*10000 has no saved value: open and save the file in Excel first",
    );
  });
});

describe("table-level warnings say which column to check", () => {
  test("a header row that maps fewer than the required fields is named, with the columns not recognised", () => {
    const values = [
      ["信用代码", "企业名称", "年份", "条目"],
      [A, "甲", 2025, "M3"],
    ];
    expect(() => screenWorkbook({ sheets: [{ name: "s", values }] })).toThrow(
      /s!1 looks like a header .* but has no measure column: check .*"条目"/,
    );
    const other = screenWorkbook({
      sheets: [
        { name: "s", values },
        {
          name: "M3",
          values: [
            ["统一社会信用代码", "申报年度", "限额以上在统", "新增实物网络零售额"],
            [B, 2025, "是", 20_000_000],
          ],
        },
      ],
    });
    expect(other.issues.find((i) => i.severity === "warning")!.en).toMatch(
      /^s!1 looks like a header \(信用代码 \(A\) → USCC, 企业名称 \(B\) → name, 年份 \(C\) → year\) but has no measure column: check the headers of the columns not recognised: "条目"$/,
    );
  });

  test("a column that fails for most rows is one warning naming the column, beside each row's error", () => {
    const values = [
      ["统一社会信用代码", "申报年度", "申报条款", "限额以上在统", "新增实物网络零售额"],
      [A, 2025, "M3", "是", "一千万"],
      [B, 2025, "M3", "是", "两千万"],
      [C, 2025, "M3", "是", "三千万"],
      [makeUscc(205), 2025, "M3", "是", 20_000_000],
    ];
    const result = screenWorkbook({ sheets: [{ name: "s", values }] });
    expect(result.rows.filter((r) => r.status === "error")).toHaveLength(3);
    const warning = result.issues.find((i) => i.severity === "warning")!;
    expect(warning.cell).toBe("s!E1");
    expect(warning.en).toMatch(
      /^s!E 新增实物网络零售额: 3 of 4 rows fail in this column \(e\.g\. s!E2 新增实物网络零售额: "一千万" is not a number\): check its header, unit or format$/,
    );
  });
});
