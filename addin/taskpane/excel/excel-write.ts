/** Writing the result sheets in Excel: new sheets under temporary names, rows in blocks, then swapped in at once. */
import {
  DisplayLanguage,
  RESULTS_MARKER_NAME,
  RESULTS_SHEET,
  SUMMARY_MARKER_NAME,
  SUMMARY_SHEET,
  ScreeningResult,
  columnLetters,
  freeSheetName,
  resultsTable,
} from "../../../core";
import { isPayloadLimit } from "./office-errors";
import { ExcelRun, MAX_BLOCK_ROWS, MIN_BLOCK_ROWS, checkCancelled } from "./excel-blocks";
import { formatResults, literal } from "./excel-format";
import { writeSummary } from "./excel-summary";
import type { Note, RunControl, WorkbookOutline, WrittenResults } from "./gateway-types";

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
      await writeSummary(summary, result, language, supports);
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
