import { InputError } from "../errors/errors";
import {
  IsoDate,
  addDays,
  addMonthsClamped,
  addMonthsClampedDay,
  dayNumberOf,
  daysBetween,
  firstDayOfYear,
  minDate,
  parseIsoDate,
  toDayNumber,
} from "../dates/civil-date";
import { ExactSum, RATE_UNITS } from "../money/fen";
import { FastLpr, fastLprKnownThroughout, fastLprOn } from "./fast-lpr";
import { Decimal, DecimalInput, Money, ZERO, minDecimal, roundToFen } from "../money/money";
import { nonNegativeAmount, optionalAmount } from "../money/input";
import { LprLookup, LprTable, assertLprKnownThroughout, checkedRate, lprChangesWithin, lprOn } from "./lpr-table";

/**
 * 据实贴息 — the LPR interest subsidy of 第1、2、5、8条: "按照同期中国人民银行一年期贷款市场报价利率(LPR)据实贴息",
 * from the first subsidised day (the later of the loan's start and the policy's issue date, 自印发之日起施行) for at
 * most the policy's subsidy term (贴息期限, parameter interestSubsidy.maxMonths), only for interest accrued inside
 * the policy's period (subsidyPeriod) and, year by year, inside the award year.
 * Subsidy = Σ balance × min(loan rate, LPR) × days / basis over segments of constant
 * balance and rate, never above the interest actually paid, rounded once to the fen. The cost grows with the
 * number of LPR changes and schedule rows, not with the number of days.
 */
export type LprMode = "fixed" | "floating";
export type DayCountBasis = number;

/** Outstanding balance from `date` on (a drawdown or repayment schedule). */
export interface BalancePoint {
  date: IsoDate;
  balance: DecimalInput;
}

export interface LoanInput {
  /** A constant principal, or a balance schedule (before its first date the balance is 0). */
  principal: DecimalInput | readonly BalancePoint[];
  loanRate: DecimalInput;
  startDate: IsoDate;
  endDate: IsoDate;
  /** Interest actually paid over the window, when known: the subsidy never exceeds it. */
  interestPaid?: DecimalInput | null;
}

export interface InterestSubsidyOptions {
  lprMode: LprMode;
  /** 360 (actual/360, the RMB loan convention) or 365. */
  dayCount: DayCountBasis;
  /** The policy's longest subsidy period in months (贴息期限). */
  maxMonths: number;
  lpr: LprTable;
  /**
   * The policy's period (inclusive dates, from its issue date): interest accrued outside it is never subsidised,
   * and the subsidy term counts from the later of its start and the loan's. Absent for a plain loan calculation
   * (HLJ.LPR_INTEREST), which counts from the loan's start.
   */
  period?: PolicyPeriod;
  /** Only the part of the window inside this calendar year (interestWindow `award-year`, 据实贴息 year by year). */
  awardYear?: number;
}

/** The days a policy runs, with the words that name its issue date (a stand-in says it is one). */
export interface PolicyPeriod {
  start: IsoDate;
  end: IsoDate;
  startWords?: { zh: string; en: string };
}

export interface InterestSegment {
  from: IsoDate;
  /** Exclusive. */
  to: IsoDate;
  days: number;
  balance: Decimal;
  loanRate: Decimal;
  lpr: LprLookup;
  appliedRate: Decimal;
  /** balance × appliedRate × days (divide by the day-count basis for the segment's interest). */
  product: Decimal;
}

/** What ended the window where it ends. */
export type WindowLimit = "loan-end" | "max-months" | "policy-period" | "award-year";

export interface InterestSubsidyResult {
  /** Rounded half-up to the fen. */
  amount: Money;
  /** Σ segments before the interest-paid limit and rounding. */
  segmentTotal: Decimal;
  /**
   * The loan's own window: from its start to the earlier of its end and the longest subsidy term, counted from
   * its first subsidised day (the later of its start and the policy's issue date).
   */
  loanWindow: { start: IsoDate; end: IsoDate };
  windowStart: IsoDate;
  /** Exclusive; equal to windowStart when the window is empty. */
  windowEnd: IsoDate;
  /** Why the window ends where it does. */
  windowLimit: WindowLimit;
  period?: PolicyPeriod;
  awardYear?: number;
  days: number;
  segments: InterestSegment[];
  interestPaid: Decimal | null;
  limitedByInterestPaid: boolean;
  lprMode: LprMode;
  dayCount: DayCountBasis;
  /** The longest subsidy period in months that applied. */
  maxMonths: number;
  /** The LPR of the loan's start date in fixed mode ("同期"). */
  fixedLpr?: LprLookup;
}

