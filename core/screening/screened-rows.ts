/**
 * The engine's results as the rows SCREENING.md specifies (the JSON's rows): each row reads its fields from
 * the engine's columns, and its reasons and explanation are worded when first read — by the reference's
 * own words: the row's award made again by its measure's rule, then the batch's decisions in the words
 * the reference uses (rows/row-reasons.ts, words/batch-reasons.ts). A run that writes only totals words nothing.
 */
import { CapUse, DedupOutcome } from "../rows/types";
import { HistoryEntry } from "../rows/history-records";
import {
  claimReason,
  duplicateRowReason,
  outOfProvinceWarning,
  outsideValidityReason,
  otherSupportReason,
  rowReasons,
} from "../rows/row-reasons";
import {
  DedupTie,
  addTakersNote,
  firstAwardYearReason,
  loanPaidReason,
  notFirstTimeReason,
  receivedBeforeReason,
  sharedCapReason,
  supersededReason,
  twoPartsReason,
  noTierReason,
  unreadableHistoryReason,
  winnerWords,
} from "../words/batch-reasons";
import { BATCH, CAP_USE, STATUSES } from "../batch/columns";
import type { BatchResultJson, ResultRowJson } from "../words/result-json";
import { fromDayNumber } from "../dates/civil-date";
import { explainRow } from "../explain";
import { MEASURE_IDS, MeasureId, clauseCitation, clauseNumber } from "../measures/measure-id";
import { ApplicationFacts, Award, AwardContext } from "../measures/types";
import { awardFor } from "../measures";
import { awardContext } from "../options";
import { isHeilongjiang } from "../uscc/uscc";
import { decimalOfFen, decimalOfRateUnits, fenText } from "../money/fen";
import { Decimal, roundToFen } from "../money/money";
import { measureCitation, measureParams } from "../policy/registry";
import { Localized } from "../policy/types";
import { Reason } from "../reasons/reasons";
import { EngineState, cellIndexOf, sourceOf } from "./engine-state";
import { screenedTotals } from "./screened-totals";
import { locate } from "./read-row";

const yuan = (fen: number) => decimalOfFen(fen);
/** A sum in fen, from its exact form where it passed 2^53 fen (batch/columns.ts). */
const exactOr = (exact: bigint | undefined, fen: number) =>
  exact === undefined ? yuan(fen) : new Decimal(exact.toString()).dividedBy(100);
const orNull = (fen: number) => (Number.isNaN(fen) ? null : fenText(fen));

/** The rows and totals of one screening, from the engine's columns. */
export class ScreenedBatch {
  readonly rows: ScreenedRow[];
  private readonly citations = new Map<number, string>();
  /** Award contexts by year, province and trace (computeRow's, made once). */
  private readonly contexts = new Map<number, AwardContext>();
  /** History records that name a measure without its part, by entity and measure (made once, not once a row). */
  private readonly twoParts = new Map<string, HistoryEntry[]>();

  constructor(readonly state: EngineState) {
    const rows: ScreenedRow[] = new Array(state.n);
    for (let i = 0; i < state.n; i++) rows[i] = new ScreenedRow(this, i);
    this.rows = rows;
  }

  /** The entity's history records that name the measure without saying which part, in their order. */
  twoPartsOf(entity: string, measure: MeasureId): HistoryEntry[] {
    const key = `${entity}|${measure}`;
    let records = this.twoParts.get(key);
    if (!records) {
      records = (this.state.history.source.byEntity.get(entity) ?? []).filter((h) => h.written !== null && h.measures.includes(measure));
      this.twoParts.set(key, records);
    }
    return records;
  }

  /** The entity's paid history records of the measure that give no 总投资额 for its tiers, in their order. */
  noTierOf(entity: string, measure: MeasureId): HistoryEntry[] {
    const key = `${entity}|${measure}|tier`;
    let records = this.twoParts.get(key);
    if (!records) {
      records = (this.state.history.source.byEntity.get(entity) ?? []).filter(
        (h) => h.tierUnknown && h.measures.includes(measure) && roundToFen(h.amount).greaterThan(0),
      );
      this.twoParts.set(key, records);
    }
    return records;
  }

  citationOf(measure: number): string {
    let citation = this.citations.get(measure);
    if (citation === undefined) {
      const id = MEASURE_IDS[measure];
      citation = measureCitation(this.state.resolved.policy, id, clauseCitation(id));
      this.citations.set(measure, citation);
    }
    return citation;
  }

