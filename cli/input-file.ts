/**
 * The input as a file the zip reader can seek in. A regular file is read where it is. A FIFO, a pipe on
 * standard input (`/dev/stdin`, `<(…)`) or another device is copied first to a temporary file in the system's
 * temporary folder, up to --max-size (a zip's entries are found from its end, so it cannot be read as it
 * streams), and the copy removed after the run. A terminal is refused: a workbook is not typed in.
 */
import { closeSync, createReadStream, createWriteStream, fstatSync, openSync, statSync } from "fs";
import { tmpdir } from "os";
import { basename, join } from "path";
import { Transform } from "stream";
import { pipeline } from "stream/promises";
import { isatty } from "tty";
import { Refusal, ioReason } from "./refusal";
import { discard, remember, temporaryName } from "./temporary-files";
import { bytesText } from "./xlsx/package-reader";

export interface InputFile {
  /** The path to read: the input, or its copy. */
  path: string;
  size: number;
  /** Removes the copy, if one was made. */
  release(): void;
}

/** What the input is, before anything is read from it: a file of a known size, or a stream to copy. */
export function inspectInput(input: string): { streamed: boolean; size: number } {
  try {
    const stat = statSync(input);
    if (stat.isDirectory()) throw Object.assign(new Error("folder"), { code: "EISDIR" });
    if (stat.isFile()) return { streamed: false, size: stat.size };
    if (stat.isCharacterDevice() && isTerminal(input))
      throw new Refusal(
        `cannot read ${input}: it is a terminal; give the workbook's file name, or pipe it in (< FILE.xlsx)`,
        `无法读取 ${input}：这是一个终端；请给出工作簿的文件名，或用管道输入`,
      );
    return { streamed: true, size: 0 };
  } catch (error) {
    if (error instanceof Refusal) throw error;
    throw new Refusal(`cannot read ${input}: ${ioReason(error).en}`, `无法读取 ${input}：${ioReason(error).zh}`);
  }
}

function isTerminal(path: string): boolean {
  const fd = openSync(path, "r");
  try {
    return isatty(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * The stream to read: standard input itself when the path names it (`/dev/stdin` cannot be opened again when
 * it is a socket, as Node's child processes get), else the path opened.
 */
function readStream(input: string) {
  try {
    const path = statSync(input);
    const stdin = fstatSync(0);
    if (path.dev === stdin.dev && path.ino === stdin.ino) return createReadStream("", { fd: 0, autoClose: false });
  } catch {
    /* no standard input: read the path */
  }
  return createReadStream(input);
}

/** The input, copied to a temporary file when it is a stream (bounded by `maxBytes`). */
export async function localInput(input: string, streamed: boolean, size: number, maxBytes: number): Promise<InputFile> {
  if (!streamed) return { path: input, size, release: () => undefined };
  const path = join(tmpdir(), temporaryName(`hlj-screen-input-${basename(input)}`));
  remember(path);
  let copied = 0;
  const bounded = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      copied += chunk.length;
      if (copied > maxBytes)
        done(
          new Refusal(
            `cannot read ${input}: it passed ${bytesText(maxBytes)} (raise the limit with --max-size)`,
            `无法读取 ${input}：超过了 ${bytesText(maxBytes)}（可用 --max-size 提高上限）`,
          ),
        );
      else done(null, chunk);
    },
  });
  try {
    await pipeline(readStream(input), bounded, createWriteStream(path, { flags: "wx", mode: 0o600 }));
  } catch (error) {
    discard(path);
    if (error instanceof Refusal) throw error;
    throw new Refusal(`cannot read ${input}: ${ioReason(error).en}`, `无法读取 ${input}：${ioReason(error).zh}`);
  }
  return { path, size: copied, release: () => discard(path) };
}
