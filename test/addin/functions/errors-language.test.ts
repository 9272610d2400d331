/**
 * Function errors in the display language (FUNCTIONS.md revision 3, "Wording"): in Chinese Office every message is
 * Chinese only and names the argument by its Chinese name (the zh-CN metadata's, as the formula tooltip shows it);
 * in any other language English only. Called as Excel calls them: the built functions.js in a bare runtime whose
 * Office stub reports the display language.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { isoToExcelSerial } from "../../../core/dates/excel-serial";
import { LATIN_IN_CHINESE } from "../../../core/words/glossary";
import { CustomFunction, StubError, loadFunctions } from "../../helpers/functions-runtime";

const serial = (iso: string) => isoToExcelSerial(iso)!;
const v = (value: unknown) => [[value]];
const col = (values: unknown[]) => values.map((x) => [x]);
const start = serial("2025-06-01");
const end = serial("2027-05-31");

const ZH_NAMES = JSON.parse(readFileSync(join(__dirname, "../../../addin/functions/functions.zh-CN.json"), "utf8")) as Record<
  string,
  { parameters?: Record<string, { name: string }> }
>;

function failure(fns: Map<string, CustomFunction>, id: string, args: unknown[]): StubError {
  try {
    fns.get(id)!(...args);
  } catch (error) {
    expect(error).toBeInstanceOf(StubError);
    return error as StubError;
  }
  throw new Error(`${id} did not fail`);
}

/** Each case: the function, its arguments, the argument the message must name, and what the person typed (may be Latin). */
const CASES: { what: string; id: string; args: unknown[]; argument: string; typed?: string[] }[] = [
  { what: "rate as percent points", id: "LPR_INTEREST", args: [v(10_000_000), v(3.45), v(start), v(end)], argument: "loanRate" },
  { what: "rate above the plausible", id: "LPR_INTEREST", args: [v(10_000_000), v(0.3), v(start), v(end)], argument: "loanRate" },
  { what: "negative principal", id: "LPR_INTEREST", args: [v(-1), v(0.04), v(start), v(end)], argument: "principal" },
  { what: "text principal", id: "LPR_INTEREST", args: [v("lots"), v(0.04), v(start), v(end)], argument: "principal", typed: ["lots"] },
  { what: "empty start date", id: "LPR_INTEREST", args: [v(1), v(0.04), v(""), v(end)], argument: "startDate" },
  {
    what: "bad lprMode",
    id: "LPR_INTEREST",
    args: [v(1), v(0.04), v(start), v(end), null, v("daily")],
    argument: "lprMode",
    typed: ["daily"],
  },
  { what: "negative costs", id: "CROSS_BORDER_SUBSIDY", args: [v("site"), v(6_000_000), v(-5)], argument: "eligibleCosts" },
  { what: "unknown channel", id: "CROSS_BORDER_SUBSIDY", args: [v("shop"), v(6_000_000), v(5)], argument: "channel", typed: ["shop"] },
  { what: "unknown level", id: "BASE_AWARD", args: [v("city")], argument: "level", typed: ["city"] },
  { what: "percentage as an amount", id: "RETAIL_BONUS", args: [v("15%")], argument: "onlineRetailIncrease" },
  {
    what: "negative investment on M8b",
    id: "INTEREST_SUBSIDY",
    args: [v("M8b"), v(-1), v(10_000_000), v(0.04), v(start), v(end)],
    argument: "totalInvestment",
  },
  { what: "two-column measure", id: "CAP", args: [[["M1", "M2"]]], argument: "measure" },
  { what: "mismatched columns", id: "RETAIL_BONUS", args: [col([1, 2, 3]), col([true, false])], argument: "aboveDesignatedSize" },
  { what: "lprTable rate 3", id: "LPR", args: [v(start), [[start, 3]]], argument: "lprTable" },
  { what: "empty entity in BEST_OF", id: "BEST_OF", args: [v(""), v(5)], argument: "entityIds" },
  {
    what: "two LPR rates for one date",
    id: "LPR",
    args: [
      v(start),
      [
        [start, 0.03],
        [start, 0.031],
      ],
    ],
    argument: "lprTable",
  },
  { what: "M1's cap without total investment", id: "CAP", args: [v("M1")], argument: "totalInvestment" },
];

/** The Chinese name the zh-CN metadata gives `argument` in function `id`. */
const zhName = (id: string, argument: string) => ZH_NAMES[id].parameters![argument].name;

describe("in Chinese Office: Chinese only, naming the argument's Chinese name", () => {
  const fns = loadFunctions("zh-CN");
  test.each(CASES)("$what ($id)", ({ id, args, argument, typed = [] }) => {
    const { message } = failure(fns, id, args);
    expect(message).toContain(zhName(id, argument));
    expect(message).not.toContain(argument);
    let rest = message ?? "";
    for (const allowed of [...typed, ...LATIN_IN_CHINESE]) rest = rest.split(allowed).join(" ");
    expect(rest).not.toMatch(/[A-Za-z]/);
  });

  test("贷款利率, not loanRate: the message an officer sees for a rate of 3.45", () => {
    expect(failure(fns, "LPR_INTEREST", [v(10_000_000), v(3.45), v(start), v(end)]).message).toMatch(/^贷款利率：/);
  });
});

describe("in English Office: English only", () => {
  const fns = loadFunctions("en-US");
  test.each(CASES)("$what ($id)", ({ id, args, argument }) => {
    const { message } = failure(fns, id, args);
    expect(message).toMatch(/[A-Za-z]/);
    expect(message).not.toContain(zhName(id, argument));
    expect(message).not.toMatch(/[：，；（）]/);
  });
});
