import { Money, formatFen } from "../money/money";
import { BatchResult, ResultRow, TotalLine } from "./resolve";

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
}

export interface BatchResultJson {
  policy: { id: string; title: { zh: string; en: string }; stage: string };
  options: BatchResult["options"];
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

export function rowToJson(row: ResultRow): ResultRowJson {
  return {
    source: row.source,
    entityId: row.entityId,
    entityName: row.entityName,
    city: row.city,
    year: row.year,
    measure: row.measure,
    clause: row.clause,
    computed: fen(row.computed),
    cap: fen(row.cap),
    claimed: fen(row.claimed),
    final: formatFen(row.final),
    status: row.status,
    reasons: row.reasons.map((r) => ({ ...r })),
    citation: row.citation,
  };
}

function linesToJson(table: Record<string, TotalLine>): Record<string, { rows: number; final: string }> {
  return Object.fromEntries(Object.entries(table).map(([key, line]) => [key, { rows: line.rows, final: formatFen(line.final) }]));
}

export function batchResultToJson(result: BatchResult): BatchResultJson {
  return {
    policy: result.policy,
    options: result.options,
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
