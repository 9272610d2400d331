/**
 * The summary's tables (SCREENING.md revision 3, "The summary"): the rows grouped by clause, by city in the
 * province's order, by status and by entity, each with its 合计 row, and 问题与提示 (every workbook warning, skipped
 * row and duplicate, with its cell). Amounts are summed in whole fen; 拟支持 (final of eligible rows) and 待人工核定
 * (final of manual rows) are two columns, never added together.
 */
import { linesIn } from "../text/display-width";
import { MEASURE_IDS, clauseCitation, isMeasureId } from "../measures/measure-id";
import { HEILONGJIANG_CITIES } from "../uscc/divisions";
import { UNKNOWN_KEY } from "../rows/types";
import { STATUS_ORDER } from "../batch/totals";
import { AMOUNT_TERMS, STATUS_TERMS, TERMS, Term } from "../words/glossary";
import type { ResultRowJson } from "../words/result-json";
import type { ScreeningResult } from "./types";

type Language = "zh" | "en";

/** How a host shows a column: text, wrapped text, a count, an amount (#,##0.00, with an in-cell bar from zero). */
export type SummaryColumnKind = "text" | "wrap" | "integer" | "amount";

export interface SummaryColumn {
  header: string;
  kind: SummaryColumnKind;
  /** How many of the sheet's six columns (A–F) it takes; hosts merge them. */
  span: number;
}

export type SummaryCell = string | number | null;

export interface SummaryBlock {
  key: "measure" | "city" | "status" | "entity" | "issues";
  title: string;
  columns: SummaryColumn[];
  rows: SummaryCell[][];
  /** The 合计 row: its counts and amounts are the sums of the rows above (拟支持 and 待人工核定 apart). */
  total: SummaryCell[];
}

/** The sheet columns every block is laid out on (widths in characters): A–C text, D rows, E 拟支持, F 待人工核定. */
export const SUMMARY_COLUMN_WIDTHS: readonly number[] = [24, 21, 26, 8, 17, 17];

const W = {
  byMeasure: { zh: "按申报条款", en: "By clause" },
  byCity: { zh: "按所属市(地)", en: "By city" },
  byStatus: { zh: "按状态", en: "By status" },
  byEntity: { zh: "按企业", en: "By entity" },
  issues: { zh: "问题与提示", en: "Problems and notes" },
  measureTitle: { zh: "措施", en: "Measure" },
  note: { zh: "说明", en: "Note" },
  status: { zh: "状态", en: "Status" },
  rows: { zh: "行数", en: "Rows" },
  total: { zh: "合计", en: "Total" },
  kind: { zh: "类别", en: "Kind" },
  where: { zh: "位置", en: "Where" },
  warning: { zh: "警告", en: "Warning" },
  error: { zh: "错误", en: "Error" },
  info: { zh: "提示", en: "Note" },
  skipped: { zh: "未读取的行", en: "Row not read" },
  duplicate: { zh: "重复行", en: "Duplicate row" },
  unknownCity: {
    zh: "无：统一社会信用代码非黑龙江省或无效，且无所属市(地)列",
    en: "none: the code is not from Heilongjiang or invalid, and no city column",
  },
  fromCode: { zh: "据统一社会信用代码登记机关", en: "from the credit code's registering authority" },
  fromColumn: { zh: "据所属市(地)列", en: "from the city column" },
  mixed: { zh: "据所属市(地)列和统一社会信用代码", en: "from the city column and the credit code" },
} as const satisfies Record<string, Term>;

/** What a skipped row is, in words (layout.ts's kinds). */
const SKIPPED_WORDS: Record<string, Term> = {
  total: { zh: "合计行", en: "a total row" },
  footer: { zh: "表尾", en: "a footer line" },
  text: { zh: "文字行（标题或说明）", en: "a line of text" },
  header: { zh: "重复的表头", en: "the header repeated" },
  units: { zh: "单位行", en: "the units row" },
  numbering: { zh: "列序号行", en: "a row of column numbers" },
  serialOnly: { zh: "仅有序号的行", en: "a row with only a serial number" },
};

/** The amount columns' headers: 拟支持（元） and 待人工核定（元）. */
export function amountHeaders(language: Language): [string, string] {
  return language === "zh"
    ? [`${AMOUNT_TERMS.toPay.zh}（元）`, `${AMOUNT_TERMS.pending.zh}（元）`]
    : [`To pay (yuan)`, `Awaiting a decision (yuan)`];
}

