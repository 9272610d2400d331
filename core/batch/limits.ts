import { capLimits } from "../measures/award-builder";
import { MeasureId } from "../measures/measure-id";
import { Money } from "../money/money";
import { measureParams } from "../policy/registry";
import { ParameterSet } from "../policy/types";

const limitsCache = new WeakMap<ParameterSet, Map<string, { tier: number; amount: Money }[]>>();

/** The nested limits of a measure's cap tier, made once per parameter set. */
export function limitsOf(policy: ParameterSet, measure: MeasureId, tier: number): { tier: number; amount: Money }[] {
  let byKey = limitsCache.get(policy);
  if (!byKey) limitsCache.set(policy, (byKey = new Map()));
  const key = `${measure}|${tier}`;
  let limits = byKey.get(key);
  if (!limits) byKey.set(key, (limits = capLimits(measureParams(policy, measure), tier)));
  return limits;
}
