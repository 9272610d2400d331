/**
 * 第2条 支持优化升级电商平台 — loans for building or upgrading an e-commerce platform.
 * "对总投资额超过300万元的电商平台项目，其用于平台建设或改造升级等的银行贷款，按照同期…LPR据实贴息，
 *  贴息期限不超过36个月，单一法人主体最高贴息不超过200万元。"
 */
import { awardInterestMeasure } from "./interest-measure";
import { ApplicationFacts, Award, AwardContext } from "./types";

export function awardM2(facts: ApplicationFacts, context: AwardContext): Award {
  return awardInterestMeasure("M2", facts, context, { requiresQualification: false });
}
