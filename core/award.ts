import { InputError } from "./errors/errors";
import { ApplicationFacts, Award } from "./measures/types";
import { awardFor } from "./measures";
import { FACT_LABELS, capFor } from "./measures/award-builder";
import { MeasureId, clauseCitation, parseMeasureId } from "./measures/measure-id";
import { DecimalInput, Money } from "./money/money";
import { nonNegativeAmount } from "./money/input";
import { OptionsInput, awardContext, resolveOptions } from "./options";
import { measureParams } from "./policy/registry";
import { MeasureKind } from "./policy/types";

/**
 * One applicant, one measure: the award with its cap, status, reasons, citation and trace. `measure`
 * accepts every spelling parseMeasureId does; `year` is the award year: with it an interest subsidy is that
 * year's (interestWindow `award-year`, the default), without it the whole window of the loan inside the policy
 * period (`loan`). Bad input gives an `error` award, never an exception (except for an unknown measure or
 * option, which are the caller's mistakes, not the applicant's).
 */
export function computeAward(
  measure: string | number,
  facts: ApplicationFacts,
  options: OptionsInput & { year?: number; trace?: boolean } = {},
): Award {
  const id = parseMeasureId(measure);
  const interestWindow = options.interestWindow ?? (options.year === undefined ? "loan" : undefined);
  return awardFor(id, facts, { ...awardContext(resolveOptions({ ...options, interestWindow }), options.year), trace: options.trace });
}

/** The trace as lines a person reads. */
export function traceLines(award: Pick<Award, "trace">, language: "zh" | "en"): string[] {
  return award.trace.map((step) => step[language]);
}

/**
 * The cap of a measure for these facts (第1条's depends on total investment), or null when the measure has
 * none (第14条, measures without cash). A fact a cap tier needs but that is missing is an InputError.
 */
export function measureCap(measure: string | number, facts: ApplicationFacts = {}, options: OptionsInput = {}): Money | null {
  const id = parseMeasureId(measure);
  const params = measureParams(resolveOptions(options).policy, id);
  for (const tier of params.cap?.tiers ?? []) {
    const value = facts[tier.field];
    if (value === null || value === undefined || value === "") {
      const label = FACT_LABELS[tier.field];
      throw new InputError(
        "missing",
        tier.field,
        `${clauseCitation(id)}的上限取决于${label.zh}`,
        `the cap of ${id} depends on ${label.en}: give it`,
      );
    }
    nonNegativeAmount(value as DecimalInput, tier.field, FACT_LABELS[tier.field]);
  }
  return capFor(params, facts)?.amount ?? null;
}

/** The measures a kind of rule serves, from the parameter set (e.g. the loan-interest measures). */
export function measuresOfKind(kind: MeasureKind, options: OptionsInput = {}): MeasureId[] {
  return resolveOptions(options)
    .policy.measures.filter((m) => m.kind === kind)
    .map((m) => m.id as MeasureId);
}
