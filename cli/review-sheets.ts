/**
 * The paper an officer signs (SCREENING.md revision 3), as the command line writes it: the review list
 * (HLJ筛查结果: title, head lines, the reviewer's twelve columns then the machine's, 合计 拟支持 / 待人工核定, the
 * signature row) and the calculation appendix (HLJ计算明细: each application's 计算说明 as lines). Where
 * everything sits comes from core/screening/review-list.ts; this file turns it into sheet specs. The appendix's
 * rows are worded with the list's (one pass, wording.ts) and wait in a temporary file until their sheet is written.
 */
import { closeSync, openSync, readSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  APPENDIX_COLUMNS,
  AppendixLayout,
  DisplayLanguage,
  ReviewListLayout,
  STATUS_STYLES,
  ScreeningResult,
  LINE_HEIGHT,
  appendixWidths,
  columnLetters,
  linesIn,
  resultsColumns,
  reviewListWidths,
} from "../core";
import { AppendixRowLayout, RowLayout } from "./result-rows";
import { StyleKey } from "./sheet-styles";
import { discard, remember, temporaryName } from "./temporary-files";
import { renderedRows } from "./wording";
import { CellSpec, PrintSpec, RenderedRows, RowSpec, SheetSpec } from "./xlsx/sheet-writer";

type Style = (key: StyleKey) => number;

const TITLE_HEIGHT = 24;
/** A row tall enough to sign in. */
export const SIGNATURE_HEIGHT = 36;

/**
 * Characters of our 10-point text per character of width (widths count the workbook's default font, 11 pt): rows are
 * measured for the text they hold, not for a font a tenth wider.
 */
const TEN_POINT = 1.1;
const measuring = (widths: readonly number[]) => widths.map((w) => w * TEN_POINT);

/** Points for `lines` lines of 10-point text, with a little room above and below. */
const heightOf = (lines: number) => Math.ceil(lines * LINE_HEIGHT + 4);

/** The appendix's rows as they are worded, kept on disk until the appendix is written (a run may have 10⁶ rows). */
export class AppendixSpool {
  readonly path = join(tmpdir(), temporaryName("hlj-appendix"));
  private fd: number | null;
  constructor() {
    remember(this.path);
    this.fd = openSync(this.path, "w+", 0o600);
  }
  write(bytes: Uint8Array): void {
    let done = 0;
    while (done < bytes.length) done += writeSync(this.fd!, bytes, done, bytes.length - done);
  }
  /** The spooled XML, a megabyte at a time. */
  *chunks(): Generator<RenderedRows> {
    const buffer = Buffer.alloc(1 << 20);
    for (let position = 0; ;) {
      const read = readSync(this.fd!, buffer, 0, buffer.length, position);
      if (read === 0) return;
      position += read;
      yield { xml: Uint8Array.prototype.slice.call(buffer, 0, read), count: 0 };
    }
  }
  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    discard(this.path);
  }
}

/** A row of one text merged across `columns` columns (the title, a head line). */
function mergedLine(text: string, style: number, columns: number, height: number): RowSpec {
  return { cells: [{ value: text, style }, ...Array.from({ length: columns - 1 }, () => ({ value: null, style }))], height };
}

/** The rows above a header: the title, the head lines (wrapped, as tall as their text), a blank row. */
function headRows(title: string, headLines: readonly string[], widths: readonly number[], style: Style): RowSpec[] {
  const across = widths.reduce((a, b) => a + b, 0);
  return [
    mergedLine(title, style("listTitle"), widths.length, TITLE_HEIGHT),
    ...headLines.map((line) => mergedLine(line, style("headLine"), widths.length, heightOf(linesIn(line, across * TEN_POINT)))),
    { cells: [] },
  ];
}

const headMerges = (lines: number, columns: number) =>
  Array.from({ length: lines + 1 }, (_, i) => `A${i + 1}:${columnLetters(columns)}${i + 1}`);

/** The header row, as tall as its longest wrapped header. */
function headerRow(header: readonly string[], widths: readonly number[], style: Style): RowSpec {
  const lines = Math.max(...header.map((text, c) => linesIn(text, Math.max(1, widths[c] * TEN_POINT - 1))));
  return { cells: header.map((text) => ({ value: text, style: style("header") })), height: Math.max(27, heightOf(lines)) };
}

export interface ListSheet {
  spec: SheetSpec;
  /** The appendix's column widths, from the list's (序号, 来源, 申报条款 as wide as there). */
  appendixWidths: number[];
  /** The autofilter's range (header to the last application, every column), absolute, for _FilterDatabase. */
  filterRange: string;
}

