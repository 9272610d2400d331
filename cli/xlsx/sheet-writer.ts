/**
 * SpreadsheetML for the sheets the command line adds: cells streamed row by row (text as inline strings, so
 * the workbook's shared strings part is never touched), column widths, a frozen header, an autofilter,
 * merged cells, data bars, print setup and a drawing. Elements are written in the order ECMA-376 (18.3.1.99)
 * requires, which Excel enforces.
 */
import { columnLetters } from "../../core";

export type CellSpec = { value: string | number | boolean | null; style?: number } | null;

/** A row's cells, and its height in points where it needs one (wrapped text: Excel does not fit it on opening). */
export interface RowSpec {
  cells: CellSpec[];
  height?: number;
}

/** Rows already rendered as XML (rowXml; as text, or UTF-8 from another thread), and how many. */
export interface RenderedRows {
  xml: string | Uint8Array;
  count: number;
}

export interface PrintSpec {
  landscape: boolean;
  /** Fit all columns on one page wide (any number of pages tall), or the whole sheet on one page. */
  fit: "width" | "page";
  /** Excel header/footer codes (&P page, &N pages). The rows repeated on every page are a defined name. */
  footer: string;
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
}

export interface SheetSpec {
  /** Widths in characters. */
  columns: number[];
  rows: Iterable<RowSpec | RenderedRows> | AsyncIterable<RowSpec | RenderedRows>;
  freezeRows?: number;
  autoFilter?: string;
  merges?: string[];
  /** In-cell bars from zero (the minimum is the number 0, not the smallest value): `ref` may list several ranges. */
  dataBars?: { ref: string; color: string }[];
  /** 0-based indexes of columns kept out of sight and of print (a chart's data). */
  hiddenColumns?: number[];
  /** Rows (1-based) a printed page ends after. */
  rowBreaks?: number[];
  print?: PrintSpec;
  drawingRelationshipId?: string;
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// Characters XML 1.0 cannot hold; Excel writes them as _xHHHH_ (ST_Xstring), and a literal `_xHHHH_` as `_x005F_xHHHH_`.
// A lone surrogate (half of a UTF-16 pair) has no UTF-8 form at all: it is written as U+FFFD, as the JSON writes it.
// The quick test takes any surrogate (a whole pair is rare in the text written, and is kept by the replace).
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]|_x[0-9a-fA-F]{4}_/;
const ESCAPES =
  // eslint-disable-next-line no-control-regex
  /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_(?=x[0-9a-fA-F]{4}_)|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text for an XML element or attribute, with the characters XML cannot hold as Excel's `_xHHHH_` escapes. */
export function xmlText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(ESCAPES, (ch) => {
    switch (ch) {
      case "&":
        return "&amp;";
      case "<":
        return "&lt;";
      case ">":
        return "&gt;";
      case '"':
        return "&quot;";
      case "_":
        return "_x005F_";
      default: {
        const code = ch.charCodeAt(0);
        return code >= 0xd800 && code <= 0xdfff ? "\ufffd" : `_x${code.toString(16).toUpperCase().padStart(4, "0")}_`;
      }
    }
  });
}

const isXmlSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;

function cellXml(reference: string, cell: NonNullable<CellSpec>): string {
  const style = cell.style ? ` s="${cell.style}"` : "";
  const value = cell.value;
  if (value === null || value === "") return style ? `<c r="${reference}"${style}/>` : "";
  if (typeof value === "number") return Number.isFinite(value) ? `<c r="${reference}"${style}><v>${value}</v></c>` : "";
  if (typeof value === "boolean") return `<c r="${reference}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
  // XML drops leading and trailing white space (and folds line breaks) unless told to keep them.
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  const keep = isXmlSpace(first) || isXmlSpace(last) || value.indexOf("\n") >= 0;
  const space = keep ? ' xml:space="preserve"' : "";
  return `<c r="${reference}"${style} t="inlineStr"><is><t${space}>${xmlText(value)}</t></is></c>`;
}

const LETTERS: string[] = [];

/** A row's XML: its cells (empty ones left out), its height when it has one; nothing for an empty row. */
export function rowXml(r: number, row: readonly CellSpec[], height?: number, letters: readonly string[] = LETTERS): string {
  let cells = "";
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (cell) cells += cellXml(`${letters[c] ?? (LETTERS[c] ??= columnLetters(c + 1))}${r}`, cell);
  }
  return cells || height ? `<row r="${r}"${height ? ` ht="${height}" customHeight="1"` : ""}>${cells}</row>` : "";
}

/** The sheet's XML, in chunks (one per block of rows; text, or rows already UTF-8), for a streaming deflate. */
export async function* sheetXml(spec: SheetSpec): AsyncGenerator<string | Uint8Array> {
  const letters = spec.columns.map((_, i) => columnLetters(i + 1));
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`;
  if (spec.print) yield `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`;
  const frozen = spec.freezeRows
    ? `<pane ySplit="${spec.freezeRows}" topLeftCell="A${spec.freezeRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${spec.freezeRows + 1}" sqref="A${spec.freezeRows + 1}"/>`
    : "";
  yield `<sheetViews><sheetView workbookViewId="0">${frozen}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>`;
  yield `<cols>${spec.columns.map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width.toFixed(2)}"${spec.hiddenColumns?.includes(i) ? ' hidden="1"' : ""} customWidth="1"/>`).join("")}</cols>`;
  yield "<sheetData>";
  let chunk = "";
  let r = 0;
  for await (const item of spec.rows) {
    if ("xml" in item) {
      // Rows rendered elsewhere (the wording thread), numbered from r + 1.
      if (typeof item.xml === "string") chunk += item.xml;
      else {
        if (chunk) yield chunk;
        chunk = "";
        yield item.xml;
      }
      r += item.count;
    } else chunk += rowXml(++r, item.cells, item.height, letters);
    if (chunk.length > 1 << 16) {
      yield chunk;
      chunk = "";
    }
  }
  yield `${chunk}</sheetData>`;
  if (spec.autoFilter) yield `<autoFilter ref="${spec.autoFilter}"/>`;
  if (spec.merges?.length)
    yield `<mergeCells count="${spec.merges.length}">${spec.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`;
  let priority = 1;
  for (const bar of spec.dataBars ?? []) {
    yield `<conditionalFormatting sqref="${bar.ref}"><cfRule type="dataBar" priority="${priority++}"><dataBar><cfvo type="num" val="0"/><cfvo type="max"/><color rgb="FF${bar.color}"/></dataBar></cfRule></conditionalFormatting>`;
  }
  const print = spec.print;
  if (print) {
    const m = print.margins;
    yield `<printOptions horizontalCentered="1"/><pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
    yield `<pageSetup paperSize="9" orientation="${print.landscape ? "landscape" : "portrait"}" fitToWidth="1" fitToHeight="${print.fit === "page" ? 1 : 0}"/>`;
    yield `<headerFooter><oddFooter>${xmlText(print.footer)}</oddFooter></headerFooter>`;
  }
  const breaks = spec.rowBreaks ?? [];
  if (breaks.length)
    yield `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join("")}</rowBreaks>`;
  if (spec.drawingRelationshipId) yield `<drawing r:id="${spec.drawingRelationshipId}"/>`;
  yield "</worksheet>";
}
