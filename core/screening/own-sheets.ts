/**
 * The columns of the results sheet and the words that tell this product's own sheets from the user's: the
 * results header row and the summary title (SCREENING.md "Output": marker and content; Revision 3).
 */
import { ResultRowJson } from "../words/result-json";
import { TERMS } from "../words/glossary";

/** How a host formats a column: text, wrapped text, an amount (#,##0.00), a whole number, a code. */
export type ColumnKind = "text" | "wrap" | "amount" | "integer" | "code";

export type ResultKey = keyof ResultRowJson | "statusWord";

export interface ResultColumn {
  key: ResultKey;
  header: { zh: string; en: string };
  kind: ColumnKind;
  /** Width in characters, at least the header's: hosts size columns with it. */
  width: number;
  /** Left out of the sheet when no row has a value in it (claims, city, names may all be absent). */
  optional?: boolean;
}

export const RESULT_COLUMNS: readonly ResultColumn[] = [
  { key: "source", header: { zh: "来源", en: "Source" }, kind: "text", width: 13 },
  { key: "entityId", header: { zh: TERMS.uscc.zh, en: "Credit code (USCC)" }, kind: "code", width: 21 },
  { key: "entityName", header: { zh: TERMS.entityName.zh, en: "Name" }, kind: "wrap", width: 18, optional: true },
  { key: "city", header: { zh: TERMS.city.zh, en: "City" }, kind: "text", width: 12, optional: true },
  { key: "year", header: { zh: TERMS.awardYear.zh, en: "Year" }, kind: "integer", width: 10 },
  { key: "clause", header: { zh: TERMS.clause.zh, en: "Clause" }, kind: "text", width: 10 },
  { key: "measure", header: { zh: "措施代码", en: "Measure" }, kind: "code", width: 10 },
  { key: "computed", header: { zh: TERMS.computed.zh, en: "Computed" }, kind: "amount", width: 16 },
  { key: "cap", header: { zh: "上限", en: "Cap" }, kind: "amount", width: 15, optional: true },
  { key: "claimed", header: { zh: TERMS.claimed.zh, en: "Claimed" }, kind: "amount", width: 16, optional: true },
  { key: "final", header: { zh: TERMS.final.zh, en: "Final" }, kind: "amount", width: 16 },
  { key: "statusWord", header: { zh: "状态", en: "Status" }, kind: "text", width: 12 },
  { key: "status", header: { zh: "状态代码", en: "Status code" }, kind: "code", width: 12 },
  { key: "reasons", header: { zh: "原因", en: "Reasons" }, kind: "wrap", width: 34, optional: true },
  { key: "explain", header: { zh: TERMS.explain.zh, en: "How it was computed" }, kind: "wrap", width: 56 },
  { key: "citation", header: { zh: "依据", en: "Citation" }, kind: "wrap", width: 26, optional: true },
];

/** The Chinese headers earlier versions wrote (before the glossary), so their results sheets are still known. */
const FORMER_ZH_HEADERS: Partial<Record<ResultKey, string>> = { clause: "条款", computed: "计算金额", final: "最终金额" };

/**
 * Whether a sheet's first row is a header row this product writes, in either language, with or without its
 * optional columns — followed by anything the officer added (a 备注 column, a =SUM() beside it): our columns
 * are a prefix of the row. With the marker, what makes a sheet the add-in's own (it is then replaced); alone,
 * what keeps an earlier results sheet from being screened as applicants. A marker alone, a defined name anyone
 * can create, never makes a sheet ours.
 */
export function isOurResultsHeader(row: readonly unknown[] | undefined): boolean {
  if (!row) return false;
  const cells = row.map((c) => (typeof c === "string" ? c.trim() : c));
  return (["zh", "en"] as const).some((language) => {
    let i = 0;
    for (const column of RESULT_COLUMNS) {
      if (
        cells[i] === column.header[language] ||
        (language === "zh" && cells[i] !== undefined && cells[i] === FORMER_ZH_HEADERS[column.key])
      )
        i++;
      else if (!column.optional) return false;
    }
    return true;
  });
}

/** The summary sheet's title (cell A1), in either language: with the marker, what makes it ours. */
export const SUMMARY_TITLE = { zh: "HLJ 筛查汇总", en: "HLJ screening summary" } as const;

export function isOurSummaryTitle(cell: unknown): boolean {
  return typeof cell === "string" && (cell.trim() === SUMMARY_TITLE.zh || cell.trim() === SUMMARY_TITLE.en);
}

/**
 * Which of this product's sheets a sheet's content says it is (its first row read from A1), whatever its name
 * and with or without a marker: an earlier output's results or summary, never a table of applicants.
 */
export function ownSheetKind(values: readonly (readonly unknown[] | undefined)[]): "results" | "summary" | null {
  const first = values[0];
  if (isOurResultsHeader(first)) return "results";
  return isOurSummaryTitle(first?.[0]) ? "summary" : null;
}

const OWN_SHEET_WORDS = {
  results: {
    zh: "本工具以前写出的筛查结果表（表头是本工具的）",
    en: "an earlier results sheet written by this tool (its header row is ours)",
  },
  summary: { zh: "本工具以前写出的汇总表（标题是本工具的）", en: "an earlier summary sheet written by this tool (its title is ours)" },
} as const;

/**
 * Whether a sheet handed to the screening is one of this product's own by its content (its marker did not make
 * it the one to replace, or the host would not have passed it): it is then kept as it is, never screened as
 * applicants, and a note says so.
 */
export function skipOwnSheet(
  sheet: { name: string; values: readonly (readonly unknown[])[]; origin?: { row: number; column: number } },
  issues: { sheet: string; severity: "info" | "warning" | "error"; zh: string; en: string }[],
): boolean {
  const atA1 = !sheet.origin || (sheet.origin.row === 1 && sheet.origin.column === 1);
  const kind = atA1 && Array.isArray(sheet.values) ? ownSheetKind(sheet.values) : null;
  if (!kind) return false;
  const words = OWN_SHEET_WORDS[kind];
  issues.push({
    sheet: sheet.name,
    severity: "info",
    zh: `${sheet.name}：${words.zh}，未标记为本次替换的表：原样保留，不作为申报表读取`,
    en: `${sheet.name}: ${words.en}, not marked as the one to replace: kept as it is, not read as applications`,
  });
  return true;
}
