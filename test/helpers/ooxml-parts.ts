/**
 * The plumbing of the package checker (ooxml-check.ts), written apart from the CLI's own reader so that the
 * checker does not share its mistakes: every zip entry as the central directory lists it (duplicates included),
 * each part's bytes decoded by its byte-order mark, and a namespace-aware parse (saxes with `xmlns: true`, which
 * reports an undeclared prefix or a repeated attribute) into a small tree or into streamed events.
 */
import { SaxesParser, SaxesTagNS } from "saxes";
import yauzl, { Entry, ZipFile } from "yauzl";

export const REL_NS = new Set([
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
]);

export interface Element {
  local: string;
  uri: string;
  /** Unprefixed attributes by local name; prefixed ones by `{uri}local`. */
  attrs: Map<string, string>;
  children: Element[];
  text: string;
}

export const child = (el: Element | undefined, local: string) => el?.children.find((c) => c.local === local);
export const children = (el: Element | undefined, local: string) => el?.children.filter((c) => c.local === local) ?? [];

/** The value of an r:-namespaced attribute (Transitional or Strict), e.g. r:id. */
export function relAttr(el: Element, local: string): string | undefined {
  for (const ns of REL_NS) {
    const value = el.attrs.get(`{${ns}}${local}`);
    if (value !== undefined) return value;
  }
  return undefined;
}

export interface ZipPackage {
  /** Every entry name in central-directory order, duplicates included (folders left out). */
  names: string[];
  /** Entry names by their lower-case form (the first of duplicates). */
  byLower: Map<string, string>;
  /** Streams one entry's inflated bytes. */
  stream(name: string, onChunk: (chunk: Buffer) => void): Promise<void>;
  close(): void;
}

export function openZip(path: string): Promise<ZipPackage> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (error, file) => {
      if (error || !file) return reject(error ?? new Error("no zip"));
      const entries: Entry[] = [];
      file.on("entry", (entry: Entry) => {
        entries.push(entry);
        file.readEntry();
      });
      file.on("error", reject);
      file.on("end", () => resolve(zipPackage(file, entries)));
      file.readEntry();
    });
  });
}

function zipPackage(file: ZipFile, all: Entry[]): ZipPackage {
  const entries = all.filter((e) => !e.fileName.endsWith("/"));
  const byLower = new Map<string, string>();
  for (const e of entries) if (!byLower.has(e.fileName.toLowerCase())) byLower.set(e.fileName.toLowerCase(), e.fileName);
  return {
    names: entries.map((e) => e.fileName),
    byLower,
    stream: (name, onChunk) =>
      new Promise((resolve, reject) => {
        const entry = entries.find((e) => e.fileName === name);
        if (!entry) return reject(new Error(`no entry ${name}`));
        file.openReadStream(entry, (error, stream) => {
          if (error || !stream) return reject(error ?? new Error("no stream"));
          stream.on("data", onChunk);
          stream.on("error", reject);
          stream.on("end", () => resolve());
        });
      }),
    close: () => file.close(),
  };
}

/** Decodes a part's bytes as Excel does: UTF-8 (BOM optional) or UTF-16 with its BOM (or a `<` as 3C 00). */
export class PartDecoder {
  private decoder: TextDecoder | undefined;
  private head = Buffer.alloc(0);
  encoding = "utf-8";

  write(chunk: Buffer): string {
    if (!this.decoder) {
      this.head = Buffer.concat([this.head, chunk]);
      if (this.head.length < 4) return "";
      const [a, b] = this.head;
      this.encoding =
        a === 0xff && b === 0xfe ? "utf-16le" : a === 0xfe && b === 0xff ? "utf-16be" : a === 0x3c && b === 0 ? "utf-16le" : "utf-8";
      this.decoder = new TextDecoder(this.encoding, { ignoreBOM: false, fatal: true });
      chunk = this.head;
    }
    return this.decoder.decode(chunk, { stream: true });
  }

  end(): string {
    if (!this.decoder) {
      const tail = this.head;
      this.head = Buffer.alloc(0);
      return tail.length ? new TextDecoder("utf-8", { fatal: true }).decode(tail) : "";
    }
    return this.decoder.decode();
  }
}

