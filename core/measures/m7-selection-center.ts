/**
 * 第7条 支持建立特色选品中心(平台) — "对带动限额以上在统企业年度网络销售额超过5000万元的电商选品中心(平台)，
 * 按照近三年用于基础设施建设、设备购置实际投资额的50%给予一次性资金补助，上限100万元。"
 */
import { Decimal, formatRate, formatYuan } from "../money/money";
import { AwardBuilder } from "./award-builder";
import { ApplicationFacts, Award, AwardContext } from "./types";

export function awardM7(facts: ApplicationFacts, context: AwardContext): Award {
  return new AwardBuilder("M7", context).run((b) => {
    const drivenSales = b.amountFact(facts, "drivenOnlineSales");
    const investment = b.amountFact(facts, "investmentLast3Years");
    b.threshold(b.params.threshold!, drivenSales);
    if (b.status !== "eligible") return;
    const rate = new Decimal(b.params.rate!.value);
    const raw = investment.times(rate);
    const base = b.params.baseTitle!;
    b.step("amount", `${base.zh} ${formatYuan(investment)} × ${formatRate(rate)} = ${raw.toString()}`, `${base.en} ${formatYuan(investment)} × ${formatRate(rate)} = ${raw.toString()}`);
    b.settle(raw, facts);
  });
}
