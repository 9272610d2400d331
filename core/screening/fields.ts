import { toHalfWidth } from "../text/half-width";

/**
 * The columns an applicant table can have (SCREENING.md), with the headers people write for them in Chinese
 * and English. Headers match ignoring spaces, case, full-width forms and a trailing unit in brackets.
 */
export type FieldKind = "text" | "year" | "measure" | "boolean" | "amount" | "signedAmount" | "rate" | "date" | "level";

export interface FieldSpec {
  key: FieldKey;
  kind: FieldKind;
  zh: string;
  en: string;
  headers: readonly string[];
}

export type FieldKey =
  | "entityId"
  | "entityName"
  | "city"
  | "year"
  | "measure"
  | "projectId"
  | "qualified"
  | "totalInvestment"
  | "principal"
  | "loanRate"
  | "startDate"
  | "endDate"
  | "interestPaid"
  | "onlineRetailIncrease"
  | "retailThisYear"
  | "retailLastYear"
  | "importExport"
  | "firstTime"
  | "eligibleCosts"
  | "level"
  | "drivenOnlineSales"
  | "investmentLast3Years"
  | "approvedAmount"
  | "claimedAmount"
  | "otherProvincialSupport";

export const FIELDS: readonly FieldSpec[] = [
  {
    key: "entityId",
    kind: "text",
    zh: "统一社会信用代码",
    en: "USCC",
    headers: ["统一社会信用代码", "社会信用代码", "信用代码", "统一代码", "USCC", "credit code", "unified social credit code", "entity id"],
  },
  {
    key: "entityName",
    kind: "text",
    zh: "企业名称",
    en: "name",
    headers: ["企业名称", "单位名称", "申报主体", "申报单位", "主体名称", "name", "entity name", "company"],
  },
  {
    key: "city",
    kind: "text",
    zh: "所属市(地)",
    en: "city",
    headers: ["所属市(地)", "所属市地", "所属市", "市(地)", "市地", "地市", "city"],
  },
  { key: "year", kind: "year", zh: "申报年度", en: "year", headers: ["申报年度", "年度", "年份", "year", "award year"] },
  {
    key: "measure",
    kind: "measure",
    zh: "申报条款",
    en: "measure",
    headers: ["申报条款", "政策条款", "条款", "申报措施", "措施", "measure", "clause"],
  },
  {
    key: "projectId",
    kind: "text",
    zh: "项目名称",
    en: "project",
    headers: ["项目名称", "项目编号", "项目", "project", "project id", "project name"],
  },
  {
    key: "qualified",
    kind: "boolean",
    zh: "主体资格",
    en: "qualified",
    headers: ["主体资格", "优质电商主体", "限额以上在统", "是否优质电商主体", "是否限额以上在统", "qualified", "above designated size"],
  },
  {
    key: "totalInvestment",
    kind: "amount",
    zh: "总投资额",
    en: "total investment",
    headers: ["总投资额", "项目总投资", "项目总投资额", "总投资", "total investment"],
  },
  {
    key: "principal",
    kind: "amount",
    zh: "贷款金额",
    en: "loan principal",
    headers: ["贷款金额", "贷款本金", "贷款额", "loan principal", "principal", "loan amount"],
  },
  {
    key: "loanRate",
    kind: "rate",
    zh: "贷款利率",
    en: "loan rate",
    headers: ["贷款利率", "年利率", "贷款年利率", "loan rate", "interest rate"],
  },
  {
    key: "startDate",
    kind: "date",
    zh: "放款日期",
    en: "start date",
    headers: ["放款日期", "贷款起始日", "贷款起始日期", "起始日期", "start date", "loan start"],
  },
  {
    key: "endDate",
    kind: "date",
    zh: "到期日期",
    en: "end date",
    headers: ["到期日期", "贷款终止日", "贷款到期日", "终止日期", "end date", "loan end", "maturity"],
  },
  {
    key: "interestPaid",
    kind: "amount",
    zh: "实付利息",
    en: "interest paid",
    headers: ["实付利息", "已付利息", "实际支付利息", "interest paid"],
  },
  {
    key: "onlineRetailIncrease",
    kind: "signedAmount",
    zh: "新增实物网络零售额",
    en: "online retail increase",
    headers: ["新增实物网络零售额", "年度新增实物网络零售额", "online retail increase", "retail increase"],
  },
  {
    key: "retailThisYear",
    kind: "amount",
    zh: "本年度实物网络零售额",
    en: "online retail this year",
    headers: ["本年度实物网络零售额", "本年实物网络零售额", "online retail this year"],
  },
  {
    key: "retailLastYear",
    kind: "amount",
    zh: "上年度实物网络零售额",
    en: "online retail last year",
    headers: ["上年度实物网络零售额", "上年实物网络零售额", "online retail last year"],
  },
  {
    key: "importExport",
    kind: "amount",
    zh: "进出口额",
    en: "import+export",
    headers: ["进出口额", "跨境进出口额", "年度进出口额", "import export", "import+export"],
  },
  { key: "firstTime", kind: "boolean", zh: "首次达到", en: "first time", headers: ["首次达到", "是否首次达到", "first time"] },
  {
    key: "eligibleCosts",
    kind: "amount",
    zh: "可补贴费用",
    en: "eligible costs",
    // 可补贴费用 is the glossary's term (the template writes it); 补贴基数 is how many offices' sheets head the column.
    headers: ["可补贴费用", "补贴基数", "网站建设及服务器租赁费", "入驻平台费及推广费", "eligible costs"],
  },
  { key: "level", kind: "level", zh: "示范级别", en: "level", headers: ["示范级别", "基地级别", "级别", "level"] },
  {
    key: "drivenOnlineSales",
    kind: "amount",
    zh: "带动网络销售额",
    en: "driven online sales",
    headers: ["带动网络销售额", "带动限额以上在统企业年度网络销售额", "driven online sales"],
  },
  {
    key: "investmentLast3Years",
    kind: "amount",
    zh: "近三年投资额",
    en: "investment last 3 years",
    headers: ["近三年投资额", "近三年实际投资额", "investment last 3 years", "investment last three years"],
  },
  { key: "approvedAmount", kind: "amount", zh: "核定金额", en: "approved amount", headers: ["核定金额", "approved amount"] },
  { key: "claimedAmount", kind: "amount", zh: "申报金额", en: "claimed", headers: ["申报金额", "申请金额", "claimed", "claimed amount"] },
  {
    key: "otherProvincialSupport",
    kind: "amount",
    zh: "已获其他省级支持",
    en: "other provincial support",
    headers: ["已获其他省级支持", "其他省级支持", "other provincial support"],
  },
];

