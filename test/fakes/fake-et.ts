/**
 * An in-memory WPS 表格 for tests (jest, and the browser host of the WPS pane test): the part of ET's object model
 * (wps-jsapi's `Et.*`, as corrected in addin/wps/et-model.ts) the adapter uses, with ET's — VBA's — semantics:
 * synchronous, 1-based sheets and cells, `Worksheets.Add(Before, After)` naming a new sheet `SheetN` and
 * activating it, `Worksheet.Delete()` asking to confirm unless DisplayAlerts is off, `Names.Add(Name, RefersTo)`,
 * freeze panes on the active window, `wps.ApiEvent` listeners (one per event name). It logs every change
 * (`sheet: what`) so tests can prove the user's sheets were never touched, and keeps what was set for them to read.
 *
 * Use: `const app = new FakeEtApplication(); app.workbook.addSheet("申报", rows);
 * wpsWorkbookGateway(asEtApplication(app), app.events)`; `app.userSelects("HLJ筛查结果", "B9")`.
 */
/// <reference types="wps-jsapi" />
import type {
  EtApiEvent,
  EtApplicationModel,
  EtNameModel,
  EtNamesModel,
  EtPageSetupModel,
  EtWindowModel,
  EtWorkbookModel,
  EtWorksheetModel,
  EtWorksheetsModel,
} from "../../addin/wps/et-model";
import { EtCell, FakeDatabar, FakeEtChartObject, FakeEtError, FakeEtRange, areaText, parseAreas } from "./fake-et-range";

export { FakeEtError, FakeEtRange } from "./fake-et-range";
export type { EtCell } from "./fake-et-range";

/** Text ET reads as a number when typed: 123, -1.5, 1,234, 9.1E+17. */
const NUMBER_TEXT = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][+-]?\d+)?$/;

/** PageSetup as VBA has it: every property kept as set. */
export class FakeEtPageSetup implements EtPageSetupModel {
  Orientation = 1 as Et.EtXlPageOrientation;
  PaperSize = 9 as Et.EtXlPaperSize;
  Zoom: unknown = 100;
  FitToPagesWide: unknown = 1;
  FitToPagesTall: unknown = 1;
  LeftMargin = 50.4;
  RightMargin = 50.4;
  TopMargin = 54;
  BottomMargin = 54;
  HeaderMargin = 21.6;
  FooterMargin = 21.6;
  CenterHorizontally = false;
  PrintArea = "";
  PrintTitleRows = "";
  LeftFooter = "";
  CenterFooter = "";
  RightFooter = "";
}

export class FakeEtSheet implements EtWorksheetModel {
  cells: EtCell[][] = [];
  /** Formulas typed (`=…`), by `row,column` (1-based): their value shows as "(formula)". */
  formulas = new Map<string, string>();
  numberFormats = new Map<string, string>();
  /** Formats set, `Font.Bold A1:L1` → true (colours BGR integers, alignments VBA constants). */
  styles = new Map<string, unknown>();
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  merges: string[] = [];
  hiddenColumns: string[] = [];
  formatConditions: { address: string; type: number; formula?: string; Interior: { Color: number }; Font: { Color: number } }[] = [];
  dataBars: FakeDatabar[] = [];
  pageBreaks: string[] = [];
  chartObjects: FakeEtChartObject[] = [];
  autoFilter?: string;
  /** Rows frozen on this sheet's window (ActiveWindow.SplitRow with FreezePanes = True while it was active). */
  frozenRows = 0;
  readonly PageSetup = new FakeEtPageSetup();
  readonly HPageBreaks = { Add: (before: FakeEtRange) => this.pageBreaks.push(before.text) };
  constructor(
    readonly book: FakeEtWorkbook,
    private name: string,
  ) {}

