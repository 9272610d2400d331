/**
 * The batch resolver: many application rows → one result per row, in input order. Order of application
 * (RULES.md revision 2):
 * - each row alone: eligibility → amount (rounded once) → the row's own cap → the claimed amount, if lower →
 *   other provincial support (top-up or exclude);
 * - then the batch: history (one-time awards refused; what is left of cumulative and annual caps) → one-time
 *   measures in the entity's first award year only → year by year, earliest first: shared caps in row order
 *   (第1条's two nested limits) → 从优、就高、不重复 over what is left; what a year pays is history for the next.
 * The policy's closing paragraph: "同一法人主体…符合本政策内多条奖补措施的，按照“从优、就高、不重复”原则予以支持".
 */
import { InputError } from "../errors/errors";
import { Decimal, DecimalInput, Money, ZERO, formatYuan, maxDecimal, roundToFen } from "../money/money";
import { nonNegativeAmount, optionalAmount } from "../money/input";
import { awardFor } from "../measures";
import { capLimits } from "../measures/award-builder";
import { MEASURE_IDS, MeasureId, MeasureRef, clauseCitation, clauseNumber, parseMeasureId, parseMeasureRef } from "../measures/measure-id";
import { ApplicationFacts, Award, AwardContext, AwardStatus } from "../measures/types";
import { Options, OptionsInput, awardContext, resolveOptions } from "../options";
import { LostTakers } from "./lost-takers";
import { DedupWinner, chooseWinners } from "./no-duplication";
import { measureCitation, measureParams, paramDecimal } from "../policy/registry";
import { Localized, ParameterSet } from "../policy/types";
import { Reason, reason } from "../reasons/reasons";
import { UsccCheck, checkUscc, cityOfDivision, isHeilongjiangNormalForm, normaliseUscc } from "../uscc/uscc";
import { explainRow } from "../explain";

export type RowStatus = AwardStatus | "superseded";

export interface ApplicationRow {
  /** Where the row came from, e.g. `申报!12`. */
  source?: string;
  entityId?: string | null;
  entityName?: string | null;
  city?: string | null;
  year?: number | null;
  measure?: string | number | null;
  projectId?: string | null;
  facts?: ApplicationFacts;
  claimedAmount?: DecimalInput | null;
  otherProvincialSupport?: DecimalInput | null;
  /** Problems a host found reading the row's cells: the row becomes an `error` with these reasons. */
  inputErrors?: readonly Reason[];
  /** What makes two rows identical (duplicate_row); hosts that have the raw cells give them here. */
  signature?: string;
}

/** An award already paid (历史兑现). */
export interface HistoryRecord {
  entityId: string;
  measure: string | number;
  year?: number | null;
  amount: DecimalInput | null;
  source?: string;
  /** The host could not read the record (why, in both languages): the rows of its entity go to a person. */
  unreadable?: Localized;
}

export interface ResultRow {
  index: number;
  source: string;
  entityId: string;
  entityName: string;
  city: string;
  year: number | null;
  measure: MeasureId | null;
  clause: string;
  computed: Money | null;
  cap: Money | null;
  claimed: Money | null;
  final: Money;
  status: RowStatus;
  reasons: Reason[];
  citation: string;
  /** How the amount came about, in both languages; made when first read (a run that never shows it pays nothing). */
  readonly explain: Localized;
}

export interface TotalLine {
  rows: number;
  final: Money;
}

export interface Totals {
  rows: number;
  entities: number;
  final: Money;
  byMeasure: Record<string, TotalLine>;
  byStatus: Record<string, TotalLine>;
  byCity: Record<string, TotalLine>;
}

export interface BatchResult {
  policy: { id: string; title: Localized; stage: ParameterSet["stage"] };
  options: Options;
  rows: ResultRow[];
  totals: Totals;
  /** History records that could not be used, with why. */
  historyProblems: { source: string; zh: string; en: string }[];
}

export interface BatchOptions extends OptionsInput {
  history?: readonly HistoryRecord[];
  /** Called now and then with rows done and the total, for hosts that show progress. */
  onProgress?: (done: number, total: number) => void;
}

/** The totals key for a row with no measure, or no city (none given and the code is not from Heilongjiang). */
export const UNKNOWN_KEY = "未知";

/** What a shared cap looked like when a row took its share: for the row's explanation. */
export interface CapUse {
  limit: Money;
  scope: "entity-cumulative" | "entity-year" | "entity-lifetime";
  history: Money;
  earlierYears: Money;
  earlierRows: Money;
  remaining: Money;
  before: Money;
  after: Money;
}

/** Whether the row won 不重复 in its scope, and the measures met there (its own among them). */
export interface DedupOutcome {
  won: boolean;
  met: readonly MeasureId[];
}

