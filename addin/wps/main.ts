/// <reference types="wps-jsapi" />
/**
 * The WPS add-in's entry page script (index.html → main.js): the ribbon's callbacks and the custom functions'
 * registration. ribbon.xml names the callbacks as ribbon.OnAddinLoad, ribbon.OnAction and ribbon.GetImage; they
 * are also set as globals, the older templates' form.
 *
 * 筛查 shows the task pane; 函数助手 shows it on its functions tab (taskpane.html?tab=functions). One pane is
 * kept: its ID in PluginStorage (shared by the add-in's pages), so a second click shows the same pane.
 * Not run in a real WPS: built against wps-jsapi 1.0.5 and tested on a fake (test/addin/wps, test/e2e).
 */
import { registerWpsFunctions } from "./functions/register";
import { wpsServices } from "./wps-app";

export const PRODUCT_NAME_ZH = "黑龙江电商政策申报筛查";
export const PANE_ID_KEY = "hlj_taskpane_id";
export const BUTTONS = { screen: "hljScreen", functions: "hljFunctions" } as const;

const BUTTONS_BY_ID: Record<string, true> = { [BUTTONS.screen]: true, [BUTTONS.functions]: true };

interface RibbonControl {
  Id: string;
}

/** The pane's page beside this one, resolved at run time: the same from a web server or the jsaddons folder. */
export function paneUrl(tab?: "functions"): string {
  return new URL(`taskpane.html${tab ? `?tab=${tab}` : ""}`, window.location.href).href;
}

function keptPane(): wps.CustomTaskpane | null {
  const services = wpsServices();
  const id = services.PluginStorage.getItem(PANE_ID_KEY);
  if (!id) return null;
  try {
    return services.GetTaskPane(Number(id)) ?? null;
  } catch {
    return null; // closed by WPS with its window: a new one is made
  }
}

/** Shows the one pane, making it on first use; on tab "functions" it is (re)loaded on that tab. */
export function showPane(tab?: "functions"): wps.CustomTaskpane {
  const services = wpsServices();
  let pane = keptPane();
  if (!pane) {
    pane = services.CreateTaskPane(paneUrl(tab), PRODUCT_NAME_ZH);
    services.PluginStorage.setItem(PANE_ID_KEY, pane.ID);
  } else if (tab) {
    // The pane has no message channel from the ribbon in the typings: it is navigated to the tab (a screening
    // under way in it is left; the button says 函数助手, and that is what it opens).
    pane.Navigate(paneUrl(tab));
  }
  pane.Visible = true;
  return pane;
}

export function OnAddinLoad(ribbonUI: unknown): boolean {
  (globalThis as { hljRibbonUI?: unknown }).hljRibbonUI = ribbonUI;
  return true;
}

export function OnAction(control: RibbonControl): boolean {
  try {
    if (control.Id === BUTTONS.screen) showPane();
    else if (control.Id === BUTTONS.functions) showPane("functions");
  } catch (error) {
    alert(`${PRODUCT_NAME_ZH}：无法打开任务窗格（${(error as Error).message}）`);
  }
  return true;
}

/** The buttons' icons, beside this page (relative: either deployment). */
export function GetImage(control: RibbonControl): string {
  return control.Id in BUTTONS_BY_ID ? "assets/icon-32.png" : "";
}

const ribbon = { OnAddinLoad, OnAction, GetImage };
Object.assign(globalThis, { ribbon, ...ribbon });

// The HLJ.* functions register as the add-in loads (where this WPS has wps.AddCustomFunction).
try {
  registerWpsFunctions();
} catch (error) {
  console.error(`${PRODUCT_NAME_ZH}：自定义函数未能注册`, error);
}
