import { ApplicationFacts, Award } from "./measures/types";
import { awardFor } from "./measures";
import { parseMeasureId } from "./measures/measure-id";
import { OptionsInput, awardContext, resolveOptions } from "./options";

/**
 * One applicant, one measure: the award with its cap, status, reasons, citation and trace. `measure`
 * accepts every spelling parseMeasureId does; `year` is the award year (needed for interestWindow
 * `award-year`). Bad input gives an `error` award, never an exception (except for an unknown measure or
 * option, which are the caller's mistakes, not the applicant's).
 */
export function computeAward(measure: string | number, facts: ApplicationFacts, options: OptionsInput & { year?: number } = {}): Award {
  const id = parseMeasureId(measure);
  return awardFor(id, facts, awardContext(resolveOptions(options), options.year));
}

/** The trace as lines a person reads. */
export function traceLines(award: Pick<Award, "trace">, language: "zh" | "en"): string[] {
  return award.trace.map((step) => step[language]);
}
