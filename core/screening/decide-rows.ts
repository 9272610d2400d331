/**
 * The engine's "decide rows" stage: each row alone, by its measure's fast rule (measures/fast.ts) in whole fen,
 * or by the decimal reference (rows/decide-row.ts's computeRow) for a row the fast rules give back; then the
 * row's claim and other provincial support. Every row then enters the one settlement (batch/settle.ts).
 */
import { ERROR, INELIGIBLE, STATUSES } from "../batch/columns";
import { addDays, toDayNumber } from "../dates/civil-date";
import { fastLpr } from "../lpr/fast-lpr";
import { fastRuleFor } from "../measures";
import { FastAward, FastContext, emptyFastAward } from "../measures/fast";
import { MEASURE_IDS } from "../measures/measure-id";
import { reachesCrossBorderThreshold, reachesCrossBorderThresholdFen } from "../measures/m4-cross-border";
import { loanIdentity, loanIdentityFen } from "../measures/loan-identity";
import { measureParams } from "../policy/lookup";
import { fenHalfUp } from "../money/fen";
import { Decimal, ZERO } from "../money/money";
import { REASON_SEVERITY, Reason, ReasonCode } from "../reasons/reasons";
import { computeRow } from "../rows/decide-row";
import { ApplicationRow, Working, isLive } from "../rows/types";
import { EngineState, cellIndexOf, internEntity, sourceOf } from "./engine-state";
import { columnLetters } from "./fields";
import { Reading } from "./read-cells";
import { columnReaders, locate, originOf, readRow, rowSignature } from "./read-row";

/** Each row alone: the fast rules, then the reference for the rows they give back; then claim and other support. */
export function decideRows(state: EngineState, reading: Reading, onProgress: ((done: number, total: number) => void) | undefined): void {
  retailIncrease(state);
  decideByFastRules(state, reading.slow, onProgress);
  // The rows the fast rules gave back: read and decided by the reference. Its bad inputs are thrown errors
  // whose stack traces no one reads: not capturing them makes each such row several times cheaper.
  // (Error.stackTraceLimit is V8's, in Node and in Office's Chromium-based webviews; elsewhere it is left alone.)
  const errors = Error as ErrorConstructor & { stackTraceLimit?: number };
  const stackTraceLimit = errors.stackTraceLimit;
  if (typeof stackTraceLimit === "number") errors.stackTraceLimit = 0;
  try {
    decideByReference(state, reading);
  } finally {
    if (typeof stackTraceLimit === "number") errors.stackTraceLimit = stackTraceLimit;
  }
  claimAndOtherSupport(state);
  reachOfFastRows(state);
  state.level = reading.level;
}

/**
 * The fast rows' facts the batch compares across rows (batch/one-time.ts): 第4条's, whether the import+export
 * read reached the part's threshold; an interest measure's, its loan (principal and start date).
 */
function reachOfFastRows(state: EngineState): void {
  const { n, batch, facts, texts } = state;
  const policy = state.resolved.policy;
  for (let r = 0; r < n; r++) {
    const measure = batch.measure[r] >= 0 ? MEASURE_IDS[batch.measure[r]] : null;
    if (measure === null || state.reference.has(r)) continue;
    if (measure === "M4a" || measure === "M4b")
      batch.reach[r] = reachesCrossBorderThresholdFen(policy, measure, facts.importExport[r]) ? 1 : 0;
    else if (measureParams(policy, measure).kind === "interest") {
      const loan = loanIdentityFen(facts.principal[r], facts.startDay[r]);
      batch.loan[r] = loan === null ? 0 : texts.of(loan) + 1;
    }
  }
}

/** 本年度/上年度 given instead of the increase: the increase is their difference. */
function retailIncrease(state: EngineState): void {
  const { n, facts } = state;
  const [retailThisYear, retailLastYear] = state.retail;
  for (let r = 0; r < n; r++) {
    if (Number.isNaN(facts.onlineRetailIncrease[r]) && !Number.isNaN(retailThisYear[r]) && !Number.isNaN(retailLastYear[r])) {
      facts.onlineRetailIncrease[r] = retailThisYear[r] - retailLastYear[r];
    }
  }
}

