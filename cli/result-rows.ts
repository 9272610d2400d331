/**
 * The results sheet's rows as SpreadsheetML, from worded result rows: cells in the display language, the
 * status cell in its colour, the row as tall as its wrapped text needs. Pure and given everything it needs in
 * a plain layout, so the wording thread renders the rows it words (the main thread then only joins the text).
 */
import { DisplayLanguage, LINE_HEIGHT, ResultColumn, ResultRowJson, linesIn, resultRowCells, wordedRow } from "../core";
import { jsonLine } from "./json-line";
import { rowXml } from "./xlsx/sheet-writer";

/** How the results sheet lays a row out: plain data, sent to the wording thread once. */
export interface RowLayout {
  columns: ResultColumn[];
  language: DisplayLanguage;
  /** Style index of each column's cells, and of the status cell by status. */
  cellStyle: number[];
  statusStyles: Record<string, number>;
  statusColumn: number;
  widths: number[];
  wrapped: boolean[];
  /** The calculation appendix's rows, rendered from the same worded row (HLJ计算明细), when it is written. */
  appendix?: AppendixRowLayout;
}

/** How the appendix lays a row out: which application, and its 计算说明 as lines (sheet rows from `firstRow`). */
export interface AppendixRowLayout {
  columns: ResultColumn[];
  cellStyle: number[];
  widths: number[];
  wrapped: boolean[];
  firstRow: number;
}

/** An appendix row's XML: the row's 计算说明, its lines (or one long line) wrapped in a row as tall as they need. */
export function appendixRowXml(layout: AppendixRowLayout, language: DisplayLanguage, row: ResultRowJson, r: number, index: number): string {
  const cells = resultRowCells(row, layout.columns, language, index);
  return rowXml(
    r,
    cells.map((value, c) => ({ value, style: layout.cellStyle[c] })),
    rowHeight(cells, layout.widths, layout.wrapped),
  );
}

/** A row's XML (`r`: its row number on the sheet; `index`: its place in the results, for 序号). */
export function resultRowXml(layout: RowLayout, row: ResultRowJson, r: number, index: number): string {
  const cells = resultRowCells(row, layout.columns, layout.language, index);
  return rowXml(
    r,
    cells.map((value, c) => ({
      value,
      style: c === layout.statusColumn ? (layout.statusStyles[row.status] ?? layout.cellStyle[c]) : layout.cellStyle[c],
    })),
    rowHeight(cells, layout.widths, layout.wrapped),
  );
}

/** The most a row grows to (Excel's limit is 409 points). */
const MAX_ROW_HEIGHT = 409;

/** The height wrapped text needs: Excel and LibreOffice do not fit rows to wrapped text when they open a file. */
export function rowHeight(
  cells: readonly (string | number | null)[],
  widths: readonly number[],
  wrapped: readonly boolean[],
): number | undefined {
  let lines = 1;
  cells.forEach((value, c) => {
    if (wrapped[c] && typeof value === "string") lines = Math.max(lines, linesIn(value, widths[c]));
  });
  return lines > 1 ? Math.min(MAX_ROW_HEIGHT, Math.ceil(lines * LINE_HEIGHT + 3)) : undefined;
}

const utf8 = new TextEncoder();

/**
 * Rows [from, to) worded and rendered: their XML (sheet rows numbered from `firstRow` for row 0) and, for the
 * JSON, their lines (`\n    line,\n    line`: the writer puts a comma between blocks), both as UTF-8. Bytes,
 * made where the rows are worded: a block crosses from the wording thread without a copy, and the writing
 * thread, which also feeds the compressor, does not encode hundreds of megabytes of text.
 */
export function renderBlock(
  rows: readonly ResultRowJson[],
  from: number,
  to: number,
  layout: RowLayout,
  firstRow: number,
  json: boolean,
): RenderedBlock {
  let xml = "";
  let lines = "";
  let appendix = "";
  const annex = layout.appendix;
  for (let i = from; i < to; i++) {
    const row = wordedRow(rows[i]);
    xml += resultRowXml(layout, row, firstRow + i, i);
    if (annex) appendix += appendixRowXml(annex, layout.language, row, annex.firstRow + i, i);
    if (json) lines += `${i === from ? "" : ","}\n    ${jsonLine(row)}`;
  }
  return {
    xml: utf8.encode(xml),
    count: to - from,
    json: json ? utf8.encode(lines) : null,
    appendix: annex ? utf8.encode(appendix) : null,
  };
}

/** A block of rendered rows and, when the JSON is written, their lines (UTF-8, see renderBlock). */
export interface RenderedBlock {
  xml: Uint8Array;
  count: number;
  json: Uint8Array | null;
  /** The same rows' appendix rows (HLJ计算明细), when the layout has one. */
  appendix: Uint8Array | null;
}
