import { isoToExcelSerial } from "../../../core/dates/excel-serial";
import { CustomFunction, StubError, functionsJson, loadFunctions } from "../../helpers/functions-runtime";
import { makeUscc } from "../../helpers/uscc";

/** The functions of FUNCTIONS.md, in its order. */
const SPEC = [
  "LPR",
  "LPR_INTEREST",
  "INTEREST_SUBSIDY",
  "RETAIL_BONUS",
  "CROSS_BORDER_SUBSIDY",
  "BASE_AWARD",
  "SELECTION_CENTER_GRANT",
  "CAP",
  "BEST_OF",
  "USCC_VALID",
  "CITY",
];

const serial = (iso: string) => isoToExcelSerial(iso)!;
/** A value as Excel passes it to a matrix parameter. */
const v = (value: unknown) => [[value]];
const col = (values: unknown[]) => values.map((x) => [x]);

let fns: Map<string, CustomFunction>;
const call = (id: string, ...args: unknown[]) => fns.get(id)!(...args) as unknown[][];
const value = (id: string, ...args: unknown[]) => {
  const result = call(id, ...args);
  expect(result).toHaveLength(1);
  return result[0][0];
};
const failure = (id: string, ...args: unknown[]): StubError => {
  try {
    call(id, ...args);
  } catch (error) {
    expect(error).toBeInstanceOf(StubError);
    return error as StubError;
  }
  throw new Error(`${id} did not fail`);
};

beforeAll(() => {
  fns = loadFunctions("en-US");
});

