/**
 * The batch resolver: many application rows → one result per row, in input order. Order of application
 * (RULES.md): compute each row → history (one-time awards, cumulative caps) → shared per-measure caps in row
 * order → other provincial support → 从优、就高、不重复 (no duplication) → claimed amount → round.
 * The policy's closing paragraph: "同一法人主体…符合本政策内多条奖补措施的，按照“从优、就高、不重复”原则予以支持".
 */
import { InputError } from "../errors/errors";
import { Decimal, DecimalInput, Money, ZERO, formatYuan, maxDecimal, roundToFen } from "../money/money";
import { nonNegativeAmount, optionalAmount } from "../money/input";
import { awardFor } from "../measures";
import { MEASURE_IDS, MeasureId, MeasureRef, clauseCitation, clauseNumber, parseMeasureId, parseMeasureRef } from "../measures/measure-id";
import { ApplicationFacts, Award, AwardContext, AwardStatus, TraceStep } from "../measures/types";
import { Options, OptionsInput, awardContext, resolveOptions } from "../options";
import { DedupWinner, chooseWinners } from "./no-duplication";
import { measureCitation, measureParams } from "../policy/registry";
import { Localized, ParameterSet } from "../policy/types";
import { Reason, ReasonCode, reason } from "../reasons/reasons";
import { UsccCheck, checkUscc, cityOfUscc, isHeilongjiang } from "../uscc/uscc";

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
  amount: DecimalInput;
  source?: string;
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
  trace: TraceStep[];
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
  /** false skips the readable trace of each row (a screening that never shows it); default true. */
  trace?: boolean;
}

/** The totals key for a row with no measure, or no city (none given and the code is not from Heilongjiang). */
export const UNKNOWN_KEY = "未知";

interface Working {
  result: ResultRow;
  entity: string;
  measure: MeasureId | null;
  projectId: string;
  award: Award | null;
  /** The running amount through the batch steps. */
  amount: Decimal;
  other: Decimal | null;
  tracing: boolean;
}

