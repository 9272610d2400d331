/**
 * The temporary files a run has open (outputs being written, a piped input copied to disk), removed whatever
 * ends the run: its own failure, or Ctrl-C (SIGINT), SIGTERM or SIGHUP. The signal handlers are installed only
 * while a temporary file exists, so a signal during screening still ends the run at once, as by default.
 */
import { unlinkSync } from "fs";

const live = new Set<string>();
const SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/** Removes every temporary file, then dies of the same signal (the shell sees 130 for Ctrl-C, as usual). */
function onSignal(signal: NodeJS.Signals): void {
  removeAll();
  process.kill(process.pid, signal);
}

function removeAll(): void {
  for (const path of live) {
    try {
      unlinkSync(path);
    } catch {
      /* already gone */
    }
  }
  live.clear();
  for (const signal of SIGNALS) process.removeListener(signal, onSignal);
}

/** Remembers a temporary file until it is renamed into place or removed (`forget`). */
export function remember(path: string): void {
  if (live.size === 0) for (const signal of SIGNALS) process.on(signal, onSignal);
  live.add(path);
}

/** The file was renamed into place or removed: nothing to clean up for it. */
export function forget(path: string): void {
  if (!live.delete(path) || live.size > 0) return;
  for (const signal of SIGNALS) process.removeListener(signal, onSignal);
}

/** Removes a temporary file now (it may already be gone). */
export function discard(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    /* nothing was left */
  }
  forget(path);
}

/** The longest name most file systems allow (NAME_MAX), in bytes. */
const NAME_MAX = 255;
let serial = 0;

/**
 * A hidden temporary name beside `name` in its folder: `.NAME.PID-N.tmp`, with NAME shortened (whole characters)
 * so that the temporary name fits NAME_MAX bytes wherever the name itself does.
 */
export function temporaryName(name: string): string {
  const suffix = `.${process.pid}-${++serial}.tmp`;
  const room = NAME_MAX - 1 - Buffer.byteLength(suffix);
  let kept = "";
  let bytes = 0;
  for (const ch of name) {
    bytes += Buffer.byteLength(ch);
    if (bytes > room) break;
    kept += ch;
  }
  return `.${kept}${suffix}`;
}