/** Rows and the two amounts, in whole fen (safe integers: sums stay exact up to 9×10^13 yuan). */
interface Line {
  rows: number;
  toPay: number;
  pending: number;
}

/** An amount string with two decimals as whole fen: exact (a safe integer) for any amount the engine handles. */
const fenOf = (final: string): number => Math.round(Number(final) * 100);
/** Fen as yuan, a number for the sheet (the nearest double to the two-decimal amount). */
export const yuanOf = (fen: number): number => fen / 100;

function add(lines: Map<string, Line>, key: string, row: ResultRowJson, fen: number): Line {
  let line = lines.get(key);
  if (!line) lines.set(key, (line = { rows: 0, toPay: 0, pending: 0 }));
  line.rows++;
  if (row.status === "eligible") line.toPay += fen;
  else if (row.status === "manual") line.pending += fen;
  return line;
}

export interface Grouped {
  measures: Map<string, Line>;
  cities: Map<string, Line>;
  statuses: Map<string, Line>;
  entities: Map<string, Line & { name: string; id: string; measures: Set<string> }>;
  /** Where each city came from: the city column, the credit code, or both. */
  provenance: Map<string, Set<"code" | "column">>;
  all: Line;
}

/** One pass over the rows: every grouping's counts and amounts. */
export function groupRows(rows: readonly ResultRowJson[], cityOfCode: (code: string) => string | null): Grouped {
  const g: Grouped = {
    measures: new Map(),
    cities: new Map(),
    statuses: new Map(),
    entities: new Map(),
    provenance: new Map(),
    all: null!,
  };
  const all = new Map<string, Line>();
  for (const row of rows) {
    const fen = fenOf(row.final);
    add(g.measures, row.measure ?? UNKNOWN_KEY, row, fen);
    add(g.cities, row.city || UNKNOWN_KEY, row, fen);
    add(g.statuses, row.status, row, fen);
    add(all, "", row, fen);
    const key = row.entityId || row.entityName || UNKNOWN_KEY;
    const entity = g.entities.get(key) ?? { rows: 0, toPay: 0, pending: 0, name: "", id: row.entityId, measures: new Set<string>() };
    g.entities.set(key, entity);
    add(g.entities as Map<string, Line>, key, row, fen);
    entity.name ||= row.entityName;
    if (row.measure) entity.measures.add(row.measure);
    if (row.city) {
      const from = g.provenance.get(row.city) ?? new Set();
      from.add(cityOfCode(row.entityId) === row.city ? "code" : "column");
      g.provenance.set(row.city, from);
    }
  }
  g.all = all.get("") ?? { rows: 0, toPay: 0, pending: 0 };
  return g;
}

/** Cities in the province's order (哈尔滨 … 大兴安岭地区), then other names as first met, then 未知. */
export function provinceOrder(cities: Iterable<string>): string[] {
  const rank = (city: string) => {
    if (city === UNKNOWN_KEY) return HEILONGJIANG_CITIES.length + 2;
    const i = PROVINCE_ORDER.indexOf(city);
    return i >= 0 ? i : HEILONGJIANG_CITIES.length + 1;
  };
  return [...cities].sort((a, b) => rank(a) - rank(b));
}

/** The province's own order of its cities (not the order of their division codes). */
const PROVINCE_ORDER: readonly string[] = [
  "哈尔滨",
  "齐齐哈尔",
  "牡丹江",
  "佳木斯",
  "大庆",
  "鸡西",
  "双鸭山",
  "伊春",
  "七台河",
  "鹤岗",
  "黑河",
  "绥化",
  "大兴安岭地区",
];

const amounts = (line: Line): SummaryCell[] => [line.rows, yuanOf(line.toPay), yuanOf(line.pending)];

function sumLines(lines: Iterable<Line>): Line {
  const sum: Line = { rows: 0, toPay: 0, pending: 0 };
  for (const line of lines) {
    sum.rows += line.rows;
    sum.toPay += line.toPay;
    sum.pending += line.pending;
  }
  return sum;
}

function amountColumns(language: Language): SummaryColumn[] {
  const [toPay, pending] = amountHeaders(language);
  return [
    { header: W.rows[language], kind: "integer", span: 1 },
    { header: toPay, kind: "amount", span: 1 },
    { header: pending, kind: "amount", span: 1 },
  ];
}

