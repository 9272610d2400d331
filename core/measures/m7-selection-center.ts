/**
 * 第7条 支持建立特色选品中心(平台) — a selection centre that drives above-size enterprises' annual online sales
 * beyond (超过) the threshold gets a one-time grant: a share of its last three years' actual infrastructure
 * and equipment investment, up to a cap. Words and numbers: parameter set, measure M7.
 */
import { paramDecimal } from "../policy/lookup";
import { formatRate, formatYuan, roundToFen } from "../money/money";
import { RuleField } from "../policy/types";
import { AwardBuilder } from "./award-builder";
import { FastRule, fenParamsOf, settlePercentageFen } from "./fast";
import { ApplicationFacts, Award, AwardContext } from "./types";

/** The fields of M7's entry its rule reads: no province requirement (第7条 names none). */
export const readsM7: readonly RuleField[] = ["base", "baseTitle", "threshold", "rate", "cap", "oneTime"];

export function awardM7(facts: ApplicationFacts, context: AwardContext): Award {
  return new AwardBuilder("M7", context).run((b) => {
    const drivenSales = b.amountFact(facts, "drivenOnlineSales");
    const investment = b.amountFact(facts, "investmentLast3Years");
    b.threshold(b.params.threshold!, drivenSales);
    if (b.status !== "eligible") return;
    const rate = paramDecimal(b.params.rate!);
    const raw = investment.times(rate);
    const base = b.params.baseTitle!;
    b.step("amount", () => [
      `核算金额：${base.zh} ${formatYuan(investment)} × ${formatRate(rate)} = ${formatYuan(roundToFen(raw))}`,
      `Computed: ${base.en} ${formatYuan(investment)} × ${formatRate(rate)} = ${formatYuan(roundToFen(raw))}`,
    ]);
    b.settle(raw, facts);
  });
}

/** The same rule in whole fen (measures/fast.ts). */
export const fastM7: FastRule = (facts, row, context, out) => {
  const params = fenParamsOf(context.policy, "M7");
  const drivenSales = facts.drivenOnlineSales[row];
  const investment = facts.investmentLast3Years[row];
  if (!params || Number.isNaN(drivenSales) || Number.isNaN(investment)) return false;
  out.status = "eligible";
  settlePercentageFen(params, facts, row, drivenSales, investment, out);
  return true;
};
