/**
 * Every failure of an Excel.run, explained in plain words for an officer, with Excel's own error code kept for
 * support. Nothing is only logged to the console.
 */
export interface ExplainedError {
  code: string;
  zh: string;
  en: string;
}

const PLAIN: Readonly<Record<string, { zh: string; en: string }>> = {
  RequestPayloadSizeLimitExceeded: {
    zh: "一次传给 Excel 的数据太多，已自动分小批重试但仍失败。请关闭其他工作簿后重试。",
    en: "Too much data for Excel in one request, even in smaller blocks. Close other workbooks and try again.",
  },
  AccessDenied: {
    zh: "工作簿或工作表受保护，无法写入结果。请取消保护后重试。",
    en: "The workbook or a sheet is protected, so results cannot be written. Unprotect it and try again.",
  },
  InvalidOperationInCellEditMode: {
    zh: "Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后重试。",
    en: "Excel is editing a cell. Press Enter or Esc, then try again.",
  },
  ItemNotFound: { zh: "工作表在筛查期间被删除或改名。请重新开始。", en: "A sheet was deleted or renamed during the run. Start again." },
  InvalidArgument: {
    zh: "Excel 拒绝了一个写入请求。请重新开始；若仍失败，请把错误代码告知技术支持。",
    en: "Excel refused a request. Start again; if it fails again, give support the error code.",
  },
  InsertDeleteConflict: {
    zh: "工作表的结构被锁定（合并单元格或表格冲突）。",
    en: "The sheet's structure is locked (merged cells or a table in the way).",
  },
  GeneralException: { zh: "Excel 内部出错。请保存工作簿后重试。", en: "Excel had an internal error. Save the workbook and try again." },
  Cancelled: { zh: "已取消。工作簿未被修改。", en: "Cancelled. The workbook was not changed." },
  ExcelApiTooOld: {
    zh: "此版本的 Excel 不支持筛查所需的接口（ExcelApi 1.7）。请更新 Office（Microsoft 365、Office 2019 或更新版本、网页版 Excel）。",
    en: "This Excel lacks the API the screening needs (ExcelApi 1.7). Update Office (Microsoft 365, Office 2019 or later, Excel on the web).",
  },
};

/** The ExcelApi version the pane needs (the manifest requires it; checked again where Office loads it anyway). */
export const REQUIRED_EXCEL_API = "1.7";

/**
 * A failure in plain words, naming the program the pane runs in (`app`: Excel, or WPS 表格 where the same gateway
 * runs over WPS's object model).
 */
export function explainOfficeError(error: unknown, app: { zh: string; en: string } = { zh: "Excel", en: "Excel" }): ExplainedError {
  const code = (error as { code?: string })?.code ?? (error instanceof Error ? error.name : "Unknown");
  const known = PLAIN[code];
  const detail = error instanceof Error ? error.message : String(error);
  const words = known ?? { zh: `Excel 报告了一个问题：${detail}`, en: `Excel reported a problem: ${detail}` };
  // The program's name where the words say Excel (not in ExcelApi, which only Excel has).
  const named = (text: string, name: string) => (name === "Excel" ? text : text.replace(/Excel(?!Api)/g, name));
  return { code, zh: named(words.zh, app.zh), en: named(words.en, app.en) };
}

export function isPayloadLimit(error: unknown): boolean {
  return (error as { code?: string })?.code === "RequestPayloadSizeLimitExceeded";
}

export class CancelledError extends Error {
  readonly code = "Cancelled";
  constructor() {
    super("cancelled");
  }
}
