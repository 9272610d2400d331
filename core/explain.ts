import type { CapUse, DedupOutcome, ResultRow } from "./rows/types";
import { InterestSubsidyResult } from "./lpr/interest-subsidy";
import { describeFirstDay, interestLines } from "./lpr/interest-words";
import { awardFor } from "./measures";
import { MeasureId, clauseCitation } from "./measures/measure-id";
import { ApplicationFacts, Award, AwardContext, TraceStep } from "./measures/types";
import { formatYuan } from "./money/money";
import { Localized } from "./policy/types";
import { Reason, ReasonCode } from "./reasons/reasons";
import { STATUS_TERMS } from "./words/glossary";
import { Line, capLine, conclusionLine, reasonLine } from "./words/explain-lines";

/**
 * The calculation appendix (SCREENING.md revision 3, 附件：计算明细): each application as short labelled lines,
 * `标签：内容` in Chinese, `Label: text` in English, joined by "\n" — the clause, the condition, the calculation
 * (the measure's trace: lpr/interest-words.ts for the 据实贴息), the cap, what the batch did (claim, other support,
 * history, 从优不重复) and the conclusion. Amounts with thousands separators and two decimals, end dates inclusive.
 */

/** Collects lines in both languages. */
class Lines {
  readonly zh: string[] = [];
  readonly en: string[] = [];
  add([zh, en]: Line): void {
    this.zh.push(zh);
    this.en.push(en);
  }
  joined(): Localized {
    return { zh: this.zh.join("\n"), en: this.en.join("\n") };
  }
}

/** The codes whose absence means the condition is met. */
const CONDITION_CODES: ReadonlySet<ReasonCode> = new Set(["below_threshold", "not_qualified", "not_above_size", "not_first_time"]);
const CONDITION_STEPS = new Set(["qualification", "first-time", "threshold"]);
/** Steps not shown: the inputs (their values are in the lines), an error (the reason says it). */
const HIDDEN_STEPS = new Set(["inputs", "error"]);

function clauseLine(award: Pick<Award, "clause" | "title">): Line {
  return [`申报条款：${award.clause} ${award.title.zh}`, `Clause: ${award.clause} ${award.title.en}`];
}

/**
 * The award's own lines: its condition in one line (qualification, first time, threshold: 符合 or 不符合), then its
 * calculation steps. `withCap` false leaves out the cap step (the batch's cap line says it); `firstDay` adds the
 * 起算日 line, the first subsidised day and what it rests on (the screened rows leave it to the appendix's heading).
 */
function awardLines(award: Award, lines: Lines, withCap: boolean, firstDay: boolean): void {
  const condition: TraceStep[] = award.trace.filter((s) => CONDITION_STEPS.has(s.step));
  if (condition.length) {
    const met = !award.reasons.some((r) => CONDITION_CODES.has(r.code));
    lines.add([
      `条件：${condition.map((s) => s.zh).join("；")}，${met ? "符合" : "不符合"}`,
      `Condition: ${condition.map((s) => s.en).join("; ")}: ${met ? "met" : "not met"}`,
    ]);
  }
  let windowSeen = false;
  for (const step of award.trace) {
    if (CONDITION_STEPS.has(step.step) || HIDDEN_STEPS.has(step.step) || step.step === "first-day") continue;
    if (step.step === "cap" && !withCap) continue;
    lines.add([step.zh, step.en]);
    if (step.step === "interest" && !windowSeen) {
      // After the window: the first subsidised day, named for every loan when asked (the functions' explain).
      windowSeen = true;
      const first = award.interest && firstDay ? describeFirstDay(award.interest, true) : null;
      if (first) lines.add(first);
    }
  }
}

/** The award's reasons its steps do not show (the applicant's registration: a person checks it; 第19条's organ). */
function ownReasonLines(reasons: readonly Reason[], lines: Lines): void {
  for (const r of reasons) {
    if (r.code === "not_government") lines.add(reasonLine(r)!);
    if (r.code === "out_of_province") {
      const [zh, en] = reasonLine(r)!;
      lines.add([`${zh}，需人工核对`, `${en}: a person checks`]);
    }
  }
}

/**
 * The lines for a single award (the custom functions' `explain` argument): clause, the inputs, condition,
 * calculation, cap, and the conclusion — joined by "\n".
 */
