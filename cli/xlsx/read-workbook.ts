/**
 * Reads an .xlsx package's cells with a streaming XML parser (saxes), as Office.js `range.values` would give
 * them: numbers, text, booleans, error values as text (`#N/A`), date serials as numbers. Only the cells
 * present are kept (a row is as long as its last cell, a missing row is one shared empty row), so memory
 * grows with the cells, not with rows × the widest column. Number formats are kept where they are not
 * General, for the percentage and date rules of SCREENING.md.
 */
import { SaxesParser, SaxesTagPlain } from "saxes";
import { OpenPackage, UnreadablePackageError, normalisePartName } from "./package-reader";
import { CellStore, TextIndex, rowsView } from "./cell-store";
import { decodedText } from "./xml-text";

/** A formula whose result was never saved (a file written by a program that does not calculate). */
export interface UncalculatedFormula {
  uncalculated: string;
}

export type CellRead = string | number | boolean | null | UncalculatedFormula;

export interface SheetRead {
  name: string;
  /** The worksheet part, e.g. `xl/worksheets/sheet1.xml`. */
  part: string;
  relationshipId: string;
  /** Position among the workbook's sheets (0-based), as `localSheetId` counts. */
  position: number;
  values: CellRead[][];
  /** Number formats of the cells that have one other than General (same shape as values, sparse). */
  numberFormats: (string | undefined)[][];
  /** Merged ranges, e.g. `A1:H1`. */
  merges: string[];
}

export interface WorkbookSheetEntry {
  name: string;
  sheetId: number;
  relationshipId: string;
  /** The target part, or null for a sheet that is not a worksheet (a chart sheet, a macro sheet). */
  part: string | null;
  state: string | null;
}

export interface DefinedName {
  name: string;
  localSheetId: number | null;
  formula: string;
}

export interface WorkbookStructure {
  sheets: WorkbookSheetEntry[];
  definedNames: DefinedName[];
  /** The 1904 date system (Excel for Mac before 2011). */
  date1904: boolean;
  workbookPart: string;
  workbookRelsPart: string;
  stylesPart: string | null;
  sharedStringsPart: string | null;
}

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

/** Feeds a part through saxes, calling the handlers with local (unprefixed) tag names. */
export async function parsePart(
  pkg: OpenPackage,
  part: string,
  handlers: { open?: (tag: SaxesTagPlain, name: string) => void; close?: (name: string) => void; text?: (text: string) => void },
): Promise<void> {
  const parser = new SaxesParser({ position: false });
  let failure: Error | null = null;
  parser.on("error", (error) => {
    failure ??= error;
  });
  if (handlers.open) parser.on("opentag", (tag) => handlers.open!(tag as SaxesTagPlain, localName(tag.name)));
  if (handlers.close) parser.on("closetag", (tag) => handlers.close!(localName(tag.name)));
  if (handlers.text) {
    parser.on("text", handlers.text);
    parser.on("cdata", handlers.text);
  }
  const stream = await pkg.stream(part);
  try {
    for await (const text of decodedText(stream, part)) {
      parser.write(text);
      if (failure) break;
    }
    if (!failure) parser.close();
  } catch (error) {
    if (error instanceof UnreadablePackageError) throw error;
    throw new UnreadablePackageError(`${part} cannot be read (${(error as Error).message.split("\n")[0]})`, `${part} 无法读取`);
  } finally {
    stream.destroy();
  }
  if (failure)
    throw new UnreadablePackageError(
      `${part} is not well-formed XML (${(failure as Error).message.split("\n")[0]})`,
      `${part} 已损坏（格式有误）`,
    );
}

