/**
 * An in-memory Excel for tests (jest, and the browser host of the end-to-end test): the part of the Excel
 * JavaScript API the task pane uses, with Excel's discipline enforced — a property read before load() and
 * context.sync() throws PropertyNotLoaded; queued writes happen only at sync; a sync that moves more cells
 * than the payload limit fails whole with RequestPayloadSizeLimitExceeded. It counts syncs and logs every
 * write, so tests can prove the user's sheets were never touched.
 */

export type CellValue = string | number | boolean;

/** Text Excel reads as a number when it is typed or assigned: 123, -1.5, 1,234, 9.1E+17. */
const NUMBER_TEXT = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][+-]?\d+)?$/;

export class FakeSheet {
  values: CellValue[][] = [];
  formulas: (string | null)[][] = [];
  formats: string[] = [];
  charts: FakeChart[] = [];
  /** Conditional formats of type data bar, as set: the range(s), the bounds' rules, the colour. */
  dataBars: { address: string; lowerBoundRule?: unknown; upperBoundRule?: unknown; fillColor?: string }[] = [];
  /** Cells a manual page break was put above (horizontalPageBreaks.add). */
  pageBreaks: string[] = [];
  /** Ranges whose columns were hidden (range.columnHidden = true). */
  hiddenColumns: string[] = [];
  frozenRows = 0;
  autoFilter?: string;
  /** Formats set through range.format (`wrapText A2:A9` → true), for tests to read back. */
  styles = new Map<string, unknown>();
  /** What sheet.pageLayout was told: orientation, paper, zoom, margins, print area and titles, footers. */
  pageLayout: Record<string, unknown> = {};
  /** Merged areas (`A1:L1`), in the order merged. */
  merges: string[] = [];
  constructor(public name: string) {}

  get rowCount(): number {
    return this.values.length;
  }
  get columnCount(): number {
    return this.values.reduce((n, row) => Math.max(n, row.length), 0);
  }
  cell(row: number, column: number): CellValue {
    return this.values[row]?.[column] ?? "";
  }
  /** Number formats set on cells (`r,c` → format); "@" is Text, which keeps what is typed as it is. */
  numberFormats = new Map<string, string>();

  /**
   * What real Excel does with a value assigned through `range.values`, as if typed: text after a leading
   * apostrophe stays literal; text starting with =, +, - or @ is a formula (unless it is a plain number);
   * numeric-looking text — an all-digit credit code included — becomes a number at 15 significant digits,
   * unless the cell is formatted as Text.
   */
  setCell(row: number, column: number, value: CellValue): void {
    while (this.values.length <= row) this.values.push([]);
    const line = this.values[row];
    while (line.length <= column) line.push("");
    const asText = this.numberFormats.get(`${row},${column}`) === "@";
    if (typeof value !== "string" || asText) line[column] = value;
    else if (value.startsWith("'")) line[column] = value.slice(1);
    else if (NUMBER_TEXT.test(value.trim())) line[column] = Number(Number(value.trim().replace(/,/g, "")).toPrecision(15));
    else if (/^[=+\-@]/.test(value)) {
      (this.formulas[row] ??= [])[column] = value;
      line[column] = "(formula)";
    } else line[column] = value;
  }
}

/** A chart as the pane set it up: its first range, its series, titles, formats and position. */
export interface FakeChart {
  title: string;
  position?: string;
  values?: string;
  categories?: string;
  series: { name?: string; values?: string; categories?: string }[];
  legend?: string;
  axisTitle?: string;
  valueFormat?: string;
  categoryOrientation?: number;
  /** The chart type (ColumnClustered, BarClustered); the category axis reversed and where the value axis crosses it. */
  type?: string;
  categoryReversed?: boolean;
  categoryPosition?: string;
  dataLabels: { showValue?: boolean; numberFormat?: string };
  plotVisibleOnly?: boolean;
}

