/**
 * 第2条 支持优化升级电商平台 — loans for building or upgrading an e-commerce platform: LPR interest subsidy
 * when total investment exceeds (超过: strict) the threshold; one cumulative cap per entity.
 * Words and numbers: parameter set, measure M2.
 */
import { awardInterestMeasure, fastInterestMeasure, interestMeasureReads } from "./interest-measure";
import { ApplicationFacts, Award, AwardContext } from "./types";

const RULE = { requiresQualification: false };

/** The fields of M2's entry its rule reads. */
export const readsM2 = interestMeasureReads(RULE);

export function awardM2(facts: ApplicationFacts, context: AwardContext): Award {
  return awardInterestMeasure("M2", facts, context, RULE);
}

/** The same rule in whole fen (measures/fast.ts). */
export const fastM2 = fastInterestMeasure("M2", RULE);
