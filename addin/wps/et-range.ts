/**
 * Excel.Range over ET's Range: values through Value2 (rows of Office values both ways), number formats, the
 * format (font, fill, widths, heights, wrapping, alignment, borders, fitting rows), merging, conditional formats
 * and hidden columns. Each command is queued and run at sync (et-context.ts).
 */
import { BORDER_INDEX, XL, addressOf, alignment, bgr, charactersOf, officeValues, parseAddress } from "./et-convert";
import { EtContext, LoadedProxy, officeError, propertyList } from "./et-context";
import type { EtRangeModel, EtWorksheetModel } from "./et-model";

/** The worksheet a range is on, resolved at sync. */
export interface SheetRef {
  readonly context: EtContext;
  /** The ET sheet; throws ItemNotFound when there is none. */
  et(): EtWorksheetModel;
  /** The ET sheet or null (a null object's range). */
  etOrNull(): EtWorksheetModel | null;
}

type Cell = string | number | boolean;

/** Office's numberFormat grid set cell by cell where it differs: one NumberFormat per run of equal formats in a column. */
function setFormats(range: EtRangeModel, sheet: EtWorksheetModel, area: ReturnType<typeof parseAddress>, grid: unknown[][]) {
  const at = (r: number, c: number) => String(grid[r]?.[c] ?? grid[0]?.[0]);
  const first = at(0, 0);
  let uniform = true;
  for (let r = 0; r < area.rows && uniform; r++) for (let c = 0; c < area.columns && uniform; c++) uniform = at(r, c) === first;
  if (uniform) {
    range.NumberFormat = first;
    return;
  }
  for (let c = 0; c < area.columns; c++) {
    for (let r = 0; r < area.rows;) {
      let end = r;
      while (end + 1 < area.rows && at(end + 1, c) === at(r, c)) end++;
      sheet.Range(addressOf(area.row + r, area.column + c, end - r + 1, 1)).NumberFormat = at(r, c);
      r = end + 1;
    }
  }
}

/**
 * Number formats of a range as Office's grid. ET's NumberFormat is one format when all cells share it and null
 * when they differ: halved until each part has one (a rate column has few runs of formats).
 */
function readFormats(
  sheet: EtWorksheetModel,
  origin: { row: number; column: number },
  part: { r: number; c: number; rows: number; columns: number },
  into: string[][],
): void {
  const { r, c, rows, columns } = part;
  const format = sheet.Range(addressOf(origin.row + r, origin.column + c, rows, columns)).NumberFormat as unknown;
  if (typeof format === "string" || rows * columns === 1) {
    const text = typeof format === "string" ? format : "General";
    for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) into[r + i][c + j] = text;
    return;
  }
  if (columns > 1) {
    for (let j = 0; j < columns; j++) readFormats(sheet, origin, { r, c: c + j, rows, columns: 1 }, into);
    return;
  }
  const half = Math.floor(rows / 2);
  readFormats(sheet, origin, { r, c, rows: half, columns: 1 }, into);
  readFormats(sheet, origin, { r: r + half, c, rows: rows - half, columns: 1 }, into);
}

/** Office's `range.format`: each setting queued onto the ET range. */
class RangeFormat {
  readonly font: { bold?: boolean; size?: number; color?: string };
  readonly fill: { color?: string };
  readonly borders = {
    getItem: (edge: string) => {
      const index = BORDER_INDEX[edge];
      const apply = (set: (border: ReturnType<EtRangeModel["Borders"]["Item"]>) => void) =>
        this.on((range) => set(range.Borders.Item(index)));
      return {
        set style(style: string) {
          apply((border) => (border.LineStyle = style === "None" ? -4142 : XL.continuous));
        },
        set color(color: string) {
          apply((border) => (border.Color = bgr(color)));
        },
      };
    },
  };
  constructor(private readonly on: (op: (range: EtRangeModel) => void) => void) {
    this.font = {
      set bold(value: boolean) {
        on((range) => (range.Font.Bold = value));
      },
      set size(value: number) {
        on((range) => (range.Font.Size = value));
      },
      set color(value: string) {
        on((range) => (range.Font.Color = bgr(value)));
      },
    };
    this.fill = {
      set color(value: string) {
        on((range) => (range.Interior.Color = bgr(value)));
      },
    };
  }
  /** Points (Office) → characters (ET). */
  set columnWidth(points: number) {
    this.on((range) => (range.ColumnWidth = charactersOf(points)));
  }
  set rowHeight(points: number) {
    this.on((range) => (range.RowHeight = points));
  }
  set wrapText(value: boolean) {
    this.on((range) => (range.WrapText = value));
  }
  set horizontalAlignment(name: string) {
    this.on((range) => (range.HorizontalAlignment = alignment(name)));
  }
  set verticalAlignment(name: string) {
    this.on((range) => (range.VerticalAlignment = alignment(name)));
  }
  autofitRows(): void {
    this.on((range) => range.Rows.AutoFit());
  }
}

/**
 * range.conditionalFormats.add(type): the condition is made at sync from what was set on it by then — ET takes
 * an expression's formula when it is added (Office sets it after). An expression's relative references are
 * taken from the active cell in ET as in Excel's VBA, so the range's sheet is activated and its first cell
 * selected first.
 */
