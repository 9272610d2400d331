/**
 * screenWorkbook: a workbook of applicants (sheets of cells exactly as Office.js `range.values` gives them) →
 * one result per applicant row, with totals. Pure: no I/O, no Office. The task pane and the command line both
 * call it; they only move cells. SCREENING.md is the contract.
 */
import { ApplicationRow, BatchResult, HistoryRecord } from "../rows/types";
import { ERROR } from "../batch/columns";
import { EngineTable, cellIndexOf } from "./engine-state";
import { runEngine } from "./engine";
import { ScreenedBatch } from "./screened-rows";
import { pastOneSheet } from "./results-limit";
import { resolveOptions } from "../options";
import { CellValue, isEmptyCell, parseDateCell, parseNumberCell, parseTextCell, parseYearCell } from "../cells/parse";
import { SuppliedLprEntry, checkedRate } from "../lpr/lpr-table";
import { InputError } from "../errors/errors";
import { parseMeasureRef } from "../measures/measure-id";
import { Decimal, formatYuan } from "../money/money";
import { Reason } from "../reasons/reasons";
import { toHalfWidth } from "../text/half-width";
import { skipOwnSheet } from "./own-sheets";
import { HEADER_SEARCH_ROWS, SkippedKind, cellText, layOut, missingRequired, nearMissHeader } from "./layout";
import {
  CellIndex,
  FoundTable,
  WAN,
  columnReaders,
  isPercentFormat,
  originOf,
  parseRate,
  readRow,
  rowSignature,
  signatureLayout,
} from "./read-row";
import {
  FIELD_BY_KEY,
  FieldKey,
  HISTORY_FIELDS,
  HISTORY_SHEET_NAMES,
  HeaderUnit,
  LPR_FIELDS,
  LPR_SHEET_NAMES,
  columnLetters,
  isSheetNamed,
  normaliseHeader,
} from "./fields";

export { MAX_RESULT_ROWS } from "./results-limit";
import { ScreenOptions, ScreeningIssue, ScreeningResult, SheetInput, SkippedRowInfo, TableChoice, TableInfo, WorkbookInput } from "./types";

export type {
  SheetInput,
  WorkbookInput,
  ScreenOptions,
  TableColumn,
  TableChoice,
  SkippedRowInfo,
  TableInfo,
  ScreeningIssue,
  ScreeningResult,
} from "./types";
export { isPercentFormat };

/** The workbook cannot be screened at all (no applicant table): hosts say why in one line. */
export class UnusableWorkbookError extends Error {
  constructor(
    readonly en: string,
    readonly zh: string,
  ) {
    super(en);
    this.name = "UnusableWorkbookError";
  }
}

/** What the first stages found in a workbook: its applicant tables, history and LPR records, and its issues so far. */
export interface ReadWorkbook {
  tables: TableInfo[];
  found: EngineTable[];
  history: HistoryRecord[];
  lprEntries: SuppliedLprEntry[];
  issues: ScreeningIssue[];
  date1904: boolean;
}

export function screenWorkbook(workbook: WorkbookInput, options: ScreenOptions = {}): ScreeningResult {
  const { tables, found, history, lprEntries, issues, date1904 } = readWorkbook(workbook, options);
  const batchOptions = { ...options, lprEntries: [...lprEntries, ...(options.lprEntries ?? [])], history };
  const resolved = resolveOptions(batchOptions);
  const byReference = options.engine === "reference";
  const state = runEngine(found, resolved, history, batchOptions.lprEntries, date1904, options.onProgress, byReference);
  const screened = new ScreenedBatch(state);
  issues.push(...historyIssues(state.history.source.problems));
  const noReasons: Reason[] = [];
  issues.push(
    ...columnsFailing(
      // Only error rows have reasons that fail a column: the reference's, and the fast rules' own (an unknown LPR),
      // worded without their explanations and not kept (the writer words every row again; a million kept
      // explanations would not fit in memory).
      (i) =>
        state.reference.get(i)?.reasons ??
        (state.batch.status[i] === ERROR ? screened.reasonsOf(i, undefined, screened.capUseOf(i)) : noReasons),
      (i) => (i < state.n ? cellIndexOf(state, i) : undefined),
      tables,
      (i) => state.reference.has(i) || state.batch.status[i] === ERROR,
    ),
  );
  const { policy } = resolved;
  return {
    policy: { id: policy.id, title: policy.title, stage: policy.stage },
    options: resolved.options,
    rows: screened.rows,
    totals: screened.totals(),
    tables,
    issues,
  };
}

