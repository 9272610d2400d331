/** Deciding one row alone (RULES.md's per-row steps before claim and other support): the decimal reference, rule by rule, with its trace. */
import { InputError } from "../errors/errors";
import { Decimal, ZERO } from "../money/money";
import { optionalAmount } from "../money/input";
import { awardFor } from "../measures";
import { MeasureId, clauseCitation, parseMeasureId, parseMeasureRef } from "../measures/measure-id";
import { ApplicationFacts } from "../measures/types";
import { awardContext, resolveOptions } from "../options";
import { measureCitation, measureParams } from "../policy/registry";
import { ParameterSet } from "../policy/types";
import { Reason, reason } from "../reasons/reasons";
import { duplicateRowReason, outOfProvinceWarning, outsideValidityReason, rowReasons } from "./row-reasons";
import { RowCache, checkedEntity } from "./row-cache";
import { ApplicationRow, RowDecision, Working } from "./types";

/**
 * One row alone (RULES.md's per-row steps before claim and other support): shared with the screening engine,
 * which runs it for the rows its fast rules give back and to word any row's reasons.
 */
export function computeRow(
  row: ApplicationRow,
  index: number,
  resolved: ReturnType<typeof resolveOptions>,
  seen: Map<string, string>,
  cache: RowCache,
  /** Build the award's trace too (for an explanation made from the same award). */
  trace = false,
): Working {
  const { policy } = resolved;
  const source = row.source ?? `row ${index + 1}`;
  const found: Found = { errors: [...(row.inputErrors ?? [])], warnings: [] };
  const entity = checkEntity(row, cache, found);
  const measure = measureOf(row, policy, cache, found);
  checkYear(row.year, found);
  const { claimed, other } = amountsOf(row, found);
  const signature = rowSignature(row, entity.check.normalised);
  const firstSource = seen.get(signature);
  if (firstSource !== undefined) found.errors.push(duplicateRowReason(firstSource));
  else seen.set(signature, source);

  const working = startWorking(row, index, source, policy, entity, measure, claimed, other);
  const result = working.result;
  const year = result.year;
  if (found.errors.length > 0) {
    result.reasons = [...found.errors, ...found.warnings];
    return working;
  }
  if (year! < policy.validity.firstAwardYear.value || year! > policy.validity.lastAwardYear.value) {
    result.status = "ineligible";
    result.computed = ZERO;
    result.reasons = [outsideValidityReason(year!, policy), ...found.warnings];
    return working;
  }

  // The applicant's province is read from its code once; contexts are shared by the rows of a year and province.
  const valid = entity.check.valid;
  const contextKey = valid && !entity.inProvince ? -year! : year!;
  let context = cache.contexts.get(contextKey);
  if (!context) {
    context = { ...awardContext(resolved, year!), trace: false, applicantInProvince: valid ? entity.inProvince : undefined };
    cache.contexts.set(contextKey, context);
  }
  working.context = context;
  const award = awardFor(measure!, working.facts, trace ? { ...context, trace: true } : context);
  working.award = award;
  working.amount = award.amount;
  result.status = award.status;
  result.computed = award.computed;
  result.cap = award.cap;
  result.citation = award.citation;
  result.reasons = rowReasons(award.reasons, found.warnings);
  return working;
}

/** What reading a row found wrong (errors, in the order found) and worth a warning. */
interface Found {
  errors: Reason[];
  warnings: Reason[];
}

/** A field the host already reported as unreadable is not reported again as missing. */
const reported = (found: Found, field: string) => found.errors.some((e) => e.field === field);

function fail(found: Found, e: unknown): void {
  if (e instanceof InputError) found.errors.push(e.reason);
  else throw e;
}

function checkEntity(row: ApplicationRow, cache: RowCache, found: Found): ReturnType<typeof checkedEntity> {
  const rawEntity = typeof row.entityId === "string" ? row.entityId : row.entityId == null ? "" : String(row.entityId);
  const entity = checkedEntity(rawEntity, cache);
  const uscc = entity.check;
  if (!uscc.valid) {
    if (uscc.problem !== "empty") found.errors.push(reason("invalid_uscc", uscc.zh!, uscc.en!, "entityId"));
    else if (!reported(found, "entityId")) {
      found.errors.push(reason("missing_field", "缺少统一社会信用代码", "the Unified Social Credit Code is missing", "entityId"));
    }
  } else if (!entity.inProvince) {
    found.warnings.push(outOfProvinceWarning(uscc.normalised));
  }
  return entity;
}

