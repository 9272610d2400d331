import type { CapUse, DedupOutcome, ResultRow } from "./rows/types";
import { InterestSubsidyResult, describePeriod } from "./lpr/interest-subsidy";
import { awardFor } from "./measures";
import { MeasureId, clauseCitation } from "./measures/measure-id";
import { ApplicationFacts, Award, AwardContext } from "./measures/types";
import { formatRate, formatYuan } from "./money/money";
import { Localized } from "./policy/types";
import { STATUS_WORDS } from "./reasons/reasons";

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
  const word = STATUS_WORDS[award.status];
  parts.push(zh ? `结果 ${formatYuan(award.amount)}（${word.zh}）` : `result ${formatYuan(award.amount)} (${word.en.toLowerCase()})`);
  return parts.join(zh ? "｜" : " | ");
}

/** LPR and days, the window (and what cut it: the policy period, the award year) and the rates applied, and the 据实 limit when it bit. */
function interestParts(interest: InterestSubsidyResult, language: "zh" | "en"): string[] {
  const zh = language === "zh";
  const rates = [...new Set(interest.segments.map((s) => formatRate(s.appliedRate)))].join("/") || "—";
  const lpr = interest.fixedLpr
    ? `${zh ? "同期LPR" : "LPR (fixed)"} ${formatRate(interest.fixedLpr.rate)}`
    : zh
      ? "浮动LPR"
      : "LPR (floating)";
  const cuts: string[] = [];
  if (interest.period) cuts.push(describePeriod(interest.period)[zh ? 0 : 1]);
  if (interest.awardYear !== undefined) cuts.push(zh ? `${interest.awardYear}年度` : `award year ${interest.awardYear}`);
  const cut = cuts.length ? (zh ? `（${cuts.join("，")}）` : ` (${cuts.join(", ")})`) : "";
  const parts = [
    zh
      ? `${lpr}，${interest.days}天 ${interest.windowStart}至${interest.windowEnd}${cut}，适用利率 ${rates}，实际/${interest.dayCount}`
      : `${lpr}, ${interest.days} days ${interest.windowStart} → ${interest.windowEnd}${cut}, applied ${rates}, actual/${interest.dayCount}`,
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

const SKIPPED_STEPS = new Set(["error", "qualification", "first-time"]);

/**
 * The one-line account of how a screened row's amount came about (SCREENING.md "explain"): the row's own
 * calculation (inputs, window, each LPR segment with its effective date, rate and days, the amount and the
 * row's cap), then what the batch did to it — claim, other support, history, the shared cap with what
 * history and earlier rows had used, and the 不重复 decision — and the final amount. The row's own
 * calculation is made again here, with its trace, so a batch that never shows explanations builds none.
 */
export function explainRow(
  row: Pick<ResultRow, "measure" | "clause" | "status" | "final" | "reasons" | "source" | "year">,
  measure: MeasureId | null,
  facts: ApplicationFacts,
  context: AwardContext | null,
  capUse: CapUse | null,
  dedup: DedupOutcome | null,
  /** The row's award already made with its trace, to use instead of making it again. */
  traced?: Award | null,
): Localized {
  const parts = { zh: [] as string[], en: [] as string[] };
  const add = (zh: string, en: string) => {
    parts.zh.push(zh);
    parts.en.push(en);
  };
  const byCode = (code: string) => row.reasons.filter((r) => r.code === code);
  if (measure && context) {
    const award = traced && traced.trace.length ? traced : awardFor(measure, facts, { ...context, trace: true });
    add(`${award.clause} ${award.title.zh}`, `${award.clause} ${award.title.en}`);
    // The inputs already say yes/no for the qualification and first-time facts; the rest is the calculation.
    for (const step of award.trace) if (!SKIPPED_STEPS.has(step.step)) add(step.zh, step.en);
    if (award.computed !== null && award.status !== "error" && award.status !== "not_cash") {
      add(`本行金额 ${formatYuan(award.amount)}`, `this row alone ${formatYuan(award.amount)}`);
    }
  } else if (measure) {
    add(row.clause, row.clause);
  }
  const batchCodes = [
    "claim_lower_than_computed",
    "claim_exceeds_computed",
    "other_support_excluded",
    "other_support_higher",
    "other_support_deducted",
    "manual_review",
    "history_two_parts",
    "history_tier_unknown",
    "already_received",
    "outside_validity",
    "out_of_province",
  ];
  if (row.status === "error") {
    for (const r of row.reasons) if (r.severity === "error") add(r.zh, r.en);
  } else {
    for (const code of batchCodes) {
      for (const r of byCode(code)) add(r.zh, r.en);
    }
    if (capUse) {
      const cut = byCode("cap_applied").find((r) => r.zh.includes("已使用"));
      if (cut) add(cut.zh, cut.en);
      else {
        const used = capUse.history.plus(capUse.earlierYears).plus(capUse.earlierRows);
        add(
          `共享上限 ${formatYuan(capUse.limit)}：历史兑现 ${formatYuan(capUse.history)}、本批以前年度 ${formatYuan(capUse.earlierYears)}、本年度前序行 ${formatYuan(capUse.earlierRows)} 共已使用 ${formatYuan(used)}，剩余 ${formatYuan(capUse.remaining)}，未触及`,
          `shared cap ${formatYuan(capUse.limit)}: history ${formatYuan(capUse.history)}, earlier years ${formatYuan(capUse.earlierYears)} and earlier rows of the year ${formatYuan(capUse.earlierRows)} used ${formatYuan(used)}, remaining ${formatYuan(capUse.remaining)}: not reached`,
        );
      }
    }
    const superseded = byCode("superseded_by")[0];
    if (superseded) add(superseded.zh, superseded.en);
    else if (dedup?.won) {
      const others = dedup.met.filter((m) => m !== measure).map((m) => clauseCitation(m));
      add(
        `从优、就高、不重复：本行所属措施在同一主体${row.year ?? ""}年度的 ${others.join("、")} 中胜出`,
        `no duplication: this measure wins over ${others.join(", ")} for the entity's ${row.year ?? ""} award`,
      );
    }
  }
  const word = STATUS_WORDS[row.status] ?? { zh: row.status, en: row.status };
  add(`核定金额 ${formatYuan(row.final)}（${word.zh}）`, `final ${formatYuan(row.final)} (${word.en.toLowerCase()})`);
  return { zh: parts.zh.join("；"), en: parts.en.join("; ") };
}
