/**
 * One table of workbook-gateway cases, each run against both hosts (hosts.ts: the Office fake through
 * excelWorkbookGateway, the WPS fake through wpsWorkbookGateway) by gateway-both.test.ts. A case checks what it
 * must on the host it is given and returns a digest of what the host holds afterwards; the test also requires
 * the two hosts' digests to be equal. Test helper, no tests here.
 */
import {
  APPENDIX_MARKER_NAME,
  RESULTS_MARKER_NAME,
  SUMMARY_MARKER_NAME,
  appendixLayout,
  columnLetters,
  isOurResultsHeader,
  isOurSummaryTitle,
  reviewListLayout,
} from "../../../core";
import { isoToExcelSerial } from "../../../core/dates/excel-serial";
import { prepare, runScreening } from "../../../addin/taskpane/screening-session";
import { makeUscc } from "../../helpers/uscc";
import type { BookSpec, Host, SpecCell } from "./hosts";

export const DATE = "2026-12-06";
const serial = (iso: string) => isoToExcelSerial(iso)!;
const OURS = ["HLJ筛查结果", "HLJ汇总", "HLJ计算明细"];

const HEADER = [
  "统一社会信用代码",
  "企业名称",
  "申报年度",
  "申报条款",
  "主体资格",
  "贷款金额",
  "贷款利率",
  "放款日期",
  "到期日期",
  "新增实物网络零售额",
];

/** A bureau's sheet: title and 填报单位 above the header; eligible, manual (out of province), ineligible rows, a formula-like name. */
const APPLICANTS: SpecCell[][] = [
  ["2025年度电商政策申报汇总表"],
  ["填报单位：哈尔滨市商务局（盖章）"],
  HEADER,
  ["'" + makeUscc(1), "冰城电商有限公司", 2025, "第8条(2)", null, 10_000_000, 0.0345, serial("2025-06-01"), serial("2027-05-31"), null],
  ["'" + makeUscc(2), "'=1+1", 2025, "第3条", "是", null, null, null, null, 123_456_789],
  ["'" + makeUscc(3, "110100"), "京外电商有限公司", 2025, "第3条", "是", null, null, null, null, 50_000_000],
  ["'" + makeUscc(4), "雪乡物流股份有限公司", 2025, "第3条", "是", null, null, null, null, 5_000_000],
];
const NOTES: SpecCell[][] = [["这是用户的说明"], ["=SUM(A1:A2)"]];

const bureau = (extra: BookSpec["sheets"] = [], markers?: Record<string, string>): BookSpec => ({
  sheets: [{ name: "说明", rows: NOTES }, { name: "申报", rows: APPLICANTS }, ...extra],
  markers,
});

const screen = async (host: Host, control = {}) =>
  runScreening(host.gateway, await prepare(host.gateway), {}, {}, { date: DATE, ...control });

/** What the three sheets hold, to compare the hosts by. */
function written(host: Host, names = OURS) {
  return Object.fromEntries(
    names.map((name) => [
      name,
      {
        values: host.values(name),
        print: host.print(name),
        frozen: host.frozenRows(name),
        merges: host.merges(name),
      },
    ]),
  );
}

export interface GatewayCase {
  name: string;
  book: BookSpec;
  /** Checks on `host`; returns a digest the other host must match. */
  run(host: Host): Promise<unknown>;
}