/** The measure as written (第6条 settled by the 示范级别), or null with the reason. */
function measureOf(row: ApplicationRow, policy: ParameterSet, cache: RowCache, found: Found): MeasureId | null {
  let measure: MeasureId | null = null;
  try {
    if (row.measure === null || row.measure === undefined || row.measure === "") {
      if (!reported(found, "measure")) throw new InputError("missing", "measure", "缺少申报条款", "the measure (申报条款) is missing");
    } else {
      let ref = cache.measures.get(row.measure);
      if (ref === undefined) {
        try {
          ref = parseMeasureRef(row.measure);
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          ref = e;
        }
        cache.measures.set(row.measure, ref);
      }
      if (ref instanceof InputError) throw ref;
      const level = row.facts?.level;
      if (ref.kind === "clause" && ref.clause === 6 && level) {
        measure = ref.candidates.find((id) => measureParams(policy, id).level === level) ?? null;
      }
      measure ??= parseMeasureId(row.measure);
    }
  } catch (e) {
    fail(found, e);
  }
  return measure;
}

function checkYear(year: ApplicationRow["year"], found: Found): void {
  if (year === null || year === undefined) {
    if (!reported(found, "year")) found.errors.push(reason("missing_field", "缺少申报年度", "the award year is missing", "year"));
  } else if (!Number.isInteger(year)) {
    found.errors.push(
      reason("bad_value", `申报年度 ${String(year)} 不是整数年份`, `award year ${String(year)} is not a whole year`, "year"),
    );
  }
}

function amountsOf(row: ApplicationRow, found: Found): { claimed: Decimal | null; other: Decimal | null } {
  let claimed: Decimal | null = null;
  let other: Decimal | null = null;
  try {
    claimed = optionalAmount(row.claimedAmount, "claimedAmount", { zh: "申报金额", en: "claimed amount" });
  } catch (e) {
    fail(found, e);
  }
  try {
    other = optionalAmount(row.otherProvincialSupport, "otherProvincialSupport", {
      zh: "已获其他省级支持",
      en: "other provincial support",
    });
  } catch (e) {
    fail(found, e);
  }
  return { claimed, other };
}

/** The row's working state and result before its award: an error until decided. */
function startWorking(
  row: ApplicationRow,
  index: number,
  source: string,
  policy: ParameterSet,
  entity: ReturnType<typeof checkedEntity>,
  measure: MeasureId | null,
  claimed: Decimal | null,
  other: Decimal | null,
): Working {
  const normalised = entity.check.normalised;
  const year = row.year;
  const city = (typeof row.city === "string" && row.city.trim()) || entity.city;
  const facts: ApplicationFacts = { ...row.facts, applicantId: normalised };
  const result: RowDecision = {
    index,
    source,
    entityId: normalised,
    entityName: row.entityName == null ? "" : String(row.entityName),
    city,
    year: typeof year === "number" && Number.isInteger(year) ? year : null,
    measure,
    clause: measure ? clauseCitation(measure) : "",
    computed: null,
    cap: null,
    claimed,
    final: ZERO,
    status: "error",
    reasons: [],
    citation: measure ? measureCitation(policy, measure, clauseCitation(measure)) : "",
  };
  return {
    result,
    entity: normalised,
    measure,
    key: measure ? `${normalised}|${measure}` : "",
    projectId: row.projectId == null ? "" : String(row.projectId).trim(),
    award: null,
    facts,
    context: null,
    amount: ZERO,
    other,
    capUse: null,
    dedup: null,
  };
}

function rowSignature(row: ApplicationRow, entity: string): string {
  if (row.signature !== undefined) return row.signature;
  const { source: _source, inputErrors: _errors, ...rest } = row;
  // Decimals serialise as their digits (toJSON), so equal amounts give equal signatures.
  return JSON.stringify({ ...rest, entityId: entity });
}
