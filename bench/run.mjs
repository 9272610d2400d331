// npm run bench: every speed and memory figure the issues ask for, printed, never asserted.
//   node --expose-gc bench/run.mjs [--full]   (--full runs the formula route on all 100,000 rows: minutes, ~10 GB)
import { benchFunctions } from "./functions.mjs";
import { ROWS, benchScreening, benchWorkbook } from "./screening.mjs";
import { formulaRoute } from "./formula-route.mjs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const full = process.argv.includes("--full");
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const s = (seconds) => `${seconds.toFixed(3)} s`;

console.log(`node ${process.version}, ${process.platform} ${process.arch}, ${require("node:os").cpus().length} cores\n`);
benchFunctions();

console.log(
  `Screening: screenWorkbook on ${ROWS.toLocaleString("en")} seeded applicant rows (all measures), median of 5 runs; target ≤ 1.0 s, peak RSS ≤ 1 GiB`,
);
const screening = benchScreening({ runs: 5 });
const peak = process.resourceUsage().maxRSS * 1024;
console.log(`  runs: ${screening.times.map(s).join(", ")}`);
console.log(
  `  median ${s(screening.median)} → ${Math.round(screening.rowsPerSecond).toLocaleString("en")} rows/s; peak RSS of this process so far ${mib(peak)}`,
);
const byStatus = Object.entries(screening.result.totals.byStatus).map(([k, v]) => `${k} ${v.rows}`);
console.log(`  result: ${byStatus.join(", ")}; total final ${Number(screening.result.totals.final).toLocaleString("en")} yuan\n`);

console.log("Formula route: the same rules as Excel formulas, evaluated by HyperFormula on the same rows");
const rows = benchWorkbook().sheets[0].values.slice(1); // the same seeded rows as above
const { screenWorkbook } = require("../dist-node/core/index.js");
const HEADER = benchWorkbook().sheets[0].values[0];
const ours = (n) => {
  globalThis.gc?.();
  const start = process.hrtime.bigint();
  screenWorkbook({ sheets: [{ name: "申报", values: [HEADER, ...rows.slice(0, n)] }] });
  return Number(process.hrtime.bigint() - start) / 1e9;
};
const perRowSample = full ? ROWS : 10_000;
globalThis.gc?.();
const perRow = formulaRoute(rows.slice(0, perRowSample), { noDuplication: false });
const perRowAt100k = (perRow.seconds * ROWS) / perRowSample;
console.log(
  `  per-row formulas (IF/AND/MIN, VLOOKUP into the LPR table, ROUND), first ${perRowSample.toLocaleString("en")} rows: ${s(perRow.seconds)}` +
    (full ? "" : ` → ${ROWS.toLocaleString("en")} rows ≈ ${s(perRowAt100k)} (linear)`),
);
const sizes = [1_000, 2_000, 4_000];
const maxifs = sizes.map((n) => {
  globalThis.gc?.();
  const withDedup = formulaRoute(rows.slice(0, n)).seconds;
  globalThis.gc?.();
  const without = formulaRoute(rows.slice(0, n), { noDuplication: false }).seconds;
  return { n, seconds: Math.max(0, withDedup - without), total: withDedup };
});
const exponent = Math.log(maxifs[2].seconds / maxifs[0].seconds) / Math.log(sizes[2] / sizes[0]);
const maxifsAt100k = maxifs[2].seconds * (ROWS / sizes[2]) ** exponent;
console.log(
  `  no-duplication by MAXIFS: ${maxifs.map((m) => `${m.n.toLocaleString("en")} rows ${s(m.seconds)}`).join(", ")} — grows as rows^${exponent.toFixed(2)}`,
);
console.log(`    → ${ROWS.toLocaleString("en")} rows ≈ ${(maxifsAt100k / 3600).toFixed(1)} h (extrapolated; not run)`);
const sameRows = ours(sizes[2]);
console.log(
  `  like for like on the same ${sizes[2].toLocaleString("en")} rows: formula route ${s(maxifs[2].total)}, screenWorkbook ${s(sameRows)} → ${(maxifs[2].total / sameRows).toFixed(0)}× faster`,
);
const formulaAt100k = (full ? perRow.seconds : perRowAt100k) + maxifsAt100k;
console.log(
  `  at ${ROWS.toLocaleString("en")} rows: formula route ≈ ${s(formulaAt100k)} vs screenWorkbook ${s(screening.median)} → ≈ ${Math.round(formulaAt100k / screening.median).toLocaleString("en")}× (target ≥ 10×)`,
);
console.log(
  `  without the MAXIFS column at all: ${s(full ? perRow.seconds : perRowAt100k)} → ${((full ? perRow.seconds : perRowAt100k) / screening.median).toFixed(1)}×`,
);