export interface XmlHandler {
  open(tag: SaxesTagNS, depth: number): void;
  text?(text: string): void;
  close?(tag: SaxesTagNS, depth: number): void;
}

/**
 * Parses one part, calling `handler`; returns the parser's complaints (at most three), e.g.
 * `unbound namespace prefix: "r"` or `duplicate attribute: xmlns:r`, or a decoding failure.
 */
export async function parsePart(zip: ZipPackage, name: string, handler: XmlHandler): Promise<string[]> {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: true, position: true });
  let depth = 0;
  parser.on("error", (e) => {
    if (errors.length < 3) errors.push(e.message);
  });
  parser.on("opentag", (tag) => handler.open(tag as SaxesTagNS, depth++));
  parser.on("closetag", (tag) => {
    depth--;
    handler.close?.(tag as SaxesTagNS, depth);
  });
  if (handler.text) {
    const onText = handler.text.bind(handler);
    parser.on("text", onText);
    parser.on("cdata", onText);
  }
  const decoder = new PartDecoder();
  let first = true;
  const feed = (text: string) => {
    if (first && text.length) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    if (text.length && errors.length < 3) parser.write(text);
  };
  try {
    await zip.stream(name, (chunk) => feed(decoder.write(chunk)));
    feed(decoder.end());
    parser.close();
  } catch (e) {
    errors.push(`cannot be read as ${decoder.encoding}: ${(e as Error).message}`);
  }
  return errors;
}

/** Parses a (small) part into a tree; `errors` as parsePart's. */
export async function parseTree(zip: ZipPackage, name: string): Promise<{ root: Element | undefined; errors: string[] }> {
  const stack: Element[] = [];
  let root: Element | undefined;
  const errors = await parsePart(zip, name, {
    open(tag) {
      const attrs = new Map<string, string>();
      for (const a of Object.values(tag.attributes)) attrs.set(a.prefix && a.prefix !== "xmlns" ? `{${a.uri}}${a.local}` : a.name, a.value);
      const el: Element = { local: tag.local, uri: tag.uri, attrs, children: [], text: "" };
      if (stack.length) stack[stack.length - 1].children.push(el);
      else root = el;
      stack.push(el);
    },
    text(text) {
      if (stack.length) stack[stack.length - 1].text += text;
    },
    close() {
      stack.pop();
    },
  });
  return { root, errors };
}

/** Resolves a relationship target against the folder of its source part; undefined when it leaves the package. */
export function resolveTarget(sourcePart: string, target: string): string | undefined {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // a stray % is kept as written
  }
  const base = decoded.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const segment of decoded.replace(/^\//, "").split("/")) {
    if (segment === "..") {
      if (!base.length) return undefined;
      base.pop();
    } else if (segment !== "." && segment !== "") base.push(segment);
  }
  return base.join("/");
}

/** The part a relationships part describes: `xl/_rels/workbook.xml.rels` → `xl/workbook.xml`, `_rels/.rels` → ``. */
export function relsSource(relsPart: string): string | undefined {
  const match = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(relsPart);
  return match ? match[1] + match[2] : undefined;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** Column number of letters (A = 1), or NaN. */
export function columnNumber(letters: string): number {
  if (!/^[A-Z]{1,3}$/.test(letters)) return NaN;
  let n = 0;
  for (const c of letters) n = n * 26 + c.charCodeAt(0) - 64;
  return n;
}

/** A1 or A1:B2 (with or without $) inside Excel's grid; the problem as text, or undefined when fine. */
export function rangeProblem(ref: string): string | undefined {
  const parts = ref.split(":");
  if (parts.length > 2) return `"${ref}" is not a cell range`;
  const cells = parts.map((p) => /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(p));
  if (cells.some((m) => !m)) return `"${ref}" is not a cell range`;
  for (const m of cells as RegExpExecArray[]) {
    const col = columnNumber(m[1]);
    const row = Number(m[2]);
    if (!(col >= 1 && col <= MAX_COLUMNS)) return `"${ref}" is past column XFD (16,384)`;
    if (row < 1 || row > MAX_ROWS) return `"${ref}" is past row 1,048,576`;
  }
  return undefined;
}