export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export interface FakeOptions {
  /** Cells one sync may read or write before it fails with RequestPayloadSizeLimitExceeded. */
  maxCellsPerSync?: number;
  /** Milliseconds each sync takes (to show progress in the browser test). */
  syncDelay?: number;
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  names = new Map<string, { sheet: FakeSheet; address: string }>();
  syncCount = 0;
  /** Every change, as `sheet: what`. */
  writes: string[] = [];
  calculationSuspensions = 0;
  selection: { sheet: string; address: string } | null = null;
  activeSheet: string | null = null;
  /** worksheet.onSelectionChanged handlers (ExcelApi 1.7), by sheet name. */
  selectionHandlers = new Map<string, ((event: { address: string; worksheetId: string; type: string }) => Promise<void>)[]>();
  /** The workbook's date system (Excel's DATE(1904,1,1) gives 0 in it, 1462 in the 1900 system). */
  date1904 = false;
  constructor(public options: FakeOptions = {}) {}

  /** A sheet whose cells are typed in as given (a leading apostrophe keeps text, `=` makes a formula…). */
  addSheet(name: string, values: CellValue[][] = []): FakeSheet {
    const sheet = new FakeSheet(name);
    values.forEach((row, r) => row.forEach((v, c) => sheet.setCell(r, c, v)));
    this.sheets.push(sheet);
    return sheet;
  }

  /** A sheet whose cells already hold these values, exactly as `range.values` would give them back. */
  loadSheet(name: string, values: CellValue[][]): FakeSheet {
    const sheet = new FakeSheet(name);
    sheet.values = values.map((row) => [...row]);
    this.sheets.push(sheet);
    return sheet;
  }
  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }
  /** A person selects cells: the selection moves and the sheet's onSelectionChanged handlers run. */
  async userSelects(sheet: string, address: string): Promise<void> {
    this.selection = { sheet, address };
    for (const handler of this.selectionHandlers.get(sheet) ?? [])
      await handler({ address, worksheetId: sheet, type: "WorksheetSelectionChanged" });
  }
  /** Excel.run for this workbook. */
  run = async <T>(batch: (context: FakeContext) => Promise<T>): Promise<T> => batch(new FakeContext(this));
}

type Op = { cells: number; apply: () => void };

const notLoaded = (property: string) =>
  new OfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

/** Something resolved at sync time. */
class Proxy {
  protected loaded = new Set<string>();
  protected ready = false;
  constructor(protected context: FakeContext) {}
  protected read<T>(property: string, value: () => T): T {
    if (!this.ready || !this.loaded.has(property)) throw notLoaded(property);
    return value();
  }
}

const parseAddress = (address: string) => {
  const cell = (text: string) => {
    const m = /^\$?([A-Z]+)\$?(\d+)?$/.exec(text);
    if (!m) throw new OfficeError("InvalidArgument", `bad address ${address}`);
    const column = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return { row: m[2] ? Number(m[2]) - 1 : -1, column };
  };
  const [from, to = from] = address.split(":");
  const a = cell(from);
  const b = cell(to);
  return { row: Math.max(a.row, 0), column: a.column, rows: a.row < 0 ? 1_048_576 : b.row - a.row + 1, columns: b.column - a.column + 1 };
};

