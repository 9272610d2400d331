/**
 * The readings and assumptions in force, said where they decide (RULES.md revision 3, change 8): the
 * entity-year scope of 不重复 (the text names no period: "同一法人主体"), the fixed 同期 LPR (the rate in force
 * on the loan's start date), and the stand-in issue date of a set that has none (marked `assumed`). Shown in
 * the JSON `options` block, the summary sheet's options and the command line's printed options.
 */
import { Options } from "../options";
import { getParameterSet } from "../policy/registry";
import { Localized } from "../policy/types";

/** The options as every output shows them: the options, and the assumptions in force with them. */
export type OptionsJson = Options & { assumptions: Localized[] };

const READINGS = {
  entityYear: {
    zh: "不重复按同一企业同一申报年度：原文“同一法人主体”未规定期间，按年度为本工具的解读",
    en: "no duplication per entity and award year: the text says 同一法人主体 (the same legal entity) and names no period; the year is a reading",
  },
  fixedLpr: {
    zh: "同期LPR取放款日适用的一年期LPR：“同期”按放款日解读",
    en: "同期 LPR is the one-year LPR in force on the loan's start date: a reading of 同期 (at the same time)",
  },
} as const;

/** The readings the options choose (the entity-year scope, the fixed 同期 LPR): none for the other choices. */
export function statedReadings(options: Pick<Options, "dedupScope" | "lprMode">): Localized[] {
  const readings: Localized[] = [];
  if (options.dedupScope === "entity-year") readings.push(READINGS.entityYear);
  if (options.lprMode === "fixed") readings.push(READINGS.fixedLpr);
  return readings;
}

/** The readings, then the stand-in issue date when the set's own assumed date is in force. */
export function statedAssumptions(options: Options): Localized[] {
  const own = getParameterSet(options.policy).subsidyPeriod.effectiveFrom;
  const standIn = own.assumed && options.effectiveFrom === own.value ? [own.title] : [];
  return [...statedReadings(options), ...standIn];
}

export function withAssumptions(options: Options): OptionsJson {
  return { ...options, assumptions: statedAssumptions(options) };
}