const LABELS = {
  principal: { zh: "贷款本金", en: "principal" },
  interestPaid: { zh: "实付利息", en: "interest paid" },
  balance: { zh: "贷款余额", en: "outstanding balance" },
};

/** A loan whose every input has been read and checked (dates, rate bounds, amounts). */
export interface CheckedLoan {
  checked: true;
  schedule: readonly SchedulePoint[];
  loanRate: Decimal;
  startDate: IsoDate;
  endDate: IsoDate;
  interestPaid: Decimal | null;
}

/** Reads and checks a loan's inputs without looking up any LPR: an InputError names the first bad one. */
export function checkLoan(loan: LoanInput): CheckedLoan {
  const startDate = checkedDate(loan.startDate, "startDate", { zh: "放款日期", en: "start date" });
  const endDate = checkedDate(loan.endDate, "endDate", { zh: "贷款到期日", en: "end date" });
  if (endDate < startDate) {
    throw new InputError(
      "range",
      "endDate",
      `贷款到期日 ${endDate} 早于起始日 ${startDate}`,
      `end date ${endDate} is before start date ${startDate}`,
    );
  }
  const loanRate = checkedRate(loan.loanRate, "loanRate");
  const schedule = balanceSchedule(loan.principal);
  const interestPaid = optionalAmount(loan.interestPaid, "interestPaid", LABELS.interestPaid);
  return { checked: true, schedule, loanRate, startDate, endDate, interestPaid };
}

export function computeInterestSubsidy(input: LoanInput | CheckedLoan, options: InterestSubsidyOptions): InterestSubsidyResult {
  const loan = "checked" in input ? input : checkLoan(input);
  const { startDate, endDate, loanRate, schedule, interestPaid } = loan;
  if (options.dayCount <= 0) throw new InputError("range", "dayCount", "计息基准须为正数", "the day-count basis must be positive");

  // The first subsidised day f: the later of the loan's start and the issue date; the longest subsidy term (贴息期限)
  // counts from it (RULES.md, the interest steps, 1).
  const first = options.period && options.period.start > startDate ? options.period.start : startDate;
  const maxEnd = addMonthsClamped(first, options.maxMonths);
  const loanWindow = { start: startDate, end: minDate(endDate, maxEnd) };
  let windowStart = first;
  let windowEnd = loanWindow.end;
  let windowLimit: WindowLimit = endDate <= maxEnd ? "loan-end" : "max-months";
  if (options.period) {
    const periodEnd = dayAfter(options.period.end);
    if (periodEnd < windowEnd) [windowEnd, windowLimit] = [periodEnd, "policy-period"];
  }
  if (options.awardYear !== undefined) {
    const [yearStart, yearEnd] = yearBounds(options.awardYear);
    if (yearStart > windowStart) windowStart = yearStart;
    if (yearEnd < windowEnd) [windowEnd, windowLimit] = [yearEnd, "award-year"];
  }
  if (windowEnd < windowStart) windowEnd = windowStart;

  const days = daysBetween(windowStart, windowEnd);
  let fixedLpr: LprLookup | undefined;
  if (days > 0) {
    if (options.lprMode === "fixed") fixedLpr = lprOn(options.lpr, startDate, "startDate");
    else assertLprKnownThroughout(options.lpr, windowStart, windowEnd);
  }

  const breakpoints = new Set<IsoDate>([windowStart, windowEnd]);
  for (const point of schedule) if (point.date > windowStart && point.date < windowEnd) breakpoints.add(point.date);
  if (options.lprMode === "floating" && days > 0) {
    for (const change of lprChangesWithin(options.lpr, windowStart, windowEnd)) breakpoints.add(change);
  }
  const cuts = [...breakpoints].sort();
  const cutDays = cuts.map(toDayNumber);

  const basis = new Decimal(options.dayCount);
  const segments: InterestSegment[] = [];
  let weighted = ZERO;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i];
    const to = cuts[i + 1];
    const segmentDays = cutDays[i + 1] - cutDays[i];
    const balance = balanceOn(schedule, from);
    const lpr = fixedLpr ?? lprOn(options.lpr, from);
    const appliedRate = minDecimal(loanRate, lpr.rate);
    const product = balance.times(appliedRate).times(segmentDays);
    weighted = weighted.plus(product);
    segments.push({ from, to, days: segmentDays, balance, loanRate, lpr, appliedRate, product });
  }
  // One division at the end keeps the sum exact until the single rounding.
  const segmentTotal = weighted.dividedBy(basis);
  const limitedByInterestPaid = interestPaid !== null && interestPaid.lessThan(segmentTotal);
  const amount = roundToFen(limitedByInterestPaid ? interestPaid! : segmentTotal);
  return {
    amount,
    segmentTotal,
    loanWindow,
    windowStart,
    windowEnd,
    windowLimit,
    period: options.period,
    awardYear: options.awardYear,
    days,
    segments,
    interestPaid,
    limitedByInterestPaid,
    lprMode: options.lprMode,
    dayCount: options.dayCount,
    maxMonths: options.maxMonths,
    fixedLpr,
  };
}

