/**
 * The row a person selects on the results sheet in Excel (its selection events), for the pane to explain: its
 * 来源 from the review list, its 计算明细 from the appendix (HLJ计算明细), found by its 序号.
 */
import {
  APPENDIX_COLUMNS,
  APPENDIX_MARKER_NAME,
  columnLetters,
  isOurResultsHeader,
  OWN_HEADER_ROWS,
  RESULT_COLUMNS,
  sheetOfReference,
  TERMS,
} from "../../../core";
import { ExcelRun } from "./excel-blocks";
import type { SelectedResult } from "./gateway-types";

const headersOf = (columns: readonly { key: string; header: { zh: string; en: string } }[], key: string) =>
  new Set(Object.values(columns.find((c) => c.key === key)!.header));
const SOURCE_HEADERS = headersOf(RESULT_COLUMNS, "source");
const SEQ_HEADERS = headersOf(RESULT_COLUMNS, "seq");
/** The appendix's 计算明细; on a results sheet written before revision 3, its own 计算说明 column. */
const DETAIL_HEADERS = headersOf(APPENDIX_COLUMNS, "explain");
const FORMER_EXPLAIN_HEADERS = new Set([TERMS.explain.zh, "How it was computed"]);
/** Columns read of a results row: ours (the former layout's 16 fall within them). */
const RESULT_WIDTH = columnLetters(RESULT_COLUMNS.length);
const APPENDIX_WIDTH = columnLetters(APPENDIX_COLUMNS.length);

const text = (cell: unknown) => (typeof cell === "string" ? cell.trim() : String(cell ?? ""));

/** The header row (0-based) among a sheet's first rows, and where each named column stands in it. */
function headerIn(head: readonly (readonly unknown[])[], isHeader: (row: readonly unknown[]) => boolean) {
  const at = head.findIndex((row) => isHeader(row));
  const names = at >= 0 ? head[at].map(text) : [];
  return { at, column: (headers: Set<string>) => names.findIndex((name) => headers.has(name)) };
}

const isAppendixHeader = (row: readonly unknown[]) => {
  const cells = row.map(text);
  return (["zh", "en"] as const).some((language) => APPENDIX_COLUMNS.every((c, i) => cells[i] === c.header[language]));
};

/**
 * The 计算明细 of the application numbered `seq` (from `source`) on the appendix: at its place first (the
 * appendix lists the applications in order), else looked up by 序号 and 来源 in its first two columns.
 */
async function appendixDetail(context: Excel.RequestContext, sheetName: string, seq: number, source: string): Promise<string> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const head = sheet.getRange(`A1:${APPENDIX_WIDTH}${OWN_HEADER_ROWS}`).load("values");
  const used = sheet.getUsedRangeOrNullObject(true).load("rowCount,rowIndex");
  await context.sync();
  const header = headerIn(head.values, isAppendixHeader);
  const detail = header.column(DETAIL_HEADERS);
  if (header.at < 0 || detail < 0 || used.isNullObject) return "";
  const first = header.at + 2;
  const last = used.rowIndex + used.rowCount;
  const matches = (row: readonly unknown[]) => row[0] === seq && text(row[1]) === source;
  const atPlace = sheet.getRange(`A${first + seq - 1}:${APPENDIX_WIDTH}${first + seq - 1}`).load("values");
  const keys = sheet.getRange(`A${first}:B${Math.max(first, last)}`);
  await context.sync();
  if (matches(atPlace.values[0])) return text(atPlace.values[0][detail]);
  // Moved (the appendix sorted): its 序号 and 来源 say where.
  keys.load("values");
  await context.sync();
  const index = keys.values.findIndex(matches);
  if (index < 0) return "";
  const found = sheet.getRange(`A${first + index}:${APPENDIX_WIDTH}${first + index}`).load("values");
  await context.sync();
  return text(found.values[0][detail]);
}

/**
 * Calls back with the row a person selects on the results sheet (worksheet.onSelectionChanged, ExcelApi 1.7,
 * which the manifest requires): the pane then shows that row's 计算明细. The header row is found under the
 * title and head lines, the columns by their headers, so a sorted or filtered list still gives the right row;
 * the 合计 and signature rows give nothing. The appendix is `appendixName`, else the sheet its marker names.
 * Returns what stops the watching.
 */
export async function watchResults(
  run: ExcelRun,
  sheetName: string,
  onRow: (row: SelectedResult) => void,
  appendixName?: string,
): Promise<() => Promise<void>> {
  const selected = async (address: string) => {
    const row = Number(/^\$?[A-Z]+\$?(\d+)/.exec(address.split("!").pop() ?? "")?.[1]);
    if (!Number.isInteger(row) || row < 2) return;
    const found = await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const head = sheet.getRange(`A1:${RESULT_WIDTH}${OWN_HEADER_ROWS}`).load("values");
      const cells = sheet.getRange(`A${row}:${RESULT_WIDTH}${row}`).load("values");
      const names = appendixName === undefined ? context.workbook.names.load("items/name,items/formula") : null;
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      const header = headerIn(head.values, isOurResultsHeader);
      const sourceColumn = header.column(SOURCE_HEADERS);
      if (header.at < 0 || row <= header.at + 1 || sourceColumn < 0) return null;
      const source = text(cells.values[0][sourceColumn]);
      const former = header.column(FORMER_EXPLAIN_HEADERS);
      if (!source || former >= 0) return { source, explain: former >= 0 ? text(cells.values[0][former]) : "" };
      const seq = cells.values[0][header.column(SEQ_HEADERS)];
      const marker = names?.items.find((n) => n.name === APPENDIX_MARKER_NAME);
      const appendix = appendixName ?? (marker ? sheetOfReference(marker.formula) : null);
      if (
        appendix === null ||
        !sheets.items.some((s) => s.name === appendix) ||
        typeof seq !== "number" ||
        !Number.isInteger(seq) ||
        seq < 1
      )
        return { source, explain: "" };
      return { source, explain: await appendixDetail(context, appendix, seq, source) };
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
