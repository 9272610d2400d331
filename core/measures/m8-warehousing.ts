/**
 * 第8条 支持电商仓储物流智慧化转型 — two measures:
 * (1) M8a "对总投资额超过500万元的仓储物流项目，其用于仓储建设或智慧化改造等的银行贷款，按照同期…LPR据实贴息，
 *     贴息期限不超过36个月，单一法人主体最高贴息不超过300万元。"
 * (2) M8b "对企业建设集货仓、前置仓、海外智能仓等仓储设施项目的银行贷款，按照同期…LPR据实贴息，贴息期限不超过
 *     36个月，单一法人主体最高贴息不超过500万元。" — no investment threshold.
 */
import { awardInterestMeasure } from "./interest-measure";
import { ApplicationFacts, Award, AwardContext } from "./types";

export function awardM8a(facts: ApplicationFacts, context: AwardContext): Award {
  return awardInterestMeasure("M8a", facts, context, { requiresQualification: false });
}

export function awardM8b(facts: ApplicationFacts, context: AwardContext): Award {
  return awardInterestMeasure("M8b", facts, context, { requiresQualification: false });
}
