/** The command line's one-line failures (exit 2) and what an I/O error code means for a person. */

/** A failure to tell the person in one line (exit 2). */
export class Refusal extends Error {}

/** What an I/O error code means for a person. */
export function ioReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file or folder";
    case "EISDIR":
      return "it is a folder";
    case "ENOTDIR":
      return "a part of the path is not a folder";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EROFS":
      return "the file system is read-only";
    case "ENOSPC":
      return "the disk is full";
    case "EDQUOT":
      return "the disk quota is used up";
    case "ENAMETOOLONG":
      return "the name is too long for the file system";
    default:
      return (error as Error)?.message?.split("\n")[0] ?? String(error);
  }
}

/**
 * The reader of a pipe we write to went away (EPIPE: `hlj-screen … --json - | head -1`). The run ends as a
 * program killed by SIGPIPE would: quietly, with nothing more written and no temporary file left.
 */
export class ReaderGone extends Error {}

/** Exit status of a run whose reader went away: 128 + SIGPIPE, as the shell reports a program killed by it. */
export const READER_GONE_STATUS = 141;

export const isBrokenPipe = (error: unknown) => (error as NodeJS.ErrnoException)?.code === "EPIPE";
