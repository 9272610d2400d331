/**
 * Reading cells in tight loops, column by column: one fast reader per column converts a plain value exactly
 * (fen, rate units, day numbers, 1/0, years, text indexes) or leaves the row to the decimal reference (SLOW).
 */
import { CellValue } from "../cells/parse";
import { parseIsoDate } from "../dates/civil-date";
import { FactColumns } from "../measures/fast";
import {
  FEN,
  FEN_PER_WAN,
  MAX_FEN,
  fenOfDecimal,
  fenOfFloat,
  fenOfWanFloat,
  rateUnitsOfDecimal,
  rateUnitsOfFloat,
  rateUnitsOfPointsFloat,
} from "../money/fen";
import { Decimal } from "../money/money";
import { INPUT_BOUNDS } from "../policy/input-bounds";
import { EngineState, TextTable } from "./engine-state";
import { FIELD_BY_KEY, FieldKey, FieldSpec, HeaderUnit } from "./fields";
import { ColumnReader, FoundTable, columnReaders, isPercentFormat } from "./read-row";
import type { SheetInput } from "./types";

/** A cell the fast readers leave to the reference (the row is then read and decided by it). */
export const SLOW = -Infinity;

/** Excel's 1900 date system: serial 25,569 is 1970-01-01 (day 0); serials from 61 on count the phantom 1900-02-29. */
const UNIX_EPOCH_SERIAL = 25_569;
const PHANTOM_LEAP_DAY = 60;
const LAST_SERIAL = 2_958_465;
const DAYS_1904_TO_1900 = 1462;
const LOAN_RATE_MIN_UNITS = rateUnitsOfDecimal(new Decimal(INPUT_BOUNDS.loanRate.min));
const LOAN_RATE_MAX_UNITS = rateUnitsOfDecimal(new Decimal(INPUT_BOUNDS.loanRate.max));

export interface FastColumn {
  field: FieldKey;
  index: number;
  /** How a plain number cell is read in the column's loop; anything else goes through `read`. */
  numbers: "fen" | "signedFen" | "wan" | "signedWan" | "date" | "date1904" | "read";
  read: (cell: unknown, format: string | null | undefined) => number;
}

