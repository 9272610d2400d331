/// <reference types="wps-jsapi" />
/**
 * Excel.run over WPS 表格: an `Excel.RequestContext`-shaped object over ET's synchronous, VBA-like object model,
 * offering exactly the part of Office.js the Excel gateway (addin/taskpane/excel/*.ts) uses, so the same
 * gateway code runs in WPS. Commands are queued and run against ET on context.sync(); loaded values are
 * readable after it, as in Office. Built against wps-jsapi 1.0.5 and test/fakes/fake-et.ts: not run in a real WPS.
 *
 * Office.js (as the gateway calls it)          → ET (as run at sync)                     where they differ, and how it is hidden
 * ------------------------------------------------------------------------------------------------------------------------------
 * Excel.run(batch), context.sync()             → the queue run in order, ScreenUpdating   ET is synchronous: commands wait for
 *                                                 off meanwhile                             sync() so the code's sync discipline holds
 * reading before load()+sync()                 → throws PropertyNotLoaded                 as Office does
 * ET exception                                 → error with code GeneralException         Office-like `code` for explainOfficeError
 * suspendApiCalculationUntilNextSync()         → Calculation = xlCalculationManual        restored after the sync
 *                                                 (-4135) while the next sync runs
 * RequestPayloadSizeLimitExceeded              → never                                    no payload limit: blocks of 5,000 rows stay
 * worksheets.load("items/name").items          → Worksheets.Count, Item(1…n).Name         1-based
 * worksheets.add(name)                         → Worksheets.Add(, Item(Count)); .Name=…   Add takes Before/After, not a name; the
 *                                                                                           new sheet goes last, as in Office
 * worksheets.getItem(name)                     → Worksheets.Item(i) whose Name matches    missing → ItemNotFound (VBA: error 9)
 * worksheets.getItemOrNullObject(n).delete()   → Worksheet.Delete() if it exists           Delete() asks to confirm unless
 *                                                                                           DisplayAlerts = False: off for the call
 * worksheet.name = …, activate()               → Worksheet.Name = …, Activate()
 * getRange(a1) / getRangeByIndexes(r,c,h,w)    → Worksheet.Range(a1)                      0-based indexes → an A1 address
 * getUsedRangeOrNullObject(true)               → UsedRange                                an empty sheet's UsedRange is A1 (null
 *   .rowIndex/columnIndex/rowCount/columnCount → .Row-1, .Column-1, .Rows/.Columns.Count  object here); ET counts formatted cells
 * range.values (load)                          → Value2                                   a scalar for one cell; empty → ""; a CVErr
 *                                                                                           SCODE → "#DIV/0!"…; dates are serials
 * range.values = rows                          → Value2 = rows (a scalar for one cell)    a leading ' keeps text, as in Excel
 * range.numberFormat (load)                    → NumberFormat, halved where it is null     ET gives null for mixed formats
 * range.numberFormat = grid                    → NumberFormat per run of equal formats     ET takes one format per range
 * format.font.bold/size/color                  → Font.Bold/Size/Color                     "#RRGGBB" → BGR integer
 * format.fill.color                            → Interior.Color                           BGR
 * format.columnWidth (points)                  → ColumnWidth (characters)                 (points/0.75 − 5)/7, Excel's rule
 * format.rowHeight, wrapText                   → RowHeight (points), WrapText
 * format.horizontal/verticalAlignment          → HorizontalAlignment/VerticalAlignment    "Center" → xlCenter (-4108) …
 * format.borders.getItem(edge).style/color     → Borders.Item(xlEdgeTop=8 …).LineStyle    "Continuous" → xlContinuous (1); BGR
 * format.autofitRows()                         → Rows.AutoFit()
 * merge(across)                                → Merge(Across)
 * columnHidden = true                          → EntireColumn.Hidden = True
 * conditionalFormats.add(custom) + formula     → FormatConditions.Add(xlExpression=2,,f)  made at sync (ET wants the formula at
 *   .format.fill/font.color                      .Interior/.Font.Color                      Add); sheet activated, first cell selected
 *                                                                                           (relative refs are the active cell's)
 * getRanges(a,b).conditionalFormats dataBar    → Range("a,b").FormatConditions           MinPoint.Modify(xlConditionValueNumber, 0),
 *                                                 .AddDatabar()                             MaxPoint.Modify(highest), BarColor.Color
 * freezePanes.freezeRows(n)                    → Activate; ActiveWindow.SplitRow = n,     a window setting in ET: the sheet is
 *                                                 SplitColumn = 0, FreezePanes = True       activated first
 * autoFilter.apply(range)                      → Range.AutoFilter()                       (toggles: our sheets are new)
 * pageLayout.orientation/paperSize             → PageSetup.Orientation (xlLandscape=2),
 *                                                 PaperSize (xlPaperA4=9)
 * pageLayout.zoom {horizontal/verticalFit…}    → Zoom = False, FitToPagesWide/Tall       Office's 0 pages = VBA's False
 * pageLayout.*Margin, centerHorizontally       → PageSetup.*Margin, CenterHorizontally     points both
 * setPrintArea / setPrintTitleRows             → PageSetup.PrintArea / PrintTitleRows
 * headersFooters.defaultForAllPages.*Footer    → PageSetup.LeftFooter/CenterFooter/…      the same &P/&N codes
 * horizontalPageBreaks.add(cell)               → HPageBreaks.Add(Range(cell))
 * charts.add(type, range, columns) + settings  → ChartObjects().Add(l,t,w,h).Chart:       made at sync from the settings queued;
 *                                                 ChartType 51, SetSourceData, SeriesCollection, placed over setPosition's cells
 *                                                 ChartTitle, Legend, Axes(1|2), DataLabels
 * names.load("items/name,items/formula")       → Names.Item(1…n).Name, .RefersTo
 * names.add(name, range, comment)              → Names.Add(name, "=Sheet!$A$1"); Comment   RefersTo is a formula text
 * names.getItemOrNullObject(n).delete()        → Name.Delete() if it exists
 * functions.date(1904,1,1).value               → Workbook.Date1904 (True → 0, else 1462)  ET has the property Office lacks
 * worksheet.onSelectionChanged.add/remove      → wps.ApiEvent "SheetSelectionChange"       one listener per event name in WPS:
 *                                                 (sheet, range), Remove…Listener           one dispatcher, handlers by sheet name
 * Excel.* enums (ChartType, PaperType …)       → installExcelEnums() (wps-gateway.ts)     WPS has no `Excel` object
 * Office.context.requirements (ExcelApi)       → wpsSupports() (wps-gateway.ts)           no API versions: what is here is true
 */