/** The four tables of totals: by clause, by city, by status, by entity. */
export function totalsBlocks(
  g: Grouped,
  language: Language,
  measureTitle: (id: string) => string,
  cityName: (city: string) => string,
): SummaryBlock[] {
  const total = W.total[language];
  const measureIds = [...g.measures.keys()].sort(
    (a, b) =>
      ((MEASURE_IDS as readonly string[]).indexOf(a) + 1 || Infinity) - ((MEASURE_IDS as readonly string[]).indexOf(b) + 1 || Infinity),
  );
  const cities = provinceOrder(g.cities.keys());
  const statuses = [...STATUS_ORDER];
  const zero: Line = { rows: 0, toPay: 0, pending: 0 };
  const cityNote = (city: string) => {
    const from = g.provenance.get(city);
    if (!from) return W.unknownCity[language];
    return (from.size > 1 ? W.mixed : from.has("code") ? W.fromCode : W.fromColumn)[language];
  };
  const clause = (id: string) => (isMeasureId(id) ? clauseCitation(id) : id);
  const entities = [...g.entities.values()];
  return [
    {
      key: "measure",
      title: W.byMeasure[language],
      columns: [
        { header: language === "zh" ? TERMS.clause.zh : "Clause", kind: "text", span: 1 },
        { header: W.measureTitle[language], kind: "wrap", span: 2 },
        ...amountColumns(language),
      ],
      rows: measureIds.map((id) => [clause(id), isMeasureId(id) ? measureTitle(id) : "", ...amounts(g.measures.get(id)!)]),
      total: [total, "", ...amounts(sumLines(g.measures.values()))],
    },
    {
      key: "city",
      title: W.byCity[language],
      columns: [
        { header: language === "zh" ? TERMS.city.zh : "City", kind: "text", span: 1 },
        { header: W.note[language], kind: "wrap", span: 2 },
        ...amountColumns(language),
      ],
      rows: cities.map((city) => [cityName(city), cityNote(city), ...amounts(g.cities.get(city)!)]),
      total: [total, "", ...amounts(sumLines(g.cities.values()))],
    },
    {
      key: "status",
      title: W.byStatus[language],
      columns: [{ header: W.status[language], kind: "text", span: 3 }, ...amountColumns(language)],
      rows: statuses.map((s) => {
        const line = g.statuses.get(s) ?? zero;
        // Only 符合条件 has an amount to pay and only 待人工核定 one awaiting a decision; the others none.
        return [
          STATUS_TERMS[s][language],
          line.rows,
          s === "eligible" ? yuanOf(line.toPay) : null,
          s === "manual" ? yuanOf(line.pending) : null,
        ];
      }),
      total: [total, ...amounts(sumLines(statuses.map((s) => g.statuses.get(s) ?? zero)))],
    },
    {
      key: "entity",
      title: W.byEntity[language],
      columns: [
        { header: language === "zh" ? TERMS.entityName.zh : "Name", kind: "wrap", span: 1 },
        { header: language === "zh" ? TERMS.uscc.zh : "Credit code (USCC)", kind: "text", span: 1 },
        { header: language === "zh" ? TERMS.clause.zh : "Clauses", kind: "wrap", span: 1 },
        ...amountColumns(language),
      ],
      rows: entities.map((e) => [e.name, e.id, measureList(e.measures, language), ...amounts(e)]),
      total: [total, language === "zh" ? `${entities.length} 家企业` : `${entities.length} entities`, "", ...amounts(sumLines(entities))],
    },
  ];
}

/** An entity's clauses in the catalogue's order: 第1条、第3条. */
function measureList(measures: Set<string>, language: Language): string {
  const ids = MEASURE_IDS.filter((id) => measures.has(id));
  const others = [...measures].filter((m) => !isMeasureId(m));
  return [...ids.map(clauseCitation), ...others].join(language === "zh" ? "、" : ", ");
}

/**
 * 问题与提示: every issue the screening found in the workbook (warnings and errors first), every skipped row
 * no issue already names, and every duplicate row, each with its cell or sheet!row.
 */