/** History records that could not be used, as workbook warnings on their sheet. */
export function historyIssues(problems: BatchResult["historyProblems"]): ScreeningIssue[] {
  return problems.map((problem) => ({ sheet: problem.source.split("!")[0], severity: "warning", zh: problem.zh, en: problem.en }));
}

/** Find tables and read the history and LPR sheets: everything before the rows are decided. */
export function readWorkbook(workbook: WorkbookInput, options: ScreenOptions = {}): ReadWorkbook {
  if (!workbook || !Array.isArray(workbook.sheets)) {
    throw new UnusableWorkbookError(
      "not a workbook: expected { sheets: [{ name, values }] }",
      "不是工作簿：应为 { sheets: [{ name, values }] }",
    );
  }
  const issues: ScreeningIssue[] = [];
  const tables: TableInfo[] = [];
  const found: EngineTable[] = [];
  const history: HistoryRecord[] = [];
  const lprEntries: SuppliedLprEntry[] = [];

  const date1904 = workbook.date1904 === true;
  const nearMisses: ScreeningIssue[] = [];
  for (const sheet of workbook.sheets) {
    const values = Array.isArray(sheet.values) ? sheet.values : [];
    if (isSheetNamed(sheet.name, HISTORY_SHEET_NAMES)) {
      history.push(...readHistory(sheet, values, issues));
      continue;
    }
    if (isSheetNamed(sheet.name, LPR_SHEET_NAMES)) {
      lprEntries.push(...readLprSheet(sheet, values, issues));
      continue;
    }
    const choice = options.tables?.[sheet.name];
    if (choice?.skip || skipOwnSheet(sheet, issues)) continue;
    const onSheet = findTables(sheet, values, issues, choice);
    if (onSheet.length === 0) {
      const miss = nearMiss(sheet, values);
      if (miss) nearMisses.push(miss);
      continue;
    }
    for (const table of onSheet) {
      tables.push(table.info);
      found.push({ sheet, values, table });
      table.info.rows = table.layout.dataRows.length;
      checkTotals(sheet, values, table, issues);
      issues.push(...skippedIssues(sheet.name, table.info.skipped));
    }
  }
  issues.push(...nearMisses);
  if (tables.length === 0) {
    const names = workbook.sheets.map((s) => s.name).join(", ") || "(none)";
    const hint = nearMisses[0] ? ` (${nearMisses[0].en})` : "";
    const hintZh = nearMisses[0] ? `（${nearMisses[0].zh}）` : "";
    throw new UnusableWorkbookError(
      `no applicant table: no sheet (${names}) has a header row with a 统一社会信用代码 (USCC) column, a 申报年度 (year) column and a 申报条款 (measure) column or a measure in its name${hint}`,
      `没有申报表：工作表（${names}）中没有同时包含“统一社会信用代码”“申报年度”以及“申报条款”列（或表名含条款）的表头行${hintZh}`,
    );
  }
  const tooMany = pastOneSheet(found.reduce((sum, t) => sum + t.table.layout.dataRows.length, 0));
  if (tooMany) throw new UnusableWorkbookError(tooMany.en, tooMany.zh);
  return { tables, found, history, lprEntries, issues, date1904 };
}

/** A note for each row of a table that is not an application (a total, a footer, a title). */
function skippedIssues(sheet: string, skipped: readonly SkippedRowInfo[]): ScreeningIssue[] {
  return skipped.map((row) => ({
    sheet,
    cell: row.cell,
    severity: "info",
    zh: `${row.cell}：${SKIPPED_WORDS[row.kind].zh}${row.text ? `“${row.text}”` : ""}，不作为申报行读取`,
    en: `${row.cell}: ${SKIPPED_WORDS[row.kind].en}${row.text ? ` "${row.text}"` : ""}, not read as an application`,
  }));
}

const SKIPPED_WORDS: Readonly<Record<SkippedKind, { zh: string; en: string }>> = {
  total: { zh: "合计行", en: "a total row" },
  footer: { zh: "表尾", en: "a footer line" },
  text: { zh: "文字行（标题或说明）", en: "a line of text (a title or a note)" },
  serialOnly: { zh: "只有序号的空行", en: "an empty row with only its number (序号)" },
  header: { zh: "重复的表头", en: "the header repeated" },
  units: { zh: "单位行", en: "the units row" },
  numbering: { zh: "列序号行", en: "the row of column numbers" },
};

