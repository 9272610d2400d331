/**
 * The two workbook hosts the gateway cases run on, built from one description of a workbook: the Office fake
 * (test/fakes/fake-office.ts) through excelWorkbookGateway, and the WPS fake (test/fakes/fake-et.ts) through
 * wpsWorkbookGateway. Each reads back what was written in the same terms (values as Office gives them, print
 * setup, freeze, filter, merges, formats), converting the fakes' own representations here — not with the
 * adapter's conversions — so the two can be compared. Test helper, no tests here.
 */
import { FakeExcelEnums, FakeWorkbook, CellValue } from "../../fakes/fake-office";
import { FakeEtApplication, FakeEtError, asEtApplication } from "../../fakes/fake-et";
import { ExcelRun, excelWorkbookGateway } from "../../../addin/taskpane/excel/workbook-gateway";
import type { WorkbookGateway } from "../../../addin/taskpane/excel/gateway-types";
import { wpsWorkbookGateway } from "../../../addin/wps/wps-gateway";

(globalThis as unknown as { Excel: unknown }).Excel = FakeExcelEnums;

/** A cell as a person typed it ('text stays text), null for empty, or an error. */
export type SpecCell = string | number | boolean | null | { error: "#DIV/0!" | "#N/A" | "#VALUE!" | "#REF!" | "#NAME?" };

export interface BookSpec {
  sheets: { name: string; rows: SpecCell[][] }[];
  /** Defined names a workbook already has: marker → the sheet it points at ($A$1). */
  markers?: Record<string, string>;
  /** Number formats by sheet, `row,column` (0-based) → format. */
  formats?: Record<string, Record<string, string>>;
  date1904?: boolean;
}

export type Cell = string | number | boolean;

/** The print setup as both hosts are asked to read it back. */
export interface PrintSetup {
  orientation: string;
  paper: string;
  fitWide: number;
  fitTall: number;
  printArea: string;
  titleRows: string;
  footer: string[];
  centered: boolean;
  leftMargin: number;
}

export interface Host {
  kind: "office" | "wps";
  gateway: WorkbookGateway;
  sheetNames(): string[];
  /** The sheet's values from A1, as Office's values ("" for empty; errors as their text). */
  values(sheet: string): Cell[][];
  /** Defined names → the sheet each refers to. */
  markers(): Record<string, string>;
  print(sheet: string): PrintSetup;
  frozenRows(sheet: string): number;
  autoFilter(sheet: string): string | undefined;
  merges(sheet: string): string[];
  /** Bold as set on exactly this address. */
  bold(sheet: string, address: string): unknown;
  /** The fill colour set on exactly this address, "#RRGGBB". */
  fill(sheet: string, address: string): string | undefined;
  /** A column's width in characters (2 decimals), as set. */
  width(sheet: string, column: string): number | undefined;
  /** Changes logged on these sheets. */
  writesTo(names: string[]): string[];
  /** Sheets added during the test. */
  added(): number;
  userSelects(sheet: string, address: string): Promise<void>;
}

/** `A1:A1` → `A1` (the Office fake writes single cells as ranges). */
const single = (address: string) => address.replace(/^([A-Z]+\d+):\1$/, "$1");
const round2 = (n: number) => Math.round(n * 100) / 100;

function officeHostOf(spec: BookSpec): Host {
  const book = new FakeWorkbook();
  book.date1904 = spec.date1904 ?? false;
  for (const { name, rows } of spec.sheets) {
    const sheet = book.addSheet(name);
    for (const [key, format] of Object.entries(spec.formats?.[name] ?? {})) sheet.numberFormats.set(key, format);
    rows.forEach((row, r) =>
      row.forEach((cell, c) => cell !== null && sheet.setCell(r, c, typeof cell === "object" ? cell.error : (cell as CellValue))),
    );
  }
  for (const [marker, sheet] of Object.entries(spec.markers ?? {})) book.names.set(marker, { sheet: book.sheet(sheet)!, address: "$A$1" });
  const layout = (sheet: string) => book.sheet(sheet)!.pageLayout;
  const style = (sheet: string, key: string, address: string) => {
    for (const [k, v] of book.sheet(sheet)!.styles) if (k === `${key} ${address}` || k === `${key} ${address}:${address}`) return v;
    return undefined;
  };
  return {
    kind: "office",
    gateway: excelWorkbookGateway(book.run as unknown as ExcelRun),
    sheetNames: () => book.sheets.map((s) => s.name),
    values: (sheet) => {
      const s = book.sheet(sheet)!;
      return s.values.map((row) => Array.from({ length: s.columnCount }, (_, c) => row[c] ?? ""));
    },
    markers: () => Object.fromEntries([...book.names].map(([name, n]) => [name, n.sheet.name])),
    print: (sheet) => {
      const p = layout(sheet);
      const zoom = p.zoom as { horizontalFitToPages: number; verticalFitToPages: number };
      return {
        orientation: String(p.orientation).toLowerCase(),
        paper: String(p.paperSize),
        fitWide: zoom.horizontalFitToPages,
        fitTall: zoom.verticalFitToPages,
        printArea: String(p.printArea ?? ""),
        titleRows: String(p.printTitleRows ?? ""),
        footer: ["leftFooter", "centerFooter", "rightFooter"].map((k) => String(p[`footer.${k}`])),
        centered: Boolean(p.centerHorizontally),
        leftMargin: round2(Number(p.leftMargin)),
      };
    },
    frozenRows: (sheet) => book.sheet(sheet)!.frozenRows,
    autoFilter: (sheet) => book.sheet(sheet)!.autoFilter,
    merges: (sheet) => book.sheet(sheet)!.merges.map(single).sort(),
    bold: (sheet, address) => style(sheet, "font.bold", address),
    fill: (sheet, address) => style(sheet, "fill.color", address) as string | undefined,
    width: (sheet, column) => {
      const points = style(sheet, "columnWidth", `${column}1:${column}1048576`) as number | undefined;
      return points === undefined ? undefined : round2((points / 0.75 - 5) / 7);
    },
    writesTo: (names) => book.writes.filter((w) => names.some((n) => w.startsWith(`${n}:`))),
    added: () => book.writes.filter((w) => w.endsWith(": added")).length,
    userSelects: (sheet, address) => book.userSelects(sheet, address),
  };
}