  totals(): BatchResultJson["totals"] {
    return screenedTotals(this.state);
  }

  /**
   * The row as the reference decides it on its own: its reasons (before claim and other support), facts,
   * context and award (with its trace when asked, for the explanation).
   */
  alone(i: number, trace = false): Alone {
    const { state } = this;
    const working = state.reference.get(i)?.working;
    if (working) return { reasons: working.result.reasons, facts: working.facts, context: working.context, award: working.award };
    // computeRow's steps for a row the fast rules decided (no input errors, no duplicate): its award and the
    // batch's warning, or the validity years; the property test holds both to the same words.
    const { batch, resolved } = state;
    const facts = this.factsOf(i);
    const entity = state.entities[batch.entity[i]];
    const inProvince = isHeilongjiang(entity);
    const warnings = inProvince ? [] : [outOfProvinceWarning(entity)];
    const year = batch.year[i];
    const first = state.duplicateOf[i];
    if (first >= 0) return { reasons: [duplicateRowReason(sourceOf(state, first)), ...warnings], facts, context: null, award: null };
    if (!state.awarded[i])
      return { reasons: [outsideValidityReason(year, resolved.policy), ...warnings], facts, context: null, award: null };
    const key = (year * 2 + (inProvince ? 1 : 0)) * 2 + (trace ? 1 : 0);
    let context = this.contexts.get(key);
    if (!context) this.contexts.set(key, (context = { ...awardContext(resolved, year), trace, applicantInProvince: inProvince }));
    const award = awardFor(MEASURE_IDS[batch.measure[i]], facts, context);
    return { reasons: rowReasons(award.reasons, warnings), facts, context, award };
  }

  /** A fast row's facts as the reference reads them. */
  factsOf(i: number): ApplicationFacts {
    const { facts, level } = this.state;
    const amount = (column: Float64Array) => (Number.isNaN(column[i]) ? null : yuan(column[i]));
    const flag = (column: Int8Array) => (column[i] < 0 ? null : column[i] === 1);
    const principal = amount(facts.principal);
    const loanRate = Number.isNaN(facts.loanRate[i]) ? null : decimalOfRateUnits(facts.loanRate[i]);
    const startDate = Number.isNaN(facts.startDay[i]) ? null : fromDayNumber(facts.startDay[i]);
    const endDate = Number.isNaN(facts.endDay[i]) ? null : fromDayNumber(facts.endDay[i]);
    const hasLoan = principal !== null || loanRate !== null || startDate !== null || endDate !== null;
    return {
      qualified: flag(facts.qualified),
      totalInvestment: amount(facts.totalInvestment),
      loan: hasLoan ? { principal, loanRate, startDate, endDate, interestPaid: amount(facts.interestPaid) } : null,
      onlineRetailIncrease: amount(facts.onlineRetailIncrease),
      importExport: amount(facts.importExport),
      firstTime: flag(facts.firstTime),
      eligibleCosts: amount(facts.eligibleCosts),
      level: level[i] === 1 ? "national" : level[i] === 2 ? "provincial" : null,
      drivenOnlineSales: amount(facts.drivenOnlineSales),
      investmentLast3Years: amount(facts.investmentLast3Years),
      approvedAmount: amount(facts.approvedAmount),
      applicantId: this.state.entities[this.state.batch.entity[i]],
    };
  }

