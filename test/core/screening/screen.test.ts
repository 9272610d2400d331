import fc from "fast-check";
import { UnusableWorkbookError, detectTables, measureOfSheetName, normaliseHeader, screenWorkbook } from "../../../core";
import { isoToExcelSerial } from "../../../core/dates/excel-serial";
import { makeUscc } from "../../helpers/uscc";

const A = makeUscc(1);
const B = makeUscc(2, "230600");
const serial = (iso: string) => isoToExcelSerial(iso)!;

describe("headers", () => {
  test.each`
    header                      | key                   | unit
    ${"统一社会信用代码"}       | ${"统一社会信用代码"} | ${null}
    ${" 总投资额（万元） "}     | ${"总投资额"}         | ${"wan"}
    ${"贷款利率(%)"}            | ${"贷款利率"}         | ${"percent"}
    ${"贷款利率%"}              | ${"贷款利率"}         | ${"percent"}
    ${"Loan Rate (%)"}          | ${"loanrate"}         | ${"percent"}
    ${"贷款金额（元）"}         | ${"贷款金额"}         | ${"yuan"}
    ${"所属市(地)"}             | ${"所属市(地)"}       | ${null}
    ${"ＵＳＣＣ"}               | ${"uscc"}             | ${null}
    ${"贷款金额（单位：万元）"} | ${"贷款金额"}         | ${"wan"}
    ${"Principal (unit: yuan)"} | ${"principal"}        | ${"yuan"}
  `("$header → $key ($unit)", ({ header, key, unit }) => {
    expect(normaliseHeader(header)).toEqual({ key, unit });
  });

  test.each`
    name                | measure
    ${"第3条"}          | ${"第3条"}
    ${"第3条 网络零售"} | ${"第3条"}
    ${"M3"}             | ${"第3条"}
    ${"M4a 独立站"}     | ${"第4条(1)"}
    ${"第8条(2)"}       | ${"第8条(2)"}
    ${"申报"}           | ${null}
    ${"Sheet1"}         | ${null}
    ${"2025"}           | ${null}
  `("sheet $name names measure $measure", ({ name, measure }) => {
    expect(measureOfSheetName(name)).toBe(measure);
  });
});

