/**
 * 第4条 支持跨境电商企业拓展进出口渠道 — two one-time subsidies, each a share of the year's costs with an annual
 * cap per entity, for a cross-border business whose annual import+export first reaches (首次达到: inclusive,
 * and the first time) its threshold:
 * (1) M4a an independent website: site build and (cloud) server rental costs;
 * (2) M4b a shop on a third-party cross-border platform: entry and promotion fees.
 * Words and numbers: parameter set, measures M4a and M4b.
 */
import { measureParams, paramDecimal } from "../policy/lookup";
import { Decimal, DecimalInput, formatRate, formatYuan, roundToFen } from "../money/money";
import { nonNegativeAmount } from "../money/input";
import { ParameterSet, RuleField } from "../policy/types";
import { AwardBuilder } from "./award-builder";
import { FastRule, fenParamsOf, settlePercentageFen } from "./fast";
import { parseMeasureId } from "./measure-id";
import { ApplicationFacts, Award, AwardContext } from "./types";

/** The fields of M4a's and M4b's entries their rule reads: 首次达到 asks for the firstTime fact. */
export const readsM4: readonly RuleField[] = ["base", "baseTitle", "threshold", "rate", "cap", "oneTime", "needsFirstTime"];

export function awardM4a(facts: ApplicationFacts, context: AwardContext): Award {
  return awardCrossBorder("M4a", facts, context);
}

export function awardM4b(facts: ApplicationFacts, context: AwardContext): Award {
  return awardCrossBorder("M4b", facts, context);
}

function awardCrossBorder(measure: "M4a" | "M4b", facts: ApplicationFacts, context: AwardContext): Award {
  return new AwardBuilder(measure, context).run((b) => {
    const importExport = b.amountFact(facts, "importExport");
    const firstTime = b.flagFact(facts, "firstTime");
    const costs = b.amountFact(facts, "eligibleCosts");
    b.step("first-time", () => [`首次达到 ${firstTime ? "是" : "否"}`, `first time ${firstTime ? "yes" : "no"}`]);
    if (!firstTime) {
      b.ineligible(
        "not_first_time",
        "年度进出口额并非首次达到门槛（第4条“首次达到”）",
        "import+export did not reach the threshold for the first time (第4条 首次达到)",
        "firstTime",
      );
    }
    b.threshold(b.params.threshold!, importExport);
    if (b.status !== "eligible") return;
    const rate = paramDecimal(b.params.rate!);
    const raw = costs.times(rate);
    const base = b.params.baseTitle!;
    b.step("amount", () => [
      `核算金额：${base.zh} ${formatYuan(costs)} × ${formatRate(rate)} = ${formatYuan(roundToFen(raw))}`,
      `Computed: ${base.en} ${formatYuan(costs)} × ${formatRate(rate)} = ${formatYuan(roundToFen(raw))}`,
    ]);
    b.settle(raw, facts);
  });
}

const CHANNEL_WORDS: Readonly<Record<string, "M4a" | "M4b">> = {
  site: "M4a",
  独立站: "M4a",
  "independent site": "M4a",
  website: "M4a",
  platform: "M4b",
  平台: "M4b",
  第三方平台: "M4b",
  "third-party platform": "M4b",
};

/** 第4条's two channels as people name them — 独立站/site → M4a, 平台/platform → M4b (also 4a, M4b…) — or null. */
export function crossBorderMeasure(channel: string): "M4a" | "M4b" | null {
  const text = channel.trim().toLowerCase();
  const byWord = CHANNEL_WORDS[text];
  if (byWord) return byWord;
  try {
    const id = parseMeasureId(text);
    return id === "M4a" || id === "M4b" ? id : null;
  } catch {
    return null;
  }
}

/** 第4条's rule in whole fen (measures/fast.ts). */
function fastCrossBorder(measure: "M4a" | "M4b"): FastRule {
  return (facts, row, context, out) => {
    const params = fenParamsOf(context.policy, measure);
    const importExport = facts.importExport[row];
    const firstTime = facts.firstTime[row];
    const costs = facts.eligibleCosts[row];
    if (!params || Number.isNaN(importExport) || firstTime < 0 || Number.isNaN(costs)) return false;
    out.status = "eligible";
    if (firstTime === 0) {
      out.status = "ineligible";
      out.codes.push("not_first_time");
    }
    settlePercentageFen(params, facts, row, importExport, costs, out);
    return true;
  };
}

/**
 * Whether a row's import+export reaches its part's threshold (达到, ≥): evidence against a 首次达到 claimed for a
 * later year of the same site (M4a) or entity (M4b) (RULES.md revision 3). An absent or unreadable figure is none.
 */
export function reachesCrossBorderThreshold(
  policy: ParameterSet,
  measure: "M4a" | "M4b",
  importExport: DecimalInput | null | undefined,
): boolean {
  const threshold = measureParams(policy, measure).threshold!;
  let value: Decimal;
  try {
    value = nonNegativeAmount(importExport, "importExport", { zh: "年度进出口额", en: "import+export" });
  } catch {
    return false;
  }
  const bound = paramDecimal(threshold);
  return threshold.comparison === ">" ? value.greaterThan(bound) : value.greaterThanOrEqualTo(bound);
}

/** The same in whole fen (NaN: not read). */
export function reachesCrossBorderThresholdFen(policy: ParameterSet, measure: "M4a" | "M4b", fen: number): boolean {
  return !Number.isNaN(fen) && reachesCrossBorderThreshold(policy, measure, new Decimal(fen).div(100));
}

export const fastM4a = fastCrossBorder("M4a");
export const fastM4b = fastCrossBorder("M4b");