/** Relationships of a part: id → { target part (resolved against the source), type }. */
export async function readRelationships(
  pkg: OpenPackage,
  relsPart: string,
  sourcePart: string,
): Promise<Map<string, { target: string; type: string; external: boolean }>> {
  const rels = new Map<string, { target: string; type: string; external: boolean }>();
  if (!pkg.parts.has(normalisePartName(relsPart))) return rels;
  await parsePart(pkg, relsPart, {
    open: (tag, name) => {
      if (name !== "Relationship") return;
      const external = tag.attributes.TargetMode === "External";
      const target = String(tag.attributes.Target ?? "");
      rels.set(String(tag.attributes.Id), {
        target: external ? target : resolvePart(sourcePart, target),
        type: String(tag.attributes.Type ?? ""),
        external,
      });
    },
  });
  return rels;
}

/** `xl/workbook.xml` + `worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`; `/xl/…` is absolute. */
export function resolvePart(source: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const base = source.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "..") base.pop();
    else if (piece !== "." && piece !== "") base.push(piece);
  }
  return base.join("/");
}

export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

const OFFICE_DOCUMENT = /\/officeDocument$/;

/** The workbook part, its sheets (with their parts), defined names and the date system. */
export async function readStructure(pkg: OpenPackage): Promise<WorkbookStructure> {
  if (!pkg.parts.has("[content_types].xml"))
    throw new UnreadablePackageError(
      "not an .xlsx workbook ([Content_Types].xml is missing)",
      "不是 Excel 工作簿（缺少 [Content_Types].xml）",
    );
  const root = await readRelationships(pkg, "_rels/.rels", "");
  const main = [...root.values()].find((r) => OFFICE_DOCUMENT.test(r.type) && !r.external);
  if (!main) throw new UnreadablePackageError("not an .xlsx workbook (no workbook part)", "不是 Excel 工作簿（没有工作簿部件）");
  const workbookPart = main.target;
  if (!pkg.parts.has(normalisePartName(workbookPart)))
    throw new UnreadablePackageError(`the workbook part ${workbookPart} is missing`, `缺少工作簿部件 ${workbookPart}`);
  const workbookRelsPart = relsPartOf(workbookPart);
  const rels = await readRelationships(pkg, workbookRelsPart, workbookPart);
  const structure: WorkbookStructure = {
    sheets: [],
    definedNames: [],
    date1904: false,
    workbookPart,
    workbookRelsPart,
    stylesPart: [...rels.values()].find((r) => r.type.endsWith("/styles"))?.target ?? null,
    sharedStringsPart: [...rels.values()].find((r) => r.type.endsWith("/sharedStrings"))?.target ?? null,
  };
  let name: DefinedName | null = null;
  await parsePart(pkg, workbookPart, {
    open: (tag, local) => {
      const a = tag.attributes;
      if (local === "workbookPr") structure.date1904 = a.date1904 === "1" || a.date1904 === "true";
      else if (local === "sheet") {
        const id = String(Object.entries(a).find(([k]) => localName(k) === "id" && k.includes(":"))?.[1] ?? "");
        const rel = rels.get(id);
        const isWorksheet =
          rel !== undefined && !rel.external && rel.type.endsWith("/worksheet") && pkg.parts.has(normalisePartName(rel.target));
        structure.sheets.push({
          name: String(a.name ?? ""),
          sheetId: Number(a.sheetId ?? 0),
          relationshipId: id,
          part: isWorksheet ? rel.target : null,
          state: a.state ? String(a.state) : null,
        });
      } else if (local === "definedName") {
        name = { name: String(a.name ?? ""), localSheetId: a.localSheetId === undefined ? null : Number(a.localSheetId), formula: "" };
      }
    },
    text: (text) => {
      if (name) name.formula += text;
    },
    close: (local) => {
      if (local === "definedName" && name) {
        structure.definedNames.push(name);
        name = null;
      }
    },
  });
  return structure;
}

export async function readSharedStrings(pkg: OpenPackage, part: string | null): Promise<string[]> {
  const strings: string[] = [];
  if (!part || !pkg.parts.has(normalisePartName(part))) return strings;
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  await parsePart(pkg, part, {
    open: (_tag, name) => {
      if (name === "si") current = "";
      else if (name === "rPh") phonetic++;
      else if (name === "t" && phonetic === 0) inText = true;
    },
    text: (text) => {
      if (inText && current !== null) current += text;
    },
    close: (name) => {
      if (name === "t") inText = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si") {
        strings.push(decodeEscapes(current ?? ""));
        current = null;
      }
    },
  });
  return strings;
}