/** Every applicant row needs these (the measure may come from the sheet's name instead). */
export const REQUIRED_FIELDS: readonly FieldKey[] = ["entityId", "year", "measure"];

export const FIELD_BY_KEY: ReadonlyMap<FieldKey, FieldSpec> = new Map(FIELDS.map((f) => [f.key, f]));

/** How a header's unit changes its numbers: ×10,000 for 万元; percent points for %. */
export type HeaderUnit = "yuan" | "wan" | "percent" | null;

const UNIT_SUFFIX = /[([](?:单位:?|units?:)?(万元|万|元|%|yuan|cny|rmb|10kyuan|10k)[)\]]$|%$/;

export interface NormalisedHeader {
  key: string;
  unit: HeaderUnit;
}

/** Header text → the key it is matched by, and its unit. */
export function normaliseHeader(text: string): NormalisedHeader {
  let key = toHalfWidth(text)
    .replace(/[\s\u00a0]+/g, "")
    .replace(/【/g, "[")
    .replace(/】/g, "]")
    .toLowerCase();
  let unit: HeaderUnit = null;
  const match = UNIT_SUFFIX.exec(key);
  if (match) {
    const word = match[1] ?? "%";
    unit = word === "%" ? "percent" : word === "万元" || word === "万" || word.startsWith("10k") ? "wan" : "yuan";
    key = key.slice(0, match.index);
  }
  return { key, unit };
}

const HEADER_INDEX: ReadonlyMap<string, FieldKey> = new Map(
  FIELDS.flatMap((f) => f.headers.map((h) => [normaliseHeader(h).key, f.key] as const)),
);

export function fieldOfHeader(key: string): FieldKey | undefined {
  return HEADER_INDEX.get(key);
}

export const HISTORY_SHEET_NAMES = ["历史兑现", "history"];
export const LPR_SHEET_NAMES = ["lpr"];

export const HISTORY_FIELDS = {
  entityId: ["统一社会信用代码", "社会信用代码", "信用代码", "USCC", "credit code"],
  measure: ["申报条款", "条款", "政策条款", "措施", "measure", "clause"],
  year: ["年度", "申报年度", "兑现年度", "year"],
  amount: ["兑现金额", "已兑现金额", "金额", "amount paid", "amount"],
  totalInvestment: ["总投资额", "项目总投资", "total investment"],
  projectId: ["项目名称", "项目编号", "project"],
} as const;

export const LPR_FIELDS = {
  date: ["日期", "生效日期", "date", "effective date", "effective"],
  rate: ["利率", "一年期lpr", "lpr", "rate"],
} as const;

export function isSheetNamed(name: string, names: readonly string[]): boolean {
  return names.includes(normaliseHeader(name).key);
}

/** Column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
