/**
 * Test-only: a scripted Office/Excel host for the browser. The end-to-end test serves this file in place of
 * office.js; it builds an in-memory workbook from window.__HLJ_WORKBOOK__ and exposes it as window.__fakeExcel.
 */
import { FakeExcelEnums, FakeSettings, FakeWorkbook } from "../fakes/fake-office";

interface HostSetup {
  sheets: { name: string; values: (string | number | boolean)[][] }[];
  displayLanguage?: string;
  bodyBackgroundColor?: string;
  syncDelay?: number;
  /** The highest ExcelApi version the scripted Excel offers (default 1.16). */
  excelApi?: string;
}

/** "1.16" offers "1.9": versions compare part by part, as numbers. */
function apiAtLeast(offered: string, wanted: string): boolean {
  const [a, b] = [offered, wanted].map((v) => v.split(".").map(Number));
  return a[0] !== b[0] ? a[0] > b[0] : (a[1] ?? 0) >= (b[1] ?? 0);
}

const setup = (window as unknown as { __HLJ_WORKBOOK__?: HostSetup }).__HLJ_WORKBOOK__ ?? { sheets: [] };
const book = new FakeWorkbook({ syncDelay: setup.syncDelay ?? 0 });
for (const sheet of setup.sheets) book.loadSheet(sheet.name, sheet.values);
const settings = new FakeSettings();

Object.assign(window, {
  __fakeExcel: book,
  Office: {
    onReady: (callback?: (info: { host: string; platform: string }) => void) => {
      const info = { host: "Excel", platform: "OfficeOnline" };
      setTimeout(() => callback?.(info), 0);
      return Promise.resolve(info);
    },
    context: {
      displayLanguage: setup.displayLanguage ?? "zh-CN",
      requirements: {
        isSetSupported: (name: string, version: string) => name === "ExcelApi" && apiAtLeast(setup.excelApi ?? "1.16", version),
      },
      officeTheme: { bodyBackgroundColor: setup.bodyBackgroundColor ?? "#ffffff" },
      document: { settings },
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  },
  Excel: { ...FakeExcelEnums, run: book.run },
  CustomFunctions: {
    associate: () => undefined,
    Error: class {
      constructor(
        public code: string,
        public message?: string,
      ) {}
    },
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" },
  },
});
