/** The command line's one-line failures (exit 2) and what an I/O error code means for a person. */
import type { DisplayLanguage, Term } from "../core";

/** A failure to tell the person in one line (exit 2), in both languages; `message` is the English. */
export class Refusal extends Error {
  constructor(
    readonly en: string,
    readonly zh: string,
  ) {
    super(en);
  }
}

/**
 * The one line printed for a refusal: `hlj-screen: <English>` with --lang en; in Chinese (the default, and before
 * --lang is known) the Chinese reason first for the officer and the English in brackets, so scripts and logs that look
 * for the English words still find them.
 */
export function refusalLine(reason: Term, language: DisplayLanguage): string {
  return language === "en" ? `hlj-screen: ${reason.en}` : `hlj-screen：${reason.zh}（${reason.en}）`;
}

/** What an I/O error code means for a person. */
export function ioReason(error: unknown): Term {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case "ENOENT":
      return { en: "no such file or folder", zh: "文件或文件夹不存在" };
    case "EISDIR":
      return { en: "it is a folder", zh: "这是一个文件夹" };
    case "ENOTDIR":
      return { en: "a part of the path is not a folder", zh: "路径中有一段不是文件夹" };
    case "EACCES":
    case "EPERM":
      return { en: "permission denied", zh: "权限不足" };
    case "EROFS":
      return { en: "the file system is read-only", zh: "文件系统只读" };
    case "ENOSPC":
      return { en: "the disk is full", zh: "磁盘已满" };
    case "EDQUOT":
      return { en: "the disk quota is used up", zh: "磁盘配额已用完" };
    case "ENAMETOOLONG":
      return { en: "the name is too long for the file system", zh: "名称太长，文件系统不支持" };
    default: {
      // An error the tool has no words for: its own text (English) in brackets after the Chinese word.
      const message = (error as Error)?.message?.split("\n")[0] ?? String(error);
      return { en: message, zh: "系统错误" };
    }
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
