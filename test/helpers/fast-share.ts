/**
 * How many of the rows the screening engine read its fast rules decided, against all it read: counted by
 * watching runEngine from a test (EngineState.reference holds the rows the decimal reference decided; every
 * row, whatever decided it, then enters the one settlement). Changes no output.
 */
import * as engine from "../../core/screening/engine";

export interface FastShare {
  rows: number;
  fast: number;
  /** fast / rows, 0 before any row. */
  share(): number;
}

/** Counts rows while installed (use in beforeAll/afterAll or around a property); returns the counter and the uninstaller. */
export function watchFastShare(): { counts: FastShare; restore: () => void } {
  const counts: FastShare = { rows: 0, fast: 0, share: () => (counts.rows ? counts.fast / counts.rows : 0) };
  const run = engine.runEngine;
  const spy = jest.spyOn(engine, "runEngine").mockImplementation((...args: Parameters<typeof run>) => {
    const state = run(...args);
    const rows = args[0].reduce((sum, t) => sum + t.table.layout.dataRows.length, 0);
    counts.rows += rows;
    counts.fast += state.n - state.reference.size;
    return state;
  });
  return { counts, restore: () => spy.mockRestore() };
}
