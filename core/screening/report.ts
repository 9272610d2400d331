/**
 * What the result sheets say, independent of the host that writes them (the CLI's package writer, Office.js in
 * the task pane): sheet names, the marker and the header row that together tell our sheets from the user's,
 * columns in the display language, status words, reasons as sentences, the 计算说明, the summary's blocks and
 * chart, and the print setup (SCREENING.md "Output"). Hosts only place these values into cells.
 */
import { ResultRowJson, reasonCodesOf } from "../words/result-json";
import { clauseCitation, isMeasureId } from "../measures/measure-id";
import { effectiveFromWords } from "../policy/lookup";
import { statedReadings } from "../words/assumptions";
import { getParameterSet, measureParams } from "../policy/registry";
import { STATUS_WORDS } from "../reasons/reasons";
import { AMOUNT_TERMS, OPTION_NAMES, TERMS, optionTerm } from "../words/glossary";
import { cityOfUscc } from "../uscc/uscc";
import { HEILONGJIANG_CITIES } from "../uscc/divisions";
import { UNKNOWN_KEY } from "../rows/types";
import { ScreeningResult } from "./types";
import { Decimal, Money } from "../money/money";
import { RESULT_COLUMNS, ResultColumn, ResultKey, SUMMARY_TITLE } from "./own-sheets";

export { RESULT_COLUMNS, SUMMARY_TITLE, isOurResultsHeader, isOurSummaryTitle, ownSheetKind } from "./own-sheets";
export type { ColumnKind, ResultColumn, ResultKey } from "./own-sheets";

export type DisplayLanguage = "zh" | "en";

