/**
 * Excel.Worksheet over ET's Worksheet: its name, deleting and activating it, its ranges and used range, freeze
 * panes (through the window, as in VBA), the filter, the page layout (PageSetup), page breaks, charts and the
 * selection event.
 */
import { addressOf, XL } from "./et-convert";
import { EtContext, LoadedProxy, officeError } from "./et-context";
import { addChart } from "./et-chart";
import { onSelection, SelectionEvent } from "./et-events";
import type { EtPageSetupModel, EtWorksheetModel } from "./et-model";
import { RangeProxy, SheetRef, conditionalFormats } from "./et-range";

type Zoom = { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };

/** sheet.pageLayout over PageSetup: the same units (points for margins), the enums as VBA constants. */
function pageLayout(sheet: SheetRef) {
  const set = (apply: (setup: EtPageSetupModel) => void) => sheet.context.enqueue(() => apply(sheet.et().PageSetup));
  const margin = (key: "LeftMargin" | "RightMargin" | "TopMargin" | "BottomMargin" | "HeaderMargin" | "FooterMargin") => ({
    set: (points: number) => set((setup) => (setup[key] = points)),
    enumerable: true,
  });
  const footer = (key: "LeftFooter" | "CenterFooter" | "RightFooter") => ({
    set: (text: string) => set((setup) => (setup[key] = text)),
    enumerable: true,
  });
  const defaultForAllPages = Object.defineProperties(
    {},
    { leftFooter: footer("LeftFooter"), centerFooter: footer("CenterFooter"), rightFooter: footer("RightFooter") },
  );
  const layout = {
    headersFooters: { defaultForAllPages },
    set orientation(value: string) {
      set((setup) => (setup.Orientation = value === "Landscape" ? XL.landscape : XL.portrait));
    },
    set paperSize(value: string) {
      if (value !== "A4") throw officeError("InvalidArgument", `paper ${value}: only A4 is mapped to WPS`);
      set((setup) => (setup.PaperSize = XL.paperA4));
    },
    /** Office's fit-to-pages 0 is "as many as needed": False in VBA. */
    set zoom(zoom: Zoom) {
      set((setup) => {
        if (zoom.scale !== undefined) {
          setup.Zoom = zoom.scale;
          return;
        }
        setup.Zoom = false;
        setup.FitToPagesWide = zoom.horizontalFitToPages || false;
        setup.FitToPagesTall = zoom.verticalFitToPages || false;
      });
    },
    set centerHorizontally(value: boolean) {
      set((setup) => (setup.CenterHorizontally = value));
    },
    setPrintArea: (area: string) => set((setup) => (setup.PrintArea = area)),
    setPrintTitleRows: (rows: string) => set((setup) => (setup.PrintTitleRows = rows)),
  };
  return Object.defineProperties(layout, {
    leftMargin: margin("LeftMargin"),
    rightMargin: margin("RightMargin"),
    topMargin: margin("TopMargin"),
    bottomMargin: margin("BottomMargin"),
    headerMargin: margin("HeaderMargin"),
    footerMargin: margin("FooterMargin"),
  });
}

export class WorksheetProxy extends LoadedProxy implements SheetRef {
  private cached: EtWorksheetModel | null = null;
  private snapshotName = "";
  readonly pageLayout = pageLayout(this);
  readonly freezePanes = {
    /** ET freezes through the active window: the sheet is activated, the split set under `rows` rows, frozen. */
    freezeRows: (rows: number) =>
      this.context.enqueue(() => {
        this.et().Activate();
        const window = this.context.app.ActiveWindow;
        window.FreezePanes = false;
        window.ScrollRow = 1;
        window.SplitColumn = 0;
        window.SplitRow = rows;
        window.FreezePanes = true;
      }),
  };
  readonly autoFilter = { apply: (range: RangeProxy) => this.context.enqueue(() => range.etRange().AutoFilter()) };
  readonly horizontalPageBreaks = {
    add: (cell: string) => this.context.enqueue(() => this.et().HPageBreaks.Add(this.et().Range(cell))),
  };
  readonly charts = { add: (type: string, source: RangeProxy, _seriesBy?: string) => addChart(this, type, source) };
  readonly onSelectionChanged = {
    add: (handler: (event: SelectionEvent) => Promise<unknown>) => {
      let remove: (() => void) | null = null;
      this.context.enqueue(() => (remove = onSelection(this.context.events, this.et(), handler)));
      const context = this.context;
      return { context, remove: () => context.enqueue(() => remove?.()) };
    },
  };

  constructor(
    context: EtContext,
    private readonly find: () => EtWorksheetModel | null,
    /** A sheet met in a loaded collection: its object and name known already. */
    known?: EtWorksheetModel,
  ) {
    super(context);
    if (known) {
      this.cached = known;
      this.snapshotName = String(known.Name);
      this.loaded.add("name");
      this.ready = true;
    }
  }

  etOrNull(): EtWorksheetModel | null {
    this.cached ??= this.find();
    return this.cached;
  }
  et(): EtWorksheetModel {
    const sheet = this.etOrNull();
    if (!sheet) throw officeError("ItemNotFound", "The requested resource doesn't exist (no such worksheet).");
    return sheet;
  }
  get name(): string {
    return this.read("name", () => this.snapshotName);
  }
  set name(name: string) {
    this.context.enqueue(() => (this.et().Name = name));
  }
  /** Worksheet.Delete() asks the person to confirm unless DisplayAlerts is off: off for the call, then as it was. */
  delete(): void {
    this.context.enqueue(() => {
      const sheet = this.etOrNull();
      if (!sheet) return;
      const app = this.context.app;
      const alerts = app.DisplayAlerts;
      app.DisplayAlerts = false;
      try {
        sheet.Delete();
      } finally {
        app.DisplayAlerts = alerts;
      }
      this.cached = null;
    });
  }
  activate(): void {
    this.context.enqueue(() => this.et().Activate());
  }
  getRange(address: string): RangeProxy {
    return new RangeProxy(this, address);
  }
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): RangeProxy {
    return new RangeProxy(this, addressOf(row, column, rows, columns));
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this, "", true);
  }
  /** Several areas at once (`B5:B9,B12:B14`): ET's Range takes the same comma-separated address. */
  getRanges(address: string) {
    return { conditionalFormats: conditionalFormats(this, () => address) };
  }
}
