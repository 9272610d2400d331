/**
 * The one settlement in whole fen where a sum passes 2^53 fen (only huge amounts can: each amount is at most
 * 10^15 fen): the sum is made exactly on that rare path (BigInt), never rounded by floats, never sent elsewhere.
 */
import { ELIGIBLE, SUPERSEDED, batchColumns } from "../../../core/batch/columns";
import { fenHistory } from "../../../core/batch/history";
import { settleBatch } from "../../../core/batch/settle";
import { MEASURE_IDS } from "../../../core/measures/measure-id";
import { resolveOptions } from "../../../core/options";
import { readHistory } from "../../../core/rows/history-records";

const A = "91230100MA1B2C3D49";
const M1 = MEASURE_IDS.indexOf("M1");
const M3 = MEASURE_IDS.indexOf("M3");

function oneEntity(measures: number[], amounts: number[]) {
  const columns = batchColumns(measures.length);
  measures.forEach((measure, i) => {
    columns.entity[i] = 0;
    columns.measure[i] = measure;
    columns.year[i] = 2025;
    columns.status[i] = ELIGIBLE;
    columns.amount[i] = amounts[i];
  });
  return columns;
}

describe("sums past 2^53 fen are exact", () => {
  test("不重复: 第1条's two rows total 2^53 + 3 fen, below 第3条's 2^53 + 4 (in floats both would be 2^53 + 4, a tie 第1条 wins)", () => {
    const { policy, options } = resolveOptions();
    const columns = oneEntity([M1, M1, M3], [2 ** 52 + 1, 2 ** 52 + 2, 2 ** 53 + 4]);
    settleBatch(
      columns,
      fenHistory(readHistory([], policy), new Map([[A, 0]]), () => 0),
      policy,
      options,
    );
    expect(Array.from(columns.status)).toEqual([SUPERSEDED, SUPERSEDED, ELIGIBLE]);
    expect(columns.winnerMeasure[0]).toBe(M3);
    expect(columns.exactWinnerTotal.get(0)).toBe(BigInt(2 ** 53) + BigInt(4));
    expect(columns.amount[2]).toBe(2 ** 53 + 4);
  });

  test("history: ten records of about 10^13 used of 第3条's annual cap: their odd sum held exactly for the words", () => {
    const { policy, options } = resolveOptions();
    const records = Array.from({ length: 10 }, (_, k) => ({
      entityId: A,
      measure: "M3",
      year: 2025,
      amount: k === 9 ? "9999999999999.98" : "9999999999999.99",
      source: `历史!${k + 2}`,
    }));
    const columns = oneEntity([M3], [10_000_000]);
    columns.cap[0] = 300_000_000;
    settleBatch(
      columns,
      fenHistory(readHistory(records, policy), new Map([[A, 0]]), () => 0),
      policy,
      options,
    );
    expect(columns.amount[0]).toBe(0);
    // In floats the sum is 9,999,999,999,999,988 fen.
    expect(columns.exactHistory.get(0)).toBe(BigInt("9999999999999989"));
  });
});
