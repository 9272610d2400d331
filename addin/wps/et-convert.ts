/**
 * What differs between Office.js values and ET's, converted in one place: colours ("#RRGGBB" ↔ BGR integers),
 * alignments and other enums (names ↔ VBA constants), column widths (points ↔ characters), addresses from
 * 0-based indexes, cell values (Value2's scalars, empties and error codes ↔ Office's rows of values).
 * The ET enums of wps-jsapi are ambient (`declare namespace Et { enum … }`: no object at run time), so their
 * values are written out here.
 */
import { columnLetters } from "../../core";

/** VBA constants used (XlHAlign/XlVAlign, XlBordersIndex, XlLineStyle, XlPageOrientation, XlPaperSize, …). */
export const XL = {
  left: -4131,
  center: -4108,
  right: -4152,
  top: -4160,
  bottom: -4107,
  justify: -4130,
  general: 1,
  continuous: 1,
  landscape: 2,
  portrait: 1,
  paperA4: 9,
  calculationManual: -4135,
  expression: 2,
  conditionValueNumber: 0,
  conditionValueHighestValue: 2,
  conditionValueLowestValue: 1,
  columnClustered: 51,
  barClustered: 57,
  columns: 2,
  category: 1,
  value: 2,
  legendTop: -4160,
  axisCrossesMaximum: 2,
} as const;

/** Office's alignment names → XlHAlign / XlVAlign. */
const ALIGNMENTS: Record<string, number> = {
  General: XL.general,
  Left: XL.left,
  Center: XL.center,
  Right: XL.right,
  Justify: XL.justify,
  Top: XL.top,
  Bottom: XL.bottom,
};

export function alignment(name: unknown): number {
  const value = ALIGNMENTS[String(name)];
  if (value === undefined) throw Object.assign(new Error(`no ET alignment for ${String(name)}`), { code: "InvalidArgument" });
  return value;
}

/** Office's border edges → XlBordersIndex. */
export const BORDER_INDEX: Record<string, number> = {
  EdgeLeft: 7,
  EdgeTop: 8,
  EdgeBottom: 9,
  EdgeRight: 10,
  InsideVertical: 11,
  InsideHorizontal: 12,
};

/** "#RRGGBB" → the BGR integer VBA's Color takes (R + G·256 + B·65536). */
export function bgr(color: unknown): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(String(color));
  if (!m) throw Object.assign(new Error(`not a colour: ${String(color)}`), { code: "InvalidArgument" });
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16));
  return r + g * 256 + b * 65_536;
}

/** A BGR integer → "#RRGGBB". */
export function rgbText(value: number): string {
  const hex = (n: number) => n.toString(16).padStart(2, "0").toUpperCase();
  return `#${hex(value & 255)}${hex((value >> 8) & 255)}${hex((value >> 16) & 255)}`;
}

/**
 * Office's columnWidth is points; ET's ColumnWidth is characters of the default font. Excel's own rule (7 pixels a
 * character and 5 of padding at 96 dpi) both ways, so `columnPoints(w)` comes back as `w` characters.
 */
export const charactersOf = (points: number) => Math.max(0, Math.round(((points / 0.75 - 5) / 7) * 100) / 100);

/** An A1 address from Office's 0-based indexes (getRangeByIndexes). */
export const addressOf = (row: number, column: number, rows: number, columns: number) =>
  `${columnLetters(column + 1)}${row + 1}:${columnLetters(column + columns)}${row + rows}`;

/**
 * ET's Value2 of an error cell is VBA's CVErr — a VT_ERROR whose SCODE is 0x800A0000 + the xlErr number (as a
 * signed integer); Office's values give the error's text. Only these SCODEs are read as errors: a number a
 * person typed never is one.
 */
const ERRORS: Record<number, string> = {
  2000: "#NULL!",
  2007: "#DIV/0!",
  2015: "#VALUE!",
  2023: "#REF!",
  2029: "#NAME?",
  2036: "#NUM!",
  2042: "#N/A",
  2043: "#GETTING_DATA",
  2045: "#SPILL!",
  2047: "#BLOCKED!",
  2050: "#CALC!",
};
const SCODE_BASE = -2146828288; // 0x800A0000 as a signed 32-bit integer

