/**
 * The settlement's second step: a one-time measure pays in the first award year of the batch only, per award
 * (RULES.md revision 3, "One-time per base / site / centre / zone"): per entity and project id (M4a per site,
 * M6a/M6b per base, M7 per centre, M19 per zone; a blank project id is one project of its entity), M4b per
 * entity. A later year's row of the same award is `already_received`, naming the first year's first row.
 */
import { MEASURE_IDS } from "../measures/measure-id";
import { BATCH, BatchColumns, INELIGIBLE, MeasureFacts, isLive } from "./columns";

const M4B = MEASURE_IDS.indexOf("M4b");

/** The award a one-time row belongs to: its measure and, but for M4b (per entity), its project. */
export function oneTimeKey(measure: number, project: number): number {
  return (measure === M4B ? 0 : project) * 64 + measure;
}

/** The first row of each one-time award among the entity's rows (reused from entity to entity). */
const firstOf = new Map<number, number>();

export function firstAwardYearOnly(columns: BatchColumns, rows: Int32Array, count: number, measures: MeasureFacts[]): void {
  const { status, measure, year, project } = columns;
  firstOf.clear();
  for (let k = 0; k < count; k++) {
    const i = rows[k];
    if (!isLive(status[i]) || !measures[measure[i]].oneTime) continue;
    const key = oneTimeKey(measure[i], project[i]);
    const current = firstOf.get(key);
    if (current === undefined || year[i] < year[current]) firstOf.set(key, i);
  }
  if (firstOf.size === 0) return;
  for (let k = 0; k < count; k++) {
    const i = rows[k];
    if (!isLive(status[i]) || !measures[measure[i]].oneTime) continue;
    const firstRow = firstOf.get(oneTimeKey(measure[i], project[i]))!;
    if (year[i] <= year[firstRow]) continue;
    status[i] = INELIGIBLE;
    columns.amount[i] = 0;
    columns.flags[i] |= BATCH.firstYearOnly;
    columns.refRow[i] = firstRow;
  }
}
