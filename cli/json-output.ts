/**
 * The JSON output, written row by row beside the results sheet: `{ policy, options, rows, totals, tables, issues }`
 * with one row per line, to a file (OutputFile: renamed into place, or written through a device or FIFO) or to
 * standard output (`--json -`). Text is as the sheet holds it (sheetJson), so both hold the same characters.
 */
import { writeSync } from "fs";
import { ScreeningResult } from "../core";
import { sheetJson } from "./json-line";
import { OutputFile, openOutput } from "./output-file";
import { ReaderGone, Refusal, ioReason, isBrokenPipe } from "./refusal";

/** Streams whose reader went away (a write failed: EPIPE). process.stdout is never marked destroyed, so they are noted. */
const gone = new WeakSet<object>();

function markGone(this: NodeJS.WritableStream): void {
  gone.add(this);
}

/**
 * Watches a stream the run writes to: a reader that goes away (`| head -1`) marks it, rather than an unhandled
 * 'error' that would end the process with a stack trace.
 */
export function watchReader(stream: NodeJS.WritableStream): void {
  if (!stream.listeners("error").includes(markGone)) stream.on("error", markGone);
}

const broken = (out: NodeJS.WritableStream) => gone.has(out) || (out as { destroyed?: boolean }).destroyed === true;

/**
 * Resolves once what was written has left the process (the pipe took it) or the stream failed, and at least a
 * turn of the event loop later, where a write's error is reported.
 */
function drained(out: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const queued = (out as { writableLength?: number }).writableLength ?? 0;
    if (queued === 0 || broken(out)) {
      setImmediate(resolve);
      return;
    }
    const done = () => {
      for (const event of ["drain", "error", "close"]) out.removeListener(event, done);
      setImmediate(resolve);
    };
    for (const event of ["drain", "error", "close"]) out.on(event, done);
  });
}

export class JsonOutput {
  private first = true;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;

  private constructor(
    private readonly target: string,
    private readonly out: NodeJS.WritableStream,
    private readonly file: OutputFile | null,
  ) {}

  /** The JSON to `target`, or to `out` for `-`. */
  static async open(target: string, out: NodeJS.WritableStream): Promise<JsonOutput> {
    return new JsonOutput(target, out, target === "-" ? null : await openOutput(target, false));
  }

  /** Collects bytes and writes them about a megabyte at a time. */
  private writeBytes(bytes: Uint8Array, flush = false): void {
    if (bytes.length > 0) {
      this.pending.push(bytes);
      this.pendingBytes += bytes.length;
    }
    if (this.pendingBytes < 1 << 20 && !flush) return;
    const chunks = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    if (!this.file) {
      for (const chunk of chunks) {
        if (broken(this.out)) throw new ReaderGone();
        this.out.write(chunk);
      }
      if (broken(this.out)) throw new ReaderGone();
      return;
    }
    try {
      for (const chunk of chunks) {
        let written = 0;
        while (written < chunk.length) written += writeSync(this.file.fd, chunk, written, chunk.length - written);
      }
    } catch (error) {
      if (isBrokenPipe(error)) throw new ReaderGone();
      throw new Refusal(`cannot write ${this.target}: ${ioReason(error).en}`, `无法写入 ${this.target}：${ioReason(error).zh}`);
    }
  }

  private write(text: string, flush = false): void {
    this.writeBytes(Buffer.from(text, "utf8"), flush);
  }

  begin(result: ScreeningResult): void {
    this.write(`{\n  "policy": ${JSON.stringify(result.policy)},\n  "options": ${JSON.stringify(result.options)},\n  "rows": [`);
  }

  /** A block of rows' lines, UTF-8 (renderBlock): blocks are joined by a comma. */
  rows(block: Uint8Array): void {
    if (!this.first) this.write(",");
    this.writeBytes(block);
    this.first = false;
  }

  /**
   * The rest after the rows, all written out before the workbook is committed: a reader gone stops both (its
   * write error comes a turn of the event loop after the write).
   */
  async end(result: ScreeningResult): Promise<void> {
    const rest = { totals: result.totals, tables: result.tables, issues: result.issues };
    const tail = Object.entries(rest)
      .map(([key, value]) => `  ${JSON.stringify(key)}: ${sheetJson(value)}`)
      .join(",\n");
    this.write(`\n  ],\n${tail}\n}\n`, true);
    if (this.file) return;
    await drained(this.out);
    if (broken(this.out)) throw new ReaderGone();
  }

  /** Renames the file into place (or closes the device it was written through). */
  async commit(): Promise<void> {
    await this.file?.commit();
  }

  abort(): void {
    this.file?.abort();
  }
}
