/**
 * The task pane's page in WPS 表格: the same React pane as Excel's, over the WPS host. taskpane.html?tab=functions
 * (the ribbon's 函数助手) opens it on the function helper.
 */
import { mountPane } from "../taskpane/mount";
import { wpsHost } from "./wps-host";

function initialTab(): "functions" | undefined {
  return new URLSearchParams(window.location.search).get("tab") === "functions" ? "functions" : undefined;
}

function start(): void {
  try {
    mountPane(wpsHost(), initialTab());
  } catch (error) {
    const app = document.getElementById("app");
    if (app) app.textContent = `黑龙江电商政策申报筛查：${(error as Error).message}`;
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