/** Built-in number formats that matter here (ECMA-376 18.8.30): dates and percentages. */
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  9: "0%",
  10: "0.00%",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  22: "m/d/yy h:mm",
  27: 'yyyy"年"m"月"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** The number format of each cell style (cellXfs index → format code), General left out. */
export async function readCellFormats(pkg: OpenPackage, part: string | null): Promise<(string | undefined)[]> {
  const formats: (string | undefined)[] = [];
  if (!part || !pkg.parts.has(normalisePartName(part))) return formats;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  await parsePart(pkg, part, {
    open: (tag, name) => {
      if (name === "numFmt") custom.set(Number(tag.attributes.numFmtId), String(tag.attributes.formatCode ?? ""));
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) {
        const id = Number(tag.attributes.numFmtId ?? 0);
        formats.push(id === 0 ? undefined : (custom.get(id) ?? BUILT_IN_FORMATS[id] ?? `#builtin:${id}`));
      }
    },
    close: (name) => {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return formats;
}

/** `_x000D_` and friends (ST_Xstring escapes) back to the characters they stand for; `_x005F_` is a literal `_`. */
export function decodeEscapes(text: string): string {
  return text.includes("_x") ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** `AB12` → [11 (0-based row), 27 (0-based column)]. */
export function cellIndex(reference: string): [row: number, column: number] {
  let column = 0;
  let i = 0;
  for (; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return [Number(reference.slice(i)) - 1, column - 1];
}

const EXCEL_MAX_ROWS = 1_048_576;
const EXCEL_MAX_COLUMNS = 16_384;

/**
 * Reads one worksheet's cells into a compact store (cell-store.ts), given as rows. Shared-string indices out of
 * range make the package unusable (it is damaged). `t="d"` cells (ISO 8601 text) become serials of the
 * workbook's own date system (`date1904`).
 */
export async function readSheet(
  pkg: OpenPackage,
  entry: WorkbookSheetEntry & { part: string },
  position: number,
  strings: readonly string[],
  cellFormats: readonly (string | undefined)[],
  date1904 = false,
): Promise<SheetRead> {
  const store = new CellStore(new TextIndex());
  const merges: string[] = [];
  let rowIndex = -1;
  let column = -1;
  let type = "n";
  let style = 0;
  let reference = "";
  let value: string | null = null;
  let formula: string | null = null;
  let inline = "";
  let reading: "v" | "f" | "t" | null = null;
  let inInline = false;
  let phonetic = 0;
  let nextColumn = 0;
  let damaged: string | null = null;

  await parsePart(pkg, entry.part, {
    open: (tag, name) => {
      const a = tag.attributes;
      switch (name) {
        case "row": {
          const r = a.r === undefined ? rowIndex + 1 : Number(a.r) - 1;
          if (!(r > rowIndex) || r >= EXCEL_MAX_ROWS) damaged ??= `row ${a.r ?? "?"} is out of order or beyond Excel's 1,048,576 rows`;
          rowIndex = Math.max(r, rowIndex + 1);
          if (!damaged) store.startRow(rowIndex);
          nextColumn = 0;
          break;
        }
        case "c": {
          reference = String(a.r ?? "");
          const [, c] = reference ? cellIndex(reference) : [0, nextColumn];
          column = c;
          if (column < 0 || column >= EXCEL_MAX_COLUMNS) damaged ??= `cell ${reference} is beyond Excel's 16,384 columns`;
          nextColumn = column + 1;
          type = String(a.t ?? "n");
          style = Number(a.s ?? 0);
          value = null;
          formula = null;
          inline = "";
          break;
        }
        case "v":
          reading = "v";
          value = "";
          break;
        case "f":
          reading = "f";
          formula = "";
          break;
        case "is":
          inInline = true;
          break;
        case "rPh":
          phonetic++;
          break;
        case "t":
          if (inInline && phonetic === 0) reading = "t";
          break;
        case "mergeCell":
          if (a.ref) merges.push(String(a.ref));
          break;
      }
    },
    text: (text) => {
      if (reading === "v") value += text;
      else if (reading === "f") formula += text;
      else if (reading === "t") inline += text;
    },
    close: (name) => {
      switch (name) {
        case "v":
        case "f":
        case "t":
          reading = null;
          break;
        case "is":
          inInline = false;
          break;
        case "rPh":
          phonetic--;
          break;
        case "c": {
          if (rowIndex < 0) store.startRow((rowIndex = 0));
          let cell: CellRead = null;
          if (type === "inlineStr") cell = decodeEscapes(inline);
          else if (value === null || value === "") cell = formula ? { uncalculated: `=${formula}` } : null;
          else if (type === "s") {
            const index = Number(value);
            if (!Number.isInteger(index) || index < 0 || index >= strings.length) {
              damaged ??= `cell ${reference} refers to shared string ${value}, but the workbook has ${strings.length}`;
            } else cell = strings[index];
          } else if (type === "str") cell = decodeEscapes(value);
          else if (type === "b") cell = value === "1" || value === "true";
          else if (type === "e") cell = value;
          else if (type === "d") cell = isoToSerial(value, date1904);
          else {
            const number = Number(value);
            cell = Number.isFinite(number) ? number : value;
          }
          if (!damaged) store.addCell(column, cell, style ? cellFormats[style] : undefined);
          break;
        }
      }
    },
  });
  if (damaged)
    throw new UnreadablePackageError(
      `the sheet ${JSON.stringify(entry.name)} is damaged: ${damaged}`,
      `工作表 ${JSON.stringify(entry.name)} 已损坏`,
    );
  const values = rowsView(store.rowCount, (r) => store.row(r) as CellRead[]);
  const numberFormats = rowsView(store.rowCount, (r) => store.rowFormats(r));
  return { name: entry.name, part: entry.part, relationshipId: entry.relationshipId, position, values, numberFormats, merges };
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;
const ISO_TIME = /^T?(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/;
/** 1904-01-01, serial 0 of the 1904 date system, is serial 1,462 of the 1900 one (its phantom 1900-02-29 counted). */
const DAYS_1900_TO_1904 = 1_462;

/**
 * A `t="d"` cell's ISO 8601 text (`2025-06-01`, `2025-06-01T09:30:00`, a time alone) → the serial of the
 * workbook's own date system, as Office.js would give it: the wall-clock date and time it says (an offset or
 * `Z` does not move it). Text that is no date of that system stays text, for the rules to name.
 */
export function isoToSerial(text: string, date1904: boolean): number | string {
  const time = ISO_TIME.exec(text.trim());
  if (time) return dayFraction(time[1], time[2], time[3]);
  const match = ISO_DATE_TIME.exec(text.trim());
  if (!match) return text;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const civil = new Date(Date.UTC(2000, month - 1, day));
  civil.setUTCFullYear(year);
  if (civil.getUTCMonth() !== month - 1 || civil.getUTCDate() !== day) return text;
  const fraction = match[4] === undefined ? 0 : dayFraction(match[4], match[5], match[6]);
  const serial = civil.getTime() / 86_400_000 + 25_569;
  if (date1904) return serial < DAYS_1900_TO_1904 ? text : serial - DAYS_1900_TO_1904 + fraction;
  // 1900 system: before 1900-03-01 a plain count is one ahead of Excel's (its phantom 1900-02-29 is serial 60).
  const excel = serial < 61 ? serial - 1 : serial;
  return excel < 0 ? text : excel + fraction;
}

const dayFraction = (hours: string, minutes: string, seconds: string | undefined) =>
  (Number(hours) * 3_600 + Number(minutes) * 60 + Number(seconds ?? 0)) / 86_400;
