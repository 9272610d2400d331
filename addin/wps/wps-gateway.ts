/// <reference types="wps-jsapi" />
/**
 * PLACEHOLDER (i20-build): the adapter helper's branch replaces this file with the real
 * `wpsWorkbookGateway(app) = excelWorkbookGateway(etExcelRun(app))`. Here only so the WPS build compiles.
 */
import type { WorkbookGateway } from "../taskpane/excel/gateway-types";

export function wpsWorkbookGateway(app: Et.EtApplication): WorkbookGateway {
  void app;
  throw new Error("wpsWorkbookGateway: placeholder — merge the ET adapter (addin/wps/wps-gateway.ts)");
}

export function wpsSupports(excelApi: string): boolean {
  void excelApi;
  return false;
}
