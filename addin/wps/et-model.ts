/// <reference types="wps-jsapi" />
/**
 * The part of WPS 表格's ET object model the adapter uses, as it behaves — VBA's model, synchronous, 1-based.
 * Taken from wps-jsapi 1.0.5 (`Et.*`) wherever its generated declarations say what the object does; corrected
 * where they cannot: the declarations come from the COM type library, so a method that returns an object has
 * `void` and the object as a trailing `RHS` parameter (`Range(Cell1, Cell2, RHS?: EtRange): void`,
 * `Worksheets.Item(Index, RHS): void`, `Names.Add(…, RHS?: EtName): void`), and a VARIANT property is `number`
 * (`UsedRange`, `Value2`, `Name.RefersTo`, `Workbook.Date1904`). Nothing else of the typings is changed.
 */

/** Et.EtFont's members the adapter sets (Color is a BGR integer, as in VBA). */
export type EtFontModel = Pick<Et.EtFont, "Size" | "Bold" | "Color">;
export type EtInteriorModel = Pick<Et.EtInterior, "Color">;
export type EtBorderModel = Pick<Et.EtBorder, "LineStyle" | "Color">;

/** Range.Borders(Index): Borders.Item returns the edge (typed `void` with an RHS). */
export interface EtBordersModel {
  Item(Index: number): EtBorderModel;
}

/** A condition's bound (Databar.MinPoint / MaxPoint): `Modify(newtype, newvalue)`. */
export interface EtConditionValueModel {
  Modify(Type: number, Value?: unknown): void;
}

export interface EtDatabarModel {
  readonly MinPoint: EtConditionValueModel;
  readonly MaxPoint: EtConditionValueModel;
  /** The bar's FormatColor: `.Color` a BGR integer. */
  readonly BarColor: { Color: number };
}

export interface EtFormatConditionModel {
  readonly Interior: EtInteriorModel;
  readonly Font: Pick<Et.EtFont, "Color">;
}

/** Range.FormatConditions: Add(xlExpression, , Formula1) and AddDatabar() return the condition. */
export interface EtFormatConditionsModel {
  Add(Type: number, Operator?: unknown, Formula1?: string): EtFormatConditionModel;
  AddDatabar(): EtDatabarModel;
}

type RangeTyped =
  | "NumberFormat"
  | "ColumnWidth"
  | "RowHeight"
  | "WrapText"
  | "HorizontalAlignment"
  | "VerticalAlignment"
  | "Row"
  | "Column"
  | "Left"
  | "Top"
  | "Width"
  | "Height";

/** Et.EtRange as the adapter uses it; `Value2` is a scalar for one cell, rows of cells (0-based arrays) for more. */
export interface EtRangeModel extends Pick<Et.EtRange, RangeTyped> {
  Value2: unknown;
  readonly Font: EtFontModel;
  readonly Interior: EtInteriorModel;
  readonly Borders: EtBordersModel;
  readonly FormatConditions: EtFormatConditionsModel;
  readonly Rows: { readonly Count: number; AutoFit(): unknown };
  readonly Columns: { readonly Count: number };
  readonly EntireColumn: { Hidden: unknown };
  readonly Worksheet: EtWorksheetModel;
  /** A parametrised property in VBA, a method here (`Address(false, false)` gives `A1:C3`). */
  Address(RowAbsolute?: boolean, ColumnAbsolute?: boolean): string;
  Merge(Across?: boolean): void;
  Select(): unknown;
  /** With no argument: turns the filter buttons on over the range (toggles them, as in VBA). */
  AutoFilter(): unknown;
}

export type EtPageSetupModel = Pick<
  Et.EtPageSetup,
  | "Orientation"
  | "PaperSize"
  | "Zoom"
  | "FitToPagesWide"
  | "FitToPagesTall"
  | "LeftMargin"
  | "RightMargin"
  | "TopMargin"
  | "BottomMargin"
  | "HeaderMargin"
  | "FooterMargin"
  | "CenterHorizontally"
  | "PrintArea"
  | "PrintTitleRows"
  | "LeftFooter"
  | "CenterFooter"
  | "RightFooter"
>;

