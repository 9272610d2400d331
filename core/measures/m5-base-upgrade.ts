/**
 * 第5条 支持电商基地数转智改 — loans for the digital upgrade of an e-commerce base (park): LPR interest
 * subsidy when total investment exceeds (超过) the threshold; one cumulative cap per entity.
 * Words and numbers: parameter set, measure M5.
 */
import { awardInterestMeasure, fastInterestMeasure, interestMeasureReads } from "./interest-measure";
import { ApplicationFacts, Award, AwardContext } from "./types";

const RULE = { requiresQualification: false };

/** The fields of M5's entry its rule reads. */
export const readsM5 = interestMeasureReads(RULE);

export function awardM5(facts: ApplicationFacts, context: AwardContext): Award {
  return awardInterestMeasure("M5", facts, context, RULE);
}

/** The same rule in whole fen (measures/fast.ts). */
export const fastM5 = fastInterestMeasure("M5", RULE);
