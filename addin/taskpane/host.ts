/**
 * What the pane needs from its host, behind one small interface: the workbook (a WorkbookGateway), the display
 * language and theme, document settings, selecting a cell and inserting a formula. Components receive it; they
 * never reach for Office or WPS. officeHost is Excel's; addin/wps has WPS's.
 */
import { ExcelRun, excelWorkbookGateway } from "./excel/workbook-gateway";
import type { WorkbookGateway } from "./excel/gateway-types";
import { Language } from "./ui/i18n";

export type Theme = "light" | "dark";

export interface PaneHost {
  /** The open workbook: Excel's (Office.js) or WPS's (the ET object model). */
  gateway: WorkbookGateway;
  /** The spreadsheet program, as messages name it (Excel; WPS 表格). */
  appName: { zh: string; en: string };
  language: Language;
  theme: Theme;
  loadSetting<T>(name: string): T | null;
  saveSetting(name: string, value: unknown): Promise<void>;
  /** Selects a cell, e.g. ("申报", "J16"). */
  selectCell(sheet: string, address: string): Promise<void>;
  /** Writes a formula into the selected cell; returns its address. */
  insertFormula(formula: string): Promise<string>;
  /** Whether this Excel offers an ExcelApi version (what the manifest does not require is checked here). */
  supports(excelApi: string): boolean;
}

function themeOf(): Theme {
  const color = Office.context?.officeTheme?.bodyBackgroundColor;
  if (!color || !/^#?[0-9a-f]{6}$/i.test(color)) return "light";
  const hex = color.replace("#", "");
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? "dark" : "light";
}

export function officeHost(): PaneHost {
  const run: ExcelRun = (batch) => Excel.run(batch);
  const tag = Office.context?.displayLanguage;
  return {
    gateway: excelWorkbookGateway(run),
    appName: { zh: "Excel", en: "Excel" },
    language: !tag || tag.toLowerCase().startsWith("zh") ? "zh" : "en",
    theme: themeOf(),
    loadSetting: <T>(name: string) => (Office.context.document.settings.get(name) as T | null) ?? null,
    saveSetting: (name, value) =>
      new Promise((resolve, reject) => {
        Office.context.document.settings.set(name, value);
        Office.context.document.settings.saveAsync((result) =>
          result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(result.error),
        );
      }),
    selectCell: (sheet, address) =>
      run(async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        worksheet.activate();
        worksheet.getRange(address).select();
        await context.sync();
      }),
    supports: (excelApi) => Office.context?.requirements?.isSetSupported?.("ExcelApi", excelApi) ?? false,
    insertFormula: (formula) =>
      run(async (context) => {
        const cell = context.workbook.getActiveCell();
        cell.formulas = [[formula]];
        cell.load("address");
        await context.sync();
        return cell.address;
      }),
  };
}
