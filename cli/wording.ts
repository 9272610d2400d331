/**
 * The results sheet's rows (and the JSON's lines) worded and rendered in input order, block by block.
 * Wording is most of the writing (each row's award made again with its trace), so for large batches a
 * worker thread words and renders blocks ahead of the writer, and this thread, which joins the text and feeds
 * the compressor, words any block the writer reaches that the worker has not taken. Small batches are
 * worded here (a thread costs more than it saves). While it waits for the worker, this thread words the next
 * block the worker has not taken.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { ResultRowJson, rowsPayload } from "../core";
import { RenderedBlock, RowLayout, renderBlock } from "./result-rows";

/** Rows below which this thread words them itself. */
const WORKER_FROM = 5_000;
/**
 * Rows above which it does too: the worker words from its own copy of the engine's columns (some 600 bytes a row
 * with the copy in flight), which at Excel's full height would take the run past 1 GiB. Slower, but bounded.
 */
const WORKER_UP_TO = 300_000;
const BLOCK = 50;
/** Blocks the worker holds at once, and how far ahead of the writer it may go (bounds what waits in memory). */
const QUEUED = 6;
const AHEAD = 48;

const wordsHere = (rows: number, script: string) => rows < WORKER_FROM || rows > WORKER_UP_TO || !existsSync(script);

export async function* renderedRows(
  rows: readonly ResultRowJson[],
  layout: RowLayout,
  firstRow: number,
  json: boolean,
): AsyncGenerator<RenderedBlock> {
  const blocks = Math.ceil(rows.length / BLOCK);
  const here = (block: number) => renderBlock(rows, block * BLOCK, Math.min(rows.length, (block + 1) * BLOCK), layout, firstRow, json);
  // Run from the TypeScript sources (the tests), there is no compiled worker script: word here.
  const script = join(__dirname, "word-worker.js");
  const { payload } = wordsHere(rows.length, script) ? { payload: null } : rowsPayload(rows, { copy: true });
  if (payload === null || payload.kind === "rows") {
    for (let b = 0; b < blocks; b++) yield here(b);
    return;
  }
  const run = startWorker(script, { payload, layout, firstRow, json }, rows.length, blocks);
  const { taken, arrived } = run;
  try {
    run.give();
    for (run.writing = 0; run.writing < blocks; run.writing++) {
      const writing = run.writing;
      if (!taken[writing]) {
        // The worker has not taken this block: word it here rather than wait.
        taken[writing] = 1;
        run.give();
        yield here(writing);
        continue;
      }
      // While the worker is still on this block, this thread words the next one it has not taken.
      while (!arrived.has(writing) && !run.failure) {
        let spare = -1;
        for (let b = writing + 1; b < Math.min(blocks, writing + AHEAD) && spare < 0; b++) if (!taken[b]) spare = b;
        if (spare < 0) {
          await new Promise<void>((resolve) => (run.waitingFor = { block: writing, resolve }));
          break;
        }
        taken[spare] = 1;
        arrived.set(spare, here(spare));
        // Let the worker's answers in before deciding again.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      if (run.failure) throw run.failure;
      const block = arrived.get(writing)!;
      arrived.delete(writing);
      run.give();
      yield block;
    }
  } finally {
    await run.worker.terminate();
  }
}

/** The wording thread and what this thread knows of it: blocks taken and arrived, who waits, a failure. */
interface WorkerRun {
  worker: Worker;
  taken: Uint8Array;
  arrived: Map<number, RenderedBlock>;
  waitingFor: { block: number; resolve: () => void } | null;
  queued: number;
  /** The block the writer is on. */
  writing: number;
  failure: unknown;
  /** Hands the worker blocks ahead of the writer, up to QUEUED at once. */
  give(): void;
}

function startWorker(script: string, workerData: unknown, rows: number, blocks: number): WorkerRun {
  // A larger young generation: wording makes many short-lived decimals and strings (fewer, cheaper collections).
  const worker = new Worker(script, { workerData, resourceLimits: { maxYoungGenerationSizeMb: 32 } });
  const run: WorkerRun = {
    worker,
    taken: new Uint8Array(blocks),
    arrived: new Map(),
    waitingFor: null,
    queued: 0,
    writing: 0,
    failure: null,
    give: () => {
      for (let b = run.writing + 1; run.queued < QUEUED && b < Math.min(blocks, run.writing + AHEAD); b++) {
        if (run.taken[b]) continue;
        run.taken[b] = 1;
        run.queued++;
        worker.postMessage({ from: b * BLOCK, to: Math.min(rows, (b + 1) * BLOCK) });
      }
    },
  };
  const wake = () => {
    const waiting = run.waitingFor;
    if (waiting && (run.arrived.has(waiting.block) || run.failure)) {
      run.waitingFor = null;
      waiting.resolve();
    }
  };
  worker.on("message", ({ from, block }: { from: number; block: RenderedBlock }) => {
    run.queued--;
    run.arrived.set(from / BLOCK, block);
    run.give();
    wake();
  });
  worker.on("error", (error) => {
    run.failure ??= error;
    wake();
  });
  worker.on("exit", (code) => {
    if (code !== 0) run.failure ??= new Error(`the wording thread stopped (exit code ${code})`);
    wake();
  });
  return run;
}
