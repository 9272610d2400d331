/** The oracle's result row: its `explain` made from the row's own calculation and the batch's decisions when first read. */
import { explainRow } from "../../core/explain";
import { MeasureId } from "../../core/measures/measure-id";
import { ApplicationFacts, AwardContext } from "../../core/measures/types";
import { Money } from "../../core/money/money";
import { Localized } from "../../core/policy/types";
import { Reason } from "../../core/reasons/reasons";
import { CapUse, DedupOutcome, ResultRow, RowDecision, RowStatus } from "../../core/rows/types";

/** A result row whose `explain` is made from the row's own calculation and the batch's decisions when first read. */
export class BatchRow implements ResultRow {
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

  constructor(facts: ApplicationFacts, fields: RowDecision) {
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
