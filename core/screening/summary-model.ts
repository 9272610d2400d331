/**
 * What the summary sheet (HLJ汇总) says, independent of the host that writes it: the policy and options, the
 * totals by clause, city, status and entity, 问题与提示, and the chart (SCREENING.md "Output"; Revision 3).
 */
import { MEASURE_IDS, MeasureId, clauseCitation, isMeasureId } from "../measures/measure-id";
import { effectiveFromWords } from "../policy/lookup";
import { statedReadings } from "../words/assumptions";
import { getParameterSet, measureParams } from "../policy/registry";
import { AMOUNT_TERMS, OPTION_NAMES, TERMS, optionTerm } from "../words/glossary";
import { SummaryBlock, groupRows, issuesBlock, totalsBlocks } from "./summary-tables";
import { cityOfUscc } from "../uscc/uscc";
import { HEILONGJIANG_CITIES } from "../uscc/divisions";
import { UNKNOWN_KEY } from "../rows/types";
import { ScreeningResult } from "./types";
import { FEN_PER_WAN } from "../money/fen";
import { Decimal, Money } from "../money/money";
import { SUMMARY_TITLE } from "./own-sheets";

export type DisplayLanguage = "zh" | "en";

export type { SummaryBlock, SummaryCell, SummaryColumn, SummaryColumnKind } from "./summary-tables";
export { SUMMARY_COLUMN_WIDTHS } from "./summary-tables";

/** The chart of 核定金额 by clause, in 万元: only clauses with rows; 待人工核定 a series of its own when there is any. */
export interface SummaryChart {
  title: string;
  /** The value axis's title (万元). */
  axisTitle: string;
  /** The values' number format (0.00). */
  numberFormat: string;
  categories: string[];
  series: { name: string; values: number[] }[];
}

export interface SummaryModel {
  title: string;
  /** [label, value]; numbers stay numbers (rows, entities, the total). */
  info: [string, string | number][];
  /** Indexes in `info` of the amounts (formatted #,##0.00): 拟支持 and 待人工核定, never added together. */
  totalRows: number[];
  /** By clause, by city, by status, by entity, then 问题与提示; each ends with its 合计 row. */
  blocks: SummaryBlock[];
  chart: SummaryChart;
}

const WORDS = {
  policy: { zh: "政策", en: "Policy" },
  options: { zh: "选项", en: "Options" },
  reading: { zh: "解读", en: "Reading" },
  input: { zh: "输入文件", en: "Input" },
  rows: { zh: "行数", en: "Rows" },
  entities: { zh: "企业数", en: "Entities" },
  toPay: { zh: `${AMOUNT_TERMS.toPay.zh}（元）`, en: `Total ${AMOUNT_TERMS.toPay.en} (yuan)` },
  pending: { zh: `${AMOUNT_TERMS.pending.zh}（元）`, en: `Total ${AMOUNT_TERMS.pending.en} (yuan)` },
  chart: { zh: `各条款${TERMS.final.zh}（万元）`, en: "Final awards by clause (10,000 yuan)" },
  wan: { zh: "万元", en: "10,000 yuan" },
  toPayWan: { zh: `${AMOUNT_TERMS.toPay.zh}（万元）`, en: "To pay (10,000 yuan)" },
  pendingWan: { zh: `${AMOUNT_TERMS.pending.zh}（万元）`, en: "Awaiting a decision (10,000 yuan)" },
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

/** The summary sheet's content: the policy and options, the tables of totals, 问题与提示, and the chart. */
export function summaryModel(result: ScreeningResult, language: DisplayLanguage, inputName?: string): SummaryModel {
  const w = (key: keyof typeof WORDS) => WORDS[key][language];
  const policy = getParameterSet(result.policy.id);
  const { toPay, pending } = splitTotals(result.totals);
  const info: [string, string | number][] = [
    [w("policy"), `${result.policy.title[language]}（${result.policy.id}）`],
    [w("options"), optionsInWords(result.options, language)],
    // The readings the options make, said where they decide (RULES.md revision 3, change 8).
    ...statedReadings(result.options).map((r): [string, string] => [w("reading"), r[language]]),
    ...(inputName ? [[w("input"), inputName] as [string, string]] : []),
    [w("rows"), result.totals.rows],
    [w("entities"), result.totals.entities],
    // 拟支持 and 待人工核定 are never added together (SCREENING.md revision 3).
    [w("toPay"), Number(toPay)],
    [w("pending"), Number(pending)],
  ];
  const grouped = groupRows(result.rows, (code) => cityOfUscc(code)?.zh ?? null);
  const blocks = [
    ...totalsBlocks(
      grouped,
      language,
      (id) => (isMeasureId(id) ? measureParams(policy, id).title[language] : ""),
      (city) => cityName(city, language),
    ),
    issuesBlock(result, language),
  ];
  // Only clauses with rows (a measure the workbook does not name has none); amounts in 万元.
  const clauses = [...grouped.measures.entries()].filter(([id, line]) => isMeasureId(id) && line.rows > 0);
  /** Fen to 万元 in one division (two would leave a float artefact in the chart's cached values). */
  const wan = (fen: number) => fen / FEN_PER_WAN;
  const series = [{ name: w("toPayWan"), values: clauses.map(([, line]) => wan(line.toPay)) }];
  if (clauses.some(([, line]) => line.pending !== 0))
    series.push({ name: w("pendingWan"), values: clauses.map(([, line]) => wan(line.pending)) });
  const measureOrder = (id: string) => (MEASURE_IDS as readonly string[]).indexOf(id);
  const order = clauses.map((c, i) => i).sort((a, b) => measureOrder(clauses[a][0]) - measureOrder(clauses[b][0]));
  return {
    title: SUMMARY_TITLE[language],
    info,
    totalRows: [info.length - 2, info.length - 1],
    blocks,
    chart: {
      title: w("chart"),
      axisTitle: w("wan"),
      numberFormat: "0.00",
      categories: order.map((i) => clauseCitation(clauses[i][0] as MeasureId)),
      series: series.map((s) => ({ name: s.name, values: order.map((i) => s.values[i]) })),
    },
  };
}

/** A Heilongjiang city in the display language (`Daqing (大庆)`); other names as they were written. */
function cityName(city: string, language: DisplayLanguage): string {
  if (language === "zh") return city;
  if (city === UNKNOWN_KEY) return "unknown (未知)";
  const known = HEILONGJIANG_CITIES.find((c) => c.zh === city);
  return known ? `${known.en} (${city})` : city;
}
