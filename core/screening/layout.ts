/**
 * Where the applicant tables are on a sheet laid out the way a commerce bureau lays one out (SCREENING.md
 * "Workbooks as offices really lay them out"): a title and a 填报单位 line above, the header anywhere in the
 * first 100 rows, a two-row header (a group cell merged over field names, or field names above a units row),
 * a 序号 column, blank rows, 合计/小计 rows and 填表人/审核人 footer lines, several tables on one sheet and the
 * header repeated on every printed page. Every row below a header is one of: an applicant, a blank row, or a
 * row skipped with its cell and why — never lost, never an applicant by mistake.
 */
import { CellValue, excelErrorOf } from "../cells/parse";
import { toHalfWidth } from "../text/half-width";
import { checkUscc } from "../uscc/uscc";
import { FieldKey, HeaderUnit, REQUIRED_FIELDS, fieldOfHeader, normaliseHeader } from "./fields";

/** How far down the first header row is looked for. */
export const HEADER_SEARCH_ROWS = 100;

export type SkippedKind = "total" | "footer" | "text" | "header" | "units" | "numbering" | "serialOnly";

export interface SkippedRow {
  /** 0-based index in the sheet's values. */
  index: number;
  kind: SkippedKind;
  /** The cell that says what the row is (`合计`, `填表人：…`), 0-based column. */
  column: number;
  text: string;
}

export interface MappedColumn {
  index: number;
  header: string;
  unit: HeaderUnit;
}

export interface LaidOutTable {
  /** 0-based index of the (lower) header row; the row above it when the header has two rows. */
  headerIndex: number;
  headerRows: 1 | 2;
  unitsIndex: number | null;
  columns: Map<FieldKey, MappedColumn>;
  duplicates: { index: number; field: FieldKey }[];
  ignored: string[];
  /** The header texts as read (lower row, or the upper where the lower is empty). */
  headers: { index: number; text: string }[];
  /** 0-based indices of the applicant rows. */
  dataRows: number[];
  /** Rows below the header that are not applicants (blank rows aside). */
  skipped: SkippedRow[];
  /** Total rows with the data rows they sum (for the check of their sums). */
  totals: { index: number; kind: "all" | "part"; from: number; column: number; text: string }[];
  /** 0-based index of the last row that belongs to the table. */
  endIndex: number;
}

/** A header cell's text; error values and other objects are no header. */
export function cellText(cell: unknown): string {
  if (cell === null || cell === undefined || (typeof cell === "object" && !(cell instanceof Date))) return "";
  return excelErrorOf(cell as CellValue) ? "" : String(cell);
}

const isEmpty = (cell: unknown) => cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");

interface HeaderMapping {
  columns: Map<FieldKey, MappedColumn>;
  duplicates: { index: number; field: FieldKey }[];
  ignored: string[];
  headers: { index: number; text: string }[];
}

function mapHeader(texts: readonly string[], chosen?: Partial<Record<FieldKey, number | null>>): HeaderMapping {
  const columns = new Map<FieldKey, MappedColumn>();
  const duplicates: { index: number; field: FieldKey }[] = [];
  const ignored: string[] = [];
  const headers: { index: number; text: string }[] = [];
  texts.forEach((raw, c) => {
    const text = raw.trim();
    if (!text) return;
    headers.push({ index: c, text });
    const { key, unit } = normaliseHeader(text);
    const field = fieldOfHeader(key);
    if (!field) ignored.push(text);
    else if (columns.has(field)) duplicates.push({ index: c, field });
    else columns.set(field, { index: c, header: text, unit });
  });
  for (const [field, index] of Object.entries(chosen ?? {}) as [FieldKey, number | null][]) {
    if (index === null) columns.delete(field);
    else columns.set(field, { index, header: (texts[index] ?? "").trim(), unit: normaliseHeader(texts[index] ?? "").unit });
  }
  return { columns, duplicates, ignored, headers };
}

/** The header texts of row r, or of rows r-1 and r together (a two-row header: the lower cell, else the upper). */
function headerTexts(values: readonly (readonly unknown[])[], r: number, twoRows: boolean): string[] {
  const lower = values[r] ?? [];
  const upper = twoRows ? (values[r - 1] ?? []) : [];
  const width = Math.max(lower.length, upper.length);
  const texts: string[] = new Array(width);
  for (let c = 0; c < width; c++) {
    const text = cellText(lower[c]).trim();
    texts[c] = text || (twoRows ? cellText(upper[c]).trim() : "");
  }
  return texts;
}

