/**
 * XML parts as text: every part is decoded as the encoding it declares (XML 1.0 appendix F) — a byte order
 * mark, UTF-16 without one, or the declaration's `encoding="…"` — not assumed to be UTF-8 (issue 16).
 */
import { StringDecoder } from "string_decoder";
import { TextDecoder } from "util";
import { UnreadablePackageError } from "./package-reader";

/**
 * A part's bytes as text in the encoding the part says (XML 1.0 appendix F): a byte order mark (UTF-8, UTF-16
 * LE/BE), else `<?` in UTF-16 without one, else the declaration's `encoding="…"` (UTF-8 when none). UTF-8
 * and UTF-16LE are decoded by Node's own decoder, the rest by TextDecoder; the mark is dropped.
 */
export async function* decodedText(stream: AsyncIterable<Buffer>, part: string): AsyncGenerator<string> {
  let decode: ((bytes: Buffer) => string) | null = null;
  let head = Buffer.alloc(0);
  for await (const chunk of stream) {
    if (decode) {
      yield decode(chunk);
      continue;
    }
    head = Buffer.concat([head, chunk]);
    if (head.length < 256) continue; // enough for a mark and the declaration
    decode = decoderFor(head, part);
    yield decode(head);
  }
  if (!decode && head.length) yield decoderFor(head, part)(head);
}

/** A whole part's bytes (a small part read with `pkg.read`) as text, decoded as `parsePart` decodes it. */
export function decodeXml(bytes: Buffer, part: string): string {
  return decoderFor(bytes, part)(bytes);
}

/** A part's text, and how to encode an edited text so that the part's mark and declaration stay true. */
export interface DecodedPart {
  text: string;
  encode(text: string): Buffer;
}

/**
 * A part to edit: decoded as `parsePart` decodes it; written back in its own encoding with its own byte order
 * mark when that is UTF-8 or UTF-16 (so `encoding="UTF-16"` stays true), else as UTF-8 with the declaration
 * saying so (a single-byte encoding cannot hold the Chinese names the edit adds).
 */
export function decodePart(bytes: Buffer, part: string): DecodedPart {
  const text = decodeXml(bytes, part);
  const label = encodingOf(bytes);
  const starts = (...marks: number[]) => marks.every((b, i) => bytes[i] === b);
  const mark = bytes.subarray(0, starts(0xef, 0xbb, 0xbf) ? 3 : starts(0xff, 0xfe) || starts(0xfe, 0xff) ? 2 : 0);
  if (label === "utf-16le") return { text, encode: (edited) => Buffer.concat([mark, Buffer.from(edited, "utf16le")]) };
  if (label === "utf-16be") return { text, encode: (edited) => Buffer.concat([mark, Buffer.from(edited, "utf16le").swap16()]) };
  if (label === "utf-8") return { text, encode: (edited) => Buffer.concat([mark, Buffer.from(edited, "utf8")]) };
  return {
    text,
    encode: (edited) => Buffer.from(edited.replace(/^(<\?xml[^>]*?\sencoding\s*=\s*["'])[^"']*/, "$1UTF-8"), "utf8"),
  };
}

/** The encoding a part says it is in (XML 1.0 appendix F), as a TextDecoder label. */
function encodingOf(head: Buffer): string {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0xff, 0xfe) || starts(0x3c, 0x00, 0x3f, 0x00)) return "utf-16le";
  if (starts(0xfe, 0xff) || starts(0x00, 0x3c, 0x00, 0x3f)) return "utf-16be";
  if (starts(0xef, 0xbb, 0xbf)) return "utf-8";
  const declared = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/.exec(head.toString("latin1"))?.[1];
  return declared && !/^utf-?(8|16)$/i.test(declared) ? declared.toLowerCase() : "utf-8";
}

function decoderFor(head: Buffer, part: string): (bytes: Buffer) => string {
  const label = encodingOf(head);
  if (label === "utf-8" || label === "utf-16le") {
    const decoder = new StringDecoder(label === "utf-8" ? "utf8" : "utf16le");
    let first = true;
    return (bytes) => {
      const text = decoder.write(bytes);
      if (!first) return text;
      first = false;
      return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    };
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    throw new UnreadablePackageError(
      `${part} is in an encoding this tool cannot read (${label})`,
      `${part} 使用了本工具无法读取的编码（${label}）`,
    );
  }
  return (bytes) => decoder.decode(bytes, { stream: true });
}
