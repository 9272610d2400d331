import { InputError } from "../errors/errors";
import {
  FastInterestResult,
  FastLoan,
  PolicyPeriod,
  checkLoan,
  computeInterestSubsidy,
  fastInterestSubsidy,
} from "../lpr/interest-subsidy";
import { describeCuts, describeFirstDay, describeWindow, interestLines } from "../lpr/interest-words";
import { rateUnitsOfDecimal } from "../money/fen";
import { Decimal, DecimalInput, dec, formatRate, formatYuan } from "../money/money";
import { INPUT_BOUNDS } from "../policy/input-bounds";
import { effectiveFromWords } from "../policy/lookup";
import { RuleField } from "../policy/types";
import { AwardBuilder } from "./award-builder";
import { FastRule, fenParamsOf, meetsFen, requireInProvinceFen, settleFen } from "./fast";
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

/**
 * The fields of an interest measure's entry its rule reads: the threshold (when the clause has one), the cap and
 * its tiers, the province requirement (第2条 省内), and the qualification's words when the clause asks for one.
 */
export function interestMeasureReads(rule: InterestMeasureRule): readonly RuleField[] {
  return rule.requiresQualification ? ["qualification", "threshold", "cap", "inProvince"] : ["threshold", "cap", "inProvince"];
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
    b.used({ zh: "贷款期限", en: "loan" }, () => [`${loan.startDate} to ${loan.endDate}`, `${loan.startDate} 至 ${loan.endDate}`]);
    const paid = loan.interestPaid;
    if (paid !== null) b.used({ zh: "实付利息", en: "interest paid" }, () => formatYuan(paid));

    if (rule.requiresQualification) {
      const label = b.params.qualification!;
      const short = { zh: label.zh.replace(/（.*$/, ""), en: label.en.replace(/ \(.*$/, "") };
      b.step("qualification", () => [`${short.zh} ${qualified ? "是" : "否"}`, `${short.en} ${qualified ? "yes" : "no"}`]);
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
      period: policyPeriod(context),
      awardYear: context.interestWindow === "award-year" ? requireYear(context) : undefined,
    });
    if (b.tracing) b.extra.interest = subsidy; // segments are for explanations; a batch without trace drops them
    // The appendix's lines: window, first day, rate, interest, interest paid (lpr/interest-words.ts).
    if (b.tracing) {
      b.step("interest", () => describeWindow(subsidy));
      const first = describeFirstDay(subsidy);
      if (first) b.step("first-day", () => first);
      for (const [zh, en] of interestLines(subsidy, false).slice(1)) b.step("interest", () => [zh, en]);
    }
    if (subsidy.days === 0) {
      const [zh, en] = describeCuts(subsidy);
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
  if (!loan.startDate) throw missing("startDate", "放款日期", "the loan start date");
  if (!loan.endDate) throw missing("endDate", "贷款到期日", "the loan end date");
  return loan;
}

/**
 * The policy's period from its issue date (option effectiveFrom, else the set's), named in the set's words or
 * the option's: a stand-in date says it is one in every row's explanation (RULES.md "Subsidy period").
 */
function policyPeriod(context: AwardContext): PolicyPeriod {
  const { policy } = context;
  const start = context.effectiveFrom ?? policy.subsidyPeriod.effectiveFrom.value;
  return { start, end: policy.subsidyPeriod.end, startWords: effectiveFromWords(policy, start) };
}

function requireYear(context: AwardContext): number {
  if (context.year === undefined) {
    throw new InputError("missing", "year", "贴息区间按年度据实计算，需要申报年度", "interestWindow award-year needs the award year");
  }
  return context.year;
}

const LOAN_RATE_MIN_UNITS = rateUnitsOfDecimal(new Decimal(INPUT_BOUNDS.loanRate.min));
const LOAN_RATE_MAX_UNITS = rateUnitsOfDecimal(new Decimal(INPUT_BOUNDS.loanRate.max));

/**
 * awardInterestMeasure in whole fen (see fast.ts): the same qualification, threshold, window and segments,
 * cap and province rule; a missing or bad input, or an LPR the table does not know, is left to the reference.
 */
export function fastInterestMeasure(measure: MeasureId, rule: InterestMeasureRule): FastRule {
  const interest: FastInterestResult = { amount: 0, days: 0, limitedByInterestPaid: false };
  const loan: FastLoan = { principalFen: 0, rateUnits: 0, startDay: 0, endDay: 0, interestPaidFen: NaN };
  return (facts, row, context, out) => {
    const params = fenParamsOf(context.policy, measure);
    if (!params || !context.lpr) return false;
    let qualified = true;
    if (rule.requiresQualification) {
      const flag = facts.qualified[row];
      if (flag < 0) return false;
      qualified = flag === 1;
    }
    const threshold = params.threshold;
    const totalInvestment = facts.totalInvestment[row];
    if (threshold && Number.isNaN(totalInvestment)) return false;
    const principal = facts.principal[row];
    const rate = facts.loanRate[row];
    const start = facts.startDay[row];
    const end = facts.endDay[row];
    if (Number.isNaN(principal) || Number.isNaN(rate) || Number.isNaN(start) || Number.isNaN(end) || end < start) return false;
    if (rate !== 0 && (rate < LOAN_RATE_MIN_UNITS || rate > LOAN_RATE_MAX_UNITS)) return false;
    out.status = "eligible";
    if (!qualified) {
      out.status = "ineligible";
      out.codes.push("not_qualified");
    }
    if (threshold && !meetsFen(threshold, totalInvestment)) {
      out.status = "ineligible";
      out.codes.push("below_threshold");
    }
    if (out.status !== "eligible") {
      out.computed = 0;
      return true;
    }
    const options = (context.interest ??= {
      lprMode: context.lprMode,
      dayCount: context.dayCount,
      maxMonths: context.policy.interestSubsidy.maxMonths.value,
      lpr: context.lpr,
      periodStart: context.periodStart,
      periodEndExclusive: context.periodEndExclusive,
      awardYear: context.interestWindow === "award-year" ? context.year : undefined,
    });
    loan.principalFen = principal;
    loan.rateUnits = rate;
    loan.startDay = start;
    loan.endDay = end;
    loan.interestPaidFen = facts.interestPaid[row];
    if (!fastInterestSubsidy(loan, options, interest)) {
      // The reference's LprUnknownError: an error row, whose words (the date and what the table knows) the
      // reference makes when the row is worded.
      out.status = "error";
      out.codes.push("lpr_unknown");
      return true;
    }
    if (interest.days === 0) out.codes.push("no_interest_in_window");
    if (interest.limitedByInterestPaid) out.codes.push("limited_to_interest_paid");
    settleFen(params, facts, row, interest.amount, out);
    requireInProvinceFen(params, context, out);
    return true;
  };
}