/**
 * The applicant tables a workbook holds, with their automatic column mapping, without screening: what the task
 * pane shows a person before the run. Only the first rows of each sheet are needed.
 */
export function detectTables(workbook: WorkbookInput, choices: ScreenOptions["tables"] = {}): TableInfo[] {
  const tables: TableInfo[] = [];
  for (const sheet of workbook.sheets) {
    if (isSheetNamed(sheet.name, HISTORY_SHEET_NAMES) || isSheetNamed(sheet.name, LPR_SHEET_NAMES) || skipOwnSheet(sheet, [])) continue;
    const found = findTables(sheet, Array.isArray(sheet.values) ? sheet.values : [], [], choices[sheet.name]);
    if (found.length) tables.push(found[0].info);
  }
  return tables;
}

/** How many rows of a sheet detectTables looks at for a header row. */
export const HEADER_ROWS_SEARCHED = HEADER_SEARCH_ROWS;

// ---------------------------------------------------------------------------------------------------------
// Applicant tables

function findTables(
  sheet: SheetInput,
  values: readonly (readonly unknown[])[],
  issues: ScreeningIssue[],
  choice?: TableChoice,
): FoundTable[] {
  const sheetMeasure = measureOfSheetName(sheet.name);
  const origin = originOf(sheet);
  const laidOut = layOut(values, sheetMeasure, {
    headerIndex: choice?.headerRow !== undefined ? choice.headerRow - origin.row : undefined,
    columns: choice?.columns,
  });
  return laidOut
    .filter((layout) => layout.columns.size > 0)
    .map((layout) => {
      const at = (index: number) => `${columnLetters(origin.column + index)}${origin.row + layout.headerIndex + layout.headerRows - 1}`;
      for (const { index, field } of layout.duplicates) {
        const spec = FIELD_BY_KEY.get(field)!;
        const first = columnLetters(origin.column + layout.columns.get(field)!.index);
        issues.push({
          sheet: sheet.name,
          cell: at(index),
          severity: "warning",
          zh: `${sheet.name}!${at(index)}：表头“${spec.zh}”重复，读取第一列（${first}），忽略此列`,
          en: `${sheet.name}!${at(index)}: a second "${spec.en}" column; the first (${first}) is read, this one ignored`,
        });
      }
      const headerRow = origin.row + layout.headerIndex + layout.headerRows - 1;
      const info: TableInfo = {
        sheet: sheet.name,
        headerRow,
        headerRows: layout.headerRows,
        unitsRow: layout.unitsIndex === null ? null : origin.row + layout.unitsIndex,
        rows: 0,
        skipped: layout.skipped.map((s) => ({
          cell: `${sheet.name}!${columnLetters(origin.column + s.column)}${origin.row + s.index}`,
          kind: s.kind,
          text: s.text,
        })),
        sheetMeasure,
        columns: [...layout.columns.entries()].map(([field, c]) => ({
          field,
          header: c.header,
          column: columnLetters(origin.column + c.index),
          index: c.index,
          unit: c.unit,
        })),
        ignoredHeaders: layout.ignored,
        headers: layout.headers.map((h) => ({ index: h.index, column: columnLetters(origin.column + h.index), text: h.text })),
        missingRequired: missingRequired(layout.columns, sheetMeasure),
      };
      return { info, layout, columns: layout.columns, sheetMeasure };
    });
}

/** A sheet with a header row that maps some fields but not the required ones: say which column to check. */
function nearMiss(sheet: SheetInput, values: readonly (readonly unknown[])[]): ScreeningIssue | null {
  const miss = nearMissHeader(values, measureOfSheetName(sheet.name));
  if (!miss || miss.missing.length === 0) return null;
  const origin = originOf(sheet);
  const row = origin.row + miss.index;
  const found = [...miss.mapping.columns.entries()].map(
    ([field, c]) => `${c.header}（${columnLetters(origin.column + c.index)}）→ ${FIELD_BY_KEY.get(field)!.zh}`,
  );
  const foundEn = [...miss.mapping.columns.entries()].map(
    ([field, c]) => `${c.header} (${columnLetters(origin.column + c.index)}) → ${FIELD_BY_KEY.get(field)!.en}`,
  );
  const missing = miss.missing.map((f) => FIELD_BY_KEY.get(f)!);
  const unknown = miss.mapping.ignored.slice(0, 6);
  return {
    sheet: sheet.name,
    cell: `${sheet.name}!${row}`,
    severity: "warning",
    zh: `${sheet.name}!${row} 像是表头（${found.join("、")}），但缺少${missing.map((m) => `“${m.zh}”`).join("、")}列${unknown.length ? `：请检查未识别的列 ${unknown.map((u) => `“${u}”`).join("、")} 的表头` : "：请补上该列"}（可用的表头见 SCREENING.md）`,
    en: `${sheet.name}!${row} looks like a header (${foundEn.join(", ")}) but has no ${missing.map((m) => m.en).join(" or ")} column${unknown.length ? `: check the headers of the columns not recognised: ${unknown.map((u) => `"${u}"`).join(", ")}` : ": add it"}`,
  };
}

