import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./ui/App";
import { PaneHost } from "./host";

/** Renders the pane into #app over the host given (Excel's officeHost, or WPS's). */
export function mountPane(host: PaneHost): void {
  const container = document.getElementById("app");
  if (!container) return;
  createRoot(container).render(<App host={host} />);
}
