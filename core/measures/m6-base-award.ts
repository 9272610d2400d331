/**
 * 第6条 支持电商基地示范创建 — fixed one-time awards:
 * (1) M6a a newly named national e-commerce demonstration base (国家电子商务示范基地);
 * (2) M6b a named provincial e-commerce innovation benchmark base or park (省级电子商务创新标杆基地).
 * The row itself is the claim of being named this year; history refuses a second award.
 * Words and amounts: parameter set, measures M6a and M6b.
 */
import { RuleField } from "../policy/types";
import { FIXED_AWARD_READS, awardFixed, fastFixed } from "./fixed-award";
import { ApplicationFacts, Award, AwardContext } from "./types";

/** The fields of M6a's and M6b's entries their rule reads: the level settles which of the two a row of 第6条 is. */
export const readsM6: readonly RuleField[] = [...FIXED_AWARD_READS, "level"];

export function awardM6a(facts: ApplicationFacts, context: AwardContext): Award {
  return awardFixed("M6a", facts, context);
}

export function awardM6b(facts: ApplicationFacts, context: AwardContext): Award {
  return awardFixed("M6b", facts, context);
}

/** The same rules in whole fen (measures/fast.ts). */
export const fastM6a = fastFixed("M6a");
export const fastM6b = fastFixed("M6b");

const LEVEL_WORDS: Readonly<Record<string, "national" | "provincial">> = {
  national: "national",
  国家级: "national",
  国家: "national",
  provincial: "provincial",
  省级: "provincial",
  省: "provincial",
};

/** 示范级别 as people write it (国家级/national, 省级/provincial), or null. */
export function levelOf(text: string): "national" | "provincial" | null {
  return LEVEL_WORDS[text.trim().toLowerCase()] ?? null;
}

/** The measure of 第6条 for a level: M6a for a national base, M6b for a provincial one. */
export function baseAwardMeasure(level: "national" | "provincial"): "M6a" | "M6b" {
  return level === "national" ? "M6a" : "M6b";
}
