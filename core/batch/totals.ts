/** The totals' tables in the order a reader expects. */
import { MEASURE_IDS } from "../measures/measure-id";
import { RowStatus, UNKNOWN_KEY } from "../rows/types";

export const STATUS_ORDER: readonly RowStatus[] = ["eligible", "manual", "superseded", "ineligible", "not_cash", "error"];

function ordered<T>(table: Record<string, T>, compare: (a: string, b: string) => number): Record<string, T> {
  return Object.fromEntries(Object.entries(table).sort(([a], [b]) => compare(a, b)));
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
