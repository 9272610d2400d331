/**
 * The paper an officer signs (SCREENING.md revision 3), host-neutral: where each part of the review list
 * (HLJ筛查结果 as printed) and of the calculation appendix (附件：计算明细, HLJ计算明细) sits, and what it says.
 * Hosts (the CLI's package writer, Office.js, WPS) place these values and styles; none decides a word or a row.
 *
 *   review list: title · head lines (填报单位 and 筛查日期, 政策版本, 筛查选项, the stand-in issue date) · blank ·
 *   header · one row per application · 合计 拟支持 · 合计 待人工核定 · blank · 经办人：审核人：负责人：日期：（盖章）
 *   appendix: title · the policy once · blank · header · one row per application, its 计算说明 as lines
 */
import { effectiveFromWords } from "../policy/lookup";
import { getParameterSet } from "../policy/registry";
import { AMOUNT_TERMS, REVIEW_TERMS, TERMS } from "../words/glossary";
import { APPENDIX_COLUMNS, REVIEW_COLUMNS } from "./own-sheets";
import { DisplayLanguage, optionsInWords, splitTotals } from "./summary-model";
import { ScreeningResult } from "./types";
import { columnLetters } from "./fields";

export interface PaperMeta {
  /** The day of the screening, YYYY-MM-DD (the host's clock; fixed in tests). */
  date: string;
  /** The 填报单位 the workbook names (reportingUnitOf), or null: a line to fill in by hand. */
  reportingUnit?: string | null;
}

/** A blank to write on by hand: full-width underscores keep their width in every font. */
export const HANDWRITING_BLANK = "＿＿＿＿＿＿＿＿";

export interface ReviewListLayout {
  title: string;
  /** Lines under the title, each in one cell merged across the printed columns. */
  headLines: string[];
  /** 1-based rows: the column header, the first application, the first of the 合计 rows, the signature row. */
  headerRow: number;
  firstDataRow: number;
  totalsRow: number;
  signatureRow: number;
  /** The 合计 rows: a label across the first columns, the amount under 核定金额 (never one sum of both). */
  totals: { label: string; amount: number }[];
  /** The signature row's cells: text at a 0-based column, merged up to `to`. */
  signature: { text: string; from: number; to: number }[];
  /** Columns printed (the reviewer's: 序号 … 审核意见); the rest follow outside the print area. */
  printedColumns: number;
  /** The print area, `$A$1:$L$n` (rows and columns of the list, head to signature). */
  printArea: string;
  /** 0-based index of the 核定金额 column (where the 合计 amounts stand). */
  finalColumn: number;
}

const WORDS = {
  title: {
    zh: (policy: string) => `《${policy}》奖补资金申报筛查审核表`,
    en: (policy: string) => `Review list of applications: ${policy}`,
  },
  unit: { zh: "填报单位", en: "Reporting unit" },
  date: { zh: "筛查日期", en: "Screened on" },
  policy: { zh: "政策版本", en: "Policy version" },
  options: { zh: "筛查选项", en: "Options" },
  total: { zh: "合计", en: "Total" },
} as const;

const colon = (language: DisplayLanguage) => (language === "zh" ? "：" : ": ");

/** The options in words, without the issue date (it has a line of its own when a stand-in is in force). */
function optionsLine(result: ScreeningResult, language: DisplayLanguage): string {
  const all = optionsInWords(result.options, language);
  const issued = effectiveFromWords(getParameterSet(result.options.policy), result.options.effectiveFrom)[language];
  const separator = language === "zh" ? "；" : "; ";
  return all.endsWith(`${separator}${issued}`) ? all.slice(0, -(separator.length + issued.length)) : all;
}