const usable = (columns: Map<FieldKey, MappedColumn>, sheetMeasure: string | null) =>
  columns.has("entityId") && columns.has("year") && (columns.has("measure") || sheetMeasure !== null);

interface HeaderFound extends HeaderMapping {
  index: number;
  rows: 1 | 2;
}

/** The best header at row r: the row alone, or with the row above as the upper half of a two-row header. */
function headerAt(
  values: readonly (readonly unknown[])[],
  r: number,
  sheetMeasure: string | null,
  chosen?: Partial<Record<FieldKey, number | null>>,
): HeaderFound | null {
  const single = mapHeader(headerTexts(values, r, false), chosen);
  let best: HeaderFound | null = usable(single.columns, sheetMeasure) || chosen ? { ...single, index: r, rows: 1 } : null;
  if (r > 0 && !isDataLike(values[r - 1] ?? [])) {
    const double = mapHeader(headerTexts(values, r, true), chosen);
    if (usable(double.columns, sheetMeasure) && (!best || double.columns.size > best.columns.size)) best = { ...double, index: r, rows: 2 };
  }
  return best;
}

/** A row that holds an applicant's values rather than header texts (a credit code, or mostly numbers). */
function isDataLike(row: readonly unknown[]): boolean {
  let numbers = 0;
  let filled = 0;
  for (const cell of row) {
    if (isEmpty(cell)) continue;
    filled++;
    if (typeof cell === "number") numbers++;
    else if (typeof cell === "string" && cell.length === 18 && checkUscc(cell).valid) return true;
  }
  return filled > 0 && numbers * 2 > filled;
}

const UNIT_WORDS: Readonly<Record<string, HeaderUnit | "other">> = {
  元: "yuan",
  万元: "wan",
  万: "wan",
  "%": "percent",
  年: "other",
  月: "other",
  日: "other",
  日期: "other",
  "是/否": "other",
  个: "other",
  家: "other",
  次: "other",
  人: "other",
  天: "other",
  "—": "other",
  "-": "other",
  // A label in the first column (单位 / 单位：), and how dates are to be written.
  "": "other",
  "年-月-日": "other",
  "年/月/日": "other",
  年月日: "other",
  "yyyy-mm-dd": "other",
  "yyyy/mm/dd": "other",
};

/** A units row under the field names (元 / 万元 / % …): the unit of each column, or null when it is not one. */
function unitsOf(row: readonly unknown[]): Map<number, HeaderUnit> | null {
  const units = new Map<number, HeaderUnit>();
  let money = false;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (isEmpty(cell)) continue;
    if (typeof cell !== "string") return null;
    const word = toHalfWidth(cell)
      .replace(/[\s()（）[\]【】]/g, "")
      .replace(/^单位[:：]?/, "")
      .toLowerCase();
    const unit = UNIT_WORDS[word];
    if (unit === undefined) return null;
    if (unit !== "other") {
      units.set(c, unit);
      money = true;
    }
  }
  return money ? units : null;
}

/** A row of column numbers under the header (1, 2, 3 … or 甲, 乙, 1, 2 …), printed on many bureau forms. */
function isNumberingRow(row: readonly unknown[]): boolean {
  let filled = 0;
  let ordinal = 0;
  let last = 0;
  for (const cell of row) {
    if (isEmpty(cell)) continue;
    filled++;
    const n = typeof cell === "number" ? cell : typeof cell === "string" && /^\d{1,2}$/.test(cell.trim()) ? Number(cell) : NaN;
    if (Number.isInteger(n) && n === last + 1) {
      ordinal++;
      last = n;
    } else if (typeof cell === "string" && /^[甲乙丙丁戊己庚辛]$/.test(cell.trim())) ordinal++;
  }
  return filled >= 3 && ordinal === filled;
}

/** 合计 and its kin, as written after half-width and without spaces: `合计`, `小计:`, `合计(万元)`, `本页合计【元】`. */
const TOTAL = /^(本页)?(合计|总计|累计|小计|总合计)(\([^)]*\)|\[[^\]]*\]|【[^】]*】)?:?$/;
/** What a unified social credit code looks like as written, 18 of 0-9 A-Z (its check digit is checked later). */
function hasCodeShape(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return false;
  }
  return true;
}
const FOOTER =
  /^(填表人|填报人|制表人|制表|审核人|审核|复核人|负责人|单位负责人|联系人|联系电话|电话|填报日期|填表日期|制表日期|日期|单位[（(]?盖章[）)]?|盖章|注|备注|说明)([:：]|$|\s)/;

