/// <reference types="wps-jsapi" />
/**
 * The pane's host in WPS 表格: the same PaneHost the Excel pane has (addin/taskpane/host.ts), over WPS's ET
 * object model, so the React pane does not know which host it runs in.
 *
 * - gateway: wpsWorkbookGateway(app) — the Excel gateway over the ET adapter (addin/wps/wps-gateway.ts).
 * - language: WPS's UI language (Application.LanguageSettings.LanguageID(msoLanguageIDUI)), a Chinese LCID → zh;
 *   where WPS does not answer, the page's navigator.language (WPS's Chromium follows the UI language); else zh.
 * - theme: the page's prefers-color-scheme (WPS offers no theme colour to add-ins in the typings).
 * - settings: localStorage of the add-in's pages (kept across WPS restarts; PluginStorage lasts one session).
 *   Unlike Excel, where they are saved in the workbook, they are the user's, for every workbook.
 * - selectCell: Worksheets.Item(sheet).Activate(), then Range(address).Select().
 * - insertFormula: ActiveCell.Formula = …; answers "Sheet!A1" as Office.js's address does.
 * - supports(v): the ExcelApi versions the adapter implements over ET (wpsSupports: 1.1 to 1.9).
 */
import type { PaneHost, Theme } from "../taskpane/host";
import type { Language } from "../taskpane/ui/i18n";
import { wpsSupports, wpsWorkbookGateway } from "./wps-gateway";
import { EtModel, WpsApplication, wpsApplication } from "./wps-app";

const MSO_LANGUAGE_ID_UI = 2;
const SETTING_PREFIX = "hlj:";

/** zh for a Chinese LCID (primary language 0x04: 2052, 1028, 3076, 4100, 5124) or a zh-* tag; en otherwise. */
export function languageOf(model: EtModel, tag: string | undefined): Language {
  try {
    const lcid = model.LanguageSettings?.LanguageID(MSO_LANGUAGE_ID_UI);
    if (typeof lcid === "number" && lcid > 0) return (lcid & 0x3ff) === 0x04 ? "zh" : "en";
  } catch {
    // not offered by this WPS: the page's language below
  }
  return !tag || tag.toLowerCase().startsWith("zh") ? "zh" : "en";
}

function themeOf(): Theme {
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function wpsHost(app: WpsApplication | null = wpsApplication()): PaneHost {
  if (!app) throw new Error("不在 WPS 表格中：window.Application 不存在");
  const model = app as unknown as EtModel;
  return {
    gateway: wpsWorkbookGateway(app),
    appName: { zh: "WPS 表格", en: "WPS Spreadsheets" },
    language: languageOf(model, globalThis.navigator?.language),
    theme: themeOf(),
    loadSetting: <T>(name: string) => {
      const text = storage()?.getItem(SETTING_PREFIX + name);
      if (text == null) return null;
      try {
        return JSON.parse(text) as T;
      } catch {
        return null;
      }
    },
    saveSetting: async (name, value) => {
      const store = storage();
      if (!store) throw new Error("设置无法保存：此 WPS 页面不能在本机保存设置");
      store.setItem(SETTING_PREFIX + name, JSON.stringify(value));
    },
    selectCell: async (sheet, address) => {
      const book = model.ActiveWorkbook;
      if (!book) throw new Error("没有打开的工作簿");
      const worksheet = book.Worksheets.Item(sheet);
      worksheet.Activate();
      worksheet.Range(address).Select();
    },
    insertFormula: async (formula) => {
      const cell = model.ActiveCell;
      if (!cell) throw new Error("没有选中的单元格");
      cell.Formula = formula;
      const sheet = cell.Worksheet.Name;
      const quoted = /^[\p{L}\p{N}_]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
      return `${quoted}!${cell.Address(false, false)}`;
    },
    supports: wpsSupports,
  };
}
