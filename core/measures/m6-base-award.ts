/**
 * 第6条 支持电商基地示范创建 — fixed one-time awards:
 * (1) M6a "对新获评的国家电子商务示范基地给予100万元一次性奖励"
 * (2) M6b "对获评的省级电子商务创新标杆基地(园区)给予50万元一次性奖励"
 * The row itself is the claim of being named this year; history refuses a second award.
 */
import { awardFixed } from "./fixed-award";
import { ApplicationFacts, Award, AwardContext } from "./types";

export function awardM6a(facts: ApplicationFacts, context: AwardContext): Award {
  return awardFixed("M6a", facts, context);
}

export function awardM6b(facts: ApplicationFacts, context: AwardContext): Award {
  return awardFixed("M6b", facts, context);
}
