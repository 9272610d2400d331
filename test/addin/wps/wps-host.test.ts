/**
 * wpsHost(): the PaneHost over WPS — language from WPS's UI language, settings in localStorage, selecting a cell
 * and inserting a formula through the ET object model, the ExcelApi versions the adapter stands in for. The
 * gateway itself is the adapter's (tested with the gateway cases); here it is a stand-in.
 */
import { languageOf, wpsHost } from "../../../addin/wps/wps-host";
import type { WpsApplication } from "../../../addin/wps/wps-app";

jest.mock("../../../addin/wps/wps-gateway", () => ({
  wpsWorkbookGateway: () => ({ stand: "in" }),
  wpsSupports: (v: string) => ["1.7", "1.9"].includes(v),
}));

function fakeEt(lcid: number | (() => number) = 2052) {
  const calls: string[] = [];
  const sheets = new Map<string, { Name: string }>();
  const cell = {
    Formula: "",
    Worksheet: { Name: "申报" },
    Select: () => calls.push("select"),
    Address: (row?: boolean, column?: boolean) => (row === false && column === false ? "C7" : "$C$7"),
  };
  const app = {
    ActiveCell: cell,
    ActiveWorkbook: {
      Worksheets: {
        Item(name: string) {
          if (!sheets.has(name)) sheets.set(name, { Name: name });
          return {
            Activate: () => calls.push(`activate ${name}`),
            Range: (address: string) => ({ ...cell, Select: () => calls.push(`select ${name}!${address}`) }),
          };
        },
      },
    },
    LanguageSettings: { LanguageID: (id: number) => (id === 2 ? (typeof lcid === "function" ? lcid() : lcid) : 0) },
  };
  return { app: app as unknown as WpsApplication, calls, cell };
}

class MemoryStorage {
  private items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
}

beforeEach(() => Object.assign(globalThis, { localStorage: new MemoryStorage() }));
afterEach(() => delete (globalThis as { localStorage?: unknown }).localStorage);

test("the language is WPS's UI language: a Chinese LCID (2052, 1028, 3076) is zh, another en; else the page's", () => {
  for (const lcid of [2052, 1028, 3076]) expect(languageOf(fakeEt(lcid).app as never, "en-US")).toBe("zh");
  expect(languageOf(fakeEt(1033).app as never, "zh-CN")).toBe("en");
  const throws = fakeEt(() => {
    throw new Error("not offered");
  });
  expect(languageOf(throws.app as never, "en-GB")).toBe("en");
  expect(languageOf({ ActiveCell: null, ActiveWorkbook: null }, "zh-CN")).toBe("zh");
  expect(languageOf({ ActiveCell: null, ActiveWorkbook: null }, undefined)).toBe("zh");
  expect(wpsHost(fakeEt(1033).app).language).toBe("en");
});

test("settings are kept in localStorage as JSON under hlj:, read back as saved; a broken value reads as none", async () => {
  const host = wpsHost(fakeEt().app);
  expect(host.loadSetting("hljScreeningOptions")).toBeNull();
  await host.saveSetting("hljScreeningOptions", { lprMode: "floating", effectiveFrom: "2025-07-01" });
  expect(localStorage.getItem("hlj:hljScreeningOptions")).toBe('{"lprMode":"floating","effectiveFrom":"2025-07-01"}');
  expect(wpsHost(fakeEt().app).loadSetting("hljScreeningOptions")).toEqual({ lprMode: "floating", effectiveFrom: "2025-07-01" });
  localStorage.setItem("hlj:broken", "{");
  expect(host.loadSetting("broken")).toBeNull();
});

test("selectCell activates the sheet, then selects the cell in it", async () => {
  const { app, calls } = fakeEt();
  await wpsHost(app).selectCell("申报", "J16");
  expect(calls).toEqual(["activate 申报", "select 申报!J16"]);
});

test("insertFormula writes the formula into the active cell and answers its address as Office.js does (Sheet!A1)", async () => {
  const { app, cell } = fakeEt();
  await expect(wpsHost(app).insertFormula('=HLJ.AWARD_CAP("M1",20000000)')).resolves.toBe("申报!C7");
  expect(cell.Formula).toBe('=HLJ.AWARD_CAP("M1",20000000)');
  cell.Worksheet.Name = "Sheet 1";
  await expect(wpsHost(app).insertFormula("=1")).resolves.toBe("'Sheet 1'!C7");
});

test("without a workbook or a selected cell: a message, not a crash", async () => {
  const host = wpsHost({ ActiveCell: null, ActiveWorkbook: null } as unknown as WpsApplication);
  await expect(host.selectCell("申报", "A1")).rejects.toThrow("没有打开的工作簿");
  await expect(host.insertFormula("=1")).rejects.toThrow("没有选中的单元格");
});

test("supports() is the adapter's answer (wpsSupports), the pane's required ExcelApi 1.7 among what it offers", () => {
  const host = wpsHost(fakeEt().app);
  expect(["1.7", "1.9", "1.10"].map((v) => host.supports(v))).toEqual([true, true, false]);
});

test("outside WPS (no window.Application) the host says so", () => {
  expect(() => wpsHost(null)).toThrow("window.Application");
});
