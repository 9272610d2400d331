/** The totals of one screening (SCREENING.md), summed in fen from the engine's columns. */
import { STATUSES } from "../batch/columns";
import type { BatchResultJson } from "../words/result-json";
import { orderTotalTables } from "../batch/totals";
import { MEASURE_IDS } from "../measures/measure-id";
import { FenTotal } from "../money/fen";
import { UNKNOWN_KEY } from "../rows/types";
import { EngineState } from "./engine-state";

interface Line {
  rows: number;
  final: FenTotal;
}

export function screenedTotals(state: EngineState): BatchResultJson["totals"] {
  const { batch, n } = state;
  const final = new FenTotal();
  // Lines by measure, status and city index (-1, no measure, is the last measure line), made as they are met.
  const byMeasure: (Line | undefined)[] = [];
  const byStatus: (Line | undefined)[] = [];
  const byCity: (Line | undefined)[] = [];
  const counted = new Uint8Array(state.entities.length);
  let entities = 0;
  const add = (lines: (Line | undefined)[], key: number, fen: number) => {
    const line = (lines[key] ??= { rows: 0, final: new FenTotal() });
    line.rows++;
    if (fen !== 0) line.final.add(fen);
  };
  for (let i = 0; i < n; i++) {
    const entity = batch.entity[i];
    if (entity >= 0 && !counted[entity]) {
      counted[entity] = 1;
      entities++;
    }
    const fen = batch.amount[i];
    if (fen !== 0) final.add(fen);
    add(byMeasure, batch.measure[i] < 0 ? MEASURE_IDS.length : batch.measure[i], fen);
    add(byStatus, batch.status[i], fen);
    add(byCity, state.city[i], fen);
  }
  const json = (lines: (Line | undefined)[], name: (key: number) => string) => {
    // Two city texts may name one line (an empty one and 未知): their rows and amounts add up.
    const merged = new Map<string, Line>();
    lines.forEach((line, key) => {
      if (!line) return;
      const entry = merged.get(name(key));
      if (!entry) merged.set(name(key), line);
      else {
        entry.rows += line.rows;
        entry.final.merge(line.final);
      }
    });
    return Object.fromEntries([...merged].map(([key, line]) => [key, { rows: line.rows, final: line.final.text() }]));
  };
  return orderTotalTables({
    rows: n,
    entities,
    final: final.text(),
    byMeasure: json(byMeasure, (m) => (m === MEASURE_IDS.length ? UNKNOWN_KEY : MEASURE_IDS[m])),
    byStatus: json(byStatus, (s) => STATUSES[s]),
    byCity: json(byCity, (c) => state.texts.texts[c] || UNKNOWN_KEY),
  });
}