export class FakeContext {
  queue: Op[] = [];
  private afterSync: (() => void)[] = [];
  workbook: FakeWorkbookProxy;
  application = { suspendApiCalculationUntilNextSync: () => this.enqueue(0, () => this.book.calculationSuspensions++) };
  constructor(readonly book: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
  }
  enqueue(cells: number, apply: () => void): void {
    this.queue.push({ cells, apply });
  }
  onSynced(resolve: () => void): void {
    this.afterSync.push(resolve);
  }
  async sync(): Promise<void> {
    this.book.syncCount++;
    const queue = this.queue;
    const after = this.afterSync;
    this.queue = [];
    this.afterSync = [];
    if (this.book.options.syncDelay) await new Promise((r) => setTimeout(r, this.book.options.syncDelay));
    const cells = queue.reduce((n, op) => n + op.cells, 0);
    if (this.book.options.maxCellsPerSync !== undefined && cells > this.book.options.maxCellsPerSync) {
      throw new OfficeError("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${cells} cells).`);
    }
    for (const op of queue) op.apply();
    for (const resolve of after) resolve();
  }
}

class FakeWorkbookProxy {
  worksheets: WorksheetCollectionProxy;
  names: NamesProxy;
  /** Worksheet functions evaluated by Excel (ExcelApi 1.2): only DATE, which tells the date system. */
  functions = {
    date: (year: number, month: number, day: number) =>
      new FunctionResultProxy(this.context, () => {
        const days = Date.UTC(year, month - 1, day) / 86_400_000;
        return this.context.book.date1904 ? days - Date.UTC(1904, 0, 1) / 86_400_000 : days + 25_569;
      }),
  };
  constructor(private context: FakeContext) {
    this.worksheets = new WorksheetCollectionProxy(context);
    this.names = new NamesProxy(context);
  }
  /** The selected cell: the one the last select() chose, else A1 of the first sheet. */
  getActiveCell(): RangeProxy {
    const book = this.context.book;
    const proxy = this.worksheets.getItem(book.selection?.sheet ?? book.sheets[0]?.name ?? "Sheet1");
    return proxy.getRange(book.selection?.address ?? "A1");
  }
}

class FunctionResultProxy extends Proxy {
  private result = 0;
  constructor(
    context: FakeContext,
    private readonly compute: () => number,
  ) {
    super(context);
  }
  load(_properties: string): this {
    this.context.enqueue(0, () => {
      this.result = this.compute();
      this.loaded.add("value");
    });
    this.context.onSynced(() => (this.ready = true));
    return this;
  }
  get value(): number {
    return this.read("value", () => this.result);
  }
}

class WorksheetCollectionProxy extends Proxy {
  private snapshot: WorksheetProxy[] = [];
  load(_properties: string): this {
    this.context.enqueue(0, () => {
      this.snapshot = this.context.book.sheets.map((s) => WorksheetProxy.of(this.context, () => s, true));
      this.loaded.add("items");
    });
    this.context.onSynced(() => (this.ready = true));
    return this;
  }
  get items(): WorksheetProxy[] {
    return this.read("items", () => this.snapshot);
  }
  add(name: string): WorksheetProxy {
    let created: FakeSheet | undefined;
    this.context.enqueue(0, () => {
      if (this.context.book.sheet(name)) throw new OfficeError("ItemAlreadyExists", `a sheet named ${name} exists`);
      created = this.context.book.addSheet(name);
      this.context.book.writes.push(`${name}: added`);
    });
    return WorksheetProxy.of(this.context, () => created!, false);
  }
  getItem(name: string): WorksheetProxy {
    return WorksheetProxy.of(
      this.context,
      () => {
        const sheet = this.context.book.sheet(name);
        if (!sheet) throw new OfficeError("ItemNotFound", `no sheet ${name}`);
        return sheet;
      },
      false,
    );
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return WorksheetProxy.of(this.context, () => this.context.book.sheet(name) ?? null, false);
  }
}

class WorksheetProxy extends Proxy {
  freezePanes = { freezeRows: (n: number) => this.write("freeze", () => (this.sheet().frozenRows = n)) };
  /** sheet.pageLayout (ExcelApi 1.9): every setting recorded on the sheet. */
  pageLayout = (() => {
    const set = (key: string, value: unknown) => this.write(`page layout ${key}`, () => (this.sheet().pageLayout[key] = value));
    const footers = new Proxy0((key, value) => set(`footer.${key}`, value));
    const layout = new Proxy0((key, value) => set(key, value)) as unknown as Record<string, unknown>;
    return new globalThis.Proxy(layout, {
      get: (_target, key) =>
        key === "headersFooters"
          ? { defaultForAllPages: footers }
          : key === "setPrintTitleRows"
            ? (rows: string | RangeProxy) => set("printTitleRows", typeof rows === "string" ? rows : rows.address)
            : key === "setPrintArea"
              ? (area: string | RangeProxy) => set("printArea", typeof area === "string" ? area : area.address)
              : undefined,
    });
  })();
  autoFilter = { apply: (range: RangeProxy) => this.write("autofilter", () => (this.sheet().autoFilter = range.address)) };
  /** onSelectionChanged (ExcelApi 1.7): handlers registered at sync time; remove() through the result's context. */
  onSelectionChanged = {
    add: (handler: (event: { address: string; worksheetId: string; type: string }) => Promise<void>) => {
      const handlers = this.context.book.selectionHandlers;
      let name = "";
      this.context.enqueue(0, () => {
        name = this.sheet().name;
        handlers.set(name, [...(handlers.get(name) ?? []), handler]);
      });
      const context = this.context;
      return {
        context,
        remove: () =>
          context.enqueue(0, () =>
            handlers.set(
              name,
              (handlers.get(name) ?? []).filter((h) => h !== handler),
            ),
          ),
      };
    },
  };
  charts = {
    add: (type: string, range: RangeProxy, _by: string) => {
      const chart: FakeChart = { type, title: "", values: range.address, series: [{ values: range.address }], dataLabels: {} };
      this.write("chart", () => this.sheet().charts.push(chart));
      const seriesProxy = (record: FakeChart["series"][number]) => ({
        set name(value: string) {
          record.name = value;
        },
        setValues: (values: RangeProxy) => (record.values = values.address),
        setXAxisValues: (categories: RangeProxy) => {
          record.categories = categories.address;
          if (record === chart.series[0]) chart.categories = categories.address;
        },
      });
      const settable = <T extends object>(onSet: (key: string, value: unknown) => void) => new Proxy0(onSet) as unknown as T;
      return {
        title: settable((_k, value) => (chart.title = String(value))),
        legend: settable((k, value) => k === "position" && (chart.legend = String(value))),
        axes: {
          valueAxis: new globalThis.Proxy(
            settable<Record<string, unknown>>((k, v) => k === "numberFormat" && (chart.valueFormat = String(v))),
            {
              get: (_t, key) => (key === "title" ? settable((_k, v) => (chart.axisTitle = String(v))) : undefined),
            },
          ),
          categoryAxis: settable((k, v) => {
            if (k === "textOrientation") chart.categoryOrientation = Number(v);
            if (k === "reversePlotOrder") chart.categoryReversed = Boolean(v);
            if (k === "position") chart.categoryPosition = String(v);
          }),
        },
        dataLabels: settable((k, v) => Object.assign(chart.dataLabels, { [k]: v })),
        set plotVisibleOnly(value: boolean) {
          chart.plotVisibleOnly = value;
        },
        setPosition: (cell: string, end?: string) => (chart.position = end ? `${cell}:${end}` : cell),
        series: {
          getItemAt: () => seriesProxy(chart.series[0]),
          add: (name: string) => {
            const record = { name };
            chart.series.push(record);
            return seriesProxy(record);
          },
        },
      };
    },
  };
  /** sheet.horizontalPageBreaks (ExcelApi 1.9): the page breaks before these rows. */
  horizontalPageBreaks = {
    add: (cell: string) => this.write(`page break ${cell}`, () => this.sheet().pageBreaks.push(cell)),
  };
  /** sheet.getRanges (ExcelApi 1.9): several ranges at once, for conditional formats. */
  getRanges(address: string) {
    return { address, conditionalFormats: conditionalFormats(this, address) };
  }
  private constructor(
    context: FakeContext,
    readonly resolve: () => FakeSheet | null,
    snapshot: boolean,
  ) {
    super(context);
    if (snapshot) {
      this.loaded.add("name");
      this.ready = true;
    }
  }
  static of(context: FakeContext, resolve: () => FakeSheet | null, snapshot: boolean): WorksheetProxy {
    return new WorksheetProxy(context, resolve, snapshot);
  }
  sheet(): FakeSheet {
    const sheet = this.resolve();
    if (!sheet) throw new OfficeError("ItemNotFound", "the sheet does not exist");
    return sheet;
  }
  write(what: string, apply: () => void, cells = 0): void {
    this.context.enqueue(cells, () => {
      const sheet = this.sheet();
      this.context.book.writes.push(`${sheet.name}: ${what}`);
      apply();
    });
  }
  get name(): string {
    return this.read("name", () => this.sheet().name);
  }
  set name(value: string) {
    this.write(`renamed to ${value}`, () => (this.sheet().name = value));
  }
  delete(): void {
    this.context.enqueue(0, () => {
      const sheet = this.resolve();
      if (!sheet) return;
      this.context.book.writes.push(`${sheet.name}: deleted`);
      this.context.book.sheets = this.context.book.sheets.filter((s) => s !== sheet);
    });
  }
  activate(): void {
    this.context.enqueue(0, () => (this.context.book.activeSheet = this.sheet().name));
  }
  getRange(address: string): RangeProxy {
    const a = parseAddress(address);
    return new RangeProxy(this.context, this, a.row, a.column, a.rows, a.columns);
  }
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): RangeProxy {
    return new RangeProxy(this.context, this, row, column, rows, columns);
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): RangeProxy {
    const range = new RangeProxy(this.context, this, 0, 0, 0, 0);
    range.used = true;
    return range;
  }
}