export const CASES: GatewayCase[] = [
  {
    name: "outline: sheets, used ranges, the first rows; an empty sheet; the 1904 date system",
    book: {
      sheets: [
        { name: "说明", rows: NOTES },
        { name: "空白", rows: [] },
        { name: "申报", rows: APPLICANTS },
      ],
      date1904: true,
    },
    run: async (host) => {
      const outline = await host.gateway.outlineWorkbook();
      expect(outline.sheets).toEqual([
        { name: "说明", row: 1, column: 1, rowCount: 2, columnCount: 1 },
        { name: "空白", row: 1, column: 1, rowCount: 0, columnCount: 0 },
        { name: "申报", row: 1, column: 1, rowCount: 7, columnCount: 10 },
      ]);
      expect(outline.ours).toEqual([]);
      expect(outline.date1904).toBe(true);
      expect(outline.heads.map((h) => h.name)).toEqual(["说明", "申报"]);
      expect(outline.heads[1].values[2]).toEqual(HEADER);
      return outline;
    },
  },
  {
    name: "reading in blocks: numbers, text, dates as serials, booleans, empty, errors; a rate column's formats",
    book: {
      sheets: [
        {
          name: "数据",
          rows: [
            ["文本", "数字", "日期", "布尔", "空", "错误", "利率"],
            ...Array.from({ length: 6_001 }, (_, i): SpecCell[] => [
              i % 2 ? `'${String(i).padStart(6, "0")}` : `行${i}`,
              i * 1.5,
              serial("2025-06-01") + (i % 365),
              i % 3 === 0,
              null,
              i % 1000 === 7 ? { error: "#DIV/0!" } : i % 1000 === 8 ? { error: "#N/A" } : 1,
              0.0345,
            ]),
          ],
        },
      ],
      formats: { 数据: Object.fromEntries(Array.from({ length: 3_000 }, (_, i) => [`${i + 1},6`, "0.00%"])) },
    },
    run: async (host) => {
      const outline = await host.gateway.outlineWorkbook();
      const progress: number[] = [];
      const [input] = await host.gateway.readSheets(outline.sheets, { onProgress: (p) => progress.push(p.done) }, new Map([["数据", [6]]]));
      expect(progress).toEqual([5_000, 6_002]);
      expect(input.values).toHaveLength(6_002);
      expect(input.values[1]).toEqual(["行0", 0, serial("2025-06-01"), true, "", 1, 0.0345]);
      expect(input.values[2].slice(0, 4)).toEqual(["000001", 1.5, serial("2025-06-02"), false]);
      expect(input.values[8][5]).toBe("#DIV/0!");
      expect(input.values[9][5]).toBe("#N/A");
      expect(input.values[6_001][1]).toBe(9_000);
      expect(input.numberFormats![1]?.[6]).toBe("0.00%");
      expect(input.numberFormats![3_000]?.[6]).toBe("0.00%");
      expect(input.numberFormats![3_001]?.[6]).toBeUndefined();
      return input;
    },
  },
  {
    name: "the three result sheets: names, markers, the review list, the appendix, the summary, print setup",
    book: bureau(),
    run: async (host) => {
      const { result, sheets } = await screen(host);
      expect(sheets).toEqual({ results: "HLJ筛查结果", appendix: "HLJ计算明细", summary: "HLJ汇总" });
      expect(host.sheetNames()).toEqual(["说明", "申报", ...["HLJ筛查结果", "HLJ汇总", "HLJ计算明细"]]);
      expect(host.markers()).toEqual({
        [RESULTS_MARKER_NAME]: "HLJ筛查结果",
        [APPENDIX_MARKER_NAME]: "HLJ计算明细",
        [SUMMARY_MARKER_NAME]: "HLJ汇总",
      });
      const layout = reviewListLayout(result, "zh", { date: DATE, reportingUnit: result.reportingUnit });
      const list = host.values("HLJ筛查结果");
      expect(list[0][0]).toBe(layout.title);
      expect(isOurResultsHeader(list[layout.headerRow - 1])).toBe(true);
      const source = list[layout.headerRow - 1].indexOf("来源");
      expect(list.slice(layout.firstDataRow - 1, layout.totalsRow - 1).map((row) => row[source])).toEqual(result.rows.map((r) => r.source));
      const names = list.slice(layout.firstDataRow - 1, layout.totalsRow - 1).map((row) => row.find((v) => v === "=1+1"));
      expect(names.filter(Boolean)).toEqual(["=1+1"]);
      layout.totals.forEach((total, i) => {
        expect(list[layout.totalsRow - 1 + i][0]).toBe(total.label);
        expect(list[layout.totalsRow - 1 + i][layout.finalColumn]).toBe(total.amount);
      });
      for (const part of layout.signature) expect(list[layout.signatureRow - 1][part.from]).toBe(part.text);
      expect(host.print("HLJ筛查结果")).toEqual({
        orientation: "landscape",
        paper: "A4",
        fitWide: 1,
        fitTall: 0,
        printArea: layout.printArea,
        titleRows: `$${layout.headerRow}:$${layout.headerRow}`,
        footer: [result.policy.id, "第 &P 页，共 &N 页", "黑龙江电商政策申报筛查"],
        centered: true,
        leftMargin: 28.8,
      });
      expect(host.frozenRows("HLJ筛查结果")).toBe(layout.headerRow);
      expect(host.autoFilter("HLJ筛查结果")).toMatch(new RegExp(`^A${layout.headerRow}:[A-Z]+${layout.totalsRow - 1}$`));
      expect(host.merges("HLJ筛查结果")).toContain("A1:L1");
      expect(host.bold("HLJ筛查结果", "A1:L1")).toBe(true);
      const last = columnLetters(list[layout.headerRow - 1].filter((v) => v !== "").length);
      expect(host.fill("HLJ筛查结果", `A${layout.headerRow}:${last}${layout.headerRow}`)).toBe("#1F4E79");
      expect(host.width("HLJ筛查结果", "A")).toBeGreaterThan(0);
      const annex = appendixLayout(result, "zh", { date: DATE, reportingUnit: result.reportingUnit });
      const appendix = host.values("HLJ计算明细");
      expect(appendix[0][0]).toBe(annex.title);
      expect(appendix.length).toBe(annex.headerRow + result.rows.length);
      expect(host.print("HLJ计算明细").printArea).toBe(annex.printArea);
      expect(isOurSummaryTitle(host.values("HLJ汇总")[0][0])).toBe(true);
      expect(host.print("HLJ汇总").fitTall).toBe(0);
      const widths = Array.from({ length: list[layout.headerRow - 1].length }, (_, i) => host.width("HLJ筛查结果", columnLetters(i + 1)));
      return { ...written(host), widths };
    },
  },
  {
    name: "a rerun replaces only ours (marker and content); a marker alone on a user's sheet gives (2)",
    book: bureau([{ name: "HLJ汇总", rows: [["用户自己的汇总表"]] }], { [SUMMARY_MARKER_NAME]: "HLJ汇总" }),
    run: async (host) => {
      const first = await prepare(host.gateway);
      expect(first.outline.ours).toEqual([]);
      await screen(host);
      expect(host.sheetNames()).toEqual(["说明", "申报", "HLJ汇总", "HLJ筛查结果", "HLJ汇总 (2)", "HLJ计算明细"]);
      expect(host.values("HLJ汇总")).toEqual([["用户自己的汇总表"]]);
      const second = await prepare(host.gateway);
      expect([...second.outline.ours].sort()).toEqual(["HLJ汇总 (2)", "HLJ筛查结果", "HLJ计算明细"].sort());
      await screen(host);
      expect(host.sheetNames()).toEqual(["说明", "申报", "HLJ汇总", "HLJ筛查结果", "HLJ汇总 (2)", "HLJ计算明细"]);
      expect(host.values("HLJ汇总")).toEqual([["用户自己的汇总表"]]);
      expect(host.markers()[SUMMARY_MARKER_NAME]).toBe("HLJ汇总 (2)");
      return { names: host.sheetNames(), markers: host.markers(), ...written(host, ["HLJ筛查结果", "HLJ汇总 (2)", "HLJ计算明细"]) };
    },
  },
  {
    name: "the user's sheets are untouched: values, formulas, and not one change logged",
    book: bureau(),
    run: async (host) => {
      const before = ["说明", "申报"].map((s) => host.values(s));
      await screen(host);
      await screen(host);
      expect(["说明", "申报"].map((s) => host.values(s))).toEqual(before);
      expect(host.writesTo(["说明", "申报"])).toEqual([]);
      return before;
    },
  },
  {
    name: "cancelled while writing, the book is as it was: sheets, markers, no sheet left behind",
    book: bureau([], {}),
    run: async (host) => {
      await screen(host);
      const names = host.sheetNames();
      const markers = host.markers();
      const list = host.values("HLJ筛查结果");
      let blocks = 0;
      await expect(
        screen(host, { onProgress: (p: { phase: string }) => p.phase === "write" && blocks++, isCancelled: () => blocks >= 1 }),
      ).rejects.toMatchObject({ code: "Cancelled" });
      expect(host.sheetNames()).toEqual(names);
      expect(host.markers()).toEqual(markers);
      expect(host.values("HLJ筛查结果")).toEqual(list);
      expect(host.added()).toBe(6);
      return { names, markers };
    },
  },
  {
    name: "watching: the selected row's 来源 and 计算明细; the head, 合计 and other sheets give nothing; stopped, nothing",
    book: bureau(),
    run: async (host) => {
      const { result } = await screen(host);
      const layout = reviewListLayout(result, "zh", { date: DATE, reportingUnit: result.reportingUnit });
      const seen: { source: string; explain: string }[] = [];
      const stop = await host.gateway.watchResults("HLJ筛查结果", (row) => seen.push(row));
      await host.userSelects("HLJ筛查结果", `C${layout.firstDataRow + 1}`);
      await host.userSelects("HLJ筛查结果", "A1");
      await host.userSelects("HLJ筛查结果", `A${layout.totalsRow}`);
      await host.userSelects("申报", "A5");
      await stop();
      await host.userSelects("HLJ筛查结果", `C${layout.firstDataRow}`);
      expect(seen.map((s) => s.source)).toEqual([result.rows[1].source]);
      expect(seen[0].explain).toContain("结论");
      const appendix = host.values("HLJ计算明细");
      const detail = appendix.find((row) => row.includes("计算明细"))!.indexOf("计算明细");
      expect(seen[0].explain).toBe(appendix.find((row) => row[1] === result.rows[1].source)?.[detail]);
      return seen;
    },
  },
];
