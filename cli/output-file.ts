/**
 * Where the command line's outputs go. A regular file (or a new one) is written beside the target under a
 * temporary name and renamed into place when complete, so a reader never sees half a file and a failure leaves
 * the target as it was; through a symlink, the file it points to is replaced and the link kept. A device or a
 * FIFO (`/dev/null`, `/dev/stdout`, a named pipe, or a link to one) is written through, never replaced: renaming
 * over it would put a regular file where the device node was (as root, even over /dev/null).
 */
import {
  closeSync,
  createReadStream,
  createWriteStream,
  existsSync,
  fsyncSync,
  mkdirSync,
  open,
  openSync,
  realpathSync,
  renameSync,
  statSync,
} from "fs";
import type { Stats } from "fs";
import { tmpdir } from "os";
import { basename, dirname, join, resolve } from "path";
import { pipeline } from "stream/promises";
import { promisify } from "util";
import { ReaderGone, Refusal, ioReason, isBrokenPipe } from "./refusal";
import { discard, forget, remember, temporaryName } from "./temporary-files";
import { PackageTooLargeError } from "./xlsx/package-writer";

export interface OutputFile {
  fd: number;
  /** Completes the output: flushed and renamed into place, or (a device or a FIFO) written through. */
  commit(): Promise<void>;
  /** Closes and removes what was written; a regular target stays as it was. */
  abort(): void;
}

const openAsync = promisify(open);

/** What the path names now, links followed: nothing yet, a regular file, or something to write through. */
function statOf(path: string): Stats | null {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** A device, a FIFO or a socket: written through, never renamed over. */
export const isSpecial = (stat: Stats | null) => stat !== null && !stat.isFile() && !stat.isDirectory();

/** The same file, by device and inode (symlinks and hard links included), or by resolved path. */
export function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return resolve(a) === resolve(b);
  }
}

/** Two paths that would overwrite each other: the same file, unless it is a character device (/dev/null). */
export const clash = (a: string, b: string) => sameFile(a, b) && !statOf(a)?.isCharacterDevice();

/**
 * `mkdir -p`, one level at a time: Node's own recursive mkdir loops forever where a parent exists but refuses
 * new entries (`/proc/x/y`), and this one stops at the first refusal.
 */
function makeFolders(folder: string): void {
  const missing: string[] = [];
  let at = folder;
  while (!existsSync(at)) {
    missing.unshift(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  if (existsSync(at) && !statSync(at).isDirectory()) throw Object.assign(new Error("not a folder"), { code: "ENOTDIR" });
  for (const path of missing) mkdirSync(path);
}

/**
 * A new temporary file (exclusive), remembered until committed or removed: remembered first, so that a signal
 * arriving as soon as the file appears finds the handlers that remove it.
 */
function createTemporary(folder: string, name: string): { path: string; fd: number } {
  const path = join(folder, temporaryName(name));
  remember(path);
  try {
    return { path, fd: openSync(path, "wx") };
  } catch (error) {
    forget(path);
    throw error;
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    /* already closed */
  }
}

/** A temporary file held for an output: closed once, and given up (closed, removed) on abort. */
function heldTemporary(folder: string, name: string) {
  const temporary = createTemporary(folder, name);
  let open = true;
  return {
    ...temporary,
    close() {
      if (open) closeSync(temporary.fd);
      open = false;
    },
    abort() {
      if (open) closeQuietly(temporary.fd);
      open = false;
      discard(temporary.path);
    },
  };
}

/** A regular file (or a new one): a temporary file beside it, renamed into place. */
function atomicFile(target: string, place: string): OutputFile {
  const temporary = heldTemporary(dirname(place), basename(place));
  return {
    fd: temporary.fd,
    async commit() {
      try {
        fsyncSync(temporary.fd);
        temporary.close();
        renameSync(temporary.path, place);
        forget(temporary.path);
      } catch (error) {
        temporary.abort();
        throw new Refusal(`cannot write ${target}: ${ioReason(error).en}`, `无法写入 ${target}：${ioReason(error).zh}`);
      }
    },
    abort: temporary.abort,
  };
}

/** A device or a FIFO written in order: opened (a FIFO waits for its reader, without blocking signals) and written through. */
async function throughFile(target: string): Promise<OutputFile> {
  const fd = await openAsync(target, "w");
  return {
    fd,
    async commit() {
      closeQuietly(fd);
    },
    abort: () => closeQuietly(fd),
  };
}

/**
 * A device or a FIFO for a writer that seeks back (the zip package): written to a temporary file in the system's
 * temporary folder, then copied through in order.
 */
function copiedThrough(target: string): OutputFile {
  const temporary = heldTemporary(tmpdir(), `hlj-screen-${basename(target)}`);
  return {
    fd: temporary.fd,
    async commit() {
      try {
        temporary.close();
        await pipeline(createReadStream(temporary.path), createWriteStream(target, { flags: "w" }));
      } catch (error) {
        if (isBrokenPipe(error)) throw new ReaderGone();
        throw new Refusal(`cannot write ${target}: ${ioReason(error).en}`, `无法写入 ${target}：${ioReason(error).zh}`);
      } finally {
        temporary.abort();
      }
    },
    abort: temporary.abort,
  };
}

/**
 * Opens an output: `seeks` when its writer goes back to patch what it wrote (the zip package), which a FIFO
 * cannot take. Any failure is one line naming the target.
 */
export async function openOutput(target: string, seeks: boolean): Promise<OutputFile> {
  try {
    const stat = statOf(target);
    if (stat?.isDirectory()) throw Object.assign(new Error("is a folder"), { code: "EISDIR" });
    if (isSpecial(stat)) return seeks ? copiedThrough(target) : await throughFile(target);
    if (stat) return atomicFile(target, realpathSync(target));
    makeFolders(dirname(resolve(target)));
    return atomicFile(target, resolve(target));
  } catch (error) {
    throw new Refusal(`cannot write ${target}: ${ioReason(error).en}`, `无法写入 ${target}：${ioReason(error).zh}`);
  }
}

/** Runs `write` against the output and commits it, or aborts it on failure (one line says why). */
export async function writeOutputFile(target: string, write: (fd: number) => Promise<void> | void): Promise<void> {
  const file = await openOutput(target, true);
  try {
    await write(file.fd);
  } catch (error) {
    file.abort();
    if (error instanceof Refusal || error instanceof PackageTooLargeError || error instanceof ReaderGone) throw error;
    throw new Refusal(`cannot write ${target}: ${ioReason(error).en}`, `无法写入 ${target}：${ioReason(error).zh}`);
  }
  await file.commit();
}
