import * as React from "react";
import { createRoot } from "react-dom/client";
import { App, TabId } from "./ui/App";
import { PaneHost } from "./host";

/** Renders the pane into #app over the host given (Excel's officeHost, or WPS's), on initialTab if given. */
export function mountPane(host: PaneHost, initialTab?: TabId): void {
  const container = document.getElementById("app");
  if (!container) return;
  createRoot(container).render(<App host={host} initialTab={initialTab} />);
}
