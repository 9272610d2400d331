/**
 * The batch's work over one entity's rows grows as n log n at most, whatever the entity's number of rows:
 * its years in order (sortByYear), its projects' scopes (groupByProject), the rows a shared limit bit after
 * others lost 不重复 (LostTakers), its history records (read once, not once a row). Each against the plain way it replaced, and each on one company's 20,000
 * rows with a count of the work done (no timing: that is the bench's).
 */
import fc from "fast-check";
import { groupByProject, sortByYear } from "../../../core/batch/entity-rows";
import { BATCH, ELIGIBLE, INELIGIBLE, batchColumns } from "../../../core/batch/columns";
import { fenHistory } from "../../../core/batch/history";
import { settleBatch } from "../../../core/batch/settle";
import { LostTakers } from "../../../core/batch/lost-takers";
import { readHistory } from "../../../core/rows/history-records";
import { MEASURE_IDS } from "../../../core/measures/measure-id";
import { resolveOptions } from "../../../core/options";
import { screenWorkbook } from "../../../core/screening/screen";

/** The insertion sort settleYears used: stable, by year. */
function insertionSort(rows: number[], year: ArrayLike<number>): number[] {
  const out = [...rows];
  for (let k = 1; k < out.length; k++) {
    const row = out[k];
    let j = k - 1;
    while (j >= 0 && year[out[j]] > year[row]) {
      out[j + 1] = out[j];
      j--;
    }
    out[j + 1] = row;
  }
  return out;
}

/** Years read, counted: a Float64Array behind a proxy that counts index reads. */
function countedYears(values: number[]): { year: Float64Array; reads: () => number } {
  const target = Float64Array.from(values);
  let reads = 0;
  const year = new Proxy(target, {
    get(t, key) {
      if (typeof key === "string" && /^\d+$/.test(key)) reads++;
      return Reflect.get(t, key) as unknown;
    },
  });
  return { year, reads: () => reads };
}

