/**
 * The one set of words (SCREENING.md revision 3, "One set of words"): each term once, in Chinese and English,
 * the policy's own where it has one. The sheets, the pane, the zh-CN function help and the command line take
 * their words from here; test/core/words/glossary.test.ts holds the Chinese user-facing strings to it.
 */

export interface Term {
  readonly zh: string;
  readonly en: string;
}

/** The product's one name (the pane, the manifest, the summary's title, the printed footer). */
export const PRODUCT_NAME = { zh: "黑龙江电商政策申报筛查", en: "HLJ e-commerce policy screening" } as const satisfies Term;

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
  entity: { zh: "企业", en: "entity" }, // the applicant, as the policy names it (not 主体; see NOT_THESE)
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
  ["实际/", OPTION_TERMS.dayCount["360"].zh], // 实际/365 too: the day count is 实际天数/…
  // Revision 3's review (issue 19): each of these named a thing the glossary already names.
  ["限额以上在统", TERMS.aboveDesignatedSize.zh], // without 企业 (the glossary's term is replaced before this check)
  ["贷款起始日", TERMS.loanStart.zh],
  ["贷款终止日", TERMS.loanEnd.zh],
  ["补贴基数", TERMS.eligibleCost.zh],
  // The applicant is a 企业, as the policy names it (电商企业, 限额以上在统企业, 企业名称); 法人主体 stays where the policy
  // says it (单一法人主体最高…, 同一法人主体), and 优质电商主体 is 第1条's own qualification.
  ["主体数", TERMS.entity.zh + "数"],
  ["同一主体", "同一" + TERMS.entity.zh],
  ["该主体", "该" + TERMS.entity.zh],
  ["各主体", "各" + TERMS.entity.zh],
];

/**
 * The only Latin a Chinese string may hold: LPR (the policy's own 同期LPR), Excel's own words as Chinese Excel
 * shows them (its name, TRUE, FALSE, #N/A), and the result sheets' names SCREENING.md fixes (HLJ筛查结果, HLJ汇总).
 */
export const LATIN_IN_CHINESE: readonly string[] = [
  "LPR",
  "Excel",
  "WPS",
  "TRUE",
  "FALSE",
  "#N/A",
  "HLJ筛查结果",
  "HLJ汇总",
  "HLJ计算明细",
];

/**
 * The labels of the calculation appendix's lines (附件：计算明细, SCREENING.md revision 3): each line of a row's
 * 计算说明 is `标签：内容` with one of these (core/explain.ts, core/words/explain-lines.ts, lpr/interest-words.ts).
 */
export const APPENDIX_LABELS = {
  clause: { zh: TERMS.clause.zh, en: "Clause" },
  inputs: { zh: "输入", en: "Inputs" },
  condition: { zh: "条件", en: "Condition" },
  computed: { zh: TERMS.computed.zh, en: "Computed" },
  window: { zh: "计息区间", en: "Window" },
  firstDay: { zh: "起算日", en: "First day" },
  rate: { zh: "适用利率", en: "Rate" },
  interest: { zh: "贴息额", en: "Interest" },
  interestTotal: { zh: "贴息额合计", en: "Interest total" },
  interestPaid: { zh: "据实贴息", en: "Interest paid" },
  cap: { zh: "上限", en: "Cap" },
  cumulativeCap: { zh: "累计上限", en: "Cumulative cap" },
  yearlyCap: { zh: "年度上限", en: "Yearly cap" },
  claimed: { zh: TERMS.claimed.zh, en: "Claim" },
  otherSupport: { zh: OPTION_NAMES.otherSupport.zh, en: "Other provincial support" },
  history: { zh: "历史兑现", en: "History" },
  firstClaim: { zh: "首次申报", en: "First claim" },
  firstTime: { zh: TERMS.firstTime.zh, en: "First time" },
  registration: { zh: "登记地", en: "Registration" },
  validity: { zh: "有效期", en: "Validity" },
  manual: { zh: "人工核定", en: "Manual" },
  noDuplication: { zh: STATUS_TERMS.superseded.zh, en: "No duplication" },
  note: { zh: "说明", en: "Note" },
  error: { zh: STATUS_TERMS.error.zh, en: "Data error" },
  conclusion: { zh: "结论", en: "Result" },
} as const satisfies Record<string, Term>;
