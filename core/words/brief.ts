/**
 * 简要说明: the one short line of the review list (SCREENING.md revision 3) saying what decided a row's amount —
 * the deciding reason in a few words, made from the row's status and its reasons' codes (and the numbers their
 * texts carry). The reasons themselves keep their full sentences; this is their short form.
 */
import { Decimal, formatYuan } from "../money/money";
import { ReasonCode } from "../reasons/reasons";
import { TERMS } from "./glossary";

type Language = "zh" | "en";

/** What briefReason reads of a result row. */
export interface BriefRow {
  status: string;
  reasons: readonly { code: string; severity: string; zh: string; en: string }[];
  clause?: string;
  /** The final amount, yuan with two decimals ("109433.33") or a Decimal. */
  final: string | Decimal;
  year?: number | null;
}

/** The short words of each reason code, where the code alone says it (others are made from the reason's text). */
export const REASON_SHORT: Readonly<Partial<Record<ReasonCode, { zh: string; en: string }>>> = {
  not_qualified: { zh: "不是优质电商主体", en: "not a quality e-commerce entity" },
  not_above_size: { zh: `不是${TERMS.aboveDesignatedSize.zh}`, en: `not an ${TERMS.aboveDesignatedSize.en}` },
  not_first_time: { zh: `并非${TERMS.firstTime.zh}`, en: "not the first time" },
  already_received: { zh: "已获该项一次性奖补", en: "already received" },
  not_government: { zh: "申报主体不是政府机关", en: "the applicant is not a government organ" },
  other_support_higher: { zh: "已获其他省级支持不低于本项", en: "other provincial support is at least this award" },
  other_support_excluded: { zh: "已获其他省级支持，不再支持", en: "other provincial support received: excluded" },
  no_interest_in_window: { zh: "计息区间内无计息天数", en: "no interest days in the window" },
  not_cash: { zh: "本条未设省级资金", en: "no provincial cash under this clause" },
  out_of_province: { zh: "登记地不在黑龙江省", en: "registered outside Heilongjiang" },
  history_two_parts: { zh: "历史兑现未写明哪一项", en: "a history record names no part" },
  history_tier_unknown: { zh: "历史兑现未写明总投资额", en: "a history record gives no total investment" },
  limited_to_interest_paid: { zh: "据实贴息，按实付利息", en: "limited to the interest paid" },
  claim_lower_than_computed: { zh: "申报金额低于核算金额，按申报金额", en: "the claim is below the computed amount: the claim" },
};

/** The codes that make a row ineligible, in the order they are looked for. */
const INELIGIBLE_CODES: readonly ReasonCode[] = [
  "outside_validity",
  "not_government",
  "not_qualified",
  "not_above_size",
  "below_threshold",
  "not_first_time",
  "already_received",
  "other_support_higher",
  "other_support_excluded",
  "no_interest_in_window",
];

const amountOf = (final: string | Decimal) => (typeof final === "string" ? new Decimal(final) : final);

/** The one short line for the review list's 简要说明 column. */
export function briefReason(row: BriefRow, language: Language): string {
  const zh = language === "zh";
  const find = (code: ReasonCode) => row.reasons.find((r) => r.code === code);
  switch (row.status) {
    case "eligible":
      return eligibleBrief(row, language);
    case "superseded": {
      const winner = /(第\d+条(?:\(\d\))?)/.exec(find("superseded_by")?.zh ?? "")?.[1];
      if (!winner) return zh ? "从优不重复" : "superseded (no duplication)";
      return zh ? `从优：按${winner}支持` : `no duplication: ${winner} is paid`;
    }
    case "manual":
      return manualBrief(row, language);
    case "not_cash":
      return REASON_SHORT.not_cash![language];
    case "error": {
      const first = row.reasons.find((r) => r.severity === "error");
      return first ? errorBrief(first, language) : zh ? "数据有误" : "data error";
    }
    default: {
      for (const code of INELIGIBLE_CODES) {
        const found = find(code);
        if (found) return shortOf(found, language, row.year);
      }
      const first = row.reasons[0];
      return first ? shortOf(first, language, row.year) : zh ? "不符合条件" : "not eligible";
    }
  }
}

