import { InputError, LprUnknownError } from "../errors/errors";
import { Decimal, DecimalInput, Money, ZERO, dec, formatYuan, roundToFen } from "../money/money";
import { nonNegativeAmount } from "../money/input";
import { measureCitation, measureParams, paramDecimal, paramYuan } from "../policy/lookup";
import { CapTier, MeasureParams, ThresholdParam } from "../policy/types";
import { Reason, ReasonCode, reason } from "../reasons/reasons";
import { MeasureId, clauseCitation } from "./measure-id";
import { ApplicationFacts, Award, AwardContext, AwardStatus, TraceStep } from "./types";

const NO_STEPS: readonly never[] = Object.freeze([]);

/** Labels of the facts, for messages and traces. */
export const FACT_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  qualified: { zh: "主体资格", en: "qualification" },
  totalInvestment: { zh: "总投资额", en: "total investment" },
  onlineRetailIncrease: { zh: "年度新增实物网络零售额", en: "increase in online retail sales" },
  importExport: { zh: "年度进出口额", en: "annual import+export" },
  firstTime: { zh: "首次达到", en: "first time" },
  eligibleCosts: { zh: "可补贴费用", en: "eligible costs" },
  level: { zh: "示范级别", en: "level" },
  drivenOnlineSales: { zh: "带动网络销售额", en: "driven online sales" },
  investmentLast3Years: { zh: "近三年投资额", en: "investment of the last three years" },
  approvedAmount: { zh: "核定金额", en: "approved amount" },
};

/**
 * Collects what a measure's rule decides — status, reasons, trace — and turns the thrown InputError or
 * LprUnknownError of a bad input into an `error` award, so one bad row never stops a batch.
 */
export class AwardBuilder {
  readonly params: MeasureParams;
  readonly trace: TraceStep[];
  readonly reasons: Reason[] = [];
  status: AwardStatus = "eligible";
  computed: Money | null = null;
  cap: Money | null = null;
  capTier = 0;
  amount: Money = ZERO;
  extra: Partial<Award> = {};
  /** The inputs the rule read, in the order it read them: the first step of the trace. */
  readonly inputs: { zh: string; en: string }[];

  constructor(
    readonly measure: MeasureId,
    readonly context: AwardContext,
  ) {
    this.params = measureParams(context.policy, measure);
    this.tracing = context.trace !== false;
    // Without a trace nothing is ever added to these: one shared, frozen empty list saves two per row.
    this.trace = this.tracing ? [] : (NO_STEPS as unknown as TraceStep[]);
    this.inputs = this.tracing ? [] : (NO_STEPS as unknown as { zh: string; en: string }[]);
  }

  /** Whether to build the trace (a batch that never shows it skips the work). */
  readonly tracing: boolean;

  /** Records a step of the trace; the text is only made when the caller asked for a trace. */
  step(step: string, text: () => [zh: string, en: string]): void {
    if (!this.tracing) return;
    const [zh, en] = text();
    this.trace.push({ step, zh, en });
  }

  /** Records an input the rule used. */
  /** Records an input the rule used: its shown value, or [English, Chinese] when they differ. */
  used(label: { zh: string; en: string }, shown: () => string | [en: string, zh: string]): void {
    if (!this.tracing) return;
    const value = shown();
    const [en, zh] = typeof value === "string" ? [value, value] : value;
    this.inputs.push({ zh: `${label.zh} ${zh}`, en: `${label.en} ${en}` });
  }

  because(code: ReasonCode, zh: string, en: string, field?: string): void {
    this.reasons.push(reason(code, zh, en, field));
  }

  ineligible(code: ReasonCode, zh: string, en: string, field?: string): void {
    this.status = "ineligible";
    this.because(code, zh, en, field);
  }

  /** A required amount (≥ 0), or an InputError naming the field. */
  amountFact(facts: ApplicationFacts, field: keyof ApplicationFacts): Decimal {
    const amount = nonNegativeAmount(facts[field] as DecimalInput | null | undefined, field, FACT_LABELS[field]);
    this.used(FACT_LABELS[field], () => formatYuan(amount));
    return amount;
  }

