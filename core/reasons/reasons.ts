import { STATUS_TERMS } from "../words/glossary";
/**
 * Stable reason codes (SCREENING.md) with Chinese and English text. Codes never change once published:
 * hosts, budget sheets and the JSON output key on them; the texts may be improved.
 */
export type ReasonCode =
  | "below_threshold"
  | "not_qualified"
  | "not_above_size"
  | "not_first_time"
  | "cap_applied"
  | "superseded_by"
  | "other_support_higher"
  | "other_support_deducted"
  | "other_support_excluded"
  | "claim_exceeds_computed"
  | "claim_lower_than_computed"
  | "limited_to_interest_paid"
  | "already_received"
  | "not_government"
  | "outside_validity"
  | "lpr_unknown"
  | "invalid_uscc"
  | "missing_field"
  | "bad_value"
  | "unknown_measure"
  | "duplicate_row"
  | "out_of_province"
  | "not_cash"
  | "manual_review"
  | "no_interest_in_window"
  | "out_of_range"
  | "history_two_parts"
  | "history_tier_unknown";

/** `error` makes the row's status `error`; `warning` is shown but changes nothing; `info` explains an amount. */
export type Severity = "error" | "warning" | "info";

export interface Reason {
  code: ReasonCode;
  severity: Severity;
  zh: string;
  en: string;
  /** The input field the reason is about, when there is one (e.g. `loanRate`). */
  field?: string;
}

export const REASON_SEVERITY: Readonly<Record<ReasonCode, Severity>> = {
  below_threshold: "info",
  not_qualified: "info",
  not_above_size: "info",
  not_first_time: "info",
  cap_applied: "info",
  superseded_by: "info",
  other_support_higher: "info",
  other_support_deducted: "info",
  other_support_excluded: "info",
  claim_exceeds_computed: "warning",
  claim_lower_than_computed: "info",
  limited_to_interest_paid: "info",
  already_received: "info",
  not_government: "info",
  outside_validity: "info",
  lpr_unknown: "error",
  invalid_uscc: "error",
  missing_field: "error",
  bad_value: "error",
  unknown_measure: "error",
  duplicate_row: "error",
  out_of_province: "warning",
  not_cash: "info",
  manual_review: "info",
  no_interest_in_window: "info",
  out_of_range: "error",
  history_two_parts: "info",
  history_tier_unknown: "info",
};

export function reason(code: ReasonCode, zh: string, en: string, field?: string): Reason {
  return field === undefined ? { code, severity: REASON_SEVERITY[code], zh, en } : { code, severity: REASON_SEVERITY[code], zh, en, field };
}

/** One line per reason, `code: text`, in the language asked for. */
export function describeReasons(reasons: readonly Reason[], language: "zh" | "en"): string {
  return reasons.map((r) => `${r.code}: ${r[language]}`).join("; ");
}

/** The statuses of a result row as words (SCREENING.md revision 3: the glossary's), for sheets and explanations. */
export const STATUS_WORDS: Readonly<Record<string, { zh: string; en: string }>> = STATUS_TERMS;