describe("one entity's rows", () => {
  test("by year: the order the insertion sort gave (years in order, input order within a year)", () => {
    const yearArb = fc.constantFrom(2024, 2025, 2026, 2027.5, NaN);
    fc.assert(
      fc.property(fc.array(yearArb, { maxLength: 60 }), fc.nat(), (years, extra) => {
        // Rows are row numbers in input order, some rows of the batch not the entity's.
        const rows = years.map((_, i) => i).filter((i) => (i + extra) % 5 !== 0);
        const sorted = Int32Array.from(rows);
        sortByYear(sorted, sorted.length, Float64Array.from(years));
        expect(Array.from(sorted)).toEqual(insertionSort(rows, years));
      }),
      { numRuns: 2000 },
    );
  });

  test("by year: 20,000 rows of one company over three years read the years about n log n times, not n²", () => {
    const n = 20_000;
    const { year, reads } = countedYears(Array.from({ length: n }, (_, i) => 2024 + ((i * 7919) % 3)));
    const rows = Int32Array.from({ length: n }, (_, i) => i);
    sortByYear(rows, n, year);
    expect(Array.from(rows.subarray(0, 3))).toEqual([0, 3, 6]);
    // An insertion sort reads ~n²/3 = 1.3 × 10^8 years here.
    expect(reads()).toBeLessThan(40 * n);
  });

  test("by project: the projects in order of first appearance, each project's rows in their order", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(6), { maxLength: 60 }), fc.nat(10), (projects, from) => {
        const rows = Int32Array.from(projects.map((_, i) => i));
        const start = Math.min(from, rows.length);
        const { rows: grouped, ends } = groupByProject(rows, start, rows.length, Int32Array.from(projects));
        const order: number[] = [];
        for (let k = start; k < rows.length; k++) if (!order.includes(projects[k])) order.push(projects[k]);
        const expected = order.map((p) => projects.map((q, i) => (q === p && i >= start ? i : -1)).filter((i) => i >= 0));
        const groups = Array.from({ length: ends.length - 1 }, (_, g) => Array.from(grouped.subarray(ends[g], ends[g + 1])));
        expect(groups).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  test("lost takers: those among a limit's first takers that lost, each list gone through once", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 40 }), fc.array(fc.nat(45), { maxLength: 10 }), (lost, counts) => {
        const takers = lost.map((_, i) => i);
        let asked = 0;
        const losers = new LostTakers<number>((t) => (asked++, lost[t]));
        for (const count of counts) expect(losers.before(takers, count)).toEqual(takers.slice(0, count).filter((t) => lost[t]));
        expect(asked).toBe(counts.length ? takers.length : 0);
      }),
    );
    // One company's limit bit 20,000 rows: 20,000 questions, not one per pair of rows.
    const takers = Array.from({ length: 20_000 }, (_, i) => i);
    let asked = 0;
    const losers = new LostTakers<number>((t) => (asked++, t % 1000 === 0));
    let named = 0;
    for (let count = 0; count < takers.length; count++) named += losers.before(takers, count).length;
    expect(asked).toBe(20_000);
    expect(named).toBe(Array.from({ length: 20 }, (_, k) => 20_000 - (k * 1000 + 1)).reduce((a, b) => a + b, 0));
  });

  test("one company's many projects under entity-project: the fast engine settles them as the reference does", () => {
    const A = "91230100MA1B2C3D49";
    const values: unknown[][] = [["统一社会信用代码", "申报年度", "申报条款", "项目名称", "主体资格", "新增实物网络零售额", "示范级别"]];
    for (let i = 0; i < 600; i++) {
      values.push([A, 2025 + (i % 3 === 0 ? 1 : 0), "M3", `项目${i % 150}`, "是", 20_000_000 + i * 1000, null]);
      if (i % 40 === 0) values.push([A, 2025, "M6a", `项目${i % 150}`, "是", null, "国家级"]);
    }
    const screen = (engine: "fast" | "reference") =>
      screenWorkbook({ sheets: [{ name: "s", values }] }, { dedupScope: "entity-project", engine });
    const fast = screen("fast");
    const reference = screen("reference");
    expect(fast.rows.map((r) => [r.status, r.final, r.reasons.map((x) => x.en)])).toEqual(
      reference.rows.map((r) => [r.status, r.final, r.reasons.map((x) => x.en)]),
    );
    // Revision 3 (change 3): a row that lost 不重复 takes no share of a cap — the caps are shared again among the rows
    // still paid — so no row is bitten by a limit that a later loser had used (revision 2 noted such takers).
    expect(fast.rows.filter((r) => r.reasons.some((x) => x.en.includes("then lost 不重复")))).toEqual([]);
  });

  test("history: one company's 20,000 rows and 2,001 records read each record once, not once a row", () => {
    const A = "91230100MA1B2C3D49";
    const { policy, options } = resolveOptions();
    const n = 20_000;
    const columns = batchColumns(n);
    const M3 = MEASURE_IDS.indexOf("M3");
    const M4A = MEASURE_IDS.indexOf("M4a");
    for (let i = 0; i < n; i++) {
      columns.entity[i] = 0;
      columns.measure[i] = i % 2 ? M3 : M4A;
      columns.year[i] = 2025;
      columns.status[i] = ELIGIBLE;
      columns.amount[i] = 100_000;
    }
    // 2,000 records of 第3条, then one of 第4条 that does not say which part (both parts paid).
    const records = [
      ...Array.from({ length: 2000 }, (_, k) => ({ entityId: A, measure: "M3", year: 2024, amount: 1000, source: `历史!${k + 2}` })),
      { entityId: A, measure: "第4条", year: 2024, amount: 5000, source: "历史!2002" },
    ];
    const history = fenHistory(readHistory(records, policy), new Map([[A, 0]]), () => 0);
    let reads = 0;
    const counted = history.byEntity.get(0)!.map((record) => ({
      get entry() {
        reads++;
        return record.entry;
      },
      index: record.index,
      fen: record.fen,
      project: record.project,
    }));
    history.byEntity.set(0, counted);
    settleBatch(columns, history, policy, { ...options, dedupScope: "entity-project" });
    // Row by row, `some` and `find` over the records read them ~4 × 10^7 times.
    expect(reads).toBeLessThanOrEqual(2 * counted.length);
    // 第4条's rows: already received (naming the record) and told the record named no part; 第3条's: neither.
    expect([columns.status[0], columns.flags[0] & (BATCH.receivedBefore | BATCH.historyTwoParts), columns.refEntry[0]]).toEqual([
      INELIGIBLE,
      BATCH.receivedBefore | BATCH.historyTwoParts,
      2000,
    ]);
    expect(columns.flags[1] & (BATCH.receivedBefore | BATCH.historyTwoParts)).toBe(0);
  });
});
