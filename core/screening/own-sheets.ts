/**
 * The columns of the results sheet and the words that tell this product's own sheets from the user's: the
 * results header row and the summary title (SCREENING.md "Output": marker and content; Revision 3).
 */
import { ResultRowJson } from "../words/result-json";
import { PRODUCT_NAME, REVIEW_TERMS, TERMS } from "../words/glossary";

/** How a host formats a column: text, wrapped text, an amount (#,##0.00), a whole number, a code. */
export type ColumnKind = "text" | "wrap" | "amount" | "integer" | "code";

export type ResultKey = keyof ResultRowJson | "statusWord" | "seq" | "brief" | "opinion";

export interface ResultColumn {
  key: ResultKey;
  header: { zh: string; en: string };
  kind: ColumnKind;
  /** Width in characters of the default font (the printed list's columns sum to one A4 landscape page at 100%). */
  width: number;
  /** Left out of the sheet when no row has a value in it (claims, city, names may all be absent). */
  optional?: boolean;
}

const r = REVIEW_TERMS;

/**
 * The review list's columns, printed (SCREENING.md revision 3): what a reviewer reads and signs, in this order,
 * always all twelve. At 10 pt their widths (137 characters) fit A4 landscape between 1 cm margins at 100%.
 */
export const REVIEW_COLUMNS: readonly ResultColumn[] = [
  { key: "seq", header: r.seq, kind: "integer", width: 5 },
  { key: "source", header: r.source, kind: "text", width: 10 },
  { key: "entityName", header: { zh: TERMS.entityName.zh, en: "Name" }, kind: "wrap", width: 16 },
  { key: "entityId", header: { zh: TERMS.uscc.zh, en: "Credit code (USCC)" }, kind: "code", width: 19 },
  { key: "city", header: { zh: TERMS.city.zh, en: "City" }, kind: "text", width: 9 },
  { key: "year", header: { zh: TERMS.awardYear.zh, en: "Year" }, kind: "integer", width: 8 },
  { key: "clause", header: { zh: TERMS.clause.zh, en: "Clause" }, kind: "text", width: 8 },
  { key: "claimed", header: { zh: TERMS.claimed.zh, en: "Claimed" }, kind: "amount", width: 12 },
  { key: "final", header: { zh: TERMS.final.zh, en: "Final" }, kind: "amount", width: 12 },
  { key: "statusWord", header: r.status, kind: "text", width: 10 },
  { key: "brief", header: r.brief, kind: "wrap", width: 16 },
  { key: "opinion", header: r.opinion, kind: "wrap", width: 12 },
];

/** The columns after the printed list, for filtering and for the screen: codes, the computed amount, the cap, reasons. */
export const MACHINE_COLUMNS: readonly ResultColumn[] = [
  { key: "status", header: r.statusCode, kind: "code", width: 12 },
  { key: "measure", header: r.measureCode, kind: "code", width: 10 },
  { key: "computed", header: { zh: TERMS.computed.zh, en: "Computed" }, kind: "amount", width: 16 },
  { key: "cap", header: r.cap, kind: "amount", width: 15, optional: true },
  { key: "reasons", header: r.reasons, kind: "wrap", width: 34, optional: true },
  { key: "citation", header: r.citation, kind: "wrap", width: 26, optional: true },
];

export const RESULT_COLUMNS: readonly ResultColumn[] = [...REVIEW_COLUMNS, ...MACHINE_COLUMNS];

/** The appendix's columns: which application, and its 计算说明 as short labelled lines. */
export const APPENDIX_COLUMNS: readonly ResultColumn[] = [
  { key: "seq", header: r.seq, kind: "integer", width: 5 },
  { key: "source", header: r.source, kind: "text", width: 10 },
  { key: "entityName", header: { zh: TERMS.entityName.zh, en: "Name" }, kind: "wrap", width: 16 },
  { key: "clause", header: { zh: TERMS.clause.zh, en: "Clause" }, kind: "text", width: 8 },
  { key: "explain", header: r.details, kind: "wrap", width: 96 },
];

/** The results sheet's columns before revision 3 (header in row 1), so an earlier output is still known. */
const FORMER_RESULT_COLUMNS: readonly { zh: readonly string[]; en: string; optional?: boolean }[] = [
  { zh: ["来源"], en: "Source" },
  { zh: [TERMS.uscc.zh], en: "Credit code (USCC)" },
  { zh: [TERMS.entityName.zh], en: "Name", optional: true },
  { zh: [TERMS.city.zh], en: "City", optional: true },
  { zh: [TERMS.awardYear.zh], en: "Year" },
  { zh: [TERMS.clause.zh, "条款"], en: "Clause" },
  { zh: ["措施代码"], en: "Measure" },
  { zh: [TERMS.computed.zh, "计算金额"], en: "Computed" },
  { zh: ["上限"], en: "Cap", optional: true },
  { zh: [TERMS.claimed.zh], en: "Claimed", optional: true },
  { zh: [TERMS.final.zh, "最终金额"], en: "Final" },
  { zh: ["状态"], en: "Status" },
  { zh: ["状态代码"], en: "Status code" },
  { zh: ["原因"], en: "Reasons", optional: true },
  { zh: [TERMS.explain.zh], en: "How it was computed" },
  { zh: ["依据"], en: "Citation", optional: true },
];

