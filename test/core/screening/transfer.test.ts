/**
 * Results crossing threads (the task pane's worker, the CLI's wording worker): the engine's columns moved as
 * they are and worded on the other side, word for word as where they were screened.
 */
import { reasonCodesOf, wordedRow } from "../../../core/words/result-json";
import { screenWorkbook } from "../../../core/screening/screen";
import { rowsFromPayload, rowsPayload } from "../../../core/screening/transfer";
import { makeUscc } from "../../helpers/uscc";

const HEADER = [
  "统一社会信用代码",
  "企业名称",
  "申报年度",
  "申报条款",
  "项目名称",
  "总投资额",
  "贷款金额",
  "贷款利率",
  "放款日期",
  "到期日期",
  "新增实物网络零售额",
  "主体资格",
  "申报金额",
];
const A = makeUscc(21);
const B = makeUscc(22, "230600");
const rows = [
  [A, "甲公司", 2025, "M1", "P1", 60_000_000, 25_000_000, 0.035, "2025-03-01", "2027-03-01", null, "是", null],
  [A, "甲公司", 2025, "M3", null, null, null, null, null, null, 40_000_000, "是", 500_000],
  [A, "甲公司", 2026, "M6a", null, null, null, null, null, null, null, null, null],
  [B, "乙公司", 2025, "M2", "P2", 9_000_000, 12_000_000, 0.031, "2026-09-01", "2027-09-01", null, null, null],
  [B, "乙公司", 2025, "M2", "P2", 9_000_000, 12_000_000, 0.031, "2026-09-01", "2027-09-01", null, null, null],
  ["91230100MA00000000", "丙公司", 2025, "M3", null, null, null, null, null, null, "一千万", "是", null],
];
const workbook = {
  sheets: [
    { name: "申报", values: [HEADER, ...rows] },
    {
      name: "历史兑现",
      values: [
        ["统一社会信用代码", "条款", "年度", "兑现金额"],
        [A, "第6条", 2024, 1_000_000],
        [B, "M2", 2024, "abc"],
      ],
    },
  ],
};
const plain = (rows: readonly unknown[]) => JSON.parse(JSON.stringify(rows.map((r) => wordedRow(r as never))));

describe("the engine's rows crossing a thread boundary", () => {
  test("moved as columns (the buffers are transferred, not copied) and worded alike on the other side", () => {
    const here = screenWorkbook(workbook);
    const expected = plain(here.rows);
    const codes = here.rows.map((r) => reasonCodesOf(r));
    const { payload, transfer } = rowsPayload(here.rows);
    expect(payload.kind).toBe("columns");
    expect(transfer.length).toBeGreaterThan(20);
    const arrived = structuredClone(payload, { transfer });
    // Moved: the sender's buffers are detached.
    expect(transfer.every((buffer) => buffer.byteLength === 0)).toBe(true);
    const there = rowsFromPayload(arrived);
    expect(plain(there)).toEqual(expected);
    expect(there.map((r) => reasonCodesOf(r))).toEqual(codes);
    // Errors (a duplicate, an unreadable cell), history and the LPR gap all crossed.
    expect(expected.map((r: { status: string }) => r.status)).toEqual(expect.arrayContaining(["error", "manual", "ineligible"]));
  });

  test("copied, the sender keeps its columns and both sides word the same", () => {
    const here = screenWorkbook(workbook);
    const { payload, transfer } = rowsPayload(here.rows, { copy: true });
    expect(transfer).toEqual([]);
    const there = rowsFromPayload(structuredClone(payload));
    expect(plain(there)).toEqual(plain(here.rows));
  });

  test("a claim below the fen is settled by the engine too (no fallback): it crosses as columns; plain rows cross as worded rows", () => {
    const subFen = {
      sheets: [
        { name: "申报", values: [HEADER, [A, "甲公司", 2025, "M3", null, null, null, null, null, null, 40_000_000, "是", 100.005]] },
      ],
    };
    const here = screenWorkbook(subFen);
    const { payload } = rowsPayload(here.rows);
    expect(payload.kind).toBe("columns");
    expect(plain(rowsFromPayload(structuredClone(payload)))).toEqual(plain(here.rows));
    const worded = rowsPayload(here.rows.map(wordedRow)).payload;
    expect(worded.kind).toBe("rows");
    expect(plain(rowsFromPayload(structuredClone(worded)))).toEqual(plain(here.rows));
  });
});