/** What a non-applicant row is, from its first few cells: a total, a footer line, or a single line of text. */
function classify(row: readonly unknown[]): { kind: "total" | "footer" | "text"; column: number; text: string; part: boolean } | null {
  let filled = 0;
  let first: { column: number; text: string } | null = null;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (isEmpty(cell)) continue;
    filled++;
    if (first === null) first = { column: c, text: typeof cell === "string" ? cell.trim() : cellText(cell) };
    if (typeof cell === "string" && c < 6) {
      const compact = toHalfWidth(cell).replace(/\s+/g, "");
      const total = TOTAL.exec(compact);
      if (total) return { kind: "total", column: c, text: cell.trim(), part: compact.includes("小计") || compact.startsWith("本页") };
      if (FOOTER.test(compact)) return { kind: "footer", column: c, text: cell.trim(), part: false };
    }
  }
  if (filled === 1 && first && typeof row[first.column] === "string" && !checkUscc(first.text).valid) {
    return { kind: "text", column: first.column, text: first.text, part: false };
  }
  return null;
}

/**
 * A row of a pre-numbered form left blank: numbers (its 序号) outside the columns read, nothing in them. Not an
 * application; listed as skipped.
 */
function serialOnly(
  row: readonly unknown[],
  readColumns: ReadonlySet<number>,
): { kind: "serialOnly"; column: number; text: string; part: boolean } | null {
  let first = -1;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (isEmpty(cell)) continue;
    if (readColumns.has(c) || typeof cell !== "number") return null;
    if (first < 0) first = c;
  }
  return first < 0 ? null : { kind: "serialOnly", column: first, text: cellText(row[first]), part: false };
}

const ENTITY_HEADERS = new Set([
  "统一社会信用代码",
  "社会信用代码",
  "信用代码",
  "统一代码",
  "uscc",
  "creditcode",
  "unifiedsocialcreditcode",
  "entityid",
]);

/** A cheap test before a full header mapping: the row has a credit-code header among its cells. */
function mayBeHeader(row: readonly unknown[]): boolean {
  for (const cell of row) {
    if (typeof cell !== "string" || cell.length > 24) continue;
    if (ENTITY_HEADERS.has(normaliseHeader(cell).key)) return true;
  }
  return false;
}

/**
 * Every applicant table of a sheet, top to bottom. The first header row is looked for in the first 100 rows
 * (or is the row a person chose); a later row that maps the required fields starts a new table, or, when it is
 * the same header again (printed on every page), is skipped.
 */
export function layOut(
  values: readonly (readonly unknown[])[],
  sheetMeasure: string | null,
  choice?: { headerIndex?: number; columns?: Partial<Record<FieldKey, number | null>> },
): LaidOutTable[] {
  const tables: LaidOutTable[] = [];
  let first: HeaderFound | null = null;
  if (choice?.headerIndex !== undefined) first = headerAt(values, choice.headerIndex, sheetMeasure, choice.columns);
  else {
    for (let r = 0; r < Math.min(values.length, HEADER_SEARCH_ROWS); r++) {
      const found = headerAt(values, r, sheetMeasure);
      if (!found) continue;
      // A header whose next row maps more fields is the upper half of a two-row header: take the fuller one.
      const next = r + 1 < values.length ? headerAt(values, r + 1, sheetMeasure) : null;
      if (choice?.columns) {
        const chosen = next && next.columns.size > found.columns.size ? r + 1 : r;
        first = headerAt(values, chosen, sheetMeasure, choice.columns);
        break;
      }
      first = next && next.columns.size > found.columns.size ? next : found;
      break;
    }
  }
  let header = first;
  while (header) {
    const table = tableFrom(values, header, sheetMeasure);
    tables.push(table.table);
    header = table.next;
  }
  return tables;
}

/**
 * A table under its header: its columns, and the units row and the row of column numbers under the header, if
 * any; with the index of the row after them.
 */
