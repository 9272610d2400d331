/**
 * The HLJ.* functions as WPS calls them: registerWpsFunctions() with a fake `wps.AddCustomFunction` collecting
 * what is registered, then each function called with plain values (a number, text, TRUE, a 2-D array for a range,
 * nothing for an omitted argument). The results must be Excel's — the built dist/functions.js called as Excel calls
 * it (test/helpers/functions-runtime.ts) — on the RULES.md worked examples the Excel tests use, errors included:
 * the same error and, in Chinese WPS, the same Chinese message naming the argument's Chinese name.
 */
import { isoToExcelSerial } from "../../../core/dates/excel-serial";
import { LATIN_IN_CHINESE } from "../../../core/words/glossary";
import { WPS_FUNCTIONS, WPS_NAMESPACE, WpsCell, excelArgument, registerWpsFunctions } from "../../../addin/wps/functions/register";
import { CustomFunction, StubError, loadFunctions } from "../../helpers/functions-runtime";
import { makeUscc } from "../../helpers/uscc";
import * as excelModule from "../../../addin/functions/functions";
import zhTable from "../../../addin/functions/functions.zh-CN.json";

type Generation = {
  metadata: { functions: { id: string; name: string; parameters: unknown[] }[] };
  associate: { id: string; functionName: string }[];
};
const { excelFunctionsGeneration } = require("../../../scripts/wps-functions") as {
  excelFunctionsGeneration: () => Promise<Generation>;
};

const serial = (iso: string) => isoToExcelSerial(iso)!;
/** A value as Excel passes it to a matrix parameter. */
const v = (value: unknown) => [[value]];
const col = (values: unknown[]) => values.map((x) => [x]);
const ZH = zhTable as Record<string, { parameters: Record<string, { name: string }> }>;

type Registered = Map<string, (...args: unknown[]) => unknown>;
type Outcome = { cells: WpsCell[][]; messages: string[] };

/** A WPS whose AddCustomFunction collects the functions, in a UI language given as an LCID (none: WPS does not say). */
function fakeWps(lcid?: number) {
  const registered: Registered = new Map();
  const namespaces = new Set<string>();
  const wps = {
    AddCustomFunction(ns: string, name: string, fn: (...args: unknown[]) => unknown) {
      if (this !== wps) throw new Error("AddCustomFunction called without wps as this");
      if (registered.has(name)) throw new Error(`${name} registered twice`);
      namespaces.add(ns);
      registered.set(name, fn);
    },
    EtApplication: () => ({ LanguageSettings: { LanguageID: (id: number) => (id === 2 ? lcid : undefined) } }),
  };
  return { wps, registered, namespaces };
}

/** Registers into a fake WPS; the error messages the functions report are collected in `messages`. */
function registerInWps(lcid?: number) {
  const fake = fakeWps(lcid);
  const messages: string[] = [];
  (globalThis as { wps?: unknown }).wps = fake.wps;
  const names = registerWpsFunctions({ report: (line) => messages.push(line) });
  const call = (id: string, args: unknown[]): Outcome => {
    messages.length = 0;
    const cells = fake.registered.get(id)!(...args) as WpsCell[][];
    return { cells, messages: [...messages] };
  };
  return { ...fake, names, call };
}

afterEach(() => {
  delete (globalThis as { wps?: unknown }).wps;
});

/** What Excel shows for a call: the values, an error as its code, and the messages of the errors under HLJ.ID. */
function excelOutcome(fns: Map<string, CustomFunction>, id: string, args: unknown[]): Outcome {
  const messages: string[] = [];
  const shown = (cell: unknown): WpsCell => {
    if (!(cell instanceof StubError)) return cell as WpsCell;
    messages.push(`${WPS_NAMESPACE}.${id}: ${cell.code} ${cell.message}`);
    return cell.code;
  };
  try {
    const cells = (fns.get(id)!(...args) as unknown[][]).map((row) => row.map(shown));
    return { cells, messages };
  } catch (error) {
    return { cells: [[shown(error)]], messages };
  }
}

