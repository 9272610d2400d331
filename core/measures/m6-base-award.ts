/**
 * 第6条 支持电商基地示范创建 — fixed one-time awards:
 * (1) M6a a newly named national e-commerce demonstration base (国家电子商务示范基地);
 * (2) M6b a named provincial e-commerce innovation benchmark base or park (省级电子商务创新标杆基地).
 * The row itself is the claim of being named this year; history refuses a second award.
 * Words and amounts: parameter set, measures M6a and M6b.
 */
import { awardFixed } from "./fixed-award";
import { ApplicationFacts, Award, AwardContext } from "./types";

export function awardM6a(facts: ApplicationFacts, context: AwardContext): Award {
  return awardFixed("M6a", facts, context);
}

export function awardM6b(facts: ApplicationFacts, context: AwardContext): Award {
  return awardFixed("M6b", facts, context);
}
