/**
 * The words of one company's many rows: a row whose history record names its clause without the part says
 * so, and finding those records takes one pass over the company's history, not one pass a row.
 */
import { reasonCodesOf } from "../../../core/words/result-json";
import { screenWorkbook } from "../../../core/screening/screen";
import type { ScreenedBatch } from "../../../core/screening/screened-rows";

const A = "91230100MA1B2C3D49";

test("5,000 rows of one company and 1,001 history records: the records are read about once, not once a row", () => {
  const rows = Array.from({ length: 5_000 }, (_, i) => [A, 2025, "M4a", 6_000_000 + i, "是", 100_000 + i]);
  const history = [
    ["统一社会信用代码", "条款", "年度", "已兑现金额"],
    ...Array.from({ length: 1000 }, (_, k) => [A, "M3", 2024, 1000 + k]),
    [A, "第4条", 2024, 0],
  ];
  const result = screenWorkbook({
    sheets: [
      { name: "申报", values: [["统一社会信用代码", "申报年度", "申报条款", "进出口额", "首次达到", "补贴基数"], ...rows] },
      { name: "历史兑现", values: history },
    ],
  });
  // The rows' words are made when read: count the reads of the company's history from here on.
  const batch = (result.rows[0] as unknown as { b: ScreenedBatch }).b;
  const byEntity = batch.state.history.source.byEntity;
  const records = byEntity.get(A)!;
  expect(records).toHaveLength(1001);
  let reads = 0;
  byEntity.set(
    A,
    new Proxy(records, {
      get(target, key) {
        if (typeof key === "string" && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key) as unknown;
      },
    }),
  );
  for (const row of result.rows) {
    expect(reasonCodesOf(row)).toContain("history_two_parts");
    expect(row.reasons.filter((r) => r.code === "history_two_parts")).toHaveLength(1);
  }
  expect(result.rows[0].reasons.find((r) => r.code === "history_two_parts")!.en).toContain("历史兑现!1002");
  // Row by row the words would read the 1,001 records 10^7 times (twice a row: codes and reasons).
  expect(reads).toBeLessThanOrEqual(2 * records.length);
});
