/**
 * The ranges, formats and charts of the in-memory WPS 表格 (fake-et.ts): ET's Range as VBA has it — 1-based rows
 * and columns, Value2 a scalar for one cell and rows of cells for more (empty cells undefined, errors as their
 * CVErr SCODE), NumberFormat null where the cells differ, colours BGR integers, ColumnWidth in characters.
 * Every change is logged on the workbook (`sheet: what`) and kept on the sheet for tests to read back.
 */
/// <reference types="wps-jsapi" />
import type {
  EtAxisModel,
  EtBorderModel,
  EtChartModel,
  EtChartObjectModel,
  EtDatabarModel,
  EtFormatConditionModel,
  EtRangeModel,
  EtSeriesModel,
  EtWorksheetModel,
} from "../../addin/wps/et-model";
import type { FakeEtSheet } from "./fake-et";

/** A cell as ET holds it: undefined when empty. An error cell is a FakeEtError. */
export type EtCell = string | number | boolean | undefined | FakeEtError;

/** CVErr values as ET's Value2 hands them over: the SCODE 0x800A0000 + xlErr number, signed (VBA docs' xlErr table). */
const SCODES: Record<string, number> = {
  "#NULL!": -2146826288,
  "#DIV/0!": -2146826281,
  "#VALUE!": -2146826273,
  "#REF!": -2146826265,
  "#NAME?": -2146826259,
  "#NUM!": -2146826252,
  "#N/A": -2146826246,
};

export class FakeEtError {
  constructor(readonly text: keyof typeof SCODES) {}
  get scode(): number {
    return SCODES[this.text];
  }
}

