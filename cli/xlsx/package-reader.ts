/**
 * The .xlsx package (a zip of XML parts) as the command line reads it: the list of parts, each part's bytes
 * as a stream (inflated, or raw for copying byte for byte into the output), never the whole package in
 * memory. The total uncompressed size is bounded before anything is inflated (a zip bomb is refused by its
 * own directory), and every inflated stream is checked against the size its directory claims.
 */
import { closeSync, openSync, readSync } from "fs";
import { Readable } from "stream";
import yauzl, { Entry, ZipFile } from "yauzl";

/** The package cannot be read: one line for the person, the command exits 2. */
export class UnreadablePackageError extends Error {
  constructor(
    message: string,
    /** The same in Chinese, for the line in the display language. */
    readonly zh: string,
  ) {
    super(message);
  }
}

export interface PackagePart {
  name: string;
  entry: Entry;
}

export interface OpenPackage {
  parts: Map<string, PackagePart>;
  /** Sum of the uncompressed sizes the directory declares. */
  uncompressedSize: number;
  /** The part inflated, as a stream (bounded by its declared size). */
  stream(name: string): Promise<Readable>;
  /** The part's bytes as stored (compressed), for copying into the output unchanged. */
  rawStream(name: string): Promise<Readable>;
  /** The whole part inflated, for the small parts (workbook.xml, rels, styles…). */
  read(name: string): Promise<Buffer>;
  close(): void;
}

const OLE2_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b]);

/**
 * What a file that is not a zip package most likely is, for the refusal line: an encrypted workbook and a
 * real .xls are both OLE2 compound files; the encrypted one holds an `EncryptedPackage` stream.
 */
function notAPackage(path: string): { en: string; zh: string } | null {
  const fd = openSync(path, "r");
  try {
    const head = Buffer.alloc(1 << 20);
    const read = readSync(fd, head, 0, head.length, 0);
    const bytes = head.subarray(0, read);
    if (bytes.subarray(0, 8).equals(OLE2_SIGNATURE)) {
      return bytes.includes(Buffer.from("EncryptedPackage", "utf16le"))
        ? {
            en: "encrypted: save it without a password (File → Info → Protect Workbook → Encrypt with Password, clear it) and try again",
            zh: "已加密：请清除密码后保存再试（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）",
          }
        : {
            en: "an Excel 97–2003 .xls file: save it as .xlsx (File → Save As → Excel Workbook) and try again",
            zh: "这是 Excel 97–2003 格式的文件：请另存为 Excel 工作簿后再试（文件 → 另存为 → Excel 工作簿）",
          };
    }
    if (read === 0) return { en: "the file is empty", zh: "文件是空的" };
    if (!bytes.subarray(0, 2).equals(ZIP_SIGNATURE))
      return { en: "not an .xlsx workbook (an .xlsx file is a zip package)", zh: "不是 Excel 工作簿（Excel 工作簿文件是一个压缩包）" };
    return null;
  } finally {
    closeSync(fd);
  }
}

export async function openPackage(path: string, maxUncompressedBytes: number): Promise<OpenPackage> {
  const kind = notAPackage(path);
  if (kind) throw new UnreadablePackageError(kind.en, kind.zh);
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (error, file) =>
      error ? reject(new UnreadablePackageError(`a damaged zip package (${error.message})`, "压缩包已损坏")) : resolve(file!),
    ),
  );
  const parts = new Map<string, PackagePart>();
  let uncompressedSize = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on("entry", (entry: Entry) => {
        if (entry.isEncrypted()) {
          reject(new UnreadablePackageError("encrypted: save it without a password and try again", "已加密：请清除密码后保存再试"));
          return;
        }
        uncompressedSize += entry.uncompressedSize;
        if (!entry.fileName.endsWith("/")) parts.set(normalisePartName(entry.fileName), { name: entry.fileName, entry });
        zip.readEntry();
      });
      zip.on("end", () => resolve());
      zip.on("error", (error: Error) => reject(new UnreadablePackageError(`a damaged zip package (${error.message})`, "压缩包已损坏")));
      zip.readEntry();
    });
  } catch (error) {
    zip.close();
    throw error;
  }
  if (uncompressedSize > maxUncompressedBytes) {
    zip.close();
    throw new UnreadablePackageError(
      `it would inflate to ${bytesText(uncompressedSize)}, above the limit of ${bytesText(maxUncompressedBytes)} (raise it with --max-size)`,
      `解压后将达 ${bytesText(uncompressedSize)}，超过上限 ${bytesText(maxUncompressedBytes)}（可用 --max-size 提高上限）`,
    );
  }
  const partOf = (name: string) => {
    const part = parts.get(normalisePartName(name));
    if (!part) throw new UnreadablePackageError(`the part ${name} is missing`, `缺少部件 ${name}`);
    return part;
  };
  const open = (name: string, decode: boolean) =>
    new Promise<Readable>((resolve, reject) => {
      const part = partOf(name);
      if (decode && !part.entry.canDecodeFileData()) {
        reject(
          new UnreadablePackageError(
            `${name} uses a compression method this tool cannot read (${part.entry.compressionMethod})`,
            `${name} 使用了本工具无法读取的压缩方式（${part.entry.compressionMethod}）`,
          ),
        );
        return;
      }
      // yauzl 3.4 reads `decodeFileData: true` as raw: only `false` is passed, for the raw copy.
      zip.openReadStream(part.entry, decode ? {} : { decodeFileData: false }, (error, stream) =>
        error ? reject(new UnreadablePackageError(`${name} cannot be read (${error.message})`, `${name} 无法读取`)) : resolve(stream!),
      );
    });
  return {
    parts,
    uncompressedSize,
    stream: (name) => open(name, true),
    rawStream: (name) => open(name, false),
    read: async (name) => {
      const chunks: Buffer[] = [];
      const stream = await open(name, true);
      try {
        for await (const chunk of stream) chunks.push(chunk as Buffer);
      } catch (error) {
        throw new UnreadablePackageError(`${name} cannot be read (${(error as Error).message})`, `${name} 无法读取`);
      }
      return Buffer.concat(chunks);
    },
    close: () => zip.close(),
  };
}

/** Part names are compared without a leading slash and case-insensitively, as OPC says. */
export function normalisePartName(name: string): string {
  return name.replace(/^\/+/, "").toLowerCase();
}

/** Bytes as people read them: 16 KiB, 2.3 MiB, 1 GiB. */
export function bytesText(bytes: number): string {
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toLocaleString("en", { maximumFractionDigits: 1 })} ${units[unit]}`;
}
