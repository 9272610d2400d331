/**
 * 第8条 支持电商仓储物流智慧化转型 — two measures, both LPR interest subsidies with a cumulative cap per entity:
 * (1) M8a smart warehousing and logistics projects, when total investment exceeds (超过) the threshold;
 * (2) M8b cross-border warehouses (集货仓、前置仓、海外智能仓): any project, no investment threshold.
 * Words and numbers: parameter set, measures M8a and M8b.
 */
import { awardInterestMeasure, fastInterestMeasure, interestMeasureReads } from "./interest-measure";
import { ApplicationFacts, Award, AwardContext } from "./types";

const RULE = { requiresQualification: false };

/** The fields of M8a's and M8b's entries their rules read (M8b has no threshold; one given would be read). */
export const readsM8 = interestMeasureReads(RULE);

export function awardM8a(facts: ApplicationFacts, context: AwardContext): Award {
  return awardInterestMeasure("M8a", facts, context, RULE);
}

export function awardM8b(facts: ApplicationFacts, context: AwardContext): Award {
  return awardInterestMeasure("M8b", facts, context, RULE);
}

/** The same rule in whole fen (measures/fast.ts). */
export const fastM8a = fastInterestMeasure("M8a", RULE);

/** The same rule in whole fen (measures/fast.ts). */
export const fastM8b = fastInterestMeasure("M8b", RULE);
