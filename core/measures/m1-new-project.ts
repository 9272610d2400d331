/**
 * 第1条 支持培育优质电商主体 — a quality e-commerce entity (互联网百强、头部平台、专精特新、独角兽…) building a new
 * flagship project: LPR interest subsidy (据实贴息) on its infrastructure and equipment loans, from a minimum
 * total investment (至…(含): inclusive), with a per-entity cap that rises for projects above a second
 * investment level. The clause's words and numbers: parameter set, measure M1 (text, threshold, cap.tiers).
 */
import { awardInterestMeasure, fastInterestMeasure, interestMeasureReads } from "./interest-measure";
import { ApplicationFacts, Award, AwardContext } from "./types";

const RULE = { requiresQualification: true };

/** The fields of M1's entry its rule reads. */
export const readsM1 = interestMeasureReads(RULE);

export function awardM1(facts: ApplicationFacts, context: AwardContext): Award {
  return awardInterestMeasure("M1", facts, context, RULE);
}

/** The same rule in whole fen (measures/fast.ts). */
export const fastM1 = fastInterestMeasure("M1", RULE);
