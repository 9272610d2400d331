/**
 * A worksheet's cells held compactly while the workbook is screened: one entry a cell present (its column,
 * its kind, a number or the index of its text, and its number format), in typed arrays filled in chunks, so
 * a sheet at Excel's full height costs some 13 bytes a cell rather than a JS array per row and a heap value
 * per cell. The engine reads a sheet as rows of cells (`values[r][c]`, as Office.js `range.values` gives
 * them): `rowsView` gives it that, each row made from the store when it is read (the most recent ones kept),
 * exactly as the rows readSheet used to hold.
 */
import { UnreadablePackageError } from "./package-reader";

/** A cell as read: a number, text, a truth value, null, or an object (an uncalculated formula). */
type Cell = string | number | boolean | null | object;

/** Cells a chunk holds: chunks are filled in turn, never copied to grow. */
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

const EMPTY = 0;
const NUMBER = 1;
const TEXT = 2;
const TRUE = 3;
const FALSE = 4;
const OBJECT = 5;

/** Texts of a workbook, each held once (shared strings, inline strings, error values, formulas' text results). */
export class TextIndex {
  readonly texts: string[] = [];
  private readonly index = new Map<string, number>();

  of(text: string): number {
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.texts.push(text) - 1;
      this.index.set(text, i);
    }
    return i;
  }
}

export const EMPTY_ROW: Cell[] = Object.freeze([]) as unknown as Cell[];
export const NO_FORMATS: (string | undefined)[] = Object.freeze([]) as unknown as (string | undefined)[];

/** The cells of one sheet, appended row by row in order. */
export class CellStore {
  private readonly columns: Uint16Array[] = [];
  private readonly kinds: Uint8Array[] = [];
  private readonly numbers: Float64Array[] = [];
  /** Number format of each cell (index in `formatTexts` + 1, 0 for General); a chunk without any is null. */
  private readonly formats: (Uint16Array | null)[] = [];
  private readonly formatTexts: string[] = [];
  private readonly formatIndex = new Map<string, number>();
  /** Cells that are neither number, text nor truth value (an uncalculated formula). */
  private readonly objects: Cell[] = [];
  private count = 0;
  /** First cell of each row; rowFirst[rows] is the end of the last row. */
  private rowFirst = new Int32Array(1024);
  private rows = 0;

  constructor(private readonly texts: TextIndex) {}

  /** The rows the sheet has (the last row element's number), as `values.length` counted them. */
  get rowCount(): number {
    return this.rows;
  }

  /** Row `r` (0-based) begins: rows skipped since the last one are empty. */
  startRow(r: number): void {
    if (r + 2 > this.rowFirst.length) {
      const grown = new Int32Array(Math.max(r + 2, this.rowFirst.length * 2));
      grown.set(this.rowFirst);
      this.rowFirst = grown;
    }
    for (let k = this.rows; k <= r; k++) this.rowFirst[k] = this.count;
    this.rows = Math.max(this.rows, r + 1);
    this.rowFirst[this.rows] = this.count;
  }

  /** A cell of the current row; one without a value (null, "") is kept only for its number format. */
  addCell(column: number, cell: Cell, format: string | undefined): void {
    const hasValue = cell !== null && cell !== "";
    if (!hasValue && format === undefined) return;
    if (this.rows === 0) this.startRow(0);
    const chunk = this.count >>> CHUNK_BITS;
    const at = this.count & MASK;
    if (at === 0) {
      this.columns.push(new Uint16Array(CHUNK));
      this.kinds.push(new Uint8Array(CHUNK));
      this.numbers.push(new Float64Array(CHUNK));
      this.formats.push(null);
    }
    this.columns[chunk][at] = column;
    const kinds = this.kinds[chunk];
    if (!hasValue) kinds[at] = EMPTY;
    else if (typeof cell === "number") {
      kinds[at] = NUMBER;
      this.numbers[chunk][at] = cell;
    } else if (typeof cell === "string") {
      kinds[at] = TEXT;
      this.numbers[chunk][at] = this.texts.of(cell);
    } else if (typeof cell === "boolean") kinds[at] = cell ? TRUE : FALSE;
    else {
      kinds[at] = OBJECT;
      this.numbers[chunk][at] = this.objects.push(cell) - 1;
    }
    if (format !== undefined) (this.formats[chunk] ??= new Uint16Array(CHUNK))[at] = this.formatOf(format);
    this.count++;
    this.rowFirst[this.rows] = this.count;
  }

