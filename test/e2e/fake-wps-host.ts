/**
 * Test-only: WPS 表格 for the browser. The WPS pane's end-to-end test injects this bundle before the pane's page
 * runs: it builds the fake ET application (test/fakes/fake-et.ts) from window.__HLJ_WORKBOOK__ and sets it as
 * window.Application, and its ApiEvent as wps.ApiEvent, as WPS does for an add-in's pages. The test reads the
 * workbook back through the ET object model itself (Worksheets, UsedRange.Value2, ActiveCell).
 *
 * What the fake does not model and the WPS host uses is added here: LanguageSettings.LanguageID (WPS's UI
 * language) and ActiveCell (the selected cell, whose Formula the function helper sets).
 */
import { FakeEtApplication } from "../fakes/fake-et";

interface HostSetup {
  sheets: { name: string; values: (string | number | boolean)[][]; numberFormats?: (string | undefined | null)[][] }[];
  /** WPS's UI language as LanguageSettings.LanguageID(msoLanguageIDUI) answers it (2052 zh-CN, 1033 en-US). */
  lcid?: number;
}

const setup = (window as unknown as { __HLJ_WORKBOOK__?: HostSetup }).__HLJ_WORKBOOK__ ?? { sheets: [] };
const app = new FakeEtApplication();
for (const sheet of setup.sheets) {
  const loaded = app.workbook.loadSheet(sheet.name, sheet.values);
  // The cells' number formats (a percentage-formatted rate holds a fraction), 1-based as ET counts.
  sheet.numberFormats?.forEach((row, r) =>
    row?.forEach((format, c) => format && format !== "General" && loaded.numberFormats.set(`${r + 1},${c + 1}`, format)),
  );
}

const formulas = new Map<string, string>();
if (!("LanguageSettings" in app))
  Object.defineProperty(app, "LanguageSettings", { value: { LanguageID: (id: number) => (id === 2 ? (setup.lcid ?? 2052) : 0) } });
if (!("ActiveCell" in app))
  Object.defineProperty(app, "ActiveCell", {
    get() {
      const sheet = app.ActiveSheet;
      if (!sheet) return null;
      const range = sheet.Range((app.selection?.address ?? "A1").split(":")[0]);
      const key = `${sheet.Name}!${range.Address(false, false)}`;
      return {
        get Formula() {
          return formulas.get(key) ?? "";
        },
        set Formula(formula: string) {
          formulas.set(key, formula);
          range.Value2 = formula;
        },
        Address: (row?: boolean, column?: boolean) => range.Address(row, column),
        Worksheet: sheet,
        Select: () => range.Select(),
      };
    },
  });

Object.assign(window, { Application: app, wps: { ApiEvent: app.events } });