/** Whether `cells` begins with `columns` in order, optional ones allowed to be absent. */
function startsWithColumns(cells: readonly unknown[], columns: readonly { words: readonly string[]; optional?: boolean }[]): boolean {
  let i = 0;
  for (const column of columns) {
    if (typeof cells[i] === "string" && column.words.includes(cells[i] as string)) i++;
    else if (!column.optional) return false;
  }
  return true;
}

const headerWords = (columns: readonly ResultColumn[], language: "zh" | "en") =>
  columns.map((c) => ({ words: [c.header[language]], optional: c.optional }));

/**
 * Whether a row is a header row this product writes, in either language, with or without its optional
 * columns — followed by anything the officer added (a 备注 column, a =SUM() beside it): our columns are a
 * prefix of the row. Revision 3's review list and the results sheet before it (header in row 1) alike.
 */
export function isOurResultsHeader(row: readonly unknown[] | undefined): boolean {
  if (!row) return false;
  const cells = row.map((c) => (typeof c === "string" ? c.trim() : c));
  return (
    (["zh", "en"] as const).some((language) => startsWithColumns(cells, headerWords(RESULT_COLUMNS, language))) ||
    startsWithColumns(
      cells,
      FORMER_RESULT_COLUMNS.map((c) => ({ words: c.zh, optional: c.optional })),
    ) ||
    startsWithColumns(
      cells,
      FORMER_RESULT_COLUMNS.map((c) => ({ words: [c.en], optional: c.optional })),
    )
  );
}

/** How far down a sheet of ours its header row may stand (below the title and head lines). */
export const OWN_HEADER_ROWS = 12;

/** Whether a sheet's first rows hold our results header (row 1 before revision 3, under the head since). */
export function isOurResultsSheet(values: readonly (readonly unknown[] | undefined)[]): boolean {
  return values.slice(0, OWN_HEADER_ROWS).some((row) => isOurResultsHeader(row));
}

/** Whether a sheet's first rows hold the appendix's header row, in either language. */
export function isOurAppendixSheet(values: readonly (readonly unknown[] | undefined)[]): boolean {
  return values.slice(0, OWN_HEADER_ROWS).some((row) => {
    const cells = (row ?? []).map((c) => (typeof c === "string" ? c.trim() : c));
    return (["zh", "en"] as const).some((language) => startsWithColumns(cells, headerWords(APPENDIX_COLUMNS, language)));
  });
}

/** The summary sheet's title (cell A1), in either language: with the marker, what makes it ours. */
export const SUMMARY_TITLE = { zh: `${PRODUCT_NAME.zh}汇总`, en: `${PRODUCT_NAME.en}: summary` } as const;

/** The summary titles earlier versions wrote (before the one product name), so their summaries are still known. */
const FORMER_SUMMARY_TITLES: readonly string[] = ["HLJ 筛查汇总", "HLJ screening summary"];

export function isOurSummaryTitle(cell: unknown): boolean {
  if (typeof cell !== "string") return false;
  const title = cell.trim();
  return title === SUMMARY_TITLE.zh || title === SUMMARY_TITLE.en || FORMER_SUMMARY_TITLES.includes(title);
}

/**
 * Which of this product's sheets a sheet's content says it is (its first row read from A1), whatever its name
 * and with or without a marker: an earlier output's results or summary, never a table of applicants.
 */
export function ownSheetKind(values: readonly (readonly unknown[] | undefined)[]): "results" | "summary" | "appendix" | null {
  if (isOurResultsSheet(values)) return "results";
  if (isOurAppendixSheet(values)) return "appendix";
  return isOurSummaryTitle(values[0]?.[0]) ? "summary" : null;
}

const OWN_SHEET_WORDS = {
  results: {
    zh: "本工具以前写出的筛查结果表（表头是本工具的）",
    en: "an earlier results sheet written by this tool (its header row is ours)",
  },
  summary: { zh: "本工具以前写出的汇总表（标题是本工具的）", en: "an earlier summary sheet written by this tool (its title is ours)" },
  appendix: {
    zh: "本工具以前写出的计算明细表（表头是本工具的）",
    en: "an earlier calculation appendix written by this tool (its header row is ours)",
  },
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
