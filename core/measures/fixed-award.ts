import { paramDecimal, paramYuan } from "../policy/lookup";
import { RuleField } from "../policy/types";
import { AwardBuilder } from "./award-builder";
import { FastRule, fenParamsOf, settleFen } from "./fast";
import { MeasureId } from "./measure-id";
import { ApplicationFacts, Award, AwardContext } from "./types";

/** The fields of a fixed award's entry its rule reads: the amount, its cap (the amount itself), once per entity. */
export const FIXED_AWARD_READS: readonly RuleField[] = ["amount", "cap", "oneTime"];

/** A fixed one-time award (第6条, 第19条): the amount is the policy's, the cap is that amount. */
export function awardFixed(measure: MeasureId, facts: ApplicationFacts, context: AwardContext): Award {
  return new AwardBuilder(measure, context).run((b) => {
    const amount = b.params.amount!;
    b.step("amount", () => [`核算金额：${amount.title.zh} ${paramYuan(amount)}`, `Computed: ${amount.title.en} ${paramYuan(amount)}`]);
    b.settle(paramDecimal(amount), facts);
  });
}

/** The same rule in whole fen (measures/fast.ts). */
export function fastFixed(measure: MeasureId): FastRule {
  return (facts, row, context, out) => {
    const params = fenParamsOf(context.policy, measure);
    if (!params) return false;
    out.status = "eligible";
    settleFen(params, facts, row, params.fixedAmount, out);
    return true;
  };
}
