/** The settlement's second step: a one-time measure pays in the entity's first award year of the batch only (RULES.md). */
import { MEASURE_IDS } from "../measures/measure-id";
import { BATCH, BatchColumns, INELIGIBLE, MeasureFacts, isLive } from "./columns";

/** The first row of each one-time measure in the entity's rows, by measure index (reused from entity to entity). */
const firstOf = new Int32Array(MEASURE_IDS.length).fill(-1);

export function firstAwardYearOnly(columns: BatchColumns, rows: Int32Array, count: number, measures: MeasureFacts[]): void {
  const { status, measure, year } = columns;
  let any = false;
  for (let k = 0; k < count; k++) {
    const i = rows[k];
    if (!isLive(status[i]) || !measures[measure[i]].oneTime) continue;
    const current = firstOf[measure[i]];
    if (current < 0 || year[i] < year[current]) firstOf[measure[i]] = i;
    any = true;
  }
  if (!any) return;
  for (let k = 0; k < count; k++) {
    const i = rows[k];
    if (!isLive(status[i]) || !measures[measure[i]].oneTime) continue;
    const firstRow = firstOf[measure[i]];
    if (year[i] <= year[firstRow]) continue;
    status[i] = INELIGIBLE;
    columns.amount[i] = 0;
    columns.flags[i] |= BATCH.firstYearOnly;
    columns.refRow[i] = firstRow;
  }
  for (let k = 0; k < count; k++) firstOf[measure[rows[k]]] = -1;
}