export interface Area {
  /** 1-based. */
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export const letters = (column: number) => {
  let name = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
};
export const areaText = (a: Area) =>
  a.rows === 1 && a.columns === 1
    ? `${letters(a.column)}${a.row}`
    : `${letters(a.column)}${a.row}:${letters(a.column + a.columns - 1)}${a.row + a.rows - 1}`;

/** `A1`, `B2:C9`, `G:J`, `$7:$7`, `Sheet!A1` → 1-based areas; a comma separates areas. */
export function parseAreas(address: string): Area[] {
  return address.split(",").map((part) => {
    const [from, to = from] = part.split("!").pop()!.replace(/\$/g, "").split(":");
    const cell = (text: string) => {
      const m = /^([A-Z]*)(\d*)$/.exec(text.trim());
      if (!m || (!m[1] && !m[2])) throw new Error(`WPS: 无效的引用 ${address}`);
      return {
        column: m[1] ? [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) : 0,
        row: m[2] ? Number(m[2]) : 0,
      };
    };
    const a = cell(from);
    const b = cell(to);
    return {
      row: a.row || 1,
      column: a.column || 1,
      rows: a.row ? b.row - a.row + 1 : 1_048_576,
      columns: a.column ? b.column - a.column + 1 : 16_384,
    };
  });
}

/** Points of a column `characters` wide (Excel's rule: 7 pixels a character, 5 of padding, at 96 dpi). */
const columnPoints = (characters: number) => (characters * 7 + 5) * 0.75;
export const DEFAULT_COLUMN_WIDTH = 8.43;
export const DEFAULT_ROW_HEIGHT = 13.5;

/** Records property sets as `Part.Property address` on the sheet (Font, Interior, a border edge). */
function recorder<T extends object>(sheet: FakeEtSheet, part: string, address: string): T {
  return new Proxy({} as T, {
    get: (_t, key) => sheet.styles.get(`${part}.${String(key)} ${address}`),
    set: (_t, key, value) => {
      sheet.log(`${part}.${String(key)} ${address}`);
      sheet.styles.set(`${part}.${String(key)} ${address}`, value);
      return true;
    },
  });
}

export class FakeEtRange implements EtRangeModel {
  readonly areas: Area[];
  constructor(
    readonly sheet: FakeEtSheet,
    address: string,
  ) {
    this.areas = parseAreas(address);
  }
  private get area(): Area {
    return this.areas[0];
  }
  get text(): string {
    return this.areas.map(areaText).join(",");
  }
  get Worksheet(): EtWorksheetModel {
    return this.sheet;
  }
  get Row(): number {
    return this.area.row;
  }
  get Column(): number {
    return this.area.column;
  }
  get Rows() {
    return { Count: this.area.rows, AutoFit: () => this.sheet.styles.set(`AutoFit ${this.text}`, true) };
  }
  get Columns() {
    return { Count: this.area.columns };
  }
  Address(RowAbsolute = true, ColumnAbsolute = true): string {
    const abs = (on: boolean) => (on ? "$" : "");
    const cell = (row: number, column: number) => `${abs(ColumnAbsolute)}${letters(column)}${abs(RowAbsolute)}${row}`;
    const a = this.area;
    const first = cell(a.row, a.column);
    return a.rows === 1 && a.columns === 1 ? first : `${first}:${cell(a.row + a.rows - 1, a.column + a.columns - 1)}`;
  }
  private cells<T>(each: (row: number, column: number) => T): T[][] {
    const a = this.area;
    return Array.from({ length: a.rows }, (_, r) => Array.from({ length: a.columns }, (_, c) => each(a.row + r, a.column + c)));
  }
  /** One cell: a scalar; more: rows of cells. Errors come as their SCODE, empty cells as undefined. */
  get Value2(): unknown {
    const value = (row: number, column: number) => {
      const cell = this.sheet.cell(row, column);
      return cell instanceof FakeEtError ? cell.scode : cell;
    };
    return this.area.rows === 1 && this.area.columns === 1 ? value(this.area.row, this.area.column) : this.cells(value);
  }
  /** A scalar fills every cell; rows of cells go from the top left (as typed: ' keeps text, = makes a formula). */
  set Value2(value: unknown) {
    this.sheet.log(`Value2 ${this.text}`);
    const a = this.area;
    const grid = Array.isArray(value) ? (value as unknown[][]) : null;
    for (let r = 0; r < a.rows; r++)
      for (let c = 0; c < a.columns; c++) {
        const v = grid ? (Array.isArray(grid[r]) ? grid[r][c] : grid[r]) : value;
        this.sheet.type(a.row + r, a.column + c, v as EtCell);
      }
  }
  /** The cells' format when they share one, null when they differ. */
  get NumberFormat(): unknown {
    const formats = new Set(this.cells((row, column) => this.sheet.numberFormat(row, column)).flat());
    return formats.size === 1 ? [...formats][0] : null;
  }
  set NumberFormat(format: unknown) {
    this.sheet.log(`NumberFormat ${this.text}`);
    this.cells((row, column) => this.sheet.numberFormats.set(`${row},${column}`, String(format)));
  }
  get Font() {
    return recorder<EtRangeModel["Font"]>(this.sheet, "Font", this.text);
  }
  get Interior() {
    return recorder<EtRangeModel["Interior"]>(this.sheet, "Interior", this.text);
  }
  get Borders() {
    return { Item: (index: number) => recorder<EtBorderModel>(this.sheet, `Borders(${index})`, this.text) };
  }
  private style(key: string): unknown {
    return this.sheet.styles.get(`${key} ${this.text}`);
  }
  private setStyle(key: string, value: unknown) {
    this.sheet.log(`${key} ${this.text}`);
    this.sheet.styles.set(`${key} ${this.text}`, value);
  }
  get WrapText() {
    return this.style("WrapText");
  }
  set WrapText(value: unknown) {
    this.setStyle("WrapText", value);
  }
  get HorizontalAlignment() {
    return this.style("HorizontalAlignment");
  }
  set HorizontalAlignment(value: unknown) {
    this.setStyle("HorizontalAlignment", value);
  }
  get VerticalAlignment() {
    return this.style("VerticalAlignment");
  }
  set VerticalAlignment(value: unknown) {
    this.setStyle("VerticalAlignment", value);
  }
  /** Characters of the default font, per column. */
  get ColumnWidth(): number {
    return this.sheet.columnWidths.get(this.area.column) ?? DEFAULT_COLUMN_WIDTH;
  }
  set ColumnWidth(characters: number) {
    this.sheet.log(`ColumnWidth ${this.text}`);
    for (let c = 0; c < Math.min(this.area.columns, 16_384); c++) this.sheet.columnWidths.set(this.area.column + c, characters);
  }
  get RowHeight(): number {
    return this.sheet.rowHeights.get(this.area.row) ?? DEFAULT_ROW_HEIGHT;
  }
  set RowHeight(points: number) {
    this.sheet.log(`RowHeight ${this.text}`);
    for (let r = 0; r < Math.min(this.area.rows, 1_048_576); r++) this.sheet.rowHeights.set(this.area.row + r, points);
  }
  private span(from: number, count: number, size: (i: number) => number): number {
    let total = 0;
    for (let i = from; i < from + count; i++) total += size(i);
    return total;
  }
  private columnPoints = (c: number) => columnPoints(this.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
  private rowPoints = (r: number) => this.sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT;
  get Left() {
    return this.span(1, this.area.column - 1, this.columnPoints);
  }
  get Top() {
    return this.span(1, this.area.row - 1, this.rowPoints);
  }
  get Width() {
    return this.span(this.area.column, this.area.columns, this.columnPoints);
  }
  get Height() {
    return this.span(this.area.row, this.area.rows, this.rowPoints);
  }
  get EntireColumn() {
    const sheet = this.sheet;
    const columns = `${letters(this.area.column)}:${letters(this.area.column + this.area.columns - 1)}`;
    return {
      get Hidden() {
        return sheet.hiddenColumns.includes(columns);
      },
      set Hidden(hidden: unknown) {
        sheet.log(`Hidden ${columns}`);
        if (hidden) sheet.hiddenColumns.push(columns);
      },
    };
  }
  /** As Excel: the area becomes one cell showing the top-left value; the others' values are dropped. */
  Merge(Across = false): void {
    this.sheet.log(`Merge ${this.text}`);
    const a = this.area;
    const parts = Across ? Array.from({ length: a.rows }, (_, r) => ({ ...a, row: a.row + r, rows: 1 })) : [a];
    for (const part of parts) {
      this.sheet.merges.push(areaText(part));
      for (let r = 0; r < part.rows; r++)
        for (let c = 0; c < part.columns; c++) if (r || c) this.sheet.clear(part.row + r, part.column + c);
    }
  }
  Select(): unknown {
    this.sheet.book.app.select(this.sheet, this.Address(false, false));
    return true;
  }
  AutoFilter(): unknown {
    this.sheet.log(`AutoFilter ${this.text}`);
    this.sheet.autoFilter = this.sheet.autoFilter ? undefined : this.text;
    return true;
  }
  get FormatConditions() {
    const sheet = this.sheet;
    const address = this.text;
    return {
      Add: (Type: number, _Operator?: unknown, Formula1?: string): EtFormatConditionModel => {
        sheet.log(`FormatConditions.Add ${address}`);
        const condition = { address, type: Type, formula: Formula1, Interior: { Color: 0 }, Font: { Color: 0 } };
        sheet.formatConditions.push(condition);
        return condition;
      },
      AddDatabar: (): EtDatabarModel => {
        sheet.log(`FormatConditions.AddDatabar ${address}`);
        const bar: FakeDatabar = { address, BarColor: { Color: 0 } } as FakeDatabar;
        bar.MinPoint = { Modify: (type: number, value?: unknown) => (bar.min = { type, value }) };
        bar.MaxPoint = { Modify: (type: number, value?: unknown) => (bar.max = { type, value }) };
        sheet.dataBars.push(bar);
        return bar;
      },
    };
  }
}

export interface FakeDatabar extends EtDatabarModel {
  address: string;
  min?: { type: number; value?: unknown };
  max?: { type: number; value?: unknown };
  MinPoint: EtDatabarModel["MinPoint"];
  MaxPoint: EtDatabarModel["MaxPoint"];
}

const addressOfRange = (range: unknown) => (range instanceof FakeEtRange ? range.text : String(range));

/** A chart series: its name, values and categories as the ranges' addresses. */
export class FakeEtSeries implements EtSeriesModel {
  Name = "";
  HasDataLabels = false;
  labels = { ShowValue: false, NumberFormat: "General" };
  private values = "";
  private categories = "";
  get Values(): unknown {
    return this.values;
  }
  set Values(range: unknown) {
    this.values = addressOfRange(range);
  }
  get XValues(): unknown {
    return this.categories;
  }
  set XValues(range: unknown) {
    this.categories = addressOfRange(range);
  }
  DataLabels() {
    return this.labels;
  }
}

const axis = (): EtAxisModel => ({
  HasTitle: false,
  AxisTitle: { Text: "" },
  TickLabels: { NumberFormat: "General", Orientation: 0 as EtAxisModel["TickLabels"]["Orientation"] },
  ReversePlotOrder: false,
  Crosses: -4105,
});

export class FakeEtChart implements EtChartModel {
  ChartType = 0;
  HasTitle = false;
  ChartTitle = { Text: "" };
  HasLegend = false;
  Legend = { Position: 0 };
  PlotVisibleOnly = true;
  source = "";
  series: FakeEtSeries[] = [];
  axes = { 1: axis(), 2: axis() };
  SetSourceData(Source: EtRangeModel, _PlotBy?: number): void {
    this.source = addressOfRange(Source);
    const first = new FakeEtSeries();
    first.Values = Source;
    this.series = [first];
  }
  Axes(Type: number): EtAxisModel {
    return this.axes[Type as 1 | 2];
  }
  SeriesCollection(): { readonly Count: number; NewSeries(): EtSeriesModel };
  SeriesCollection(Index: number): EtSeriesModel;
  SeriesCollection(Index?: number): EtSeriesModel | { readonly Count: number; NewSeries(): EtSeriesModel } {
    if (Index !== undefined) {
      if (!this.series[Index - 1]) throw new Error(`WPS: 没有第 ${Index} 个系列`);
      return this.series[Index - 1];
    }
    return {
      Count: this.series.length,
      NewSeries: () => {
        const series = new FakeEtSeries();
        this.series.push(series);
        return series;
      },
    };
  }
}

export class FakeEtChartObject implements EtChartObjectModel {
  readonly Chart = new FakeEtChart();
  constructor(
    public Left: number,
    public Top: number,
    public Width: number,
    public Height: number,
  ) {}
}