  /** The row's reasons: its own, then what claim, other support and the batch did, each naming its cell. */
  reasonsOf(i: number, alone?: Alone, capUse: CapUse | null = null): Reason[] {
    const { state } = this;
    const worded = state.reference.get(i)?.worded;
    if (worded) return worded.reasons;
    const { batch } = state;
    const reasons: Reason[] = [...(state.reference.get(i)?.reasons ?? (alone ?? this.alone(i)).reasons)];
    const own = this.claimAndOther(i);
    if (own) {
      if (own.claimed !== null) {
        const why = claimReason(own.claimed, own.award);
        if (why) reasons.push(why);
      }
      if (own.other !== null) reasons.push(otherSupportReason(own.other, own.afterClaim, state.resolved.options.otherSupport));
    }
    const flags = batch.flags[i];
    const measure = batch.measure[i] >= 0 ? MEASURE_IDS[batch.measure[i]] : null;
    const clause = measure ? clauseCitation(measure) : "";
    const history = state.history.source;
    const entity = batch.entity[i] >= 0 ? state.entities[batch.entity[i]] : "";
    if (flags & BATCH.historyUnreadable) for (const b of history.unreadable.get(entity) ?? []) reasons.push(unreadableHistoryReason(b));
    if (flags & BATCH.historyTwoParts) for (const h of this.twoPartsOf(entity, measure!)) reasons.push(twoPartsReason(h));
    if (flags & BATCH.historyNoTier) for (const h of this.noTierOf(entity, measure!)) reasons.push(noTierReason(h));
    if (flags & BATCH.receivedBefore) reasons.push(receivedBeforeReason(clause, history.entries[batch.refEntry[i]], measure === "M4b"));
    if (flags & BATCH.notFirstTime) {
      const evidence = batch.refRow[i];
      reasons.push(
        evidence >= 0
          ? notFirstTimeReason(measure!, { row: { source: sourceOf(state, evidence), year: batch.year[evidence] } })
          : notFirstTimeReason(measure!, { record: history.entries[batch.refEntry[i]] }),
      );
    }
    if (flags & BATCH.firstYearOnly) {
      const first = batch.refRow[i];
      reasons.push(firstAwardYearReason(clause, { source: sourceOf(state, first), year: batch.year[first] }));
    }
    if (flags & BATCH.loanPaid) {
      const first = batch.refRow[i];
      reasons.push(loanPaidReason({ source: sourceOf(state, first), year: batch.year[first] }));
    }
    let capped: Reason | undefined;
    if (flags & BATCH.sharedCap) {
      const kept = reasons.filter((r) => r.code !== "cap_applied");
      reasons.length = 0;
      reasons.push(...kept);
      capped = sharedCapReason(capUse ?? this.capUseOf(i)!, batch.year[i]);
      reasons.push(capped);
    }
    if (flags & BATCH.superseded) {
      const winner = winnerWords(
        MEASURE_IDS[batch.winnerMeasure[i]],
        sourceOf(state, batch.refRow[i]),
        exactOr(batch.exactWinnerTotal.get(i), batch.winnerTotal[i]),
      );
      const tie = flags & BATCH.dedupTie ? dedupTieOf(batch.measure[i], batch.winnerMeasure[i]) : null;
      reasons.push(supersededReason(winner, state.resolved.options.dedupScope, batch.year[i], yuan(batch.supersededAmount[i]), tie));
    }
    const losers = batch.takers.get(i);
    if (losers) {
      capped ??= reasons.find((r) => r.code === "cap_applied");
      if (capped)
        addTakersNote(
          capped,
          losers.map((l) => sourceOf(state, l)),
        );
    }
    // Rows a host gave as data (settleApplications) have no cells to name.
    if (state.sources) return reasons;
    const where = cellIndexOf(state, i);
    return reasons.map((r) => locate(r, where));
  }

  /**
   * A live row's claim and other support (null where none, or zero) against its award, in the reference's
   * decimals for a row the reference decided (a claim may hold a fraction of a fen: its words say what the
   * claim said), else from the fen columns.
   */
  claimAndOther(i: number): { claimed: Decimal | null; award: Decimal; other: Decimal | null; afterClaim: Decimal } | null {
    const { state } = this;
    if (!state.rowLive[i]) return null;
    const working = state.reference.get(i)?.working;
    if (working) {
      const claimed = working.result.claimed;
      const award = working.amount;
      const other = working.other === null || working.other.isZero() ? null : working.other;
      return { claimed, award, other, afterClaim: claimed !== null && claimed.lessThan(award) ? claimed : award };
    }
    const claimed = state.claimed[i];
    const other = state.other[i];
    return {
      claimed: Number.isNaN(claimed) ? null : yuan(claimed),
      award: yuan(state.awardAmount[i]),
      other: Number.isNaN(other) || other === 0 ? null : yuan(other),
      afterClaim: yuan(state.afterClaim[i]),
    };
  }