describe("screenWorkbook", () => {
  test("the RULES.md worked examples, as a workbook, come out to the fen", () => {
    const workbook = {
      sheets: [
        {
          name: "申报",
          values: [
            [
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
              "项目名称",
            ],
            [A, 2025, "M1", "是", 20_000_000, 10_000_000, 0.0345, serial("2025-06-01"), serial("2027-05-31"), null, "P1"],
            [makeUscc(3), 2025, "M1", "是", 80_000_000, 50_000_000, 0.036, serial("2025-01-15"), serial("2029-01-15"), null, "P2"],
            [makeUscc(4), 2025, "M1", "是", 25_000_000, 50_000_000, 0.036, serial("2025-01-15"), serial("2029-01-15"), null, "P3"],
            [makeUscc(5), 2025, "8b", null, null, 8_000_000, 0.04, serial("2024-06-01"), serial("2025-06-01"), null, "P4"],
            [makeUscc(6), 2025, "M3", "是", null, null, null, null, null, 150_000_000, null],
            [makeUscc(7), 2025, "M3", "是", null, null, null, null, null, 12_345_678.9, null],
            [makeUscc(8), 2025, "M3", "是", null, null, null, null, null, 10_000_000, null],
          ],
        },
      ],
    };
    // Whole-window figures (interestWindow loan): the loan's days inside the policy period, from the draft's
    // stand-in issue date 2025-10-23 (revision 3; the 8b loan ended before it).
    const result = screenWorkbook(workbook, { interestWindow: "loan" });
    expect(result.rows.map((r) => [r.status, r.final])).toEqual([
      ["eligible", "487500.00"],
      ["eligible", "3444444.44"],
      ["eligible", "2000000.00"],
      ["eligible", "0.00"],
      ["eligible", "3000000.00"],
      ["eligible", "246913.58"],
      ["ineligible", "0.00"],
    ]);
    expect(result.rows[3].reasons.map((reason) => reason.code)).toEqual(["no_interest_in_window"]);
    expect(result.options.effectiveFrom).toBe("2025-10-23");
    // The default, award-year: 2025's days only (70 days from 2025-10-23 for both loans).
    expect(screenWorkbook(workbook).rows.map((r) => r.final)).toEqual([
      "58333.33",
      "301388.89",
      "301388.89",
      "0.00",
      "3000000.00",
      "246913.58",
      "0.00",
    ]);
    const floating = screenWorkbook(
      {
        sheets: [
          {
            name: "s",
            values: [
              ["USCC", "year", "measure", "loan principal", "loan rate", "start date", "end date"],
              [B, 2025, "M8b", 8_000_000, "4%", "2024-06-01", "2025/6/1"],
            ],
          },
        ],
      },
      { lprMode: "floating", interestWindow: "loan", effectiveFrom: "2025-01-01" },
    );
    // Issued on 2025-01-01 (option effectiveFrom): 139 days at 3.10% and 12 at 3.00%, the part of the loan inside
    // the policy period (from the draft's stand-in 2025-10-23 it would be nothing, as above).
    expect(floating.rows[0].final).toBe("103755.56");
    expect(floating.options.effectiveFrom).toBe("2025-01-01");
    // The window from the issue date, one 贴息额 line per LPR segment (last days inclusive) and their total.
    expect(floating.rows[0].explain.zh.split("\n")).toEqual(
      expect.arrayContaining([
        "计息区间：2025-01-01 至 2025-05-31（含），151天",
        "适用利率：贷款利率 4.00% 与各段同期LPR 孰低（浮动利率）",
        "贴息额：2025-01-01 至 2025-05-19（含）139天，LPR 3.10%：8,000,000.00 × 3.10% × 139 ÷ 360 = 95,755.56",
        "贴息额：2025-05-20 至 2025-05-31（含）12天，LPR 3.00%：8,000,000.00 × 3.00% × 12 ÷ 360 = 8,000.00",
        "贴息额合计：103,755.56",
      ]),
    );
    expect(floating.rows[0].explain.en).toContain("Window: 2025-01-01 to 2025-05-31 (inclusive), 151 days");
    expect(floating.options.lprMode).toBe("floating");
  });

  test("header row below a title, 万元 and % units, measure from the sheet name, blank rows skipped", () => {
    const result = screenWorkbook({
      sheets: [
        {
          name: "第3条 网络零售",
          values: [
            ["2025年网络零售奖励申报"],
            [],
            ["统一社会信用代码", "申报年度", "限额以上在统", "新增实物网络零售额（万元）", null, "备注"],
            [A, 2025, "是", 1234.56789, null, "x"],
            [null, null, null, null],
            ["", "  ", null],
            [B, "2026年", "Y", "2,000", null, null],
          ],
        },
      ],
    });
    expect(result.tables[0]).toMatchObject({
      sheet: "第3条 网络零售",
      headerRow: 3,
      rows: 2,
      sheetMeasure: "第3条",
      ignoredHeaders: ["备注"],
    });
    expect(result.rows.map((r) => [r.source, r.measure, r.final, r.city])).toEqual([
      ["第3条 网络零售!4", "M3", "246913.58", "哈尔滨"],
      ["第3条 网络零售!7", "M3", "400000.00", "大庆"],
    ]);
  });

  test("a % header reads plain numbers as percent points", () => {
    const result = screenWorkbook(
      {
        sheets: [
          {
            name: "s",
            values: [
              ["USCC", "年度", "条款", "贷款金额", "贷款利率(%)", "放款日期", "到期日期"],
              [A, 2025, "8b", 10_000_000, 3.45, "2025-06-01", "2027-05-31"],
              [B, 2025, "8b", 10_000_000, "3.45%", "2025-06-01", "2027-05-31"],
            ],
          },
        ],
      },
      { interestWindow: "loan" },
    );
    expect(result.rows.map((r) => r.final)).toEqual(["487500.00", "487500.00"]);
  });

  test("history and LPR sheets are read; their bad rows are reported, not fatal", () => {
    const result = screenWorkbook(
      {
        sheets: [
          {
            name: "申报",
            values: [
              ["信用代码", "年度", "条款", "总投资额", "贷款本金", "年利率", "贷款起始日", "贷款终止日"],
              [A, 2026, "M5", 2_000_000, 10_000_000, 0.04, "2026-06-01", "2027-06-01"],
            ],
          },
          {
            name: "历史兑现",
            values: [
              ["统一社会信用代码", "条款", "年度", "已兑现金额（万元）"],
              [A, "第5条", 2025, 80],
              ["garbage", "M5", 2025, 1],
              [A, "M5", "later", 1],
            ],
          },
          {
            name: "LPR",
            values: [
              ["日期", "利率(%)"],
              ["2026-05-20", 2.9],
              ["2026-06-22", 290],
            ],
          },
        ],
      },
      { interestWindow: "loan" },
    );
    // 10,000,000 × 2.9% × 365 / 360 = 294,027.78, capped at 1,000,000 − 800,000 already paid = 200,000; the
    // unreadable record of the same entity (历史兑现!4) sends the row to a person, naming it.
    expect(result.rows[0]).toMatchObject({ status: "manual", final: "200000.00", computed: "294027.78" });
    expect(result.rows[0].reasons.map((r) => r.code)).toEqual(["manual_review", "cap_applied"]);
    expect(result.rows[0].reasons[0].en).toContain("历史兑现!4");
    expect(result.issues.map((i) => i.en)).toEqual([
      expect.stringContaining("LPR!3: LPR row not used: 2.9 looks like percent points: write 2.9% or 0.029"),
      expect.stringContaining("历史兑现!3: USCC GARBAGE has 7 characters"),
      expect.stringContaining('历史兑现!4: "later" is not a four-digit year'),
    ]);
  });

  test("a row identical in every cell read is a duplicate on any sheet, whatever the columns' order", () => {
    const header = ["统一社会信用代码", "申报年度", "申报条款", "主体资格", "新增实物网络零售额"];
    const reordered = ["申报条款", "统一社会信用代码", "新增实物网络零售额", "申报年度", "主体资格"];
    const inWan = ["统一社会信用代码", "申报年度", "申报条款", "主体资格", "新增实物网络零售额（万元）"];
    const workbook = {
      sheets: [
        { name: "一季度", values: [header, [A, 2025, "M3", "是", 20_000_000]] },
        { name: "二季度", values: [reordered, ["M3", A, 20_000_000, 2025, "是"]] },
        // The same cells under 万元 are another amount: not the same application.
        { name: "三季度", values: [inWan, [A, 2025, "M3", "是", 20_000_000]] },
      ],
    };
    for (const engine of ["fast", "reference"] as const) {
      const result = screenWorkbook(workbook, { engine });
      expect(result.rows.map((r) => [r.source, r.status])).toEqual([
        ["一季度!2", "eligible"],
        ["二季度!2", "error"],
        ["三季度!2", "eligible"],
      ]);
      expect(result.rows[1].reasons.map((r) => r.code)).toEqual(["duplicate_row"]);
      expect(result.rows[1].reasons[0].en).toContain("一季度!2");
    }
  });

  test("a percentage in an amount column is an error naming the cell, not an amount of a few fen", () => {
    const values = [
      ["统一社会信用代码", "申报年度", "申报条款", "主体资格", "新增实物网络零售额"],
      [A, 2025, "M3", "是", "3.45%"],
    ];
    for (const engine of ["fast", "reference"] as const) {
      const [row] = screenWorkbook({ sheets: [{ name: "s", values }] }, { engine }).rows;
      expect(row.status).toBe("error");
      expect(row.reasons[0]).toMatchObject({ code: "bad_value" });
      expect(row.reasons[0].en).toContain('s!E2 新增实物网络零售额: "3.45%" is a percentage; expected an amount');
    }
  });

  test("sheets that give different measures by their names hold no duplicates of each other", () => {
    const header = ["统一社会信用代码", "申报年度", "主体资格"];
    const result = screenWorkbook({
      sheets: [
        {
          name: "第6条 国家级",
          values: [
            [...header, "示范级别"],
            [A, 2025, "是", "国家级"],
          ],
        },
        {
          name: "M19",
          values: [
            [...header, "示范级别"],
            [A, 2025, "是", "国家级"],
          ],
        },
      ],
    });
    expect(result.rows.map((r) => r.reasons.map((x) => x.code))).not.toContainEqual(["duplicate_row"]);
  });

  test("an LPR row outside the plausible 0.5%–20% is skipped with a warning naming its cell; the batch goes on", () => {
    const result = screenWorkbook({
      sheets: [
        {
          name: "第6条",
          values: [
            ["统一社会信用代码", "申报年度", "示范级别"],
            [A, 2025, "省级"],
          ],
        },
        {
          name: "LPR",
          values: [
            ["生效日期", "一年期LPR(%)"],
            ["2026-09-22", "abc"],
            ["2026-10-20", 3.0],
            ["2026-11-20", 25],
            ["2026-12-22", 0.1],
          ],
        },
      ],
    });
    expect(result.rows[0]).toMatchObject({ status: "eligible", final: "500000.00" });
    expect(result.issues.map((i) => [i.cell, i.severity])).toEqual([
      ["LPR!2", "warning"],
      ["LPR!4", "warning"],
      ["LPR!5", "warning"],
    ]);
    expect(result.issues[1].en).toContain("LPR!4: LPR row not used: 0.25 (25%) is above the plausible 0.5%–20%");
    expect(result.issues[1].zh).toContain("高于合理范围");
    expect(result.issues[2].en).toContain("below the plausible");
  });

  test("第1条 over two award years: what 2025 paid counts against the limits of its own tier in 2026, as a history record with its 总投资额 would", () => {
    const header = ["统一社会信用代码", "申报年度", "申报条款", "主体资格", "总投资额", "贷款金额", "贷款利率", "放款日期", "到期日期"];
    const large2025 = [A, 2025, "M1", "是", 40_000_000, 50_000_000, 0.03, "2025-01-01", "2028-01-01"];
    const small2026 = [A, 2026, "M1", "是", 20_000_000, 30_000_000, 0.03, "2025-01-01", "2028-01-01"];
    const paidAsHistory = (withTier: boolean) => ({
      name: "历史兑现",
      values: [
        ["统一社会信用代码", "申报条款", "年度", "兑现金额", ...(withTier ? ["总投资额"] : [])],
        [A, "M1", 2025, 1_520_833.33, ...(withTier ? [40_000_000] : [])],
      ],
    });
    for (const engine of ["fast", "reference"] as const) {
      // Issued on 2025-01-01 (option effectiveFrom), so that 2025 pays a whole year.
      const options = { engine, effectiveFrom: "2025-01-01" };
      const together = screenWorkbook({ sheets: [{ name: "s", values: [header, large2025, small2026] }] }, options);
      const inTurn = (withTier: boolean) =>
        screenWorkbook({ sheets: [{ name: "s", values: [header, small2026] }, paidAsHistory(withTier)] }, options);
      // 2025: 50,000,000 × 3% × 365/360 = 1,520,833.33 for a 40,000,000 project: against the 10,000,000 limit
      // only (revision 3), so 2026's 20,000,000 project has the whole 2,000,000 limit: 912,500.00 computed, paid.
      expect(together.rows.map((r) => [r.status, r.final])).toEqual([
        ["eligible", "1520833.33"],
        ["eligible", "912500.00"],
      ]);
      expect(inTurn(true).rows.map((r) => [r.status, r.final])).toEqual([["eligible", "912500.00"]]);
      // A record without its 总投资额 counts against both limits (revision 2's figure), and the row says so.
      const without = inTurn(false);
      expect(without.rows.map((r) => [r.status, r.final])).toEqual([["eligible", "479166.67"]]);
      expect(without.rows[0].reasons.map((r) => r.code)).toEqual(["history_tier_unknown", "cap_applied"]);
    }
  });

  test("a history record without its year: an annual cap cannot place it, so the entity's rows go to a person", () => {
    // 第3条's cap is 3,000,000 a year; 2,900,000 paid in an unknown year could be this year's.
    const workbook = (year: number | null) => ({
      sheets: [
        {
          name: "M3",
          values: [
            ["统一社会信用代码", "申报年度", "主体资格", "新增实物网络零售额"],
            [A, 2025, "是", 200_000_000],
          ],
        },
        {
          name: "历史兑现",
          values: [
            ["统一社会信用代码", "条款", "年度", "已兑现金额"],
            [A, "第3条", year, 2_900_000],
            // A cumulative cap (第1条) and a one-time award (第6条) need no year: these records are read.
            [B, "M1", null, 100_000],
            [B, "M6a", null, 1_000_000],
          ],
        },
      ],
    });
    for (const engine of ["fast", "reference"] as const) {
      const placed = screenWorkbook(workbook(2025), { engine });
      expect(placed.rows[0]).toMatchObject({ status: "eligible", final: "100000.00" });
      expect(placed.issues).toEqual([]);
      const yearless = screenWorkbook(workbook(null), { engine });
      expect(yearless.rows[0]).toMatchObject({ status: "manual" });
      expect(yearless.rows[0].reasons.find((r) => r.code === "manual_review")?.en).toContain("历史兑现!2");
      expect(yearless.issues.map((i) => i.en)).toEqual([expect.stringContaining("历史兑现!2: no year: M3's cap is per year")]);
    }
  });

  test("several applicant tables on several sheets, in sheet order", () => {
    const header = ["统一社会信用代码", "申报年度", "主体资格", "新增实物网络零售额"];
    const result = screenWorkbook({
      sheets: [
        { name: "M3 一季度", values: [header, [A, 2025, "是", 20_000_000]] },
        { name: "说明", values: [["这是说明"]] },
        { name: "M3 二季度", values: [header, [B, 2025, "是", 30_000_000]] },
      ],
    });
    expect(result.tables.map((t) => t.sheet)).toEqual(["M3 一季度", "M3 二季度"]);
    expect(result.rows.map((r) => r.source)).toEqual(["M3 一季度!2", "M3 二季度!2"]);
  });

  test("a workbook with no applicant table is unusable, saying why", () => {
    expect(() =>
      screenWorkbook({
        sheets: [
          {
            name: "Sheet1",
            values: [
              ["a", "b"],
              [1, 2],
            ],
          },
        ],
      }),
    ).toThrow(UnusableWorkbookError);
    expect(() => screenWorkbook({ sheets: [] })).toThrow(/no applicant table/);
    expect(() => screenWorkbook({ sheets: [{ name: "s", values: [["统一社会信用代码", "申报年度"]] }] })).toThrow(/申报条款/);
  });

  test("origin: a used range that does not start at A1 names the right cells", () => {
    const result = screenWorkbook({
      sheets: [
        {
          name: "s",
          origin: { row: 5, column: 3 },
          values: [
            ["USCC", "year", "measure", "总投资额"],
            [A, 2025, "M2", "lots"],
          ],
        },
      ],
    });
    expect(result.tables[0].headerRow).toBe(5);
    expect(result.rows[0].source).toBe("s!6");
    expect(result.rows[0].reasons[0].en).toBe('s!F6 总投资额: "lots" is not a number');
  });

  test("onProgress reaches the total", () => {
    const values: unknown[][] = [["USCC", "year", "measure", "qualified", "online retail increase"]];
    for (let i = 0; i < 500; i++) values.push([makeUscc(100 + i), 2025, "M3", true, 20_000_000 + i]);
    const seen: [number, number][] = [];
    screenWorkbook({ sheets: [{ name: "s", values }] }, { onProgress: (done, total) => seen.push([done, total]) });
    expect(seen[seen.length - 1]).toEqual([500, 500]);
  });
});

