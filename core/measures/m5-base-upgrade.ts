/**
 * 第5条 支持电商基地数转智改 — loans for the digital upgrade of an e-commerce base (park).
 * "对总投资额超过100万元的改造项目，其用于提升基地(园区)运营服务能力和数智化水平等的银行贷款，按照同期…LPR
 *  据实贴息，贴息期限不超过36个月，单一法人主体最高贴息不超过100万元。"
 */
import { awardInterestMeasure } from "./interest-measure";
import { ApplicationFacts, Award, AwardContext } from "./types";

export function awardM5(facts: ApplicationFacts, context: AwardContext): Award {
  return awardInterestMeasure("M5", facts, context, { requiresQualification: false });
}
