import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./ui/App";
import { officeHost } from "./host";

export function mountPane(): void {
  const container = document.getElementById("app");
  if (!container) return;
  createRoot(container).render(<App host={officeHost()} />);
}
