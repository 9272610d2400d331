// npm run bench: every speed and memory figure the issues ask for, printed, never asserted.
//   node --expose-gc bench/run.mjs [--full] [--quick]
//   --full   runs the formula route on all 100,000 rows (minutes, ~10 GB)
//   --quick  leaves out the 1,048,576-row command-line run (about a minute)
//   --shapes only the shapes (issue 16): the engine and the command line on the same rows spread and over few
//            companies
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { benchFunctions } from "./functions.mjs";
import { ROWS, benchWorkbook } from "./screening.mjs";
import { formulaRoute } from "./formula-route.mjs";
import { benchCli } from "./cli.mjs";

const require = createRequire(import.meta.url);
const full = process.argv.includes("--full");
const quick = process.argv.includes("--quick");
if (process.argv.includes("--shapes")) {
  const shapes = spawnSync(process.execPath, ["--expose-gc", fileURLToPath(new URL("./shapes.mjs", import.meta.url)), "--run"], {
    stdio: "inherit",
  });
  console.log();
  await benchCli({ shapesOnly: true });
  process.exit(shapes.status ?? 1);
}
const s = (seconds) => `${seconds.toFixed(3)} s`;

console.log(`node ${process.version}, ${process.platform} ${process.arch}, ${require("node:os").cpus().length} cores\n`);
benchFunctions();

// The screening engine in a process of its own, so that its peak memory is its own.
const child = spawnSync(process.execPath, ["--expose-gc", fileURLToPath(new URL("./screening-child.mjs", import.meta.url))], {
  stdio: "inherit",
});
if (child.status !== 0) process.exitCode = 1;
console.log();

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
const ourFull = [1, 2, 3].map(() => ours(ROWS)).sort((a, b) => a - b)[1];
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
  `  at ${ROWS.toLocaleString("en")} rows: formula route ≈ ${s(formulaAt100k)} vs screenWorkbook ${s(ourFull)} → ≈ ${Math.round(formulaAt100k / ourFull).toLocaleString("en")}× (target ≥ 10×)`,
);
console.log(
  `  without the MAXIFS column at all: ${s(full ? perRow.seconds : perRowAt100k)} → ${((full ? perRow.seconds : perRowAt100k) / ourFull).toFixed(1)}×\n`,
);

await benchCli({ full: !quick });
