import { rowsFromPayload } from "../../../core";
import { Screen, screenHere } from "../screening-session";

/** Screens in a Web Worker where the host has them, else in this thread. */
export function workerScreen(): { screen: Screen; cancel: () => void } {
  let worker: Worker | null = null;
  let rejectPending: ((error: Error) => void) | null = null;
  const screen: Screen = (sheets, options, onProgress) => {
    if (typeof Worker === "undefined") return screenHere(sheets, options, onProgress);
    return new Promise((resolve, reject) => {
      rejectPending = reject;
      try {
        worker = new Worker(new URL("./screening.worker.ts", import.meta.url));
      } catch {
        // A page opened from a folder (file://, as a WPS add-in copied into jsaddons may be) may not start a
        // worker ("cannot be accessed from origin 'null'"): screen in this thread instead.
        rejectPending = null;
        screenHere(sheets, options, onProgress).then(resolve, reject);
        return;
      }
      worker.onmessage = (event: MessageEvent) => {
        const message = event.data;
        if (message.type === "progress") onProgress(message.done, message.total);
        else {
          worker?.terminate();
          worker = null;
          if (message.type === "done") resolve({ ...message.result, rows: rowsFromPayload(message.rows) });
          else reject(Object.assign(new Error(message.message), { code: message.code }));
        }
      };
      worker.onerror = (event) => {
        worker?.terminate();
        worker = null;
        reject(Object.assign(new Error(event.message), { code: "WorkerError" }));
      };
      worker.postMessage({ sheets, options });
    });
  };
  return {
    screen,
    cancel: () => {
      worker?.terminate();
      worker = null;
      rejectPending?.(Object.assign(new Error("cancelled"), { code: "Cancelled" }));
      rejectPending = null;
    },
  };
}