/** The review list: head, header, the applications (worded on the wording thread), 合计 rows, signature row. */
export function reviewListSheet(
  result: ScreeningResult,
  language: DisplayLanguage,
  layout: ReviewListLayout,
  appendix: { layout: AppendixLayout; spool: AppendixSpool },
  style: Style,
  print: PrintSpec,
  events: { onProgress?: (done: number, total: number) => void; onJson?: (block: Uint8Array) => void },
): ListSheet {
  const table = resultsColumns(result.rows, language);
  const printed = layout.printedColumns;
  const widths = reviewListWidths(table, result, language, layout, "wrap");
  const annexWidths = appendixWidths(table, widths);
  // Printed text wraps (a long sheet name in 来源 takes two lines, never a cut value or a wider page); the
  // machine's columns, outside the print area, keep one line each (the row's height is the printed columns').
  const kinds = table.columns.map((c, i) =>
    i >= printed && c.kind === "wrap" ? "text" : i < printed && c.kind === "text" ? "wrap" : c.kind,
  );
  const cellStyle = kinds.map((kind) =>
    style(kind === "amount" ? "amount" : kind === "integer" ? "integer" : kind === "wrap" ? "wrap" : "text"),
  );
  const rowLayout: RowLayout = {
    columns: table.columns,
    language,
    cellStyle,
    statusStyles: Object.fromEntries(Object.keys(STATUS_STYLES).map((code) => [code, style(`status:${code}`)])),
    statusColumn: table.columns.findIndex((c) => c.key === "statusWord"),
    widths: measuring(widths),
    wrapped: kinds.map((kind) => kind === "wrap"),
    appendix: appendixRowLayout(appendix.layout, style, annexWidths),
  };
  const last = columnLetters(table.columns.length);
  const lastRow = layout.firstDataRow + result.rows.length - 1;
  const { onProgress, onJson } = events;
  async function* rows(): AsyncGenerator<RowSpec | RenderedRows> {
    yield* headRows(layout.title, layout.headLines, widths.slice(0, printed), style);
    yield headerRow(table.header, widths, style);
    const every = Math.max(1, Math.floor(result.rows.length / 20));
    let done = 0;
    // Worded and rendered once for the list, the appendix and the JSON (on another thread for large batches),
    // and not kept: a hundred thousand explanations would not fit in memory.
    for await (const block of renderedRows(result.rows, rowLayout, layout.firstDataRow, onJson !== undefined)) {
      if (block.json) onJson!(block.json);
      if (block.appendix) appendix.spool.write(block.appendix);
      yield block;
      const before = done;
      done += block.count;
      if (onProgress && Math.floor(done / every) > Math.floor(before / every)) onProgress(done, result.rows.length);
    }
    yield* footRows(layout, style);
  }
  return {
    spec: {
      columns: widths,
      rows: rows(),
      freezeRows: layout.headerRow,
      autoFilter: `A${layout.headerRow}:${last}${Math.max(layout.headerRow, lastRow)}`,
      merges: [...headMerges(layout.headLines.length, printed), ...footMerges(layout)],
      print,
    },
    filterRange: `$A$${layout.headerRow}:$${last}$${Math.max(layout.headerRow, lastRow)}`,
    appendixWidths: annexWidths,
  };
}

/** The 合计 rows (label across the columns before 核定金额, the amount under it), a blank row, the signature row. */
function footRows(layout: ReviewListLayout, style: Style): RowSpec[] {
  const label = style("totalLabel");
  const totals: RowSpec[] = layout.totals.map((total) => {
    const cells: CellSpec[] = Array.from({ length: layout.finalColumn }, (_, c) => ({ value: c === 0 ? total.label : null, style: label }));
    cells.push({ value: total.amount, style: style("totalAmount") });
    return { cells, height: heightOf(1) };
  });
  const signature: CellSpec[] = Array.from({ length: layout.printedColumns }, () => null);
  for (const part of layout.signature) signature[part.from] = { value: part.text, style: style("signature") };
  return [...totals, { cells: [] }, { cells: signature, height: SIGNATURE_HEIGHT }];
}

function footMerges(layout: ReviewListLayout): string[] {
  const totals = layout.totals.map((_, i) => `A${layout.totalsRow + i}:${columnLetters(layout.finalColumn)}${layout.totalsRow + i}`);
  const signature = layout.signature
    .filter((part) => part.to > part.from)
    .map((part) => `${columnLetters(part.from + 1)}${layout.signatureRow}:${columnLetters(part.to + 1)}${layout.signatureRow}`);
  return layout.finalColumn > 1 ? [...totals, ...signature] : signature;
}

function appendixRowLayout(layout: AppendixLayout, style: Style, widths: readonly number[]): AppendixRowLayout {
  const kinds = APPENDIX_COLUMNS.map((c) => c.kind);
  return {
    columns: [...APPENDIX_COLUMNS],
    cellStyle: kinds.map((kind) => style(kind === "integer" ? "integer" : kind === "wrap" ? "wrap" : "text")),
    widths: measuring(widths),
    wrapped: kinds.map((kind) => kind === "wrap"),
    firstRow: layout.firstDataRow,
  };
}

/** The calculation appendix: title, the policy once, header, then the rows spooled while the list was written. */
export function appendixSheet(
  layout: AppendixLayout,
  language: DisplayLanguage,
  spool: AppendixSpool,
  style: Style,
  print: PrintSpec,
  widths: number[],
): SheetSpec {
  const header = APPENDIX_COLUMNS.map((c) => c.header[language]);
  function* rows(): Generator<RowSpec | RenderedRows> {
    yield* headRows(layout.title, layout.headLines, widths, style);
    yield headerRow(header, widths, style);
    yield* spool.chunks();
  }
  return {
    columns: widths,
    rows: rows(),
    freezeRows: layout.headerRow,
    merges: headMerges(layout.headLines.length, widths.length),
    print,
  };
}
