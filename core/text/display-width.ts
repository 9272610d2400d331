/**
 * How much room text takes in a spreadsheet column (widths count characters of the default font; a CJK or
 * full-width character counts two): for the paper's widths and row heights, in every host.
 */
/** Wrapping breaks before a word or punctuation that does not fit: a tenth of every wrapped line is lost. */
const WRAP_LOSS = 1.1;

const isWide = (code: number) =>
  (code >= 0x1100 && code <= 0x115f) ||
  (code >= 0x2e80 && code <= 0xa4cf) ||
  (code >= 0xac00 && code <= 0xd7a3) ||
  (code >= 0xf900 && code <= 0xfaff) ||
  (code >= 0xfe30 && code <= 0xfe4f) ||
  (code >= 0xff00 && code <= 0xff60) ||
  (code >= 0xffe0 && code <= 0xffe6);

/** Display width of text: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) width += isWide(text.charCodeAt(i)) ? 2 : 1;
  return width;
}

/** Lines a text takes in a column of this width (in characters), its own line breaks included: one pass, no copies. */
export function linesIn(text: string, width: number): number {
  let lines = 0;
  let needed = 0;
  const end = (count: number) => (count <= width ? 1 : Math.ceil((count * WRAP_LOSS) / Math.max(1, width)));
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      lines += end(needed);
      needed = 0;
    } else needed += code < 0x1100 ? 1 : isWide(code) ? 2 : 1;
  }
  return lines + end(needed);
}
