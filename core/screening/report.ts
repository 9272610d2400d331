/**
 * What the result sheets say, independent of the host that writes them (the CLI's package writer, Office.js in
 * the task pane): sheet names, the marker and the header row that together tell our sheets from the user's,
 * columns in the display language, status words, reasons as sentences, the 计算说明, the summary's blocks and
 * chart, and the print setup (SCREENING.md "Output"). Hosts only place these values into cells.
 */
import { ResultRowJson, reasonCodesOf } from "../words/result-json";
import { STATUS_WORDS } from "../reasons/reasons";
import { briefReason } from "../words/brief";
import { PRODUCT_NAME } from "../words/glossary";
import { RESULT_COLUMNS, ResultColumn, ResultKey } from "./own-sheets";

export {
  APPENDIX_COLUMNS,
  MACHINE_COLUMNS,
  OWN_HEADER_ROWS,
  RESULT_COLUMNS,
  REVIEW_COLUMNS,
  SUMMARY_TITLE,
  isOurAppendixSheet,
  isOurResultsHeader,
  isOurResultsSheet,
  isOurSummaryTitle,
  ownSheetKind,
} from "./own-sheets";
export { APPENDIX_TITLE, HANDWRITING_BLANK, appendixLayout, reviewHeadLines, reviewListLayout } from "./review-list";
export type { AppendixLayout, PaperMeta, ReviewListLayout } from "./review-list";
export { reportingUnitOf } from "./reporting-unit";
export type { ColumnKind, ResultColumn, ResultKey } from "./own-sheets";

import { DisplayLanguage } from "./summary-model";

export type { DisplayLanguage };
export { optionsInWords, splitTotals, summaryModel } from "./summary-model";
export type { SummaryBlock, SummaryModel } from "./summary-model";

export const RESULTS_SHEET = "HLJ筛查结果";
export const SUMMARY_SHEET = "HLJ汇总";
/** The calculation appendix (附件：计算明细), the third sheet. */
export const APPENDIX_SHEET = "HLJ计算明细";
/** Workbook-level names that mark a sheet as written by this product (A1 of that sheet). */
export const RESULTS_MARKER_NAME = "HLJ_SCREEN_RESULTS";
export const SUMMARY_MARKER_NAME = "HLJ_SCREEN_SUMMARY";
export const APPENDIX_MARKER_NAME = "HLJ_SCREEN_APPENDIX";

/** Excel's limit of characters in one cell: longer text is cut with a visible "…" (the JSON says the same). */
export const EXCEL_CELL_CHARACTERS = 32_767;

/** Text as a cell can hold it: at most 32,767 characters, the last of them "…" when it was cut. */
export function cellText(text: string): string {
  return text.length <= EXCEL_CELL_CHARACTERS ? text : `${text.slice(0, EXCEL_CELL_CHARACTERS - 1)}…`;
}

/** The sheet a workbook name refers to: `=HLJ汇总!$A$1`, `'HLJ汇总 (2)'!$A$1`, `='it''s'!$A$1` → the sheet. */
export function sheetOfReference(reference: string): string | null {
  const match = /^=?(?:'((?:[^']|'')+)'|([^!]+))!/.exec(reference);
  if (!match) return null;
  return match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2];
}