  log(what: string): void {
    this.book.writes.push(`${this.name}: ${what}`);
  }
  get Name(): string {
    return this.name;
  }
  /** ET refuses a name another sheet has, longer than 31 characters or with []:*?/\ in it. */
  set Name(name: string) {
    if (this.book.sheets.some((s) => s !== this && s.name.toLowerCase() === name.toLowerCase()))
      throw new Error(`WPS: 工作表名称“${name}”已被占用`);
    if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name)) throw new Error(`WPS: 工作表名称“${name}”无效`);
    this.log(`renamed to ${name}`);
    this.name = name;
  }
  get Index(): number {
    return this.book.sheets.indexOf(this) + 1;
  }
  Range(Cell1: string, Cell2?: string): FakeEtRange {
    return new FakeEtRange(this, Cell2 ? `${Cell1}:${Cell2}` : Cell1);
  }
  /** From the first to the last cell with a value (an empty sheet: A1). */
  get UsedRange(): FakeEtRange {
    let top = 0;
    let left = 0;
    let bottom = 0;
    let right = 0;
    this.cells.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell === undefined) return;
        top = top ? Math.min(top, r) : r;
        bottom = Math.max(bottom, r);
        left = left ? Math.min(left, c) : c;
        right = Math.max(right, c);
      }),
    );
    if (!bottom) return this.Range("A1");
    return new FakeEtRange(this, areaText({ row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 }));
  }
  ChartObjects() {
    return {
      Add: (Left: number, Top: number, Width: number, Height: number) => {
        this.log("ChartObjects.Add");
        const chart = new FakeEtChartObject(Left, Top, Width, Height);
        this.chartObjects.push(chart);
        return chart;
      },
    };
  }
  Delete(): void {
    if (this.book.app.DisplayAlerts) this.book.app.alerts.push(`删除工作表“${this.name}”？`);
    if (this.book.sheets.length === 1) throw new Error("WPS: 工作簿至少要含有一张可视工作表");
    this.log("deleted");
    this.book.sheets = this.book.sheets.filter((s) => s !== this);
    if (this.book.app.active === this) this.book.app.active = this.book.sheets[0];
  }
  Activate(): void {
    this.book.app.active = this;
  }

  /** The cell at 1-based `row`, `column`. */
  cell(row: number, column: number): EtCell {
    return this.cells[row]?.[column];
  }
  numberFormat(row: number, column: number): string {
    return this.numberFormats.get(`${row},${column}`) ?? "General";
  }
  clear(row: number, column: number): void {
    if (this.cells[row]?.[column] !== undefined) this.cells[row][column] = undefined;
  }
  /**
   * A value put in as if typed: text after a leading apostrophe stays literal; =, +, - or @ starts a formula
   * (unless it is a plain number); numeric text becomes a number at 15 digits unless the cell's format is Text.
   */
  type(row: number, column: number, value: EtCell | null): void {
    const line = (this.cells[row] ??= []);
    this.formulas.delete(`${row},${column}`);
    if (value === null || value === undefined || value === "") line[column] = undefined;
    else if (typeof value !== "string" || this.numberFormat(row, column) === "@") line[column] = value;
    else if (value.startsWith("'")) line[column] = value.slice(1) === "" ? undefined : value.slice(1);
    else if (NUMBER_TEXT.test(value.trim())) line[column] = Number(Number(value.trim().replace(/,/g, "")).toPrecision(15));
    else if (/^[=+\-@]/.test(value)) {
      this.formulas.set(`${row},${column}`, value);
      line[column] = "(formula)";
    } else line[column] = value;
  }
  /** The sheet's values as Office's usedRange.values would give them from A1: "" for empty, errors as text. */
  officeValues(): (string | number | boolean)[][] {
    let width = 0;
    for (let r = 1; r < this.cells.length; r++) width = Math.max(width, (this.cells[r]?.length ?? 1) - 1);
    return Array.from({ length: Math.max(0, this.cells.length - 1) }, (_, r) =>
      Array.from({ length: width }, (_, c) => {
        const cell = this.cells[r + 1]?.[c + 1];
        return cell === undefined ? "" : cell instanceof FakeEtError ? cell.text : cell;
      }),
    );
  }
}

class FakeEtWorksheets implements EtWorksheetsModel {
  constructor(private readonly book: FakeEtWorkbook) {}
  get Count(): number {
    return this.book.sheets.length;
  }
  Item(Index: number | string): FakeEtSheet {
    const sheet =
      typeof Index === "number" ? this.book.sheets[Index - 1] : this.book.sheets.find((s) => s.Name.toLowerCase() === Index.toLowerCase());
    if (!sheet) throw new Error("WPS: 下标越界");
    return sheet;
  }
  /** A new sheet `SheetN` before `Before` or after `After` (else before the active one), activated. */
  Add(Before?: EtWorksheetModel, After?: EtWorksheetModel): FakeEtSheet {
    const book = this.book;
    let n = book.sheets.length + 1;
    while (book.sheets.some((s) => s.Name === `Sheet${n}`)) n++;
    const sheet = new FakeEtSheet(book, `Sheet${n}`);
    const at = After ? book.sheets.indexOf(After as FakeEtSheet) + 1 : book.sheets.indexOf((Before ?? book.app.active) as FakeEtSheet);
    book.sheets.splice(at < 0 ? book.sheets.length : at, 0, sheet);
    book.writes.push(`${sheet.Name}: added`);
    sheet.Activate();
    return sheet;
  }
}

export class FakeEtName implements EtNameModel {
  Comment = "";
  constructor(
    private readonly names: FakeEtNames,
    public Name: string,
    public RefersTo: string,
  ) {}
  Delete(): void {
    this.names.items = this.names.items.filter((n) => n !== this);
  }
}