const SHEET_MEASURE_PATTERNS = [
  /第\s*([0-9０-９一二三四五六七八九十]{1,3})\s*条(?:\s*(?:[(（]\s*([12一二])\s*[)）]|第\s*([12一二])\s*款|([ab])(?![a-z])))?/i,
  /(?:^|[^a-z0-9])m\s*([0-9]{1,2})([ab])?(?![0-9a-z])/i,
];

/** `第3条`, `第4条(1)`, `M3 网络零售`… → a measure reference, or null. */
export function measureOfSheetName(name: string): string | null {
  const text = toHalfWidth(name);
  for (const pattern of SHEET_MEASURE_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const part = match.slice(2).find((p) => p !== undefined);
    const candidate = `第${match[1]}条${part ? `(${/^[a1一]$/i.test(part) ? 1 : 2})` : ""}`;
    try {
      parseMeasureRef(candidate);
      return candidate;
    } catch {
      continue;
    }
  }
  return null;
}

/** The applicant rows of a table read by the reference's readers, each with its cells' index (the test oracle's input). */
export function readApplicants(
  sheet: SheetInput,
  values: readonly (readonly unknown[])[],
  table: FoundTable,
  rows: ApplicationRow[],
  cellsOf: CellIndex[],
  date1904: boolean,
): void {
  const origin = originOf(sheet);
  const readers = columnReaders(table, origin, date1904);
  const letters = new Map<FieldKey, { letter: string; header: string }>();
  for (const [field, c] of table.columns) letters.set(field, { letter: columnLetters(origin.column + c.index), header: c.header });
  const signature = signatureLayout(table);
  const measureEntry = table.columns.get("measure");
  const measureColumn = measureEntry && { ...measureEntry, letter: columnLetters(origin.column + measureEntry.index) };
  const formats = sheet.numberFormats;
  for (const r of table.layout.dataRows) {
    const cells = values[r] ?? [];
    const rowNumber = origin.row + r;
    const index: CellIndex = { sheet: sheet.name, row: rowNumber, columns: letters };
    const row = readRow(cells, formats?.[r], rowNumber, sheet.name, readers, measureColumn, table.sheetMeasure);
    // Identical applications are identical cells in the columns read (notes aside): cheaper than comparing facts.
    row.signature = rowSignature(signature, cells);
    rows.push(row);
    cellsOf.push(index);
  }
}

/**
 * A total row's sums against the rows above it (合计/总计: the table's rows so far; 小计/本页小计: since the last
 * subtotal), column by column for the amounts read: a mismatch is a workbook warning naming the column.
 */
function checkTotals(sheet: SheetInput, values: readonly (readonly unknown[])[], table: FoundTable, issues: ScreeningIssue[]): void {
  const origin = originOf(sheet);
  const amountColumns = [...table.columns.entries()].filter(([field]) => {
    const kind = FIELD_BY_KEY.get(field)!.kind;
    return kind === "amount" || kind === "signedAmount";
  });
  const data = table.layout.dataRows;
  const SCALE = 10_000;
  const toUnits = (cell: unknown): number | null => {
    const parsed = parseNumberCell(cell as CellValue);
    if (parsed.kind !== "value") return null;
    const scaled = parsed.value.times(SCALE);
    return scaled.abs().lessThan(Number.MAX_SAFE_INTEGER) ? Math.round(scaled.toNumber()) : null;
  };
  for (const total of table.layout.totals) {
    const rows = data.slice(total.from).filter((r) => r < total.index);
    for (const [field, column] of amountColumns) {
      const stated = toUnits((values[total.index] ?? [])[column.index]);
      if (stated === null) continue;
      let sum = 0;
      let counted = 0;
      for (const r of rows) {
        const value = toUnits((values[r] ?? [])[column.index]);
        if (value === null) continue;
        sum += value;
        counted++;
      }
      // Half a fen of tolerance: the total may be rounded to the fen where the rows have more decimals.
      if (counted === 0 || Math.abs(sum - stated) <= 50) continue;
      const cell = `${sheet.name}!${columnLetters(origin.column + column.index)}${origin.row + total.index}`;
      const show = (units: number) => formatYuan(new Decimal(units).dividedBy(SCALE));
      const spec = FIELD_BY_KEY.get(field)!;
      issues.push({
        sheet: sheet.name,
        cell,
        severity: "warning",
        zh: `${cell}（${total.text}，${column.header}）：${show(stated)}，但上方 ${counted} 行合计 ${show(sum)}，相差 ${show(stated - sum)}：请核对该列（${spec.zh}）或合计行`,
        en: `${cell} (${total.text}, ${column.header}): ${show(stated)}, but the ${counted} rows above add up to ${show(sum)}, a difference of ${show(stated - sum)}: check the column (${spec.en}) or the total`,
      });
    }
  }
}

