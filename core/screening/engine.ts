/**
 * The screening engine: applicant tables → typed columns → each row's award by its measure's fast rule →
 * the batch steps in whole fen (batch/fast-batch.ts) → results whose words are made when a row is read
 * (screened-rows.ts). Exact to the fen: amounts are safe integers of fen (BigInt where a product may pass
 * 2^53), and any row the fast rules do not decide — a cell that is not a plain value, a missing or bad input,
 * an LPR the table does not know — is decided by the reference (read-row.ts and resolve.ts's computeRow,
 * decimal.js), then joins the same batch. A batch that cannot be held in whole fen (an amount claimed to a
 * tenth of a fen) is screened by the reference throughout. Pinned to the reference by
 * test/core/screening/fast-engine.test.ts and checked on the bench's 100,000 rows by `npm run bench`.
 */
import {
  ApplicationRow,
  HistoryRecord,
  RowCache,
  Working,
  checkedEntity,
  computeRow,
  isLive,
  newRowCache,
  readHistory,
} from "../batch/resolve";
import {
  BatchColumns,
  ELIGIBLE,
  ERROR,
  FenHistory,
  INELIGIBLE,
  MANUAL,
  NOT_CASH,
  NotExactError,
  STATUSES,
  batchColumns,
  fenHistory,
  settleBatch,
} from "../batch/fast-batch";
import { CellValue, isEmptyCell } from "../cells/parse";
import { addDays, parseIsoDate, toDayNumber } from "../dates/civil-date";
import { fastLpr } from "../lpr/fast-lpr";
import { fastRuleFor } from "../measures";
import { FactColumns, FastAward, FastContext, emptyFastAward } from "../measures/fast";
import { MEASURE_IDS, MeasureId, MeasureRef, parseMeasureId, parseMeasureRef } from "../measures/measure-id";
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
import { measureParams } from "../policy/registry";
import { ResolvedOptions } from "../options";
import { REASON_SEVERITY, Reason, ReasonCode } from "../reasons/reasons";
import { SuppliedLprEntry } from "../lpr/lpr-table";
import { cityOfDivision, isHeilongjiangNormalForm, isValidNormalForm } from "../uscc/uscc";
import { Localized } from "../policy/types";
import { FIELD_BY_KEY, FieldKey, columnLetters } from "./fields";
import {
  CellIndex,
  ColumnReader,
  FoundTable,
  SignatureLayout,
  columnReaders,
  isPercentFormat,
  locate,
  originOf,
  readRow,
  rowSignature,
  signatureLayout,
} from "./read-row";
import { DuplicateIndex } from "./duplicates";
import type { SheetInput } from "./screen";

/** A table to screen: its sheet, where its columns are, and its rows. */
export interface EngineTable {
  sheet: SheetInput;
  values: readonly (readonly unknown[])[];
  table: FoundTable;
}

/** Text that shows like a cell of another kind in a row's signature (TRUE, a date, an error): first letters first. */
const SHOWN_LIKE_A_VALUE = /^(true|false|Invalid Date|\{.*|\d{4}-\d\d-\d\dT.*)$/s;
function showsLikeAValue(text: string): boolean {
  const first = text.charCodeAt(0);
  const maybe = first === 116 || first === 102 || first === 73 || first === 123 || text.charCodeAt(4) === 45;
  return maybe && SHOWN_LIKE_A_VALUE.test(text);
}

/** A cell the fast readers leave to the reference (the row is then read and decided by it). */
const SLOW = -Infinity;

/** Excel's 1900 date system: serial 25,569 is 1970-01-01 (day 0); serials from 61 on count the phantom 1900-02-29. */
const UNIX_EPOCH_SERIAL = 25_569;
const PHANTOM_LEAP_DAY = 60;
const LAST_SERIAL = 2_958_465;
const DAYS_1904_TO_1900 = 1462;
const LOAN_RATE_MIN_UNITS = rateUnitsOfDecimal(new Decimal(INPUT_BOUNDS.loanRate.min));

/** Texts of a batch, each stored once (names, cities, projects, codes as written). */
export class TextTable {
  readonly texts: string[];
  private index: Map<string, number> | null = null;

  /** A table that already holds `texts` (one that crossed from a worker). */
  constructor(texts: string[] = []) {
    this.texts = texts;
  }

  of(text: string): number {
    this.index ??= new Map(this.texts.map((t, i) => [t, i]));
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.texts.push(text) - 1;
      this.index.set(text, i);
    }
    return i;
  }
}

