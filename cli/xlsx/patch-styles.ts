/**
 * styles.xml: the cell formats the command line's sheets use. An identical font, fill, border, number format or
 * cell format already in the workbook (an earlier run's, or the user's) is reused, so a rerun adds nothing;
 * what is missing is appended, and a list the workbook lacks (a styles.xml with only `<cellXfs>`) is created
 * in the schema's order with the entries Excel reserves. The cell formats never pass Excel's limit: a style
 * that does not fit falls back to the workbook's default format.
 */
import { xmlText } from "./sheet-writer";
import { TRANSITIONAL, flavourOf } from "./namespaces";
import { Splice, XmlElement, attributeValue, childNamed, parseXml } from "./xml-tree";

export interface StyleDef {
  bold?: boolean;
  /** Points. */
  size?: number;
  /** RRGGBB */
  color?: string;
  /** RRGGBB */
  fill?: string;
  /** A number format code; built-in ones (`#,##0.00`, `0`) keep their ids. */
  numberFormat?: string;
  wrap?: boolean;
  vertical?: "top" | "center";
  horizontal?: "left" | "center" | "right";
  border?: boolean;
}

/** The most cell formats (cellXfs) Excel opens in a workbook. */
export const MAX_CELL_FORMATS = 65_430;

const BUILT_IN_IDS: Readonly<Record<string, number>> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10 };

/** CT_Stylesheet's order. */
const LIST_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

/** The entries a list starts with when the workbook has none: the defaults its existing indices may mean. */
const RESERVED: Readonly<Record<string, string[]>> = {
  numFmts: [],
  fonts: ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'],
  fills: ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'],
  borders: ["<border><left/><right/><top/><bottom/><diagonal/></border>"],
  cellStyleXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'],
  cellXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'],
};

const EMPTY_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${TRANSITIONAL.main}">` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** An element as compared for reuse: local names and attribute values, in order of names; no prefixes, no white space. */
function canonical(element: XmlElement): string {
  const attributes = element.attributes
    .map((a) => `${a.uri ? `{${a.uri}}` : ""}${a.local}=${JSON.stringify(a.value)}`)
    .sort()
    .join(" ");
  return `<${element.local} ${attributes}>${element.children.map(canonical).join("")}</>`;
}

const canonicalOf = (xml: string) => canonical(parseXml(`<x>${xml}</x>`, "a style").children[0]);

/** One list of styles.xml (fonts, cellXfs…): its entries as compared, and the entries to append. */
class StyleList {
  readonly keys: string[];
  readonly added: string[] = [];

  constructor(
    readonly local: string,
    readonly element: XmlElement | undefined,
  ) {
    const item = { numFmts: "numFmt", fonts: "font", fills: "fill", borders: "border", cellStyleXfs: "xf", cellXfs: "xf" }[local]!;
    const existing = element ? element.children.filter((c) => c.local === item && c.uri === element.uri).map(canonical) : [];
    // An empty or missing list: its first entries are the defaults the workbook's indices 0 (and fill 1) mean.
    if (!existing.length) this.added.push(...RESERVED[local]);
    this.keys = [...existing, ...this.added.map(canonicalOf)];
  }

  get count(): number {
    return this.keys.length;
  }

  find(xml: string): number | undefined {
    const index = this.keys.indexOf(canonicalOf(xml));
    return index < 0 ? undefined : index;
  }

  /** The entry's index: the identical one there is, or a new one appended. */
  use(xml: string): number {
    const found = this.find(xml);
    if (found !== undefined) return found;
    this.added.push(xml);
    this.keys.push(canonicalOf(xml));
    return this.keys.length - 1;
  }
}

interface BaseFont {
  name: string;
  size: number;
  charset: string | null;
}

function baseFont(fonts: XmlElement | undefined): BaseFont {
  const first = fonts?.children.find((c) => c.local === "font");
  const value = (local: string) => {
    const child = first?.children.find((c) => c.local === local);
    return child ? attributeValue(child, "val") : null;
  };
  return { name: value("name") ?? "Calibri", size: Number(value("sz") ?? 11) || 11, charset: value("charset") };
}

const fontXml = (style: StyleDef, base: BaseFont) =>
  `<font>${style.bold ? "<b/>" : ""}<sz val="${style.size ?? base.size}"/>${style.color ? `<color rgb="FF${style.color}"/>` : ""}<name val="${xmlText(base.name)}"/>${base.charset ? `<charset val="${base.charset}"/>` : ""}</font>`;

const fillXml = (rgb: string) =>
  `<fill><patternFill patternType="solid"><fgColor rgb="FF${rgb}"/><bgColor indexed="64"/></patternFill></fill>`;

const side = (name: string) => `<${name} style="thin"><color rgb="FFBFBFBF"/></${name}>`;
const BORDER = `<border>${side("left")}${side("right")}${side("top")}${side("bottom")}<diagonal/></border>`;

