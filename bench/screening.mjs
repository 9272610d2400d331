// The bench's workbook: 100,000 seeded applicant rows (examples/lib/applicants.mjs), the same on every run.
import { applicantRows, entityPool, HEADERS, makeRng } from "../examples/lib/applicants.mjs";

export const ROWS = 100_000;

export function benchWorkbook(rows = ROWS, seed = 20251023) {
  const rng = makeRng(seed);
  const entities = entityPool(rng, Math.round(rows / 4));
  return { sheets: [{ name: "申报", values: [HEADERS, ...applicantRows(rng, rows, entities)] }] };
}
