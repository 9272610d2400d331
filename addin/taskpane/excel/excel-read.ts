/** Reading the workbook in Excel: its outline (sheets, used ranges, our sheets, first rows) and the cells, in blocks. */
import {
  APPENDIX_MARKER_NAME,
  HEADER_ROWS_SEARCHED,
  isOurAppendixSheet,
  isOurResultsSheet,
  isOurSummaryTitle,
  RESULTS_MARKER_NAME,
  SheetInput,
  sheetOfReference,
  SUMMARY_MARKER_NAME,
} from "../../../core";
import { isPayloadLimit } from "./office-errors";
import { ExcelRun, MAX_BLOCK_ROWS, MIN_BLOCK_ROWS, checkCancelled, groupBlocks, planBlocks } from "./excel-blocks";
import type { RunControl, SheetOutline, WorkbookOutline } from "./gateway-types";

/**
 * Sheets, their used ranges, our earlier sheets and the first rows of each sheet: three syncs whatever the
 * size. A sheet is ours only when a marker names it *and* its content says so — the header row we write within
 * its first 12 rows (under the title and head lines since revision 3; row 1 before), the appendix's header row,
 * the summary's title in A1: a marker alone — a defined name anyone can create — never makes a user's sheet ours.
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
    // The first rows from A1 (a sheet whose used range starts elsewhere does not begin as ours does).
    const firstRows = (name: string | null) => {
      const i = readable.findIndex((s) => s.name === name);
      return i >= 0 && readable[i].row === 1 && readable[i].column === 1 ? heads[i].values : [];
    };
    const ourContent = [
      { marker: RESULTS_MARKER_NAME, is: isOurResultsSheet },
      { marker: APPENDIX_MARKER_NAME, is: isOurAppendixSheet },
      { marker: SUMMARY_MARKER_NAME, is: (values: unknown[][]) => isOurSummaryTitle(values[0]?.[0]) },
    ];
    const ours = ourContent.flatMap(({ marker, is }) => {
      const name = marked(marker);
      return name !== null && is(firstRows(name)) ? [name] : [];
    });
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