export function issuesBlock(result: Pick<ScreeningResult, "issues" | "tables" | "rows">, language: Language): SummaryBlock {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const skippedCells = new Map(result.tables.flatMap((t) => t.skipped.map((s) => [s.cell, s] as const)));
  const named = new Set<string>();
  const rows: SummaryCell[][] = [...result.issues]
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => rank[a.issue.severity] - rank[b.issue.severity] || a.i - b.i)
    .map(({ issue }) => {
      if (issue.cell) named.add(issue.cell);
      const kind = issue.severity === "info" && issue.cell && skippedCells.has(issue.cell) ? W.skipped : W[issue.severity];
      // The cell stands in its own column: the text without it in front.
      const text =
        issue.cell && /^[：:]\s*/.test(issue[language].slice(issue.cell.length)) && issue[language].startsWith(issue.cell)
          ? issue[language].slice(issue.cell.length).replace(/^[：:]\s*/, "")
          : issue[language];
      return [kind[language], issue.cell ?? issue.sheet, text];
    });
  for (const [cell, skipped] of skippedCells) {
    if (named.has(cell)) continue;
    const what = SKIPPED_WORDS[skipped.kind] ?? { zh: skipped.kind, en: skipped.kind };
    const text = skipped.text ? (language === "zh" ? `“${skipped.text}”` : ` "${skipped.text}"`) : "";
    rows.push([W.skipped[language], cell, `${what[language]}${text}`]);
  }
  for (const row of result.rows) {
    // A duplicate is an error row (its reasons are worded only when read: only the error rows' are).
    if (row.status !== "error") continue;
    const duplicate = row.reasons.find((r) => r.code === "duplicate_row");
    if (duplicate) rows.push([W.duplicate[language], row.source, duplicate[language]]);
  }
  const count = language === "zh" ? `共 ${rows.length} 条` : `${rows.length} items`;
  return {
    key: "issues",
    title: W.issues[language],
    columns: [
      { header: W.kind[language], kind: "text", span: 1 },
      { header: W.where[language], kind: "text", span: 1 },
      { header: W.note[language], kind: "wrap", span: 4 },
    ],
    rows,
    total: [W.total[language], "", count],
  };
}

/** The most runs a bar's range lists; beyond, the whole column's range (a very long list of areas is a risk in Excel). */
export const MAX_BAR_RUNS = 1_000;

/**
 * Runs [from, to] (0-based, inclusive) of cells holding a number other than zero: where in-cell bars go, so a 0.00
 * has none. Past MAX_BAR_RUNS runs, one run over every number (from the first to the last).
 */
export function nonZeroRuns(values: readonly SummaryCell[]): [number, number][] {
  const runs: [number, number][] = [];
  values.forEach((value, i) => {
    if (typeof value !== "number" || value === 0) return;
    const last = runs[runs.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else runs.push([i, i]);
  });
  return runs.length > MAX_BAR_RUNS ? [[runs[0][0], runs[runs.length - 1][1]]] : runs;
}

/** Lines a text takes wrapped in a column this many characters wide (core/text/display-width.ts: one measure for every sheet). */
export const textLines = (text: string, width: number): number => Math.max(1, linesIn(text, width));

/** Rows of 15 pt an A4 landscape page holds between the summary's margins (0.6" and 0.7"). */
const PAGE_ROWS = 33;

/** Clauses a column chart holds with each 第n条 label on one line at 10 pt across the page; more: bars, labels left. */
export const MAX_COLUMN_CLAUSES = 8;

export interface ChartLayout {
  /** Rows the chart takes (15 pt each). */
  rows: number;
  /** Bars across (labels at the left, each on its line) rather than columns: many clauses. */
  horizontal: boolean;
  /** The chart needs a page of its own (a break above it too): more clauses than the first page leaves room for. */
  ownPage: boolean;
}

/**
 * Where the chart goes: under the facts, as tall as the first page leaves (10 to 18 rows), the facts' lines (label
 * in A, value across B–F) counted as the hosts size their rows. Past MAX_COLUMN_CLAUSES clauses, horizontal bars
 * (a 第n条 label per line); when those need more rows than the first page leaves, a page of their own.
 */
export function chartLayout(info: readonly (readonly [string, string | number])[], clauses: number): ChartLayout {
  const infoWidth = SUMMARY_COLUMN_WIDTHS.slice(1).reduce((a, b) => a + b, 0);
  const lines = info.reduce(
    (n, [label, value]) =>
      n + Math.max(textLines(label, SUMMARY_COLUMN_WIDTHS[0]), typeof value === "string" ? textLines(value, infoWidth) : 1),
    0,
  );
  // The title (24 pt), a blank row above and below the facts, and a row to spare.
  const rows = Math.max(10, Math.min(18, PAGE_ROWS - 5 - lines));
  if (clauses <= MAX_COLUMN_CLAUSES) return { rows, horizontal: false, ownPage: false };
  // About 16 pt a clause, and room for the title, the legend and the value axis.
  const needed = Math.ceil(clauses * 1.1) + 6;
  return needed <= rows
    ? { rows, horizontal: true, ownPage: false }
    : { rows: Math.min(needed, PAGE_ROWS - 2), horizontal: true, ownPage: true };
}
