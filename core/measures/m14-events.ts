/**
 * 第14条 支持打造电商活动品牌 — "根据活动实际投入给予资金支持。" The text sets no amount or formula: the
 * department decides from actual spending (manual-award.ts).
 */
import { MANUAL_AWARD_READS, awardManual, fastManual } from "./manual-award";
import { ApplicationFacts, Award, AwardContext } from "./types";

/** The fields of M14's entry its rule reads. */
export const readsM14 = MANUAL_AWARD_READS;

const BASIS = { zh: "第14条按活动实际投入", clause: "第14条", enHow: " from actual spending" };

export function awardM14(facts: ApplicationFacts, context: AwardContext): Award {
  return awardManual("M14", facts, context, BASIS);
}

/** The same rule in whole fen (measures/fast.ts). */
export const fastM14 = fastManual("M14");
