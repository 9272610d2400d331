/**
 * Excel's unit of work and the blocks large ranges move in (the Office docs on large ranges): at most 5,000
 * rows per sync, halved down to 16 on a payload-limit error; cancelling is checked between blocks.
 */
import { CancelledError } from "./office-errors";
import type { RunControl, SheetOutline } from "./gateway-types";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export const MAX_BLOCK_ROWS = 5_000;
export const MIN_BLOCK_ROWS = 16;

export const checkCancelled = (control?: RunControl) => {
  if (control?.isCancelled?.()) throw new CancelledError();
};

export interface Block {
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

/** Cuts blocks to at most `limit` rows and groups them, up to `limit` rows a group (again after a halving). */
export function groupBlocks(blocks: readonly Block[], limit: number): Block[][] {
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
