/**
 * What the summary sheet (HLJ汇总) says, independent of the host that writes it: the policy and options, the
 * totals by measure, city and status, and the chart (SCREENING.md "Output"; Revision 3).
 */
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
import { SUMMARY_TITLE } from "./own-sheets";

export type DisplayLanguage = "zh" | "en";

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
