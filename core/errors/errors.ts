import { Reason, reason } from "../reasons/reasons";

/**
 * A problem with one input: which field, and what was expected. Inside the core it is thrown and caught at
 * the row boundary, where it becomes the row's `error` status; the custom-function host turns it into the
 * matching Excel error (#VALUE!, #NUM!, #N/A).
 */
export type InputProblem =
  /** absent where the rule needs it */
  | "missing"
  /** wrong kind of value (text where a number was expected, an unknown code) */
  | "type"
  /** a number that cannot be (negative money, a rate above 1, an end before the start) */
  | "range";

export class InputError extends Error {
  readonly problem: InputProblem;
  readonly field: string;
  readonly reason: Reason;

  constructor(problem: InputProblem, field: string, zh: string, en: string, code?: Reason["code"]) {
    super(en);
    this.name = "InputError";
    this.problem = problem;
    this.field = field;
    this.reason = reason(code ?? (problem === "missing" ? "missing_field" : "bad_value"), zh, en, field);
  }
}

/** The one-year LPR is not known for a date: never guessed, the caller is told how to supply it. */
export class LprUnknownError extends Error {
  readonly date: string;
  readonly reason: Reason;

  /**
   * `knownZh`/`knownEn`: what the table covers, for the message; `field`: the input whose date needs the rate
   * (startDate, endDate, or HLJ.LPR's date).
   */
  constructor(date: string, knownZh: string, knownEn: string, field = "date") {
    const en =
      `The one-year LPR in force on ${date} is not known (the LPR table covers ${knownEn}). ` +
      `Supply it: give the rate explicitly, pass an LPR table range (effective date, rate), or add an "LPR" sheet (日期, 利率) to the workbook.`;
    const zh =
      `${date}适用的一年期LPR未知（LPR表覆盖${knownZh}）。` +
      `请补充：直接给出利率，或传入LPR表区域（生效日期、利率），或在工作簿中添加“LPR”工作表（日期、利率）。`;
    super(en);
    this.name = "LprUnknownError";
    this.date = date;
    this.reason = reason("lpr_unknown", zh, en, field);
  }
}

/** A parameter set that does not have the shape the rules need; lists every problem found. */
export class PolicyDataError extends Error {
  readonly problems: readonly string[];
  constructor(policyId: string, problems: readonly string[]) {
    super(`parameter set ${JSON.stringify(policyId)} is not usable:\n- ${problems.join("\n- ")}`);
    this.name = "PolicyDataError";
    this.problems = problems;
  }
}
