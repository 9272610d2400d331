/**
 * Duplicate rows (SCREENING.md: "Rows identical in every cell that is read are duplicates: the first is
 * screened, each later one is error duplicate_row naming the first"), found by hashing: the same rows as a
 * plain comparison of every row with every earlier one, and no cliff when one company has many rows.
 */
import fc from "fast-check";
import { DuplicateGroup, DuplicateIndex, signatureHash } from "../../../core/screening/duplicates";
import * as readRow from "../../../core/screening/read-row";
import { SignatureLayout, rowSignature, signaturePart } from "../../../core/screening/read-row";
import { screenWorkbook } from "../../../core/screening/screen";
import { getParameterSet } from "../../../core/policy/registry";

const A = "91230100MA1B2C3D49";

/** Cells that show alike or nearly so: numbers and text numbers, spaces, TRUE and "true", the separator. */
const CELLS: unknown[] = [
  5,
  "5",
  " 5",
  "5 ",
  "5.0",
  0,
  -0,
  "0",
  "",
  null,
  undefined,
  true,
  "true",
  "TRUE",
  new Date(0),
  "1970-01-01T00:00:00.000Z",
  { error: "#N/A" },
  '{"error":"#N/A"}',
  "a",
  "a\u0001",
  "\u0001b",
  "b",
  "a\u0001b",
  "甲",
  NaN,
  "NaN",
];

/** Two tables of one layout with their read columns in different places, and one of another layout. */
const LAYOUTS: SignatureLayout[] = [
  { prefix: "amount:,name:", columns: [0, 1, 2] },
  { prefix: "amount:,name:", columns: [3, 0, 1] },
  { prefix: "amount:万元,name:", columns: [0, 1, 2] },
];

interface Row {
  layout: number;
  cells: unknown[];
  group: DuplicateGroup;
}

const cellArb = fc.constantFrom(...CELLS);
const rowArb = fc.record({
  layout: fc.constantFrom(0, 1, 2),
  // Four cells: three read, one not (which one depends on the layout).
  cells: fc.array(cellArb, { minLength: 4, maxLength: 4 }),
  entityPart: fc.constantFrom(0, 1, 2),
  measure: fc.constantFrom(-1, 3),
  year: fc.constantFrom(2025, 2026, NaN, 2025.5),
});
/** Rows, with some repeated and some repeated with one cell changed (read or not). */
const rowsArb = fc
  .record({
    rows: fc.array(rowArb, { maxLength: 40 }),
    copies: fc.array(fc.record({ of: fc.nat(), cell: fc.nat(3), value: fc.option(cellArb, { nil: undefined }) }), { maxLength: 30 }),
  })
  .map(({ rows, copies }) => {
    const all: Row[] = rows.map((r) => ({
      layout: r.layout,
      cells: r.cells,
      group: { entityPart: r.entityPart, measure: r.measure, year: r.year, layout: r.layout === 2 ? 1 : 0 },
    }));
    for (const copy of copies) {
      if (all.length === 0) break;
      const of = all[copy.of % all.length];
      const cells = [...of.cells];
      if (copy.value !== undefined) cells[copy.cell] = copy.value;
      all.push({ ...of, cells, group: { ...of.group } });
    }
    return all;
  });

/** The rule as written: each row against every earlier row, the whole signatures compared. */
function quadratic(rows: readonly Row[]): number[] {
  const signature = (r: Row) => rowSignature(LAYOUTS[r.layout], r.cells);
  const sameYear = (a: number, b: number) => a === b || (a !== a && b !== b);
  return rows.map((row, i) => {
    for (let j = 0; j < i; j++) {
      const other = rows[j];
      if (
        other.group.entityPart === row.group.entityPart &&
        other.group.measure === row.group.measure &&
        sameYear(other.group.year, row.group.year) &&
        other.group.layout === row.group.layout &&
        signature(other) === signature(row)
      )
        return j;
    }
    return -1;
  });
}

function indexed(rows: readonly Row[]): { firsts: number[]; index: DuplicateIndex } {
  const index = new DuplicateIndex(rows.length, { cells: (r) => rows[r].cells, signature: (r) => LAYOUTS[rows[r].layout] });
  return { firsts: rows.map((row, i) => index.firstOf(i, row.group)), index };
}