export interface EtAxisModel {
  HasTitle: boolean;
  readonly AxisTitle: Pick<Et.EtAxisTitle, "Text">;
  readonly TickLabels: Pick<Et.EtTickLabels, "NumberFormat" | "Orientation">;
  ReversePlotOrder: boolean;
  Crosses: number;
}

export interface EtSeriesModel {
  Name: string;
  Values: unknown;
  XValues: unknown;
  HasDataLabels: boolean;
  DataLabels(): Pick<Et.EtDataLabels, "ShowValue" | "NumberFormat">;
}

export interface EtChartModel {
  ChartType: number;
  SetSourceData(Source: EtRangeModel, PlotBy?: number): void;
  HasTitle: boolean;
  readonly ChartTitle: { Text: string };
  HasLegend: boolean;
  readonly Legend: { Position: number };
  PlotVisibleOnly: boolean;
  /** Axes(xlCategory = 1 | xlValue = 2). */
  Axes(Type: number): EtAxisModel;
  /** SeriesCollection(i) (1-based) is a series; SeriesCollection() the collection (NewSeries, Count). */
  SeriesCollection(): { readonly Count: number; NewSeries(): EtSeriesModel };
  SeriesCollection(Index: number): EtSeriesModel;
}

export interface EtChartObjectModel extends Pick<Et.EtChartObject, "Left" | "Top" | "Width" | "Height"> {
  readonly Chart: EtChartModel;
}

export interface EtWorksheetModel extends Pick<Et.EtWorksheet, "Name" | "Index" | "Delete" | "Activate"> {
  Range(Cell1: string, Cell2?: string): EtRangeModel;
  readonly UsedRange: EtRangeModel;
  readonly PageSetup: EtPageSetupModel;
  readonly HPageBreaks: { Add(Before: EtRangeModel): unknown };
  ChartObjects(): { Add(Left: number, Top: number, Width: number, Height: number): EtChartObjectModel };
}

export interface EtWorksheetsModel {
  readonly Count: number;
  /** By 1-based index or by name; throws when there is none (VBA's "subscript out of range"). */
  Item(Index: number | string): EtWorksheetModel;
  /** Adds a sheet before `Before` or after `After` (one of them), activates it and returns it. */
  Add(Before?: EtWorksheetModel, After?: EtWorksheetModel): EtWorksheetModel;
}

export interface EtNameModel extends Pick<Et.EtName, "Delete" | "Comment"> {
  /** The name (typed `number`: a VARIANT). */
  Name: string;
  /** `=HLJ筛查结果!$A$1` (typed `number`: a VARIANT). */
  RefersTo: string;
}

export interface EtNamesModel {
  readonly Count: number;
  Item(Index: number | string): EtNameModel;
  Add(Name: string, RefersTo: string): EtNameModel;
}

export interface EtWorkbookModel {
  readonly Worksheets: EtWorksheetsModel;
  readonly Names: EtNamesModel;
  /** True in a workbook that counts dates from 1904 (typed `number`: a VARIANT_BOOL). */
  Date1904: boolean;
}

/** The window's freeze panes (of the active sheet, as in VBA). */
export type EtWindowModel = Pick<Et.EtWindow, "SplitRow" | "SplitColumn" | "FreezePanes" | "ScrollRow">;

export interface EtApplicationModel {
  readonly ActiveWorkbook: EtWorkbookModel;
  readonly ActiveWindow: EtWindowModel;
  /** Typed `number` (VARIANT_BOOL): false stops the confirmation Worksheet.Delete() would ask for. */
  DisplayAlerts: boolean;
  ScreenUpdating: boolean;
  /** xlCalculationManual = -4135, xlCalculationAutomatic = -4105. */
  Calculation: number;
}

/** wps.ApiEvent: the host's event listeners (one per event name: Remove takes only the name). */
export interface EtApiEvent {
  AddApiEventListener(event: "SheetSelectionChange", callback: (sheet: object, range: object) => void): void;
  RemoveApiEventListener(event: "SheetSelectionChange"): void;
}

/** The ET application as the adapter sees it (one cast at the boundary: the declarations above say why). */
export const modelOf = (app: Et.EtApplication): EtApplicationModel => app as unknown as EtApplicationModel;