describe("any cell Excel can hand over (fast-check, 1,000 runs)", () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.constant(""),
    fc.string(),
    fc.double({ noNaN: false }),
    fc.integer(),
    fc.boolean(),
    fc.constantFrom("#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"),
    fc.constantFrom(
      "=1+1",
      '=HYPERLINK("http://x","y")',
      "是",
      "否",
      "√",
      "M1",
      "第3条",
      "4(1)",
      "2025-06-01",
      "2025年6月1日",
      "3.45%",
      "1,234.56",
      "１２３",
    ),
    fc.constantFrom(A, B, A.toLowerCase(), "91350100M000100Y43", "91350100M000100Y4Z"),
    fc.date({ noInvalidDate: false }),
    fc.record({ error: fc.constantFrom("#N/A", "#REF!") }),
  );
  const header = [
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
    "进出口额",
    "首次达到",
    "补贴基数",
    "示范级别",
    "申报金额",
    "已获其他省级支持",
  ];

  test("never throws; every non-blank row is a result or listed as skipped with its cell, in order: none is lost", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 0, maxLength: header.length + 2 }), { maxLength: 12 }), (rows) => {
        const result = screenWorkbook({ sheets: [{ name: "申报", values: [header, ...rows] }] });
        const expected = rows
          .map((row, i) => ({ row, source: `申报!${i + 2}` }))
          .filter(({ row }) => row.some((c) => !(c === null || c === undefined || (typeof c === "string" && c.trim() === ""))))
          .map(({ source }) => source);
        const skipped = result.tables.flatMap((t) => t.skipped.map((s) => s.cell.replace(/![A-Z]+/, "!")));
        const seen = [...result.rows.map((r) => r.source), ...skipped].sort((a, b) => Number(a.split("!")[1]) - Number(b.split("!")[1]));
        expect(seen).toEqual(expected);
        for (const s of result.tables.flatMap((t) => t.skipped)) {
          expect(result.issues.some((i) => i.cell === s.cell && i.severity === "info")).toBe(true);
        }
        for (const row of result.rows) {
          expect(row.final).toMatch(/^\d+\.\d{2}$/);
          expect(["eligible", "ineligible", "superseded", "manual", "not_cash", "error"]).toContain(row.status);
          if (row.status === "error") expect(row.reasons.some((r) => r.severity === "error")).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("a person's column choices (the task pane's mapping)", () => {
  const values = [
    ["代码", "年份", "条款", "金额", "备注"],
    [A, 2025, "M3", 20_000_000, "是"],
  ];
  test("detectTables finds nothing to map automatically here", () => {
    expect(detectTables({ sheets: [{ name: "s", values }] })).toEqual([]);
  });
  test("choosing the header row and columns makes the sheet a table", () => {
    const choice = { headerRow: 1, columns: { entityId: 0, year: 1, measure: 2, onlineRetailIncrease: 3, qualified: 4 } };
    const [table] = detectTables({ sheets: [{ name: "s", values }] }, { s: choice });
    expect(table.missingRequired).toEqual([]);
    expect(table.headers.map((h) => h.text)).toEqual(["代码", "年份", "条款", "金额", "备注"]);
    const result = screenWorkbook({ sheets: [{ name: "s", values }] }, { tables: { s: choice } });
    expect(result.rows[0]).toMatchObject({ status: "eligible", final: "400000.00" });
  });
  test("a column set to null is ignored, and a skipped sheet is left out", () => {
    const sheets = [
      {
        name: "a",
        values: [
          ["USCC", "year", "measure", "qualified", "online retail increase"],
          [A, 2025, "M3", "是", 20_000_000],
        ],
      },
      {
        name: "b",
        values: [
          ["USCC", "year", "measure", "qualified", "online retail increase"],
          [B, 2025, "M3", "是", 20_000_000],
        ],
      },
    ];
    const result = screenWorkbook({ sheets }, { tables: { a: { columns: { qualified: null } }, b: { skip: true } } });
    expect(result.rows.map((r) => [r.source, r.status])).toEqual([["a!2", "error"]]);
  });
});
