import { awardM1, fastM1, readsM1 } from "./m1-new-project";
import { awardM2, fastM2, readsM2 } from "./m2-platform";
import { awardM3, fastM3, readsM3 } from "./m3-retail-growth";
import { awardM4a, awardM4b, fastM4a, fastM4b, readsM4 } from "./m4-cross-border";
import { awardM5, fastM5, readsM5 } from "./m5-base-upgrade";
import { awardM6a, awardM6b, fastM6a, fastM6b, readsM6 } from "./m6-base-award";
import { awardM7, fastM7, readsM7 } from "./m7-selection-center";
import { awardM8a, awardM8b, fastM8a, fastM8b, readsM8 } from "./m8-warehousing";
import { awardM14, fastM14, readsM14 } from "./m14-events";
import { awardM18, fastM18, readsM18 } from "./m18-export-credit-insurance";
import { awardM19, fastM19, readsM19 } from "./m19-supervision-zone";
import { NON_CASH_READS, awardNonCash, fastNonCash } from "./non-cash";
import { FastRule } from "./fast";
import { RuleField } from "../policy/types";
import { CashMeasureId, MEASURE_IDS, MeasureId, isCashMeasure } from "./measure-id";
import { ApplicationFacts, Award, AwardContext, AwardFunction } from "./types";

/** The rule of each cash measure; every other measure is `not_cash`. */
export const CASH_RULES: Readonly<Record<CashMeasureId, AwardFunction>> = {
  M1: awardM1,
  M2: awardM2,
  M3: awardM3,
  M4a: awardM4a,
  M4b: awardM4b,
  M5: awardM5,
  M6a: awardM6a,
  M6b: awardM6b,
  M7: awardM7,
  M8a: awardM8a,
  M8b: awardM8b,
  M14: awardM14,
  M18: awardM18,
  M19: awardM19,
};

/** The same rules in whole fen, for the screening engine (measures/fast.ts). */
export const FAST_RULES: Readonly<Record<CashMeasureId, FastRule>> = {
  M1: fastM1,
  M2: fastM2,
  M3: fastM3,
  M4a: fastM4a,
  M4b: fastM4b,
  M5: fastM5,
  M6a: fastM6a,
  M6b: fastM6b,
  M7: fastM7,
  M8a: fastM8a,
  M8b: fastM8b,
  M14: fastM14,
  M18: fastM18,
  M19: fastM19,
};

const CASH_READS: Readonly<Record<CashMeasureId, readonly RuleField[]>> = {
  M1: readsM1,
  M2: readsM2,
  M3: readsM3,
  M4a: readsM4,
  M4b: readsM4,
  M5: readsM5,
  M6a: readsM6,
  M6b: readsM6,
  M7: readsM7,
  M8a: readsM8,
  M8b: readsM8,
  M14: readsM14,
  M18: readsM18,
  M19: readsM19,
};

/**
 * The fields of each measure's entry in a parameter set that its rule reads, as each measure module declares
 * them beside its rule; the registry refuses any other (besides the catalogue fields every entry has).
 */
export const MEASURE_READS: Readonly<Record<MeasureId, readonly RuleField[]>> = Object.fromEntries(
  MEASURE_IDS.map((id) => [id, isCashMeasure(id) ? CASH_READS[id] : NON_CASH_READS]),
) as Record<MeasureId, readonly RuleField[]>;

export function fastRuleFor(measure: MeasureId): FastRule {
  return isCashMeasure(measure) ? FAST_RULES[measure] : fastNonCash;
}

export function awardFor(measure: MeasureId, facts: ApplicationFacts, context: AwardContext): Award {
  return isCashMeasure(measure) ? CASH_RULES[measure](facts, context) : awardNonCash(measure, facts, context);
}

export {
  awardM1,
  awardM2,
  awardM3,
  awardM4a,
  awardM4b,
  awardM5,
  awardM6a,
  awardM6b,
  awardM7,
  awardM8a,
  awardM8b,
  awardM14,
  awardM19,
  awardNonCash,
};