describe("registration in a bare runtime", () => {
  test("exactly the 11 functions of FUNCTIONS.md are associated", () => {
    expect([...fns.keys()].sort()).toEqual([...SPEC].sort());
  });

  test("functions.json lists the same ids, in the spec's order, each function and argument described", () => {
    const metadata = functionsJson();
    expect(metadata.functions.map((f) => f.id)).toEqual(SPEC);
    expect(metadata.functions.map((f) => f.name)).toEqual(SPEC);
    for (const f of metadata.functions) {
      expect(f.description.length).toBeGreaterThan(20);
      for (const p of f.parameters) expect(p.description.length).toBeGreaterThan(5);
    }
  });

  test("argument names and order follow FUNCTIONS.md", () => {
    const args = Object.fromEntries(
      functionsJson().functions.map((f) => [f.id, f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")]),
    );
    expect(args).toEqual({
      LPR: "date, [lprTable]",
      LPR_INTEREST: "principal, loanRate, startDate, endDate, [interestPaid], [lprMode], [lprTable], [explain], [awardYear]",
      INTEREST_SUBSIDY:
        "measure, totalInvestment, principal, loanRate, startDate, endDate, [interestPaid], [lprMode], [lprTable], [explain], [awardYear]",
      RETAIL_BONUS: "onlineRetailIncrease, [aboveDesignatedSize], [explain]",
      CROSS_BORDER_SUBSIDY: "channel, importExport, eligibleCosts, [firstTime], [explain]",
      BASE_AWARD: "level, [explain]",
      SELECTION_CENTER_GRANT: "drivenOnlineSales, investmentLast3Years, [explain]",
      CAP: "measure, [totalInvestment]",
      BEST_OF: "entityIds, amounts, [years], [measures]",
      USCC_VALID: "code",
      CITY: "code",
    });
  });
});

describe("RULES.md worked examples, passed as Excel passes them", () => {
  test("LPR on 2025-06-01 (serial) and on ISO text", () => {
    expect(value("LPR", v(serial("2025-06-01")))).toBe(0.03);
    expect(value("LPR", v("2024-06-01"), null)).toBe(0.0345);
  });

  test("LPR_INTEREST 10,000,000 at 3.45% 2025-06-01 → 2027-05-31 = 607,500.00", () => {
    expect(value("LPR_INTEREST", v(10_000_000), v(0.0345), v(serial("2025-06-01")), v(serial("2027-05-31")), null, null, null, null)).toBe(
      607_500,
    );
  });

  test.each`
    ti            | principal     | rate      | start           | end             | expected
    ${20_000_000} | ${10_000_000} | ${0.0345} | ${"2025-06-01"} | ${"2027-05-31"} | ${487_500}
    ${80_000_000} | ${50_000_000} | ${0.036}  | ${"2025-01-15"} | ${"2029-01-15"} | ${3_444_444.44}
    ${25_000_000} | ${50_000_000} | ${0.036}  | ${"2025-01-15"} | ${"2029-01-15"} | ${2_000_000}
  `(
    "INTEREST_SUBSIDY M1, TI $ti → $expected (from the set's issue date 2025-10-23, FUNCTIONS.md revision 3)",
    ({ ti, principal, rate, start, end, expected }) => {
      expect(
        value("INTEREST_SUBSIDY", v("M1"), v(ti), v(principal), v(rate), v(serial(start)), v(serial(end)), null, null, null, null),
      ).toBe(expected);
    },
  );

  test("LPR_INTEREST is a plain loan calculator: the 50,000,000 loan's whole 36 months, 1,095 days → 4,714,583.33", () => {
    expect(value("LPR_INTEREST", v(50_000_000), v(0.036), v(serial("2025-01-15")), v(serial("2029-01-15")))).toBe(4_714_583.33);
  });

  test.each`
    mode          | plain         | policy
    ${null}       | ${279_833.33} | ${0}
    ${"fixed"}    | ${279_833.33} | ${0}
    ${"floating"} | ${260_200}    | ${0}
  `(
    "8,000,000 at 4.00% 2024-06-01 → 2025-06-01, lprMode $mode → $plain plain, $policy inside the policy period (it ended before 2025-10-23)",
    ({ mode, plain, policy }) => {
      const args = [v(8_000_000), v(0.04), v(serial("2024-06-01")), v(serial("2025-06-01")), null, mode === null ? null : v(mode)];
      expect(value("LPR_INTEREST", ...args)).toBe(plain);
      expect(value("INTEREST_SUBSIDY", v("8b"), null, ...args)).toBe(policy);
    },
  );

  test.each`
    year      | subsidised    | plain
    ${2025}   | ${58_333.33}  | ${178_333.33}
    ${"2026"} | ${304_166.67} | ${304_166.67}
    ${2027}   | ${125_000}    | ${125_000}
    ${2028}   | ${0}          | ${0}
    ${null}   | ${487_500}    | ${607_500}
  `(
    "awardYear $year: the 10,000,000 loan's interest of that year → $subsidised subsidised, $plain plain",
    ({ year, subsidised, plain }) => {
      const loan = [v(10_000_000), v(0.0345), v(serial("2025-06-01")), v(serial("2027-05-31"))];
      const awardYear = year === null ? null : v(year);
      // The subsidy counts from the set's issue date 2025-10-23 (70 days of 2025); the plain calculator from the start.
      expect(value("INTEREST_SUBSIDY", v("M1"), v(20_000_000), ...loan, null, null, null, null, awardYear)).toBe(subsidised);
      expect(value("LPR_INTEREST", ...loan, null, null, null, null, awardYear)).toBe(plain);
    },
  );

  test("FUNCTIONS.md revision 3: M1, TI 80,000,000, 50,000,000 at 3.60% 2025-01-15 → 2029-01-15, awardYear 2025 → 301,388.89", () => {
    const loan = [v(50_000_000), v(0.036), v(serial("2025-01-15")), v(serial("2029-01-15"))];
    expect(value("INTEREST_SUBSIDY", v("M1"), v(80_000_000), ...loan, null, null, null, null, v(2025))).toBe(301_388.89);
    expect(value("INTEREST_SUBSIDY", v("M1"), v(80_000_000), ...loan, null, null, null, null, null)).toBe(3_444_444.44);
  });

  test("awardYear spills with a column: one formula prices each year", () => {
    const loan = [v(10_000_000), v(0.0345), v(serial("2025-06-01")), v(serial("2027-05-31"))];
    expect(call("INTEREST_SUBSIDY", v("M1"), v(20_000_000), ...loan, null, null, null, null, col([2025, 2026, 2027]))).toEqual([
      [58_333.33],
      [304_166.67],
      [125_000],
    ]);
    // In Chinese, as Office in Chinese shows it (the other tests here run as English Office).
    const zh = loadFunctions("zh-CN").get("INTEREST_SUBSIDY")!;
    const explained = (zh(v("M1"), v(20_000_000), ...loan, null, null, null, v(true), v(2026)) as string[][])[0][0];
    // The appendix's labelled lines in one cell: the year's window (last day inclusive), the first subsidised day and
    // that the draft's issue date is assumed (FUNCTIONS.md revision 3), the conclusion.
    const lines = explained.split("\n");
    expect(lines).toContain("计息区间：2026-01-01 至 2026-12-31（含），365天");
    expect(lines).toContain("起算日：假定自2025-10-23起施行（征求意见稿发布日期），以正式印发日期为准");
    expect(lines).toContain("贴息额：10,000,000.00 × 3.00% × 365 ÷ 360 = 304,166.67");
    expect(lines[lines.length - 1]).toBe("结论：符合条件 304,166.67");
  });

  test("a float artefact is read at 15 digits: RETAIL_BONUS(16778041.85-6778041.85) is 0, not 200,000", () => {
    expect(value("RETAIL_BONUS", v(16778041.85 - 6778041.85))).toBe(0);
  });

  test("absurd amounts are #NUM! naming the argument, never an award", () => {
    const loan = [v(0.04), v(serial("2025-06-01")), v(serial("2026-06-01"))];
    for (const principal of ["1e309", "9".repeat(400), 1e14]) {
      const error = failure("INTEREST_SUBSIDY", v("M8b"), null, v(principal), ...loan);
      expect(error.code).toBe("#NUM!");
      expect(error.message).toMatch(/principal .* outside the plausible range/);
    }
    expect(failure("LPR_INTEREST", v(10_000_000), v(0.3), v(serial("2025-06-01")), v(serial("2026-06-01"))).message).toMatch(
      /loan rate: 0.3 \(30%\) is above the plausible 0.1%–24%/,
    );
  });

  test.each`
    increase        | expected
    ${150_000_000}  | ${3_000_000}
    ${12_345_678.9} | ${246_913.58}
    ${10_000_000}   | ${0}
    ${-1_000_000}   | ${0}
  `("RETAIL_BONUS($increase) = $expected", ({ increase, expected }) => {
    expect(value("RETAIL_BONUS", v(increase), null, null)).toBe(expected);
  });

  test("RETAIL_BONUS for an enterprise not above designated size is 0", () => {
    expect(value("RETAIL_BONUS", v(150_000_000), v(false))).toBe(0);
  });

  test("CROSS_BORDER_SUBSIDY, BASE_AWARD, SELECTION_CENTER_GRANT, CAP", () => {
    expect(value("CROSS_BORDER_SUBSIDY", v("site"), v(6_000_000), v(300_000))).toBe(150_000);
    expect(value("CROSS_BORDER_SUBSIDY", v("平台"), v(9_999_999.99), v(300_000))).toBe(0);
    expect(value("CROSS_BORDER_SUBSIDY", v("platform"), v(10_000_000), v(2_000_000), v(true))).toBe(500_000);
    expect(value("CROSS_BORDER_SUBSIDY", v("site"), v(6_000_000), v(300_000), v(false))).toBe(0);
    expect(value("BASE_AWARD", v("national"))).toBe(1_000_000);
    expect(value("BASE_AWARD", v("省级"))).toBe(500_000);
    expect(value("SELECTION_CENTER_GRANT", v(60_000_000), v(1_500_000))).toBe(750_000);
    expect(value("SELECTION_CENTER_GRANT", v(50_000_000), v(1_500_000))).toBe(0);
    expect(value("CAP", v("M1"), v(25_000_000))).toBe(2_000_000);
    expect(value("CAP", v("第1条"), v(80_000_000))).toBe(10_000_000);
    expect(value("CAP", v("M3"))).toBe(3_000_000);
    expect(value("CAP", v("8(2)"))).toBe(5_000_000);
  });

  test("USCC_VALID and CITY", () => {
    expect(value("USCC_VALID", v("91350100M000100Y43"))).toBe(true);
    expect(value("USCC_VALID", v("91350100M000100Y4Z"))).toBe(false);
    // an all-digit code typed into a number cell: Excel keeps 15 significant digits
    expect(value("USCC_VALID", v(914403001922038000))).toBe(false);
    expect(value("USCC_VALID", v(null))).toBe(false);
    expect(call("USCC_VALID", col(["91310110666007217T", "914403001922038216", "bad"]))).toEqual([[true], [true], [false]]);
    expect(value("CITY", v(makeUscc(7, "230600")))).toBe("大庆");
    expect(failure("CITY", v("91350100M000100Y43")).code).toBe("#N/A");
    expect(failure("CITY", v("91350100M000100Y44")).code).toBe("#VALUE!");
  });

  test("a 2-column principal is a balance schedule (date, balance)", () => {
    const schedule = [
      ["日期", "余额"],
      [serial("2025-06-01"), 10_000_000],
      [serial("2025-12-01"), 4_000_000],
    ];
    expect(value("LPR_INTEREST", schedule, v(0.035), v(serial("2025-06-01")), v(serial("2026-06-01")))).toBe(213_166.67);
  });

  test("an lprTable range extends the built-in table", () => {
    const table = [
      ["生效日期", "利率"],
      [serial("2026-05-20"), 0.029],
      [null, null],
    ];
    expect(value("LPR", v(serial("2026-06-01")), table)).toBe(0.029);
    expect(
      value(
        "INTEREST_SUBSIDY",
        v("M2"),
        v(5_000_000),
        v(10_000_000),
        v(0.04),
        v(serial("2026-06-01")),
        v(serial("2027-06-01")),
        null,
        null,
        table,
      ),
    ).toBe(294_027.78);
    // An entry after the built-in table's last day (2026-08-19) vouches only from its own date on.
    const late = [[serial("2026-09-22"), 0.029]];
    expect(failure("LPR", v(serial("2026-09-01")), late).code).toBe("#N/A");
    expect(value("LPR", v(serial("2026-09-22")), late)).toBe(0.029);
  });
});

describe("errors as Excel shows them, with a message naming the argument", () => {
  const loanArgs = (rate: unknown, start = serial("2025-06-01"), end = serial("2027-05-31")) => [v(10_000_000), v(rate), v(start), v(end)];

  test("a rate of 3.45 is #NUM! and says how to write it", () => {
    const error = failure("LPR_INTEREST", ...loanArgs(3.45));
    expect(error.code).toBe("#NUM!");
    expect(error.message).toContain("3.45 looks like percent points: write 3.45% or 0.0345");
  });

  test("an unknown measure is #VALUE! listing the valid ids", () => {
    const error = failure("CAP", v("M99"));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain("M1, M2, M3, M4a, M4b, M5, M6a, M6b, M7, M8a, M8b");
    expect(failure("INTEREST_SUBSIDY", v("M3"), v(1), ...loanArgs(0.04)).message).toContain("use M1, M2, M5, M8a, M8b");
  });

  test("an LPR the table lacks is #N/A naming the date and how to supply it", () => {
    const error = failure("LPR_INTEREST", ...loanArgs(0.04, serial("2026-09-10"), serial("2027-05-10")));
    expect(error.code).toBe("#N/A");
    expect(error.message).toContain("2026-09-10 is not known");
    expect(error.message).toContain("LPR table range");
    expect(failure("LPR", v(serial("2019-01-01"))).code).toBe("#N/A");
  });

  test("an end before the start is #NUM!", () => {
    const error = failure("LPR_INTEREST", ...loanArgs(0.04, serial("2025-06-01"), serial("2025-05-31")));
    expect(error.code).toBe("#NUM!");
    expect(error.message).toContain("end date 2025-05-31 is before start date 2025-06-01");
  });

  test.each`
    what                                 | id                        | args                                                     | code         | text
    ${"negative principal"}              | ${"LPR_INTEREST"}         | ${[v(-1), v(0.04), v(45809), v(46538)]}                  | ${"#NUM!"}   | ${"principal cannot be negative"}
    ${"text principal"}                  | ${"LPR_INTEREST"}         | ${[v("lots"), v(0.04), v(45809), v(46538)]}              | ${"#VALUE!"} | ${'principal: "lots" is not a number'}
    ${"empty start date"}                | ${"LPR_INTEREST"}         | ${[v(1), v(0.04), v(""), v(46538)]}                      | ${"#VALUE!"} | ${"startDate is missing"}
    ${"phantom 1900-02-29"}              | ${"LPR"}                  | ${[v(60)]}                                               | ${"#VALUE!"} | ${"1900 date system"}
    ${"negative costs"}                  | ${"CROSS_BORDER_SUBSIDY"} | ${[v("site"), v(6_000_000), v(-5)]}                      | ${"#NUM!"}   | ${"eligible costs cannot be negative"}
    ${"unknown channel"}                 | ${"CROSS_BORDER_SUBSIDY"} | ${[v("shop"), v(6_000_000), v(5)]}                       | ${"#VALUE!"} | ${'neither "site"'}
    ${"unknown level"}                   | ${"BASE_AWARD"}           | ${[v("city")]}                                           | ${"#VALUE!"} | ${'neither "national"'}
    ${"M1 cap without total investment"} | ${"CAP"}                  | ${[v("M1")]}                                             | ${"#VALUE!"} | ${"depends on total investment"}
    ${"M14 has no cap"}                  | ${"CAP"}                  | ${[v("14")]}                                             | ${"#N/A"}    | ${"M14 has no cap"}
    ${"bare clause 8"}                   | ${"CAP"}                  | ${[v(8)]}                                                | ${"#VALUE!"} | ${"write 8a or 8b"}
    ${"two-column measure"}              | ${"CAP"}                  | ${[[["M1", "M2"]]]}                                      | ${"#VALUE!"} | ${"expected one value or one column"}
    ${"mismatched columns"}              | ${"RETAIL_BONUS"}         | ${[col([1, 2, 3]), col([true, false])]}                  | ${"#VALUE!"} | ${"2 rows, but other arguments have 3"}
    ${"bad lprMode"}                     | ${"LPR_INTEREST"}         | ${[v(1), v(0.04), v(45809), v(46538), null, v("daily")]} | ${"#VALUE!"} | ${"neither fixed nor floating"}
  `("$what → $code", ({ id, args, code, text }) => {
    const error = failure(id, ...args);
    expect(error.code).toBe(code);
    expect(error.message).toContain(text);
  });
});

describe("spill: a column in, a column out", () => {
  test("RETAIL_BONUS over a 1,000-row column returns 1,000 rows", () => {
    const increases = Array.from({ length: 1000 }, (_, i) => (i + 1) * 100_000);
    const result = call("RETAIL_BONUS", col(increases));
    expect(result).toHaveLength(1000);
    expect(result[0]).toEqual([0]);
    expect(result[100]).toEqual([202_000]); // 10,100,000 × 2%
    expect(result[999]).toEqual([2_000_000]);
  });

  test("a bad row holds its own error; the others compute", () => {
    const result = call("RETAIL_BONUS", col([20_000_000, "abc", 30_000_000]));
    expect(result[0]).toEqual([400_000]);
    expect(result[1][0]).toBeInstanceOf(StubError);
    expect((result[1][0] as StubError).code).toBe("#VALUE!");
    expect(result[2]).toEqual([600_000]);
  });

  test("scalars repeat against a column", () => {
    const result = call(
      "INTEREST_SUBSIDY",
      col(["M1", "M2", "M5", "M8a", "M8b"]),
      v(20_000_000),
      v(100_000_000),
      v(0.05),
      v(serial("2025-06-01")),
      v(serial("2028-06-01")),
    );
    expect(result).toEqual([[2_000_000], [2_000_000], [1_000_000], [3_000_000], [5_000_000]]);
  });
});

describe("BEST_OF: 从优、就高、不重复 across a budget sheet", () => {
  test("one entity under three measures in two years", () => {
    const A = makeUscc(1);
    const B = makeUscc(2);
    const entities = col([A, A, A, B, A, A]);
    const amounts = col([246_913.58, 607_500, 500_000, 100_000, 300_000, 300_000]);
    const years = col([2025, 2025, 2025, 2025, 2026, 2026]);
    const measures = col(["M3", "M1", "M4a", "M3", "M6b", "M4a"]);
    expect(call("BEST_OF", entities, amounts, years, measures)).toEqual([[0], [607_500], [0], [100_000], [0], [300_000]]);
    // without years the entity competes across both years: M4a's two rows (800,000) beat M1 (607,500)
    expect(call("BEST_OF", entities, amounts, null, measures)).toEqual([[0], [0], [500_000], [100_000], [0], [300_000]]);
    // without measures, ties go to the earlier row
    expect(call("BEST_OF", entities, amounts, years)).toEqual([[0], [607_500], [0], [100_000], [300_000], [0]]);
  });

  test("several amounts of one measure count together; blank rows give 0; codes are normalised", () => {
    const A = makeUscc(3);
    const result = call(
      "BEST_OF",
      col([A, A.toLowerCase(), ` ${A}`, null]),
      col([300_000, 300_000, 500_000, null]),
      null,
      col(["M8b", "8b", "M3", null]),
    );
    expect(result).toEqual([[300_000], [300_000], [0], [0]]);
  });

  test("amounts compete to the fen: 0.1+0.2 does not beat 0.30 (a tie goes to the earlier row)", () => {
    expect(call("BEST_OF", col(["X", "X"]), col([0.3, 0.1 + 0.2]))).toEqual([[0.3], [0]]);
    expect(call("BEST_OF", col(["X", "X"]), col([0.1 + 0.2, 0.3]))).toEqual([[0.3], [0]]);
  });

  test("a negative amount is #NUM! in its own row", () => {
    const result = call("BEST_OF", col(["X", "Y"]), col([-1, 5]));
    expect((result[0][0] as StubError).code).toBe("#NUM!");
    expect(result[1]).toEqual([5]);
  });
});

describe("explain: the appendix's labelled lines, in one cell, in Office's display language", () => {
  const args = [
    v("M1"),
    v(25_000_000),
    v(50_000_000),
    v(0.036),
    v(serial("2025-01-15")),
    v(serial("2029-01-15")),
    null,
    null,
    null,
    v(true),
  ];
  test("English when Office runs in English", () => {
    const line = loadFunctions("en-US").get("INTEREST_SUBSIDY")!(...args) as string[][];
    const lines = line[0][0].split("\n");
    expect(lines[0]).toBe("Clause: 第1条 Quality e-commerce entity: new flagship project (loan interest subsidy)");
    expect(lines).toContain("Window: 2025-10-23 to 2027-12-31 (inclusive), 800 days (end of the policy period)");
    expect(lines).toContain(
      "First day: Assumed in force from 2025-10-23 (the date the draft was published); the issued text's date prevails",
    );
    expect(lines).toContain("Rate: loan rate 3.60% vs LPR 3.10%, the lower: 3.10%");
    expect(lines).toContain("Cap: 2,000,000.00, computed 3,444,444.44 is above it: the cap");
    expect(lines[lines.length - 1]).toBe("Result: eligible, 2,000,000.00");
  });
  test("Chinese when Office runs in Chinese, and when the language cannot be known", () => {
    for (const fns of [loadFunctions("zh-CN"), loadFunctions()]) {
      const line = fns.get("INTEREST_SUBSIDY")!(...args) as string[][];
      const lines = line[0][0].split("\n");
      expect(lines).toContain("计息区间：2025-10-23 至 2027-12-31（含），800天（政策有效期止）");
      expect(lines).toContain("起算日：假定自2025-10-23起施行（征求意见稿发布日期），以正式印发日期为准");
      expect(lines).toContain("适用利率：贷款利率 3.60% 与同期LPR 3.10% 孰低，取 3.10%");
      expect(lines[lines.length - 1]).toBe("结论：符合条件 2,000,000.00");
    }
    expect((loadFunctions("zh-CN").get("RETAIL_BONUS")!(v(12_345_678.9), null, v(true)) as string[][])[0][0].split("\n")).toEqual([
      "申报条款：第3条 支持电商企业扩大网络零售规模（新增实物网络零售额奖励）",
      "输入：限额以上在统企业 是；年度新增实物网络零售额 12,345,678.90",
      "条件：限额以上在统企业 是；年度新增实物网络零售额 12,345,678.90 超过 10,000,000.00，符合",
      "核算金额：12,345,678.90 × 2% = 246,913.58",
      "上限：3,000,000.00，未触及",
      "结论：符合条件 246,913.58",
    ]);
    expect(
      (
        loadFunctions("en-GB").get("LPR_INTEREST")!(v(10_000_000), v(0.0345), v(45809), v(46538), null, null, null, v(true)) as string[][]
      )[0][0],
    ).toContain("Window: 2025-06-01 to 2027-05-30 (inclusive), 729 days");
  });
});

describe("lprTable errors name the argument", () => {
  test("a rate of 3 in an LPR table row is #NUM! against lprTable", () => {
    const fns = loadFunctions("en-US");
    let error: StubError | null = null;
    try {
      fns.get("LPR")!([[45809]], [[45809, 3]]);
    } catch (e) {
      error = e as StubError;
    }
    expect(error?.code).toBe("#NUM!");
    expect(error?.message).toContain("lprTable row 1 LPR rate: 3 looks like percent points");
  });
});

describe("RULES.md revision 3, change 7: bounds on every value given, used or not", () => {
  const loan = [v(10_000_000), v(0.04), v(serial("2025-06-01")), v(serial("2026-06-01"))];

  test('INTEREST_SUBSIDY("M8b", -1, …) is #NUM! for totalInvestment, though M8b reads no investment', () => {
    const error = failure("INTEREST_SUBSIDY", v("M8b"), v(-1), ...loan);
    expect(error.code).toBe("#NUM!");
    expect(error.message).toContain("total investment cannot be negative");
  });

  test("a total investment of 1E14 on M8b is #NUM! naming it, not ignored", () => {
    const error = failure("INTEREST_SUBSIDY", v("M8b"), v(1e14), ...loan);
    expect(error.code).toBe("#NUM!");
    expect(error.message).toMatch(/total investment .* outside the plausible range/);
  });

  test("a loan rate of 30% is #NUM! even when the row fails its threshold (M1 below 5,000,000)", () => {
    const error = failure(
      "INTEREST_SUBSIDY",
      v("M1"),
      v(1_000_000),
      v(10_000_000),
      v(0.3),
      v(serial("2025-06-01")),
      v(serial("2026-06-01")),
    );
    expect(error.code).toBe("#NUM!");
    expect(error.message).toMatch(/loan rate: 0.3 \(30%\) is above the plausible/);
  });

  test.each`
    id                        | args
    ${"RETAIL_BONUS"}         | ${[v("15%")]}
    ${"CROSS_BORDER_SUBSIDY"} | ${[v("site"), v("15%"), v(100_000)]}
    ${"INTEREST_SUBSIDY"}     | ${[v("M8b"), v("15%"), ...loan]}
  `('"15%" as an amount is #VALUE! in $id, as screening refuses it', ({ id, args }) => {
    const error = failure(id, ...args);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain("15% is a percentage; an amount in yuan is expected");
  });

  test("an lprTable with two rows of one date and different rates is #VALUE! naming both rows", () => {
    const table = [
      ["日期", "利率"],
      [serial("2026-09-22"), 0.03],
      [serial("2026-10-20"), 0.029],
      [serial("2026-09-22"), 0.031],
    ];
    const error = failure("LPR", v(serial("2026-10-01")), table);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain("lprTable rows 2 and 4: two LPR rates for 2026-09-22 (3%, 3.1%)");
  });

  test("the same date with the same rate twice is harmless", () => {
    const table = [
      [serial("2026-09-22"), 0.03],
      [serial("2026-09-22"), 0.03],
    ];
    expect(value("LPR", v(serial("2026-10-01")), table)).toBeCloseTo(0.03, 12);
  });
});
