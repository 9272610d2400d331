/**
 * The settlement's second step: a one-time measure pays in the first award year of the batch only, per award
 * (RULES.md revision 3, "One-time per base / site / centre / zone"): per entity and project id (M4a per site,
 * M6a/M6b per base, M7 per centre, M19 per zone; a blank project id is one project of its entity), M4b per
 * entity. A later year's row of the same award is `already_received`, naming the first year's first row.
 */
import { MEASURE_IDS } from "../measures/measure-id";
import { BATCH, BatchColumns, INELIGIBLE, MeasureFacts, isLive } from "./columns";

const M4A = MEASURE_IDS.indexOf("M4a");
const M4B = MEASURE_IDS.indexOf("M4b");

/** The award a one-time row belongs to: its measure and, but for M4b (per entity), its project. */
export function oneTimeKey(measure: number, project: number): number {
  return (measure === M4B ? 0 : project) * 64 + measure;
}

/** The first row of each one-time award among the entity's rows (reused from entity to entity). */
const firstOf = new Map<number, number>();

/** Keeps, for row i's one-time award (oneTimeKey), the row of the earliest award year seen (the first on a tie). */
function keepEarliest(earliest: Map<number, number>, columns: BatchColumns, i: number): void {
  const key = oneTimeKey(columns.measure[i], columns.project[i]);
  const current = earliest.get(key);
  if (current === undefined || columns.year[i] < columns.year[current]) earliest.set(key, i);
}

export function firstAwardYearOnly(columns: BatchColumns, rows: Int32Array, count: number, measures: MeasureFacts[]): void {
  const { status, measure, year, project } = columns;
  firstOf.clear();
  for (let k = 0; k < count; k++) {
    const i = rows[k];
    if (!isLive(status[i]) || !measures[measure[i]].oneTime) continue;
    keepEarliest(firstOf, columns, i);
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

/** The earliest row of each 第4条 award (M4a: site; M4b: entity) whose import+export reached the threshold. */
const reachedFirst = new Map<number, number>();

/**
 * 首次达到 contradicted by the batch (RULES.md revision 3): a row of 第4条, flagged first-time, is `ineligible`
 * (`not_first_time`, naming the row) when the entity's rows (any status) hold a row of the same part of an earlier
 * award year — for M4a of the same site — whose import+export reached that part's threshold. `all` holds every
 * row of the entity, in input order; `rows` its live rows.
 */
export function firstTimeContradicted(
  columns: BatchColumns,
  all: Int32Array,
  from: number,
  to: number,
  rows: Int32Array,
  count: number,
): void {
  const { status, measure, year, project, reach } = columns;
  reachedFirst.clear();
  for (let k = from; k < to; k++) {
    const j = all[k];
    if (!reach[j] || (measure[j] !== M4A && measure[j] !== M4B) || Number.isNaN(year[j])) continue;
    keepEarliest(reachedFirst, columns, j);
  }
  if (reachedFirst.size === 0) return;
  for (let k = 0; k < count; k++) {
    const i = rows[k];
    if (!isLive(status[i]) || (measure[i] !== M4A && measure[i] !== M4B)) continue;
    const evidence = reachedFirst.get(oneTimeKey(measure[i], project[i]));
    if (evidence === undefined || !(year[evidence] < year[i])) continue;
    status[i] = INELIGIBLE;
    columns.amount[i] = 0;
    columns.flags[i] |= BATCH.notFirstTime;
    columns.refRow[i] = evidence;
  }
}

/** The first row of each loan among the entity's rows (reused from entity to entity). */
const firstOfLoan = new Map<string, number>();

/**
 * `loan` mode pays a loan once (RULES.md revision 3, change 5): like a one-time award it is decided on the loan's
 * first award year in the batch, whether or not that year's row is then paid; a row of a later award year of the
 * same loan (same entity, measure, project, principal and start date) is `ineligible`, `already_received`,
 * naming the first year's first row.
 */
export function loanPaidOnce(columns: BatchColumns, rows: Int32Array, count: number): void {
  const { status, measure, year, project, loan } = columns;
  firstOfLoan.clear();
  for (let k = 0; k < count; k++) {
    const i = rows[k];
    if (!isLive(status[i]) || loan[i] === 0) continue;
    const key = `${measure[i]}|${project[i]}|${loan[i]}`;
    const current = firstOfLoan.get(key);
    if (current === undefined || year[i] < year[current]) firstOfLoan.set(key, i);
  }
  if (firstOfLoan.size === 0) return;
  for (let k = 0; k < count; k++) {
    const i = rows[k];
    if (!isLive(status[i]) || loan[i] === 0) continue;
    const first = firstOfLoan.get(`${measure[i]}|${project[i]}|${loan[i]}`)!;
    if (!(year[i] > year[first])) continue;
    status[i] = INELIGIBLE;
    columns.amount[i] = 0;
    columns.flags[i] |= BATCH.loanPaid;
    columns.refRow[i] = first;
  }
}
