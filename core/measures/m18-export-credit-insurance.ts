/**
 * 第18条 强化金融服务支持 — "对跨境电商平台、跨境电商企业……投保短期出口信用保险给予支持". The text names the
 * support but no amount or formula: the department decides (manual-award.ts), always with status `manual`
 * (RULES.md revision 3).
 */
import { MANUAL_AWARD_READS, awardManual, fastManual } from "./manual-award";
import { ApplicationFacts, Award, AwardContext } from "./types";

/** The fields of M18's entry its rule reads. */
export const readsM18 = MANUAL_AWARD_READS;

const BASIS = {
  zh: "第18条对投保短期出口信用保险的支持",
  clause: "第18条",
  enHow: " of support for short-term export credit insurance premiums",
};

export function awardM18(facts: ApplicationFacts, context: AwardContext): Award {
  return awardManual("M18", facts, context, BASIS);
}

/** The same rule in whole fen (measures/fast.ts). */
export const fastM18 = fastManual("M18");
