/**
 * 第14条 支持打造电商活动品牌 — "根据活动实际投入给予资金支持。" The text sets no amount or formula: the
 * department decides from actual spending. The rule therefore never computes an amount; it carries the
 * approved amount (核定金额) a person entered, always with status `manual`.
 */
import { formatYuan } from "../money/money";
import { optionalAmount } from "../money/input";
import { RuleField } from "../policy/types";
import { AwardBuilder, FACT_LABELS } from "./award-builder";
import { FastRule, fenParamsOf, settleFen } from "./fast";
import { ApplicationFacts, Award, AwardContext } from "./types";

/** The fields of M14's entry its rule reads: only a cap, were the policy to set one on the approved amount. */
export const readsM14: readonly RuleField[] = ["cap"];

export function awardM14(facts: ApplicationFacts, context: AwardContext): Award {
  return new AwardBuilder("M14", context).run((b) => {
    const approved = optionalAmount(facts.approvedAmount, "approvedAmount", FACT_LABELS.approvedAmount);
    b.status = "manual";
    if (approved !== null) b.used(FACT_LABELS.approvedAmount, () => formatYuan(approved));
    if (approved === null) {
      b.because(
        "manual_review",
        "第14条按活动实际投入由主管部门核定金额，尚无核定金额",
        "第14条: the department decides the amount from actual spending; no approved amount yet",
      );
      b.step("manual", () => ["待人工核定", "awaiting the department's decision"]);
      b.computed = null;
      return;
    }
    b.because(
      "manual_review",
      `第14条按活动实际投入核定：${formatYuan(approved)}`,
      `第14条: amount approved by the department: ${formatYuan(approved)}`,
    );
    b.step("manual", () => [`核定金额 ${formatYuan(approved)}`, `approved amount ${formatYuan(approved)}`]);
    b.settle(approved, facts);
  });
}

/** The same rule in whole fen (measures/fast.ts). */
export const fastM14: FastRule = (facts, row, context, out) => {
  const params = fenParamsOf(context.policy, "M14");
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
