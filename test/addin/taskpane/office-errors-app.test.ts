/**
 * A failure is told in the words of the program the pane runs in: Excel, or WPS 表格 where the same gateway runs
 * over WPS's object model (issue 20) — never "Excel" inside WPS, and ExcelApi (Excel's own term) left as it is.
 */
import { explainOfficeError } from "../../../addin/taskpane/excel/office-errors";

const wps = { zh: "WPS 表格", en: "WPS Spreadsheets" };

describe("errors name the program", () => {
  test("in Excel, as before", () => {
    expect(explainOfficeError(new Error("boom"))).toMatchObject({ zh: "Excel 报告了一个问题：boom", en: "Excel reported a problem: boom" });
  });

  test("in WPS, WPS 表格 wherever the words said Excel", () => {
    expect(explainOfficeError(new Error("boom"), wps)).toMatchObject({
      zh: "WPS 表格 报告了一个问题：boom",
      en: "WPS Spreadsheets reported a problem: boom",
    });
    const editing = explainOfficeError(Object.assign(new Error("x"), { code: "InvalidOperationInCellEditMode" }), wps);
    expect(editing.zh).not.toContain("Excel");
    const tooOld = explainOfficeError(Object.assign(new Error("x"), { code: "ExcelApiTooOld" }), wps);
    expect(tooOld.zh).toContain("ExcelApi 1.7");
    expect(tooOld.zh.replace(/ExcelApi/g, "")).not.toContain("Excel");
  });
});
