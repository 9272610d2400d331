/**
 * The one set of words (SCREENING.md revision 3, "One set of words"): each term once, in Chinese and English,
 * the policy's own where it has one. The sheets, the pane, the zh-CN function help and the command line take
 * their words from here; test/core/words/glossary.test.ts holds the Chinese user-facing strings to it.
 */

export interface Term {
  readonly zh: string;
  readonly en: string;
}

/** The statuses of a result row. */
export const STATUS_TERMS = {
  eligible: { zh: "符合条件", en: "Eligible" },
  ineligible: { zh: "不符合条件", en: "Ineligible" },
  superseded: { zh: "从优不重复", en: "Superseded" },
  manual: { zh: "待人工核定", en: "Manual review" },
  not_cash: { zh: "无省级资金", en: "No provincial funds" },
  error: { zh: "数据有误", en: "Data error" },
} as const satisfies Record<string, Term>;

export type StatusCode = keyof typeof STATUS_TERMS;

/** The things the policy, the sheets and the pane name: one term each. */
export const TERMS = {
  retailIncrease: { zh: "新增实物网络零售额", en: "increase in online retail sales of physical goods" },
  aboveDesignatedSize: { zh: "限额以上在统企业", en: "enterprise above designated size" },
  periodLpr: { zh: "同期LPR", en: "LPR of the period" },
  lesserOf: { zh: "孰低", en: "the lower" },
  eligibleCost: { zh: "可补贴费用", en: "eligible cost" },
  firstTime: { zh: "首次达到", en: "first time reaching the threshold" },
  awardYear: { zh: "申报年度", en: "award year" },
  loanStart: { zh: "放款日期", en: "loan start date" },
  loanEnd: { zh: "到期日期", en: "loan end date" },
  uscc: { zh: "统一社会信用代码", en: "unified social credit code (USCC)" },
  checkDigit: { zh: "校验位", en: "check digit" },
  clause: { zh: "申报条款", en: "clause" },
  claimed: { zh: "申报金额", en: "claimed" },
  computed: { zh: "核算金额", en: "computed" },
  final: { zh: "核定金额", en: "final" },
  toPay: { zh: "拟支持", en: "to pay" },
  entityName: { zh: "企业名称", en: "name" },
  city: { zh: "所属市(地)", en: "city" },
  explain: { zh: "计算说明", en: "how it was computed" },
  effectiveFrom: { zh: "施行日期", en: "in force from" },
} as const satisfies Record<string, Term>;

/** The review list's own words (SCREENING.md revision 3, "The review list"): its columns and signature block. */
export const REVIEW_TERMS = {
  seq: { zh: "序号", en: "No." },
  source: { zh: "来源", en: "Source" },
  status: { zh: "状态", en: "Status" },
  brief: { zh: "简要说明", en: "Brief reason" },
  opinion: { zh: "审核意见", en: "Reviewer's opinion" },
  statusCode: { zh: "状态代码", en: "Status code" },
  measureCode: { zh: "措施代码", en: "Measure" },
  cap: { zh: "上限", en: "Cap" },
  reasons: { zh: "原因", en: "Reasons" },
  citation: { zh: "依据", en: "Citation" },
  details: { zh: "计算明细", en: "Calculation" },
  handler: { zh: "经办人", en: "Prepared by" },
  reviewer: { zh: "审核人", en: "Reviewed by" },
  head: { zh: "负责人", en: "Approved by" },
  signDate: { zh: "日期", en: "Date" },
  seal: { zh: "（盖章）", en: "(seal)" },
} as const satisfies Record<string, Term>;

/**
 * The two amounts never added together (SCREENING.md revision 3): 拟支持, the final of eligible rows, and
 * 待人工核定, the final of manual rows — the status's own term, one term for one thing.
 */
export const AMOUNT_TERMS = {
  toPay: TERMS.toPay,
  pending: { zh: STATUS_TERMS.manual.zh, en: "awaiting a person's decision" },
} as const satisfies Record<string, Term>;

