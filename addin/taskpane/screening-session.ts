/**
 * One screening in the task pane, host-agnostic in its logic: outline the workbook, find the applicant
 * tables (the person may change the mapping), read the cells, screen them with the shared core, write the
 * result sheets. The workbook is reached only through the WorkbookGateway given (Excel or WPS).
 */
import {
  DisplayLanguage,
  FIELD_BY_KEY,
  HISTORY_SHEET_NAMES,
  LPR_SHEET_NAMES,
  OptionsInput,
  ScreeningResult,
  SheetInput,
  TableChoice,
  TableInfo,
  detectTables,
  isSheetNamed,
  screenWorkbook,
} from "../../core";
import type { Note, Progress, RunControl, WorkbookGateway, WorkbookOutline } from "./excel/gateway-types";

export interface Prepared {
  outline: WorkbookOutline;
  tables: TableInfo[];
}

/** Outlines the workbook and proposes the column mapping of every applicant table. */
export async function prepare(
  gateway: WorkbookGateway,
  choices: Record<string, TableChoice> = {},
  supports: (excelApi: string) => boolean = () => true,
): Promise<Prepared> {
  const outline = await gateway.outlineWorkbook(supports);
  return { outline, tables: detectTables({ sheets: outline.heads }, choices) };
}

/** Re-proposes the mapping after a person's change, from the rows already read. */
export function remap(prepared: Prepared, choices: Record<string, TableChoice>): TableInfo[] {
  return detectTables({ sheets: prepared.outline.heads }, choices);
}

export type Screen = (
  sheets: SheetInput[],
  options: OptionsInput & { tables?: Record<string, TableChoice>; date1904?: boolean },
  onProgress: (done: number, total: number) => void,
) => Promise<ScreeningResult>;

/** Screening in this thread (tests, and hosts without Web Workers). */
export const screenHere: Screen = async (sheets, { date1904, ...options }, onProgress) =>
  screenWorkbook({ sheets, date1904 }, { ...options, onProgress });

export interface RunOutcome {
  result: ScreeningResult;
  /** The sheets written: the review list, the calculation appendix, the summary. */
  sheets: { results: string; appendix: string; summary: string };
  /** What this Excel could not do (an optional API missing), for the pane to say. */
  notes: Note[];
}

/**
 * Reads the sheets the tables (and the 历史兑现/LPR sheets) are on, screens, writes the result sheets.
 * `control.isCancelled` is checked between blocks; cancelling leaves the workbook as it was.
 */
export async function runScreening(
  gateway: WorkbookGateway,
  prepared: Prepared,
  options: OptionsInput,
  choices: Record<string, TableChoice>,
  control: RunControl & { onScreenProgress?: (done: number, total: number) => void } = {},
  screen: Screen = screenHere,
  language: DisplayLanguage = "zh",
): Promise<RunOutcome> {
  const wanted = new Set(prepared.tables.map((t) => t.sheet));
  const sheets = prepared.outline.sheets.filter(
    (s) =>
      s.rowCount > 0 &&
      !prepared.outline.ours.includes(s.name) &&
      (wanted.has(s.name) || isSheetNamed(s.name, HISTORY_SHEET_NAMES) || isSheetNamed(s.name, LPR_SHEET_NAMES)),
  );
  // Number formats only where they change a value: the rate columns (a percentage-formatted cell is a fraction).
  const formatColumns = new Map<string, number[]>();
  for (const table of remap(prepared, choices)) {
    const rates = table.columns.filter((c) => FIELD_BY_KEY.get(c.field)?.kind === "rate").map((c) => c.index);
    if (rates.length) formatColumns.set(table.sheet, rates);
  }
  const inputs = await gateway.readSheets(sheets, control, formatColumns);
  if (control.isCancelled?.()) throw Object.assign(new Error("cancelled"), { code: "Cancelled" });
  const result = await screen(inputs, { ...options, tables: choices, date1904: prepared.outline.date1904 ?? false }, (done, total) =>
    control.onScreenProgress?.(done, total),
  );
  const written = await gateway.writeResults(result, prepared.outline, control, language);
  return { result, sheets: { results: written.results, appendix: written.appendix, summary: written.summary }, notes: written.notes };
}

export type { Progress };