/** An eligible row: the last step that changed its amount, or 按核算金额. */
function eligibleBrief(row: BriefRow, language: Language): string {
  const zh = language === "zh";
  const final = formatYuan(amountOf(row.final));
  const has = (code: ReasonCode) => row.reasons.some((r) => r.code === code);
  const caps = row.reasons.filter((r) => r.code === "cap_applied");
  const shared = caps.find((r) => r.zh.includes("已使用"));
  if (amountOf(row.final).isZero() && has("no_interest_in_window")) return REASON_SHORT.no_interest_in_window![language];
  if (shared) {
    const scope = shared.zh.startsWith("累计") ? "累计" : shared.zh.startsWith("一次性") ? "" : "年度";
    return zh ? `超过${scope}上限，核减至 ${final}` : `shared cap reached: reduced to ${final}`;
  }
  if (has("other_support_deducted")) return zh ? `扣除已获其他省级支持，补足差额 ${final}` : `other support deducted: top-up ${final}`;
  if (has("claim_lower_than_computed")) return REASON_SHORT.claim_lower_than_computed![language];
  if (caps.length) return zh ? `超过上限，按上限 ${final}` : `above the cap: the cap, ${final}`;
  if (has("limited_to_interest_paid")) return REASON_SHORT.limited_to_interest_paid![language];
  return zh ? "按核算金额" : "the computed amount";
}

/** A manual row: what a person must decide. */
function manualBrief(row: BriefRow, language: Language): string {
  const zh = language === "zh";
  const head = zh ? "需人工核定：" : "for a person: ";
  if (row.reasons.some((r) => r.code === "out_of_province")) return head + REASON_SHORT.out_of_province![language];
  const history = row.reasons.find((r) => r.code === "manual_review" && r.zh.startsWith("历史兑现"));
  if (history) return head + (zh ? "历史兑现记录无法读取" : "a history record cannot be read");
  const amount = amountOf(row.final);
  if (!amount.isZero()) return head + (zh ? `主管部门核定 ${formatYuan(amount)}` : `approved ${formatYuan(amount)}`);
  return head + (zh ? "尚无主管部门核定金额" : "no approved amount yet");
}

/** A reason in a few words: the table's, or made from its text (threshold, validity, first award year, loan). */
function shortOf(reason: BriefRow["reasons"][number], language: Language, year?: number | null): string {
  const zh = language === "zh";
  if (reason.code === "below_threshold") {
    // "<label> <value> 未超过 <limit>（第n条）": the label, the verb and the limit in 万元.
    const match = /^(\S+) [-\d,.]+ (未超过|未达到) ([\d,.]+)/.exec(reason.zh);
    if (match) return zh ? `${match[1]}${match[2]} ${wan(match[3])}` : reason.en.replace(/ \(.*\)$/, "");
  }
  if (reason.code === "outside_validity") return zh ? `${year ?? ""}年度不在政策有效期内` : `award year ${year ?? ""} outside the validity`;
  if (reason.code === "already_received") {
    if (reason.zh.includes("首个申报年度")) return zh ? "一次性奖补已于首个申报年度申报" : "already claimed in its first award year";
    if (reason.zh.includes("一笔贷款")) return zh ? "同一笔贷款已申报" : "the same loan is already claimed";
  }
  const words = REASON_SHORT[reason.code as ReasonCode];
  if (words) return words[language];
  const text = reason[language];
  return text.split(/[；;]/)[0];
}

/** A threshold in 万元 (ten thousand yuan), thousands grouped; an amount that is not whole 万 keeps its yuan. */
function wan(shown: string): string {
  const value = new Decimal(shown.replace(/,/g, ""));
  if (!value.mod(10000).isZero()) return shown;
  const [whole, fraction] = value.dividedBy(10000).toString().split(".");
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${fraction ? `.${fraction}` : ""}万元`;
}

/**
 * An error in a few words, with its column: "申报!J16 贷款金额：“三百万元”不是数字" → "第J列 贷款金额：“三百万元”不是数字"
 * (the row is the list's own; its column finds the cell).
 */
function errorBrief(reason: BriefRow["reasons"][number], language: Language): string {
  const text = reason[language];
  const cell = /^\S+!([A-Z]{1,3})\d+ (.*)$/.exec(text);
  if (!cell) return text;
  return language === "zh" ? `第${cell[1]}列 ${cell[2]}` : `column ${cell[1]}: ${cell[2]}`;
}