import type { ExcelRun } from "../taskpane/excel/excel-blocks";
import { EtContext, LoadedProxy, officeError } from "./et-context";
import { EtApiEvent, EtWorkbookModel, EtWorksheetModel, modelOf } from "./et-model";
import type { RangeProxy } from "./et-range";
import { WorksheetProxy } from "./et-sheet";

/** The sheets of the workbook, 1-based as ET numbers them. */
function sheetsOf(book: EtWorkbookModel): EtWorksheetModel[] {
  const sheets = book.Worksheets;
  return Array.from({ length: sheets.Count }, (_, i) => sheets.Item(i + 1));
}

/** The sheet named `name` (as Excel, ignoring case when no sheet has it exactly), or null. */
function byName(book: EtWorkbookModel, name: string): EtWorksheetModel | null {
  const sheets = sheetsOf(book);
  return sheets.find((s) => s.Name === name) ?? sheets.find((s) => s.Name.toLowerCase() === name.toLowerCase()) ?? null;
}

class WorksheetsProxy extends LoadedProxy {
  private snapshot: WorksheetProxy[] = [];
  load(_properties: string): this {
    return this.loadWith(["items"], () => {
      this.snapshot = sheetsOf(this.context.book).map((s) => new WorksheetProxy(this.context, () => s, s));
    });
  }
  get items(): WorksheetProxy[] {
    return this.read("items", () => this.snapshot);
  }
  /** A new sheet after the last one, named `name` (ItemAlreadyExists when a sheet has it). */
  add(name: string): WorksheetProxy {
    let created: EtWorksheetModel | null = null;
    this.context.enqueue(() => {
      const book = this.context.book;
      if (byName(book, name)) throw officeError("ItemAlreadyExists", `A worksheet named ${name} exists.`);
      const sheets = book.Worksheets;
      created = sheets.Add(undefined, sheets.Item(sheets.Count));
      created.Name = name;
    });
    return new WorksheetProxy(this.context, () => created);
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => byName(this.context.book, name));
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return this.getItem(name);
  }
}