export const RESULTS_SHEET = "HLJ筛查结果";
export const SUMMARY_SHEET = "HLJ汇总";
/** Workbook-level names that mark a sheet as written by this product (A1 of that sheet). */
export const RESULTS_MARKER_NAME = "HLJ_SCREEN_RESULTS";
export const SUMMARY_MARKER_NAME = "HLJ_SCREEN_SUMMARY";

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
): string | number | null {
  switch (key) {
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
    key === "reasons" ? reasonCodesOf(row).length > 0 : cellOf(row, key, language, () => row.explain) !== null;
  const columns = RESULT_COLUMNS.filter((column) => !column.optional || rows.some((row) => present(row, column.key)));
  return { columns, header: columns.map((column) => column.header[language]) };
}

/** One result row's cells for the given columns; `explain` may be made afresh by the caller (not kept on the row). */
export function resultRowCells(
  row: ResultRowJson,
  columns: readonly ResultColumn[],
  language: DisplayLanguage,
  explain: () => { zh: string; en: string } = () => row.explain,
): (string | number | null)[] {
  return columns.map((column) => cellOf(row, column.key, language, explain));
}

/** The results sheet: its columns, header row and one row of cells per result. */
export function resultsTable(rows: readonly ResultRowJson[], language: DisplayLanguage): ResultsTable {
  const { columns, header } = resultsColumns(rows, language);
  return { columns, header, rows: rows.map((row) => resultRowCells(row, columns, language)) };
}

export interface SummaryBlock {
  title: string;
  header: [string, string, string, string];
  /** [label, note, rows, final amount] */
  rows: [string, string, number, number][];
}

export interface SummaryModel {
  title: string;
  /** [label, value]; numbers stay numbers (rows, entities, the total). */
  info: [string, string | number][];
  /** Indexes in `info` of the amounts (formatted #,##0.00): 拟支持 and 待人工核定, never added together. */
  totalRows: number[];
  blocks: SummaryBlock[];
  /** The chart of final awards by measure, labelled by clause (第1条 …). */
  chart: { title: string; series: string; categories: string[]; values: number[] };
}

const WORDS = {
  policy: { zh: "政策", en: "Policy" },
  options: { zh: "选项", en: "Options" },
  reading: { zh: "解读", en: "Reading" },
  input: { zh: "输入文件", en: "Input" },
  rows: { zh: "行数", en: "Rows" },
  entities: { zh: "主体数", en: "Entities" },
  toPay: { zh: `${AMOUNT_TERMS.toPay.zh}（元）`, en: `Total ${AMOUNT_TERMS.toPay.en} (yuan)` },
  pending: { zh: `${AMOUNT_TERMS.pending.zh}（元）`, en: `Total ${AMOUNT_TERMS.pending.en} (yuan)` },
  byMeasure: { zh: "按措施", en: "By measure" },
  byCity: { zh: "按市（地）", en: "By city" },
  byStatus: { zh: "按状态", en: "By status" },
  measure: { zh: "条款", en: "Clause" },
  title: { zh: "措施", en: "Measure" },
  city: { zh: "市（地）", en: "City" },
  source: { zh: "说明", en: "Note" },
  status: { zh: "状态", en: "Status" },
  code: { zh: "状态代码", en: "Status code" },
  count: { zh: "行数", en: "Rows" },
  final: { zh: `${TERMS.final.zh}（元）`, en: "Final (yuan)" },
  chart: { zh: `各条款${TERMS.final.zh}（元）`, en: "Final awards by clause (yuan)" },
  unknownCity: {
    zh: "无：统一社会信用代码非黑龙江省或无效，且无所属市(地)列",
    en: "none: the code is not from Heilongjiang or invalid, and no city column",
  },
  fromCode: { zh: "据统一社会信用代码登记机关", en: "from the credit code's registering authority" },
  fromColumn: { zh: "据所属市(地)列", en: "from the city column" },
  mixed: { zh: "据所属市(地)列和统一社会信用代码", en: "from the city column and the credit code" },
} as const;

/** The options as words (the glossary's), for the summary and a printed sheet. */
export function optionsInWords(options: ScreeningResult["options"], language: DisplayLanguage): string {
  const parts = (["lprMode", "dayCount", "dedupScope", "otherSupport", "interestWindow"] as const).map(
    (key) => `${OPTION_NAMES[key][language]}${language === "zh" ? "：" : ": "}${optionTerm(key, options[key])[language]}`,
  );
  parts.push(effectiveFromWords(getParameterSet(options.policy), options.effectiveFrom)[language]);
  return parts.join(language === "zh" ? "；" : "; ");
}

/**
 * The amounts to pay (final of eligible rows) and awaiting a person's decision (final of manual rows), as
 * amounts: two figures, never one sum of both (SCREENING.md revision 3).
 */
export function splitTotals(totals: { byStatus: Readonly<Record<string, { final: Money | string }>> }): {
  toPay: Money;
  pending: Money;
} {
  const of = (status: string) => new Decimal(totals.byStatus[status]?.final ?? 0);
  return { toPay: of("eligible"), pending: of("manual") };
}

/** The summary sheet's content: the policy and options, then totals by measure, city and status, and the chart. */
export function summaryModel(result: ScreeningResult, language: DisplayLanguage, inputName?: string): SummaryModel {
  const w = (key: keyof typeof WORDS) => WORDS[key][language];
  const policy = getParameterSet(result.policy.id);
  const info: [string, string | number][] = [
    [w("policy"), `${result.policy.title[language]}（${result.policy.id}）`],
    [w("options"), optionsInWords(result.options, language)],
    // The readings the options make, said where they decide (RULES.md revision 3, change 8).
    ...statedReadings(result.options).map((r): [string, string] => [w("reading"), r[language]]),
    ...(inputName ? [[w("input"), inputName] as [string, string]] : []),
    [w("rows"), result.totals.rows],
    [w("entities"), result.totals.entities],
    // 拟支持 and 待人工核定 are never added together (SCREENING.md revision 3).
    [w("toPay"), Number(splitTotals(result.totals).toPay)],
    [w("pending"), Number(splitTotals(result.totals).pending)],
  ];
  const measureRows = Object.entries(result.totals.byMeasure).map(([id, t]): [string, string, number, number] =>
    isMeasureId(id)
      ? [clauseCitation(id), measureParams(policy, id).title[language], t.rows, Number(t.final)]
      : [id, "", t.rows, Number(t.final)],
  );
  // Where each city came from: the city column, the credit code, or neither.
  const provenance = new Map<string, Set<"code" | "column">>();
  for (const row of result.rows) {
    if (!row.city) continue;
    const set = provenance.get(row.city) ?? new Set();
    set.add(cityOfUscc(row.entityId)?.zh === row.city ? "code" : "column");
    provenance.set(row.city, set);
  }
  const cityNote = (city: string) => {
    const from = provenance.get(city);
    if (!from) return w("unknownCity");
    return from.size > 1 ? w("mixed") : from.has("code") ? w("fromCode") : w("fromColumn");
  };
  return {
    title: SUMMARY_TITLE[language],
    info,
    totalRows: [info.length - 2, info.length - 1],
    blocks: [
      { title: w("byMeasure"), header: [w("measure"), w("title"), w("count"), w("final")], rows: measureRows },
      {
        title: w("byCity"),
        header: [w("city"), w("source"), w("count"), w("final")],
        rows: Object.entries(result.totals.byCity).map(([city, t]) => [cityName(city, language), cityNote(city), t.rows, Number(t.final)]),
      },
      {
        title: w("byStatus"),
        header: [w("status"), w("code"), w("count"), w("final")],
        rows: Object.entries(result.totals.byStatus).map(([status, t]) => [
          STATUS_WORDS[status]?.[language] ?? status,
          status,
          t.rows,
          Number(t.final),
        ]),
      },
    ],
    chart: { title: w("chart"), series: w("final"), categories: measureRows.map((r) => r[0]), values: measureRows.map((r) => r[3]) },
  };
}

/** A Heilongjiang city in the display language (`Daqing (大庆)`); other names as they were written. */
function cityName(city: string, language: DisplayLanguage): string {
  if (language === "zh") return city;
  if (city === UNKNOWN_KEY) return "unknown (未知)";
  const known = HEILONGJIANG_CITIES.find((c) => c.zh === city);
  return known ? `${known.en} (${city})` : city;
}

/** A printed page's footer: the policy id on the left, the page number in the middle (Excel's &P and &N codes). */
export function printFooterParts(policyId: string, language: DisplayLanguage): { left: string; center: string; right: string } {
  return {
    left: policyId,
    center: language === "zh" ? "第 &P 页，共 &N 页" : "Page &P of &N",
    right: language === "zh" ? "HLJ 筛查" : "HLJ screening",
  };
}

/** The footer as one SpreadsheetML string (`&L…&C…&R…`). */
export function printFooter(policyId: string, language: DisplayLanguage): string {
  const { left, center, right } = printFooterParts(policyId, language);
  return `&L${left}&C${center}&R${right}`;
}
