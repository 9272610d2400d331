/**
 * Random workbooks as officers' sheets hold them (the property generator): applicant rows of every measure with
 * their cells as numbers, text, awkward values and dates in several forms, duplicates, history, LPR sheets, a
 * second sheet in another column order or unit, and random options. Used by the engine's property test and by
 * the output fingerprint (npm run fingerprint).
 */
import fc from "fast-check";
import { ApplicationRow, HistoryRecord } from "../../core/rows/types";
import { isoToExcelSerial } from "../../core/dates/excel-serial";
import { getParameterSet } from "../../core/policy/registry";
import { ScreenOptions, WorkbookInput } from "../../core/screening/screen";
import { historyArb, optionsArb, rowArb } from "./arbitraries";

const policy = getParameterSet();

export const HEADER = [
  "统一社会信用代码",
  "企业名称",
  "所属市(地)",
  "申报年度",
  "申报条款",
  "项目名称",
  "主体资格",
  "总投资额",
  "贷款金额",
  "贷款利率",
  "放款日期",
  "到期日期",
  "实付利息",
  "新增实物网络零售额",
  "进出口额",
  "首次达到",
  "补贴基数",
  "示范级别",
  "带动网络销售额",
  "近三年投资额",
  "核定金额",
  "申报金额",
  "已获其他省级支持",
];

/** Amounts the reference must also settle: near thresholds and caps, below the fen, near 2^53 fen, at the bound. */
const edgeAmounts = [
  ...policy.measures
    .flatMap((m) => [m.threshold?.value, m.cap?.amount?.value, m.amount?.value])
    .filter((v): v is number => v !== undefined),
].flatMap((v) => [v, v - 0.01, v + 0.01, v - 1, v + 1]);
const awkwardAmount = fc.constantFrom(
  ...edgeAmounts,
  90_071_992_547_409.91,
  9_999_999_999_999.99,
  10_000_000_000_000,
  10_000_000_000_001,
  100.005,
  0.1 + 0.2,
  1234567.0000000002,
  0,
);

/** How a cell may hold an amount: a number, text with separators, an awkward value. */
const amountCell = (value: unknown) =>
  value === undefined || value === null
    ? fc.constant(null)
    : fc.oneof(
        { weight: 8, arbitrary: fc.constant(Number(value)) },
        {
          weight: 1,
          arbitrary: fc.constant(
            Number.isNaN(Number(value)) ? String(value) : Number(value).toLocaleString("en", { maximumFractionDigits: 2 }),
          ),
        },
        { weight: 1, arbitrary: fc.constant(String(value)) },
        { weight: 1, arbitrary: awkwardAmount },
      );
const flagCell = (value: boolean | null | undefined) =>
  value === undefined || value === null ? fc.constant(null) : fc.constantFrom(value ? "是" : "否", value, value ? 1 : 0, value ? "Y" : "N");
const dateCell = (iso: string | undefined | null) =>
  !iso ? fc.constant(null) : fc.constantFrom<unknown>(isoToExcelSerial(iso) ?? iso, iso, iso.replace(/-/g, "/"));
const rateCell = (rate: unknown) =>
  rate === undefined || rate === null
    ? fc.constant(null)
    : fc.constantFrom<unknown>(Number(rate), `${(Number(rate) * 100).toFixed(4)}%`, String(rate));

export function rowCells(row: ApplicationRow): fc.Arbitrary<unknown[]> {
  const facts = row.facts ?? {};
  const loan = facts.loan ?? null;
  return fc.tuple(
    fc.constant(row.entityId ?? null),
    fc.constantFrom("龙江电商有限公司", "龙江电商有限公司\u3000", "#N/A", null),
    // Text with something to trim, or an Excel error value, goes the parser's way; plain text goes straight in.
    fc.constantFrom(null, "哈尔滨", " 大庆 ", "大庆\t", "\u3000哈尔滨", "#n/a", "#标签", "未知市"),
    fc.constantFrom<unknown>(row.year, `${row.year}年`),
    fc.constant(row.measure),
    fc.constant(row.projectId ?? null),
    flagCell(facts.qualified),
    amountCell(facts.totalInvestment),
    amountCell(loan?.principal as unknown),
    rateCell(loan?.loanRate),
    dateCell(loan?.startDate),
    dateCell(loan?.endDate),
    amountCell(loan?.interestPaid),
    amountCell(facts.onlineRetailIncrease),
    amountCell(facts.importExport),
    flagCell(facts.firstTime),
    amountCell(facts.eligibleCosts),
    fc.constantFrom(null, "国家级", "省级", "市级"),
    amountCell(facts.drivenOnlineSales),
    amountCell(facts.investmentLast3Years),
    amountCell(facts.approvedAmount),
    amountCell(row.claimedAmount),
    amountCell(row.otherProvincialSupport),
  ) as fc.Arbitrary<unknown[]>;
}

const historyCells = (h: HistoryRecord) =>
  fc.tuple(
    fc.constant(h.entityId),
    fc.constantFrom<unknown>(h.measure, "第6条", "第8条", "?"),
    fc.constant(h.year),
    amountCell(h.amount),
    amountCell(h.totalInvestment ?? null),
    fc.constant(h.projectId ?? null),
  );

export const workbookArb = fc
  .record({
    rows: fc.array(rowArb.chain(rowCells), { maxLength: 24 }),
    duplicates: fc.array(fc.nat(), { maxLength: 2 }),
    history: fc.array(historyArb.chain(historyCells), { maxLength: 5 }),
    lpr: fc.option(fc.constantFrom<unknown[][]>([["2026-09-22", 0.03]], [["2026-09-22", "3.05%"]], [["2025-05-20", 0.0299]]), {
      nil: undefined,
    }),
    options: optionsArb,
    yuanInWan: fc.boolean(),
    ratesInPercent: fc.boolean(),
    // The rows from `at` on in a second applicant sheet: its columns in another order, or another unit.
    second: fc.option(fc.record({ at: fc.nat(), reversed: fc.boolean(), otherUnit: fc.boolean() }), { nil: undefined }),
  })
  .map(({ rows, duplicates, history, lpr, options, yuanInWan, ratesInPercent, second }) => {
    const all = [...rows];
    for (const d of duplicates) if (rows.length) all.push([...rows[d % rows.length]]);
    const header = HEADER.map((h) =>
      yuanInWan && h === "总投资额" ? "总投资额(万元)" : ratesInPercent && h === "贷款利率" ? "贷款利率(%)" : h,
    );
    const sheets: WorkbookInput["sheets"][number][] = [];
    if (second && all.length) {
      const at = second.at % all.length;
      const otherHeader = second.otherUnit
        ? header.map((h) => (h === "总投资额" ? "总投资额(万元)" : h === "总投资额(万元)" ? "总投资额" : h))
        : header;
      const order = (cells: readonly unknown[]) => (second.reversed ? [...cells].reverse() : [...cells]);
      sheets.push({ name: "申报", values: [header, ...all.slice(0, at)] });
      sheets.push({ name: "申报(续)", values: [order(otherHeader), ...all.slice(at).map(order)] });
    } else sheets.push({ name: "申报", values: [header, ...all] });
    if (history.length)
      sheets.push({ name: "历史兑现", values: [["统一社会信用代码", "条款", "年度", "兑现金额", "总投资额", "项目名称"], ...history] });
    if (lpr) sheets.push({ name: "LPR", values: [["日期", "利率"], ...lpr] });
    return { workbook: { sheets } as WorkbookInput, options: options as ScreenOptions };
  });