  /** What the shared cap looked like when the row took its share, in the reference's words' terms. */
  capUseOf(i: number): CapUse | null {
    const { batch } = this.state;
    if (!(batch.flags[i] & BATCH.capUsed)) return null;
    const use = batch.capUse;
    const at = i * 7;
    const scope = measureParams(this.state.resolved.policy, MEASURE_IDS[batch.measure[i]]).cap!.scope;
    return {
      limit: yuan(use[at + CAP_USE.limit]),
      scope,
      history: exactOr(batch.exactHistory.get(i), use[at + CAP_USE.history]),
      earlierYears: yuan(use[at + CAP_USE.earlierYears]),
      earlierRows: yuan(use[at + CAP_USE.earlierRows]),
      remaining: yuan(use[at + CAP_USE.remaining]),
      before: yuan(use[at + CAP_USE.before]),
      after: yuan(use[at + CAP_USE.after]),
    };
  }

  dedupOf(i: number): DedupOutcome | null {
    const { batch } = this.state;
    const met = batch.dedupMet[i];
    return met < 0 ? null : { won: batch.dedupWon[i] === 1, met: batch.metLists[met] };
  }

  /** The row's reason codes in the order its reasons come, from the columns (the reference's codes, unworded). */
  codesOf(i: number): string[] {
    const { state } = this;
    const { batch } = state;
    const codes = [...state.codes[i]];
    const working = state.rowLive[i] ? state.reference.get(i)?.working : undefined;
    if (working) {
      // A row the reference decided: its codes from its decimals, as its words (claimAndOther).
      const own = this.claimAndOther(i)!;
      if (own.claimed !== null && !own.claimed.equals(own.award))
        codes.push(own.claimed.lessThan(own.award) ? "claim_lower_than_computed" : "claim_exceeds_computed");
      if (own.other !== null) {
        const otherSupport = state.resolved.options.otherSupport;
        const higher = own.other.greaterThanOrEqualTo(own.afterClaim);
        codes.push(otherSupport === "exclude" ? "other_support_excluded" : higher ? "other_support_higher" : "other_support_deducted");
      }
    } else if (state.rowLive[i]) {
      const claimed = state.claimed[i];
      const award = state.awardAmount[i];
      if (!Number.isNaN(claimed) && claimed !== award) codes.push(claimed < award ? "claim_lower_than_computed" : "claim_exceeds_computed");
      const other = state.other[i];
      if (!Number.isNaN(other) && other !== 0) {
        const amount = state.afterClaim[i];
        codes.push(
          state.resolved.options.otherSupport === "exclude"
            ? "other_support_excluded"
            : other >= amount
              ? "other_support_higher"
              : "other_support_deducted",
        );
      }
    }
    const flags = batch.flags[i];
    const history = state.history.source;
    const entity = batch.entity[i] >= 0 ? state.entities[batch.entity[i]] : "";
    const measure = batch.measure[i] >= 0 ? MEASURE_IDS[batch.measure[i]] : null;
    if (flags & BATCH.historyUnreadable) for (const _ of history.unreadable.get(entity) ?? []) codes.push("manual_review");
    if (flags & BATCH.historyTwoParts) for (const _ of this.twoPartsOf(entity, measure!)) codes.push("history_two_parts");
    if (flags & BATCH.historyNoTier) for (const _ of this.noTierOf(entity, measure!)) codes.push("history_tier_unknown");
    if (flags & (BATCH.receivedBefore | BATCH.firstYearOnly)) codes.push("already_received");
    if (flags & BATCH.notFirstTime) codes.push("not_first_time");
    if (flags & BATCH.loanPaid) codes.push("already_received");
    if (flags & BATCH.sharedCap) {
      const kept = codes.filter((c) => c !== "cap_applied");
      codes.length = 0;
      codes.push(...kept, "cap_applied");
    }
    if (flags & BATCH.superseded) codes.push("superseded_by");
    return codes;
  }

  /** The row's reasons and explanation, worded together (the row's award made once). */
  word(i: number, row: ScreenedRow): { reasons: Reason[]; explain: Localized } {
    const { state } = this;
    const worded = state.reference.get(i)?.worded;
    if (worded) return worded;
    const alone = this.alone(i, true);
    const capUse = this.capUseOf(i);
    const reasons = this.reasonsOf(i, alone, capUse);
    const measure = state.batch.measure[i] >= 0 ? MEASURE_IDS[state.batch.measure[i]] : null;
    const explain = explainRow(
      {
        measure,
        clause: row.clause,
        status: row.status as never,
        final: yuan(state.batch.amount[i]),
        reasons,
        source: row.source,
        year: row.year,
      },
      measure,
      alone.facts,
      state.awarded[i] ? alone.context : null,
      capUse,
      this.dedupOf(i),
      alone.award,
    );
    return { reasons, explain };
  }
}