/** The options, in words (the settings, the summary, the command line). */
export const OPTION_TERMS = {
  lprMode: {
    fixed: { zh: "固定利率（放款日LPR）", en: "fixed (LPR on the loan start date)" },
    floating: { zh: "浮动利率（每日LPR）", en: "floating (LPR in force each day)" },
  },
  dayCount: {
    "360": { zh: "实际天数/360", en: "actual/360" },
    "365": { zh: "实际天数/365", en: "actual/365" },
  },
  dedupScope: {
    "entity-year": { zh: "同一企业同一申报年度", en: "entity and year" },
    "entity-project": { zh: "同一企业同一项目", en: "entity and project" },
  },
  otherSupport: {
    "top-up": { zh: "补足差额", en: "top up" },
    exclude: { zh: "不再支持", en: "exclude" },
  },
  interestWindow: {
    "award-year": { zh: "按年度据实", en: "by award year" },
    loan: { zh: "整笔贷款一次计算", en: "whole loan" },
  },
} as const satisfies Record<string, Record<string, Term>>;

/** What each option is called. */
export const OPTION_NAMES = {
  lprMode: { zh: "LPR取值", en: "LPR" },
  dayCount: { zh: "计息天数", en: "day count" },
  dedupScope: { zh: "不重复范围", en: "no duplication" },
  otherSupport: { zh: "已获其他省级支持", en: "other provincial support" },
  interestWindow: { zh: "贴息区间", en: "interest" },
} as const satisfies Record<keyof typeof OPTION_TERMS, Term>;

/** An option's value in words, `key=value` when the glossary has no word for it. */
export function optionTerm(key: string, value: unknown): Term {
  const words = (OPTION_TERMS as Record<string, Record<string, Term>>)[key]?.[String(value)];
  return words ?? { zh: `${key}=${String(value)}`, en: `${key}=${String(value)}` };
}

/** A status code in words (the code itself when unknown). */
export function statusTerm(code: string): Term {
  return (STATUS_TERMS as Record<string, Term>)[code] ?? { zh: code, en: code };
}

/**
 * A measure id as the text names it: 第4条(1) in Chinese, M4a in English; anything else as it is. (The same form
 * as measures/measure-id.ts's clauseCitation; this module imports nothing, so every module may take its words.)
 */
export function measureTerm(id: string): Term {
  const match = /^M(\d{1,2})([ab])?$/.exec(id);
  if (!match) return { zh: id, en: id };
  return { zh: `第${match[1]}条${match[2] ? `(${match[2] === "a" ? 1 : 2})` : ""}`, en: id };
}

/**
 * Second terms for one thing: none of these may appear in Chinese user-facing text (the glossary's term is the
 * right-hand one).
 */
export const NOT_THESE: readonly (readonly [wrong: string, right: string])[] = [
  ["校验码", TERMS.checkDigit.zh],
  ["计息年度", TERMS.awardYear.zh],
  ["主体代码", TERMS.uscc.zh],
  ["信用代码", TERMS.uscc.zh],
  ["非现金措施", STATUS_TERMS.not_cash.zh],
  ["不重复支持", STATUS_TERMS.superseded.zh],
  ["输入错误", STATUS_TERMS.error.zh],
  ["计算金额", TERMS.computed.zh],
  ["最终金额", TERMS.final.zh],
  ["新增零售额", TERMS.retailIncrease.zh],
  ["实际/360", OPTION_TERMS.dayCount["360"].zh],
];

/**
 * The only Latin a Chinese string may hold: LPR (the policy's own 同期LPR) and Excel's own words as Chinese Excel
 * shows them (its name, TRUE, FALSE, #N/A).
 */
export const LATIN_IN_CHINESE: readonly string[] = ["LPR", "Excel", "TRUE", "FALSE", "#N/A"];
