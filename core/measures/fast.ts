/**
 * The measures' rules in whole fen, for the screening engine: each measure module states its rule twice, once
 * with decimal.js and a readable trace (the reference, used by the functions and for every explanation) and
 * once on typed columns (this shape). A fast rule decides status, amounts and reason codes exactly as the
 * reference does, or gives the row back (`false`) for anything it does not decide: a missing or bad input, an
 * LPR the table does not know, a value that is not a whole number of fen. Property tests run both on the
 * same rows (test/core/screening/fast-engine.test.ts).
 */
import { FastLpr } from "../lpr/fast-lpr";
import { FastInterestOptions, LprMode } from "../lpr/interest-subsidy";
import { RATE_UNITS, fenOfDecimal, mulDivHalfUp, rateUnitsOfDecimal } from "../money/fen";
import { measureParams, paramDecimal } from "../policy/lookup";
import { MeasureParams, ParameterSet, ThresholdField } from "../policy/types";
import { ReasonCode } from "../reasons/reasons";
import { MeasureId } from "./measure-id";
import { InterestWindow } from "./types";

/** An applicant's facts by row: amounts in fen (NaN when absent), rates in rate units, dates as day numbers. */
export interface FactColumns {
  /** 1 yes, 0 no, -1 absent. */
  qualified: Int8Array;
  firstTime: Int8Array;
  totalInvestment: Float64Array;
  onlineRetailIncrease: Float64Array;
  importExport: Float64Array;
  eligibleCosts: Float64Array;
  drivenOnlineSales: Float64Array;
  investmentLast3Years: Float64Array;
  approvedAmount: Float64Array;
  principal: Float64Array;
  interestPaid: Float64Array;
  loanRate: Float64Array;
  startDay: Float64Array;
  endDay: Float64Array;
}

/** What a fast rule consults besides the facts: one per award year and province, like AwardContext. */
export interface FastContext {
  policy: ParameterSet;
  lpr: FastLpr | null;
  lprMode: LprMode;
  dayCount: number;
  interestWindow: InterestWindow;
  year: number;
  /** false when the credit code was registered outside Heilongjiang. */
  inProvince: boolean;
  periodStart: number;
  periodEndExclusive: number;
  /** The row's applicant's normalised credit code (第19条 reads it); without it such a rule gives the row back. */
  applicantOf?: (row: number) => string;
  /** The interest rules' window options, made once per context. */
  interest?: FastInterestOptions;
}

/** A fast rule's decision. `computed` and `cap` are NaN where the reference gives null. */
export interface FastAward {
  /** `error` only for an LPR the table does not know (other bad inputs give the row back). */
  status: "eligible" | "ineligible" | "manual" | "not_cash" | "error";
  computed: number;
  cap: number;
  capTier: number;
  amount: number;
  codes: ReasonCode[];
}

export type FastRule = (facts: FactColumns, row: number, context: FastContext, out: FastAward) => boolean;

export function emptyFastAward(): FastAward {
  return { status: "eligible", computed: NaN, cap: NaN, capTier: 0, amount: 0, codes: [] };
}

/** A threshold in fen: `strict` for 超过 (>), else 达到/含 (≥). */
export interface FenThreshold {
  field: ThresholdField;
  fen: number;
  strict: boolean;
}

/** A measure's numbers in fen and rate units, made once per parameter set; null when one is not whole. */
export interface FenParams {
  threshold: FenThreshold | null;
  rateUnits: number;
  /** The base cap (or a fixed award's amount), NaN when the measure has none. */
  cap: number;
  tiers: (FenThreshold & { amount: number })[];
  fixedAmount: number;
  inProvince: boolean;
}

const fenParams = new WeakMap<ParameterSet, Map<MeasureId, FenParams | null>>();

export function fenParamsOf(policy: ParameterSet, measure: MeasureId): FenParams | null {
  let byMeasure = fenParams.get(policy);
  if (!byMeasure) fenParams.set(policy, (byMeasure = new Map()));
  if (byMeasure.has(measure)) return byMeasure.get(measure)!;
  const params = measureParams(policy, measure);
  const made = makeFenParams(params);
  byMeasure.set(measure, made);
  return made;
}

function makeFenParams(params: MeasureParams): FenParams | null {
  const fen = (param: { value: number } | undefined) => (param ? fenOfDecimal(paramDecimal(param as never)) : NaN);
  const threshold = params.threshold
    ? { field: params.threshold.field, fen: fen(params.threshold), strict: params.threshold.comparison === ">" }
    : null;
  const base = params.cap?.amount ?? (params.kind === "fixed" ? params.amount : undefined);
  const made: FenParams = {
    threshold,
    rateUnits: params.rate ? rateUnitsOfDecimal(paramDecimal(params.rate)) : NaN,
    cap: params.cap && base ? fen(base) : NaN,
    tiers: (params.cap?.tiers ?? []).map((t) => ({ field: t.field, fen: fen(t), strict: t.comparison === ">", amount: fen(t.amount) })),
    fixedAmount: fen(params.amount),
    inProvince: params.inProvince !== undefined,
  };
  const numbers = [made.threshold?.fen ?? 0, ...made.tiers.flatMap((t) => [t.fen, t.amount])];
  if (params.rate) numbers.push(made.rateUnits);
  if (params.cap && base) numbers.push(made.cap);
  if (params.amount) numbers.push(made.fixedAmount);
  return numbers.some(Number.isNaN) ? null : made;
}

export function meetsFen(threshold: FenThreshold, value: number): boolean {
  return threshold.strict ? value > threshold.fen : value >= threshold.fen;
}

/**
 * AwardBuilder.settle in fen: the computed amount (already rounded), the cap of the last tier whose threshold
 * the facts meet, cap_applied when it bites.
 */
export function settleFen(params: FenParams, facts: FactColumns, row: number, computed: number, out: FastAward): void {
  out.computed = computed;
  if (Number.isNaN(params.cap)) {
    out.cap = NaN;
    out.capTier = 0;
    out.amount = computed;
    return;
  }
  let cap = params.cap;
  let tier = 0;
  params.tiers.forEach((t, i) => {
    const value = facts[t.field][row];
    if (!Number.isNaN(value) && meetsFen(t, value)) {
      cap = t.amount;
      tier = i + 1;
    }
  });
  out.cap = cap;
  out.capTier = tier;
  if (computed > cap) {
    out.amount = cap;
    out.codes.push("cap_applied");
  } else out.amount = computed;
}

/** AwardBuilder.requireInProvince: 第2、3条's applicant of the province, else manual. */
/**
 * What every percentage rule does once its qualification is read (第3条, 第4条, 第7条): below the threshold the
 * row is ineligible; an ineligible row computes 0; an eligible one gets rate × base, settled against its cap.
 * True when the row was settled (still eligible).
 */
export function settlePercentageFen(
  params: FenParams,
  facts: FactColumns,
  row: number,
  tested: number,
  base: number,
  out: FastAward,
): boolean {
  if (!meetsFen(params.threshold!, tested)) {
    out.status = "ineligible";
    out.codes.push("below_threshold");
  }
  if (out.status !== "eligible") {
    out.computed = 0;
    return false;
  }
  settleFen(params, facts, row, mulDivHalfUp(base, params.rateUnits, RATE_UNITS), out);
  return true;
}

export function requireInProvinceFen(params: FenParams, context: FastContext, out: FastAward): void {
  if (!params.inProvince || context.inProvince || out.status !== "eligible") return;
  out.status = "manual";
  out.codes.push("out_of_province");
}

/** Whether an amount fact is present (a required one missing is the reference's error). */
export const present = (value: number) => !Number.isNaN(value);