/**
 * Excel's arguments as WPS passes them: a single value as itself, a range as its 2-D array, an omitted argument not
 * at all (trailing) or as undefined.
 */
function plain(args: unknown[]): unknown[] {
  const values = args.map((arg) => {
    if (arg === null) return undefined;
    const matrix = arg as unknown[][];
    return matrix.length === 1 && matrix[0].length === 1 ? matrix[0][0] : matrix;
  });
  while (values.length && values[values.length - 1] === undefined) values.pop();
  return values;
}

const A = makeUscc(1);
const B = makeUscc(2);
const loan = (principal: number, rate: number, start: string, end: string) => [v(principal), v(rate), v(serial(start)), v(serial(end))];

/** The worked examples of the Excel tests (RULES.md, FUNCTIONS.md revision 3), in Excel's form, and the values they give. */
const EXAMPLES: { what: string; id: string; args: unknown[]; expected: WpsCell[][] }[] = [
  { what: "LPR on 2025-06-01", id: "LPR", args: [v(serial("2025-06-01"))], expected: [[0.03]] },
  { what: "LPR on ISO text", id: "LPR", args: [v("2024-06-01"), null], expected: [[0.0345]] },
  {
    what: "LPR from a supplied table (a range with a header and an empty row)",
    id: "LPR",
    args: [
      v(serial("2026-06-01")),
      [
        ["生效日期", "利率"],
        [serial("2026-05-20"), 0.029],
        [null, null],
      ],
    ],
    expected: [[0.029]],
  },
  {
    what: "LPR_INTEREST 10,000,000 at 3.45%",
    id: "LPR_INTEREST",
    args: loan(10_000_000, 0.0345, "2025-06-01", "2027-05-31"),
    expected: [[607_500]],
  },
  {
    what: "LPR_INTEREST floating",
    id: "LPR_INTEREST",
    args: [...loan(8_000_000, 0.04, "2024-06-01", "2025-06-01"), null, v("floating")],
    expected: [[260_200]],
  },
  {
    what: "LPR_INTEREST over a balance schedule",
    id: "LPR_INTEREST",
    args: [
      [
        ["日期", "余额"],
        [serial("2025-06-01"), 10_000_000],
        [serial("2025-12-01"), 4_000_000],
      ],
      v(0.035),
      v(serial("2025-06-01")),
      v(serial("2026-06-01")),
    ],
    expected: [[213_166.67]],
  },
  {
    what: "INTEREST_SUBSIDY M1, TI 20,000,000",
    id: "INTEREST_SUBSIDY",
    args: [v("M1"), v(20_000_000), ...loan(10_000_000, 0.0345, "2025-06-01", "2027-05-31")],
    expected: [[487_500]],
  },
  {
    what: "INTEREST_SUBSIDY revision 3: 800 days at 3.10%",
    id: "INTEREST_SUBSIDY",
    args: [v("M1"), v(80_000_000), ...loan(50_000_000, 0.036, "2025-01-15", "2029-01-15")],
    expected: [[3_444_444.44]],
  },
  {
    what: "INTEREST_SUBSIDY revision 3, awardYear 2025",
    id: "INTEREST_SUBSIDY",
    args: [v("M1"), v(80_000_000), ...loan(50_000_000, 0.036, "2025-01-15", "2029-01-15"), null, null, null, null, v(2025)],
    expected: [[301_388.89]],
  },
  {
    what: "INTEREST_SUBSIDY capped at M1's 2,000,000",
    id: "INTEREST_SUBSIDY",
    args: [v("M1"), v(25_000_000), ...loan(50_000_000, 0.036, "2025-01-15", "2029-01-15")],
    expected: [[2_000_000]],
  },
  {
    what: "INTEREST_SUBSIDY spilling over a column of award years",
    id: "INTEREST_SUBSIDY",
    args: [
      v("M1"),
      v(20_000_000),
      ...loan(10_000_000, 0.0345, "2025-06-01", "2027-05-31"),
      null,
      null,
      null,
      null,
      col([2025, 2026, 2027]),
    ],
    expected: [[58_333.33], [304_166.67], [125_000]],
  },
  {
    what: "INTEREST_SUBSIDY spilling over a column of measures",
    id: "INTEREST_SUBSIDY",
    args: [col(["M1", "M2", "M5", "M8a", "M8b"]), v(20_000_000), ...loan(100_000_000, 0.05, "2025-06-01", "2028-06-01")],
    expected: [[2_000_000], [2_000_000], [1_000_000], [3_000_000], [5_000_000]],
  },
  { what: "RETAIL_BONUS at the cap", id: "RETAIL_BONUS", args: [v(150_000_000)], expected: [[3_000_000]] },
  { what: "RETAIL_BONUS 2%", id: "RETAIL_BONUS", args: [v(12_345_678.9), null, null], expected: [[246_913.58]] },
  { what: "RETAIL_BONUS a decline", id: "RETAIL_BONUS", args: [v(-1_000_000)], expected: [[0]] },
  { what: "RETAIL_BONUS not above size", id: "RETAIL_BONUS", args: [v(150_000_000), v(false)], expected: [[0]] },
  { what: "RETAIL_BONUS a float artefact", id: "RETAIL_BONUS", args: [v(16778041.85 - 6778041.85)], expected: [[0]] },
  {
    what: "RETAIL_BONUS: a bad row holds its own error",
    id: "RETAIL_BONUS",
    args: [col([20_000_000, "abc", 30_000_000])],
    expected: [[400_000], ["#VALUE!"], [600_000]],
  },
  { what: "CROSS_BORDER_SUBSIDY site", id: "CROSS_BORDER_SUBSIDY", args: [v("site"), v(6_000_000), v(300_000)], expected: [[150_000]] },
  {
    what: "CROSS_BORDER_SUBSIDY platform, first time",
    id: "CROSS_BORDER_SUBSIDY",
    args: [v("platform"), v(10_000_000), v(2_000_000), v(true)],
    expected: [[500_000]],
  },
  { what: "CROSS_BORDER_SUBSIDY 平台 below", id: "CROSS_BORDER_SUBSIDY", args: [v("平台"), v(9_999_999.99), v(300_000)], expected: [[0]] },
  {
    what: "CROSS_BORDER_SUBSIDY not first",
    id: "CROSS_BORDER_SUBSIDY",
    args: [v("site"), v(6_000_000), v(300_000), v(false)],
    expected: [[0]],
  },
  { what: "BASE_AWARD national", id: "BASE_AWARD", args: [v("national")], expected: [[1_000_000]] },
  { what: "BASE_AWARD 省级", id: "BASE_AWARD", args: [v("省级")], expected: [[500_000]] },
  { what: "SELECTION_CENTER_GRANT", id: "SELECTION_CENTER_GRANT", args: [v(60_000_000), v(1_500_000)], expected: [[750_000]] },
  { what: "SELECTION_CENTER_GRANT below", id: "SELECTION_CENTER_GRANT", args: [v(50_000_000), v(1_500_000)], expected: [[0]] },
  { what: "CAP M1", id: "CAP", args: [v("M1"), v(25_000_000)], expected: [[2_000_000]] },
  { what: "CAP 第1条", id: "CAP", args: [v("第1条"), v(80_000_000)], expected: [[10_000_000]] },
  { what: "CAP M3", id: "CAP", args: [v("M3")], expected: [[3_000_000]] },
  { what: "CAP 8(2)", id: "CAP", args: [v("8(2)")], expected: [[5_000_000]] },
  {
    what: "BEST_OF across three measures in two years",
    id: "BEST_OF",
    args: [
      col([A, A, A, B, A, A]),
      col([246_913.58, 607_500, 500_000, 100_000, 300_000, 300_000]),
      col([2025, 2025, 2025, 2025, 2026, 2026]),
      col(["M3", "M1", "M4a", "M3", "M6b", "M4a"]),
    ],
    expected: [[0], [607_500], [0], [100_000], [0], [300_000]],
  },
  {
    what: "BEST_OF without years (an omitted argument between given ones)",
    id: "BEST_OF",
    args: [
      col([A, A, A, B, A, A]),
      col([246_913.58, 607_500, 500_000, 100_000, 300_000, 300_000]),
      null,
      col(["M3", "M1", "M4a", "M3", "M6b", "M4a"]),
    ],
    expected: [[0], [0], [500_000], [100_000], [0], [300_000]],
  },
  { what: "BEST_OF to the fen", id: "BEST_OF", args: [col(["X", "X"]), col([0.1 + 0.2, 0.3])], expected: [[0.3], [0]] },
  { what: "BEST_OF a negative amount", id: "BEST_OF", args: [col(["X", "Y"]), col([-1, 5])], expected: [["#NUM!"], [5]] },
  { what: "USCC_VALID", id: "USCC_VALID", args: [v("91350100M000100Y43")], expected: [[true]] },
  { what: "USCC_VALID wrong check character", id: "USCC_VALID", args: [v("91350100M000100Y4Z")], expected: [[false]] },
  {
    what: "USCC_VALID over a column",
    id: "USCC_VALID",
    args: [col(["91310110666007217T", "914403001922038216", "bad"])],
    expected: [[true], [true], [false]],
  },
  { what: "CITY 大庆", id: "CITY", args: [v(makeUscc(7, "230600"))], expected: [["大庆"]] },
  { what: "CITY outside Heilongjiang", id: "CITY", args: [v("91350100M000100Y43")], expected: [["#N/A"]] },
  { what: "CITY a bad code", id: "CITY", args: [v("91350100M000100Y44")], expected: [["#VALUE!"]] },
  { what: "a rate of 3.45", id: "LPR_INTEREST", args: loan(10_000_000, 3.45, "2025-06-01", "2027-05-31"), expected: [["#NUM!"]] },
  { what: "an unknown measure", id: "CAP", args: [v("M99")], expected: [["#VALUE!"]] },
  { what: "an LPR not known", id: "LPR", args: [v(serial("2019-01-01"))], expected: [["#N/A"]] },
  { what: "end before start", id: "LPR_INTEREST", args: loan(10_000_000, 0.04, "2025-06-01", "2025-05-31"), expected: [["#NUM!"]] },
  { what: '"15%" as an amount', id: "RETAIL_BONUS", args: [v("15%")], expected: [["#VALUE!"]] },
];

