/**
 * The function helper's model: which inputs a measure's rule reads, their words, the facts and the =HLJ.… formula
 * they make, and a loan priced year by year. Every amount comes from the core (computeAward, parseNumberCell,
 * formatYuan): nothing here re-implements a rule.
 */
import {
  ApplicationFacts,
  Award,
  Decimal,
  FIELD_BY_KEY,
  MeasureId,
  OptionsInput,
  computeAward,
  formatYuan,
  getParameterSet,
  measureParams,
  measureTerm,
  parseNumberCell,
} from "../../../../core";
import type { Language, T } from "../i18n";

export type InputKey =
  | "totalInvestment"
  | "principal"
  | "loanRate"
  | "startDate"
  | "endDate"
  | "onlineRetailIncrease"
  | "importExport"
  | "eligibleCosts"
  | "drivenOnlineSales"
  | "investmentLast3Years";

export type HelperValues = Record<InputKey, string>;

export const HELPED: MeasureId[] = ["M1", "M2", "M3", "M4a", "M4b", "M5", "M6a", "M6b", "M7", "M8a", "M8b"];

/**
 * The measures in the drop-down: 第n条 and a few words (the policy's titles run to 25 characters and were cut
 * in a 320 px pane); the full title is said under the drop-down.
 */
const SHORT: Record<string, { zh: string; en: string }> = {
  M1: { zh: "新建引领性项目贴息", en: "flagship project loan" },
  M2: { zh: "电商平台建设贴息", en: "platform loan" },
  M3: { zh: "新增实物网络零售额奖励", en: "online retail growth" },
  M4a: { zh: "跨境电商独立站补贴", en: "cross-border website" },
  M4b: { zh: "跨境平台店铺补贴", en: "cross-border shop" },
  M5: { zh: "电商基地数转智改贴息", en: "base upgrade loan" },
  M6a: { zh: "国家电子商务示范基地", en: "national base" },
  M6b: { zh: "省级创新标杆基地", en: "provincial base" },
  M7: { zh: "特色选品中心", en: "selection centre" },
  M8a: { zh: "仓储物流智慧化贴息", en: "smart warehousing loan" },
  M8b: { zh: "跨境仓储设施贴息", en: "cross-border warehouse loan" },
};

export function measureOption(id: MeasureId, language: Language): string {
  return `${measureTerm(id)[language]} ${SHORT[id]?.[language] ?? ""}`.trim();
}

const AMOUNT_KEYS: InputKey[] = [
  "totalInvestment",
  "principal",
  "onlineRetailIncrease",
  "importExport",
  "eligibleCosts",
  "drivenOnlineSales",
  "investmentLast3Years",
];
export const isAmount = (key: InputKey) => AMOUNT_KEYS.includes(key);

/** Labels come from the screening fields (the same words as the template's headers); the unit sits in the box. */
export function labelOf(key: InputKey, language: Language): string {
  const spec = FIELD_BY_KEY.get(key)!;
  return language === "zh" ? spec.zh : spec.en.charAt(0).toUpperCase() + spec.en.slice(1);
}

/** The unit shown after an input: 元 for amounts, % for the rate (typed in percent points), none for dates. */
export function unitOf(key: InputKey, language: Language): string | null {
  if (key === "loanRate") return "%";
  return isAmount(key) ? (language === "zh" ? "元" : "yuan") : null;
}

/** The inputs a measure's rule reads, from its parameters: the threshold's fact, its base, and a loan. */
export function inputsOf(measure: MeasureId): InputKey[] {
  const params = measureParams(getParameterSet(), measure);
  const keys: InputKey[] = [];
  if (params.threshold && params.threshold.field !== params.base) keys.push(params.threshold.field as InputKey);
  if (params.base) keys.push(params.base as InputKey);
  if (params.kind === "interest") keys.push("principal", "loanRate", "startDate", "endDate");
  return keys;
}

/** The yes/no the rule asks for, in the pane's language: the qualification (第1、3条) or 首次达到 (第4条). */
export function flagOf(measure: MeasureId, language: Language, t: T): string | null {
  const params = measureParams(getParameterSet(), measure);
  if (params.needsFirstTime) return t("flagFirstTime");
  if (params.qualification) {
    const words = language === "zh" ? params.qualification.zh.replace(/（.*$/, "") : params.qualification.en.replace(/ \(.*$/, "");
    return words.charAt(0).toUpperCase() + words.slice(1);
  }
  return null;
}

export const DEFAULTS: HelperValues = {
  totalInvestment: "20,000,000.00",
  principal: "12,000,000.00",
  loanRate: "3.45",
  startDate: "2025-06-01",
  endDate: "2027-05-31",
  onlineRetailIncrease: "12,345,678.90",
  importExport: "6,000,000.00",
  eligibleCosts: "300,000.00",
  drivenOnlineSales: "60,000,000.00",
  investmentLast3Years: "1,500,000.00",
};

/** A typed number as the core reads a cell (`12,000,000.00`, `¥1,234`, full-width digits); else the text as typed. */
function numberOf(text: string): Decimal | null {
  const parsed = parseNumberCell(text);
  return parsed.kind === "value" ? parsed.value : null;
}

/** The number in plain digits for a formula and the rule: `12,000,000.00` → `12000000`; text not a number as it is. */
export function plain(text: string): string {
  return numberOf(text)?.toString() ?? text.trim();
}

/** An input as it reads once left: amounts with thousands separators and two decimals; the rest as typed. */
export function tidy(key: InputKey, text: string): string {
  const number = isAmount(key) ? numberOf(text) : null;
  return number ? formatYuan(number) : text.trim();
}

const excelDate = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return `DATE(${y},${m},${d})`;
};

