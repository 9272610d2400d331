/**
 * A clause that names support but no amount or formula (第14条, 第18条): the department decides. The rule never
 * computes an amount; it carries the approved amount (核定金额) a person entered, always with status `manual`.
 */
import { formatYuan } from "../money/money";
import { optionalAmount } from "../money/input";
import { RuleField } from "../policy/types";
import { AwardBuilder, FACT_LABELS } from "./award-builder";
import { FastRule, fenParamsOf, settleFen } from "./fast";
import { MeasureId } from "./measure-id";
import { ApplicationFacts, Award, AwardContext } from "./types";

/** The fields of a manual measure's entry its rule reads: only a cap, were the policy to set one on the approved amount. */
export const MANUAL_AWARD_READS: readonly RuleField[] = ["cap"];

/** What the department decides on, in the clause's words (`第14条按活动实际投入`) and in English (` from actual spending`). */
export interface ManualBasis {
  zh: string;
  clause: string;
  enHow: string;
}

export function awardManual(measure: MeasureId, facts: ApplicationFacts, context: AwardContext, basis: ManualBasis): Award {
  return new AwardBuilder(measure, context).run((b) => {
    const approved = optionalAmount(facts.approvedAmount, "approvedAmount", FACT_LABELS.approvedAmount);
    b.status = "manual";
    if (approved !== null) b.used(FACT_LABELS.approvedAmount, () => formatYuan(approved));
    if (approved === null) {
      b.because(
        "manual_review",
        `${basis.zh}由主管部门核定金额，尚无核定金额`,
        `${basis.clause}: the department decides the amount${basis.enHow}; no approved amount yet`,
      );
      b.step("manual", () => ["人工核定：尚无主管部门核定金额", "Manual: no amount approved by the department yet"]);
      b.computed = null;
      return;
    }
    b.because(
      "manual_review",
      `${basis.zh}核定：${formatYuan(approved)}`,
      `${basis.clause}: amount approved by the department: ${formatYuan(approved)}`,
    );
    b.step("manual", () => [
      `人工核定：主管部门核定 ${formatYuan(approved)}`,
      `Manual: approved by the department ${formatYuan(approved)}`,
    ]);
    b.settle(approved, facts);
  });
}

/** The same rule in whole fen (measures/fast.ts). */
export function fastManual(measure: MeasureId): FastRule {
  return (facts, row, context, out) => {
    const params = fenParamsOf(context.policy, measure);
    if (!params) return false;
    const approved = facts.approvedAmount[row];
    out.status = "manual";
    out.codes.push("manual_review");
    if (Number.isNaN(approved)) {
      out.computed = NaN;
      out.amount = 0;
      return true;
    }
    settleFen(params, facts, row, approved, out);
    return true;
  };
}