/** Errors with the argument the message must name (errors-language.test.ts's cases) and what the person typed. */
const ERRORS: { what: string; id: string; args: unknown[]; code: string; argument: string; typed?: string[] }[] = [
  {
    what: "rate as percent points",
    id: "LPR_INTEREST",
    args: loan(10_000_000, 3.45, "2025-06-01", "2027-05-31"),
    code: "#NUM!",
    argument: "loanRate",
  },
  {
    what: "negative principal",
    id: "LPR_INTEREST",
    args: loan(-1, 0.04, "2025-06-01", "2027-05-31"),
    code: "#NUM!",
    argument: "principal",
  },
  {
    what: "text principal",
    id: "LPR_INTEREST",
    args: [v("lots"), v(0.04), v(serial("2025-06-01")), v(serial("2027-05-31"))],
    code: "#VALUE!",
    argument: "principal",
    typed: ["lots"],
  },
  {
    what: "unknown channel",
    id: "CROSS_BORDER_SUBSIDY",
    args: [v("shop"), v(6_000_000), v(5)],
    code: "#VALUE!",
    argument: "channel",
    typed: ["shop"],
  },
  { what: "unknown level", id: "BASE_AWARD", args: [v("city")], code: "#VALUE!", argument: "level", typed: ["city"] },
  { what: "percentage as an amount", id: "RETAIL_BONUS", args: [v("15%")], code: "#VALUE!", argument: "onlineRetailIncrease" },
  {
    what: "negative investment on M8b",
    id: "INTEREST_SUBSIDY",
    args: [v("M8b"), v(-1), ...loan(10_000_000, 0.04, "2025-06-01", "2027-05-31")],
    code: "#NUM!",
    argument: "totalInvestment",
  },
  { what: "two-column measure", id: "CAP", args: [[["M1", "M2"]]], code: "#VALUE!", argument: "measure" },
  {
    what: "mismatched columns",
    id: "RETAIL_BONUS",
    args: [col([1, 2, 3]), col([true, false])],
    code: "#VALUE!",
    argument: "aboveDesignatedSize",
  },
  { what: "lprTable rate 3", id: "LPR", args: [v(serial("2025-06-01")), [[serial("2025-06-01"), 3]]], code: "#NUM!", argument: "lprTable" },
  { what: "empty entity in BEST_OF", id: "BEST_OF", args: [v(""), v(5)], code: "#VALUE!", argument: "entityIds" },
  { what: "M1's cap without total investment", id: "CAP", args: [v("M1")], code: "#VALUE!", argument: "totalInvestment" },
];

