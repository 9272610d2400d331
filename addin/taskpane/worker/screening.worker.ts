/// <reference lib="webworker" />
/** Screening off the pane's thread, so the pane stays responsive and Cancel works on large workbooks. */
import { screenWorkbook, wordedRow } from "../../../core";

self.onmessage = (event: MessageEvent) => {
  const { sheets, options } = event.data;
  const { date1904, ...rest } = options;
  try {
    const result = screenWorkbook(
      { sheets, date1904 },
      { ...rest, onProgress: (done: number, total: number) => self.postMessage({ type: "progress", done, total }) },
    );
    // Each row is worded here, off the pane's thread: structured cloning copies plain data only.
    self.postMessage({ type: "done", result: { ...result, rows: result.rows.map(wordedRow) } });
  } catch (error) {
    self.postMessage({
      type: "error",
      message: error instanceof Error ? error.message : String(error),
      code: (error as { name?: string }).name,
    });
  }
};
