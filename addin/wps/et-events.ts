/**
 * worksheet.onSelectionChanged over wps.ApiEvent's "SheetSelectionChange" (sheet, range). WPS keeps one listener
 * per event name (RemoveApiEventListener takes only the name), so one dispatcher per ApiEvent object listens
 * while any handler is registered and hands each event to the handlers of the sheet it happened on — matched
 * by the sheet's name at that moment, so a handler follows its sheet through a rename as Office's does.
 */
import { officeError } from "./et-context";
import type { EtApiEvent, EtWorksheetModel } from "./et-model";

export interface SelectionEvent {
  address: string;
  worksheetId: string;
  type: "WorksheetSelectionChanged";
}
type Handler = (event: SelectionEvent) => Promise<unknown> | unknown;

interface Dispatcher {
  handlers: { sheet: EtWorksheetModel; handler: Handler }[];
  listening: boolean;
}

const dispatchers = new WeakMap<EtApiEvent, Dispatcher>();

/** `B7` from the event's range (its first cell, no `$`), as Office's event.address gives one cell. */
function addressOf(range: object): string {
  const r = range as { Address?: unknown };
  const address = typeof r.Address === "function" ? (r.Address as (a: boolean, b: boolean) => string)(false, false) : r.Address;
  return String(address ?? "")
    .replace(/\$/g, "")
    .split("!")
    .pop()!;
}

function dispatcherOf(events: EtApiEvent): Dispatcher {
  let dispatcher = dispatchers.get(events);
  if (!dispatcher) {
    dispatcher = { handlers: [], listening: false };
    dispatchers.set(events, dispatcher);
  }
  return dispatcher;
}

function listen(events: EtApiEvent, dispatcher: Dispatcher): void {
  if (dispatcher.listening) return;
  events.AddApiEventListener("SheetSelectionChange", (sheet, range) => {
    const name = String((sheet as { Name?: unknown }).Name);
    const event: SelectionEvent = { address: addressOf(range), worksheetId: name, type: "WorksheetSelectionChanged" };
    for (const { sheet: registered, handler } of [...dispatcher.handlers]) {
      let same = false;
      try {
        same = registered.Name === name;
      } catch {
        same = false; // the sheet is gone
      }
      if (same) Promise.resolve(handler(event)).catch(() => undefined);
    }
  });
  dispatcher.listening = true;
}

/** Registers `handler` for selections on `sheet`; returns what removes it (the listener goes with the last one). */
export function onSelection(events: EtApiEvent | undefined, sheet: EtWorksheetModel, handler: Handler): () => void {
  if (!events) throw officeError("ApiNotFound", "WPS offers no wps.ApiEvent here: selections cannot be followed.");
  const dispatcher = dispatcherOf(events);
  const entry = { sheet, handler };
  dispatcher.handlers.push(entry);
  listen(events, dispatcher);
  return () => {
    dispatcher.handlers = dispatcher.handlers.filter((h) => h !== entry);
    if (!dispatcher.handlers.length && dispatcher.listening) {
      events.RemoveApiEventListener("SheetSelectionChange");
      dispatcher.listening = false;
    }
  };
}