export function resolveBatch(rows: readonly ApplicationRow[], batchOptions: BatchOptions = {}): BatchResult {
  const resolved = resolveOptions(batchOptions);
  const { options, policy } = resolved;
  const { records: history, problems: historyProblems } = readHistory(batchOptions.history ?? []);
  const progressEvery = Math.max(1, Math.floor(rows.length / 100));

  const seen = new Map<string, string>();
  const cache: RowCache = { uscc: new Map(), contexts: new Map(), measures: new Map() };
  const working: Working[] = rows.map((row, index) => {
    const w = computeRow(row, index, resolved, seen, batchOptions.trace !== false, cache);
    if (batchOptions.onProgress && (index + 1) % progressEvery === 0) batchOptions.onProgress(index + 1, rows.length);
    return w;
  });
  const live = (w: Working) => w.result.status === "eligible" || w.result.status === "manual";

  // History: a one-time award already received is refused.
  const received = new Map<string, HistoryEntry>();
  for (const h of history)
    if (h.amount.greaterThan(0) && !received.has(`${h.entity}|${h.measure}`)) received.set(`${h.entity}|${h.measure}`, h);
  for (const w of working) {
    if (!live(w) || !w.measure || !measureParams(policy, w.measure).oneTime) continue;
    const paid = received.get(`${w.entity}|${w.measure}`);
    if (paid) {
      setStatus(w, "ineligible");
      w.amount = ZERO;
      addReason(
        w,
        "already_received",
        `该主体已获${w.result.clause}一次性奖补（${paid.source}，${formatYuan(paid.amount)}）`,
        `already received this one-time award (${paid.source}, ${formatYuan(paid.amount)})`,
      );
    }
  }

  // Shared per-measure caps, in row order, after what history says was already paid.
  const used = new Map<string, { history: Decimal; rows: Decimal }>();
  for (const h of history) {
    const scope = measureParams(policy, h.measure).cap?.scope;
    if (!scope) continue;
    const key = capKey(scope, h.entity, h.measure, h.year);
    if (key === null) continue;
    const entry = used.get(key) ?? { history: ZERO, rows: ZERO };
    entry.history = entry.history.plus(h.amount);
    used.set(key, entry);
  }
  for (const w of working) {
    if (!live(w) || !w.measure || !w.award || w.award.cap === null) continue;
    const scope = w.award.capScope!;
    const key = capKey(scope, w.entity, w.measure, w.result.year)!;
    const entry = used.get(key) ?? { history: ZERO, rows: ZERO };
    used.set(key, entry);
    const already = entry.history.plus(entry.rows);
    const remaining = maxDecimal(ZERO, w.award.cap.minus(already));
    if (w.amount.greaterThan(remaining)) {
      w.result.reasons = w.result.reasons.filter((r) => r.code !== "cap_applied");
      const scopeZh = scope === "entity-year" ? `${w.result.year}年度` : scope === "entity-lifetime" ? "一次性" : "累计";
      const scopeEn = scope === "entity-year" ? `for ${w.result.year}` : scope === "entity-lifetime" ? "one-time" : "cumulative";
      addReason(
        w,
        "cap_applied",
        `${scopeZh}上限 ${formatYuan(w.award.cap)}，已使用 ${formatYuan(already)}（历史兑现 ${formatYuan(entry.history)}，本批前序行 ${formatYuan(entry.rows)}），剩余 ${formatYuan(remaining)}：${formatYuan(w.amount)} → ${formatYuan(remaining)}`,
        `${scopeEn} cap ${formatYuan(w.award.cap)}, already used ${formatYuan(already)} (history ${formatYuan(entry.history)}, earlier rows ${formatYuan(entry.rows)}), remaining ${formatYuan(remaining)}: ${formatYuan(w.amount)} → ${formatYuan(remaining)}`,
      );
      w.amount = remaining;
    }
    entry.rows = entry.rows.plus(w.amount);
  }

  // Support for the same item under other provincial policies.
  for (const w of working) {
    if (!live(w) || w.other === null || w.other.isZero()) continue;
    if (options.otherSupport === "exclude") {
      addReason(
        w,
        "other_support_excluded",
        `已获其他省级支持 ${formatYuan(w.other)}，不再重复支持（exclude）`,
        `other provincial support of ${formatYuan(w.other)} received: excluded`,
      );
      w.amount = ZERO;
    } else if (w.other.greaterThanOrEqualTo(w.amount)) {
      addReason(
        w,
        "other_support_higher",
        `已获其他省级支持 ${formatYuan(w.other)} 不低于本项 ${formatYuan(w.amount)}，就高不再补足`,
        `other provincial support ${formatYuan(w.other)} is at least this award ${formatYuan(w.amount)}: nothing to top up`,
      );
      w.amount = ZERO;
    } else {
      const topUp = w.amount.minus(w.other);
      addReason(
        w,
        "other_support_deducted",
        `已获其他省级支持 ${formatYuan(w.other)}，补足差额 ${formatYuan(topUp)}`,
        `other provincial support ${formatYuan(w.other)} deducted: top-up ${formatYuan(topUp)}`,
      );
      w.amount = topUp;
    }
  }

  // 从优、就高、不重复: one measure per entity and scope — the highest total, ties to the lower measure number,
  // then the earlier row.
  const scopeOf = (w: Working) => (options.dedupScope === "entity-year" ? `${w.entity}|${w.result.year}` : `${w.entity}|${w.projectId}`);
  const competing = working.filter((w) => live(w) && w.measure);
  const winners = chooseWinners(
    competing.map((w) => ({
      scope: scopeOf(w),
      measureKey: w.measure!,
      clause: clauseNumber(w.measure!),
      index: w.result.index,
      amount: w.amount,
    })),
  );
  const winnerText = new Map<DedupWinner, { zh: string; en: string }>();
  for (const w of competing) {
    const win = winners.get(scopeOf(w));
    if (!win || win.measureKey === w.measure) continue;
    let text = winnerText.get(win);
    if (!text) {
      // The winner's part of the message is the same for every row it supersedes.
      const winner = win.measureKey as MeasureId;
      const winnerSource = working[win.firstIndex].result.source;
      const total = formatYuan(win.total);
      text = {
        zh: `由 ${winner}（${clauseCitation(winner)}，${winnerSource}，合计 ${total}）支持`,
        en: `goes to ${winner} (${clauseCitation(winner)}, ${winnerSource}, total ${total})`,
      };
      winnerText.set(win, text);
    }
    const scopeZh = options.dedupScope === "entity-year" ? `${w.result.year}年度` : "同一项目";
    const scopeEn = options.dedupScope === "entity-year" ? `${w.result.year} award` : "project award";
    const amount = formatYuan(w.amount);
    setStatus(w, "superseded");
    addReason(
      w,
      "superseded_by",
      `从优、就高、不重复：同一主体${scopeZh}${text.zh}，本行 ${amount} 不再支持`,
      `no duplication: the entity's ${scopeEn} ${text.en}; this row's ${amount} is superseded`,
    );
    w.amount = ZERO;
  }

  // Claimed amount: never pay more than asked; flag a claim above what the rules give.
  for (const w of working) {
    if (!live(w) || w.result.claimed === null) continue;
    const claimed = w.result.claimed;
    if (claimed.lessThan(w.amount)) {
      addReason(
        w,
        "claim_lower_than_computed",
        `申报金额 ${formatYuan(claimed)} 低于核算金额 ${formatYuan(w.amount)}，按申报金额`,
        `claimed ${formatYuan(claimed)} is below the computed ${formatYuan(w.amount)}: the claim is awarded`,
      );
      w.amount = claimed;
    } else if (claimed.greaterThan(w.amount)) {
      addReason(
        w,
        "claim_exceeds_computed",
        `申报金额 ${formatYuan(claimed)} 高于核算金额 ${formatYuan(w.amount)}，按核算金额`,
        `claimed ${formatYuan(claimed)} exceeds the computed ${formatYuan(w.amount)}: the computed amount is awarded`,
      );
    }
  }

  const results = working.map((w) => {
    w.result.final = live(w) ? roundToFen(w.amount) : ZERO;
    if (w.tracing) {
      w.result.trace.push({
        step: "final",
        zh: `最终金额 ${formatYuan(w.result.final)}（${w.result.status}）`,
        en: `final ${formatYuan(w.result.final)} (${w.result.status})`,
      });
    }
    return w.result;
  });
  batchOptions.onProgress?.(rows.length, rows.length);
  return {
    policy: { id: policy.id, title: policy.title, stage: policy.stage },
    options,
    rows: results,
    totals: totalsOf(results),
    historyProblems,
  };
}