export function conditionalFormats(sheet: SheetRef, address: () => string) {
  return {
    add: (type: string) => {
      const custom = { rule: { formula: "" }, format: { fill: { color: "" }, font: { color: "" } } };
      const bar = { lower: undefined as { type: string; formula?: string } | undefined, upper: undefined as { type: string } | undefined };
      const positiveFormat = { fillColor: "" };
      sheet.context.enqueue(() => {
        const et = sheet.et();
        const range = et.Range(address());
        if (type === "DataBar") {
          const databar = range.FormatConditions.AddDatabar();
          const rule = (r: { type: string; formula?: string }) =>
            r.type === "Number"
              ? [XL.conditionValueNumber, Number(r.formula)]
              : [r.type === "LowestValue" ? XL.conditionValueLowestValue : XL.conditionValueHighestValue];
          if (bar.lower) databar.MinPoint.Modify(...(rule(bar.lower) as [number, unknown?]));
          if (bar.upper) databar.MaxPoint.Modify(...(rule(bar.upper) as [number, unknown?]));
          if (positiveFormat.fillColor) databar.BarColor.Color = bgr(positiveFormat.fillColor);
          return;
        }
        et.Activate();
        et.Range(address().split(/[,:]/)[0]).Select();
        const condition = range.FormatConditions.Add(XL.expression, undefined, custom.rule.formula);
        if (custom.format.fill.color) condition.Interior.Color = bgr(custom.format.fill.color);
        if (custom.format.font.color) condition.Font.Color = bgr(custom.format.font.color);
      });
      const dataBar = {
        set lowerBoundRule(rule: { type: string; formula?: string }) {
          bar.lower = rule;
        },
        set upperBoundRule(rule: { type: string }) {
          bar.upper = rule;
        },
        positiveFormat,
      };
      return { custom, cellValue: custom, dataBar };
    },
  };
}

export class RangeProxy extends LoadedProxy {
  readonly format: RangeFormat;
  private grid: Cell[][] = [];
  private formats: string[][] = [];
  private nullObject = false;
  private area: ReturnType<typeof parseAddress>;

  constructor(
    private readonly sheet: SheetRef,
    private address: string,
    /** getUsedRangeOrNullObject: the address is the sheet's UsedRange, found at sync. */
    private readonly used = false,
  ) {
    super(sheet.context);
    this.area = used ? { row: 0, column: 0, rows: 0, columns: 0 } : parseAddress(address);
    this.format = new RangeFormat((op) => this.on(op));
  }

  /** Queues `op` on the ET range. */
  private on(op: (range: EtRangeModel, sheet: EtWorksheetModel) => void): void {
    this.context.enqueue(() => {
      const sheet = this.sheet.et();
      op(sheet.Range(this.address), sheet);
    });
  }

  get conditionalFormats() {
    return conditionalFormats(this.sheet, () => this.address);
  }

  load(properties: string): this {
    const wanted = propertyList(properties);
    return this.loadWith(wanted, () => {
      const sheet = this.used ? this.sheet.etOrNull() : this.sheet.et();
      if (this.used && !this.findUsed(sheet)) return;
      const range = sheet!.Range(this.address);
      const { row, column, rows, columns } = this.area;
      if (wanted.includes("values")) this.grid = officeValues(range.Value2, rows, columns);
      if (wanted.includes("numberFormat")) {
        this.formats = Array.from({ length: rows }, () => new Array<string>(columns));
        if (rows && columns) readFormats(sheet!, { row, column }, { r: 0, c: 0, rows, columns }, this.formats);
      }
    });
  }

  /**
   * The used range, as Office's getUsedRangeOrNullObject(true) gives it: ET's UsedRange, a null object when the
   * sheet is empty (ET then gives A1 with nothing in it). ET's counts formatted cells too, not only values.
   */
  private findUsed(sheet: EtWorksheetModel | null): boolean {
    const used = sheet?.UsedRange;
    const empty = !used || (used.Rows.Count === 1 && used.Columns.Count === 1 && officeValues(used.Value2, 1, 1)[0][0] === "");
    if (empty) {
      this.nullObject = true;
      return false;
    }
    this.area = { row: used.Row - 1, column: used.Column - 1, rows: used.Rows.Count, columns: used.Columns.Count };
    this.address = addressOf(this.area.row, this.area.column, this.area.rows, this.area.columns);
    return true;
  }

  get isNullObject(): boolean {
    if (!this.ready) throw officeError("PropertyNotLoaded", "The property 'isNullObject' is not available.");
    return this.nullObject;
  }
  get rowIndex(): number {
    return this.read("rowIndex", () => this.area.row);
  }
  get columnIndex(): number {
    return this.read("columnIndex", () => this.area.column);
  }
  get rowCount(): number {
    return this.read("rowCount", () => this.area.rows);
  }
  get columnCount(): number {
    return this.read("columnCount", () => this.area.columns);
  }
  get values(): Cell[][] {
    return this.read("values", () => this.grid);
  }
  /** Value2 takes rows of cells (a scalar for one cell); a text's leading apostrophe keeps it text in ET as in Excel. */
  set values(values: Cell[][]) {
    const { rows, columns } = this.area;
    if (values.length !== rows || values.some((row) => row.length !== columns)) {
      throw officeError(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range ${this.address}.`,
      );
    }
    const copy = values.map((row) => [...row]);
    this.on((range) => (range.Value2 = rows === 1 && columns === 1 ? copy[0][0] : copy));
  }
  set formulas(formulas: Cell[][]) {
    this.values = formulas;
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat", () => this.formats);
  }
  set numberFormat(grid: unknown[][]) {
    const area = this.area;
    this.on((range, sheet) => setFormats(range, sheet, area, grid));
  }
  merge(across = false): void {
    this.on((range) => range.Merge(across));
  }
  set columnHidden(hidden: boolean) {
    this.on((range) => (range.EntireColumn.Hidden = hidden));
  }
  /** The A1 address (for the adapter's own use: the print area, the filter, the chart's place). */
  get a1(): string {
    return this.address;
  }
  /** The ET range, at sync time. */
  etRange(): EtRangeModel {
    return this.sheet.et().Range(this.address);
  }
}