/** A table as the engine reads it: its cells, the reference's readers (made when needed), its rows' signature. */
interface TableReference {
  values: EngineTable;
  readers: ColumnReader[] | null;
  signature: SignatureLayout;
}

/** A row the reference decided (the fast rules gave it back). */
export interface ReferenceRow {
  /** Its own reasons (before claim, other support and the batch), each naming its cell. */
  reasons: Reason[];
  entityId: string;
  /** The reference's working state: facts, context, award, where the row was decided in this thread. */
  working?: Working;
  /** Its reasons and explanation worded where it was decided, for a state that crossed from a worker. */
  worded?: { reasons: Reason[]; explain: Localized };
}

/** Everything the engine read and decided, kept as columns: what screened-rows.ts turns into results. */
export interface EngineState {
  resolved: ResolvedOptions;
  n: number;
  facts: FactColumns;
  batch: BatchColumns;
  /** Where each row came from: its table, its sheet row. */
  table: Uint16Array;
  rowNumber: Int32Array;
  tables: { sheet: string; cells: CellIndex["columns"] }[];
  texts: TextTable;
  /** The code as written (an index into the reading's own table of codes) and as normalised (the entity). */
  entityText: Int32Array;
  entities: string[];
  entityName: Int32Array;
  city: Int32Array;
  /** The measure cell as written, for rows whose clause the sheet's name gives: -1. */
  claimed: Float64Array;
  other: Float64Array;
  /** The row's amount after its own cap (before claim and other support), and after the claim. */
  awardAmount: Float64Array;
  afterClaim: Float64Array;
  computed: Float64Array;
  /** Codes of the row's own reasons (award and warnings), as the fast rule decided them. */
  codes: (readonly string[])[];
  /** 1 when the row reached its measure's rule (the explanation recomputes it). */
  awarded: Uint8Array;
  /** 1 when the row was eligible or manual on its own (claim and other support apply to it). */
  rowLive: Uint8Array;
  /** 示范级别: 1 national, 2 provincial, 0 none. */
  level: Int8Array;
  /** The earlier identical row of a duplicate (duplicate_row), else -1. */
  duplicateOf: Int32Array;
  /** 本年度/上年度 online retail (fen), while reading. */
  retail: [Float64Array, Float64Array];
  /** Rows the reference decided. */
  reference: Map<number, ReferenceRow>;
  history: FenHistory;
  /** What the screening was given besides the tables, to rebuild the state elsewhere (a worker, the pane). */
  inputs: { lprEntries: readonly SuppliedLprEntry[]; history: readonly HistoryRecord[] };
  /** For rebuilding a row's facts and contexts: the per-batch memo of the reference. */
  cache: RowCache;
}