/** range.conditionalFormats: each add() logged; a data bar's rules and colour recorded on the sheet at sync. */
function conditionalFormats(sheetProxy: WorksheetProxy, fixedAddress: string, range?: () => string) {
  return {
    add: (type: string) => {
      const address = () => fixedAddress || range?.() || "";
      const bar: FakeSheet["dataBars"][number] = { address: "" };
      sheetProxy.write(`conditional format ${type} ${address()}`, () => {
        bar.address = address();
        if (type === "DataBar") sheetProxy.sheet().dataBars.push(bar);
      });
      const dataBar = {
        set lowerBoundRule(rule: unknown) {
          bar.lowerBoundRule = rule;
        },
        set upperBoundRule(rule: unknown) {
          bar.upperBoundRule = rule;
        },
        positiveFormat: new Proxy0((key, value) => key === "fillColor" && (bar.fillColor = String(value))),
      };
      return { cellValue: { format: { fill: {}, font: {} }, rule: {} }, custom: { format: { fill: {}, font: {} }, rule: {} }, dataBar };
    },
  };
}

const columnName = (index: number) => {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
};

class RangeProxy extends Proxy {
  used = false;
  private nullObject = false;
  private snapshot: CellValue[][] = [];
  private formatSnapshot: string[][] = [];
  format: {
    font: Record<string, unknown>;
    fill: Record<string, unknown>;
    columnWidth?: number;
    borders: { getItem(index: `${Excel.BorderIndex}`): Record<string, unknown> };
  };
  get conditionalFormats() {
    return conditionalFormats(this.sheetProxy, "", () => this.address);
  }
  set columnHidden(hidden: boolean) {
    this.sheetProxy.write(`column hidden ${this.address}`, () => {
      if (hidden) this.sheetProxy.sheet().hiddenColumns.push(this.address);
    });
  }
  constructor(
    context: FakeContext,
    private sheetProxy: WorksheetProxy,
    public rowIndex: number,
    public columnIndex: number,
    public rowCount: number,
    public columnCount: number,
  ) {
    super(context);
    const record = (key: string, value: unknown) =>
      this.sheetProxy.write(`format ${key} ${this.address}`, () => this.sheetProxy.sheet().styles.set(`${key} ${this.address}`, value));
    const recorder = (part: string) => new Proxy0((key, value) => record(`${part}.${key}`, value));
    const parts = {
      font: recorder("font"),
      fill: recorder("fill"),
      autofitRows: () => record("autofitRows", true),
      // RangeFormat.borders (ExcelApi 1.1): each edge's style and colour recorded as `borders.EdgeTop.style A5:L9`.
      borders: { getItem: (index: `${Excel.BorderIndex}`) => recorder(`borders.${index}`) },
    };
    this.format = new globalThis.Proxy(parts, {
      get: (target, key) => target[key as keyof typeof target],
      set: (_target, key, value) => {
        record(String(key), value);
        return true;
      },
    }) as unknown as RangeProxy["format"];
  }
  get address(): string {
    return `${columnName(this.columnIndex)}${this.rowIndex + 1}:${columnName(this.columnIndex + this.columnCount - 1)}${this.rowIndex + this.rowCount}`;
  }
  load(properties: string): this {
    const wanted = properties.split(",").map((p) => p.trim());
    const cells =
      (wanted.includes("values") ? this.rowCount * this.columnCount : 0) +
      (wanted.includes("numberFormat") ? this.rowCount * this.columnCount : 0);
    this.context.enqueue(cells, () => {
      const sheet = this.sheetProxy.resolve();
      if (this.used) {
        if (!sheet || sheet.rowCount === 0) {
          this.nullObject = true;
        } else {
          this.rowIndex = 0;
          this.columnIndex = 0;
          this.rowCount = sheet.rowCount;
          this.columnCount = sheet.columnCount;
        }
      } else if (!sheet) throw new OfficeError("ItemNotFound", "the sheet does not exist");
      if (wanted.includes("values") && sheet) {
        this.snapshot = Array.from({ length: this.rowCount }, (_, r) =>
          Array.from({ length: this.columnCount }, (_, c) => sheet.cell(this.rowIndex + r, this.columnIndex + c)),
        );
      }
      if (wanted.includes("numberFormat") && sheet) {
        this.formatSnapshot = Array.from({ length: this.rowCount }, (_, r) =>
          Array.from(
            { length: this.columnCount },
            (_, c) => sheet.numberFormats.get(`${this.rowIndex + r},${this.columnIndex + c}`) ?? "General",
          ),
        );
      }
      for (const p of wanted) this.loaded.add(p);
    });
    this.context.onSynced(() => (this.ready = true));
    return this;
  }
  get isNullObject(): boolean {
    if (!this.ready) throw notLoaded("isNullObject");
    return this.nullObject;
  }
  get values(): CellValue[][] {
    return this.read("values", () => this.snapshot);
  }
  set values(values: CellValue[][]) {
    if (values.length !== this.rowCount || values.some((row) => row.length !== this.columnCount)) {
      throw new OfficeError(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range ${this.address}.`,
      );
    }
    const copy = values.map((row) => [...row]);
    this.sheetProxy.write(
      `values ${this.address}`,
      () => copy.forEach((row, r) => row.forEach((v, c) => this.sheetProxy.sheet().setCell(this.rowIndex + r, this.columnIndex + c, v))),
      this.rowCount * this.columnCount,
    );
  }
  set formulas(formulas: CellValue[][]) {
    this.values = formulas;
  }
  /**
   * Range.merge (ExcelApi 1.2): the area becomes one cell showing the upper-left value; as in Excel, the other
   * cells' values are dropped (so a value written there before merging is lost, as it would be).
   */
  merge(across = false): void {
    const areas = across
      ? Array.from({ length: this.rowCount }, (_, r) => ({ row: this.rowIndex + r, rows: 1 }))
      : [{ row: this.rowIndex, rows: this.rowCount }];
    this.sheetProxy.write(`merge ${this.address}`, () => {
      const sheet = this.sheetProxy.sheet();
      for (const area of areas) {
        sheet.merges.push(
          `${columnName(this.columnIndex)}${area.row + 1}:${columnName(this.columnIndex + this.columnCount - 1)}${area.row + area.rows}`,
        );
        for (let r = area.row; r < area.row + area.rows; r++)
          for (let c = this.columnIndex; c < this.columnIndex + this.columnCount; c++)
            if ((r !== area.row || c !== this.columnIndex) && sheet.values[r]?.[c] !== undefined) sheet.values[r][c] = "";
      }
    });
  }
  select(): void {
    this.context.enqueue(
      0,
      () => (this.context.book.selection = { sheet: this.sheetProxy.sheet().name, address: this.address.split(":")[0] }),
    );
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat", () => this.formatSnapshot);
  }
  set numberFormat(formats: unknown) {
    const grid = formats as string[][];
    this.sheetProxy.write(`number format ${this.address}`, () => {
      const sheet = this.sheetProxy.sheet();
      for (let r = 0; r < this.rowCount; r++)
        for (let c = 0; c < this.columnCount; c++) {
          const format = grid[r]?.[c] ?? grid[0]?.[0];
          if (typeof format === "string") sheet.numberFormats.set(`${this.rowIndex + r},${this.columnIndex + c}`, format);
        }
    });
  }
  getItemAt(): this {
    return this;
  }
}

/** Records property writes on a format sub-object. */
class Proxy0 {
  constructor(onSet: (key: string, value: unknown) => void) {
    return new globalThis.Proxy(this, {
      set: (_target, key, value) => {
        onSet(String(key), value);
        return true;
      },
    });
  }
}

class NamesProxy extends Proxy {
  private snapshot: { name: string; formula: string }[] = [];
  load(_properties: string): this {
    this.context.enqueue(0, () => {
      this.snapshot = [...this.context.book.names.entries()].map(([name, n]) => ({
        name,
        formula: `=${/[^A-Za-z0-9_]/.test(n.sheet.name) ? `'${n.sheet.name.replace(/'/g, "''")}'` : n.sheet.name}!${n.address}`,
      }));
      this.loaded.add("items");
    });
    this.context.onSynced(() => (this.ready = true));
    return this;
  }
  get items() {
    return this.read("items", () => this.snapshot);
  }
  add(name: string, reference: RangeProxy, _comment?: string): void {
    this.context.enqueue(0, () => {
      if (this.context.book.names.has(name)) throw new OfficeError("ItemAlreadyExists", `name ${name} exists`);
      this.context.book.names.set(name, {
        sheet: (reference as unknown as { sheetProxy: WorksheetProxy }).sheetProxy.sheet(),
        address: "$A$1",
      });
    });
  }
  getItemOrNullObject(name: string) {
    return { delete: () => this.context.enqueue(0, () => this.context.book.names.delete(name)) };
  }
}

/** The enums the task pane uses. */
export const FakeExcelEnums = {
  ConditionalFormatType: { cellValue: "CellValue", custom: "Custom", dataBar: "DataBar" },
  ConditionalFormatRuleType: { number: "Number", highestValue: "HighestValue", lowestValue: "LowestValue" },
  HorizontalAlignment: { left: "Left" },
  ChartLegendPosition: { top: "Top" },
  PageOrientation: { landscape: "Landscape", portrait: "Portrait" },
  PaperType: { a4: "A4" },
  VerticalAlignment: { top: "Top", center: "Center" },
  ChartType: { columnClustered: "ColumnClustered", barClustered: "BarClustered" },
  ChartAxisPosition: { maximum: "Maximum" },
  ChartSeriesBy: { columns: "Columns" },
};

/** Office.context.document.settings, in memory. */
export class FakeSettings {
  data = new Map<string, unknown>();
  saved = 0;
  get(name: string): unknown {
    return this.data.has(name) ? this.data.get(name) : null;
  }
  set(name: string, value: unknown): void {
    this.data.set(name, value);
  }
  remove(name: string): void {
    this.data.delete(name);
  }
  saveAsync(callback?: (result: { status: string }) => void): void {
    this.saved++;
    callback?.({ status: "succeeded" });
  }
}
