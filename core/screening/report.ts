/**
 * What the result sheets say, independent of the host that writes them (exceljs in the CLI, Office.js in the
 * task pane): sheet names, the marker that tells our sheets from the user's, columns, labels, colours and
 * the summary's blocks. Hosts only place these values into cells.
 */
import { ResultRowJson } from "../batch/json";
import { clauseCitation, isMeasureId } from "../measures/measure-id";
import { getParameterSet, measureParams } from "../policy/registry";
import { ScreeningResult } from "./screen";

export const RESULTS_SHEET = "HLJ筛查结果";
export const SUMMARY_SHEET = "HLJ汇总";
/** Workbook-level names that mark a sheet as written by this product (A1 of that sheet). */
export const RESULTS_MARKER_NAME = "HLJ_SCREEN_RESULTS";
export const SUMMARY_MARKER_NAME = "HLJ_SCREEN_SUMMARY";

/** The sheet a workbook name refers to: `=HLJ汇总!$A$1`, `'HLJ汇总 (2)'!$A$1`, `='it''s'!$A$1` → the sheet. */
export function sheetOfReference(reference: string): string | null {
  const match = /^=?(?:'((?:[^']|'')+)'|([^!]+))!/.exec(reference);
  if (!match) return null;
  return match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2];
}

/** A free sheet name: `base`, or `base (2)`, `base (3)`… when a sheet of the user's already has it. */
export function freeSheetName(base: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} (${n})`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

export type ColumnKind = "text" | "amount" | "integer";

export interface ResultColumn {
  key: keyof ResultRowJson;
  header: string;
  kind: ColumnKind;
  /** Characters, for hosts that size columns. */
  width: number;
}

export const RESULT_COLUMNS: readonly ResultColumn[] = [
  { key: "source", header: "来源 Source", kind: "text", width: 14 },
  { key: "entityId", header: "统一社会信用代码 USCC", kind: "text", width: 22 },
  { key: "entityName", header: "企业名称 Name", kind: "text", width: 24 },
  { key: "city", header: "所属市(地) City", kind: "text", width: 12 },
  { key: "year", header: "申报年度 Year", kind: "integer", width: 10 },
  { key: "measure", header: "措施 Measure", kind: "text", width: 9 },
  { key: "clause", header: "条款 Clause", kind: "text", width: 11 },
  { key: "computed", header: "计算金额 Computed", kind: "amount", width: 16 },
  { key: "cap", header: "上限 Cap", kind: "amount", width: 15 },
  { key: "claimed", header: "申报金额 Claimed", kind: "amount", width: 16 },
  { key: "final", header: "最终金额 Final", kind: "amount", width: 16 },
  { key: "status", header: "状态 Status", kind: "text", width: 12 },
  { key: "reasons", header: "原因 Reasons", kind: "text", width: 60 },
  { key: "explain", header: "计算说明 Explanation", kind: "text", width: 80 },
  { key: "citation", header: "依据 Citation", kind: "text", width: 50 },
];

export const STATUS_LABELS: Readonly<Record<string, { zh: string; en: string; fill: string; font: string }>> = {
  eligible: { zh: "符合", en: "Eligible", fill: "E2EFDA", font: "375623" },
  ineligible: { zh: "不符合", en: "Ineligible", fill: "EDEDED", font: "3A3A3A" },
  superseded: { zh: "不重复支持", en: "Superseded", fill: "FFF2CC", font: "7F6000" },
  manual: { zh: "人工核定", en: "Manual", fill: "DDEBF7", font: "1F4E79" },
  not_cash: { zh: "无省级资金", en: "No cash", fill: "F2F2F2", font: "595959" },
  error: { zh: "输入错误", en: "Input error", fill: "FCE4E4", font: "9C0006" },
};

/** A results-sheet row as plain cell values: amounts as numbers, text as text. */
export function resultCells(row: ResultRowJson): (string | number | null)[] {
  return RESULT_COLUMNS.map((column) => {
    const value = row[column.key];
    if (column.key === "reasons") return row.reasons.map((r) => `${r.code}: ${r.zh}`).join("\n");
    if (column.key === "explain") return row.explain.zh;
    if (value === null || value === undefined) return null;
    if (column.kind === "amount") return Number(value);
    if (column.kind === "integer") return typeof value === "number" ? value : Number(value);
    return String(value);
  });
}

export interface SummaryBlock {
  title: string;
  header: string[];
  rows: (string | number)[][];
  /** Index of the column holding amounts (for number formats and the chart). */
  amountColumn: number;
}

/** The summary sheet's content: the options used, then totals by measure, city and status. */
export function summaryContent(result: ScreeningResult, inputName?: string): { heading: string[][]; blocks: SummaryBlock[] } {
  const policy = getParameterSet(result.policy.id);
  const o = result.options;
  const heading = [
    ["HLJ 筛查汇总 · Screening summary"],
    ["政策 Policy", `${result.policy.title.zh}（${result.policy.id}）`],
    [
      "选项 Options",
      `lprMode=${o.lprMode} · dayCount=${o.dayCount} · dedupScope=${o.dedupScope} · otherSupport=${o.otherSupport} · interestWindow=${o.interestWindow}`,
    ],
    ...(inputName ? [["输入 Input", inputName]] : []),
    ["行数 Rows", String(result.totals.rows)],
    ["主体数 Entities", String(result.totals.entities)],
    ["最终金额合计 Total final", result.totals.final],
  ];
  const measureTitle = (id: string) => (isMeasureId(id) ? `${clauseCitation(id)} ${measureParams(policy, id).title.zh}` : id);
  const line = (key: string, label: string, t: { rows: number; final: string }) => [key, label, t.rows, Number(t.final)];
  const blocks: SummaryBlock[] = [
    {
      title: "按措施 By measure",
      header: ["措施 Measure", "名称 Title", "行数 Rows", "最终金额 Final"],
      rows: Object.entries(result.totals.byMeasure).map(([id, t]) => line(id, measureTitle(id), t)),
      amountColumn: 3,
    },
    {
      title: "按市（地） By city",
      header: ["市（地） City", "", "行数 Rows", "最终金额 Final"],
      rows: Object.entries(result.totals.byCity).map(([city, t]) => line(city, "", t)),
      amountColumn: 3,
    },
    {
      title: "按状态 By status",
      header: ["状态 Status", "说明", "行数 Rows", "最终金额 Final"],
      rows: Object.entries(result.totals.byStatus).map(([status, t]) => line(status, STATUS_LABELS[status]?.zh ?? "", t)),
      amountColumn: 3,
    },
  ];
  return { heading, blocks };
}
