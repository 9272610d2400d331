/**
 * What the measures' rules look up in a parameter set: a measure's parameters, its citation, a number as a
 * Decimal or as yuan text. Below the registry (which validates and registers sets, and checks each measure's
 * fields against what its rule reads), so that the rules import this and the registry may import the rules'
 * declarations without a circle.
 */
import { PolicyDataError } from "../errors/errors";
import { Decimal, formatYuan } from "../money/money";
import { MeasureId } from "../measures/measure-id";
import { Localized, MeasureParams, Param, ParameterSet } from "./types";

const measuresById = new WeakMap<ParameterSet, Map<string, MeasureParams>>();

export function measureParams(set: ParameterSet, id: MeasureId): MeasureParams {
  let byId = measuresById.get(set);
  if (!byId) measuresById.set(set, (byId = new Map(set.measures.map((m) => [m.id, m]))));
  const params = byId.get(id);
  if (!params) throw new PolicyDataError(set.id, [`measure ${id} is missing`]);
  return params;
}

const citations = new WeakMap<MeasureParams, string>();

/** `《policy title》第1条 measure title [policy id]`, made once per measure. */
export function measureCitation(set: ParameterSet, id: MeasureId, clause: string): string {
  const params = measureParams(set, id);
  let citation = citations.get(params);
  if (citation === undefined) {
    citation = `《${set.title.zh}》${clause} ${params.title.zh} [${set.id}]`;
    citations.set(params, citation);
  }
  return citation;
}

const decimals = new WeakMap<object, Decimal>();

/** A parameter's value as a Decimal, made once per parameter (sets are frozen). */
export function paramDecimal(param: Param): Decimal {
  let value = decimals.get(param);
  if (value === undefined) {
    value = new Decimal(param.value);
    decimals.set(param, value);
  }
  return value;
}

const yuanTexts = new WeakMap<object, string>();

/** A parameter's amount as people read it (`5,000,000.00`), made once per parameter. */
export function paramYuan(param: Param): string {
  let text = yuanTexts.get(param);
  if (text === undefined) yuanTexts.set(param, (text = formatYuan(paramDecimal(param))));
  return text;
}

/**
 * The issue date (option effectiveFrom) as every output that depends on it names it: the set's own words when
 * it is the set's date (a stand-in says it is one and that the issued text's date prevails), else the date the
 * option gave.
 */
export function effectiveFromWords(set: ParameterSet, effectiveFrom: string): Localized {
  const own = set.subsidyPeriod.effectiveFrom;
  if (effectiveFrom === own.value) return own.title;
  return { zh: `自${effectiveFrom}起施行（按所选施行日期）`, en: `in force from ${effectiveFrom} (option effectiveFrom)` };
}
