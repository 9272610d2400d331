/**
 * 第3条 支持电商企业扩大网络零售规模 — an enterprise above designated size (限额以上在统) whose year's increase
 * in physical-goods online retail sales exceeds (超过) the threshold earns a rate of the whole increase, up to
 * an annual cap. A decline is real and earns nothing; it is not an error.
 * Words and numbers: parameter set, measure M3 (threshold, rate, cap).
 */
import { paramDecimal } from "../policy/lookup";
import { DecimalInput, formatYuan, formatRate, roundToFen } from "../money/money";
import { amountInput } from "../money/input";
import { RuleField } from "../policy/types";
import { AwardBuilder, FACT_LABELS } from "./award-builder";
import { FastRule, fenParamsOf, requireInProvinceFen, settlePercentageFen } from "./fast";
import { ApplicationFacts, Award, AwardContext } from "./types";

/** The fields of M3's entry its rule reads (its base is the increase itself: no baseTitle). */
export const readsM3: readonly RuleField[] = ["qualification", "base", "threshold", "rate", "cap", "inProvince"];

export function awardM3(facts: ApplicationFacts, context: AwardContext): Award {
  return new AwardBuilder("M3", context).run((b) => {
    const aboveSize = b.flagFact(facts, "qualified");
    // A decline is real and earns nothing; it is not an error.
    const increase = amountInput(
      facts.onlineRetailIncrease as DecimalInput | null | undefined,
      "onlineRetailIncrease",
      FACT_LABELS.onlineRetailIncrease,
      {
        negative: true,
      },
    );
    b.used(FACT_LABELS.onlineRetailIncrease, () => formatYuan(increase));
    const qualification = b.params.qualification!;
    b.step("qualification", () => [`${qualification.zh} ${aboveSize ? "是" : "否"}`, `${qualification.en} ${aboveSize ? "yes" : "no"}`]);
    if (!aboveSize) b.ineligible("not_above_size", `不是${qualification.zh}（第3条）`, `not an ${qualification.en} (第3条)`, "qualified");
    b.threshold(b.params.threshold!, increase);
    if (b.status !== "eligible") return;
    const rate = paramDecimal(b.params.rate!);
    const raw = increase.times(rate);
    b.step("amount", () => [
      `核算金额：${formatYuan(increase)} × ${formatRate(rate)} = ${formatYuan(roundToFen(raw))}`,
      `Computed: ${formatYuan(increase)} × ${formatRate(rate)} = ${formatYuan(roundToFen(raw))}`,
    ]);
    b.settle(raw, facts);
    b.requireInProvince(facts);
  });
}

/** The same rule in whole fen (measures/fast.ts). */
export const fastM3: FastRule = (facts, row, context, out) => {
  const params = fenParamsOf(context.policy, "M3");
  const aboveSize = facts.qualified[row];
  const increase = facts.onlineRetailIncrease[row];
  if (!params || aboveSize < 0 || Number.isNaN(increase)) return false;
  out.status = "eligible";
  if (aboveSize === 0) {
    out.status = "ineligible";
    out.codes.push("not_above_size");
  }
  if (settlePercentageFen(params, facts, row, increase, increase, out)) requireInProvinceFen(params, context, out);
  return true;
};
