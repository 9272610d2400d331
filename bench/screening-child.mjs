// npm run bench, part 2 (its own process, so its peak memory is its own): screenWorkbook on 100,000 seeded
// rows against the plain-number floor in the same run, the engine checked against the decimal reference on
// the same rows, and the task pane's worker round trip (rows back as transferred columns).
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { ROWS, benchWorkbook } from "./screening.mjs";
import { plainFloor } from "./floor.mjs";
import { benchShapes } from "./shapes.mjs";

const require = createRequire(import.meta.url);
const { screenWorkbook, rowsPayload, rowsFromPayload, reasonCodesOf, wordedRow } = require("../dist-node/core/index.js");
const RUNS = 9;
const s = (seconds) => `${seconds.toFixed(3)} s`;
const ms = (seconds) => `${(seconds * 1000).toFixed(1)} ms`;
const mib = (kib) => `${(kib / 1024).toFixed(0)} MiB`;
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const time = (f) => {
  globalThis.gc?.();
  const start = process.hrtime.bigint();
  const value = f();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, value };
};

const workbook = benchWorkbook();
console.log(
  `Screening engine: screenWorkbook on ${ROWS.toLocaleString("en")} seeded rows (all measures), ${RUNS} runs each, interleaved with the floor`,
);
const engine = [];
const floor = [];
let result;
for (let i = 0; i < RUNS; i++) {
  floor.push(time(() => plainFloor(workbook)).seconds);
  const run = time(() => screenWorkbook(workbook));
  engine.push(run.seconds);
  result = run.value;
}
const peak = process.resourceUsage().maxRSS;
const ratio = median(engine) / median(floor);
console.log(`  plain-number floor (same rules, binary floats, no checks or words): median ${ms(median(floor))}`);
console.log(
  `  screenWorkbook: median ${s(median(engine))} (min ${s(Math.min(...engine))}) → ${ratio.toFixed(1)}× the floor; targets ≤ 0.5 s and ≤ 5×`,
);
console.log(`  peak RSS of this process (workbook cells included): ${mib(peak)}; target ≤ 400 MiB`);
const statuses = Object.entries(result.totals.byStatus).map(([k, v]) => `${k} ${v.rows.toLocaleString("en")}`);
console.log(`  result: ${statuses.join(", ")}; total final ${Number(result.totals.final).toLocaleString("en")} yuan`);

// The engine against the decimal reference on the same 100,000 rows: statuses, amounts and reason codes, all
// rows; the words of every 50th row; totals and workbook issues.
const reference = time(() => screenWorkbook(workbook, { engine: "reference" }));
let differences = 0;
const fields = (r) =>
  [r.source, r.status, r.computed, r.cap, r.claimed, r.final, r.measure, r.entityId, r.city, reasonCodesOf(r).join(",")].join("|");
const first = [];
result.rows.forEach((row, i) => {
  const other = reference.value.rows[i];
  let same = fields(row) === fields(other);
  if (same && i % 50 === 0) same = JSON.stringify(wordedRow(row)) === JSON.stringify(wordedRow(other));
  if (!same) {
    differences++;
    if (first.length < 3) first.push(row.source);
  }
});
const totalsSame = JSON.stringify(result.totals) === JSON.stringify(reference.value.totals);
const issuesSame = JSON.stringify(result.issues) === JSON.stringify(reference.value.issues);
console.log(
  `  against the decimal reference (${s(reference.seconds)}): ${differences === 0 && totalsSame && issuesSame ? "identical" : "DIFFERENT"} — ` +
    `${ROWS.toLocaleString("en")} rows to the fen in status, amounts and reason codes, ${Math.ceil(ROWS / 50).toLocaleString("en")} rows word for word, totals ${totalsSame ? "equal" : "differ"}, issues ${issuesSame ? "equal" : "differ"}` +
    (first.length ? `; first differences: ${first.join(", ")}` : ""),
);
if (differences || !totalsSame || !issuesSame) process.exitCode = 1;

// The task pane's round trip through its worker: the cells go in, the rows come back as the engine's columns
// (transferred, not copied), the pane rebuilds its rows. Timed on Node's worker threads.
const worker = new Worker(new URL("./pane-worker.mjs", import.meta.url));
const reply = () => new Promise((resolve) => worker.once("message", resolve));
await new Promise((resolve) => worker.once("online", resolve));
const trips = [];
for (let i = 0; i < 3; i++) {
  const sent = process.hrtime.bigint();
  worker.postMessage({ sheets: workbook.sheets, options: {} });
  const message = await reply();
  const arrived = process.hrtime.bigint();
  const rows = rowsFromPayload(message.rows);
  const rebuilt = process.hrtime.bigint();
  trips.push({
    total: Number(rebuilt - sent) / 1e9,
    screen: message.screenSeconds,
    back: Number(arrived - message.sentAt) / 1e9,
    rebuild: Number(rebuilt - arrived) / 1e9,
    rows: rows.length,
    buffers: message.buffers,
  });
}
await worker.terminate();
const trip = trips.sort((a, b) => a.total - b.total)[1];
console.log(
  `Task pane worker round trip (${trip.rows.toLocaleString("en")} rows, median of 3): ${s(trip.total)} in all — cells in and screening ${s(trip.total - trip.back - trip.rebuild)} (screening alone ${s(trip.screen)}), ` +
    `rows back as ${trip.buffers} transferred column buffers ${ms(trip.back)}, rows rebuilt ${ms(trip.rebuild)}`,
);
console.log(
  `  (words are made when the pane shows or writes a row; JSON.stringify of one worded row ≈ ${(JSON.stringify(wordedRow(result.rows[0])).length / 1024).toFixed(1)} KiB)`,
);
void rowsPayload;
console.log();
benchShapes();
