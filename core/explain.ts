import { InterestSubsidyResult } from "./lpr/interest-subsidy";
import { Award } from "./measures/types";
import { formatRate, formatYuan } from "./money/money";

/**
 * One readable line for a single award: measure, clause, inputs used, LPR and days, cap applied or not,
 * result. The custom functions' `explain` argument returns it.
 */
export function explainAward(award: Award, language: "zh" | "en"): string {
  const zh = language === "zh";
  const parts: string[] = [`${award.measure} ${award.clause} ${award.title[language]}`];
  const inputs = award.trace.find((s) => s.step === "inputs");
  if (inputs) parts.push(inputs[language]);
  if (award.interest && award.status !== "error") parts.push(...interestParts(award.interest, language));
  if (award.computed !== null) parts.push(`${zh ? "计算" : "computed"} ${formatYuan(award.computed)}`);
  if (award.cap !== null && award.status !== "error") {
    const applied = award.reasons.some((r) => r.code === "cap_applied");
    parts.push(
      zh
        ? `上限 ${formatYuan(award.cap)}${applied ? "（已适用）" : "（未触及）"}`
        : `cap ${formatYuan(award.cap)} ${applied ? "applied" : "not reached"}`,
    );
  }
  const why = award.reasons.filter((r) => r.code !== "cap_applied").map((r) => r[language]);
  if (why.length) parts.push(why.join(zh ? "；" : "; "));
  parts.push(`${zh ? "结果" : "result"} ${formatYuan(award.amount)} (${award.status})`);
  return parts.join(zh ? "｜" : " | ");
}

/** LPR and days, the window and the rates applied, and the 据实 limit when it bit. */
function interestParts(interest: InterestSubsidyResult, language: "zh" | "en"): string[] {
  const zh = language === "zh";
  const rates = [...new Set(interest.segments.map((s) => formatRate(s.appliedRate)))].join("/") || "—";
  const lpr = interest.fixedLpr
    ? `${zh ? "同期LPR" : "LPR (fixed)"} ${formatRate(interest.fixedLpr.rate)}`
    : zh
      ? "浮动LPR"
      : "LPR (floating)";
  const parts = [
    zh
      ? `${lpr}，${interest.days}天 ${interest.windowStart}至${interest.windowEnd}，适用利率 ${rates}，实际/${interest.dayCount}`
      : `${lpr}, ${interest.days} days ${interest.windowStart} → ${interest.windowEnd}, applied ${rates}, actual/${interest.dayCount}`,
  ];
  if (interest.limitedByInterestPaid) {
    parts.push(
      zh ? `据实不超过实付利息 ${formatYuan(interest.interestPaid!)}` : `limited to interest paid ${formatYuan(interest.interestPaid!)}`,
    );
  }
  return parts;
}

/** One readable line for the 据实贴息 of one loan (HLJ.LPR_INTEREST's explanation). */
export function explainInterest(interest: InterestSubsidyResult, language: "zh" | "en"): string {
  const zh = language === "zh";
  const head = zh ? "据实贴息" : "LPR interest subsidy";
  return [head, ...interestParts(interest, language), `${zh ? "结果" : "result"} ${formatYuan(interest.amount)}`].join(zh ? "｜" : " | ");
}
