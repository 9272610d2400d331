import { IsoDate, parseIsoDate } from "./dates/civil-date";
import { InputError } from "./errors/errors";
import { LprTable, SuppliedLprEntry, builtInLprTable, withSuppliedLpr } from "./lpr/lpr-table";
import { DayCountBasis, LprMode } from "./lpr/interest-subsidy";
import { AwardContext, InterestWindow } from "./measures/types";
import { getParameterSet } from "./policy/registry";
import { ParameterSet } from "./policy/types";

export type DedupScope = "entity-year" | "entity-project";
export type OtherSupportMode = "top-up" | "exclude";

/** The options of RULES.md, all shown in every output. */
export interface Options {
  lprMode: LprMode;
  dayCount: DayCountBasis;
  dedupScope: DedupScope;
  otherSupport: OtherSupportMode;
  interestWindow: InterestWindow;
  /**
   * The first day interest may be subsidised: the policy's issue date (自印发之日起施行). Default: the parameter
   * set's (for the draft its stand-in, the draft's publication date, marked assumed).
   */
  effectiveFrom: IsoDate;
  /** Parameter-set id. */
  policy: string;
}

export interface OptionsInput extends Partial<Omit<Options, "policy">> {
  /** A registered set's id, or a set itself (e.g. loaded from a JSON file). */
  policy?: string | ParameterSet;
  /** (date, rate) entries that extend or override the built-in one-year LPR table. */
  lprEntries?: readonly SuppliedLprEntry[];
}

export const OPTION_CHOICES = {
  lprMode: ["fixed", "floating"],
  dedupScope: ["entity-year", "entity-project"],
  otherSupport: ["top-up", "exclude"],
  interestWindow: ["award-year", "loan"],
} as const;

export interface ResolvedOptions {
  options: Options;
  policy: ParameterSet;
  lpr: LprTable;
}

/** Fills defaults and checks every option; an unknown value names the option and the allowed values. */
export function resolveOptions(input: OptionsInput = {}): ResolvedOptions {
  const policy = getParameterSet(input.policy);
  const bases = policy.interestSubsidy.dayCountBases.value;
  const options: Options = {
    lprMode: choice("lprMode", input.lprMode, OPTION_CHOICES.lprMode),
    dayCount: input.dayCount ?? bases[0],
    dedupScope: choice("dedupScope", input.dedupScope, OPTION_CHOICES.dedupScope),
    otherSupport: choice("otherSupport", input.otherSupport, OPTION_CHOICES.otherSupport),
    interestWindow: choice("interestWindow", input.interestWindow, OPTION_CHOICES.interestWindow),
    effectiveFrom: effectiveFromOption(input.effectiveFrom, policy),
    policy: policy.id,
  };
  const dayCount = Number(options.dayCount);
  if (!bases.includes(dayCount)) {
    throw new InputError(
      "type",
      "dayCount",
      `计息基准只能是 ${bases.join(" 或 ")}`,
      `dayCount must be one of ${bases.join(", ")} (got ${JSON.stringify(input.dayCount)})`,
    );
  }
  options.dayCount = dayCount;
  const lpr = withSuppliedLpr(builtInLprTable(), input.lprEntries ?? [], "lprEntries");
  return { options, policy, lpr };
}

/** A date (YYYY-MM-DD) not after the end of the policy's period; absent: the parameter set's issue date. */
function effectiveFromOption(value: unknown, policy: ParameterSet): IsoDate {
  if (value === undefined || value === null || value === "") return policy.subsidyPeriod.effectiveFrom.value;
  const end = policy.subsidyPeriod.end;
  // The example is the set's own issue date (its stand-in for the draft): no date of the policy is written here.
  const example = policy.subsidyPeriod.effectiveFrom.value;
  if (typeof value !== "string" || parseIsoDate(value) === null) {
    throw new InputError(
      "type",
      "effectiveFrom",
      `施行日期须为日期，如 ${example}，而不是 ${JSON.stringify(value)}`,
      `option effectiveFrom (the policy's issue date) must be a date YYYY-MM-DD such as ${example}, not ${JSON.stringify(value)}`,
    );
  }
  if (value > end) {
    throw new InputError(
      "range",
      "effectiveFrom",
      `施行日期 ${value} 晚于政策有效期截止日 ${end}`,
      `option effectiveFrom (the policy's issue date) ${value} is after the end of the policy's period, ${end}`,
    );
  }
  return value;
}

function choice<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (value === undefined || value === null || value === "") return allowed[0];
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(
    "type",
    name,
    `选项 ${name} 只能是 ${allowed.join(" 或 ")}`,
    `option ${name} must be ${allowed.join(" or ")} (got ${JSON.stringify(value)})`,
  );
}

/** The context one award needs, from options and the award year. */
export function awardContext(resolved: ResolvedOptions, year?: number): AwardContext {
  const { options, policy, lpr } = resolved;
  const { lprMode, dayCount, interestWindow, effectiveFrom } = options;
  return { policy, lpr, lprMode, dayCount, interestWindow, effectiveFrom, year };
}
