// Times screenWorkbook on 100,000 seeded applicant rows (median of several runs) and reports peak memory.
import { createRequire } from "node:module";
import { applicantRows, entityPool, HEADERS, makeRng } from "../examples/lib/applicants.mjs";

const require = createRequire(import.meta.url);
export const ROWS = 100_000;

export function benchWorkbook(rows = ROWS, seed = 20251023) {
  const rng = makeRng(seed);
  const entities = entityPool(rng, Math.round(rows / 4));
  return { sheets: [{ name: "申报", values: [HEADERS, ...applicantRows(rng, rows, entities)] }] };
}

export function benchScreening({ runs = 5, rows = ROWS } = {}) {
  const { screenWorkbook } = require("../dist-node/core/index.js");
  const workbook = benchWorkbook(rows);
  const times = [];
  let result;
  for (let i = 0; i < runs; i++) {
    result = undefined;
    globalThis.gc?.(); // each run starts from a collected heap (node --expose-gc)
    const start = process.hrtime.bigint();
    result = screenWorkbook(workbook);
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  return { rows, runs, times, median, rowsPerSecond: rows / median, result };
}
