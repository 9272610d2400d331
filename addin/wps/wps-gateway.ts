/// <reference types="wps-jsapi" />
/**
 * The workbook gateway in WPS 表格: the Excel gateway's own code (addin/taskpane/excel/*) over ET through the
 * adapter (et-excel-run.ts), so the pane does not know which host it runs in.
 */
import { excelWorkbookGateway } from "../taskpane/excel/workbook-gateway";
import type { WorkbookGateway } from "../taskpane/excel/gateway-types";
import { installExcelEnums } from "./et-convert";
import { defaultApiEvent, etExcelRun } from "./et-excel-run";
import type { EtApiEvent } from "./et-model";

export { etExcelRun } from "./et-excel-run";
export { installExcelEnums } from "./et-convert";
export type { EtApiEvent } from "./et-model";

/**
 * The ExcelApi versions whose calls the adapter implements over ET (the gateway asks before using what a version
 * adds): everything up to 1.9 — the date system (1.2), conditional colours (1.6), selection events (1.7), the
 * chart's details (1.8), filters, print setup, data bars and page breaks (1.9). Anything newer is not there.
 */
export function wpsSupports(excelApi: string): boolean {
  const [major, minor] = excelApi.split(".").map(Number);
  return major === 1 && minor >= 1 && minor <= 9;
}

/** The WorkbookGateway over WPS's ET application (`wps.EtApplication()`); `events` is wps.ApiEvent unless given. */
export function wpsWorkbookGateway(app: Et.EtApplication, events: EtApiEvent | undefined = defaultApiEvent()): WorkbookGateway {
  installExcelEnums();
  return excelWorkbookGateway(etExcelRun(app, events));
}
