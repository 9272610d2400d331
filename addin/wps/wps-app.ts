/// <reference types="wps-jsapi" />
/**
 * The WPS add-in's one way to its host: `window.Application`, WPS's ET Application extended, in every page of an
 * add-in, with the add-in's own services (task panes, PluginStorage) — as the wpsjs templates use it. Older WPS
 * builds offer the same services on the global `wps` object: used when Application lacks them.
 *
 * wps-jsapi 1.0.5 types the object model as generated from COM: Range(), Item(), Address() and LanguageID() are
 * typed as returning void although they return the object or value, as in VBA. EtModel names the few calls the
 * host makes, with the types they have at run time.
 */

export interface WpsAddinServices {
  CreateTaskPane(url: string, title?: string): wps.CustomTaskpane;
  GetTaskPane(id: number): wps.CustomTaskpane | null | undefined;
  PluginStorage: typeof wps.PluginStorage;
}

export interface EtCell {
  Formula: string;
  Select(): unknown;
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
  Worksheet: { Name: string };
}

/** The calls wps-host.ts makes on ET, typed as they answer at run time. */
export interface EtModel {
  ActiveCell: EtCell | null;
  ActiveWorkbook: {
    Worksheets: { Item(name: string): { Activate(): unknown; Range(address: string): EtCell } };
  } | null;
  LanguageSettings?: { LanguageID(id: number): number };
}

export type WpsApplication = Et.EtApplication & Partial<WpsAddinServices>;

/** window.Application (the ET application of this WPS window), or null outside WPS. */
export function wpsApplication(): WpsApplication | null {
  return ((globalThis as { Application?: WpsApplication }).Application ?? null) as WpsApplication | null;
}

/** Task panes and PluginStorage: on Application where WPS puts them, else on the global wps object. */
export function wpsServices(app: WpsApplication | null = wpsApplication()): WpsAddinServices {
  const legacy = (globalThis as { wps?: Partial<WpsAddinServices> }).wps;
  const from = (name: keyof WpsAddinServices) => app?.[name] ?? legacy?.[name];
  const create = from("CreateTaskPane") as WpsAddinServices["CreateTaskPane"] | undefined;
  const get = from("GetTaskPane") as WpsAddinServices["GetTaskPane"] | undefined;
  const storage = from("PluginStorage") as WpsAddinServices["PluginStorage"] | undefined;
  if (!create || !get || !storage) throw new Error("WPS 加载项接口不可用（window.Application.CreateTaskPane）");
  const owner = app?.CreateTaskPane ? app : legacy;
  return {
    CreateTaskPane: (url, title) => create.call(owner, url, title),
    GetTaskPane: (id) => get.call(owner, id),
    PluginStorage: storage,
  };
}