/** The window of computeInterestSubsidy in day numbers, and the policy period's, for the screening engine. */
export interface FastInterestOptions {
  lprMode: LprMode;
  dayCount: DayCountBasis;
  maxMonths: number;
  lpr: FastLpr;
  /** First day and the day after the last of the policy's period, when it cuts. */
  periodStart?: number;
  periodEndExclusive?: number;
  awardYear?: number;
  /** The award year's first day and the next year's, made once. */
  awardYearStart?: number;
  awardYearEnd?: number;
}

/**
 * A loan in whole fen, rate units and day numbers (interest paid NaN when not given), in one reused object: its
 * numbers are not boxed on the way in, as loose arguments of a function too large to inline would be.
 */
export interface FastLoan {
  principalFen: number;
  rateUnits: number;
  startDay: number;
  endDay: number;
  interestPaidFen: number;
}

/** What fastInterestSubsidy found: the amount in fen, the days in the window, whether 据实 limited it. */
export interface FastInterestResult {
  amount: number;
  days: number;
  limitedByInterestPaid: boolean;
}

/**
 * computeInterestSubsidy for a constant principal, in whole fen and rate units: the same window, the same
 * segments, Σ balance × min(rate, LPR) × days summed exactly, one half-up rounding. Returns false where the
 * reference throws for an unknown LPR (the engine then asks the reference, which names the date).
 * Pinned to computeInterestSubsidy by test/core/screening/fast-engine.test.ts.
 */