export interface Working {
  result: ResultRow;
  entity: string;
  measure: MeasureId | null;
  /** `entity|measure`, made once: the key of one-time awards, history and caps. */
  key: string;
  projectId: string;
  award: Award | null;
  facts: ApplicationFacts;
  context: AwardContext | null;
  /** The running amount through the batch steps. */
  amount: Decimal;
  other: Decimal | null;
  capUse: CapUse | null;
  dedup: DedupOutcome | null;
  /** The cap limits the row took its share from (set by the shared-caps step). */
  capPools?: CapPool[];
  /** The rows of the same year that had used the limit that bit this row: the first `count` of its takers. */
  bindingTakers?: { takers: Working[]; count: number };
}

export const isLive = (status: RowStatus) => status === "eligible" || status === "manual";

export function resolveBatch(rows: readonly ApplicationRow[], batchOptions: BatchOptions = {}): BatchResult {
  const resolved = resolveOptions(batchOptions);
  const { options, policy } = resolved;
  const history = readHistory(batchOptions.history ?? [], policy);
  const progressEvery = Math.max(1, Math.floor(rows.length / 100));

  const seen = new Map<string, string>();
  const cache = newRowCache();
  const working: Working[] = rows.map((row, index) => {
    const w = computeRow(row, index, resolved, seen, cache);
    if (isLive(w.result.status)) applyClaimAndOtherSupport(w, options.otherSupport);
    if (batchOptions.onProgress && (index + 1) % progressEvery === 0) batchOptions.onProgress(index + 1, rows.length);
    return w;
  });
  const live = (w: Working) => isLive(w.result.status);

  applyHistoryRecords(working, history, policy, live);
  firstAwardYearOnly(working, policy, live);

  // Year by year, earliest first: what one year pays is history for the next (a superseded row uses no cap).
  // Like a history record, it counts against every cumulative limit of its entity's measure — both of 第1条's,
  // whatever the project's size — so a batch of several years pays what paying them one after another would.
  const pools = new Map<string, Map<number, CapPool>>();
  const paidEarlier = new Map<string, Money>();
  const byYear = new Map<number, Working[]>();
  for (const w of working) {
    if (!live(w) || w.result.year === null) continue;
    const list = byYear.get(w.result.year);
    if (list) list.push(w);
    else byYear.set(w.result.year, [w]);
  }
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    const yearRows = byYear.get(year)!;
    // Under entity-year the rows sharing a limit are in one 不重复 scope; only entity-project needs the takers.
    const trackTakers = options.dedupScope === "entity-project";
    for (const w of yearRows) applySharedCaps(w, year, pools, paidEarlier, history, policy, trackTakers);
    noDuplication(yearRows.filter(live), working, options.dedupScope);
    for (const w of yearRows) {
      if (!live(w) || w.capPools === undefined) continue;
      paidEarlier.set(w.key, (paidEarlier.get(w.key) ?? ZERO).plus(w.amount));
    }
    for (const byTier of pools.values()) for (const pool of byTier.values()) pool.thisYear = ZERO;
  }

  const results = working.map((w) => {
    w.result.final = live(w) ? roundToFen(w.amount) : ZERO;
    (w.result as BatchRow).remember(w.context, w.capUse, w.dedup);
    return w.result;
  });
  batchOptions.onProgress?.(rows.length, rows.length);
  return {
    policy: { id: policy.id, title: policy.title, stage: policy.stage },
    options,
    rows: results,
    totals: totalsOf(results),
    historyProblems: history.problems,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Each row alone

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
  const errors: Reason[] = [...(row.inputErrors ?? [])];
  // A field the host already reported as unreadable is not reported again as missing.
  const reported = (field: string) => errors.some((e) => e.field === field);
  const warnings: Reason[] = [];
  const fail = (e: unknown) => {
    if (e instanceof InputError) errors.push(e.reason);
    else throw e;
  };

  const rawEntity = typeof row.entityId === "string" ? row.entityId : row.entityId == null ? "" : String(row.entityId);
  const entity = checkedEntity(rawEntity, cache);
  const uscc = entity.check;
  if (!uscc.valid) {
    if (uscc.problem !== "empty") errors.push(reason("invalid_uscc", uscc.zh!, uscc.en!, "entityId"));
    else if (!reported("entityId")) {
      errors.push(reason("missing_field", "缺少统一社会信用代码", "the Unified Social Credit Code is missing", "entityId"));
    }
  } else if (!entity.inProvince) {
    warnings.push(outOfProvinceWarning(uscc.normalised));
  }

  let measure: MeasureId | null = null;
  try {
    if (row.measure === null || row.measure === undefined || row.measure === "") {
      if (!reported("measure")) throw new InputError("missing", "measure", "缺少申报条款", "the measure (申报条款) is missing");
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
    fail(e);
  }

  const year = row.year;
  if (year === null || year === undefined) {
    if (!reported("year")) errors.push(reason("missing_field", "缺少申报年度", "the award year is missing", "year"));
  } else if (!Number.isInteger(year)) {
    errors.push(reason("bad_value", `申报年度 ${String(year)} 不是整数年份`, `award year ${String(year)} is not a whole year`, "year"));
  }

  let claimed: Decimal | null = null;
  let other: Decimal | null = null;
  try {
    claimed = optionalAmount(row.claimedAmount, "claimedAmount", { zh: "申报金额", en: "claimed amount" });
  } catch (e) {
    fail(e);
  }
  try {
    other = optionalAmount(row.otherProvincialSupport, "otherProvincialSupport", {
      zh: "已获其他省级支持",
      en: "other provincial support",
    });
  } catch (e) {
    fail(e);
  }

  const signature = rowSignature(row, uscc.normalised);
  const firstSource = seen.get(signature);
  if (firstSource !== undefined) {
    errors.push(duplicateRowReason(firstSource));
  } else {
    seen.set(signature, source);
  }

  const city = (typeof row.city === "string" && row.city.trim()) || entity.city;
  const facts: ApplicationFacts = { ...row.facts, applicantId: uscc.normalised };
  const working: Working = {
    result: null as unknown as ResultRow,
    entity: uscc.normalised,
    measure,
    key: measure ? `${uscc.normalised}|${measure}` : "",
    projectId: row.projectId == null ? "" : String(row.projectId).trim(),
    award: null,
    facts,
    context: null,
    amount: ZERO,
    other,
    capUse: null,
    dedup: null,
  };
  const result = new BatchRow(facts, {
    index,
    source,
    entityId: uscc.normalised,
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
  });
  working.result = result;

  if (errors.length > 0) {
    result.reasons = [...errors, ...warnings];
    return working;
  }
  if (year! < policy.validity.firstAwardYear.value || year! > policy.validity.lastAwardYear.value) {
    result.status = "ineligible";
    result.computed = ZERO;
    result.reasons = [outsideValidityReason(year!, policy), ...warnings];
    return working;
  }

  // The applicant's province is read from its code once; contexts are shared by the rows of a year and province.
  const contextKey = uscc.valid && !entity.inProvince ? -year! : year!;
  let context = cache.contexts.get(contextKey);
  if (!context) {
    context = { ...awardContext(resolved, year!), trace: false, applicantInProvince: uscc.valid ? entity.inProvince : undefined };
    cache.contexts.set(contextKey, context);
  }
  working.context = context;
  const award = awardFor(measure!, facts, trace ? { ...context, trace: true } : context);
  working.award = award;
  working.amount = award.amount;
  result.status = award.status;
  result.computed = award.computed;
  result.cap = award.cap;
  result.citation = award.citation;
  result.reasons = rowReasons(award.reasons, warnings);
  return working;
}

/** A row whose cells are those of an earlier row (SCREENING.md duplicate_row). */
export function duplicateRowReason(firstSource: string): Reason {
  return reason("duplicate_row", `与 ${firstSource} 完全相同的重复行`, `identical to ${firstSource}: a duplicate row`);
}

/** The credit code's registering authority is outside Heilongjiang: a warning on every measure but 第2、3条. */
export function outOfProvinceWarning(normalised: string): Reason {
  return reason(
    "out_of_province",
    `统一社会信用代码 ${normalised} 的登记机关不在黑龙江省（${normalised.slice(2, 8)}）`,
    `credit code ${normalised} was registered outside Heilongjiang (division ${normalised.slice(2, 8)})`,
    "entityId",
  );
}

export function outsideValidityReason(year: number, policy: ParameterSet): Reason {
  const first = policy.validity.firstAwardYear;
  const last = policy.validity.lastAwardYear;
  return reason(
    "outside_validity",
    `申报年度 ${year} 不在政策有效期（${first.value}–${last.value}年，${last.title.zh}）内`,
    `award year ${year} is outside the policy's validity (${first.value}–${last.value})`,
    "year",
  );
}

/** A row's own reasons: its award's, then the batch's warnings about the row. */
export function rowReasons(awardReasons: Reason[], warnings: readonly Reason[]): Reason[] {
  // 第2条 and 第3条 say out_of_province themselves (the row is then manual); elsewhere it is the batch's warning.
  const own = warnings.length > 0 && awardReasons.some((r) => r.code === "out_of_province");
  return warnings.length && !own ? [...awardReasons, ...warnings] : awardReasons;
}

/** A result row whose `explain` is made from the row's own calculation and the batch's decisions when first read. */
class BatchRow implements ResultRow {
  index: number;
  source: string;
  entityId: string;
  entityName: string;
  city: string;
  year: number | null;
  measure: MeasureId | null;
  clause: string;
  computed: Money | null;
  cap: Money | null;
  claimed: Money | null;
  final: Money;
  status: RowStatus;
  reasons: Reason[];
  citation: string;
  /**
   * What the explanation is made from, kept until it is made: the row's facts and context, and the batch's
   * decisions. One plain field (not #private ones: compiled for ES2020 those are a WeakMap entry each, per row).
   */
  private made: {
    facts: ApplicationFacts;
    context: AwardContext | null;
    capUse: CapUse | null;
    dedup: DedupOutcome | null;
    explain: Localized | null;
  };

  constructor(facts: ApplicationFacts, fields: Omit<ResultRow, "explain">) {
    this.index = fields.index;
    this.source = fields.source;
    this.entityId = fields.entityId;
    this.entityName = fields.entityName;
    this.city = fields.city;
    this.year = fields.year;
    this.measure = fields.measure;
    this.clause = fields.clause;
    this.computed = fields.computed;
    this.cap = fields.cap;
    this.claimed = fields.claimed;
    this.final = fields.final;
    this.status = fields.status;
    this.reasons = fields.reasons;
    this.citation = fields.citation;
    this.made = { facts, context: null, capUse: null, dedup: null, explain: null };
  }

  /** Keeps what the batch decided for the row, for its explanation (the batch's working state is let go). */
  remember(context: AwardContext | null, capUse: CapUse | null, dedup: DedupOutcome | null): void {
    this.made.context = context;
    this.made.capUse = capUse;
    this.made.dedup = dedup;
  }

  get explain(): Localized {
    const made = this.made;
    if (made.explain === null) {
      made.explain = this.explainAgain();
      made.context = null;
      made.capUse = null;
      made.dedup = null;
    }
    return made.explain;
  }

  /**
   * The explanation made afresh and not kept: a host that writes every row's explanation once (the CLI) keeps
   * a hundred thousand of them out of memory this way.
   */
  explainAgain(): Localized {
    const made = this.made;
    return made.explain ?? explainRow(this, this.measure, made.facts, made.context, made.capUse, made.dedup);
  }
}

/**
 * RULES.md 不重复 steps 3 and 5, applied to each row before the batch: the claimed amount if lower than the row's
 * amount after its own cap (a higher claim is flagged), then support under other provincial policies.
 */
function applyClaimAndOtherSupport(w: Working, otherSupport: Options["otherSupport"]): void {
  const claimed = w.result.claimed;
  if (claimed !== null) {
    const why = claimReason(claimed, w.amount);
    if (why) w.result.reasons.push(why);
    if (claimed.lessThan(w.amount)) w.amount = claimed;
  }
  const other = w.other;
  if (other === null || other.isZero()) return;
  w.result.reasons.push(otherSupportReason(other, w.amount, otherSupport));
  w.amount = otherSupport === "exclude" || other.greaterThanOrEqualTo(w.amount) ? ZERO : w.amount.minus(other);
}

/** The claimed amount against the row's amount after its own cap: the lower claim is paid, a higher one flagged. */
export function claimReason(claimed: Decimal, amount: Decimal): Reason | null {
  if (claimed.lessThan(amount)) {
    return reason(
      "claim_lower_than_computed",
      `申报金额 ${formatYuan(claimed)} 低于核算金额 ${formatYuan(amount)}，按申报金额`,
      `claimed ${formatYuan(claimed)} is below the computed ${formatYuan(amount)}: the claim is awarded`,
    );
  }
  if (claimed.greaterThan(amount)) {
    return reason(
      "claim_exceeds_computed",
      `申报金额 ${formatYuan(claimed)} 高于核算金额 ${formatYuan(amount)}，按核算金额`,
      `claimed ${formatYuan(claimed)} exceeds the computed ${formatYuan(amount)}: the computed amount is awarded`,
    );
  }
  return null;
}

/** Support under other provincial policies (not zero) against the row's amount: excluded, nothing to top up, or the top-up. */
export function otherSupportReason(other: Decimal, amount: Decimal, otherSupport: Options["otherSupport"]): Reason {
  if (otherSupport === "exclude") {
    return reason(
      "other_support_excluded",
      `已获其他省级支持 ${formatYuan(other)}，不再重复支持（exclude）`,
      `other provincial support of ${formatYuan(other)} received: excluded`,
    );
  }
  if (other.greaterThanOrEqualTo(amount)) {
    return reason(
      "other_support_higher",
      `已获其他省级支持 ${formatYuan(other)} 不低于本项 ${formatYuan(amount)}，就高不再补足`,
      `other provincial support ${formatYuan(other)} is at least this award ${formatYuan(amount)}: nothing to top up`,
    );
  }
  const topUp = amount.minus(other);
  return reason(
    "other_support_deducted",
    `已获其他省级支持 ${formatYuan(other)}，补足差额 ${formatYuan(topUp)}`,
    `other provincial support ${formatYuan(other)} deducted: top-up ${formatYuan(topUp)}`,
  );
}

// ---------------------------------------------------------------------------------------------------------
// History (历史兑现)

export interface HistoryEntry {
  entity: string;
  /** One measure, or both parts of a clause the record names without saying which (第4条, 第6条, 第8条). */
  measures: readonly MeasureId[];
  /** The clause as the record wrote it, when it names two measures. */
  written: string | null;
  year: number | null;
  amount: Decimal;
  source: string;
}

export interface History {
  entries: HistoryEntry[];
  byEntity: Map<string, HistoryEntry[]>;
  /** Entities with a record that could not be read → those records' sources and why. */
  unreadable: Map<string, { source: string; zh: string; en: string }[]>;
  problems: BatchResult["historyProblems"];
}

export function readHistory(records: readonly HistoryRecord[], policy: ParameterSet): History {
  const history: History = { entries: [], byEntity: new Map(), unreadable: new Map(), problems: [] };
  records.forEach((record, index) => {
    const source = record.source ?? `history ${index + 1}`;
    const entityText = normaliseUscc(String(record.entityId ?? ""));
    const unreadable = (zh: string, en: string) => {
      history.problems.push({
        source,
        zh: `${source}：${zh}（该记录无法读取，该主体的申报行转人工核定）`,
        en: `${source}: ${en} (record unreadable: the entity's rows go to a person)`,
      });
      if (entityText === "") return;
      const list = history.unreadable.get(entityText) ?? [];
      list.push({ source, zh, en });
      history.unreadable.set(entityText, list);
    };
    if (record.unreadable) {
      unreadable(record.unreadable.zh, record.unreadable.en);
      return;
    }
    try {
      const uscc = checkUscc(entityText);
      if (!uscc.valid) throw new InputError("type", "entityId", uscc.zh!, uscc.en!);
      const ref = parseMeasureRef(record.measure);
      const amount = nonNegativeAmount(record.amount, "amount", { zh: "兑现金额", en: "amount paid" });
      const year = record.year === null || record.year === undefined ? null : Number(record.year);
      if (year !== null && !Number.isInteger(year))
        throw new InputError("type", "year", `年度 ${record.year} 无效`, `year ${record.year} is not a year`);
      const measures = ref.kind === "measure" ? [ref.id] : partsOfClause(ref.candidates, amount, policy);
      // An annual cap needs the year the record was paid in; without it the record could count for no year
      // and be dropped silently. (A one-time measure is refused whatever the year.)
      const annual = measures.find((id) => {
        const params = measureParams(policy, id);
        return params.cap?.scope === "entity-year" && params.oneTime !== true;
      });
      if (year === null && annual !== undefined) {
        throw new InputError(
          "missing",
          "year",
          `年度为空：${annual} 的上限按年度计算，须写明该笔兑现的年度`,
          `no year: ${annual}'s cap is per year, so the record needs the year it was paid in`,
        );
      }
      const entry = {
        entity: uscc.normalised,
        measures,
        written: measures.length > 1 ? String(record.measure) : null,
        year,
        amount,
        source,
      };
      history.entries.push(entry);
      const ofEntity = history.byEntity.get(entry.entity);
      if (ofEntity) ofEntity.push(entry);
      else history.byEntity.set(entry.entity, [entry]);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      unreadable(e.reason.zh, e.reason.en);
    }
  });
  return history;
}

/**
 * A record that names a two-part clause without its part is settled where the amount tells (第6条: the national
 * base award's amount or the provincial one's); otherwise it counts for both parts.
 */
function partsOfClause(candidates: readonly [MeasureId, MeasureId], amount: Decimal, policy: ParameterSet): MeasureId[] {
  const byAmount = candidates.filter((id) => {
    const fixed = measureParams(policy, id).amount;
    return measureParams(policy, id).kind === "fixed" && fixed !== undefined && paramDecimal(fixed).equals(amount);
  });
  return byAmount.length === 1 ? byAmount : [...candidates];
}

/** Unreadable records send their entity's rows to a person; one-time awards already received are refused. */
function applyHistoryRecords(working: readonly Working[], history: History, policy: ParameterSet, live: (w: Working) => boolean): void {
  if (history.entries.length === 0 && history.unreadable.size === 0) return;
  const received = new Map<string, HistoryEntry>();
  const twoParts = new Map<string, HistoryEntry[]>();
  for (const h of history.entries) {
    for (const m of h.measures) {
      const key = `${h.entity}|${m}`;
      if (h.amount.greaterThan(0) && !received.has(key)) received.set(key, h);
      if (h.written !== null) (twoParts.get(key) ?? twoParts.set(key, []).get(key)!).push(h);
    }
  }
  for (const w of working) {
    if (!live(w) || !w.measure) continue;
    const bad = history.unreadable.get(w.entity);
    if (bad) {
      w.result.status = "manual";
      for (const b of bad) w.result.reasons.push(unreadableHistoryReason(b));
    }
    const key = w.key;
    for (const h of twoParts.get(key) ?? []) w.result.reasons.push(twoPartsReason(h));
    if (!measureParams(policy, w.measure).oneTime) continue;
    const paid = received.get(key);
    if (paid) {
      w.result.status = "ineligible";
      w.amount = ZERO;
      w.result.reasons.push(receivedBeforeReason(w.result.clause, paid));
    }
  }
}

export function unreadableHistoryReason(record: { source: string; zh: string; en: string }): Reason {
  return reason(
    "manual_review",
    `历史兑现记录 ${record.source} 无法读取（${record.zh}）：该主体已获支持情况需人工核对`,
    `history record ${record.source} cannot be read (${record.en}): a person must check what this entity already received`,
  );
}

export function twoPartsReason(record: Pick<HistoryEntry, "source" | "written" | "amount">): Reason {
  return reason(
    "history_two_parts",
    `历史兑现 ${record.source} 的条款“${record.written}”未写明哪一项，按两项均已兑现 ${formatYuan(record.amount)} 计（一次性措施不再支持，两项上限均扣减）`,
    `history ${record.source} names “${record.written}” without its part: counted for both parts, ${formatYuan(record.amount)} (one-time awards refused, both caps reduced)`,
  );
}

export function receivedBeforeReason(clause: string, paid: Pick<HistoryEntry, "source" | "year" | "amount">): Reason {
  return reason(
    "already_received",
    `该主体已获${clause}一次性奖补（${paid.source}${paid.year !== null ? `，${paid.year}年度` : ""}，${formatYuan(paid.amount)}）`,
    `already received this one-time award (${paid.source}${paid.year !== null ? `, ${paid.year}` : ""}, ${formatYuan(paid.amount)})`,
  );
}

export function firstAwardYearReason(clause: string, first: { source: string; year: number }): Reason {
  return reason(
    "already_received",
    `一次性措施只在首个申报年度支持：本批 ${first.source}（${first.year}年度）已申报${clause}`,
    `a one-time measure pays in the entity's first award year only: ${first.source} (${first.year}) of this batch already claims ${clause}`,
  );
}

/**
 * A one-time measure is an event: within the batch it pays in the entity's first award year only (that year's
 * rows share its amount or cap), whether or not that year's row is then paid. Rows of a later year are
 * `already_received`, naming the first row.
 */
function firstAwardYearOnly(working: readonly Working[], policy: ParameterSet, live: (w: Working) => boolean): void {
  const oneTime = (w: Working) => w.measure !== null && measureParams(policy, w.measure).oneTime === true;
  const first = new Map<string, Working>();
  for (const w of working) {
    if (!live(w) || w.result.year === null || !oneTime(w)) continue;
    const current = first.get(w.key);
    if (!current || w.result.year < current.result.year!) first.set(w.key, w);
  }
  if (first.size === 0) return;
  for (const w of working) {
    if (!live(w) || !oneTime(w)) continue;
    const firstRow = first.get(w.key);
    if (!firstRow || w.result.year! <= firstRow.result.year!) continue;
    w.result.status = "ineligible";
    w.amount = ZERO;
    w.result.reasons.push(firstAwardYearReason(w.result.clause, { source: firstRow.result.source, year: firstRow.result.year! }));
  }
}

// ---------------------------------------------------------------------------------------------------------
// Shared caps, in row order

export interface CapPool {
  limit: Money;
  scope: CapUse["scope"];
  history: Money;
  /** What the batch's earlier years paid of this measure (after 不重复): cumulative limits only. */
  paidBefore: Money;
  /** What earlier rows of the year being settled took (before 不重复). */
  thisYear: Money;
  /** The rows of this year that took part of it, for the note when one of them then loses 不重复. */
  takers: Working[];
}

function applySharedCaps(
  w: Working,
  year: number,
  pools: Map<string, Map<number, CapPool>>,
  paidEarlier: ReadonlyMap<string, Money>,
  history: History,
  policy: ParameterSet,
  trackTakers: boolean,
): void {
  const award = w.award;
  if (!award || award.cap === null || !w.measure) return;
  const scope = award.capScope!;
  const limits = limitsOf(policy, w.measure, award.capTier);
  // The entity's limits of this measure, by tier (and by year for an annual cap); keyed by the row's own key.
  let byTier = pools.get(w.key);
  if (!byTier) pools.set(w.key, (byTier = new Map()));
  const rowPools: CapPool[] = limits.map(({ tier, amount }) => {
    const slot = scope === "entity-year" ? tier * 10_000 + year : tier;
    let pool = byTier.get(slot);
    if (!pool) {
      pool = {
        limit: amount,
        scope,
        history: historyUsed(history, w.entity, w.measure!, scope, year),
        paidBefore: ZERO,
        thisYear: ZERO,
        takers: [],
      };
      byTier.set(slot, pool);
    }
    if (pool.takers.length && pool.takers[pool.takers.length - 1].result.year !== year) pool.takers = [];
    // An annual limit is new each year; a cumulative one has had every earlier year's payment of the measure.
    if (scope !== "entity-year") pool.paidBefore = paidEarlier.get(w.key) ?? ZERO;
    return pool;
  });
  let binding = rowPools[0];
  let remaining: Decimal | null = null;
  for (const pool of rowPools) {
    const left = maxDecimal(ZERO, pool.limit.minus(pool.history).minus(pool.paidBefore).minus(pool.thisYear));
    if (remaining === null || left.lessThan(remaining)) {
      remaining = left;
      binding = pool;
    }
  }
  const before = w.amount;
  const after = remaining !== null && before.greaterThan(remaining) ? remaining : before;
  w.capUse = {
    limit: binding.limit,
    scope,
    history: binding.history,
    earlierYears: binding.paidBefore,
    earlierRows: binding.thisYear,
    remaining: remaining ?? ZERO,
    before,
    after,
  };
  if (after !== before) {
    // The row's own cap already said so when it bit alone; the shared limit says it again with what was used.
    w.result.reasons = w.result.reasons.filter((r) => r.code !== "cap_applied");
    w.result.reasons.push(sharedCapReason(w.capUse, year));
    w.amount = after;
    w.bindingTakers = { takers: binding.takers, count: binding.takers.length };
  }
  for (const pool of rowPools) {
    pool.thisYear = pool.thisYear.plus(w.amount);
    if (trackTakers) pool.takers.push(w);
  }
  w.capPools = rowPools;
}

/** A shared limit that bit: what history, earlier years and earlier rows had used, and what was left. */
export function sharedCapReason(use: CapUse, year: number): Reason {
  const used = use.history.plus(use.earlierYears).plus(use.earlierRows);
  const scope = use.scope;
  const scopeZh = scope === "entity-year" ? `${year}年度` : scope === "entity-lifetime" ? "一次性" : "累计";
  const scopeEn = scope === "entity-year" ? `${year}` : scope === "entity-lifetime" ? "one-time" : "cumulative";
  return reason(
    "cap_applied",
    `${scopeZh}上限 ${formatYuan(use.limit)}，已使用 ${formatYuan(used)}（历史兑现 ${formatYuan(use.history)}，本批以前年度 ${formatYuan(use.earlierYears)}，本年度前序行 ${formatYuan(use.earlierRows)}），剩余 ${formatYuan(use.remaining)}：${formatYuan(use.before)} → ${formatYuan(use.after)}`,
    `${scopeEn} cap ${formatYuan(use.limit)}, already used ${formatYuan(used)} (history ${formatYuan(use.history)}, earlier years of this batch ${formatYuan(use.earlierYears)}, earlier rows of this year ${formatYuan(use.earlierRows)}), remaining ${formatYuan(use.remaining)}: ${formatYuan(use.before)} → ${formatYuan(use.after)}`,
  );
}

/** Appended to a shared cap's reason: rows that used the limit first and then lost 不重复. */
export function addTakersNote(capped: Reason, losers: readonly string[]): void {
  capped.zh += `；其中 ${losers.join("、")} 在不重复中落选，但其占用的额度先于不重复计算`;
  capped.en += `; of this, ${losers.join(", ")} then lost 不重复, but shared caps are applied before it`;
}

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

export function historyUsed(history: History, entity: string, measure: MeasureId, scope: CapUse["scope"], year: number): Decimal {
  let used = ZERO;
  for (const h of history.byEntity.get(entity) ?? []) {
    if (!h.measures.includes(measure)) continue;
    // An annual cap counts only that year's records; the others count every record.
    if (scope === "entity-year" && h.year !== year) continue;
    used = used.plus(h.amount);
  }
  return used;
}

// ---------------------------------------------------------------------------------------------------------
// 从优、就高、不重复

/**
 * One measure per entity and scope within the year being settled — the highest total; ties to the lower clause
 * number (the two parts of one clause tie as one), then the earlier row. Several rows of one measure count
 * together. A row whose shared limit an earlier row used, when that row then loses, says so.
 */
function noDuplication(rows: readonly Working[], working: readonly Working[], dedupScope: Options["dedupScope"]): void {
  // Every row here is of the same year: the scope is the entity, or the entity's project.
  const competing = rows.filter((w) => w.measure);
  const scopes = competing.map((w) => (dedupScope === "entity-year" ? w.entity : `${w.entity}|${w.projectId}`));
  const winners = chooseWinners(
    competing.map((w, i) => ({
      scope: scopes[i],
      measureKey: w.measure!,
      clause: clauseNumber(w.measure!),
      index: w.result.index,
      amount: w.amount,
    })),
  );
  // The measures met in each scope (a short list), for the explanation of who won against whom.
  const measuresOf = new Map<string, MeasureId[]>();
  competing.forEach((w, i) => {
    const list = measuresOf.get(scopes[i]);
    if (!list) measuresOf.set(scopes[i], [w.measure!]);
    else if (!list.includes(w.measure!)) list.push(w.measure!);
  });
  const winnerText = new Map<DedupWinner, { zh: string; en: string }>();
  competing.forEach((w, i) => {
    const all = measuresOf.get(scopes[i])!;
    const win = winners.get(scopes[i]);
    if (all.length > 1) w.dedup = { won: win?.measureKey === w.measure, met: all };
    if (!win || win.measureKey === w.measure) return;
    let text = winnerText.get(win);
    if (!text) {
      // The winner's part of the message is the same for every row it supersedes.
      text = winnerWords(win.measureKey as MeasureId, working[win.firstIndex].result.source, win.total);
      winnerText.set(win, text);
    }
    w.result.status = "superseded";
    w.result.reasons.push(supersededReason(text, dedupScope, w.result.year!, w.amount));
    w.amount = ZERO;
  });
  const lost = new LostTakers<Working>((t) => t.result.status === "superseded");
  for (const w of competing) {
    if (w.result.status === "superseded" || !w.bindingTakers) continue;
    const losers = lost.before(w.bindingTakers.takers, w.bindingTakers.count);
    if (losers.length === 0) continue;
    const capped = w.result.reasons.find((r) => r.code === "cap_applied");
    if (!capped) continue;
    addTakersNote(
      capped,
      losers.map((t) => t.result.source),
    );
  }
}

/** The winner of 不重复 as the superseded rows name it: its clause, its first row and its total. */
export function winnerWords(winner: MeasureId, winnerSource: string, total: Decimal): Localized {
  const shown = formatYuan(total);
  return {
    zh: `由 ${clauseCitation(winner)}（${winnerSource}，合计 ${shown}）支持`,
    en: `goes to ${clauseCitation(winner)} (${winnerSource}, total ${shown})`,
  };
}

export function supersededReason(winner: Localized, dedupScope: Options["dedupScope"], year: number, amount: Decimal): Reason {
  const scopeZh = dedupScope === "entity-year" ? `${year}年度` : `${year}年度同一项目`;
  const scopeEn = dedupScope === "entity-year" ? `${year} award` : `${year} project award`;
  const shown = formatYuan(amount);
  return reason(
    "superseded_by",
    `从优、就高、不重复：同一主体${scopeZh}${winner.zh}，本行 ${shown} 不再支持`,
    `no duplication: the entity's ${scopeEn} ${winner.en}; this row's ${shown} is superseded`,
  );
}

function rowSignature(row: ApplicationRow, entity: string): string {
  if (row.signature !== undefined) return row.signature;
  const { source: _source, inputErrors: _errors, ...rest } = row;
  // Decimals serialise as their digits (toJSON), so equal amounts give equal signatures.
  return JSON.stringify({ ...rest, entityId: entity });
}

export const STATUS_ORDER: readonly RowStatus[] = ["eligible", "manual", "superseded", "ineligible", "not_cash", "error"];

function ordered<T>(table: Record<string, T>, compare: (a: string, b: string) => number): Record<string, T> {
  return Object.fromEntries(Object.entries(table).sort(([a], [b]) => compare(a, b)));
}

export function totalsOf(rows: readonly ResultRow[]): Totals {
  const totals: Totals = { rows: rows.length, entities: 0, final: ZERO, byMeasure: {}, byStatus: {}, byCity: {} };
  const entities = new Set<string>();
  const add = (table: Record<string, TotalLine>, key: string, amount: Money) => {
    const line = table[key] ?? (table[key] = { rows: 0, final: ZERO });
    line.rows += 1;
    if (!amount.isZero()) line.final = line.final.plus(amount);
  };
  for (const row of rows) {
    if (row.entityId) entities.add(row.entityId);
    if (!row.final.isZero()) totals.final = totals.final.plus(row.final);
    add(totals.byMeasure, row.measure ?? UNKNOWN_KEY, row.final);
    add(totals.byStatus, row.status, row.final);
    add(totals.byCity, row.city || UNKNOWN_KEY, row.final);
  }
  totals.entities = entities.size;
  return orderTotalTables(totals);
}

/** Measures in catalogue order, statuses in the order a reader expects, cities by name, unknown last. */
export function orderTotalTables<L, T extends { byMeasure: Record<string, L>; byStatus: Record<string, L>; byCity: Record<string, L> }>(
  totals: T,
): T {
  const measureOrder = (key: string) => (MEASURE_IDS as readonly string[]).indexOf(key) + 1 || Infinity;
  const statusOrder = (key: string) => STATUS_ORDER.indexOf(key as RowStatus) + 1 || Infinity;
  totals.byMeasure = ordered(totals.byMeasure, (a, b) => measureOrder(a) - measureOrder(b));
  totals.byStatus = ordered(totals.byStatus, (a, b) => statusOrder(a) - statusOrder(b));
  totals.byCity = ordered(totals.byCity, (a, b) => (a === UNKNOWN_KEY ? 1 : b === UNKNOWN_KEY ? -1 : a.localeCompare(b, "zh-CN")));
  return totals;
}