/** Per-batch memo: entities and years repeat across rows. */
interface RowCache {
  uscc: Map<string, { check: UsccCheck; city: string; inProvince: boolean }>;
  contexts: Map<number, AwardContext>;
  /** Measure cells as written → their parse (an id, or the InputError to report). */
  measures: Map<string | number, MeasureRef | InputError>;
}

function checkedEntity(raw: string, cache: RowCache) {
  let entry = cache.uscc.get(raw);
  if (!entry) {
    const check = checkUscc(raw);
    entry = {
      check,
      city: check.valid ? (cityOfUscc(check.normalised)?.zh ?? "") : "",
      inProvince: check.valid && isHeilongjiang(check.normalised),
    };
    cache.uscc.set(raw, entry);
  }
  return entry;
}

function computeRow(
  row: ApplicationRow,
  index: number,
  resolved: ReturnType<typeof resolveOptions>,
  seen: Map<string, string>,
  trace: boolean,
  cache: RowCache,
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
      errors.push(reason("missing_field", "缺少统一社会信用代码", "the Unified Social Credit Code (entityId) is missing", "entityId"));
    }
  } else if (!entity.inProvince) {
    warnings.push(
      reason(
        "out_of_province",
        `统一社会信用代码 ${uscc.normalised} 的登记机关不在黑龙江省（${uscc.normalised.slice(2, 8)}）`,
        `USCC ${uscc.normalised} was registered outside Heilongjiang (division ${uscc.normalised.slice(2, 8)})`,
        "entityId",
      ),
    );
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
    errors.push(reason("duplicate_row", `与 ${firstSource} 完全相同的重复行`, `identical to ${firstSource}: a duplicate row`));
  } else {
    seen.set(signature, source);
  }

  const city = (typeof row.city === "string" && row.city.trim()) || entity.city;
  const result: ResultRow = {
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
    trace: [],
  };
  const working: Working = {
    result,
    entity: uscc.normalised,
    measure,
    projectId: row.projectId == null ? "" : String(row.projectId).trim(),
    award: null,
    amount: ZERO,
    other,
    tracing: trace,
  };

  if (errors.length > 0) {
    result.reasons = [...errors, ...warnings];
    result.trace.push(...errors.map((e) => ({ step: "error", zh: e.zh, en: e.en })));
    return working;
  }
  const first = policy.validity.firstAwardYear;
  const last = policy.validity.lastAwardYear;
  if (year! < first.value || year! > last.value) {
    result.status = "ineligible";
    result.computed = ZERO;
    result.reasons = [
      reason(
        "outside_validity",
        `申报年度 ${year} 不在政策有效期（${first.value}–${last.value}年，${last.title.zh}）内`,
        `award year ${year} is outside the policy's validity (${first.value}–${last.value})`,
        "year",
      ),
      ...warnings,
    ];
    return working;
  }

  let context = cache.contexts.get(year!);
  if (!context) cache.contexts.set(year!, (context = { ...awardContext(resolved, year!), trace }));
  const award = awardFor(measure!, row.facts ?? {}, context);
  working.award = award;
  working.amount = award.amount;
  result.status = award.status;
  result.computed = award.computed;
  result.cap = award.cap;
  result.citation = award.citation;
  result.reasons = warnings.length ? [...award.reasons, ...warnings] : award.reasons;
  result.trace = trace ? [...award.trace] : award.trace;
  return working;
}

