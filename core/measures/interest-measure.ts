import { InputError } from "../errors/errors";
import { checkLoan, computeInterestSubsidy, describeSegments, describeWindow } from "../lpr/interest-subsidy";
import { DecimalInput, dec, formatRate, formatYuan } from "../money/money";
import { AwardBuilder } from "./award-builder";
import { MeasureId } from "./measure-id";
import { ApplicationFacts, Award, AwardContext, LoanFacts } from "./types";

/**
 * The shape shared by the loan-interest measures (第1、2、5、8条): an optional qualification, an optional
 * total-investment threshold, the LPR interest subsidy on the loan, then the measure's per-entity cap.
 * Each measure module states which of these its clause asks for.
 */
export interface InterestMeasureRule {
  /** 第1条 asks for an 优质电商主体. */
  requiresQualification: boolean;
}

export function awardInterestMeasure(measure: MeasureId, facts: ApplicationFacts, context: AwardContext, rule: InterestMeasureRule): Award {
  return new AwardBuilder(measure, context).run((b) => {
    const qualified = rule.requiresQualification ? b.flagFact(facts, "qualified") : true;
    const threshold = b.params.threshold;
    const totalInvestment = threshold ? b.amountFact(facts, "totalInvestment") : null;
    const given = requireLoan(facts.loan);
    const loan = checkLoan({
      principal: given.principal!,
      loanRate: given.loanRate!,
      startDate: given.startDate!,
      endDate: given.endDate!,
      interestPaid: given.interestPaid,
    });
    b.used({ zh: "贷款本金", en: "principal" }, () =>
      Array.isArray(given.principal)
        ? [`${given.principal.length} balance rows`, `余额表 ${given.principal.length} 行`]
        : formatYuan(dec(given.principal as DecimalInput)),
    );
    b.used({ zh: "贷款利率", en: "loan rate" }, () => formatRate(loan.loanRate));
    b.used({ zh: "贷款期限", en: "loan" }, () => [`${loan.startDate} → ${loan.endDate}`, `${loan.startDate} 至 ${loan.endDate}`]);
    const paid = loan.interestPaid;
    if (paid !== null) b.used({ zh: "实付利息", en: "interest paid" }, () => formatYuan(paid));

    if (rule.requiresQualification) {
      const label = b.params.qualification!;
      b.step("qualification", () => [`${label.zh}：${qualified ? "是" : "否"}`, `${label.en}: ${qualified ? "yes" : "no"}`]);
      if (!qualified)
        b.ineligible("not_qualified", `不是${label.zh}（${b.params.threshold?.clause ?? ""}）`, `not a ${label.en}`, "qualified");
    }
    if (threshold && totalInvestment) b.threshold(threshold, totalInvestment);
    // A row that fails its qualification or threshold needs no LPR: none is looked up for it (RULES.md).
    if (b.status !== "eligible") return;

    const subsidy = computeInterestSubsidy(loan, {
      lprMode: context.lprMode,
      dayCount: context.dayCount,
      maxMonths: context.policy.interestSubsidy.maxMonths.value,
      lpr: context.lpr,
      period: context.policy.subsidyPeriod,
      awardYear: context.interestWindow === "award-year" ? requireYear(context) : undefined,
    });
    if (b.tracing) b.extra.interest = subsidy; // segments are for explanations; a batch without trace drops them
    if (b.tracing) b.step("window", () => describeWindow(subsidy));
    const fixed = subsidy.fixedLpr;
    if (fixed) {
      b.step("lpr", () => [
        `同期LPR（贷款起始日 ${loan.startDate} 适用）${formatRate(fixed.rate)}，${fixed.effective} 起生效；固定模式`,
        `LPR fixed at ${formatRate(fixed.rate)} (in force on the start date ${loan.startDate}, effective ${fixed.effective})`,
      ]);
    } else if (subsidy.days > 0) {
      b.step("lpr", () => ["浮动模式：按每日适用的LPR分段", "LPR floating: each segment uses the LPR in force on its days"]);
    }
    if (b.tracing) for (const [zh, en] of describeSegments(subsidy)) b.step("segment", () => [zh, en]);
    b.step("subsidy", () => [
      `分段合计 ${formatYuan(subsidy.segmentTotal)}${subsidy.limitedByInterestPaid ? `，据实不超过实付利息 ${formatYuan(subsidy.interestPaid!)}` : ""} → ${formatYuan(subsidy.amount)}`,
      `segments total ${formatYuan(subsidy.segmentTotal)}${subsidy.limitedByInterestPaid ? `, limited to interest actually paid ${formatYuan(subsidy.interestPaid!)}` : ""} → ${formatYuan(subsidy.amount)}`,
    ]);
    if (subsidy.days === 0) {
      const [zh, en] = describeWindow(subsidy);
      b.because("no_interest_in_window", `贴息区间内没有计息天数：${zh}`, `no interest days in the window: ${en}`);
    }
    if (subsidy.limitedByInterestPaid) {
      b.because(
        "limited_to_interest_paid",
        `据实贴息：不超过实付利息 ${formatYuan(subsidy.interestPaid!)}`,
        `据实: limited to the interest actually paid, ${formatYuan(subsidy.interestPaid!)}`,
      );
    }
    b.settle(subsidy.amount, facts);
    b.requireInProvince(facts);
  });
}

function requireLoan(loan: LoanFacts | null | undefined): LoanFacts {
  const missing = (field: string, zh: string, en: string) => new InputError("missing", field, `缺少${zh}`, `${en} is missing`);
  if (!loan) throw missing("principal", "贷款信息（本金、利率、起止日期）", "the loan (principal, rate, start and end dates)");
  if (loan.principal === null || loan.principal === undefined || loan.principal === "")
    throw missing("principal", "贷款本金", "the loan principal");
  if (loan.loanRate === null || loan.loanRate === undefined || loan.loanRate === "") throw missing("loanRate", "贷款利率", "the loan rate");
  if (!loan.startDate) throw missing("startDate", "贷款起始日", "the loan start date");
  if (!loan.endDate) throw missing("endDate", "贷款到期日", "the loan end date");
  return loan;
}

function requireYear(context: AwardContext): number {
  if (context.year === undefined) {
    throw new InputError("missing", "year", "按年度贴息（award-year）需要申报年度", "interestWindow award-year needs the award year");
  }
  return context.year;
}
