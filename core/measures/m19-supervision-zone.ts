/**
 * 第19条 加强行业监督管理 — a city newly named a national online-market supervision and service demonstration
 * zone (全国网络市场监管与服务示范区): a fixed one-time award paid to the city government (市(地)政府(行署)).
 * Words and amount: parameter set, measure M19.
 */
import { FIXED_AWARD_READS, awardFixed, fastFixed } from "./fixed-award";
import { ApplicationFacts, Award, AwardContext } from "./types";

/** The fields of M19's entry its rule reads. */
export const readsM19 = FIXED_AWARD_READS;

export function awardM19(facts: ApplicationFacts, context: AwardContext): Award {
  return awardFixed("M19", facts, context);
}

/** The same rule in whole fen (measures/fast.ts). */
export const fastM19 = fastFixed("M19");
