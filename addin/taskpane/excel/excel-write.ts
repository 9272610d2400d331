/** Writing the result sheets in Excel: new sheets under temporary names, rows in blocks, then swapped in at once. */
import {
  APPENDIX_MARKER_NAME,
  APPENDIX_SHEET,
  appendixLayout,
  appendixWidths,
  columnLetters,
  DisplayLanguage,
  freeSheetName,
  resultRowCells,
  RESULTS_MARKER_NAME,
  RESULTS_SHEET,
  resultsColumns,
  reviewListLayout,
  reviewListWidths,
  ScreeningResult,
  SUMMARY_MARKER_NAME,
  SUMMARY_SHEET,
  localIsoDate,
} from "../../../core";
import { isPayloadLimit } from "./office-errors";
import { ExcelRun, MAX_BLOCK_ROWS, MIN_BLOCK_ROWS, checkCancelled } from "./excel-blocks";
import { literal } from "./excel-format";
import { appendixCells, appendixHeader, finishAppendix, finishReviewList, writeHeadValues } from "./excel-review";
import { writeSummary } from "./excel-summary";
import type { Note, RunControl, WorkbookOutline, WrittenResults } from "./gateway-types";

const TEMP_SUFFIX = " ~";

/** Today in the pane's own time zone, YYYY-MM-DD: the 筛查日期 printed on the list. */
export const localDate = (now: Date = new Date()): string => localIsoDate(now);

/** Our three sheets' names: the usual ones unless a user's sheet has it (then `… (2)`), and temporary ones. */
function sheetNames(outline: Pick<WorkbookOutline, "sheets" | "ours">) {
  const userSheets = outline.sheets.map((s) => s.name).filter((n) => !outline.ours.includes(n));
  const results = freeSheetName(RESULTS_SHEET, userSheets);
  const summary = freeSheetName(SUMMARY_SHEET, [...userSheets, results]);
  const appendix = freeSheetName(APPENDIX_SHEET, [...userSheets, results, summary]);
  const taken = outline.sheets.map((s) => s.name);
  const tempResults = freeSheetName(`${RESULTS_SHEET}${TEMP_SUFFIX}`, taken);
  const tempSummary = freeSheetName(`${SUMMARY_SHEET}${TEMP_SUFFIX}`, [...taken, tempResults]);
  const tempAppendix = freeSheetName(`${APPENDIX_SHEET}${TEMP_SUFFIX}`, [...taken, tempResults, tempSummary]);
  return { final: { results, summary, appendix }, temp: { results: tempResults, summary: tempSummary, appendix: tempAppendix } };
}

type Rows = ScreeningResult["rows"];

/**
 * Queues each block of rows (`place(offset, block)`) and syncs it with calculation suspended: at most 5,000 rows
 * a sync, halved on a payload-limit error and retried; cancelling is checked between blocks.
 */
async function writeBlocks(
  context: Excel.RequestContext,
  rows: Rows,
  control: RunControl | undefined,
  place: (offset: number, block: Rows) => void,
): Promise<void> {
  let limit = MAX_BLOCK_ROWS;
  let offset = 0;
  while (offset < rows.length) {
    checkCancelled(control);
    const count = Math.min(limit, rows.length - offset);
    context.application.suspendApiCalculationUntilNextSync();
    place(offset, rows.slice(offset, offset + count));
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
}

/**
 * Writes the review list (HLJ筛查结果), the summary and the calculation appendix (HLJ计算明细), in that order: new sheets first
 * (under temporary names), the applications in blocks with calculation suspended (a block's list rows and
 * appendix rows in one sync), then — in the last sync — the 合计 and signature rows and the formats, our
 * previous sheets go, the new ones take their names and the markers. Cancelling before that leaves the
 * workbook as it was. The 筛查日期 is `control.date`, else today here.
 */
export async function writeResults(
  run: ExcelRun,
  result: ScreeningResult,
  outline: Pick<WorkbookOutline, "sheets" | "ours">,
  control?: RunControl,
  language: DisplayLanguage = "zh",
): Promise<WrittenResults> {
  const names = sheetNames(outline);
  const meta = { date: control?.date ?? localDate(), reportingUnit: result.reportingUnit ?? null };
  const list = reviewListLayout(result, language, meta);
  const annex = appendixLayout(result, language, meta);
  const table = resultsColumns(result.rows, language);
  const widths = reviewListWidths(table, result, language, list, "widen");
  const supports = control?.supports ?? (() => true);
  const rows = result.rows;
  const listEnd = columnLetters(table.columns.length);
  const annexEnd = columnLetters(appendixHeader(language).length);
  let written = false;

  return run(async (context) => {
    const add = (name: string) => context.workbook.worksheets.add(name);
    try {
      const results = add(names.temp.results);
      const summary = add(names.temp.summary);
      const appendix = add(names.temp.appendix);
      writeHeadValues(results, list.title, list.headLines, list.headerRow, table.header);
      writeHeadValues(appendix, annex.title, annex.headLines, annex.headerRow, appendixHeader(language));
      await writeSummary(summary, result, language, supports);
      await context.sync();

      await writeBlocks(context, rows, control, (offset, block) => {
        results.getRange(`A${list.firstDataRow + offset}:${listEnd}${list.firstDataRow + offset + block.length - 1}`).values = block.map(
          (row, i) => resultRowCells(row, table.columns, language, offset + i).map(literal),
        );
        appendix.getRange(`A${annex.firstDataRow + offset}:${annexEnd}${annex.firstDataRow + offset + block.length - 1}`).values =
          block.map((row, i) => appendixCells(row, language, offset + i));
      });
      checkCancelled(control);

      const notes: Note[] = [];
      const at = { policyId: result.policy.id, language, supports, notes };
      finishReviewList(results, list, table, widths, rows.length, at);
      finishAppendix(appendix, annex, rows.length, at, appendixWidths(table, widths));
      for (const old of outline.ours) context.workbook.worksheets.getItemOrNullObject(old).delete();
      for (const marker of [RESULTS_MARKER_NAME, APPENDIX_MARKER_NAME, SUMMARY_MARKER_NAME])
        context.workbook.names.getItemOrNullObject(marker).delete();
      results.name = names.final.results;
      appendix.name = names.final.appendix;
      summary.name = names.final.summary;
      context.workbook.names.add(RESULTS_MARKER_NAME, results.getRange("A1"), "Written by the HLJ add-in: its screening results");
      context.workbook.names.add(APPENDIX_MARKER_NAME, appendix.getRange("A1"), "Written by the HLJ add-in: its calculation appendix");
      context.workbook.names.add(SUMMARY_MARKER_NAME, summary.getRange("A1"), "Written by the HLJ add-in: its screening summary");
      results.activate();
      await context.sync();
      written = true;
      return { ...names.final, notes };
    } finally {
      if (!written) {
        // Leave no half-written sheet behind.
        for (const temp of Object.values(names.temp)) context.workbook.worksheets.getItemOrNullObject(temp).delete();
        await context.sync().catch(() => undefined);
      }
    }
  });
}