export function fastInterestSubsidy(loan: FastLoan, options: FastInterestOptions, out: FastInterestResult): boolean {
  const { principalFen, rateUnits, startDay, endDay, interestPaidFen } = loan;
  const { periodStart, periodEndExclusive } = options;
  const cut = periodStart !== undefined && periodEndExclusive !== undefined;
  // The first subsidised day, from which the longest subsidy term counts (as computeInterestSubsidy).
  let windowStart = cut && periodStart > startDay ? periodStart : startDay;
  const maxEnd = addMonthsClampedDay(windowStart, options.maxMonths);
  let windowEnd = endDay < maxEnd ? endDay : maxEnd;
  if (cut && periodEndExclusive < windowEnd) windowEnd = periodEndExclusive;
  if (options.awardYear !== undefined) {
    const yearStart = (options.awardYearStart ??= dayNumberOf(options.awardYear, 1, 1)!);
    const yearEnd = (options.awardYearEnd ??= dayNumberOf(options.awardYear + 1, 1, 1)!);
    if (yearStart > windowStart) windowStart = yearStart;
    if (yearEnd < windowEnd) windowEnd = yearEnd;
  }
  if (windowEnd < windowStart) windowEnd = windowStart;
  const days = windowEnd - windowStart;
  const lpr = options.lpr;
  const sum = SUM.reset();
  if (days > 0) {
    if (options.lprMode === "fixed") {
      const entry = fastLprOn(lpr, startDay);
      if (entry < 0) return false;
      const applied = rateUnits <= lpr.units[entry] ? rateUnits : lpr.units[entry];
      sum.add(principalFen, applied, days);
    } else {
      if (!fastLprKnownThroughout(lpr, windowStart, windowEnd)) return false;
      let from = windowStart;
      while (from < windowEnd) {
        const entry = fastLprOn(lpr, from);
        if (entry < 0) return false;
        const next = entry + 1 < lpr.days.length && lpr.days[entry + 1] < windowEnd ? lpr.days[entry + 1] : windowEnd;
        const applied = rateUnits <= lpr.units[entry] ? rateUnits : lpr.units[entry];
        sum.add(principalFen, applied, next - from);
        from = next;
      }
    }
  }
  const divisor = RATE_UNITS * options.dayCount;
  const limited = !Number.isNaN(interestPaidFen) && sum.greaterThan(interestPaidFen, divisor);
  out.amount = limited ? interestPaidFen : sum.divHalfUp(divisor);
  out.days = days;
  out.limitedByInterestPaid = limited;
  return true;
}

const SUM = new ExactSum();

const daysAfter = new Map<IsoDate, IsoDate>();
const years = new Map<number, [IsoDate, IsoDate]>();

/** 1 January of the year and of the next (the exclusive end), made once per year. */
function yearBounds(year: number): [IsoDate, IsoDate] {
  let bounds = years.get(year);
  if (!bounds) years.set(year, (bounds = [firstDayOfYear(year), firstDayOfYear(year + 1)]));
  return bounds;
}

/** The day after a period's last day (its exclusive end), made once per date: every row of a batch asks. */
function dayAfter(date: IsoDate): IsoDate {
  let next = daysAfter.get(date);
  if (next === undefined) daysAfter.set(date, (next = addDays(date, 1)));
  return next;
}

interface SchedulePoint {
  date: IsoDate;
  balance: Decimal;
}

function balanceSchedule(principal: LoanInput["principal"]): SchedulePoint[] {
  if (!Array.isArray(principal)) {
    return [{ date: "0000-01-01", balance: nonNegativeAmount(principal as DecimalInput, "principal", LABELS.principal) }];
  }
  if (principal.length === 0) throw new InputError("missing", "principal", "贷款余额表为空", "the balance schedule is empty");
  const points = (principal as readonly BalancePoint[]).map((point, index) => ({
    date: checkedDate(point.date, "principal", { zh: `贷款余额表第${index + 1}行日期`, en: `balance schedule row ${index + 1} date` }),
    balance: nonNegativeAmount(point.balance, "principal", {
      zh: `贷款余额表第${index + 1}行余额`,
      en: `balance schedule row ${index + 1} balance`,
    }),
  }));
  points.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (let i = 1; i < points.length; i++) {
    if (points[i].date === points[i - 1].date) {
      throw new InputError(
        "type",
        "principal",
        `贷款余额表中日期 ${points[i].date} 重复`,
        `the balance schedule lists ${points[i].date} twice`,
      );
    }
  }
  return points;
}

function balanceOn(schedule: readonly SchedulePoint[], date: IsoDate): Decimal {
  let low = 0;
  let high = schedule.length - 1;
  if (high < 0 || schedule[0].date > date) return ZERO;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (schedule[mid].date <= date) low = mid;
    else high = mid - 1;
  }
  return schedule[low].balance;
}

function checkedDate(value: unknown, field: string, label: { zh: string; en: string }): IsoDate {
  if (value === null || value === undefined || value === "")
    throw new InputError("missing", field, `缺少${label.zh}`, `${label.en} is missing`);
  if (typeof value !== "string" || parseIsoDate(value) === null) {
    throw new InputError(
      "type",
      field,
      `${label.zh}：${String(value)} 不是有效日期`,
      `${label.en}: ${JSON.stringify(value)} is not a date (YYYY-MM-DD)`,
    );
  }
  return value;
}
