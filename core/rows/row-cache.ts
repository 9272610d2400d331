/** What reading and deciding rows remember within one batch: checked codes, award contexts, parsed measures. */
import { InputError } from "../errors/errors";
import { MeasureRef } from "../measures/measure-id";
import { AwardContext } from "../measures/types";
import { UsccCheck, checkUscc, cityOfDivision, isHeilongjiangNormalForm } from "../uscc/uscc";

/** Per-batch memo: entities and years repeat across rows. */
export interface RowCache {
  uscc: Map<string, { check: UsccCheck; city: string; inProvince: boolean }>;
  contexts: Map<number, AwardContext>;
  /** Measure cells as written → their parse (an id, or the InputError to report). */
  measures: Map<string | number, MeasureRef | InputError>;
}

export function newRowCache(): RowCache {
  return { uscc: new Map(), contexts: new Map(), measures: new Map() };
}

/** A credit code as written, checked once per batch: its normal form, city and province. */
export function checkedEntity(raw: string, cache: RowCache) {
  let entry = cache.uscc.get(raw);
  if (!entry) {
    const check = checkUscc(raw);
    // The code is normalised already: its division is read once, not normalised again for each question.
    const division = check.valid ? check.normalised.slice(2, 8) : "";
    entry = {
      check,
      city: check.valid ? (cityOfDivision(division)?.zh ?? "") : "",
      inProvince: check.valid && isHeilongjiangNormalForm(check.normalised),
    };
    cache.uscc.set(raw, entry);
  }
  return entry;
}
