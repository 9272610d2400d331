// npm run bench, the shapes (issue 16): the same 100,000 rows spread over ~25,000 companies, over ~1,100
// companies (~90 rows each) and over 4 companies (25,000 rows each), screened by screenWorkbook in this
// process; each shape's time beside the spread one's (target: within 1.5×).
import { createRequire } from "node:module";
import { ROWS, benchWorkbook, fewCompanies } from "./screening.mjs";
import { plainFloor } from "./floor.mjs";

const require = createRequire(import.meta.url);
const { screenWorkbook } = require("../dist-node/core/index.js");
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const time = (f) => {
  globalThis.gc?.();
  const start = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - start) / 1e9;
};

export function benchShapes(runs = 5) {
  const spread = benchWorkbook();
  const shapes = [
    { label: "spread", workbook: spread },
    { label: "~90 rows a company", workbook: fewCompanies(spread, Math.round(ROWS / 90)) },
    { label: "25,000 rows a company", workbook: fewCompanies(spread, 4) },
  ];
  const companies = (w) => new Set(w.sheets[0].values.slice(1).map((r) => r[0])).size;
  console.log(
    `Shapes: screenWorkbook on the same ${ROWS.toLocaleString("en")} rows, only the credit codes changed; median of ${runs}, interleaved`,
  );
  const floor = [];
  const seconds = shapes.map(() => []);
  for (let i = 0; i < runs; i++) {
    floor.push(time(() => plainFloor(spread)));
    shapes.forEach((shape, s) => seconds[s].push(time(() => screenWorkbook(shape.workbook))));
  }
  const spreadSeconds = median(seconds[0]);
  shapes.forEach((shape, s) => {
    const m = median(seconds[s]);
    const ratio = s === 0 ? "" : `, ${(m / spreadSeconds).toFixed(2)}× the spread run (target ≤ 1.5×)`;
    console.log(
      `  ${shape.label} (${companies(shape.workbook).toLocaleString("en")} companies): median ${m.toFixed(3)} s, ${(m / median(floor)).toFixed(1)}× the floor${ratio}`,
    );
  });
}

// In a process of its own (bench/run.mjs --shapes).
if (process.argv.includes("--run")) benchShapes();
