/**
 * The engine's reading stage: each table's cells into the columns, in tiles of rows (fast-columns.ts's tight
 * loops), then each row's keys — measure, entity, year — and whether it repeats an earlier row. A row the fast
 * readers cannot read is marked for the decimal reference (decide-rows.ts).
 */
import { isEmptyCell } from "../cells/parse";
import { MEASURE_IDS, MeasureRef, parseMeasureId, parseMeasureRef } from "../measures/measure-id";
import { ResolvedOptions } from "../options";
import { measureParams } from "../policy/registry";
import { checkedEntity } from "../rows/row-cache";
import { cityOfDivision, isHeilongjiangNormalForm, isValidNormalForm } from "../uscc/uscc";
import { DuplicateIndex } from "./duplicates";
import { EngineState, EngineTable, TableReference, TextTable, internEntity } from "./engine-state";
import { TILE, fastColumns, readColumn, targetOf } from "./fast-columns";
import { columnLetters } from "./fields";
import { CellIndex, originOf, signatureLayout } from "./read-row";

/** Text that shows like a cell of another kind in a row's signature (TRUE, a date, an error): first letters first. */
const SHOWN_LIKE_A_VALUE = /^(true|false|Invalid Date|\{.*|\d{4}-\d\d-\d\dT.*)$/s;
function showsLikeAValue(text: string): boolean {
  const first = text.charCodeAt(0);
  const maybe = first === 116 || first === 102 || first === 73 || first === 123 || text.charCodeAt(4) === 45;
  return maybe && SHOWN_LIKE_A_VALUE.test(text);
}

export const OUT_OF_PROVINCE: readonly string[] = Object.freeze(["out_of_province"]);

/** What reading a batch's cells keeps from table to table. */
export interface Reading {
  state: EngineState;
  resolved: ResolvedOptions;
  date1904: boolean;
  /** Every row to the decimal reference (screenWorkbook's engine "reference"). */
  byReference: boolean;
  /** 1 for a row the decimal reference must read and decide. */
  slow: Uint8Array;
  /** 示范级别 as read: 1 national, 2 provincial, 0 none. */
  level: Int8Array;
  /** Entities by their normalised code. */
  entityIndex: Map<string, number>;
  // What each code as written says, by its index in the codes' table: its entity (-1 not a valid code, -2 not
  // yet checked), whether it is registered in Heilongjiang, its city's text.
  entityOfText: Int32Array;
  inProvinceOfText: Uint8Array;
  cityOfText: Int32Array;
  cityOfPrefix: Map<string, number>;
  /** Credit codes as written, by index (the entity column's own text table). */
  codeTexts: TextTable;
  measureOf: Map<unknown, MeasureRef | null>;
  references: TableReference[];
  /** Tables that read the same fields, with the same units, on any sheet: only their rows can be identical. */
  layouts: Map<string, number>;
  /** Each row's index in its table's values. */
  valueRow: Int32Array;
  /** Identical rows (duplicates.ts): by the code, measure and year as read and the table's layout, then by the cells. */
  duplicates: DuplicateIndex;
}

export function newReading(state: EngineState, resolved: ResolvedOptions, date1904: boolean, byReference: boolean): Reading {
  const { n } = state;
  state.retail = [new Float64Array(n).fill(NaN), new Float64Array(n).fill(NaN)];
  state.duplicateOf = new Int32Array(n).fill(-1);
  const references: TableReference[] = [];
  const valueRow = new Int32Array(n);
  return {
    state,
    resolved,
    date1904,
    byReference,
    slow: new Uint8Array(n),
    level: new Int8Array(n),
    entityIndex: new Map(),
    entityOfText: new Int32Array(Math.max(1, n)).fill(-2),
    inProvinceOfText: new Uint8Array(Math.max(1, n)),
    cityOfText: new Int32Array(Math.max(1, n)),
    cityOfPrefix: new Map(),
    codeTexts: new TextTable(),
    measureOf: new Map(),
    references,
    layouts: new Map(),
    valueRow,
    duplicates: new DuplicateIndex(n, {
      cells: (g) => references[state.table[g]].values.values[valueRow[g]] ?? [],
      signature: (g) => references[state.table[g]].signature,
    }),
  };
}

/** One table as its rows' keys are read. */
interface TableAt {
  t: EngineTable;
  tableIndex: number;
  originRow: number;
  measureColumn: number | undefined;
  entityColumn: number | undefined;
  layout: number;
}

/** Reads one table's rows into the batch's rows from `first` on; returns the index after its last row. */
export function readTable(reading: Reading, t: EngineTable, tableIndex: number, first: number): number {
  const { state, references, layouts, slow } = reading;
  const origin = originOf(t.sheet);
  const cells: CellIndex["columns"] = new Map();
  for (const [field, c] of t.table.columns) cells.set(field, { letter: columnLetters(origin.column + c.index), header: c.header });
  state.tables.push({ sheet: t.sheet.name, cells });
  references.push({ values: t, readers: null, signature: signatureLayout(t.table) });
  const columns = fastColumns(t.table, state.texts, reading.codeTexts, reading.date1904);
  const targets = columns.map((column) => targetOf(state, reading.level, column.field));
  const formats = t.sheet.numberFormats;
  const signaturePrefix = references[tableIndex].signature.prefix;
  let layout = layouts.get(signaturePrefix);
  if (layout === undefined) layouts.set(signaturePrefix, (layout = layouts.size));
  const at: TableAt = {
    t,
    tableIndex,
    originRow: origin.row,
    measureColumn: t.table.columns.get("measure")?.index,
    entityColumn: t.table.columns.get("entityId")?.index,
    layout,
  };
  // In tiles of rows that stay in the processor's cache: column by column (a tight loop each), then row by
  // row for what needs the whole row.
  const dataRows = t.table.layout.dataRows;
  let i = first;
  for (let from = 0; from < dataRows.length; from += TILE) {
    const to = Math.min(dataRows.length, from + TILE);
    for (let c = 0; c < columns.length; c++) readColumn(columns[c], t.values, formats, dataRows, from, to, first, targets[c], slow);
    for (let k = from; k < to; k++) readKeys(reading, at, dataRows[k], i++);
  }
  return i;
}

/** A row's keys, read from the whole row: its place, measure, entity and city; whether it is slow; whether it repeats an earlier row. */
function readKeys(reading: Reading, at: TableAt, r: number, i: number): void {
  const { state, slow } = reading;
  const { batch } = state;
  const t = at.t;
  const row = t.values[r] ?? [];
  state.table[i] = at.tableIndex;
  state.rowNumber[i] = at.originRow + r;
  reading.valueRow[i] = r;
  let readable = slow[i] === 0;
  // The measure as written, or the sheet's.
  const measureCell = at.measureColumn === undefined ? undefined : row[at.measureColumn];
  let measure: number = -1;
  if (measureCell === undefined || measureCell === null || (typeof measureCell === "string" && isEmptyCell(measureCell))) {
    measure = resolveMeasure(t.table.sheetMeasure, reading.level[i], reading.measureOf, reading.resolved);
  } else if (typeof measureCell === "string" || typeof measureCell === "number") {
    measure = resolveMeasure(measureCell, reading.level[i], reading.measureOf, reading.resolved);
  }
  if (measure < 0) readable = false;
  batch.measure[i] = measure;
  // The entity: a valid code, else the reference says why.
  const text = state.entityText[i];
  const entity = text >= 0 ? entityOfCode(reading, text) : -1;
  if (entity >= 0) {
    batch.entity[i] = entity;
    // The city as written (read trimmed), else the credit code's.
    if (state.city[i] < 0 || state.texts.texts[state.city[i]] === "") state.city[i] = reading.cityOfText[text];
    if (reading.inProvinceOfText[text] === 0) state.codes[i] = OUT_OF_PROVINCE;
  } else readable = false;
  if (Number.isNaN(batch.year[i])) readable = false;
  if (!readable || reading.byReference) slow[i] = 1;
  // Duplicates (the reference's duplicate_row): only rows with the same code, measure and year cells can be.
  // Equal cells read alike, so rows with equal signatures have the same code, measure and year as read.
  // A code cell that is not plain text or a number (TRUE, a date) shares group 0 with text that shows alike.
  const code = at.entityColumn === undefined ? undefined : row[at.entityColumn];
  const entityPart = (typeof code === "string" && !showsLikeAValue(code)) || typeof code === "number" ? text + 1 : 0;
  state.duplicateOf[i] = reading.duplicates.firstOf(i, { entityPart, measure, year: batch.year[i], layout: at.layout });
}

/** A code as written (by its index in the codes' table) → its entity, or -1; checked once per distinct code. */
function entityOfCode(reading: Reading, text: number): number {
  let entity = reading.entityOfText[text];
  if (entity !== -2) return entity;
  const { state } = reading;
  const written = reading.codeTexts.texts[text];
  if (isValidNormalForm(written)) {
    // Most codes are written in their normal form: checked without building checkUscc's messages.
    entity = internEntity(written, reading.entityIndex, state.entities);
    reading.inProvinceOfText[text] = isHeilongjiangNormalForm(written) ? 1 : 0;
    const prefix = written.slice(2, 6);
    let city = reading.cityOfPrefix.get(prefix);
    if (city === undefined) reading.cityOfPrefix.set(prefix, (city = state.texts.of(cityOfDivision(prefix)?.zh ?? "")));
    reading.cityOfText[text] = city;
  } else {
    const check = checkedEntity(written, state.cache);
    entity = check.check.valid ? internEntity(check.check.normalised, reading.entityIndex, state.entities) : -1;
    reading.inProvinceOfText[text] = check.inProvince ? 1 : 0;
    reading.cityOfText[text] = state.texts.of(check.city);
  }
  reading.entityOfText[text] = entity;
  return entity;
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