export const errorSCode = (text: string) => {
  const entry = Object.entries(ERRORS).find(([, t]) => t === text);
  if (!entry) throw new Error(`no such error ${text}`);
  return SCODE_BASE + Number(entry[0]);
};

/** One cell of Value2 as Office's values give it: "" for empty, an error's text, else the value. */
export function officeCell(value: unknown): string | number | boolean {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    const error = Number.isInteger(value) && value < 0 ? ERRORS[value - SCODE_BASE] : undefined;
    return error ?? value;
  }
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.getTime() / 86_400_000 + 25_569;
  return String(value);
}

/** Value2 of a `rows`×`columns` range as Office's rows of values (Value2 is a scalar for one cell). */
export function officeValues(value2: unknown, rows: number, columns: number): (string | number | boolean)[][] {
  if (rows === 1 && columns === 1 && !Array.isArray(value2)) return [[officeCell(value2)]];
  const grid = Array.isArray(value2) ? (value2 as unknown[]) : [];
  return Array.from({ length: rows }, (_, r) => {
    const row = grid[r];
    const cells = Array.isArray(row) ? row : [row];
    return Array.from({ length: columns }, (_, c) => officeCell(cells[c]));
  });
}

/** The Excel enums the Excel gateway code reads at run time (Excel.ChartType.columnClustered…): WPS has no `Excel`. */
export const EXCEL_ENUMS = {
  ConditionalFormatType: { cellValue: "CellValue", custom: "Custom", dataBar: "DataBar" },
  ConditionalFormatRuleType: { number: "Number", highestValue: "HighestValue", lowestValue: "LowestValue" },
  HorizontalAlignment: { general: "General", left: "Left", center: "Center", right: "Right", justify: "Justify" },
  VerticalAlignment: { top: "Top", center: "Center", bottom: "Bottom", justify: "Justify" },
  ChartLegendPosition: { top: "Top", bottom: "Bottom", left: "Left", right: "Right" },
  PageOrientation: { landscape: "Landscape", portrait: "Portrait" },
  PaperType: { a4: "A4" },
  ChartType: { columnClustered: "ColumnClustered", barClustered: "BarClustered" },
  ChartAxisPosition: { automatic: "Automatic", maximum: "Maximum", minimum: "Minimum" },
  ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
};

/** Makes `Excel.*` enums exist where there is no Office (WPS): only what is missing is added. */
export function installExcelEnums(scope: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): void {
  const excel = (scope.Excel ??= {}) as Record<string, unknown>;
  for (const [name, values] of Object.entries(EXCEL_ENUMS)) excel[name] ??= values;
}

/** General as a Chinese WPS (and Excel) may name it in NumberFormat: read as Office's "General". */
const GENERAL = new Set(["General", "G/通用格式", "G/General"]);
export const officeFormat = (format: string) => (GENERAL.has(format) ? "General" : format);

/** One area of an A1 address (`B5:C9`, `A1`, `G:J`) as 0-based indexes; a whole column runs to row 1,048,576. */
export function parseAddress(address: string): { row: number; column: number; rows: number; columns: number } {
  const cell = (text: string) => {
    const m = /^\$?([A-Z]+)\$?(\d+)?$/.exec(text);
    if (!m) throw Object.assign(new Error(`not an address: ${address}`), { code: "InvalidArgument" });
    const column = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return { row: m[2] ? Number(m[2]) - 1 : -1, column };
  };
  const [from, to = from] = address.split("!").pop()!.split(":");
  const a = cell(from);
  const b = cell(to);
  return {
    row: Math.max(a.row, 0),
    column: a.column,
    rows: a.row < 0 ? 1_048_576 : b.row - a.row + 1,
    columns: b.column - a.column + 1,
  };
}
