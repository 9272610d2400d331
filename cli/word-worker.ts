/**
 * The command line's second thread: words and renders the results sheet's rows (and the JSON's lines) block
 * by block while the main thread writes the package. It gets the engine's columns (copied) and the sheet's
 * layout once and answers each block it is given with its text.
 */
import { parentPort, workerData } from "node:worker_threads";
import { RowsPayload, rowsFromPayload } from "../core";
import { RowLayout, renderBlock } from "./result-rows";

const { payload, layout, firstRow, json } = workerData as { payload: RowsPayload; layout: RowLayout; firstRow: number; json: boolean };
const rows = rowsFromPayload(payload);
parentPort!.on("message", ({ from, to }: { from: number; to: number }) => {
  const block = renderBlock(rows, from, to, layout, firstRow, json);
  // The bytes move to the writing thread rather than being copied.
  const moved = [block.xml.buffer as ArrayBuffer];
  if (block.json) moved.push(block.json.buffer as ArrayBuffer);
  if (block.appendix) moved.push(block.appendix.buffer as ArrayBuffer);
  parentPort!.postMessage({ from, block }, moved);
});
