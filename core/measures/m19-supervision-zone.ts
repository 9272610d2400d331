/**
 * 第19条 加强行业监督管理 — a city newly named a national online-market supervision and service demonstration
 * zone (全国网络市场监管与服务示范区): a fixed one-time award "给予创建市(地)政府(行署)", paid to the city government. Only a government organ may receive it: a credit code whose registering authority and
 * kind are `11` (机构编制, 机关, GB 32100-2015); any other applicant is `ineligible` (`not_government`).
 * Words and amount: parameter set, measure M19.
 */
import { InputError } from "../errors/errors";
import { FIXED_AWARD_READS, awardFixed, fastFixed } from "./fixed-award";
import { AwardBuilder } from "./award-builder";
import { FastRule } from "./fast";
import { ApplicationFacts, Award, AwardContext } from "./types";

/** The fields of M19's entry its rule reads. */
export const readsM19 = FIXED_AWARD_READS;

/** A government organ's credit code: registering authority 1 (机构编制), kind 1 (机关). */
export function isGovernmentCode(code: string): boolean {
  return code.startsWith("11");
}

export function awardM19(facts: ApplicationFacts, context: AwardContext): Award {
  const applicant = facts.applicantId;
  if (applicant && isGovernmentCode(applicant)) return awardFixed("M19", facts, context);
  return new AwardBuilder("M19", context).run((b) => {
    if (!applicant) {
      throw new InputError(
        "missing",
        "entityId",
        "第19条奖励创建示范区的市（地）政府（行署）：缺少申报主体的统一社会信用代码",
        "第19条 pays the city government that created the zone: the applicant's credit code is missing",
      );
    }
    b.ineligible(
      "not_government",
      `第19条奖励创建示范区的市（地）政府（行署）：统一社会信用代码 ${applicant} 不以11（机关）开头，申报主体不是政府机关`,
      `第19条 pays the city government (市(地)政府(行署)) that created the zone: credit code ${applicant} does not start with 11 (a government organ)`,
      "entityId",
    );
  });
}

const fixedM19 = fastFixed("M19");

/** The same rule in whole fen (measures/fast.ts); without the row's credit code the reference decides. */
export const fastM19: FastRule = (facts, row, context, out) => {
  const applicant = context.applicantOf?.(row);
  if (applicant === undefined) return false;
  if (isGovernmentCode(applicant)) return fixedM19(facts, row, context, out);
  out.status = "ineligible";
  out.codes.push("not_government");
  out.computed = 0;
  return true;
};