  private formatOf(format: string): number {
    let i = this.formatIndex.get(format);
    if (i === undefined) {
      // Excel keeps at most some 250 custom formats; a package with 65,535 different ones is not a workbook.
      if (this.formatTexts.length >= 0xfffe)
        throw new UnreadablePackageError("it has more than 65,534 different number formats", "数字格式超过 65,534 种");
      i = this.formatTexts.push(format);
      this.formatIndex.set(format, i);
    }
    return i;
  }

  /** Row `r`'s cells as readSheet gave them: up to its last cell with a value, gaps null. */
  row(r: number): Cell[] {
    if (!(r >= 0 && r < this.rows)) return EMPTY_ROW;
    let row: Cell[] | null = null;
    for (let k = this.rowFirst[r], end = this.rowFirst[r + 1]; k < end; k++) {
      const chunk = k >>> CHUNK_BITS;
      const at = k & MASK;
      const kind = this.kinds[chunk][at];
      if (kind === EMPTY) continue;
      const number = this.numbers[chunk][at];
      const cell =
        kind === NUMBER
          ? number
          : kind === TEXT
            ? this.texts.texts[number]
            : kind === TRUE
              ? true
              : kind === FALSE
                ? false
                : this.objects[number];
      const column = this.columns[chunk][at];
      row ??= [];
      while (row.length < column) row.push(null);
      row[column] = cell;
    }
    return row ?? EMPTY_ROW;
  }

  /** Row `r`'s number formats (General left out), as readSheet gave them. */
  rowFormats(r: number): (string | undefined)[] {
    if (!(r >= 0 && r < this.rows)) return NO_FORMATS;
    let row: (string | undefined)[] | null = null;
    for (let k = this.rowFirst[r], end = this.rowFirst[r + 1]; k < end; k++) {
      const formats = this.formats[k >>> CHUNK_BITS];
      const format = formats === null ? 0 : formats[k & MASK];
      if (format === 0) continue;
      const column = this.columns[k >>> CHUNK_BITS][k & MASK];
      row ??= [];
      while (row.length < column) row.push(undefined);
      row[column] = this.formatTexts[format - 1];
    }
    return row ?? NO_FORMATS;
  }
}

/**
 * Rows kept made (a power of two): the engine reads 512 rows column by column, then row by row. Few, so that
 * rows made die young (a larger cache keeps them past collections, into the old generation).
 */
const RECENT = 1024;

/**
 * The rows as a read-only array (`values[r]`, `values.length`, iteration), each made from the store when read.
 * Array.isArray holds for it, as for the arrays the task pane passes.
 */
export function rowsView<T>(count: number, rowAt: (r: number) => T): T[] {
  const target: T[] = [];
  target.length = count;
  const recentRow = new Int32Array(RECENT).fill(-1);
  const recent: T[] = new Array<T>(RECENT);
  const indexOf = (key: string | symbol): number => {
    if (typeof key !== "string") return -1;
    const first = key.charCodeAt(0);
    if (!(first >= 48 && first <= 57)) return -1;
    const r = Number(key);
    return Number.isInteger(r) && r < count && String(r) === key ? r : -1;
  };
  const readOnly = () => {
    throw new TypeError("a sheet's cells are read-only");
  };
  return new Proxy(target, {
    get(t, key, receiver) {
      const r = indexOf(key);
      if (r < 0) return Reflect.get(t, key, receiver);
      const slot = r & (RECENT - 1);
      if (recentRow[slot] !== r) {
        recent[slot] = rowAt(r);
        recentRow[slot] = r;
      }
      return recent[slot];
    },
    has(t, key) {
      return indexOf(key) >= 0 || Reflect.has(t, key);
    },
    getOwnPropertyDescriptor(t, key) {
      const r = indexOf(key);
      if (r < 0) return Reflect.getOwnPropertyDescriptor(t, key);
      return { value: rowAt(r), writable: false, enumerable: true, configurable: true };
    },
    ownKeys(t) {
      return [...Array.from({ length: count }, (_, r) => String(r)), ...Reflect.ownKeys(t)];
    },
    set: readOnly,
    defineProperty: readOnly,
    deleteProperty: readOnly,
  });
}