describe("registration", () => {
  test("the eleven functions, under the namespace HLJ, with wps as this", () => {
    const { names, registered, namespaces } = registerInWps(2052);
    expect(names).toEqual(WPS_FUNCTIONS.map(([name]) => name));
    expect([...registered.keys()]).toEqual(names);
    expect([...namespaces]).toEqual(["HLJ"]);
  });

  test("the same names, order and functions Excel's build associates, each taking every parameter Excel's metadata declares", async () => {
    const { metadata, associate } = await excelFunctionsGeneration();
    expect(WPS_FUNCTIONS.map(([name]) => name)).toEqual(metadata.functions.map((f) => f.name));
    const excelExports = excelModule as unknown as Record<string, unknown>;
    expect(WPS_FUNCTIONS.map(([name, fn]) => [name, fn])).toEqual(associate.map((a) => [a.id, excelExports[a.functionName]]));
    WPS_FUNCTIONS.forEach(([, fn], i) => expect(fn.length).toBe(metadata.functions[i].parameters.length));
  }, 60_000);

  test("without wps.AddCustomFunction nothing is registered and the console says so once", () => {
    const info = jest.spyOn(console, "info").mockImplementation(() => undefined);
    try {
      (globalThis as { wps?: unknown }).wps = { EtApplication: () => ({}) };
      expect(registerWpsFunctions()).toEqual([]);
      delete (globalThis as { wps?: unknown }).wps;
      expect(registerWpsFunctions()).toEqual([]);
      expect(info).toHaveBeenCalledTimes(1);
      expect(info.mock.calls[0][0]).toMatch(/wps\.AddCustomFunction.*12\.1\.0\.20540/);
    } finally {
      info.mockRestore();
    }
  });
});

