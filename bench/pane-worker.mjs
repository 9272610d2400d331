// The task pane's screening worker (addin/taskpane/worker/screening.worker.ts) on Node's worker threads, for the bench.
import { parentPort } from "node:worker_threads";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { screenWorkbook, rowsPayload } = require("../dist-node/core/index.js");

parentPort.on("message", ({ sheets, options }) => {
  const start = process.hrtime.bigint();
  const result = screenWorkbook({ sheets }, options);
  const screenSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  const { payload, transfer } = rowsPayload(result.rows);
  parentPort.postMessage(
    { result: { ...result, rows: [] }, rows: payload, screenSeconds, sentAt: process.hrtime.bigint(), buffers: transfer.length },
    transfer,
  );
});