describe("duplicate rows by hash", () => {
  test("mark exactly the rows a comparison with every earlier row marks, naming the same first row", () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        expect(indexed(rows).firsts).toEqual(quadratic(rows));
      }),
      { numRuns: 2000 },
    );
  });

  test("cells that show alike are alike, a cell that is not read does not count, one read cell apart is not a duplicate", () => {
    const group = { entityPart: 1, measure: 3, year: 2025, layout: 0 };
    const rows: Row[] = [
      { layout: 0, cells: [5, "甲", true, "not read"], group },
      { layout: 0, cells: ["5", "甲", "true", "also not read"], group }, // → 0
      { layout: 1, cells: ["甲", "true", "x", 5], group }, // the same cells in other places → 0
      { layout: 0, cells: [" 5", "甲", true, "not read"], group }, // text is not trimmed here
      { layout: 0, cells: [5, "甲", false, "not read"], group },
      { layout: 0, cells: [5, "甲", true, "not read"], group: { ...group, year: 2026 } },
      { layout: 0, cells: ["a\u0001", "\u0001b", "c"], group },
      { layout: 0, cells: ["a", "\u0001\u0001b", "c"], group }, // the whole signatures are equal → 6
      { layout: 0, cells: ["a\u0001", "\u0001b", "c"], group: { ...group, measure: -1 } },
    ];
    expect(indexed(rows).firsts).toEqual([-1, 0, 0, -1, -1, -1, -1, 6, -1]);
    expect(indexed(rows).firsts).toEqual(quadratic(rows));
  });

  test("rows whose hashes collide are compared in full and are not duplicates", () => {
    const layout = { prefix: "name:", columns: [0] };
    // Two texts found to hash alike (a search over 申报 + base-36 numbers).
    expect(signatureHash(layout, ["申报1pfs"])).toBe(signatureHash(layout, ["申报ivja"]));
    const group = { entityPart: 1, measure: 3, year: 2025, layout: 0 };
    const rows = [["申报1pfs"], ["申报ivja"], ["申报ivja"], ["申报1pfs"]];
    const index = new DuplicateIndex(rows.length, { cells: (r) => rows[r], signature: () => layout });
    expect(rows.map((_, i) => index.firstOf(i, group))).toEqual([-1, -1, 1, 0]);
  });

  test("one company with 20,000 rows: each row's cells are hashed once, and compared with few others", () => {
    const group = { entityPart: 1, measure: 3, year: 2025, layout: 0 };
    // Every 1,000th row repeats the one before it, the unread fourth cell aside.
    const cells = (i: number) => (i % 1000 === 999 ? [i - 1, "龙江电子商务", null, "复核"] : [i, "龙江电子商务", null, null]);
    const { firsts, index } = indexed(Array.from({ length: 20_000 }, (_, i) => ({ layout: 0, cells: cells(i), group })));
    expect(firsts.filter((f) => f >= 0)).toHaveLength(20);
    expect(index.hashedRows).toBe(20_000);
    // The group's first few rows are compared with each other (36), then each duplicate with its first (20);
    // a hash collision may add one now and then. Comparing with every earlier row would make 2 × 10^8.
    expect(index.comparisons).toBeLessThan(100);
  });
});

describe("the engine's duplicate rows", () => {
  const HEADER = ["统一社会信用代码", "企业名称", "申报年度", "申报条款", "主体资格", "新增实物网络零售额", "备注"];
  const READ = [0, 1, 2, 3, 4, 5];
  const threshold = getParameterSet().measures.find((m) => m.id === "M3")!.threshold!.value;

  /** The rule as written, on the cells: each row against every earlier row, every read cell as it shows. */
  function quadraticRows(values: readonly (readonly unknown[])[]): string[] {
    const shown = (row: readonly unknown[]) => READ.map((c) => signaturePart(row[c]));
    return values.map((row, i) => {
      for (let j = 0; j < i; j++) if (shown(values[j]).every((part, k) => part === shown(row)[k])) return `s!${j + 2}`;
      return "";
    });
  }
  const duplicatesOf = (values: unknown[][], engine: "fast" | "reference") =>
    screenWorkbook({ sheets: [{ name: "s", values: [HEADER, ...values] }] }, { engine }).rows.map((r) => {
      const reason = r.reasons.find((x) => x.code === "duplicate_row");
      return reason ? (/identical to (s!\d+)/.exec(reason.en) ?? [reason.en, "?"])[1] : "";
    });

  test("fast and reference engines mark the rows the plain comparison marks (near-duplicates, unread cells)", () => {
    const cell = (...options: unknown[]) => fc.constantFrom(...options);
    const rowArb = fc.tuple(
      cell(A, "91230100MA1B2C3D4Y", ` ${A}`),
      cell("龙江", " 龙江", null),
      cell(2025, "2025", 2026),
      cell("M3", "第3条"),
      cell("是", "否", true),
      cell(threshold * 2, String(threshold * 2), `${threshold * 2}.00`, threshold * 3),
      cell(null, "备注", 1),
    );
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 30 }), fc.array(fc.tuple(fc.nat(), fc.nat(6)), { maxLength: 10 }), (rows, copies) => {
        const values: unknown[][] = rows.map((r) => [...r]);
        // Copies, some with one cell changed to another row's (a read cell, or the unread 备注).
        for (const [of, cell] of copies) {
          if (!values.length) break;
          const copy = [...values[of % values.length]];
          copy[cell] = values[(of + 1) % values.length][cell];
          values.push(copy);
        }
        const expected = quadraticRows(values);
        expect(duplicatesOf(values, "fast")).toEqual(expected);
        expect(duplicatesOf(values, "reference")).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  test("20,000 rows of one company: the cells are read about once a row, not once a pair of rows", () => {
    const rows: unknown[][] = Array.from({ length: 20_000 }, (_, i) => [A, "龙江电子商务", 2025, "M3", "是", threshold + i, null]);
    // Every 1,000th row repeats the one before it, the unread 备注 aside.
    for (let i = 999; i < rows.length; i += 1000) rows[i] = [...rows[i - 1].slice(0, 6), "复核"];
    // Each cell shown for a signature is counted; past the bound the screening stops (a pair-by-pair
    // comparison would show ~2 × 10^8 cells).
    const limit = 5 * rows.length;
    const original = readRow.signaturePart;
    let shown = 0;
    const exports = readRow as { signaturePart: (cell: unknown) => string };
    exports.signaturePart = (cell) => {
      if (++shown > limit) throw new Error(`more than ${limit} cells shown for signatures`);
      return original(cell);
    };
    try {
      const found = duplicatesOf(rows, "fast");
      expect(found.filter((f) => f !== "")).toHaveLength(20);
      expect(found[999]).toBe("s!1000");
      // Hashing shows each number cell once (3 a row).
      expect(shown).toBeLessThanOrEqual(3 * rows.length);
    } finally {
      exports.signaturePart = original;
    }
  });
});
