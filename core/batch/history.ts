/** The settlement's first step, history (历史兑现): the entity's records in fen; one-time awards already received refused. */
import { MEASURE_IDS, MeasureId } from "../measures/measure-id";
import { fenHalfUp } from "../money/fen";
import { CapScope } from "../policy/types";
import { History, HistoryEntry } from "../rows/history-records";
import { BATCH, BatchColumns, FenHistory, INELIGIBLE, MANUAL, MeasureFacts, isLive } from "./columns";

export type { FenHistory } from "./columns";

export function fenHistory(history: History, entityIndex: ReadonlyMap<string, number>): FenHistory {
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
    list.push({ entry, index: i, fen: amount });
    fen.byEntity.set(index, list);
  });
  return fen;
}

/** By measure index, for one entity's rows, read once: a history record names it without its part; its first paid record. */
const namedWithoutPart = new Uint8Array(MEASURE_IDS.length);
const firstPaid = new Int32Array(MEASURE_IDS.length);
const tierUnknown = new Uint8Array(MEASURE_IDS.length);

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
  namedWithoutPart.fill(0);
  firstPaid.fill(-1);
  tierUnknown.fill(0);
  for (let k = 0; k < records.length; k++) {
    const { entry, fen } = records[k];
    for (const id of entry.measures) {
      const m = MEASURE_IDS.indexOf(id);
      if (entry.written !== null) namedWithoutPart[m] = 1;
      if (fen > 0 && firstPaid[m] < 0) firstPaid[m] = k;
      if (fen > 0 && entry.tierUnknown) tierUnknown[m] = 1;
    }
  }
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
    if (!measures[m].oneTime || firstPaid[m] < 0) continue;
    columns.status[i] = INELIGIBLE;
    columns.amount[i] = 0;
    columns.flags[i] |= BATCH.receivedBefore;
    columns.refEntry[i] = records[firstPaid[m]].index;
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
): { fen: number; exact: bigint | null } {
  const records = history.byEntity.get(e);
  if (!records) return { fen: 0, exact: null };
  // An annual cap counts only that year's records, the others every record; a record counts against the limits
  // of its own tier and above (第1条: a paid project of the upper tier leaves the lower limit alone).
  const counts = (entry: HistoryEntry) =>
    entry.measures.includes(measure) && (scope !== "entity-year" || entry.year === year) && entry.capTier <= tier;
  let used = 0;
  for (const r of records) if (counts(r.entry)) used += r.fen;
  if (used <= Number.MAX_SAFE_INTEGER) return { fen: used, exact: null };
  let exact = BigInt(0);
  for (const r of records) if (counts(r.entry)) exact += BigInt(r.fen);
  return { fen: used, exact };
}