/** A sheet name as a formula writes it: `'HLJ筛查结果'`, quotes doubled. */
export const quotedSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** A free sheet name: `base`, or `base (2)`, `base (3)`… when a sheet of the user's already has it. */
export function freeSheetName(base: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} (${n})`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

export const STATUS_STYLES: Readonly<Record<string, { fill: string; font: string }>> = {
  eligible: { fill: "E2EFDA", font: "375623" },
  ineligible: { fill: "EDEDED", font: "3A3A3A" },
  superseded: { fill: "FFF2CC", font: "7F6000" },
  manual: { fill: "DDEBF7", font: "1F4E79" },
  not_cash: { fill: "F2F2F2", font: "595959" },
  error: { fill: "FCE4E4", font: "9C0006" },
};

/** Status words (the glossary's) and colours. */
export const STATUS_LABELS: Readonly<Record<string, { zh: string; en: string; fill: string; font: string }>> = Object.fromEntries(
  Object.entries(STATUS_WORDS).map(([code, words]) => [code, { ...words, ...STATUS_STYLES[code] }]),
);

/** A row's reasons as sentences, one per line, without codes (the code is in its own column). */
export function reasonSentences(row: Pick<ResultRowJson, "reasons">, language: DisplayLanguage): string {
  return row.reasons.map((r) => r[language]).join("\n");
}

function cellOf(
  row: ResultRowJson,
  key: ResultKey,
  language: DisplayLanguage,
  explain: () => { zh: string; en: string },
  index: number,
): string | number | null {
  switch (key) {
    case "seq":
      return index + 1;
    case "brief":
      return cellText(briefReason(row, language)) || null;
    case "opinion":
      return null;
    case "reasons":
      return cellText(reasonSentences(row, language)) || null;
    case "explain":
      return cellText(explain()[language]);
    case "statusWord":
      return STATUS_WORDS[row.status]?.[language] ?? row.status;
    case "computed":
    case "cap":
    case "claimed":
    case "final": {
      const value = row[key];
      return value === null ? null : Number(value);
    }
    case "year":
      return row.year;
    default: {
      const value = row[key as keyof ResultRowJson];
      return value === null || value === undefined || value === "" ? null : cellText(String(value));
    }
  }
}

export interface ResultsTable {
  columns: ResultColumn[];
  header: string[];
  /** One array of cells per result row (numbers are numbers, text is text, empty is null). */
  rows: (string | number | null)[][];
}

/**
 * The results sheet's columns: those that have something to say (an optional column every row leaves empty is
 * left out), with the header row in the display language.
 */
export function resultsColumns(rows: readonly ResultRowJson[], language: DisplayLanguage): Omit<ResultsTable, "rows"> {
  const present = (row: ResultRowJson, key: ResultKey) =>
    key === "reasons" ? reasonCodesOf(row).length > 0 : cellOf(row, key, language, () => row.explain, 0) !== null;
  const columns = RESULT_COLUMNS.filter((column) => !column.optional || rows.some((row) => present(row, column.key)));
  return { columns, header: columns.map((column) => column.header[language]) };
}

/**
 * One result row's cells for the given columns (`index`: its place in the results, 0-based, for 序号); `explain`
 * may be made afresh by the caller (not kept on the row).
 */
export function resultRowCells(
  row: ResultRowJson,
  columns: readonly ResultColumn[],
  language: DisplayLanguage,
  index: number,
  explain: () => { zh: string; en: string } = () => row.explain,
): (string | number | null)[] {
  return columns.map((column) => cellOf(row, column.key, language, explain, index));
}

/** The results sheet: its columns, header row and one row of cells per result. */
export function resultsTable(rows: readonly ResultRowJson[], language: DisplayLanguage): ResultsTable {
  const { columns, header } = resultsColumns(rows, language);
  return { columns, header, rows: rows.map((row, i) => resultRowCells(row, columns, language, i)) };
}

/** Excel's limit of characters in a header or footer (codes included); a longer one makes Excel repair the file. */
export const MAX_HEADER_FOOTER = 255;

/**
 * A printed page's footer, as every host writes it: the policy id on the left (an `&` in it written `&&`, so it is
 * not read as a code, and shortened with "…" when the whole would pass Excel's 255 characters), the page number in
 * the middle (Excel's &P and &N codes), the product's name on the right.
 */
export function printFooterParts(
  policyId: string,
  language: DisplayLanguage,
  limit = MAX_HEADER_FOOTER,
): { left: string; center: string; right: string } {
  const center = language === "zh" ? "第 &P 页，共 &N 页" : "Page &P of &N";
  const right = PRODUCT_NAME[language];
  const rest = `&L&C${center}&R${right}`.length;
  const escaped = (text: string) => text.replace(/&/g, "&&");
  let left = escaped(policyId);
  if (rest + left.length > limit) {
    // Whole characters (UTF-16 units counted, as Excel does) until the rest and an ellipsis fit.
    const characters = [...policyId];
    while (characters.length && rest + escaped(characters.join("")).length + 1 > limit) characters.pop();
    left = `${escaped(characters.join(""))}…`;
  }
  return { left, center, right };
}

/** The footer as one SpreadsheetML string (`&L…&C…&R…`). */
export function printFooter(policyId: string, language: DisplayLanguage, limit = MAX_HEADER_FOOTER): string {
  const { left, center, right } = printFooterParts(policyId, language, limit);
  return `&L${left}&C${center}&R${right}`;
}