/** A BGR integer (VBA's Color) as "#RRGGBB". */
const fromBgr = (value: unknown) => {
  if (typeof value !== "number") return undefined;
  const hex = (n: number) => n.toString(16).padStart(2, "0").toUpperCase();
  return `#${hex(value % 256)}${hex(Math.floor(value / 256) % 256)}${hex(Math.floor(value / 65_536))}`;
};

function wpsHostOf(spec: BookSpec): Host {
  const app = new FakeEtApplication();
  const book = app.workbook;
  book.Date1904 = spec.date1904 ?? false;
  for (const { name, rows } of spec.sheets) {
    const sheet = book.addSheet(name);
    for (const [key, format] of Object.entries(spec.formats?.[name] ?? {})) {
      const [r, c] = key.split(",").map(Number);
      sheet.numberFormats.set(`${r + 1},${c + 1}`, format);
    }
    rows.forEach((row, r) =>
      row.forEach((cell, c) => sheet.type(r + 1, c + 1, cell !== null && typeof cell === "object" ? new FakeEtError(cell.error) : cell)),
    );
  }
  for (const [marker, sheet] of Object.entries(spec.markers ?? {})) book.Names.Add(marker, `=${sheet}!$A$1`);
  const sheetOf = (name: string) => book.sheet(name)!;
  const style = (sheet: string, key: string, address: string) => sheetOf(sheet).styles.get(`${key} ${address}`);
  return {
    kind: "wps",
    gateway: wpsWorkbookGateway(asEtApplication(app), app.events),
    sheetNames: () => book.sheets.map((s) => s.Name),
    values: (sheet) => sheetOf(sheet).officeValues(),
    markers: () => Object.fromEntries(book.Names.items.map((n) => [n.Name, book.Names.sheetOf(n.Name)!])),
    print: (sheet) => {
      const p = sheetOf(sheet).PageSetup;
      return {
        orientation: p.Orientation === 2 ? "landscape" : "portrait",
        paper: p.PaperSize === 9 ? "A4" : String(p.PaperSize),
        fitWide: p.Zoom === false ? Number(p.FitToPagesWide || 0) : NaN,
        fitTall: p.Zoom === false ? Number(p.FitToPagesTall || 0) : NaN,
        printArea: p.PrintArea,
        titleRows: p.PrintTitleRows,
        footer: [p.LeftFooter, p.CenterFooter, p.RightFooter],
        centered: p.CenterHorizontally,
        leftMargin: round2(p.LeftMargin),
      };
    },
    frozenRows: (sheet) => sheetOf(sheet).frozenRows,
    autoFilter: (sheet) => sheetOf(sheet).autoFilter,
    merges: (sheet) => [...sheetOf(sheet).merges].sort(),
    bold: (sheet, address) => style(sheet, "Font.Bold", address),
    fill: (sheet, address) => fromBgr(style(sheet, "Interior.Color", address)),
    width: (sheet, column) => {
      const index = [...column].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      const characters = sheetOf(sheet).columnWidths.get(index);
      return characters === undefined ? undefined : round2(characters);
    },
    writesTo: (names) => book.writes.filter((w) => names.some((n) => w.startsWith(`${n}:`))),
    added: () => book.writes.filter((w) => w.endsWith(": added")).length,
    userSelects: (sheet, address) => app.userSelects(sheet, address),
  };
}

export const HOSTS = { office: officeHostOf, wps: wpsHostOf } as const;