/** Each row its measure's fast rule; a row the rule gives back is marked slow. */
function decideByFastRules(state: EngineState, slow: Uint8Array, onProgress: ((done: number, total: number) => void) | undefined): void {
  const { n, facts, batch, resolved } = state;
  const { policy, options } = resolved;
  const first = policy.validity.firstAwardYear.value;
  const last = policy.validity.lastAwardYear.value;
  const contexts = new Map<number, FastContext>();
  let lastContextKey = NaN;
  let lastContext: FastContext | undefined;
  const rules = MEASURE_IDS.map(fastRuleFor);
  const lpr = fastLpr(resolved.lpr);
  const periodStart = toDayNumber(options.effectiveFrom);
  const periodEndExclusive = toDayNumber(addDays(policy.subsidyPeriod.end, 1));
  const out = emptyFastAward();
  const progressEvery = Math.max(1, Math.floor(n / 100));
  for (let r = 0; r < n; r++) {
    if (onProgress && (r + 1) % progressEvery === 0) onProgress(r + 1, n);
    if (slow[r]) continue;
    const year = batch.year[r];
    const warnings = state.codes[r];
    // A duplicate of an earlier row is an error before anything else (computeRow); its words: screened-rows.ts.
    if (state.duplicateOf[r] >= 0) {
      batch.status[r] = ERROR;
      state.codes[r] = warnings ? DUPLICATE_WARNED : DUPLICATE;
      continue;
    }
    if (year < first || year > last) {
      batch.status[r] = INELIGIBLE;
      state.computed[r] = 0;
      state.codes[r] = warnings ? OUTSIDE_VALIDITY_WARNED : OUTSIDE_VALIDITY;
      continue;
    }
    const inProvince = warnings === undefined;
    const contextKey = inProvince ? year : -year;
    let context = contextKey === lastContextKey ? lastContext : contexts.get(contextKey);
    if (!context) {
      context = {
        policy,
        lpr,
        lprMode: options.lprMode,
        dayCount: options.dayCount,
        interestWindow: options.interestWindow,
        year,
        inProvince,
        periodStart,
        periodEndExclusive,
        applicantOf: (row: number) => state.entities[batch.entity[row]],
      };
      contexts.set(contextKey, context);
    }
    lastContextKey = contextKey;
    lastContext = context;
    // (Setting an array's length is a call into the engine's runtime: only when there is something to clear.)
    if (out.codes.length !== 0) out.codes.length = 0;
    out.computed = NaN;
    out.cap = NaN;
    out.capTier = 0;
    out.amount = 0;
    if (!rules[batch.measure[r]](facts, r, context, out)) {
      slow[r] = 1;
      continue;
    }
    state.awarded[r] = 1;
    batch.status[r] = statusIndex(out.status);
    state.computed[r] = out.computed;
    batch.cap[r] = out.cap;
    batch.capTier[r] = out.capTier;
    const live = out.status === "eligible" || out.status === "manual";
    batch.amount[r] = live ? out.amount : 0;
    state.awardAmount[r] = batch.amount[r];
    state.rowLive[r] = live ? 1 : 0;
    const own = out.codes.includes("out_of_province");
    state.codes[r] = codesOf(out, warnings !== undefined && !own);
  }
}

/** Claim, then other provincial support, row by row (RULES.md 不重复 steps 3 and 5), for the rows the fast rules decided. */
function claimAndOtherSupport(state: EngineState): void {
  const { n, batch } = state;
  const { options } = state.resolved;
  for (let r = 0; r < n; r++) {
    // A row the reference decided had its claim and other support applied there, in decimal (decideByReference).
    if (!isLive(STATUSES[batch.status[r]]) || state.reference.has(r)) continue;
    let amount = batch.amount[r];
    const claimed = state.claimed[r];
    if (!Number.isNaN(claimed) && claimed < amount) amount = claimed;
    state.afterClaim[r] = amount;
    const other = state.other[r];
    if (!Number.isNaN(other) && other !== 0) amount = options.otherSupport === "exclude" || other >= amount ? 0 : amount - other;
    batch.amount[r] = amount;
  }
}

/** The rows the fast rules gave back, read and decided by the reference (read-row.ts, computeRow). */
function decideByReference(state: EngineState, reading: Reading): void {
  const { n, resolved } = state;
  const { slow, valueRow, references, entityIndex, date1904 } = reading;
  const duplicateOf = state.duplicateOf;
  const seen = new Map<string, string>();
  for (let r = 0; r < n; r++) {
    if (!slow[r]) continue;
    const ref = references[state.table[r]];
    const t = ref.values;
    const origin = originOf(t.sheet);
    ref.readers ??= columnReaders(t.table, origin, date1904);
    const cellsRow = t.values[valueRow[r]] ?? [];
    const measureEntry = t.table.columns.get("measure");
    const measureColumn = measureEntry && { ...measureEntry, letter: columnLetters(origin.column + measureEntry.index) };
    const row: ApplicationRow = readRow(
      cellsRow,
      t.sheet.numberFormats?.[valueRow[r]],
      state.rowNumber[r],
      t.sheet.name,
      ref.readers,
      measureColumn,
      t.table.sheetMeasure,
    );
    row.signature = rowSignature(ref.signature, cellsRow);
    seen.clear();
    if (duplicateOf[r] >= 0) seen.set(row.signature, sourceOf(state, duplicateOf[r]));
    const working = computeRow(row, r, resolved, seen, state.cache);
    const where = cellIndexOf(state, r);
    takeReferenceRow(
      state,
      r,
      working,
      working.result.reasons.map((reason) => locate(reason, where)),
      entityIndex,
    );
  }
}

