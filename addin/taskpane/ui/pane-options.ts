/**
 * The options the pane screens with, shared by App and its tabs (below them all, so no tab imports App or
 * another tab for a type).
 */
import { OPTION_CHOICES, OptionsInput, listParameterSets, getParameterSet, parseIsoDate } from "../../../core";
import { PaneHost } from "../host";

/** The options of RULES.md, remembered in the workbook's document settings. */
export type PaneOptions = Required<Pick<OptionsInput, "lprMode" | "dayCount" | "dedupScope" | "otherSupport" | "interestWindow">> & {
  policy: string;
  /** The policy's issue date (YYYY-MM-DD), the first day interest is subsidised; "" for the parameter set's. */
  effectiveFrom: string;
};

export const SETTINGS_KEY = "hljScreeningOptions";

export function loadOptions(host: PaneHost): PaneOptions {
  const saved = host.loadSetting<Partial<PaneOptions>>(SETTINGS_KEY) ?? {};
  const policy = getParameterSet();
  const pick = <K extends keyof typeof OPTION_CHOICES>(key: K): (typeof OPTION_CHOICES)[K][number] =>
    ((OPTION_CHOICES[key] as readonly string[]).includes(saved[key] as string)
      ? saved[key]
      : OPTION_CHOICES[key][0]) as (typeof OPTION_CHOICES)[K][number];
  return {
    lprMode: pick("lprMode"),
    dedupScope: pick("dedupScope"),
    otherSupport: pick("otherSupport"),
    interestWindow: pick("interestWindow"),
    dayCount: policy.interestSubsidy.dayCountBases.value.includes(Number(saved.dayCount))
      ? Number(saved.dayCount)
      : policy.interestSubsidy.dayCountBases.value[0],
    policy: listParameterSets().some((s) => s.id === saved.policy) ? saved.policy! : policy.id,
    effectiveFrom: typeof saved.effectiveFrom === "string" && parseIsoDate(saved.effectiveFrom) !== null ? saved.effectiveFrom : "",
  };
}