function xfXml(style: StyleDef, ids: { numFmtId: number; fontId: number; fillId: number; borderId: number }): string {
  const { numFmtId, fontId, fillId, borderId } = ids;
  const alignment =
    style.wrap || style.vertical || style.horizontal
      ? `<alignment${style.horizontal ? ` horizontal="${style.horizontal}"` : ""}${style.vertical ? ` vertical="${style.vertical}"` : ""}${style.wrap ? ' wrapText="1"' : ""}/>`
      : "";
  return `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0" applyFont="1"${fillId ? ' applyFill="1"' : ""}${borderId ? ' applyBorder="1"' : ""}${numFmtId ? ' applyNumberFormat="1"' : ""}${alignment ? ' applyAlignment="1">' + alignment + "</xf>" : "/>"}`;
}

/** Number formats: built-in ids, the workbook's own by format code, new ids above every id in use. */
class NumberFormats {
  private readonly byCode = new Map<string, number>();
  private next: number;

  constructor(
    readonly list: StyleList,
    xml: string,
  ) {
    for (const f of list.element?.children.filter((c) => c.local === "numFmt") ?? []) {
      const code = attributeValue(f, "formatCode");
      if (code !== null && !this.byCode.has(code)) this.byCode.set(code, Number(attributeValue(f, "numFmtId")));
    }
    const ids = [...xml.matchAll(/numFmtId\s*=\s*["'](\d+)/g)].map((m) => Number(m[1]));
    this.next = Math.max(163, ...ids) + 1;
  }

  find(code: string | undefined): number | undefined {
    return code === undefined ? 0 : (BUILT_IN_IDS[code] ?? this.byCode.get(code));
  }

  use(code: string | undefined): number {
    const found = this.find(code);
    if (found !== undefined) return found;
    const id = this.next++;
    this.byCode.set(code!, id);
    this.list.use(`<numFmt numFmtId="${id}" formatCode="${xmlText(code!)}"/>`);
    return id;
  }
}

/** The xf index of one style: every part of it reused or appended, or 0 when a new cell format would not fit. */
function useStyle(style: StyleDef, lists: Record<string, StyleList>, formats: NumberFormats, base: BaseFont): number {
  const font = fontXml(style, base);
  const fill = style.fill ? fillXml(style.fill) : null;
  const border = style.border ? BORDER : null;
  const known = {
    numFmtId: formats.find(style.numberFormat),
    fontId: lists.fonts.find(font),
    fillId: fill ? lists.fills.find(fill) : 0,
    borderId: border ? lists.borders.find(border) : 0,
  };
  const room = lists.cellXfs.count < MAX_CELL_FORMATS;
  if (Object.values(known).some((id) => id === undefined)) {
    // A part of it is new, so is the cell format: only when one more fits.
    if (!room) return 0;
  } else {
    const existing = lists.cellXfs.find(xfXml(style, known as Record<keyof typeof known, number>));
    if (existing !== undefined) return existing;
    if (!room) return 0;
  }
  return lists.cellXfs.use(
    xfXml(style, {
      numFmtId: formats.use(style.numberFormat),
      fontId: lists.fonts.use(font),
      fillId: fill ? lists.fills.use(fill) : 0,
      borderId: border ? lists.borders.use(border) : 0,
    }),
  );
}

/**
 * styles.xml (or a new one when the workbook has none): the cell formats for `styles`, reused where the workbook
 * has them, appended where not; returns the xf indices in the order of `styles`.
 */
export function patchStyles(xml: string | null, styles: readonly StyleDef[]): { xml: string; ids: number[] } {
  const text = xml ?? EMPTY_STYLES;
  const root = parseXml(text, "styles.xml");
  if (root.local !== "styleSheet" || !flavourOf(root.uri)) throw new Error(`styles.xml: the root is not a SpreadsheetML styleSheet`);
  const lists: Record<string, StyleList> = {};
  for (const local of ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs"])
    lists[local] = new StyleList(local, childNamed(root, local));
  const formats = new NumberFormats(lists.numFmts, text);
  const base = baseFont(lists.fonts.element);
  const ids = styles.map((style) => useStyle(style, lists, formats, base));
  return { xml: writeLists(text, root, lists), ids };
}

/** Appends the new entries to each list (its count updated), and creates the lists the workbook lacks in schema order. */
function writeLists(text: string, root: XmlElement, lists: Record<string, StyleList>): string {
  const splice = new Splice(text);
  const p = root.name.includes(":") ? `${root.name.split(":")[0]}:` : "";
  const prefixed = (items: string[]) => items.join("").replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${p}`);
  let atEnd = "";
  for (const list of Object.values(lists)) {
    if (!list.added.length) continue;
    if (list.element) {
      splice.append(list.element, prefixed(list.added));
      splice.setAttribute(list.element, "count", String(list.count));
      continue;
    }
    const created = `<${p}${list.local} count="${list.count}">${prefixed(list.added)}</${p}${list.local}>`;
    const later = LIST_ORDER.slice(LIST_ORDER.indexOf(list.local) + 1);
    const next = root.children.find((c) => c.uri === root.uri && later.includes(c.local));
    if (next) splice.insert(next.start, created);
    else atEnd += created;
  }
  splice.append(root, atEnd);
  return splice.toString();
}
