/**
 * 第4条 支持跨境电商企业拓展进出口渠道 — two measures, each a one-time 50% subsidy capped per entity per year:
 * (1) M4a "对年度进出口额首次达到500万元的跨境电商独立站，给予当年网站建设、(云)服务器租赁费用50%一次性补贴，
 *     单一法人主体年度最高补贴不超过50万元。"
 * (2) M4b "对在第三方跨境电商平台开设店铺，且年度进出口额首次达到1000万元的跨境电商企业，给予当年入驻平台费和
 *     宣传推广费50%一次性补贴，单一法人主体年度最高补贴不超过50万元。"
 */
import { Decimal, formatRate, formatYuan } from "../money/money";
import { AwardBuilder } from "./award-builder";
import { ApplicationFacts, Award, AwardContext } from "./types";

export function awardM4a(facts: ApplicationFacts, context: AwardContext): Award {
  return awardCrossBorder("M4a", facts, context);
}

export function awardM4b(facts: ApplicationFacts, context: AwardContext): Award {
  return awardCrossBorder("M4b", facts, context);
}

function awardCrossBorder(measure: "M4a" | "M4b", facts: ApplicationFacts, context: AwardContext): Award {
  return new AwardBuilder(measure, context).run((b) => {
    const importExport = b.amountFact(facts, "importExport");
    const firstTime = b.flagFact(facts, "firstTime");
    const costs = b.amountFact(facts, "eligibleCosts");
    b.step("first-time", `首次达到：${firstTime ? "是" : "否"}`, `first time reaching the threshold: ${firstTime ? "yes" : "no"}`);
    if (!firstTime) {
      b.ineligible("not_first_time", "年度进出口额并非首次达到门槛（第4条“首次达到”）", "import+export did not reach the threshold for the first time (第4条 首次达到)", "firstTime");
    }
    b.threshold(b.params.threshold!, importExport);
    if (b.status !== "eligible") return;
    const rate = new Decimal(b.params.rate!.value);
    const raw = costs.times(rate);
    const base = b.params.baseTitle!;
    b.step("amount", `${base.zh} ${formatYuan(costs)} × ${formatRate(rate)} = ${raw.toString()}`, `${base.en} ${formatYuan(costs)} × ${formatRate(rate)} = ${raw.toString()}`);
    b.settle(raw, facts);
  });
}
