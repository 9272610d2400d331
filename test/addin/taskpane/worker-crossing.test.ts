/**
 * What crosses from the screening worker to the pane (addin/taskpane/worker): the rows as the engine's columns,
 * and the result's own fields — the 填报单位 the review list prints among them — structured-cloned as
 * postMessage does.
 */
import { rowsFromPayload, screenWorkbook } from "../../../core";

const workbook = {
  sheets: [
    {
      name: "申报",
      values: [
        ["2025年度申报汇总表"],
        ["填报单位：哈尔滨市商务局（盖章）"],
        ["统一社会信用代码", "企业名称", "申报年度", "申报条款", "贷款金额", "贷款利率", "放款日期", "到期日期"],
        ["91230100MA00060EAE", "雪乡物流股份有限公司", 2025, "第8条(2)", 10_000_000, 0.0345, "2025-06-01", "2027-06-01"],
      ],
    },
  ],
};

test("the worker's message keeps the result's 填报单位 and its rows", async () => {
  const posted: { message: unknown; transfer?: unknown }[] = [];
  const self = {
    onmessage: null as ((event: { data: unknown }) => void) | null,
    postMessage: (message: unknown, options?: { transfer?: unknown }) =>
      posted.push({ message: structuredClone(message), transfer: options?.transfer }),
  };
  (globalThis as unknown as { self: typeof self }).self = self;
  await import("../../../addin/taskpane/worker/screening.worker");
  self.onmessage!({ data: { sheets: workbook.sheets, options: { date1904: false } } });
  const done = posted
    .map((p) => p.message as { type: string; result: { reportingUnit?: string | null }; rows: never })
    .find((m) => m.type === "done")!;
  // As screen-in-worker.ts puts it together on the pane's side.
  const result = { ...done.result, rows: rowsFromPayload(done.rows) };
  const here = screenWorkbook(workbook);
  expect(here.reportingUnit).toBe("哈尔滨市商务局");
  expect(result.reportingUnit).toBe("哈尔滨市商务局");
  expect(result.rows.map((r) => [r.source, r.status, r.final, r.explain.zh])).toEqual(
    here.rows.map((r) => [r.source, r.status, r.final, r.explain.zh]),
  );
});
