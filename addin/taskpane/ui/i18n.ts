/** The pane's words, in Chinese and English: the glossary's terms where they name one thing (core/words/glossary.ts). */
import { AMOUNT_TERMS, OPTION_NAMES, OPTION_TERMS, STATUS_TERMS, TERMS } from "../../../core/words/glossary";

export type Language = "zh" | "en";

const STRINGS = {
  // The product's one name (issue 19): the same in the pane, its page title and the manifest.
  title: { zh: "黑龙江电商政策申报筛查", en: "HLJ e-commerce policy screening" },
  subtitle: { zh: "《黑龙江省促进电子商务高质量发展若干政策措施》", en: "Heilongjiang e-commerce support measures" },
  languageLabel: { zh: "界面语言", en: "Pane language" },
  tabScreen: { zh: "筛查", en: "Screen" },
  tabFunctions: { zh: "函数助手", en: "Functions" },
  tabSettings: { zh: "设置", en: "Settings" },
  findTables: { zh: "查找申报表", en: "Find applicant tables" },
  finding: { zh: "正在查找工作簿中的申报表…", en: "Looking for applicant tables…" },
  noTables: {
    zh: "没有找到申报表：需要一行表头，含“统一社会信用代码”“申报年度”和“申报条款”（或表名含条款）。可在下方手动指定。",
    en: "No applicant table found: a header row needs 统一社会信用代码 (USCC), 申报年度 (year) and 申报条款 (measure), or a measure in the sheet's name.",
  },
  mapping: { zh: "列对应", en: "Column mapping" },
  mappingHelp: {
    zh: "已自动匹配。若有误，请在下拉框中更正；标红的必填项尚未匹配。",
    en: "Matched automatically. Correct any column in the drop-downs; required fields in red are not matched yet.",
  },
  headerRow: { zh: "表头行", en: "Header row" },
  rows: { zh: "行", en: "rows" },
  skipSheet: { zh: "筛查此表", en: "Screen this sheet" },
  notMapped: { zh: "（不使用）", en: "(not used)" },
  measureFromSheet: { zh: "（按表名：{measure}）", en: "(sheet name: {measure})" },
  measureFromSheetHelp: {
    zh: "此表名称已写明条款（{measure}），每行按该条款筛查；如某列写有各行条款，可在此选择该列。",
    en: "This sheet's name gives the measure ({measure}): every row is screened under it, unless a column of measures is chosen here.",
  },
  flagFirstTime: { zh: TERMS.firstTime.zh, en: "First time reaching the threshold" },
  required: { zh: "必填", en: "required" },
  requiredMissing: { zh: "必填项未匹配", en: "Required field not matched" },
  screen: { zh: "开始筛查", en: "Screen" },
  rescreen: { zh: "重新查找", en: "Look again" },
  reading: { zh: "读取", en: "Reading" },
  screening: { zh: "计算", en: "Screening" },
  writing: { zh: "写入结果", en: "Writing results" },
  rowsDone: { zh: "{done} / {total} 行", en: "{done} / {total} rows" },
  cancel: { zh: "取消", en: "Cancel" },
  results: { zh: "筛查结果", en: "Results" },
  resultsWritten: {
    zh: "结果已写入工作表“{results}”（审核表）、“{summary}”（汇总）和“{appendix}”（附件：计算明细）。",
    en: "Results are in the sheets “{results}” (the review list), “{summary}” (the summary) and “{appendix}” (the calculation appendix).",
  },
  toPay: { zh: AMOUNT_TERMS.toPay.zh, en: "To pay" },
  pending: { zh: AMOUNT_TERMS.pending.zh, en: "Awaiting a person's decision" },
  entities: { zh: "家企业", en: "entities" },
  problems: { zh: "需要处理的问题", en: "Problems to handle" },
  problemErrors: { zh: `${STATUS_TERMS.error.zh}（{n}）`, en: `${STATUS_TERMS.error.en} ({n})` },
  problemManual: { zh: `${STATUS_TERMS.manual.zh}（{n}）`, en: `${STATUS_TERMS.manual.en} ({n})` },
  problemsHelp: {
    zh: "点击可选中对应的单元格，并在下方查看计算说明。",
    en: "Click one to select its cell and see how the row came out, below.",
  },
  explainTitle: { zh: "计算说明 · {source}", en: "How {source} came out" },
  selectToExplain: {
    zh: "在“{results}”中选中某一行，这里显示该行的计算说明。",
    en: "Select a row on “{results}” to see here how it came out.",
  },
  noProblems: {
    zh: `没有${STATUS_TERMS.error.zh}或${STATUS_TERMS.manual.zh}的行。`,
    en: "No data errors and nothing awaiting a person's decision.",
  },
  moreProblems: { zh: "另有 {n} 个问题，见结果表。", en: "{n} more in the results sheet." },
  error: { zh: "无法完成", en: "Could not finish" },
  errorCode: { zh: "错误代码（供技术支持）", en: "Error code (for support)" },
  settingsHelp: {
    zh: "设置随工作簿保存，并写在汇总表顶部。",
    en: "Settings are saved with this workbook and shown at the top of the summary sheet.",
  },
  lprMode: OPTION_NAMES.lprMode,
  lprMode_fixed: { zh: `${OPTION_TERMS.lprMode.fixed.zh}（默认）`, en: "Fixed: start-date LPR (default)" },
  lprMode_floating: { zh: OPTION_TERMS.lprMode.floating.zh, en: "Floating: LPR in force each day" },
  dayCount: { zh: OPTION_NAMES.dayCount.zh, en: "Day count" },
  dedupScope: { zh: OPTION_NAMES.dedupScope.zh, en: "No-duplication scope" },
  "dedupScope_entity-year": { zh: `${OPTION_TERMS.dedupScope["entity-year"].zh}（默认）`, en: "Entity and year (default)" },
  "dedupScope_entity-project": { zh: OPTION_TERMS.dedupScope["entity-project"].zh, en: "Entity and project" },
  otherSupport: { zh: OPTION_NAMES.otherSupport.zh, en: "Other provincial support" },
  "otherSupport_top-up": { zh: `${OPTION_TERMS.otherSupport["top-up"].zh}（就高，默认）`, en: "Top up to the higher (default)" },
  otherSupport_exclude: { zh: OPTION_TERMS.otherSupport.exclude.zh, en: "Exclude" },
  interestWindow: { zh: OPTION_NAMES.interestWindow.zh, en: "Interest window" },
  "interestWindow_award-year": { zh: `${OPTION_TERMS.interestWindow["award-year"].zh}（默认）`, en: "By award year (default)" },
  interestWindow_loan: { zh: OPTION_TERMS.interestWindow.loan.zh, en: "Whole loan in one award" },
  policy: { zh: "政策版本", en: "Policy version" },
  // A policy version in the drop-down: its stage and date (the full title is said under it).
  policyDraft: { zh: "征求意见稿（{date}）", en: "Draft for comment ({date})" },
  policyFinal: { zh: "正式印发（{date}）", en: "Issued ({date})" },
  effectiveFrom: { zh: "施行日期（贴息起算日）", en: "Issue date (first subsidised day)" },
  effectiveFromHelp: {
    zh: "留空则按政策版本：{words}",
    en: "Leave empty for the policy version's: {words}",
  },
  effectiveFromInvalid: {
    zh: "请写作日期“年-月-日”（如 {example}），且不晚于 {end}",
    en: "Write a date YYYY-MM-DD (such as {example}), not after {end}",
  },
  helperIntro: {
    zh: "选择措施、填写数据，查看金额与说明，并把公式插入所选单元格。",
    en: "Pick a measure, fill in its inputs, see the amount and why, and insert the formula into the selected cell.",
  },
  measure: { zh: "措施", en: "Measure" },
  amount: { zh: "金额", en: "Amount" },
  byYear: { zh: `按${TERMS.awardYear.zh}`, en: "Year by year" },
  byYearHelp: {
    zh: `与筛查一致：每个${TERMS.awardYear.zh}只计该年度的利息（公式加写${TERMS.awardYear.zh}参数）。`,
    en: "As screening pays it: each award year only that year's interest (the formula with its award-year argument).",
  },
  yearTotal: { zh: "合计", en: "Total" },
  insertFormula: { zh: "插入公式到所选单元格", en: "Insert formula into the selected cell" },
  inserted: { zh: "已插入到 {address}", en: "Inserted into {address}" },
  dateFormat: { zh: "日期请写作 2025-06-01", en: "Write the date as 2025-06-01" },
  yes: { zh: "是", en: "Yes" },
  no: { zh: "否", en: "No" },
} as const;

export type StringKey = keyof typeof STRINGS;

export function translate(language: Language, key: StringKey, values: Record<string, string | number> = {}): string {
  const entry = STRINGS[key] as { zh: string; en: string } | undefined;
  const text = entry ? entry[language] : key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ""));
}

/** Every string of the pane, for the glossary test. */
export const PANE_STRINGS: Readonly<Record<string, { zh: string; en: string }>> = STRINGS;

export const hasString = (key: string): key is StringKey => key in STRINGS;

/** The pane's words in the chosen language: `translate` with the language bound, as App hands it to every tab. */
export type T = (key: StringKey, values?: Record<string, string | number>) => string;
