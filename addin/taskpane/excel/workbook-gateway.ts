/**
 * The task pane's only contact with the workbook (Office.js). Discipline from the Office docs on large ranges:
 * read values only, in blocks of at most 5,000 rows, one context.sync per block, never one per row; write in
 * blocks with calculation suspended, values before formats; on RequestPayloadSizeLimitExceeded halve the
 * block and retry. The user's sheets are only read. Our sheets are recognised by the workbook names we set.
 *
 * The interface and the types that cross it are in gateway-types.ts; the Excel implementation is in excel-*.ts
 * (reading, writing, formats and print setup, the summary, selection events), bound to one ExcelRun here.
 */
import type { ExcelRun } from "./excel-blocks";
import { outlineWorkbook, readSheets } from "./excel-read";
import { writeResults } from "./excel-write";
import { watchResults } from "./excel-watch";
import type { WorkbookGateway } from "./gateway-types";

export type {
  Note,
  Progress,
  RunControl,
  SelectedResult,
  SheetOutline,
  WorkbookGateway,
  WorkbookOutline,
  WrittenResults,
} from "./gateway-types";
export type { ExcelRun } from "./excel-blocks";
export { MAX_BLOCK_ROWS, planBlocks } from "./excel-blocks";
export { outlineWorkbook, readSheets } from "./excel-read";
export { writeResults } from "./excel-write";
export { literal } from "./excel-format";
export { watchResults } from "./excel-watch";

/** The workbook behind Excel.run (or a fake of it): the gateway's calls with the ExcelRun bound. */
export function excelWorkbookGateway(run: ExcelRun): WorkbookGateway {
  return {
    outlineWorkbook: (supports) => outlineWorkbook(run, supports),
    readSheets: (sheets, control, formatColumns) => readSheets(run, sheets, control, formatColumns),
    writeResults: (result, outline, control, language) => writeResults(run, result, outline, control, language),
    watchResults: (sheetName, onRow) => watchResults(run, sheetName, onRow),
  };
}
