// The bench's workbook: 100,000 seeded applicant rows (examples/lib/applicants.mjs), the same on every run.
import { applicantRows, entityPool, HEADERS, makeRng } from "../examples/lib/applicants.mjs";

export const ROWS = 100_000;

export function benchWorkbook(rows = ROWS, seed = 20251023) {
  const rng = makeRng(seed);
  const entities = entityPool(rng, Math.round(rows / 4));
  return { sheets: [{ name: "申报", values: [HEADERS, ...applicantRows(rng, rows, entities)] }] };
}

/**
 * The same rows over `companies` companies: only the credit codes changed (the i-th code of the spread
 * workbook becomes the (i mod companies)-th), so any difference in speed is the shape's alone.
 */
export function fewCompanies(workbook, companies) {
  const [header, ...rows] = workbook.sheets[0].values;
  const at = header.indexOf("统一社会信用代码");
  const codes = new Map();
  for (const row of rows) if (!codes.has(row[at])) codes.set(row[at], codes.size);
  const kept = [...codes.keys()].slice(0, companies);
  const values = rows.map((row) => row.map((cell, c) => (c === at ? kept[codes.get(cell) % companies] : cell)));
  return { sheets: [{ name: workbook.sheets[0].name, values: [header, ...values] }] };
}
