/**
 * The task pane's only contact with the workbook (Office.js). Discipline from the Office docs on large ranges:
 * read values only, in blocks of at most 5,000 rows, one context.sync per block, never one per row; write in
 * blocks with calculation suspended, values before formats; on RequestPayloadSizeLimitExceeded halve the
 * block and retry. The user's sheets are only read. Our sheets are recognised by the workbook names we set.
 */
import {
  DisplayLanguage,
  HEADER_ROWS_SEARCHED,
  RESULTS_MARKER_NAME,
  RESULTS_SHEET,
  RESULT_COLUMNS,
  ResultsTable,
  STATUS_LABELS,
  SUMMARY_MARKER_NAME,
  SUMMARY_SHEET,
  ScreeningResult,
  SheetInput,
  columnLetters,
  freeSheetName,
  isOurResultsHeader,
  isOurSummaryTitle,
  printFooterParts,
  resultsTable,
  sheetOfReference,
  summaryModel,
} from "../../../core";
import { CancelledError, isPayloadLimit } from "./office-errors";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export const MAX_BLOCK_ROWS = 5_000;
const MIN_BLOCK_ROWS = 16;

export interface SheetOutline {
  name: string;
  /** Where the used range starts (1-based) and its size; 0 rows for an empty sheet. */
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

export interface WorkbookOutline {
  sheets: SheetOutline[];
  /** Sheets this add-in wrote before (marker and content agree), which are never read as input. */
  ours: string[];
  /** The first rows of each sheet (for finding header rows). */
  heads: SheetInput[];
  /** The workbook counts dates from 1904 (null where Excel could not tell: ExcelApi 1.2 missing). */
  date1904: boolean | null;
}

export interface Progress {
  phase: "read" | "write";
  done: number;
  total: number;
}

export interface RunControl {
  onProgress?: (progress: Progress) => void;
  isCancelled?: () => boolean;
  /**
   * Whether Excel offers an API version (`Office.context.requirements.isSetSupported("ExcelApi", v)`): what a
   * version adds beyond the manifest's minimum is used only where it is there. Everything is, unless told.
   */
  supports?: (excelApi: string) => boolean;
}

const checkCancelled = (control?: RunControl) => {
  if (control?.isCancelled?.()) throw new CancelledError();
};

/**
 * Sheets, their used ranges, our earlier sheets and the first rows of each sheet: three syncs whatever the
 * size. A sheet is ours only when a marker names it *and* it starts with the header row (or title) we write: a
 * marker alone — a defined name anyone can create — never makes a user's sheet ours.
 */
export async function outlineWorkbook(run: ExcelRun, supports: (excelApi: string) => boolean = () => true): Promise<WorkbookOutline> {
  return run(async (context) => {
    const worksheets = context.workbook.worksheets.load("items/name");
    const names = context.workbook.names.load("items/name,items/formula");
    // Office.js has no property for the date system, but DATE(1904,1,1) is 1462 in the 1900 system and 0 in 1904.
    const probe = supports("1.2") ? context.workbook.functions.date(1904, 1, 1).load("value") : null;
    await context.sync();
    const marked = (marker: string) => {
      const name = names.items.find((n) => n.name === marker);
      return name ? sheetOfReference(name.formula) : null;
    };
    const markedResults = marked(RESULTS_MARKER_NAME);
    const markedSummary = marked(SUMMARY_MARKER_NAME);
    const used = worksheets.items.map((sheet) => sheet.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount"));
    await context.sync();
    const sheets: SheetOutline[] = worksheets.items.map((sheet, i) =>
      used[i].isNullObject
        ? { name: sheet.name, row: 1, column: 1, rowCount: 0, columnCount: 0 }
        : {
            name: sheet.name,
            row: used[i].rowIndex + 1,
            column: used[i].columnIndex + 1,
            rowCount: used[i].rowCount,
            columnCount: used[i].columnCount,
          },
    );
    const readable = sheets.filter((s) => s.rowCount > 0);
    const heads = readable.map((s) =>
      context.workbook.worksheets
        .getItem(s.name)
        .getRangeByIndexes(s.row - 1, s.column - 1, Math.min(s.rowCount, HEADER_ROWS_SEARCHED), s.columnCount)
        .load("values"),
    );
    await context.sync();
    const firstRow = (name: string | null) => {
      const i = readable.findIndex((s) => s.name === name);
      return i >= 0 && readable[i].row === 1 && readable[i].column === 1 ? heads[i].values[0] : undefined;
    };
    const ours = [
      ...(markedResults && isOurResultsHeader(firstRow(markedResults)) ? [markedResults] : []),
      ...(markedSummary && isOurSummaryTitle(firstRow(markedSummary)?.[0]) ? [markedSummary] : []),
    ];
    return {
      sheets,
      ours,
      date1904: probe ? probe.value === 0 : null,
      heads: readable
        .map((s, i) => ({ name: s.name, origin: { row: s.row, column: s.column }, values: heads[i].values }))
        .filter((h) => !ours.includes(h.name)),
    };
  });
}

interface Block {
  sheet: SheetOutline;
  /** 0-based offset into the sheet's used range. */
  offset: number;
  rows: number;
}

/** Splits sheets into blocks of at most `limit` rows and groups small blocks so one sync reads ≤ `limit` rows. */
export function planBlocks(sheets: readonly SheetOutline[], limit: number): Block[][] {
  return groupBlocks(
    sheets.map((sheet) => ({ sheet, offset: 0, rows: sheet.rowCount })),
    limit,
  );
}

function groupBlocks(blocks: readonly Block[], limit: number): Block[][] {
  const groups: Block[][] = [];
  let current: Block[] = [];
  let rows = 0;
  for (const whole of blocks) {
    for (let offset = whole.offset; offset < whole.offset + whole.rows; offset += limit) {
      const block = { sheet: whole.sheet, offset, rows: Math.min(limit, whole.offset + whole.rows - offset) };
      if (rows + block.rows > limit && current.length) {
        groups.push(current);
        current = [];
        rows = 0;
      }
      current.push(block);
      rows += block.rows;
    }
  }
  if (current.length) groups.push(current);
  return groups;
}

/** Reads the values of the given sheets' used ranges, in blocks; halves the block on a payload-limit error. */
/**
 * Reads the values of the given sheets' used ranges, in blocks; halves the block on a payload-limit error. The
 * number formats are read only for the columns that need them (`formatColumns`: 0-based, within the used range
 * — the rate columns, where a percentage-formatted cell holds a fraction), in the same syncs.
 */
export async function readSheets(
  run: ExcelRun,
  sheets: readonly SheetOutline[],
  control?: RunControl,
  formatColumns: ReadonlyMap<string, readonly number[]> = new Map(),
): Promise<SheetInput[]> {
  const values = new Map<string, unknown[][]>(sheets.map((s) => [s.name, new Array(s.rowCount)]));
  const formats = new Map<string, (string | undefined)[][]>(sheets.map((s) => [s.name, []]));
  const total = sheets.reduce((n, s) => n + s.rowCount, 0);
  let done = 0;
  await run(async (context) => {
    let limit = MAX_BLOCK_ROWS;
    let pending = planBlocks(sheets, limit);
    while (pending.length) {
      checkCancelled(control);
      const group = pending[0];
      const ranges = group.map((b) => {
        const sheet = context.workbook.worksheets.getItem(b.sheet.name);
        return {
          values: sheet.getRangeByIndexes(b.sheet.row - 1 + b.offset, b.sheet.column - 1, b.rows, b.sheet.columnCount).load("values"),
          formats: (formatColumns.get(b.sheet.name) ?? []).map((c) => ({
            column: c,
            range: sheet.getRangeByIndexes(b.sheet.row - 1 + b.offset, b.sheet.column - 1 + c, b.rows, 1).load("numberFormat"),
          })),
        };
      });
      try {
        // One sync per block of ≤ 5,000 rows, by design: a single sync for everything would exceed the payload limit.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      } catch (error) {
        if (!isPayloadLimit(error) || limit <= MIN_BLOCK_ROWS) throw error;
        limit = Math.max(MIN_BLOCK_ROWS, Math.floor(limit / 2));
        pending = groupBlocks(pending.flat(), limit);
        continue;
      }
      group.forEach((b, i) => {
        const target = values.get(b.sheet.name)!;
        ranges[i].values.values.forEach((row, r) => (target[b.offset + r] = row));
        const targetFormats = formats.get(b.sheet.name)!;
        for (const { column, range } of ranges[i].formats) {
          range.numberFormat.forEach(([format], r) => {
            if (typeof format !== "string" || format === "General") return;
            (targetFormats[b.offset + r] ??= [])[column] = format;
          });
        }
        done += b.rows;
      });
      control?.onProgress?.({ phase: "read", done, total });
      pending = pending.slice(1);
    }
  });
  return sheets.map((s) => ({
    name: s.name,
    origin: { row: s.row, column: s.column },
    values: values.get(s.name)!,
    ...(formatColumns.has(s.name) ? { numberFormats: formats.get(s.name)! } : {}),
  }));
}

/**
 * Every text goes in with a leading apostrophe, so Excel keeps it exactly as written: without it Excel makes a
 * formula of `=1+1`, `+1`, `@SUM(A1)`, a number of an all-digit credit code (losing its last digits) and a
 * date of `2025-06-01`. The apostrophe is not part of the value.
 */
export function literal(value: string | number | null): string | number | boolean {
  if (value === null) return "";
  if (typeof value === "string") return value === "" ? "" : `'${value}`;
  return value;
}

const TEMP_SUFFIX = " ~";

/**
 * Writes the results and summary sheets: new sheets first (under temporary names), data in blocks with
 * calculation suspended, then — in the last sync — our previous sheets go, the new ones take their names and
 * the markers. Cancelling before that leaves the workbook as it was.
 */
export async function writeResults(
  run: ExcelRun,
  result: ScreeningResult,
  outline: Pick<WorkbookOutline, "sheets" | "ours">,
  control?: RunControl,
  language: DisplayLanguage = "zh",
): Promise<WrittenResults> {
  const userSheets = outline.sheets.map((s) => s.name).filter((n) => !outline.ours.includes(n));
  const resultsName = freeSheetName(RESULTS_SHEET, userSheets);
  const summaryName = freeSheetName(SUMMARY_SHEET, [...userSheets, resultsName]);
  const taken = outline.sheets.map((s) => s.name);
  const tempResults = freeSheetName(`${RESULTS_SHEET}${TEMP_SUFFIX}`, taken);
  const tempSummary = freeSheetName(`${SUMMARY_SHEET}${TEMP_SUFFIX}`, [...taken, tempResults]);
  const table = resultsTable(result.rows, language);
  const rows = table.rows.map((row) => row.map(literal));
  const width = table.columns.length;
  const lastColumn = columnLetters(width);
  let written = false;

  return run(async (context) => {
    try {
      const results = context.workbook.worksheets.add(tempResults);
      const summary = context.workbook.worksheets.add(tempSummary);
      results.getRange(`A1:${lastColumn}1`).values = [table.header.map(literal)];
      const supports = control?.supports ?? (() => true);
      const notes: Note[] = [];
      writeSummary(summary, result, language, supports);
      await context.sync();

      let limit = MAX_BLOCK_ROWS;
      let offset = 0;
      while (offset < rows.length) {
        checkCancelled(control);
        const count = Math.min(limit, rows.length - offset);
        context.application.suspendApiCalculationUntilNextSync();
        results.getRange(`A${offset + 2}:${lastColumn}${offset + 1 + count}`).values = rows.slice(offset, offset + count);
        try {
          // One sync per block written, by design (see readSheets).
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
        } catch (error) {
          if (!isPayloadLimit(error) || limit <= MIN_BLOCK_ROWS) throw error;
          limit = Math.max(MIN_BLOCK_ROWS, Math.floor(limit / 2));
          continue;
        }
        offset += count;
        control?.onProgress?.({ phase: "write", done: offset, total: rows.length });
      }
      checkCancelled(control);

      formatResults(results, table, rows.length, result.policy.id, language, supports, notes);
      for (const old of outline.ours) context.workbook.worksheets.getItemOrNullObject(old).delete();
      for (const marker of [RESULTS_MARKER_NAME, SUMMARY_MARKER_NAME]) context.workbook.names.getItemOrNullObject(marker).delete();
      results.name = resultsName;
      summary.name = summaryName;
      context.workbook.names.add(RESULTS_MARKER_NAME, results.getRange("A1"), "Written by the HLJ add-in: its screening results");
      context.workbook.names.add(SUMMARY_MARKER_NAME, summary.getRange("A1"), "Written by the HLJ add-in: its screening summary");
      results.activate();
      await context.sync();
      written = true;
      return { results: resultsName, summary: summaryName, notes };
    } finally {
      if (!written) {
        // Leave no half-written sheet behind.
        context.workbook.worksheets.getItemOrNullObject(tempResults).delete();
        context.workbook.worksheets.getItemOrNullObject(tempSummary).delete();
        await context.sync().catch(() => undefined);
      }
    }
  });
}

/** Something the pane could not do in this Excel (an API version missing), said to the person. */
export interface Note {
  zh: string;
  en: string;
}

export interface WrittenResults {
  results: string;
  summary: string;
  /** What was left out for want of an API, e.g. no filter buttons: shown in the pane. */
  notes: Note[];
}

const HEADER_FILL = "#1F4E79";
/** Excel's column width unit is about 7 pixels of the default font per character; the API takes points. */
const POINTS_PER_CHARACTER = 6.5;
const INCH = 72;

/** The optional features and the ExcelApi version each needs (the manifest requires less). */
const OPTIONAL = {
  colours: { version: "1.6", zh: "状态颜色（需要 ExcelApi 1.6）", en: "status colours (needs ExcelApi 1.6)" },
  filter: { version: "1.9", zh: "筛选按钮（需要 ExcelApi 1.9）", en: "filter buttons (needs ExcelApi 1.9)" },
  print: {
    version: "1.9",
    zh: "打印设置：A4 横向、一页宽、每页重复表头、页脚（需要 ExcelApi 1.9）",
    en: "print setup: A4 landscape, one page wide, header on every page, footer (needs ExcelApi 1.9)",
  },
} as const;

function optional(feature: keyof typeof OPTIONAL, supports: (v: string) => boolean, notes: Note[]): boolean {
  if (supports(OPTIONAL[feature].version)) return true;
  notes.push({ zh: `此版本的 Excel 不支持${OPTIONAL[feature].zh}，已略过`, en: `This Excel has no ${OPTIONAL[feature].en}: left out` });
  return false;
}

/** A4 landscape, fitted as asked, the header row on every page, the page number and the policy id in the footer. */
function printSetup(
  sheet: Excel.Worksheet,
  policyId: string,
  language: DisplayLanguage,
  fit: "width" | "page",
  titleRows: string | null,
): void {
  const layout = sheet.pageLayout;
  layout.orientation = Excel.PageOrientation.landscape;
  layout.paperSize = Excel.PaperType.a4;
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: fit === "page" ? 1 : 0 };
  layout.leftMargin = layout.rightMargin = 0.4 * INCH;
  layout.topMargin = 0.6 * INCH;
  layout.bottomMargin = 0.7 * INCH;
  layout.headerMargin = layout.footerMargin = 0.3 * INCH;
  layout.centerHorizontally = true;
  if (titleRows) layout.setPrintTitleRows(titleRows);
  const footer = printFooterParts(policyId, language);
  const all = layout.headersFooters.defaultForAllPages;
  all.leftFooter = footer.left;
  all.centerFooter = footer.center;
  all.rightFooter = footer.right;
}

function formatResults(
  sheet: Excel.Worksheet,
  table: ResultsTable,
  count: number,
  policyId: string,
  language: DisplayLanguage,
  supports: (v: string) => boolean,
  notes: Note[],
): void {
  const lastColumn = columnLetters(table.columns.length);
  const last = Math.max(2, count + 1);
  const header = sheet.getRange(`A1:${lastColumn}1`);
  header.format.font.bold = true;
  header.format.font.color = "#FFFFFF";
  header.format.fill.color = HEADER_FILL;
  header.format.wrapText = true;
  header.format.verticalAlignment = Excel.VerticalAlignment.center;
  header.format.rowHeight = 30;
  sheet.getRange(`A2:${lastColumn}${last}`).format.verticalAlignment = Excel.VerticalAlignment.top;
  sheet.freezePanes.freezeRows(1);
  table.columns.forEach((column, i) => {
    const letter = columnLetters(i + 1);
    if (column.kind === "amount") sheet.getRange(`${letter}2:${letter}${last}`).numberFormat = [["#,##0.00"]];
    if (column.kind === "wrap") sheet.getRange(`${letter}2:${letter}${last}`).format.wrapText = true;
    // As wide as its header at least (a CJK character takes two).
    const width = Math.max(column.width, [...table.header[i]].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0) + 2);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = width * POINTS_PER_CHARACTER;
  });
  const code = table.columns.findIndex((c) => c.key === "status");
  const word = table.columns.findIndex((c) => c.key === "statusWord");
  if (optional("colours", supports, notes) && code >= 0 && word >= 0) {
    // The status word takes the colour of its code (the code column is the one to filter on).
    const words = sheet.getRange(`${columnLetters(word + 1)}2:${columnLetters(word + 1)}${last}`);
    for (const [status, style] of Object.entries(STATUS_LABELS)) {
      const format = words.conditionalFormats.add(Excel.ConditionalFormatType.custom);
      format.custom.rule.formula = `=$${columnLetters(code + 1)}2="${status}"`;
      format.custom.format.fill.color = `#${style.fill}`;
      format.custom.format.font.color = `#${style.font}`;
    }
  }
  // Rows as tall as their wrapped text (Excel fits them here; a file written elsewhere stores the heights).
  sheet.getRange(`A2:${lastColumn}${last}`).format.autofitRows();
  if (optional("filter", supports, notes)) sheet.autoFilter.apply(sheet.getRange(`A1:${lastColumn}${last}`));
  if (optional("print", supports, notes)) printSetup(sheet, policyId, language, "width", "$1:$1");
}