describe("called as WPS calls them, the same as Excel", () => {
  const excelZh = loadFunctions("zh-CN");

  test.each(EXAMPLES)("$what ($id)", ({ id, args, expected }) => {
    const wps = registerInWps(2052);
    const excel = excelOutcome(excelZh, id, args);
    expect(excel.cells).toEqual(expected);
    expect(wps.call(id, plain(args))).toEqual(excel);
  });

  test("explain: the same lines, in Chinese", () => {
    const args = [v("M1"), v(25_000_000), ...loan(50_000_000, 0.036, "2025-01-15", "2029-01-15"), null, null, null, v(true)];
    const shown = registerInWps(2052).call("INTEREST_SUBSIDY", plain(args));
    expect(shown).toEqual(excelOutcome(excelZh, "INTEREST_SUBSIDY", args));
    expect(String(shown.cells[0][0]).split("\n")).toContain("结论：符合条件 2,000,000.00");
  });

  test("omitted arguments passed as undefined or null, and cells as WPS may give them, are read as Excel reads them", () => {
    const wps = registerInWps(2052);
    const args = loan(10_000_000, 0.0345, "2025-06-01", "2027-05-31").map((a) => a[0][0]);
    expect(wps.call("LPR_INTEREST", [...args, undefined, null, undefined, false, undefined]).cells).toEqual([[607_500]]);
    // A range with a blank cell given as undefined; a date cell given as a JavaScript date.
    expect(
      wps.call("BEST_OF", [
        [["X"], [undefined], ["Y"]],
        [[5], [undefined], [7]],
      ]).cells,
    ).toEqual([[5], [0], [7]]);
    expect(wps.call("LPR", [new Date(2025, 5, 1)]).cells).toEqual([[0.03]]);
    expect(wps.call("LPR", [new Date(2025, 5, 1, 18, 30)]).cells).toEqual([[0.03]]);
  });
});