/** A row the decimal reference decided (computeRow), into the columns: its reasons as given (located in its cells). */
export function takeReferenceRow(
  state: EngineState,
  r: number,
  working: Working,
  located: Reason[],
  entityIndex: Map<string, number>,
): void {
  const { batch, resolved, texts } = state;
  const result = working.result;
  state.reference.set(r, { reasons: located, working, entityId: result.entityId });
  state.codes[r] = result.reasons.map((reason) => reason.code);
  batch.status[r] = statusIndex(result.status);
  state.computed[r] = result.computed === null ? NaN : fenHalfUp(result.computed);
  batch.cap[r] = result.cap === null ? NaN : fenHalfUp(result.cap);
  batch.capTier[r] = working.award?.capTier ?? 0;
  batch.year[r] = result.year ?? NaN;
  batch.measure[r] = result.measure === null ? -1 : MEASURE_IDS.indexOf(result.measure);
  state.awarded[r] = working.context ? 1 : 0;
  const live = isLive(result.status);
  state.claimed[r] = result.claimed === null ? NaN : fenHalfUp(result.claimed);
  state.other[r] = working.other === null ? NaN : live ? fenHalfUp(working.other) : 0;
  state.awardAmount[r] = live ? fenHalfUp(working.amount) : 0;
  if (live) settleAlone(state, r, working, result.claimed, resolved.options.otherSupport);
  else batch.amount[r] = 0;
  state.rowLive[r] = live ? 1 : 0;
  batch.project[r] = working.projectId === "" ? 0 : texts.of(working.projectId) + 1;
  const measure = result.measure;
  if (measure === "M4a" || measure === "M4b")
    batch.reach[r] = reachesCrossBorderThreshold(resolved.policy, measure, working.facts.importExport) ? 1 : 0;
  else if (measure !== null && measureParams(resolved.policy, measure).kind === "interest") {
    const loan = loanIdentity(working.facts.loan);
    batch.loan[r] = loan === null ? 0 : texts.of(loan) + 1;
  }
  if (result.entityId) batch.entity[r] = internEntity(result.entityId, entityIndex, state.entities);
  else batch.entity[r] = -1;
  state.city[r] = texts.of(result.city);
  state.entityName[r] = texts.of(result.entityName);
}

const DUPLICATE: readonly string[] = Object.freeze(["duplicate_row"]);
const DUPLICATE_WARNED: readonly string[] = Object.freeze(["duplicate_row", "out_of_province"]);
const OUTSIDE_VALIDITY: readonly string[] = Object.freeze(["outside_validity"]);
const OUTSIDE_VALIDITY_WARNED: readonly string[] = Object.freeze(["outside_validity", "out_of_province"]);
const codeLists = new Map<number, readonly string[]>();
/** Each reason code's number, from 1. */
const REASON_CODE_NUMBER = new Map((Object.keys(REASON_SEVERITY) as ReasonCode[]).map((code, i) => [code, i + 1]));

/** The row's own codes, one frozen list per combination (a batch has a few dozen). */
function listOfCodes(out: FastAward, warned: boolean): readonly string[] {
  return Object.freeze(warned ? [...out.codes, "out_of_province"] : [...out.codes]);
}

function codesOf(out: FastAward, warned: boolean): readonly string[] {
  // A whole-number key: each code's number, six bits a code (exact up to eight codes).
  if (out.codes.length > 8) return listOfCodes(out, warned);
  let key = 0;
  for (const code of out.codes) {
    const number = REASON_CODE_NUMBER.get(code as ReasonCode);
    if (number === undefined) return listOfCodes(out, warned);
    key = key * 64 + number;
  }
  key = key * 2 + (warned ? 1 : 0);
  let list = codeLists.get(key);
  if (!list) codeLists.set(key, (list = listOfCodes(out, warned)));
  return list;
}

function statusIndex(status: string): number {
  return STATUSES.indexOf(status as (typeof STATUSES)[number]);
}

/**
 * RULES.md 不重复 steps 3 and 5 for a row the reference decided, in decimal: the claim if lower, then other
 * provincial support; the amount then enters the settlement rounded half-up to the fen, its one rounding
 * ("each award is rounded once, at the end, half-up"), however many decimals the claim had.
 */
function settleAlone(state: EngineState, r: number, working: Working, claimed: Decimal | null, otherSupport: "top-up" | "exclude"): void {
  let amount = working.amount;
  if (claimed !== null && claimed.lessThan(amount)) amount = claimed;
  state.afterClaim[r] = fenHalfUp(amount);
  const other = working.other;
  if (other !== null && !other.isZero())
    amount = otherSupport === "exclude" || other.greaterThanOrEqualTo(amount) ? ZERO : amount.minus(other);
  state.batch.amount[r] = fenHalfUp(amount);
}
