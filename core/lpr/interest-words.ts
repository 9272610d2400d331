import { addDays } from "../dates/civil-date";
import { Decimal, formatYuan, roundToFen } from "../money/money";
import { InterestSegment, InterestSubsidyResult, PolicyPeriod } from "./interest-subsidy";

/**
 * The 据实贴息 in the calculation appendix's words (SCREENING.md revision 3): short labelled lines, `标签：内容`,
 * end dates inclusive (含), 孰低 for the lower of two rates, amounts with thousands separators and two decimals.
 * Each function returns [zh, en] pairs; the numbers are the calculation's own, only shown.
 */
export type Line = [zh: string, en: string];

/** A rate as a percentage with at least two decimals: 3.00%, 3.45%, 3.125%. */
export function percent(rate: Decimal): string {
  const points = rate.times(100);
  const places = Math.max(2, Math.min(4, points.decimalPlaces()));
  return `${points.toFixed(places)}%`;
}

/** A count of days, thousands grouped (1,081). */
function count(days: number): string {
  return String(days).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** The last day of a span whose end is exclusive. */
function lastDay(exclusiveEnd: string): string {
  return addDays(exclusiveEnd, -1);
}

/**
 * 计息区间: the first and last day (inclusive) and the days; a window cut by the 36-month subsidy term says so, and an
 * empty window says what it was made of (the loan, the award year) so the officer sees why nothing accrued.
 */
export function describeWindow(result: InterestSubsidyResult): Line {
  if (result.days === 0) {
    const loan = `${result.loanWindow.start} 至 ${result.loanWindow.end}`;
    const year = result.awardYear !== undefined ? { zh: `${result.awardYear}年度内`, en: ` in award year ${result.awardYear}` } : null;
    return [
      `计息区间：${year ? year.zh : "政策期内"}无计息天数（贷款 ${loan}）`,
      `Window: no interest days${year ? year.en : " in the policy period"} (loan ${result.loanWindow.start} to ${result.loanWindow.end})`,
    ];
  }
  const term =
    result.windowLimit === "max-months"
      ? { zh: `（贴息期限${result.maxMonths}个月止）`, en: ` (end of the ${result.maxMonths}-month subsidy term)` }
      : result.windowLimit === "policy-period"
        ? { zh: "（政策有效期止）", en: " (end of the policy period)" }
        : { zh: "", en: "" };
  const end = lastDay(result.windowEnd);
  return [
    `计息区间：${result.windowStart} 至 ${end}（含），${count(result.days)}天${term.zh}`,
    `Window: ${result.windowStart} to ${end} (inclusive), ${count(result.days)} days${term.en}`,
  ];
}

/**
 * What the window was made of, [zh, en]: the loan's own window (and the subsidy term when it cut), the policy's
 * period with its issue date's words, the award year — for the reason of a window without interest days.
 */
export function describeCuts(result: InterestSubsidyResult): Line {
  const term = result.windowLimit === "max-months";
  const zh = [
    `贷款计息期 ${result.loanWindow.start} 至 ${result.loanWindow.end}${term ? `（贴息期限不超过${result.maxMonths}个月）` : ""}`,
  ];
  const en = [`loan ${result.loanWindow.start} to ${result.loanWindow.end}${term ? ` (at most ${result.maxMonths} months)` : ""}`];
  if (result.period) {
    const [pzh, pen] = describePeriodStart(result.period);
    zh.push(`政策期 ${result.period.start} 至 ${result.period.end}（${pzh}）`);
    en.push(`policy period ${result.period.start} – ${result.period.end} (${pen})`);
  }
  if (result.awardYear !== undefined) {
    zh.push(`${result.awardYear}年度`);
    en.push(`award year ${result.awardYear}`);
  }
  return [zh.join("；"), en.join("; ")];
}

/**
 * 起算日, the first subsidised day, where the policy's issue date moved the window's start (the loan started before
 * it): the date used and, for a stand-in, that it is assumed (RULES.md "Subsidy period": every output that depends
 * on it says so). `always` (the custom functions, FUNCTIONS.md revision 3) names it for every loan inside the
 * policy's period: the loan's start when that is later.
 */
export function describeFirstDay(result: InterestSubsidyResult, always = false): Line | null {
  const period = result.period;
  if (!period || result.loanWindow.start >= period.start) {
    if (!always || !period) return null;
    return [`起算日：${result.loanWindow.start}（放款日期）`, `First day: ${result.loanWindow.start} (the loan start date)`];
  }
  if (!always && (result.days === 0 || result.windowStart !== period.start)) return null;
  const [zh, en] = describePeriodStart(period);
  return [`起算日：${zh}`, `First day: ${en}`];
}

/** The issue date in words: the parameter set's own (a stand-in says it is assumed) or the date chosen. */
function describePeriodStart(period: PolicyPeriod): Line {
  const words = period.startWords;
  if (words && words.zh.includes("假定")) return [words.zh, words.en];
  return [`自${period.start}起施行（按选定的施行日期）`, words ? words.en : `in force from ${period.start}`];
}

/** The policy's period, [zh, en], with the words that name its issue date (a stand-in says it is one). */
export function describePeriod(period: PolicyPeriod): Line {
  const [zh, en] = describePeriodStart(period);
  return [`政策期：${period.start} 至 ${period.end}（含），${zh}`, `Policy period: ${period.start} to ${period.end} (inclusive), ${en}`];
}

/**
 * 适用利率: the loan rate against the LPR, 孰低. Fixed mode (or one LPR over the window) names the one LPR; floating
 * mode with several LPRs says each segment takes its own (the segment lines show them).
 */
export function describeRate(result: InterestSubsidyResult): Line | null {
  const segments = result.segments;
  if (segments.length === 0) return null;
  const lprs = new Set(segments.map((s) => s.lpr.rate.toString()));
  const loanRates = new Set(segments.map((s) => s.loanRate.toString()));
  if (lprs.size === 1 && loanRates.size === 1) {
    const s = segments[0];
    return [
      `适用利率：贷款利率 ${percent(s.loanRate)} 与同期LPR ${percent(s.lpr.rate)} 孰低，取 ${percent(s.appliedRate)}`,
      `Rate: loan rate ${percent(s.loanRate)} vs LPR ${percent(s.lpr.rate)}, the lower: ${percent(s.appliedRate)}`,
    ];
  }
  return [
    `适用利率：贷款利率 ${percent(segments[0].loanRate)} 与各段同期LPR 孰低（浮动利率）`,
    `Rate: loan rate ${percent(segments[0].loanRate)} vs the LPR of each segment, the lower (floating)`,
  ];
}

/** One segment's interest, rounded to the fen for showing (the total is rounded once, from the exact sum). */
function segmentInterest(s: InterestSegment, dayCount: number): string {
  return formatYuan(roundToFen(s.product.dividedBy(dayCount)));
}

/**
 * 贴息额: balance × rate × days ÷ basis = interest. One line for a window of one segment; else one line per segment
 * (its first and last day, its days, its LPR) and a total.
 */
export function describeSegments(result: InterestSubsidyResult): Line[] {
  const basis = result.dayCount;
  const segments = result.segments;
  if (segments.length === 1) {
    const s = segments[0];
    const shown = formatYuan(roundToFen(result.segmentTotal));
    const formula = `${formatYuan(s.balance)} × ${percent(s.appliedRate)} × ${count(s.days)} ÷ ${basis} = ${shown}`;
    return [[`贴息额：${formula}`, `Interest: ${formula}`]];
  }
  const lines: Line[] = segments.map((s) => {
    const formula = `${formatYuan(s.balance)} × ${percent(s.appliedRate)} × ${count(s.days)} ÷ ${basis} = ${segmentInterest(s, basis)}`;
    const lpr = `LPR ${percent(s.lpr.rate)}`;
    return [
      `贴息额：${s.from} 至 ${lastDay(s.to)}（含）${count(s.days)}天，${lpr}：${formula}`,
      `Interest: ${s.from} to ${lastDay(s.to)} (inclusive), ${count(s.days)} days, ${lpr}: ${formula}`,
    ];
  });
  const total = formatYuan(roundToFen(result.segmentTotal));
  lines.push([`贴息额合计：${total}`, `Interest total: ${total}`]);
  return lines;
}

/** 据实贴息: the interest actually paid, when it is lower than the computed interest. */
export function describeInterestPaid(result: InterestSubsidyResult): Line | null {
  if (!result.limitedByInterestPaid) return null;
  const paid = formatYuan(result.interestPaid!);
  return [`据实贴息：实付利息 ${paid} 低于上述金额，按实付利息 ${paid}`, `Interest paid: ${paid} is lower, so ${paid}`];
}

/**
 * Every line of the 据实贴息, in order: window, first day (`firstDay`: where the issue date moved the start; the
 * screened rows leave it to the appendix's heading and the options' assumptions), rate, interest, interest paid.
 */
export function interestLines(result: InterestSubsidyResult, firstDay = true): Line[] {
  const lines: Line[] = [describeWindow(result)];
  const first = firstDay ? describeFirstDay(result) : null;
  if (first) lines.push(first);
  const rate = describeRate(result);
  if (rate) lines.push(rate);
  if (result.days > 0) lines.push(...describeSegments(result));
  const paid = describeInterestPaid(result);
  if (paid) lines.push(paid);
  return lines;
}