/** `=HLJ筛查结果!$A$1`; quoted where Excel would quote the sheet's name. */
function refersTo(sheet: string, a1: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet);
  const quoted = plain ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  const cell = a1.split(":")[0].replace(/^\$?([A-Z]+)\$?(\d+)$/, "$$$1$$$2");
  return `=${quoted}!${cell}`;
}

class NamesProxy extends LoadedProxy {
  private snapshot: { name: string; formula: string }[] = [];
  private find(name: string) {
    const names = this.context.book.Names;
    for (let i = 1; i <= names.Count; i++) {
      const item = names.Item(i);
      if (String(item.Name) === name) return item;
    }
    return null;
  }
  load(_properties: string): this {
    return this.loadWith(["items"], () => {
      const names = this.context.book.Names;
      this.snapshot = Array.from({ length: names.Count }, (_, i) => {
        const item = names.Item(i + 1);
        return { name: String(item.Name), formula: String(item.RefersTo) };
      });
    });
  }
  get items() {
    return this.read("items", () => this.snapshot);
  }
  add(name: string, reference: RangeProxy, comment?: string): void {
    this.context.enqueue(() => {
      if (this.find(name)) throw officeError("ItemAlreadyExists", `The name ${name} exists.`);
      const range = reference.etRange();
      const added = this.context.book.Names.Add(name, refersTo(String(range.Worksheet.Name), reference.a1));
      if (comment !== undefined) added.Comment = comment;
    });
  }
  getItemOrNullObject(name: string) {
    return { delete: () => this.context.enqueue(() => this.find(name)?.Delete()) };
  }
}

/** Worksheet functions: only DATE, which the gateway uses to tell the date system — ET says it outright. */
class FunctionResult extends LoadedProxy {
  private result = 0;
  constructor(
    context: EtContext,
    private readonly date: [number, number, number],
  ) {
    super(context);
  }
  load(_properties: string): this {
    return this.loadWith(["value"], () => {
      const [year, month, day] = this.date;
      const days = Date.UTC(year, month - 1, day) / 86_400_000;
      this.result = this.context.book.Date1904 ? days - Date.UTC(1904, 0, 1) / 86_400_000 : days + 25_569;
    });
  }
  get value(): number {
    return this.read("value", () => this.result);
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetsProxy;
  readonly names: NamesProxy;
  readonly functions: { date(year: number, month: number, day: number): FunctionResult };
  constructor(context: EtContext) {
    this.worksheets = new WorksheetsProxy(context);
    this.names = new NamesProxy(context);
    this.functions = { date: (year, month, day) => new FunctionResult(context, [year, month, day]) };
  }
}

/** wps.ApiEvent where WPS provides it. */
export function defaultApiEvent(): EtApiEvent | undefined {
  const scope = globalThis as unknown as { wps?: { ApiEvent?: EtApiEvent } };
  return scope.wps?.ApiEvent;
}

/**
 * Excel.run over the ET application `app` (WPS: `wps.EtApplication()` or `window.Application`): each batch gets a
 * new context on the active workbook; what is left queued when the batch returns is synced, as Excel.run does.
 * `events` is wps.ApiEvent (injected in tests).
 */
export function etExcelRun(app: Et.EtApplication, events: EtApiEvent | undefined = defaultApiEvent()): ExcelRun {
  const model = modelOf(app);
  return async (batch) => {
    const context = new EtContext(model, events);
    context.workbook = new WorkbookProxy(context);
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.pending) await context.sync();
    return result;
  };
}