export function explainAward(award: Award, language: "zh" | "en"): string {
  const lines = new Lines();
  lines.add(clauseLine(award));
  const inputs = award.trace.find((s) => s.step === "inputs");
  if (inputs) lines.add([inputs.zh, `Inputs: ${inputs.en.replace(/^inputs: /, "")}`]);
  if (award.status === "error") {
    for (const r of award.reasons) if (r.severity === "error") lines.add([`数据有误：${r.zh}`, `Data error: ${r.en}`]);
  } else {
    awardLines(award, lines, true, true);
    ownReasonLines(award.reasons, lines);
  }
  const status = STATUS_TERMS[award.status];
  const amount = formatYuan(award.amount);
  if (award.status === "eligible") lines.add([`结论：${status.zh} ${amount}`, `Result: ${status.en.toLowerCase()}, ${amount}`]);
  else lines.add(conclusionLine({ status: award.status, reasons: award.reasons, final: award.amount }, status));
  return lines.joined()[language];
}

/** The lines of the 据实贴息 of one loan (HLJ.LPR_INTEREST's explanation): window, rate, interest, result. */
export function explainInterest(interest: InterestSubsidyResult, language: "zh" | "en"): string {
  const lines = new Lines();
  for (const line of interestLines(interest)) lines.add(line);
  const amount = formatYuan(interest.amount);
  lines.add([`结论：据实贴息 ${amount}`, `Result: interest subsidy ${amount}`]);
  return lines.joined()[language];
}

/** Reasons the batch added to a row (not its award's own), in order. */
function batchReasons(row: Pick<ResultRow, "reasons">, award: Award | null): Reason[] {
  const own = new Set((award?.reasons ?? []).map((r) => `${r.code}|${r.zh}`));
  return row.reasons.filter((r) => !own.has(`${r.code}|${r.zh}`));
}

/** The 从优不重复 line of a row that won over other measures of its scope. */
function winnerLine(dedup: DedupOutcome, measure: MeasureId | null, year: number | null): Line | null {
  if (!dedup.won) return null;
  const others = dedup.met.filter((m) => m !== measure).map((m) => clauseCitation(m));
  if (!others.length) return null;
  const when = year !== null ? `${year}年度` : "";
  return [
    `从优不重复：与同一企业${when}的${others.join("、")}相比，按本条支持`,
    `No duplication: against ${others.join(", ")} of the entity's ${year ?? ""} award, this clause is paid`,
  ];
}

/**
 * The account of how a screened row's amount came about (SCREENING.md "explain", revision 3's appendix): the
 * row's own calculation, then what the batch did to it — claim, other support, history, the cap with what history
 * and earlier rows had used, the 不重复 decision — and the conclusion, one labelled line each, joined by "\n".
 * The row's own calculation is made again here, with its trace, so a batch that never shows explanations builds none.
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
  const lines = new Lines();
  const award =
    measure && context ? (traced && traced.trace.length ? traced : awardFor(measure, facts, { ...context, trace: true })) : null;
  if (award) lines.add(clauseLine(award));
  else if (row.clause) lines.add([`申报条款：${row.clause}`, `Clause: ${row.clause}`]);
  if (row.status === "error") {
    for (const r of row.reasons) if (r.severity === "error") lines.add([`数据有误：${r.zh}`, `Data error: ${r.en}`]);
  } else {
    if (award && award.status !== "error") {
      // An ineligible row's own cap decides nothing; the stand-in issue date is said in the appendix's heading.
      awardLines(award, lines, capUse === null && row.status !== "ineligible", false);
      ownReasonLines(award.reasons, lines);
    }
    if (capUse) {
      const over = award && award.computed && award.cap && award.computed.greaterThan(award.cap) ? formatYuan(award.computed) : null;
      lines.add(capLine(capUse, over));
    }
    const fromBatch = batchReasons(row, award);
    const superseded = fromBatch.filter((r) => r.code === "superseded_by");
    for (const r of fromBatch) {
      if (r.code === "superseded_by") continue;
      const line = reasonLine(r);
      if (line) lines.add(line);
    }
    if (superseded.length) lines.add(reasonLine(superseded[0])!);
    else if (dedup) {
      const line = winnerLine(dedup, measure, row.year);
      if (line) lines.add(line);
    }
  }
  lines.add(conclusionLine(row, STATUS_TERMS[row.status as keyof typeof STATUS_TERMS] ?? { zh: row.status, en: row.status }));
  return lines.joined();
}