function startTable(values: readonly (readonly unknown[])[], header: HeaderFound): { table: LaidOutTable; firstRow: number } {
  const columns = new Map([...header.columns].map(([field, column]) => [field, { ...column }]));
  const table: LaidOutTable = {
    headerIndex: header.rows === 2 ? header.index - 1 : header.index,
    headerRows: header.rows,
    unitsIndex: null,
    columns,
    duplicates: header.duplicates,
    ignored: header.ignored,
    headers: header.headers,
    dataRows: [],
    skipped: [],
    totals: [],
    endIndex: header.index,
  };
  let r = header.index + 1;
  const units = r < values.length ? unitsOf(values[r] ?? []) : null;
  if (units) {
    for (const column of columns.values()) {
      const unit = units.get(column.index);
      if (unit && column.unit === null) column.unit = unit;
    }
    table.unitsIndex = r;
    table.skipped.push({ index: r, kind: "units", column: 0, text: "" });
    r++;
  }
  if (r < values.length && isNumberingRow(values[r] ?? [])) {
    table.skipped.push({ index: r, kind: "numbering", column: 0, text: "" });
    r++;
  }
  return { table, firstRow: r };
}

function tableFrom(
  values: readonly (readonly unknown[])[],
  header: HeaderFound,
  sheetMeasure: string | null,
): { table: LaidOutTable; next: HeaderFound | null } {
  const { table, firstRow } = startTable(values, header);
  const columns = table.columns;
  let r = firstRow;
  let partFrom = table.dataRows.length;
  const entityColumn = columns.get("entityId")?.index;
  const readColumns = new Set([...columns.values()].map((c) => c.index));
  for (; r < values.length; r++) {
    const row = values[r] ?? [];
    // A credit code where the table has its codes: an applicant (a header, total, footer or title has none).
    const code = entityColumn === undefined ? undefined : row[entityColumn];
    if (typeof code === "string" && code.length === 18 && hasCodeShape(code)) {
      table.endIndex = r;
      table.dataRows.push(r);
      continue;
    }
    let filled = false;
    for (const cell of row) {
      if (!isEmpty(cell)) {
        filled = true;
        break;
      }
    }
    if (!filled) continue;
    table.endIndex = r;
    if (mayBeHeader(row)) {
      const again = headerAt(values, r, sheetMeasure);
      if (again) {
        if (sameColumns(again.columns, header.columns)) {
          // The header printed again on the next page: the same table goes on.
          table.skipped.push({ index: r, kind: "header", column: 0, text: cellText(row.find((c) => !isEmpty(c))).trim() });
          continue;
        }
        table.endIndex = r - 1;
        // The upper half of a new two-row header was taken for a line of text of this table: it is the new table's.
        if (again.rows === 2 && table.skipped[table.skipped.length - 1]?.index === r - 1) table.skipped.pop();
        return { table, next: again };
      }
    }
    const what = classify(row) ?? serialOnly(row, readColumns);
    if (what) {
      table.skipped.push({ index: r, kind: what.kind, column: what.column, text: what.text });
      if (what.kind === "total") {
        table.totals.push({
          index: r,
          kind: what.part ? "part" : "all",
          from: what.part ? partFrom : 0,
          column: what.column,
          text: what.text,
        });
        if (what.part) partFrom = table.dataRows.length;
      }
      continue;
    }
    table.dataRows.push(r);
  }
  return { table, next: null };
}

const sameColumns = (a: Map<FieldKey, MappedColumn>, b: Map<FieldKey, MappedColumn>) =>
  a.size === b.size && [...a].every(([field, column]) => b.get(field)?.index === column.index);

/** Fields every row needs that the mapping lacks (the measure may come from the sheet's name). */
export function missingRequired(columns: Map<FieldKey, unknown>, sheetMeasure: string | null): FieldKey[] {
  return REQUIRED_FIELDS.filter((f) => !columns.has(f) && !(f === "measure" && sheetMeasure !== null));
}

/**
 * A header row in the first 100 rows that maps some fields but not the required ones: a person should be told
 * which column to check rather than get "no applicant table".
 */
export function nearMissHeader(
  values: readonly (readonly unknown[])[],
  sheetMeasure: string | null,
): { index: number; mapping: HeaderMapping; missing: FieldKey[] } | null {
  let best: { index: number; mapping: HeaderMapping; missing: FieldKey[] } | null = null;
  for (let r = 0; r < Math.min(values.length, HEADER_SEARCH_ROWS); r++) {
    const mapping = mapHeader(headerTexts(values, r, false));
    const required = REQUIRED_FIELDS.filter((f) => mapping.columns.has(f)).length;
    if (required === 0 || mapping.columns.size < 2) continue;
    if (!best || mapping.columns.size > best.mapping.columns.size)
      best = { index: r, mapping, missing: missingRequired(mapping.columns, sheetMeasure) };
  }
  return best;
}