/**
 * A column that fails for most rows of a table is almost always one cause (a unit, a header mapped to the
 * wrong column, a date system): a table-level warning names the column, not only each row.
 */
/** Fewer rows failing in one column than this is a matter of those rows, not of the column. */
const FAILING_COLUMN_MIN_ROWS = 3;

export function columnsFailing(
  reasonsOf: (row: number) => readonly Reason[],
  cellsOf: (row: number) => CellIndex | undefined,
  tables: readonly TableInfo[],
  mayFail: (row: number) => boolean = () => true,
): ScreeningIssue[] {
  const issues: ScreeningIssue[] = [];
  let start = 0;
  for (const table of tables) {
    const end = start + table.rows;
    // A column is named only when most rows fail in it: with too few rows that can fail at all, no reason
    // need be read (a fast row's reasons are worded when read).
    let candidates = 0;
    for (let i = start; i < end; i++) if (mayFail(i)) candidates++;
    if (candidates < FAILING_COLUMN_MIN_ROWS || candidates * 2 < table.rows) {
      start = end;
      continue;
    }
    const failures = new Map<string, { count: number; example: Reason }>();
    const seen = new Set<string>();
    for (let i = start; i < end; i++) {
      const reasons = reasonsOf(i);
      if (reasons.length === 0) continue;
      seen.clear();
      for (const r of reasons) {
        if (r.severity !== "error" || !r.field || seen.has(r.field)) continue;
        seen.add(r.field);
        const entry = failures.get(r.field) ?? { count: 0, example: r };
        entry.count++;
        failures.set(r.field, entry);
      }
    }
    for (const [field, { count, example }] of failures) {
      if (count < FAILING_COLUMN_MIN_ROWS || count * 2 < table.rows) continue;
      const column = cellsOf(start)?.columns.get(field as FieldKey);
      const spec = FIELD_BY_KEY.get(field as FieldKey);
      const name = column ? `${table.sheet}!${column.letter} ${column.header}` : `${table.sheet} ${spec?.zh ?? field}`;
      const nameEn = column ? `${table.sheet}!${column.letter} ${column.header}` : `${table.sheet} ${spec?.en ?? field}`;
      issues.push({
        sheet: table.sheet,
        cell: column ? `${table.sheet}!${column.letter}${table.headerRow}` : undefined,
        severity: "warning",
        zh: `${name}：${table.rows} 行中有 ${count} 行在此列出错（如：${example.zh}），请检查该列的表头、单位或格式`,
        en: `${nameEn}: ${count} of ${table.rows} rows fail in this column (e.g. ${example.en}): check its header, unit or format`,
      });
    }
    start = end;
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------------------
// 历史兑现 / History and LPR sheets

function findHeader(values: readonly (readonly unknown[])[], spec: Record<string, readonly string[]>, required: string[]) {
  const keys = new Map<string, string>();
  for (const [field, headers] of Object.entries(spec)) for (const h of headers) keys.set(normaliseHeader(h).key, field);
  for (let r = 0; r < Math.min(values.length, HEADER_SEARCH_ROWS); r++) {
    const columns = new Map<string, { index: number; unit: HeaderUnit }>();
    (values[r] ?? []).forEach((cell, c) => {
      const { key, unit } = normaliseHeader(cellText(cell).trim());
      const field = keys.get(key);
      if (field && !columns.has(field)) columns.set(field, { index: c, unit });
    });
    if (required.every((f) => columns.has(f))) return { index: r, columns };
  }
  return null;
}

function readHistory(sheet: SheetInput, values: readonly (readonly unknown[])[], issues: ScreeningIssue[]): HistoryRecord[] {
  const header = findHeader(values, HISTORY_FIELDS, ["entityId", "measure", "amount"]);
  if (!header) {
    issues.push({
      sheet: sheet.name,
      severity: "warning",
      zh: `${sheet.name}：未找到“统一社会信用代码、条款、兑现金额”表头，历史兑现未使用`,
      en: `${sheet.name}: no header row with USCC, measure and amount paid; the history is not used`,
    });
    return [];
  }
  const origin = originOf(sheet);
  const records: HistoryRecord[] = [];
  for (let r = header.index + 1; r < values.length; r++) {
    const cells = values[r] ?? [];
    if (cells.every((cell) => isEmptyCell(cell as CellValue))) continue;
    const at = (field: string) => {
      const column = header.columns.get(field);
      return column ? (cells[column.index] as CellValue) : null;
    };
    const source = `${sheet.name}!${origin.row + r}`;
    const amount = parseNumberCell(at("amount"));
    const year = parseYearCell(at("year"));
    const entity = parseTextCell(at("entityId"));
    const unit = header.columns.get("amount")!.unit;
    const measureCell = at("measure");
    if (amount.kind !== "value" || year.kind === "invalid" || entity.kind !== "value") {
      // Never dropped silently: the batch sends the rows of this entity to a person, naming the record.
      const why = amount.kind === "invalid" ? amount.en : year.kind === "invalid" ? year.en : "the code or the amount is missing";
      const whyZh = amount.kind === "invalid" ? amount.zh : year.kind === "invalid" ? year.zh : "缺少信用代码或金额";
      records.push({
        entityId: entity.kind === "value" ? entity.value : "",
        measure: typeof measureCell === "number" || typeof measureCell === "string" ? measureCell : "",
        amount: null,
        source,
        unreadable: { zh: whyZh, en: why },
      });
      continue;
    }
    records.push({
      entityId: entity.value,
      measure: typeof measureCell === "number" || typeof measureCell === "string" ? measureCell : "",
      year: year.kind === "value" ? year.value : null,
      amount: unit === "wan" ? amount.value.times(WAN) : amount.value,
      source,
    });
  }
  return records;
}

function readLprSheet(sheet: SheetInput, values: readonly (readonly unknown[])[], issues: ScreeningIssue[]): SuppliedLprEntry[] {
  const header = findHeader(values, LPR_FIELDS, ["date", "rate"]);
  const start = header ? header.index + 1 : 0;
  const dateColumn = header?.columns.get("date")?.index ?? 0;
  const rateColumn = header?.columns.get("rate") ?? { index: 1, unit: null };
  const origin = originOf(sheet);
  const entries: SuppliedLprEntry[] = [];
  for (let r = start; r < values.length; r++) {
    const cells = values[r] ?? [];
    if (cells.every((cell) => isEmptyCell(cell as CellValue))) continue;
    const where = `${sheet.name}!${origin.row + r}`;
    const date = parseDateCell(cells[dateColumn] as CellValue);
    const rate = parseRate(cells[rateColumn.index] as CellValue, rateColumn.unit);
    // An LPR outside its plausible bounds (RULES.md "Reading numbers") is that row's problem, not the batch's.
    let implausible: InputError | null = null;
    if (rate.kind === "value" && !rate.value.greaterThan(1) && !rate.value.isNegative()) {
      try {
        checkedRate(rate.value, "rate", "lpr");
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        implausible = error;
      }
    }
    if (date.kind !== "value" || rate.kind !== "value" || rate.value.greaterThan(1) || rate.value.isNegative() || implausible) {
      const [whyZh, whyEn] =
        date.kind === "invalid"
          ? [date.zh, date.en]
          : rate.kind === "invalid"
            ? [rate.zh, rate.en]
            : date.kind === "absent" || rate.kind === "absent"
              ? ["缺少日期或利率", "date or rate missing"]
              : implausible
                ? [implausible.reason.zh, implausible.reason.en]
                : [
                    `${rate.value.toString()} 不是 0 到 1 之间的利率（请写 3.00% 或 0.03）`,
                    `${rate.value.toString()} is not a rate between 0 and 1 (write 3.00% or 0.03)`,
                  ];
      issues.push({
        sheet: sheet.name,
        cell: where,
        severity: "warning",
        zh: `${where}：LPR行无法读取（${whyZh}），未使用`,
        en: `${where}: LPR row not used: ${whyEn}`,
      });
      continue;
    }
    entries.push({ date: date.value, rate: rate.value });
  }
  return entries;
}
