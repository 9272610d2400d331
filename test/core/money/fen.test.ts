/**
 * Whole-fen arithmetic against decimal.js and BigInt (fast-check): every conversion is exact or says it is
 * not, every rounding is the reference's half-up.
 */
import fc from "fast-check";
import {
  ExactSum,
  FenTotal,
  decimalOfFen,
  decimalOfRateUnits,
  fenOfDecimal,
  fenOfFloat,
  fenOfWanFloat,
  fenText,
  halfUp,
  mulDivHalfUp,
  rateUnitsOfFloat,
} from "../../../core/money/fen";
import { Decimal, formatFen, fromFloat } from "../../../core/money/money";

const RUNS = { numRuns: 2000 };
const halfUpBig = (n: bigint, d: bigint) => (2n * n + d) / (2n * d);

describe("whole fen", () => {
  test("a float read as whole fen is exactly what Excel's reading of it (fromFloat) gives; other floats are left to decimal.js", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: -1e13, max: 1e13, noNaN: true }),
          fc.integer({ min: -1e9, max: 1e9 }).map((f) => f / 100),
        ),
        (x) => {
          const fen = fenOfFloat(x);
          const reference = fromFloat(x).times(100);
          if (!Number.isNaN(fen)) expect(reference.equals(fen)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  test("万元 floats, decimals and rates convert exactly or not at all; back again they are the same values", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 24_000_000 }), (fen, units) => {
        expect(fenOfDecimal(decimalOfFen(fen))).toBe(fen);
        expect(decimalOfFen(fen).times(100).equals(fen)).toBe(true);
        expect(decimalOfRateUnits(units).times(1e8).equals(units)).toBe(true);
        expect(rateUnitsOfFloat(units / 1e8)).toBe(units);
        expect(fenText(fen)).toBe(formatFen(new Decimal(fen).dividedBy(100)));
        const wan = fen / 1e6;
        const converted = fenOfWanFloat(wan);
        if (!Number.isNaN(converted)) expect(fromFloat(wan).times(1e6).equals(converted)).toBe(true);
      }),
      RUNS,
    );
    // Amounts typed to the fen, the common case, are always read: no row of plain amounts goes to decimal.js.
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (fen) => expect(fenOfFloat(fen / 100)).toBe(fen)),
      RUNS,
    );
    expect(fenOfDecimal(new Decimal("100.005"))).toBeNaN();
    expect(fenOfFloat(0.1 + 0.2)).toBeNaN(); // fromFloat reads 0.3; the engine leaves such a float to decimal.js
  });

  test("half-up rounding of products and quotients equals BigInt's, past 2^53 too", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e15 }),
        fc.integer({ min: 0, max: 24_000_000 }),
        fc.constantFrom(100_000_000, 36_000_000_000, 36_500_000_000, 7),
        (a, b, d) => {
          expect(mulDivHalfUp(a, b, d)).toBe(Number(halfUpBig(BigInt(a) * BigInt(b), BigInt(d))));
          if (a * b <= Number.MAX_SAFE_INTEGER) expect(halfUp(a * b, d)).toBe(Number(halfUpBig(BigInt(a * b), BigInt(d))));
        },
      ),
      RUNS,
    );
  });

  test("the wide sum of a loan's segments: rounding and the 据实 comparison equal BigInt's", () => {
    const term = fc.tuple(fc.integer({ min: 0, max: 1e15 }), fc.integer({ min: 0, max: 24_000_000 }), fc.integer({ min: 0, max: 1_500 }));
    fc.assert(
      fc.property(
        fc.array(term, { minLength: 1, maxLength: 12 }),
        fc.constantFrom(36_000_000_000, 36_500_000_000, 360, 2 ** 40),
        fc.integer({ min: 0, max: 1e15 }),
        (terms, d, paid) => {
          const sum = new ExactSum();
          let big = 0n;
          for (const [a, b, c] of terms) {
            sum.add(a, b, c);
            big += BigInt(a) * BigInt(b) * BigInt(c);
          }
          expect(sum.greaterThan(paid, d)).toBe(big > BigInt(paid) * BigInt(d));
          expect(sum.divHalfUp(d)).toBe(Number(halfUpBig(big, BigInt(d))));
          sum.reset().add(1, 2, 3);
          expect(sum.divHalfUp(4)).toBe(2);
        },
      ),
      RUNS,
    );
  });

  test("a running total stays exact past 2^53", () => {
    const total = new FenTotal();
    for (let i = 0; i < 20; i++) total.add(1e15);
    total.add(1);
    expect(total.text()).toBe("200000000000000.01");
    const other = new FenTotal();
    other.add(99);
    total.merge(other);
    expect(total.text()).toBe("200000000000001.00");
  });
});