function writeSummary(sheet: Excel.Worksheet, result: ScreeningResult, language: DisplayLanguage, supports: (v: string) => boolean): void {
  const model = summaryModel(result, language);
  sheet.getRange("A1").values = [[literal(model.title)]];
  sheet.getRange("A1").format.font.bold = true;
  sheet.getRange("A1").format.font.size = 14;
  let row = 3;
  for (const [i, [label, value]] of model.info.entries()) {
    sheet.getRange(`A${row}:B${row}`).values = [[literal(label), typeof value === "number" ? value : literal(value)]];
    sheet.getRange(`A${row}`).format.font.bold = true;
    if (i === model.totalRow) sheet.getRange(`B${row}`).numberFormat = [["#,##0.00"]];
    if (typeof value === "string") sheet.getRange(`B${row}`).format.wrapText = true;
    row++;
  }
  let chartRange: { values: string; categories: string } | null = null;
  for (const block of model.blocks) {
    row++;
    sheet.getRange(`A${row}`).values = [[literal(block.title)]];
    sheet.getRange(`A${row}`).format.font.bold = true;
    row++;
    const header = sheet.getRange(`A${row}:D${row}`);
    header.values = [block.header.map(literal)];
    header.format.font.bold = true;
    header.format.font.color = "#FFFFFF";
    header.format.fill.color = HEADER_FILL;
    const first = row + 1;
    if (block.rows.length) {
      const end = first + block.rows.length - 1;
      sheet.getRange(`A${first}:D${end}`).values = block.rows.map(([label, note, rows, final]) => [
        literal(label),
        literal(note),
        rows,
        final,
      ]);
      sheet.getRange(`B${first}:B${end}`).format.wrapText = true;
      sheet.getRange(`C${first}:C${end}`).numberFormat = block.rows.map(() => ["0"]);
      sheet.getRange(`D${first}:D${end}`).numberFormat = block.rows.map(() => ["#,##0.00"]);
      if (chartRange === null) chartRange = { values: `D${row}:D${end}`, categories: `A${first}:A${end}` };
    }
    row = first + block.rows.length;
  }
  sheet.getRange("A:A").format.columnWidth = 16 * POINTS_PER_CHARACTER;
  sheet.getRange("B:B").format.columnWidth = 44 * POINTS_PER_CHARACTER;
  sheet.getRange("C:C").format.columnWidth = 9 * POINTS_PER_CHARACTER;
  sheet.getRange("D:D").format.columnWidth = 18 * POINTS_PER_CHARACTER;
  sheet.getRange(`A1:D${row}`).format.verticalAlignment = Excel.VerticalAlignment.top;
  sheet.getRange(`A1:D${row}`).format.autofitRows();
  if (chartRange) {
    // The chart of awards by clause: the final amounts, labelled 第1条 …
    const chart = sheet.charts.add(Excel.ChartType.columnClustered, sheet.getRange(chartRange.values), Excel.ChartSeriesBy.columns);
    chart.series.getItemAt(0).setXAxisValues(sheet.getRange(chartRange.categories));
    chart.title.text = model.chart.title;
    chart.setPosition("F1", "N22");
  }
  if (supports(OPTIONAL.print.version)) printSetup(sheet, result.policy.id, language, "page", null);
}

