/**
 * The screening engine (whole fen, typed columns) against the reference (decimal.js, resolve.ts) on the same
 * random workbooks: every measure, every option, history (readable, two-part, unreadable), LPR sheets,
 * claims and other support, text and number cells, 万元 and % headers, duplicates, bad cells, amounts near
 * thresholds, caps and 2^53 fen. They must agree to the fen in status and amounts, in reason codes, and word
 * for word in reasons and explanations; totals and workbook issues alike.
 */
import fc from "fast-check";
import { reasonCodesOf, wordedRow } from "../../../core/batch/json";
import { ScreenOptions, WorkbookInput, screenWorkbook } from "../../../core/screening/screen";
import { ENTITY_POOL, optionsArb, rowArb } from "../../helpers/arbitraries";
import { HEADER, rowCells, workbookArb } from "../../helpers/workbook-arbitrary";

// FAST_ENGINE_RUNS=5000 for a longer search; 400 keep npm test quick.
const RUNS = { numRuns: Number(process.env.FAST_ENGINE_RUNS ?? 400) };

function compare(workbook: WorkbookInput, options: ScreenOptions) {
  let fast: ReturnType<typeof screenWorkbook> | null = null;
  let reference: ReturnType<typeof screenWorkbook> | null = null;
  let fastError: unknown = null;
  let referenceError: unknown = null;
  try {
    fast = screenWorkbook(workbook, options);
  } catch (error) {
    fastError = error;
  }
  try {
    reference = screenWorkbook(workbook, { ...options, engine: "reference" });
  } catch (error) {
    referenceError = error;
  }
  expect(String(fastError)).toEqual(String(referenceError));
  if (!fast || !reference) return;
  expect(fast.rows.length).toBe(reference.rows.length);
  fast.rows.forEach((row, i) => {
    const ref = reference!.rows[i];
    const fields = (r: typeof row) => [
      r.source,
      r.entityId,
      r.entityName,
      r.city,
      r.year,
      r.measure,
      r.clause,
      r.status,
      r.computed,
      r.cap,
      r.claimed,
      r.final,
      r.citation,
    ];
    expect(fields(row)).toEqual(fields(ref));
    expect(reasonCodesOf(row)).toEqual(ref.reasons.map((r) => r.code));
    expect(JSON.parse(JSON.stringify(wordedRow(row)))).toEqual(JSON.parse(JSON.stringify(wordedRow(ref))));
  });
  expect(fast.totals).toEqual(reference.totals);
  expect(fast.issues).toEqual(reference.issues);
  expect(fast.options).toEqual(reference.options);
}

describe("the screening engine against the decimal reference (fast-check)", () => {
  test("random workbooks: identical statuses, amounts to the fen, reason codes, words and totals", () => {
    fc.assert(
      fc.property(workbookArb, ({ workbook, options }) => compare(workbook, options)),
      RUNS,
    );
  });

  test("one entity's many rows across years, measures and projects (caps, one-time awards, 不重复)", () => {
    const entityRows = rowArb.map((row) => ({ ...row, entityId: ENTITY_POOL[0] })).chain(rowCells);
    fc.assert(
      fc.property(fc.array(entityRows, { minLength: 2, maxLength: 30 }), optionsArb, (rows, options) =>
        compare({ sheets: [{ name: "申报", values: [HEADER, ...rows] }] }, options as ScreenOptions),
      ),
      RUNS,
    );
  });

  test("a claim below the fen sends the whole batch to the reference, which settles it", () => {
    const row = [
      ENTITY_POOL[0],
      null,
      null,
      2025,
      "M3",
      null,
      "是",
      null,
      null,
      null,
      null,
      null,
      null,
      20_000_000,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      100.005,
      null,
    ];
    const result = screenWorkbook({ sheets: [{ name: "申报", values: [HEADER, row] }] });
    expect(result.rows[0]).toMatchObject({ status: "eligible", claimed: "100.01", final: "100.01" });
    compare({ sheets: [{ name: "申报", values: [HEADER, row] }] }, {});
  });
});