describe("errors: the Excel error in the cell, the message in the WPS language", () => {
  const zhName = (id: string, argument: string) => ZH[id].parameters[argument].name;

  describe("Chinese WPS (LanguageID 2052): Chinese only, naming the argument's Chinese name", () => {
    const excelZh = loadFunctions("zh-CN");
    test.each(ERRORS)("$what ($id)", ({ id, args, code, argument, typed = [] }) => {
      const shown = registerInWps(2052).call(id, plain(args));
      expect(shown).toEqual(excelOutcome(excelZh, id, args));
      expect(shown.cells).toEqual([[code]]);
      expect(shown.messages).toHaveLength(1);
      const message = shown.messages[0].replace(`${WPS_NAMESPACE}.${id}: ${code} `, "");
      expect(message).toContain(zhName(id, argument));
      expect(message).not.toContain(argument);
      let rest = message;
      for (const allowed of [...typed, ...LATIN_IN_CHINESE]) rest = rest.split(allowed).join(" ");
      expect(rest).not.toMatch(/[A-Za-z]/);
    });

    test("贷款利率, not loanRate: the message for a rate of 3.45", () => {
      const shown = registerInWps(2052).call("LPR_INTEREST", plain(loan(10_000_000, 3.45, "2025-06-01", "2027-05-31")));
      expect(shown.messages).toEqual([expect.stringMatching(/^HLJ\.LPR_INTEREST: #NUM! 贷款利率：/)]);
    });
  });

  describe("English WPS (LanguageID 1033): English only", () => {
    const excelEn = loadFunctions("en-US");
    test.each(ERRORS)("$what ($id)", ({ id, args, argument }) => {
      const shown = registerInWps(1033).call(id, plain(args));
      expect(shown).toEqual(excelOutcome(excelEn, id, args));
      expect(shown.messages[0]).not.toContain(zhName(id, argument));
      expect(shown.messages[0]).not.toMatch(/[：，；（）]/);
    });
  });

  test("Chinese when WPS does not say its language, and for Chinese other than 简体 (zh-TW 1028)", () => {
    const args = plain(loan(10_000_000, 3.45, "2025-06-01", "2027-05-31"));
    for (const lcid of [undefined, 1028]) {
      expect(registerInWps(lcid).call("LPR_INTEREST", args).messages).toEqual([expect.stringMatching(/贷款利率：/)]);
    }
  });
});

describe("WPS arguments as Excel passes them", () => {
  test.each<[string, unknown, unknown]>([
    ["omitted", undefined, null],
    ["null", null, null],
    ["a number", 5, [[5]]],
    ["text", "M1", [["M1"]]],
    ["a boolean", false, [[false]]],
    ["a range", [[1], [2]], [[1], [2]]],
    ["a range with a blank cell", [["a", undefined]], [["a", null]]],
    ["an empty array", [], null],
    ["a 1-D array, as one row", [1, 2], [[1, 2]]],
    ["a Range-like object, by its Value2", { Value2: [[3], [4]] }, [[3], [4]]],
    ["a date, as its Excel serial", new Date(2025, 5, 1), [[45809]]],
  ])("%s", (_, value, expected) => {
    expect(excelArgument(value)).toEqual(expected);
  });
});