interface FastColumn {
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
const TILE = 512;

/** Reads one column of a table's rows [from, to) into its target; a cell the reference must read marks its row slow. */
function readColumn(
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

/**
 * Screens the tables. Returns null when the batch cannot be held in whole fen: the caller then screens it
 * with the reference throughout.
 */
export function runEngine(
  tables: readonly EngineTable[],
  resolved: ResolvedOptions,
  historyRecords: readonly HistoryRecord[],
  lprEntries: readonly SuppliedLprEntry[],
  date1904: boolean,
  onProgress?: (done: number, total: number) => void,
): EngineState | null {
  const n = tables.reduce((sum, t) => sum + t.table.layout.dataRows.length, 0);
  const { policy, options } = resolved;
  const texts = new TextTable();
  const facts = factColumns(n);
  const batch = batchColumns(n);
  const state: EngineState = {
    resolved,
    n,
    facts,
    batch,
    table: new Uint16Array(n),
    rowNumber: new Int32Array(n),
    tables: [],
    texts,
    entityText: new Int32Array(n).fill(-1),
    entities: [],
    entityName: new Int32Array(n).fill(-1),
    city: new Int32Array(n).fill(-1),
    claimed: new Float64Array(n).fill(NaN),
    other: new Float64Array(n).fill(NaN),
    awardAmount: new Float64Array(n),
    afterClaim: new Float64Array(n),
    computed: new Float64Array(n).fill(NaN),
    codes: new Array(n),
    awarded: new Uint8Array(n),
    duplicateOf: new Int32Array(0),
    rowLive: new Uint8Array(n),
    level: new Int8Array(n),
    retail: [new Float64Array(0), new Float64Array(0)],
    reference: new Map(),
    history: null as unknown as FenHistory,
    inputs: { lprEntries, history: historyRecords },
    cache: newRowCache(),
  };
  const slow = new Uint8Array(n);
  const level = new Int8Array(n);
  const retailThisYear = new Float64Array(n).fill(NaN);
  const retailLastYear = new Float64Array(n).fill(NaN);
  state.retail = [retailThisYear, retailLastYear];
  const entityIndex = new Map<string, number>();
  // What each code as written says, by its index in the codes' table: its entity (-1 not a valid code, -2 not
  // yet checked), whether it is registered in Heilongjiang, its city's text.
  const entityOfText = new Int32Array(Math.max(1, n)).fill(-2);
  const inProvinceOfText = new Uint8Array(Math.max(1, n));
  const cityOfText = new Int32Array(Math.max(1, n));
  const cityOfPrefix = new Map<string, number>();
  // Credit codes as written, by index (the entity column's own text table).
  const codeTexts = new TextTable();
  const measureOf = new Map<unknown, MeasureRef | null>();
  const references: TableReference[] = [];
  // Identical rows (duplicates.ts): by the code, measure and year as read and the table's layout, then by the cells.
  const duplicateOf = (state.duplicateOf = new Int32Array(n).fill(-1));
  const layouts = new Map<string, number>();
  const valueRow = new Int32Array(n);
  const duplicates = new DuplicateIndex(n, {
    cells: (g) => references[state.table[g]].values.values[valueRow[g]] ?? [],
    signature: (g) => references[state.table[g]].signature,
  });

  let i = 0;
  tables.forEach((t, tableIndex) => {
    const origin = originOf(t.sheet);
    const cells: CellIndex["columns"] = new Map();
    for (const [field, c] of t.table.columns) cells.set(field, { letter: columnLetters(origin.column + c.index), header: c.header });
    state.tables.push({ sheet: t.sheet.name, cells });
    references.push({ values: t, readers: null, signature: signatureLayout(t.table) });
    const columns = fastColumns(t.table, texts, codeTexts, date1904);
    const targets = columns.map((column) => targetOf(state, level, column.field));
    const measureColumn = t.table.columns.get("measure")?.index;
    const entityColumn = t.table.columns.get("entityId")?.index;
    const formats = t.sheet.numberFormats;
    // Tables that read the same fields, with the same units, on any sheet: only their rows can be identical.
    const signaturePrefix = references[tableIndex].signature.prefix;
    let layout = layouts.get(signaturePrefix);
    if (layout === undefined) layouts.set(signaturePrefix, (layout = layouts.size));
    // In tiles of rows that stay in the processor's cache: column by column (a tight loop each), then row by
    // row for what needs the whole row.
    const dataRows = t.table.layout.dataRows;
    const tableFirst = i;
    for (let from = 0; from < dataRows.length; from += TILE) {
      const to = Math.min(dataRows.length, from + TILE);
      for (let c = 0; c < columns.length; c++) readColumn(columns[c], t.values, formats, dataRows, from, to, tableFirst, targets[c], slow);
      for (let k = from; k < to; k++) {
        const r = dataRows[k];
        const row = t.values[r] ?? [];
        state.table[i] = tableIndex;
        state.rowNumber[i] = origin.row + r;
        valueRow[i] = r;
        let readable = slow[i] === 0;
        // The measure as written, or the sheet's.
        const measureCell = measureColumn === undefined ? undefined : row[measureColumn];
        let measure: number = -1;
        if (measureCell === undefined || measureCell === null || (typeof measureCell === "string" && isEmptyCell(measureCell))) {
          measure = resolveMeasure(t.table.sheetMeasure, level[i], measureOf, resolved);
        } else if (typeof measureCell === "string" || typeof measureCell === "number") {
          measure = resolveMeasure(measureCell, level[i], measureOf, resolved);
        }
        if (measure < 0) readable = false;
        batch.measure[i] = measure;
        // The entity: a valid code, else the reference says why.
        const text = state.entityText[i];
        if (text >= 0) {
          let entity = entityOfText[text];
          if (entity === -2) {
            const written = codeTexts.texts[text];
            if (isValidNormalForm(written)) {
              // Most codes are written in their normal form: checked without building checkUscc's messages.
              entity = internEntity(written, entityIndex, state.entities);
              inProvinceOfText[text] = isHeilongjiangNormalForm(written) ? 1 : 0;
              const prefix = written.slice(2, 6);
              let city = cityOfPrefix.get(prefix);
              if (city === undefined) cityOfPrefix.set(prefix, (city = texts.of(cityOfDivision(prefix)?.zh ?? "")));
              cityOfText[text] = city;
            } else {
              const check = checkedEntity(written, state.cache);
              entity = check.check.valid ? internEntity(check.check.normalised, entityIndex, state.entities) : -1;
              inProvinceOfText[text] = check.inProvince ? 1 : 0;
              cityOfText[text] = texts.of(check.city);
            }
            entityOfText[text] = entity;
          }
          if (entity >= 0) {
            batch.entity[i] = entity;
            // The city as written (read trimmed), else the credit code's.
            if (state.city[i] < 0 || texts.texts[state.city[i]] === "") state.city[i] = cityOfText[text];
            if (inProvinceOfText[text] === 0) state.codes[i] = OUT_OF_PROVINCE;
          } else readable = false;
        } else readable = false;
        if (Number.isNaN(batch.year[i])) readable = false;
        if (!readable) slow[i] = 1;
        // Duplicates (the reference's duplicate_row): only rows with the same code, measure and year cells can be.
        // Equal cells read alike, so rows with equal signatures have the same code, measure and year as read.
        // A code cell that is not plain text or a number (TRUE, a date) shares group 0 with text that shows alike.
        const code = entityColumn === undefined ? undefined : row[entityColumn];
        const entityPart = (typeof code === "string" && !showsLikeAValue(code)) || typeof code === "number" ? state.entityText[i] + 1 : 0;
        duplicateOf[i] = duplicates.firstOf(i, { entityPart, measure, year: batch.year[i], layout });
        i++;
      }
    }
  });

  try {
    decideRows(state, slow, duplicateOf, valueRow, references, level, entityIndex, date1904, onProgress);
    state.history = fenHistory(readHistory(historyRecords, policy), entityIndex);
    settleBatch(batch, state.history, policy, options);
  } catch (error) {
    if (error instanceof NotExactError) return null;
    throw error;
  }
  onProgress?.(n, n);
  return state;
}

/** Each row alone: the fast rules, then the reference for the rows they give back; then claim and other support. */
function decideRows(
  state: EngineState,
  slow: Uint8Array,
  duplicateOf: Int32Array,
  valueRow: Int32Array,
  references: TableReference[],
  level: Int8Array,
  entityIndex: Map<string, number>,
  date1904: boolean,
  onProgress: ((done: number, total: number) => void) | undefined,
): void {
  const { n, facts, batch, resolved } = state;
  const { policy, options } = resolved;
  // 本年度/上年度 given instead of the increase: the increase is their difference.
  const [retailThisYear, retailLastYear] = state.retail;
  for (let r = 0; r < n; r++) {
    if (Number.isNaN(facts.onlineRetailIncrease[r]) && !Number.isNaN(retailThisYear[r]) && !Number.isNaN(retailLastYear[r])) {
      facts.onlineRetailIncrease[r] = retailThisYear[r] - retailLastYear[r];
    }
  }

  // Each row alone.
  const first = policy.validity.firstAwardYear.value;
  const last = policy.validity.lastAwardYear.value;
  const contexts = new Map<number, FastContext>();
  let lastContextKey = NaN;
  let lastContext: FastContext | undefined;
  const rules = MEASURE_IDS.map(fastRuleFor);
  const lpr = fastLpr(resolved.lpr);
  const periodStart = toDayNumber(options.effectiveFrom);
  const periodEndExclusive = toDayNumber(addDays(policy.subsidyPeriod.end, 1));
  const out = emptyFastAward();
  const progressEvery = Math.max(1, Math.floor(n / 100));
  for (let r = 0; r < n; r++) {
    if (onProgress && (r + 1) % progressEvery === 0) onProgress(r + 1, n);
    if (slow[r]) continue;
    const year = batch.year[r];
    const warnings = state.codes[r];
    // A duplicate of an earlier row is an error before anything else (computeRow); its words: screened-rows.ts.
    if (state.duplicateOf[r] >= 0) {
      batch.status[r] = ERROR;
      state.codes[r] = warnings ? DUPLICATE_WARNED : DUPLICATE;
      continue;
    }
    if (year < first || year > last) {
      batch.status[r] = INELIGIBLE;
      state.computed[r] = 0;
      state.codes[r] = warnings ? OUTSIDE_VALIDITY_WARNED : OUTSIDE_VALIDITY;
      continue;
    }
    const inProvince = warnings === undefined;
    const contextKey = inProvince ? year : -year;
    let context = contextKey === lastContextKey ? lastContext : contexts.get(contextKey);
    if (!context) {
      context = {
        policy,
        lpr,
        lprMode: options.lprMode,
        dayCount: options.dayCount,
        interestWindow: options.interestWindow,
        year,
        inProvince,
        periodStart,
        periodEndExclusive,
        applicantOf: (row: number) => state.entities[batch.entity[row]],
      };
      contexts.set(contextKey, context);
    }
    lastContextKey = contextKey;
    lastContext = context;
    // (Setting an array's length is a call into the engine's runtime: only when there is something to clear.)
    if (out.codes.length !== 0) out.codes.length = 0;
    out.computed = NaN;
    out.cap = NaN;
    out.capTier = 0;
    out.amount = 0;
    if (!rules[batch.measure[r]](facts, r, context, out)) {
      slow[r] = 1;
      continue;
    }
    state.awarded[r] = 1;
    batch.status[r] = statusIndex(out.status);
    state.computed[r] = out.computed;
    batch.cap[r] = out.cap;
    batch.capTier[r] = out.capTier;
    const live = out.status === "eligible" || out.status === "manual";
    batch.amount[r] = live ? out.amount : 0;
    state.awardAmount[r] = batch.amount[r];
    state.rowLive[r] = live ? 1 : 0;
    const own = out.codes.includes("out_of_province");
    state.codes[r] = codesOf(out, warnings !== undefined && !own);
  }

  // The rows the fast rules gave back: read and decided by the reference. Its bad inputs are thrown errors
  // whose stack traces no one reads: not capturing them makes each such row several times cheaper.
  // (Error.stackTraceLimit is V8's, in Node and in Office's Chromium-based webviews; elsewhere it is left alone.)
  const seen = new Map<string, string>();
  const errors = Error as ErrorConstructor & { stackTraceLimit?: number };
  const stackTraceLimit = errors.stackTraceLimit;
  if (typeof stackTraceLimit === "number") errors.stackTraceLimit = 0;
  try {
    decideByReference(state, slow, duplicateOf, valueRow, references, entityIndex, date1904, seen);
  } finally {
    if (typeof stackTraceLimit === "number") errors.stackTraceLimit = stackTraceLimit;
  }

  // Claim, then other provincial support, row by row (RULES.md 不重复 steps 3 and 5).
  for (let r = 0; r < n; r++) {
    if (!isLive(STATUSES[batch.status[r]])) continue;
    let amount = batch.amount[r];
    const claimed = state.claimed[r];
    if (!Number.isNaN(claimed) && claimed < amount) amount = claimed;
    state.afterClaim[r] = amount;
    const other = state.other[r];
    if (!Number.isNaN(other) && other !== 0) amount = options.otherSupport === "exclude" || other >= amount ? 0 : amount - other;
    batch.amount[r] = amount;
  }
  state.level = level;
}

const OUT_OF_PROVINCE: readonly string[] = Object.freeze(["out_of_province"]);
/** The rows the fast rules gave back, read and decided by the reference (read-row.ts, computeRow). */
function decideByReference(
  state: EngineState,
  slow: Uint8Array,
  duplicateOf: Int32Array,
  valueRow: Int32Array,
  references: TableReference[],
  entityIndex: Map<string, number>,
  date1904: boolean,
  seen: Map<string, string>,
): void {
  const { n, batch, resolved, texts } = state;
  for (let r = 0; r < n; r++) {
    if (!slow[r]) continue;
    const ref = references[state.table[r]];
    const t = ref.values;
    const origin = originOf(t.sheet);
    ref.readers ??= columnReaders(t.table, origin, date1904);
    const cellsRow = t.values[valueRow[r]] ?? [];
    const measureEntry = t.table.columns.get("measure");
    const measureColumn = measureEntry && { ...measureEntry, letter: columnLetters(origin.column + measureEntry.index) };
    const row: ApplicationRow = readRow(
      cellsRow,
      t.sheet.numberFormats?.[valueRow[r]],
      state.rowNumber[r],
      t.sheet.name,
      ref.readers,
      measureColumn,
      t.table.sheetMeasure,
    );
    row.signature = signatureOf(ref, cellsRow);
    seen.clear();
    if (duplicateOf[r] >= 0) seen.set(row.signature, sourceOf(state, duplicateOf[r]));
    const working = computeRow(row, r, resolved, seen, state.cache);
    const result = working.result;
    const located = result.reasons.map((reason) => locate(reason, cellIndexOf(state, r)));
    state.reference.set(r, { reasons: located, working, entityId: result.entityId });
    state.codes[r] = result.reasons.map((reason) => reason.code);
    batch.status[r] = statusIndex(result.status);
    state.computed[r] = result.computed === null ? NaN : fenOrThrow(result.computed);
    batch.cap[r] = result.cap === null ? NaN : fenOrThrow(result.cap);
    batch.capTier[r] = working.award?.capTier ?? 0;
    batch.year[r] = result.year ?? NaN;
    batch.measure[r] = result.measure === null ? -1 : MEASURE_IDS.indexOf(result.measure);
    state.awarded[r] = working.context ? 1 : 0;
    // A claim or other support that is not whole fen only matters where it is paid against.
    const live = isLive(result.status);
    state.claimed[r] = result.claimed === null ? NaN : live ? fenOrThrow(result.claimed) : fenOfRounded(result.claimed);
    state.other[r] = working.other === null ? NaN : live ? fenOrThrow(working.other) : 0;
    batch.amount[r] = live ? fenOrThrow(working.amount) : 0;
    state.awardAmount[r] = batch.amount[r];
    state.rowLive[r] = live ? 1 : 0;
    batch.project[r] = working.projectId === "" ? 0 : texts.of(working.projectId) + 1;
    if (result.entityId) batch.entity[r] = internEntity(result.entityId, entityIndex, state.entities);
    else batch.entity[r] = -1;
    state.city[r] = texts.of(result.city);
    state.entityName[r] = texts.of(result.entityName);
  }
}

const DUPLICATE: readonly string[] = Object.freeze(["duplicate_row"]);
const DUPLICATE_WARNED: readonly string[] = Object.freeze(["duplicate_row", "out_of_province"]);
const OUTSIDE_VALIDITY: readonly string[] = Object.freeze(["outside_validity"]);
const OUTSIDE_VALIDITY_WARNED: readonly string[] = Object.freeze(["outside_validity", "out_of_province"]);
const codeLists = new Map<number, readonly string[]>();
/** Each reason code's number, from 1. */
const REASON_CODE_NUMBER = new Map((Object.keys(REASON_SEVERITY) as ReasonCode[]).map((code, i) => [code, i + 1]));

/** The row's own codes, one frozen list per combination (a batch has a few dozen). */
function listOfCodes(out: FastAward, warned: boolean): readonly string[] {
  return Object.freeze(warned ? [...out.codes, "out_of_province"] : [...out.codes]);
}

function codesOf(out: FastAward, warned: boolean): readonly string[] {
  // A whole-number key: each code's number, six bits a code (exact up to eight codes).
  if (out.codes.length > 8) return listOfCodes(out, warned);
  let key = 0;
  for (const code of out.codes) {
    const number = REASON_CODE_NUMBER.get(code as ReasonCode);
    if (number === undefined) return listOfCodes(out, warned);
    key = key * 64 + number;
  }
  key = key * 2 + (warned ? 1 : 0);
  let list = codeLists.get(key);
  if (!list) codeLists.set(key, (list = listOfCodes(out, warned)));
  return list;
}

function statusIndex(status: string): number {
  return STATUSES.indexOf(status as (typeof STATUSES)[number]);
}

function fenOrThrow(value: Decimal): number {
  const fen = fenOfDecimal(value);
  if (Number.isNaN(fen)) throw new NotExactErrorAtRead();
  return fen;
}

/** A claim shown to the fen (the JSON's form) on a row it does not affect. */
function fenOfRounded(value: Decimal): number {
  return fenOfDecimal(value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP));
}

class NotExactErrorAtRead extends NotExactError {}

/** `申报!12` */
export function sourceOf(state: Pick<EngineState, "tables" | "table" | "rowNumber">, row: number): string {
  return `${state.tables[state.table[row]].sheet}!${state.rowNumber[row]}`;
}

export function cellIndexOf(state: Pick<EngineState, "tables" | "table" | "rowNumber">, row: number): CellIndex {
  const table = state.tables[state.table[row]];
  return { sheet: table.sheet, row: state.rowNumber[row], columns: table.cells };
}

function internEntity(normalised: string, index: Map<string, number>, list: string[]): number {
  let i = index.get(normalised);
  if (i === undefined) {
    i = list.push(normalised) - 1;
    index.set(normalised, i);
  }
  return i;
}

function signatureOf(ref: TableReference, row: readonly unknown[]): string {
  return rowSignature(ref.signature, row);
}

/** A measure cell (or the sheet's measure) → its index, settling 第6条 by the level; -1 when the reference must say why. */
function resolveMeasure(
  written: string | number | null,
  level: number,
  cache: Map<unknown, MeasureRef | null>,
  resolved: ResolvedOptions,
): number {
  if (written === null) return -1;
  let ref = cache.get(written);
  if (ref === undefined) {
    try {
      ref = parseMeasureRef(written);
    } catch {
      ref = null;
    }
    cache.set(written, ref);
  }
  if (ref === null) return -1;
  if (ref.kind === "measure") return MEASURE_IDS.indexOf(ref.id);
  if (ref.clause === 6 && level !== 0) {
    const wanted = level === 1 ? "national" : "provincial";
    const id = ref.candidates.find((m) => measureParams(resolved.policy, m).level === wanted);
    if (id) return MEASURE_IDS.indexOf(id);
  }
  try {
    return MEASURE_IDS.indexOf(parseMeasureId(written));
  } catch {
    return -1;
  }
}

function factColumns(n: number): FactColumns {
  const amounts = () => new Float64Array(n).fill(NaN);
  return {
    qualified: new Int8Array(n).fill(-1),
    firstTime: new Int8Array(n).fill(-1),
    totalInvestment: amounts(),
    onlineRetailIncrease: amounts(),
    importExport: amounts(),
    eligibleCosts: amounts(),
    drivenOnlineSales: amounts(),
    investmentLast3Years: amounts(),
    approvedAmount: amounts(),
    principal: amounts(),
    interestPaid: amounts(),
    loanRate: amounts(),
    startDay: amounts(),
    endDay: amounts(),
  };
}

/** Where a column's read values go. */
function targetOf(state: EngineState, level: Int8Array, field: FieldKey): Float64Array | Int8Array | Int32Array {
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
function fastColumns(table: FoundTable, texts: TextTable, codeTexts: TextTable, date1904: boolean): FastColumn[] {
  const origin = { row: 1, column: 1 };
  const references = new Map(columnReaders(table, origin, date1904).map((r) => [r.field, r]));
  const columns: FastColumn[] = [];
  for (const [field, column] of table.columns) {
    if (field === "measure") continue;
    const spec = FIELD_BY_KEY.get(field)!;
    const reference = references.get(field)!;
    const unit = column.unit;
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
    const cached = (convert: (value: unknown) => number, number: (cell: number, format: string | null | undefined) => number) => {
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
    const amountValue = (value: unknown) => (typeof value === "number" ? fenOfFloat(value) : fenOfDecimal(value as Decimal));
    let read: FastColumn["read"];
    switch (spec.kind) {
      case "amount":
      case "signedAmount": {
        const signed = spec.kind === "signedAmount";
        read = cached(amountValue, (cell) => {
          if (!Number.isFinite(cell) || (!signed && cell < 0)) return SLOW;
          const fen = unit === "wan" ? fenOfWanFloat(cell) : fenOfFloat(cell);
          return Number.isNaN(fen) ? SLOW : fen;
        });
        break;
      }
      case "rate": {
        const percentFormats = new Map<string, boolean>();
        read = cached(
          (value) => rateUnitsOfDecimal(value as Decimal),
          (cell, format) => {
            if (!Number.isFinite(cell)) return SLOW;
            let percentFormat = false;
            if (format) {
              let known = percentFormats.get(format);
              if (known === undefined) percentFormats.set(format, (known = isPercentFormat(format)));
              percentFormat = known;
            }
            if (unit === "percent" && !percentFormat) {
              const units = rateUnitsOfPointsFloat(cell);
              if (Number.isNaN(units) || (units !== 0 && units < LOAN_RATE_MIN_UNITS)) return SLOW;
              return units;
            }
            const units = rateUnitsOfFloat(cell);
            return Number.isNaN(units) ? SLOW : units;
          },
        );
        break;
      }
      case "date":
        read = cached(
          (value) => parseIsoDate(value as string) ?? NaN,
          (cell) => {
            if (!Number.isFinite(cell)) return SLOW;
            const day = Math.floor(date1904 ? cell + DAYS_1904_TO_1900 : cell);
            if (day < 1 || day > LAST_SERIAL || day === PHANTOM_LEAP_DAY) return SLOW;
            return day < PHANTOM_LEAP_DAY ? day - UNIX_EPOCH_SERIAL + 1 : day - UNIX_EPOCH_SERIAL;
          },
        );
        break;
      case "boolean":
        read = cached(
          (value) => (value ? 1 : 0),
          (cell) => (cell === 1 ? 1 : cell === 0 ? 0 : SLOW),
        );
        break;
      case "year":
        read = cached(
          (value) => value as number,
          (cell) => (Number.isInteger(cell) && cell >= 1900 && cell <= 9999 ? cell : SLOW),
        );
        break;
      case "level":
        read = cached(
          (value) => (value === "national" ? 1 : 2),
          () => SLOW,
        );
        break;
      default: {
        // A project is 1 + its text's index: 0 is "no project" (不重复 by project).
        // Codes have a table of their own: their indexes stay dense (one entry per code, below).
        const offset = field === "projectId" ? 1 : 0;
        const table = field === "entityId" ? codeTexts : texts;
        const general = cached(
          (value) => table.of(value as string) + offset,
          (cell) => table.of(String(cell)) + offset,
        );
        // Text that needs no trimming and cannot be an Excel error (#N/A…) is its own value: straight to the
        // table, without a second lookup through the reference's parser.
        let lastPlain = "";
        let lastIndex = 0;
        read = (cell, format) => {
          if (typeof cell !== "string" || cell.length === 0 || !isPlainText(cell)) return general(cell, format);
          // Runs of the same text (a code, a name, a city) are common: the last one is kept at hand.
          if (cell !== lastPlain) {
            lastPlain = cell;
            lastIndex = table.of(cell) + offset;
          }
          return lastIndex;
        };
      }
    }
    const numbers: FastColumn["numbers"] =
      spec.kind === "amount"
        ? unit === "wan"
          ? "wan"
          : "fen"
        : spec.kind === "signedAmount"
          ? unit === "wan"
            ? "signedWan"
            : "signedFen"
          : spec.kind === "date"
            ? date1904
              ? "date1904"
              : "date"
            : "read";
    columns.push({ field, index: column.index, numbers, read });
  }
  return columns;
}

export { ELIGIBLE, MANUAL, NOT_CASH, ERROR };
export type { MeasureId };
