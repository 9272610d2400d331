import { Money, formatFen } from "../money/money";
import { BatchResult, ResultRow, TotalLine } from "../rows/types";
import { OptionsJson, withAssumptions } from "./assumptions";

/** Amounts as strings with exactly two decimals (`"607500.00"`), never floats. */
export interface ResultRowJson {
  source: string;
  entityId: string;
  entityName: string;
  city: string;
  year: number | null;
  measure: string | null;
  clause: string;
  computed: string | null;
  cap: string | null;
  claimed: string | null;
  final: string;
  status: string;
  reasons: { code: string; severity: string; zh: string; en: string; field?: string }[];
  citation: string;
  /** How the amount came about (SCREENING.md); made when first read. */
  readonly explain: { zh: string; en: string };
}

export interface BatchResultJson {
  policy: { id: string; title: { zh: string; en: string }; stage: string };
  /** The options, and the assumptions and readings in force with them (RULES.md revision 3, change 8). */
  options: OptionsJson;
  rows: ResultRowJson[];
  totals: {
    rows: number;
    entities: number;
    final: string;
    byMeasure: Record<string, { rows: number; final: string }>;
    byStatus: Record<string, { rows: number; final: string }>;
    byCity: Record<string, { rows: number; final: string }>;
  };
}

const fen = (value: Money | null) => (value === null ? null : formatFen(value));

/** A row as JSON: plain fields, and `explain` made when first read (JSON.stringify reads it through toJSON). */
class RowJson implements ResultRowJson {
  source: string;
  entityId: string;
  entityName: string;
  city: string;
  year: number | null;
  measure: string | null;
  clause: string;
  computed: string | null;
  cap: string | null;
  claimed: string | null;
  final: string;
  status: string;
  reasons: ResultRowJson["reasons"];
  citation: string;
  /** The batch's row (a plain field: #private ones cost a WeakMap entry per row); kept out of JSON and copies. */
  private readonly row: ResultRow;

  constructor(row: ResultRow) {
    this.source = row.source;
    this.entityId = row.entityId;
    this.entityName = row.entityName;
    this.city = row.city;
    this.year = row.year;
    this.measure = row.measure;
    this.clause = row.clause;
    this.computed = fen(row.computed);
    this.cap = fen(row.cap);
    this.claimed = fen(row.claimed);
    this.final = formatFen(row.final);
    this.status = row.status;
    this.reasons = row.reasons.map((r) => ({ ...r }));
    this.citation = row.citation;
    this.row = row;
  }

  get explain(): { zh: string; en: string } {
    return this.row.explain;
  }

  /** The explanation made afresh, not kept (see ResultRow.explainAgain). */
  explainAgain(): { zh: string; en: string } {
    const row = this.row as ResultRow & { explainAgain?: () => { zh: string; en: string } };
    return row.explainAgain ? row.explainAgain() : row.explain;
  }

  toJSON(): ResultRowJson {
    return { ...this.fields(), explain: this.explain };
  }

  worded(): ResultRowJson {
    return { ...this.fields(), explain: this.explainAgain() };
  }

  /** The row's own fields, in the JSON's order. */
  private fields(): Omit<ResultRowJson, "explain"> {
    const { source, entityId, entityName, city, year, measure, clause, computed, cap, claimed, final, status, reasons, citation } = this;
    return { source, entityId, entityName, city, year, measure, clause, computed, cap, claimed, final, status, reasons, citation };
  }
}

export function rowToJson(row: ResultRow): ResultRowJson {
  return new RowJson(row);
}

function linesToJson(table: Record<string, TotalLine>): Record<string, { rows: number; final: string }> {
  return Object.fromEntries(Object.entries(table).map(([key, line]) => [key, { rows: line.rows, final: formatFen(line.final) }]));
}

export function batchResultToJson(result: BatchResult): BatchResultJson {
  return {
    policy: result.policy,
    options: withAssumptions(result.options),
    rows: result.rows.map(rowToJson),
    totals: {
      rows: result.totals.rows,
      entities: result.totals.entities,
      final: formatFen(result.totals.final),
      byMeasure: linesToJson(result.totals.byMeasure),
      byStatus: linesToJson(result.totals.byStatus),
      byCity: linesToJson(result.totals.byCity),
    },
  };
}

/**
 * A row's explanation without keeping it on the row, where the row can make it afresh: for hosts that write
 * every row once (the results sheet, the JSON) and would otherwise hold all of them in memory.
 */
export function explanationOf(row: ResultRowJson): { zh: string; en: string } {
  return row instanceof RowJson ? row.explainAgain() : row.explain;
}

/**
 * A row as plain data, its reasons and explanation worded afresh and not kept on the row: what hosts write
 * (the results sheet, the JSON, a message to the pane) when they go through every row once.
 */
export function wordedRow(row: ResultRowJson): ResultRowJson {
  const worded = (row as { worded?: () => ResultRowJson }).worded;
  return worded ? worded.call(row) : row;
}

/** A row's reason codes, without wording its reasons where the row can say them from its numbers. */
export function reasonCodesOf(row: ResultRowJson): readonly string[] {
  return (row as { reasonCodes?: readonly string[] }).reasonCodes ?? row.reasons.map((r) => r.code);
}
