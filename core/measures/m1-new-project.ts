/**
 * 第1条 支持培育优质电商主体 — loans of a quality e-commerce entity's new project.
 * "对投资主体用于基础设施建设、设备购置等的银行贷款，按照同期中国人民银行一年期贷款市场报价利率(LPR)据实贴息，
 *  贴息期限不超过36个月，对总投资额500万元至3000万元(含)的新建项目，单一法人主体最高贴息不超过200万元；
 *  对总投资额超过3000万元的，单一法人主体最高贴息不超过1000万元。"
 * Numbers: parameter set, measure M1 (threshold, cap and its tier).
 */
import { awardInterestMeasure } from "./interest-measure";
import { ApplicationFacts, Award, AwardContext } from "./types";

export function awardM1(facts: ApplicationFacts, context: AwardContext): Award {
  return awardInterestMeasure("M1", facts, context, { requiresQualification: true });
}