function rowSignature(row: ApplicationRow, entity: string): string {
  if (row.signature !== undefined) return row.signature;
  const { source: _source, inputErrors: _errors, ...rest } = row;
  // Decimals serialise as their digits (toJSON), so equal amounts give equal signatures.
  return JSON.stringify({ ...rest, entityId: entity });
}

function setStatus(w: Working, status: RowStatus): void {
  w.result.status = status;
}

function addReason(w: Working, code: ReasonCode, zh: string, en: string): void {
  w.result.reasons.push(reason(code, zh, en));
  if (w.tracing) w.result.trace.push({ step: code, zh, en });
}

function capKey(scope: string, entity: string, measure: MeasureId, year: number | null | undefined): string | null {
  if (scope === "entity-year") return year === null || year === undefined ? null : `${entity}|${measure}|${year}`;
  return `${entity}|${measure}`;
}

interface HistoryEntry {
  entity: string;
  measure: MeasureId;
  year: number | null;
  amount: Decimal;
  source: string;
}

function readHistory(records: readonly HistoryRecord[]): { records: HistoryEntry[]; problems: BatchResult["historyProblems"] } {
  const entries: HistoryEntry[] = [];
  const problems: BatchResult["historyProblems"] = [];
  records.forEach((record, index) => {
    const source = record.source ?? `history ${index + 1}`;
    try {
      const uscc = checkUscc(String(record.entityId ?? ""));
      if (!uscc.valid) throw new InputError("type", "entityId", uscc.zh!, uscc.en!);
      const measure = parseMeasureId(record.measure);
      const amount = nonNegativeAmount(record.amount, "amount", { zh: "兑现金额", en: "amount paid" });
      const year = record.year === null || record.year === undefined ? null : Number(record.year);
      if (year !== null && !Number.isInteger(year))
        throw new InputError("type", "year", `年度 ${record.year} 无效`, `year ${record.year} is not a year`);
      entries.push({ entity: uscc.normalised, measure, year, amount, source });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.push({ source, zh: `${source}：${e.reason.zh}（该历史记录未计入）`, en: `${source}: ${e.reason.en} (record not used)` });
    }
  });
  return { records: entries, problems };
}

const STATUS_ORDER: readonly RowStatus[] = ["eligible", "manual", "superseded", "ineligible", "not_cash", "error"];

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
  // Measures in catalogue order, statuses in the order a reader expects, cities by name, unknown last.
  const measureOrder = (key: string) => (MEASURE_IDS as readonly string[]).indexOf(key) + 1 || Infinity;
  const statusOrder = (key: string) => STATUS_ORDER.indexOf(key as RowStatus) + 1 || Infinity;
  totals.byMeasure = ordered(totals.byMeasure, (a, b) => measureOrder(a) - measureOrder(b));
  totals.byStatus = ordered(totals.byStatus, (a, b) => statusOrder(a) - statusOrder(b));
  totals.byCity = ordered(totals.byCity, (a, b) => (a === UNKNOWN_KEY ? 1 : b === UNKNOWN_KEY ? -1 : a.localeCompare(b, "zh-CN")));
  return totals;
}