/** A row decided on its own: its reasons (before claim, other support and the batch), facts, context, award. */
interface Alone {
  reasons: Reason[];
  facts: ApplicationFacts;
  context: AwardContext | null;
  award: Award | null;
}

/** One result row (SCREENING.md): plain fields from the columns; reasons and explanation worded when read. */
export class ScreenedRow implements ResultRowJson {
  // Plain fields, not #private ones: compiled for ES2020 those are a WeakMap entry each, per row.
  private readonly b: ScreenedBatch;
  private readonly i: number;
  private worded_: { reasons: Reason[]; explain: Localized } | null = null;

  constructor(batch: ScreenedBatch, i: number) {
    this.b = batch;
    this.i = i;
  }

  /** The batch the row belongs to (for moving its columns to another thread: transfer.ts). */
  get screenedBatch(): ScreenedBatch {
    return this.b;
  }

  get source(): string {
    return sourceOf(this.b.state, this.i);
  }
  get entityId(): string {
    const state = this.b.state;
    const reference = state.reference.get(this.i);
    if (reference) return reference.entityId;
    return state.entities[state.batch.entity[this.i]];
  }
  get entityName(): string {
    const state = this.b.state;
    const name = state.entityName[this.i];
    return name >= 0 ? state.texts.texts[name] : "";
  }
  get city(): string {
    const state = this.b.state;
    return state.texts.texts[state.city[this.i]];
  }
  get year(): number | null {
    const year = this.b.state.batch.year[this.i];
    return Number.isNaN(year) ? null : year;
  }
  get measure(): MeasureId | null {
    const measure = this.b.state.batch.measure[this.i];
    return measure < 0 ? null : MEASURE_IDS[measure];
  }
  get clause(): string {
    const measure = this.measure;
    return measure ? clauseCitation(measure) : "";
  }
  get computed(): string | null {
    return orNull(this.b.state.computed[this.i]);
  }
  get cap(): string | null {
    return orNull(this.b.state.batch.cap[this.i]);
  }
  get claimed(): string | null {
    return orNull(this.b.state.claimed[this.i]);
  }
  get final(): string {
    return fenText(this.b.state.batch.amount[this.i]);
  }
  get status(): string {
    return STATUSES[this.b.state.batch.status[this.i]];
  }
  /** The reason codes alone, from the columns: nothing is worded. */
  get reasonCodes(): string[] {
    return this.b.codesOf(this.i);
  }
  get reasons(): ResultRowJson["reasons"] {
    this.worded_ ??= this.b.word(this.i, this);
    return this.worded_.reasons;
  }
  get citation(): string {
    const measure = this.b.state.batch.measure[this.i];
    return measure < 0 ? "" : this.b.citationOf(measure);
  }
  get explain(): Localized {
    this.worded_ ??= this.b.word(this.i, this);
    return this.worded_.explain;
  }

  /** Reasons and explanation worded afresh and not kept: for hosts that write every row once. */
  wordAgain(): { reasons: Reason[]; explain: Localized } {
    return this.worded_ ?? this.b.word(this.i, this);
  }

  explainAgain(): Localized {
    return this.wordAgain().explain;
  }

  toJSON(): ResultRowJson {
    return this.worded();
  }

  /** The row as plain data, worded afresh (see wordedRow). */
  worded(): ResultRowJson {
    const { reasons, explain } = this.wordAgain();
    return {
      source: this.source,
      entityId: this.entityId,
      entityName: this.entityName,
      city: this.city,
      year: this.year,
      measure: this.measure,
      clause: this.clause,
      computed: this.computed,
      cap: this.cap,
      claimed: this.claimed,
      final: this.final,
      status: this.status,
      reasons: reasons.map((r) => ({ ...r })),
      citation: this.citation,
      explain,
    };
  }
}

export type { Decimal };

/** Which rule broke a tie of 不重复: the lower clause number, or (two parts of one clause) the earlier row. */
function dedupTieOf(measure: number, winner: number): DedupTie {
  return clauseNumber(MEASURE_IDS[measure]) === clauseNumber(MEASURE_IDS[winner]) ? "row" : "clause";
}
