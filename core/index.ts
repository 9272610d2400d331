/**
 * The HLJ calculation core: the Heilongjiang e-commerce support measures as exact rules. Pure TypeScript,
 * no Office, DOM or I/O; every host (custom functions, task pane, command line) calls it.
 */
export * from "./money/money";
export { amountInput, nonNegativeAmount, optionalAmount, shownNumber } from "./money/input";
export { INPUT_BOUNDS } from "./policy/input-bounds";
export { effectiveFromWords } from "./policy/lookup";
export * from "./dates/civil-date";
export * from "./errors/errors";
export * from "./reasons/reasons";
export * from "./policy/types";
export {
  registerParameterSet,
  getParameterSet,
  listParameterSets,
  measureParams,
  validateParameterSet,
  DEFAULT_POLICY_ID,
} from "./policy/registry";
export * from "./measures/measure-id";
export * from "./measures/types";
export { awardFor, CASH_RULES } from "./measures";
export { FACT_LABELS } from "./measures/award-builder";
export * from "./lpr/lpr-table";
export * from "./lpr/interest-subsidy";
export * from "./lpr/interest-words";
export * from "./uscc/uscc";
export * from "./uscc/divisions";
export * from "./options";
export * from "./rows/types";
export * from "./rows/decide-row";
export * from "./rows/row-cache";
export * from "./rows/history-records";
export * from "./rows/row-reasons";
export * from "./words/batch-reasons";
export * from "./batch/totals";
export { limitsOf } from "./batch/limits";
export * from "./words/result-json";
export * from "./words/assumptions";
export * from "./words/glossary";
export { briefReason, REASON_SHORT } from "./words/brief";
export type { BriefRow } from "./words/brief";
export * from "./award";
export { toHalfWidth } from "./text/half-width";
export * from "./explain";
export * from "./cells/parse";
export * from "./dates/excel-serial";
export * from "./rows/choose-winners";
export * from "./screening/screen";
export { settleApplications } from "./screening/settle-applications";
export { rowsPayload, rowsFromPayload } from "./screening/transfer";
export type { RowsPayload, ScreenedColumns } from "./screening/transfer";
export * from "./screening/fields";
export * from "./screening/report";
export * from "./screening/paper-widths";
export { levelOf, baseAwardMeasure } from "./measures/m6-base-award";
export { crossBorderMeasure } from "./measures/m4-cross-border";