/** The results row a person selected: its source and how it came out, as the sheet says (its language). */
export interface SelectedResult {
  source: string;
  explain: string;
}

const SOURCE_HEADERS = new Set(Object.values(RESULT_COLUMNS.find((c) => c.key === "source")!.header));
const EXPLAIN_HEADERS = new Set(Object.values(RESULT_COLUMNS.find((c) => c.key === "explain")!.header));

/**
 * Calls back with the row a person selects on the results sheet (worksheet.onSelectionChanged, ExcelApi 1.7,
 * which the manifest requires): the pane then shows that row's 计算说明. The columns are found by their headers,
 * so a sorted or filtered sheet still gives the right row. Returns what stops the watching.
 */
export async function watchResults(run: ExcelRun, sheetName: string, onRow: (row: SelectedResult) => void): Promise<() => Promise<void>> {
  const selected = async (address: string) => {
    const row = Number(/^\$?[A-Z]+\$?(\d+)/.exec(address.split("!").pop() ?? "")?.[1]);
    if (!Number.isInteger(row) || row < 2) return;
    const found = await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const header = sheet.getRange(`A1:${columnLetters(RESULT_COLUMNS.length)}1`).load("values");
      const cells = sheet.getRange(`A${row}:${columnLetters(RESULT_COLUMNS.length)}${row}`).load("values");
      await context.sync();
      const names = header.values[0].map((cell) => String(cell));
      const source = names.findIndex((name) => SOURCE_HEADERS.has(name));
      const explain = names.findIndex((name) => EXPLAIN_HEADERS.has(name));
      if (source < 0 || explain < 0) return null;
      return { source: String(cells.values[0][source] ?? ""), explain: String(cells.values[0][explain] ?? "") };
    });
    if (found && found.source) onRow(found);
  };
  const handler = await run(async (context) => {
    const registered = context.workbook.worksheets.getItem(sheetName).onSelectionChanged.add(async (event) => {
      await selected(event.address).catch(() => undefined);
    });
    await context.sync();
    return registered;
  });
  return async () => {
    // A handler is removed through the request context it was added in (Office's EventHandlerResult).
    handler.remove();
    await handler.context.sync();
  };
}