export class FakeEtNames implements EtNamesModel {
  items: FakeEtName[] = [];
  get Count(): number {
    return this.items.length;
  }
  Item(Index: number | string): FakeEtName {
    const name = typeof Index === "number" ? this.items[Index - 1] : this.items.find((n) => n.Name === Index);
    if (!name) throw new Error("WPS: 下标越界");
    return name;
  }
  /** As ET: a name that exists is redefined; RefersTo a formula text (`=HLJ筛查结果!$A$1`). */
  Add(Name: string, RefersTo: string): FakeEtName {
    if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(Name)) throw new Error(`WPS: 名称“${Name}”无效`);
    if (!String(RefersTo).startsWith("=")) throw new Error("WPS: 引用须以 = 开头");
    const existing = this.items.find((n) => n.Name.toLowerCase() === Name.toLowerCase());
    if (existing) {
      existing.RefersTo = RefersTo;
      return existing;
    }
    const name = new FakeEtName(this, Name, RefersTo);
    this.items.push(name);
    return name;
  }
  /** The sheet a name refers to, unquoted. */
  sheetOf(name: string): string | undefined {
    const ref = this.items.find((n) => n.Name === name)?.RefersTo;
    const m = ref ? /^='?(.*?)'?!/.exec(ref) : null;
    return m ? m[1].replace(/''/g, "'") : undefined;
  }
}

export class FakeEtWorkbook implements EtWorkbookModel {
  sheets: FakeEtSheet[] = [];
  readonly Worksheets = new FakeEtWorksheets(this);
  readonly Names = new FakeEtNames();
  Date1904 = false;
  /** Every change, as `sheet: what`. */
  writes: string[] = [];
  constructor(readonly app: FakeEtApplication) {}

  /** A sheet whose cells are typed in as given ('text, =formula, numbers…), at the end. */
  addSheet(name: string, rows: (EtCell | null)[][] = []): FakeEtSheet {
    const sheet = new FakeEtSheet(this, name);
    this.sheets.push(sheet);
    rows.forEach((row, r) => row.forEach((v, c) => sheet.type(r + 1, c + 1, v)));
    this.app.active ??= sheet;
    return sheet;
  }
  /** A sheet whose cells already hold these values ("" and null empty), as Value2 gives them back. */
  loadSheet(name: string, rows: (EtCell | null)[][]): FakeEtSheet {
    const sheet = new FakeEtSheet(this, name);
    this.sheets.push(sheet);
    sheet.cells = [[], ...rows.map((row) => [undefined, ...row.map((v) => (v === "" || v === null ? undefined : v))])];
    this.app.active ??= sheet;
    return sheet;
  }
  sheet(name: string): FakeEtSheet | undefined {
    return this.sheets.find((s) => s.Name === name);
  }
}

/** ActiveWindow: freezing applies to the active sheet. */
class FakeEtWindow implements EtWindowModel {
  SplitRow = 0;
  SplitColumn = 0;
  ScrollRow = 1;
  private frozen = false;
  constructor(private readonly app: FakeEtApplication) {}
  get FreezePanes(): boolean {
    return this.frozen;
  }
  set FreezePanes(on: boolean) {
    this.frozen = on;
    const sheet = this.app.active;
    if (!sheet) return;
    sheet.log(`FreezePanes ${on} at row ${this.SplitRow}`);
    sheet.frozenRows = on ? this.SplitRow : 0;
  }
}

/** wps.ApiEvent: one listener per event name, as WPS keeps them. */
export class FakeApiEvent implements EtApiEvent {
  listeners = new Map<string, (sheet: object, range: object) => void>();
  AddApiEventListener(event: string, callback: (sheet: object, range: object) => void): void {
    this.listeners.set(event, callback);
  }
  RemoveApiEventListener(event: string): void {
    this.listeners.delete(event);
  }
}

export class FakeEtApplication implements EtApplicationModel {
  readonly workbook = new FakeEtWorkbook(this);
  readonly ActiveWindow: FakeEtWindow = new FakeEtWindow(this);
  readonly events = new FakeApiEvent();
  active?: FakeEtSheet;
  selection: { sheet: string; address: string } | null = null;
  DisplayAlerts = true;
  /** Confirmations a real WPS would have shown (Delete with DisplayAlerts on). */
  alerts: string[] = [];
  ScreenUpdating = true;
  /** xlCalculationAutomatic; each change logged. */
  private calculation = -4105;
  calculationChanges: number[] = [];
  get ActiveWorkbook(): FakeEtWorkbook {
    return this.workbook;
  }
  get ActiveSheet(): FakeEtSheet | undefined {
    return this.active;
  }
  get Calculation(): number {
    return this.calculation;
  }
  set Calculation(mode: number) {
    this.calculation = mode;
    this.calculationChanges.push(mode);
  }
  /** Selecting: the selection moves and WPS raises SheetSelectionChange (sheet, range). */
  select(sheet: FakeEtSheet, address: string): void {
    this.active = sheet;
    this.selection = { sheet: sheet.Name, address };
    this.events.listeners.get("SheetSelectionChange")?.(sheet, sheet.Range(address));
  }
  /** A person clicks a cell; resolves once the handlers' work (their own Excel.run batches) has settled. */
  async userSelects(sheet: string, address: string): Promise<void> {
    this.select(this.workbook.sheet(sheet)!, address);
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** The fake as wps-jsapi's type (the one cast, at the boundary, as WPS's own object is passed in). */
export const asEtApplication = (app: FakeEtApplication): Et.EtApplication => app as unknown as Et.EtApplication;

export { parseAreas };