/** The =HLJ.… formula that computes the same award in a cell (with `awardYear`: that year's interest only). */
export function formulaFor(measure: MeasureId, values: HelperValues, flag: boolean, awardYear?: number): string {
  const v = Object.fromEntries(Object.entries(values).map(([k, text]) => [k, plain(text)])) as HelperValues;
  const kind = measureParams(getParameterSet(), measure).kind;
  if (kind === "interest") {
    const investment = measureParams(getParameterSet(), measure).threshold ? v.totalInvestment : "";
    const year = awardYear === undefined ? "" : `,,,,,${awardYear}`;
    return `=HLJ.INTEREST_SUBSIDY("${measure}",${investment},${v.principal},${v.loanRate}%,${excelDate(v.startDate)},${excelDate(v.endDate)}${year})`;
  }
  if (measure === "M3") return `=HLJ.RETAIL_BONUS(${v.onlineRetailIncrease},${flag ? "TRUE" : "FALSE"})`;
  if (measure === "M4a" || measure === "M4b")
    return `=HLJ.CROSS_BORDER_SUBSIDY("${measure === "M4a" ? "site" : "platform"}",${v.importExport},${v.eligibleCosts},${flag ? "TRUE" : "FALSE"})`;
  if (measure === "M6a" || measure === "M6b") return `=HLJ.BASE_AWARD("${measure === "M6a" ? "national" : "provincial"}")`;
  return `=HLJ.SELECTION_CENTER_GRANT(${v.drivenOnlineSales},${v.investmentLast3Years})`;
}

/** The helper's inputs as the facts of one application (the rate typed in percent; one switch for either flag). */
export function factsOf(values: HelperValues, flag: boolean): ApplicationFacts {
  const rate = numberOf(values.loanRate);
  return {
    qualified: flag,
    firstTime: flag,
    totalInvestment: plain(values.totalInvestment),
    loan: {
      principal: plain(values.principal),
      loanRate: rate ? rate.dividedBy(100).toString() : values.loanRate,
      startDate: values.startDate.trim(),
      endDate: values.endDate.trim(),
    },
    onlineRetailIncrease: plain(values.onlineRetailIncrease),
    importExport: plain(values.importExport),
    eligibleCosts: plain(values.eligibleCosts),
    drivenOnlineSales: plain(values.drivenOnlineSales),
    investmentLast3Years: plain(values.investmentLast3Years),
  };
}

/**
 * The award as the inserted formula computes it: the loan's whole window inside the policy period and, as the
 * functions do, the parameter set's issue date (FUNCTIONS.md revision 3), not the screening setting.
 */
export function helperAward(measure: MeasureId, values: HelperValues, flag: boolean, options: OptionsInput): Award {
  return computeAward(measure, factsOf(values, flag), { ...options, effectiveFrom: undefined, interestWindow: "loan" });
}

export interface YearAward {
  year: number;
  award: Award;
  formula: string;
}

/**
 * A loan priced year by year, as screening pays it (interest window 按年度据实, the default): for each award year
 * from the loan's start to its end inside the policy period, that year's interest — computeAward with the year, as
 * HLJ.INTEREST_SUBSIDY with its award-year argument. Empty for a measure that is not a loan or dates not yet valid.
 */
export function loanByYear(measure: MeasureId, values: HelperValues, flag: boolean, options: OptionsInput): YearAward[] {
  const policy = getParameterSet(options.policy);
  if (measureParams(policy, measure).kind !== "interest") return [];
  const iso = /^(\d{4})-\d{2}-\d{2}$/;
  const start = iso.exec(values.startDate.trim());
  const end = iso.exec(values.endDate.trim());
  if (!start || !end) return [];
  const first = Math.max(Number(start[1]), Number(policy.subsidyPeriod.effectiveFrom.value.slice(0, 4)));
  const last = Math.min(Number(end[1]), Number(policy.subsidyPeriod.end.slice(0, 4)));
  const years: YearAward[] = [];
  for (let year = first; year <= last && years.length < 50; year++) {
    const award = computeAward(measure, factsOf(values, flag), {
      ...options,
      effectiveFrom: undefined,
      interestWindow: "award-year",
      year,
    });
    years.push({ year, award, formula: formulaFor(measure, values, flag, year) });
  }
  return years;
}
