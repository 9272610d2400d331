/** The settlement's first step, history (历史兑现): the entity's records in fen; one-time awards already received refused. */
import { MEASURE_IDS, MeasureId } from "../measures/measure-id";
import { fenHalfUp } from "../money/fen";
import { CapScope } from "../policy/types";
import { History } from "../rows/history-records";
import { BATCH, BatchColumns, FenHistory, FenRecord, INELIGIBLE, MANUAL, MeasureFacts, isLive } from "./columns";

export type { FenHistory } from "./columns";

/** `projectOf` gives a project's index as the rows' project column holds it (the engine's text table, + 1). */
export function fenHistory(history: History, entityIndex: ReadonlyMap<string, number>, projectOf: (project: string) => number): FenHistory {
  const fen: FenHistory = { source: history, unreadable: new Set(), byEntity: new Map() };
  for (const entity of history.unreadable.keys()) {
    const index = entityIndex.get(entity);
    if (index !== undefined) fen.unreadable.add(index);
  }
  history.entries.forEach((entry, i) => {
    const index = entityIndex.get(entry.entity);
    if (index === undefined) return;
    // Read to the fen, half-up: a record holding a fraction of a fen counts as paid to the fen.
    const amount = fenHalfUp(entry.amount);
    const list = fen.byEntity.get(index) ?? [];
    list.push({ entry, index: i, fen: amount, project: entry.project === null ? -1 : projectOf(entry.project) });
    fen.byEntity.set(index, list);
  });
  return fen;
}

/**
 * For one entity's rows, read once, by measure index: a history record names it without its part; its first
 * paid record naming no project (it refuses every project of the entity) — for M4b, any (per entity); and by
 * project and measure, the first paid record naming that project (RULES.md revision 3).
 */
const namedWithoutPart = new Uint8Array(MEASURE_IDS.length);
const firstPaid = new Int32Array(MEASURE_IDS.length);
const tierUnknown = new Uint8Array(MEASURE_IDS.length);
const firstPaidOfProject = new Map<number, number>();
const M4A = MEASURE_IDS.indexOf("M4a");
const M4B = MEASURE_IDS.indexOf("M4b");

function readRecords(records: readonly FenRecord[]): void {
  namedWithoutPart.fill(0);
  firstPaid.fill(-1);
  tierUnknown.fill(0);
  firstPaidOfProject.clear();
  for (let k = 0; k < records.length; k++) {
    const { entry, fen, project } = records[k];
    for (const id of entry.measures) {
      const m = MEASURE_IDS.indexOf(id);
      if (entry.written !== null) namedWithoutPart[m] = 1;
      if (fen <= 0) continue;
      if (entry.tierUnknown) tierUnknown[m] = 1;
      if (project < 0 || m === M4B) {
        if (firstPaid[m] < 0) firstPaid[m] = k;
      } else if (!firstPaidOfProject.has(project * 64 + m)) firstPaidOfProject.set(project * 64 + m, k);
    }
  }
}

/** The first paid record refusing a one-time row of measure m and the given project, or -1. */
function firstPaidFor(m: number, project: number): number {
  const any = firstPaid[m];
  const own = m === M4B ? undefined : firstPaidOfProject.get(project * 64 + m);
  if (own === undefined) return any;
  return any < 0 ? own : Math.min(any, own);
}

export function applyHistory(
  columns: BatchColumns,
  rows: Int32Array,
  count: number,
  e: number,
  history: FenHistory,
  measures: MeasureFacts[],
): void {
  const records = history.byEntity.get(e) ?? [];
  const unreadable = history.unreadable.has(e);
  if (records.length === 0 && !unreadable) return;
  readRecords(records);
  for (let k = 0; k < count; k++) {
    const i = rows[k];
    if (!isLive(columns.status[i])) continue;
    const m = columns.measure[i];
    if (unreadable) {
      columns.status[i] = MANUAL;
      columns.flags[i] |= BATCH.historyUnreadable;
    }
    if (namedWithoutPart[m]) columns.flags[i] |= BATCH.historyTwoParts;
    if (tierUnknown[m]) columns.flags[i] |= BATCH.historyNoTier;
    if (!measures[m].oneTime) continue;
    const paid = firstPaidFor(m, columns.project[i]);
    if (paid < 0) continue;
    columns.status[i] = INELIGIBLE;
    columns.amount[i] = 0;
    columns.flags[i] |= BATCH.receivedBefore;
    // 第4条's part paid before also contradicts the row's 首次达到 (RULES.md revision 3): said with the record.
    if (m === M4A || m === M4B) columns.flags[i] |= BATCH.notFirstTime;
    columns.refEntry[i] = records[paid].index;
  }
}

/**
 * What the entity's records used of a limit, in fen. Past 2^53 fen (records of trillions) the sum is also
 * made exactly, for the words: the limit is then long used up whatever the last fen.
 */
export function historyUsed(
  history: FenHistory,
  e: number,
  measure: MeasureId,
  scope: CapScope,
  year: number,
  tier: number,
  project: number,
): { fen: number; exact: bigint | null } {
  const records = history.byEntity.get(e);
  if (!records) return { fen: 0, exact: null };
  // An annual cap counts only that year's records, the others every record; a record counts against the limits
  // of its own tier and above (第1条: a paid project of the upper tier leaves the lower limit alone); a one-time
  // award's cap only those of its project (or naming none).
  const counts = (r: FenRecord) =>
    r.entry.measures.includes(measure) &&
    (scope !== "entity-year" || r.entry.year === year) &&
    r.entry.capTier <= tier &&
    (scope !== "entity-lifetime" || r.project < 0 || r.project === project);
  let used = 0;
  for (const r of records) if (counts(r)) used += r.fen;
  if (used <= Number.MAX_SAFE_INTEGER) return { fen: used, exact: null };
  let exact = BigInt(0);
  for (const r of records) if (counts(r)) exact += BigInt(r.fen);
  return { fen: used, exact };
}