/** The head under the title: who reports, when, under which policy and options, and the stand-in date. */
export function reviewHeadLines(result: ScreeningResult, language: DisplayLanguage, meta: PaperMeta): string[] {
  const c = colon(language);
  const gap = language === "zh" ? "　　" : "    ";
  const set = getParameterSet(result.options.policy);
  const lines = [
    `${WORDS.unit[language]}${c}${meta.reportingUnit || HANDWRITING_BLANK}${gap}${WORDS.date[language]}${c}${meta.date}`,
    `${WORDS.policy[language]}${c}${result.policy.title[language]}（${result.policy.id}）`,
    `${WORDS.options[language]}${c}${optionsLine(result, language)}`,
  ];
  // The issue date in force: the set's stand-in (假定自…起施行…) said as it is, or the date the option gave.
  lines.push(`${TERMS.effectiveFrom[language]}${c}${effectiveFromWords(set, result.options.effectiveFrom)[language]}`);
  return lines;
}

/** Where everything of the review list sits, for `rows` applications. */
export function reviewListLayout(result: ScreeningResult, language: DisplayLanguage, meta: PaperMeta): ReviewListLayout {
  const headLines = reviewHeadLines(result, language, meta);
  const headerRow = headLines.length + 3;
  const firstDataRow = headerRow + 1;
  const totalsRow = firstDataRow + result.rows.length;
  const { toPay, pending } = splitTotals(result.totals);
  const total = WORDS.total[language];
  const totals = [
    { label: `${total}${colon(language)}${AMOUNT_TERMS.toPay[language]}`, amount: Number(toPay) },
    { label: `${total}${colon(language)}${AMOUNT_TERMS.pending[language]}`, amount: Number(pending) },
  ];
  const signatureRow = totalsRow + totals.length + 1;
  const printedColumns = REVIEW_COLUMNS.length;
  const s = REVIEW_TERMS;
  const signature = [
    { text: `${s.handler[language]}${colon(language)}`, from: 0, to: 2 },
    { text: `${s.reviewer[language]}${colon(language)}`, from: 3, to: 5 },
    { text: `${s.head[language]}${colon(language)}`, from: 6, to: 8 },
    { text: `${s.signDate[language]}${colon(language)}`, from: 9, to: 10 },
    { text: s.seal[language], from: 11, to: 11 },
  ];
  return {
    title: WORDS.title[language](result.policy.title[language]),
    headLines,
    headerRow,
    firstDataRow,
    totalsRow,
    signatureRow,
    totals,
    signature,
    printedColumns,
    printArea: `$A$1:$${columnLetters(printedColumns)}$${signatureRow}`,
    finalColumn: REVIEW_COLUMNS.findIndex((column) => column.key === "final"),
  };
}

export interface AppendixLayout {
  title: string;
  /** The policy, named once: each application's lines cite 第n条 only. */
  headLines: string[];
  headerRow: number;
  firstDataRow: number;
  printArea: string;
}

/** The calculation appendix's title (A1), in either language: with the marker, what makes the sheet ours. */
export const APPENDIX_TITLE = { zh: "附件：计算明细", en: "Annex: calculation details" } as const;

export function appendixLayout(result: ScreeningResult, language: DisplayLanguage, meta: PaperMeta): AppendixLayout {
  const c = colon(language);
  const set = getParameterSet(result.options.policy);
  const headLines = [
    `${WORDS.policy[language]}${c}《${result.policy.title[language]}》（${result.policy.id}）${language === "zh" ? "　　" : "    "}${WORDS.date[language]}${c}${meta.date}`,
    // Each application's lines start from this date without repeating it (the list's head says it too).
    `${TERMS.effectiveFrom[language]}${c}${effectiveFromWords(set, result.options.effectiveFrom)[language]}`,
  ];
  const headerRow = headLines.length + 3;
  return {
    title: APPENDIX_TITLE[language],
    headLines,
    headerRow,
    firstDataRow: headerRow + 1,
    printArea: `$A$1:$${columnLetters(APPENDIX_COLUMNS.length)}$${headerRow + result.rows.length}`,
  };
}