  /** A required yes/no fact: in a batch an empty cell is missing, never guessed. */
  flagFact(facts: ApplicationFacts, field: "qualified" | "firstTime"): boolean {
    const value = facts[field];
    if (value === null || value === undefined) {
      const label = field === "qualified" && this.params.qualification ? this.params.qualification : FACT_LABELS[field];
      throw new InputError("missing", field, `缺少“${label.zh}”（是/否）`, `"${label.en}" (yes/no) is missing`);
    }
    if (typeof value !== "boolean") {
      throw new InputError("type", field, `“${FACT_LABELS[field].zh}”应为是/否`, `"${FACT_LABELS[field].en}" must be yes or no`);
    }
    const label = field === "qualified" && this.params.qualification ? this.params.qualification : FACT_LABELS[field];
    const short = { zh: label.zh.replace(/（.*$/, ""), en: label.en.replace(/ \(.*$/, "") };
    this.used(short, () => [value ? "yes" : "no", value ? "是" : "否"]);
    return value;
  }

  /** Tests the measure's threshold; records the step, and the reason when it is not met. */
  threshold(threshold: ThresholdParam, value: Decimal): boolean {
    const met = meetsThreshold(threshold, value);
    const label = FACT_LABELS[threshold.field];
    const limit = () => paramYuan(threshold);
    // A part of the appendix's 条件 line (explain.ts joins the parts and says 符合 or 不符合).
    this.step("threshold", () => {
      const above = threshold.comparison === ">";
      const zh = above ? (met ? "超过" : "未超过") : met ? "达到" : "未达到";
      const en = above ? (met ? "above" : "not above") : met ? "at least" : "below";
      return [`${label.zh} ${formatYuan(value)} ${zh} ${limit()}`, `${label.en} ${formatYuan(value)} ${en} ${limit()}`];
    });
    if (!met) {
      this.ineligible(
        "below_threshold",
        `${label.zh} ${formatYuan(value)} 未${threshold.comparison === ">" ? "超过" : "达到"} ${limit()}（${threshold.clause}）`,
        `${label.en} ${formatYuan(value)} is not ${threshold.comparison === ">" ? "above" : "at least"} ${limit()} (${threshold.clause})`,
        threshold.field,
      );
    }
    return met;
  }

  /** Rounds the computed amount once and limits it by the measure's cap for this applicant. */
  settle(raw: Decimal, facts: ApplicationFacts): void {
    this.computed = roundToFen(raw);
    const cap = capFor(this.params, facts);
    this.cap = cap?.amount ?? null;
    this.capTier = cap?.tier ?? 0;
    if (cap === null) {
      this.amount = this.computed;
      return;
    }
    const applied = this.computed.greaterThan(cap.amount);
    this.amount = applied ? cap.amount : this.computed;
    const computed = this.computed;
    this.step("cap", () => [
      `上限：${formatYuan(cap.amount)}，${applied ? `核算金额 ${formatYuan(computed)} 超过上限，按上限` : "未触及"}`,
      `Cap: ${formatYuan(cap.amount)}, ${applied ? `computed ${formatYuan(computed)} is above it: the cap` : "not reached"}`,
    ]);
    if (applied) {
      this.because(
        "cap_applied",
        `核算金额 ${formatYuan(this.computed)} 超过上限，按上限 ${formatYuan(cap.amount)} 计`,
        `computed ${formatYuan(this.computed)} exceeds the cap: ${formatYuan(cap.amount)}`,
      );
    }
  }

  /**
   * 第2条 (省内电商企业) and 第3条 (限额以上在统) ask for an applicant of the province: a code registered elsewhere
   * makes a qualifying row `manual`, amount computed as usual, for a person to check the registration (a code
   * keeps its original division when a company moves). Other measures leave it to the batch's warning.
   */
  requireInProvince(facts: ApplicationFacts): void {
    const requirement = this.params.inProvince;
    const inProvince = facts.inProvince ?? this.context.applicantInProvince;
    if (!requirement || inProvince !== false || this.status !== "eligible") return;
    this.status = "manual";
    this.because(
      "out_of_province",
      `${clauseCitation(this.measure)}限于${requirement.zh}（“${requirement.text}”）：统一社会信用代码的登记机关不在黑龙江省，金额照常计算，需人工核对登记情况（企业迁入后代码仍保留原登记地）`,
      `${clauseCitation(this.measure)} is for ${requirement.en}: the credit code was registered outside Heilongjiang; the amount is computed as usual and a person checks the registration (a code keeps its original division when a company moves)`,
      "entityId",
    );
  }

  build(): Award {
    const clause = clauseCitation(this.measure);
    return {
      measure: this.measure,
      clause,
      title: this.params.title,
      citation: measureCitation(this.context.policy, this.measure, clause),
      status: this.status,
      computed: this.status === "error" ? null : this.status === "ineligible" ? (this.computed ?? ZERO) : this.computed,
      cap: this.cap,
      capScope: this.params.cap?.scope ?? null,
      capTier: this.capTier,
      amount: this.status === "eligible" || this.status === "manual" ? this.amount : ZERO,
      reasons: this.reasons,
      trace: this.trace,
      ...this.extra,
    };
  }

  /** Runs a rule; a bad input becomes an `error` award that names the field and what was expected. */
  run(rule: (b: AwardBuilder) => void): Award {
    try {
      rule(this);
      if (this.tracing && this.inputs.length) {
        this.trace.unshift({
          step: "inputs",
          zh: `输入：${this.inputs.map((i) => i.zh).join("；")}`,
          en: `inputs: ${this.inputs.map((i) => i.en).join("; ")}`,
        });
      }
    } catch (error) {
      if (error instanceof InputError) {
        this.fail(error.reason);
        this.extra.failure = { kind: "input", error };
      } else if (error instanceof LprUnknownError) {
        this.fail(error.reason);
        this.extra.failure = { kind: "lpr_unknown", error };
      } else {
        throw error;
      }
    }
    return this.build();
  }

  private fail(why: Reason): void {
    this.status = "error";
    this.computed = null;
    this.amount = ZERO;
    this.reasons.push(why);
    this.step("error", () => [why.zh, why.en]);
  }
}

export function meetsThreshold(threshold: ThresholdParam, value: Decimal): boolean {
  const limit = paramDecimal(threshold);
  return threshold.comparison === ">" ? value.greaterThan(limit) : value.greaterThanOrEqualTo(limit);
}

/**
 * The measure's cap for these facts: the base amount, or the last tier whose own threshold is met. `tier` is
 * 0 for the base and i for the i-th tier (第1条: 0 for the base cap, 1 for projects above the second investment level).
 */
export function capFor(
  params: MeasureParams,
  facts: ApplicationFacts,
): { amount: Money; source: MeasureParams["amount"] & object; tier: number } | null {
  const cap = params.cap;
  const base = cap?.amount ?? (params.kind === "fixed" ? params.amount : undefined);
  if (!cap || !base) return null;
  let chosen: { amount: Money; source: NonNullable<MeasureParams["amount"]>; tier: number } = {
    amount: paramDecimal(base),
    source: base,
    tier: 0,
  };
  (cap.tiers ?? []).forEach((tier, i) => {
    const value = tierValue(tier, facts);
    if (value !== null && meetsThreshold(tier, value)) chosen = { amount: paramDecimal(tier.amount), source: tier.amount, tier: i + 1 };
  });
  return chosen;
}

/**
 * The nested limits a row of this cap tier shares with the entity's other rows of the measure (RULES.md
 * "M1's two caps together"): rows of tier k share tier k's amount with every row of a lower tier, so 第1条's
 * rows at or below its second investment level share the lower cap among themselves and the higher cap with the
 * rows above it. The total an entity receives
 * does not depend on the order of its rows. A measure without tiers has one limit, its cap.
 */
export function capLimits(params: MeasureParams, tier: number): { tier: number; amount: Money }[] {
  const cap = params.cap;
  const base = cap?.amount ?? (params.kind === "fixed" ? params.amount : undefined);
  if (!cap || !base) return [];
  const amounts = [paramDecimal(base), ...(cap.tiers ?? []).map((t) => paramDecimal(t.amount))];
  return amounts.slice(tier).map((amount, i) => ({ tier: tier + i, amount }));
}

function tierValue(tier: CapTier, facts: ApplicationFacts): Decimal | null {
  const raw = facts[tier.field];
  return raw === null || raw === undefined || raw === "" ? null : dec(raw as DecimalInput);
}