/** What String.prototype.trim removes: ASCII white space and controls, and Unicode's spaces. */
function trimmed(code: number): boolean {
  return (
    code <= 32 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Text with nothing at either end to trim and not an error value (`#N/A`): parseTextCell returns it as it is. */
function isPlainText(text: string): boolean {
  const first = text.charCodeAt(0);
  return first !== 35 && !trimmed(first) && !trimmed(text.charCodeAt(text.length - 1));
}

/** Rows read at a time, column by column: a tile's rows stay in the processor's cache between columns. */
export const TILE = 512;

/** Reads one column of a table's rows [from, to) into its target; a cell the reference must read marks its row slow. */
export function readColumn(
  column: FastColumn,
  values: readonly (readonly unknown[])[],
  formats: SheetInput["numberFormats"],
  dataRows: readonly number[],
  from: number,
  to: number,
  first: number,
  target: Float64Array | Int8Array | Int32Array,
  slow: Uint8Array,
): void {
  const { index, read, numbers } = column;
  const scale = numbers === "fen" || numbers === "signedFen" ? FEN : FEN_PER_WAN;
  const signed = numbers === "signedFen" || numbers === "signedWan";
  const dates = numbers === "date" || numbers === "date1904";
  const shift = numbers === "date1904" ? DAYS_1904_TO_1900 : 0;
  for (let k = from; k < to; k++) {
    const row = values[dataRows[k]];
    if (row === undefined) continue;
    const cell = row[index];
    if (cell === null || cell === undefined) continue;
    let value: number;
    if (typeof cell === "number" && numbers !== "read") {
      value = SLOW;
      if (dates) {
        const day = Math.floor(cell + shift);
        if (day >= 1 && day <= LAST_SERIAL && day !== PHANTOM_LEAP_DAY)
          value = day < PHANTOM_LEAP_DAY ? day - UNIX_EPOCH_SERIAL + 1 : day - UNIX_EPOCH_SERIAL;
      } else if (cell >= 0 || (signed && cell < 0)) {
        // fenOfFloat and fenOfWanFloat, inline: the float's shortest form is whole fen, or the reference reads it.
        const fen = Math.round(cell * scale);
        if (fen <= MAX_FEN && fen >= -MAX_FEN && fen / scale === cell) value = fen + 0;
      }
    } else {
      const rowFormats = formats === undefined ? undefined : formats[dataRows[k]];
      value = read(cell, rowFormats === undefined ? undefined : rowFormats[index]);
    }
    if (value === SLOW) slow[first + k] = 1;
    else if (value === value) target[first + k] = value;
  }
}

/** Where a column's read values go. */
export function targetOf(state: EngineState, level: Int8Array, field: FieldKey): Float64Array | Int8Array | Int32Array {
  const facts = state.facts;
  switch (field) {
    case "entityId":
      return state.entityText;
    case "entityName":
      return state.entityName;
    case "city":
      return state.city;
    case "projectId":
      return state.batch.project;
    case "year":
      return state.batch.year;
    case "level":
      return level;
    case "startDate":
      return facts.startDay;
    case "endDate":
      return facts.endDay;
    case "retailThisYear":
      return state.retail[0];
    case "retailLastYear":
      return state.retail[1];
    case "claimedAmount":
      return state.claimed;
    case "otherProvincialSupport":
      return state.other;
    default:
      return facts[field as keyof FactColumns];
  }
}

/**
 * One fast reader per column: a plain number converted exactly (or left to the reference), a text read once
 * per distinct value through the reference's parser. Values: fen, rate units, day numbers, 1/0, years,
 * text indexes; NaN for an empty cell; SLOW for anything the reference must read.
 */
export function fastColumns(table: FoundTable, texts: TextTable, codeTexts: TextTable, date1904: boolean): FastColumn[] {
  const origin = { row: 1, column: 1 };
  const references = new Map(columnReaders(table, origin, date1904).map((r) => [r.field, r]));
  const columns: FastColumn[] = [];
  for (const [field, column] of table.columns) {
    if (field === "measure") continue;
    const kind = FIELD_BY_KEY.get(field)!.kind;
    const cached = cachedReader(references.get(field)!);
    // Codes have a table of their own: their indexes stay dense (one entry per code, read-cells.ts).
    const textTable = field === "entityId" ? codeTexts : texts;
    const read = readerOf(field, kind, column.unit, cached, textTable, date1904);
    columns.push({ field, index: column.index, numbers: numbersOf(kind, column.unit, date1904), read });
  }
  return columns;
}

type Read = FastColumn["read"];
/** Makes a column's reader from how a parsed value converts and how a plain number cell reads. */
type Cached = (convert: (value: unknown) => number, number: (cell: number, format: string | null | undefined) => number) => Read;

/**
 * A column's reader maker: a text is read once per distinct value through the reference's parser (the last
 * one kept at hand), a number by the column's own conversion, anything else through the reference.
 */
function cachedReader(reference: ColumnReader): Cached {
  const byText = new Map<string, number>();
  const viaReference = (cell: unknown, format: string | null | undefined, convert: (value: unknown) => number): number => {
    const parsed = reference.parse(cell as CellValue, format);
    if (parsed.kind === "absent") return NaN;
    if (parsed.kind === "invalid") return SLOW;
    const value = convert(parsed.value);
    return Number.isNaN(value) ? SLOW : value;
  };
  let lastText: string | null = null;
  let lastValue = NaN;
  return (convert, number) => {
    return (cell: unknown, format: string | null | undefined): number => {
      if (cell === null || cell === undefined) return NaN;
      if (typeof cell === "number") return number(cell, format);
      if (typeof cell === "string") {
        // Runs of the same text (是, a code, a city) are common: the last one is kept at hand.
        if (cell === lastText) return lastValue;
        let value = byText.get(cell);
        if (value === undefined) byText.set(cell, (value = viaReference(cell, format, convert)));
        lastText = cell;
        lastValue = value;
        return value;
      }
      return viaReference(cell, format, convert);
    };
  };
}

/** The reader of a column by its field's kind. */
function readerOf(
  field: FieldKey,
  kind: FieldSpec["kind"],
  unit: HeaderUnit,
  cached: Cached,
  textTable: TextTable,
  date1904: boolean,
): Read {
  switch (kind) {
    case "amount":
    case "signedAmount":
      return amountReader(kind === "signedAmount", unit, cached);
    case "rate":
      return rateReader(unit, cached);
    case "date":
      return cached(
        (value) => parseIsoDate(value as string) ?? NaN,
        (cell) => {
          if (!Number.isFinite(cell)) return SLOW;
          const day = Math.floor(date1904 ? cell + DAYS_1904_TO_1900 : cell);
          if (day < 1 || day > LAST_SERIAL || day === PHANTOM_LEAP_DAY) return SLOW;
          return day < PHANTOM_LEAP_DAY ? day - UNIX_EPOCH_SERIAL + 1 : day - UNIX_EPOCH_SERIAL;
        },
      );
    case "boolean":
      return cached(
        (value) => (value ? 1 : 0),
        (cell) => (cell === 1 ? 1 : cell === 0 ? 0 : SLOW),
      );
    case "year":
      return cached(
        (value) => value as number,
        (cell) => (Number.isInteger(cell) && cell >= 1900 && cell <= 9999 ? cell : SLOW),
      );
    case "level":
      return cached(
        (value) => (value === "national" ? 1 : 2),
        () => SLOW,
      );
    default:
      return textReader(field, cached, textTable);
  }
}

function amountReader(signed: boolean, unit: HeaderUnit, cached: Cached): Read {
  const amountValue = (value: unknown) => (typeof value === "number" ? fenOfFloat(value) : fenOfDecimal(value as Decimal));
  return cached(amountValue, (cell) => {
    if (!Number.isFinite(cell) || (!signed && cell < 0)) return SLOW;
    const fen = unit === "wan" ? fenOfWanFloat(cell) : fenOfFloat(cell);
    return Number.isNaN(fen) ? SLOW : fen;
  });
}

function rateReader(unit: HeaderUnit, cached: Cached): Read {
  const percentFormats = new Map<string, boolean>();
  return cached(
    (value) => rateUnitsOfDecimal(value as Decimal),
    (cell, format) => {
      if (!Number.isFinite(cell)) return SLOW;
      let percentFormat = false;
      if (format) {
        let known = percentFormats.get(format);
        if (known === undefined) percentFormats.set(format, (known = isPercentFormat(format)));
        percentFormat = known;
      }
      const units = unit === "percent" && !percentFormat ? rateUnitsOfPointsFloat(cell) : rateUnitsOfFloat(cell);
      // Outside the bounds (RULES.md "Reading numbers"), whether or not the row uses it: the reference says why.
      return Number.isNaN(units) || (units !== 0 && (units < LOAN_RATE_MIN_UNITS || units > LOAN_RATE_MAX_UNITS)) ? SLOW : units;
    },
  );
}

/** A text column: an index into the batch's texts (a project is 1 + its text's index: 0 is "no project", 不重复 by project). */
function textReader(field: FieldKey, cached: Cached, table: TextTable): Read {
  const offset = field === "projectId" ? 1 : 0;
  const general = cached(
    (value) => table.of(value as string) + offset,
    (cell) => table.of(String(cell)) + offset,
  );
  // Text that needs no trimming and cannot be an Excel error (#N/A…) is its own value: straight to the
  // table, without a second lookup through the reference's parser.
  let lastPlain = "";
  let lastIndex = 0;
  return (cell, format) => {
    if (typeof cell !== "string" || cell.length === 0 || !isPlainText(cell)) return general(cell, format);
    // Runs of the same text (a code, a name, a city) are common: the last one is kept at hand.
    if (cell !== lastPlain) {
      lastPlain = cell;
      lastIndex = table.of(cell) + offset;
    }
    return lastIndex;
  };
}

/** How a plain number cell of the column is read in its tight loop (readColumn). */
function numbersOf(kind: FieldSpec["kind"], unit: HeaderUnit, date1904: boolean): FastColumn["numbers"] {
  if (kind === "amount") return unit === "wan" ? "wan" : "fen";
  if (kind === "signedAmount") return unit === "wan" ? "signedWan" : "signedFen";
  if (kind === "date") return date1904 ? "date1904" : "date";
  return "read";
}
