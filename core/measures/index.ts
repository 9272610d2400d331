import { awardM1 } from "./m1-new-project";
import { awardM2 } from "./m2-platform";
import { awardM3 } from "./m3-retail-growth";
import { awardM4a, awardM4b } from "./m4-cross-border";
import { awardM5 } from "./m5-base-upgrade";
import { awardM6a, awardM6b } from "./m6-base-award";
import { awardM7 } from "./m7-selection-center";
import { awardM8a, awardM8b } from "./m8-warehousing";
import { awardM14 } from "./m14-events";
import { awardM19 } from "./m19-supervision-zone";
import { awardNonCash } from "./non-cash";
import { CashMeasureId, MeasureId, isCashMeasure } from "./measure-id";
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
  M19: awardM19,
};

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
