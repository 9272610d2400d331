/**
 * Edits of the four package parts the output may change — workbook.xml, its relationships,
 * [Content_Types].xml and styles.xml — as text: everything not named here stays byte for byte as it was,
 * whatever the program that wrote it (namespace prefixes included).
 */
import { xmlText } from "./sheet-writer";

const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The prefix (with its colon, or "") of the document element named `local`. */
function rootPrefix(xml: string, local: string): string {
  const match = new RegExp(`<([A-Za-z_][\\w.-]*:)?${local}[\\s>]`).exec(xml);
  if (!match) throw new Error(`no <${local}> element`);
  return match[1] ?? "";
}

/** Attribute value of a start tag, by local name (`r:id` and `id` match `id` when `prefixed` says so). */
export function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${escapeRegExp(name)}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return match ? unescapeXml(match[1] ?? match[2]) : null;
}

export function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    switch (e) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default:
        return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

export interface NewSheet {
  name: string;
  sheetId: number;
  relationshipId: string;
}

export interface NewDefinedName {
  name: string;
  /** Index of the sheet among the workbook's sheets after the edit, for a name local to it. */
  localSheetId?: number;
  hidden?: boolean;
  formula: string;
}

/**
 * workbook.xml: removes the sheets named in `remove` (by relationship id) and every defined name that belongs
 * to them or is one of `replaceNames`, re-numbers localSheetId after a removed sheet, appends the new sheets
 * and defined names.
 */
export function patchWorkbook(
  xml: string,
  edit: {
    removeRelationshipIds: readonly string[];
    replaceNames: readonly string[];
    addSheets: readonly NewSheet[];
    addNames: (positionOf: (name: string) => number) => NewDefinedName[];
  },
): string {
  const p = rootPrefix(xml, "workbook");
  let relPrefix = new RegExp(`xmlns:([\\w.-]+)="${escapeRegExp(RELATIONSHIPS_NS)}"`).exec(xml)?.[1];
  if (!relPrefix) {
    relPrefix = "r";
    xml = xml.replace(new RegExp(`<${p}workbook(\\s|>)`), `<${p}workbook xmlns:r="${RELATIONSHIPS_NS}"$1`);
  }
  const sheetTag = new RegExp(
    `<${escapeRegExp(p)}sheet\\b[^>]*?/>|<${escapeRegExp(p)}sheet\\b[^>]*?>[\\s\\S]*?</${escapeRegExp(p)}sheet>`,
    "g",
  );
  const sheets = [...xml.matchAll(sheetTag)];
  const removedPositions: number[] = [];
  const kept: string[] = [];
  sheets.forEach((m, i) => {
    const rid = attribute(m[0], `${relPrefix}:id`);
    if (rid !== null && edit.removeRelationshipIds.includes(rid)) removedPositions.push(i);
    else kept.push(attribute(m[0], "name") ?? "");
  });
  // Drop removed <sheet> elements, from the last so earlier indices hold.
  for (const i of [...removedPositions].reverse()) {
    const m = sheets[i];
    xml = xml.slice(0, m.index!) + xml.slice(m.index! + m[0].length);
  }
  const newIndex = (old: number) => old - removedPositions.filter((r) => r < old).length;
  const names = [...kept, ...edit.addSheets.map((s) => s.name)];
  const added = edit.addSheets
    .map((s) => `<${p}sheet name="${xmlText(s.name)}" sheetId="${s.sheetId}" ${relPrefix}:id="${s.relationshipId}"/>`)
    .join("");
  xml = xml.replace(`</${p}sheets>`, `${added}</${p}sheets>`);

  const nameTag = new RegExp(`<${escapeRegExp(p)}definedName\\b[^>]*?(?:/>|>[\\s\\S]*?</${escapeRegExp(p)}definedName>)`, "g");
  xml = xml.replace(nameTag, (tag) => {
    const name = attribute(tag, "name") ?? "";
    const local = attribute(tag, "localSheetId");
    if (edit.replaceNames.includes(name)) return "";
    if (local === null) return tag;
    const index = Number(local);
    if (removedPositions.includes(index)) return "";
    const moved = newIndex(index);
    return moved === index ? tag : tag.replace(/(\slocalSheetId\s*=\s*["'])\d+/, `$1${moved}`);
  });
  const defined = edit
    .addNames((sheet) => names.indexOf(sheet))
    .map(
      (n) =>
        `<${p}definedName name="${xmlText(n.name)}"${n.localSheetId !== undefined ? ` localSheetId="${n.localSheetId}"` : ""}${n.hidden ? ' hidden="1"' : ""}>${xmlText(n.formula)}</${p}definedName>`,
    )
    .join("");
  if (new RegExp(`<${escapeRegExp(p)}definedNames\\s*/>`).test(xml)) {
    xml = xml.replace(new RegExp(`<${escapeRegExp(p)}definedNames\\s*/>`), `<${p}definedNames>${defined}</${p}definedNames>`);
  } else if (xml.includes(`</${p}definedNames>`)) {
    xml = xml.replace(`</${p}definedNames>`, `${defined}</${p}definedNames>`);
  } else if (defined) {
    // definedNames follow sheets, functionGroups and externalReferences (CT_Workbook's order).
    const after = [`</${p}externalReferences>`, `</${p}functionGroups>`, `</${p}sheets>`].find((t) => xml.includes(t))!;
    xml = xml.replace(after, `${after}<${p}definedNames>${defined}</${p}definedNames>`);
  }
  // The active tab must still exist.
  xml = xml.replace(/(\sactiveTab\s*=\s*["'])(\d+)/, (all, head: string, tab: string) => {
    const index = Number(tab);
    if (removedPositions.includes(index) || newIndex(index) >= names.length) return `${head}0`;
    return `${head}${newIndex(index)}`;
  });
  xml = xml.replace(
    /(\sfirstSheet\s*=\s*["'])(\d+)/,
    (all, head: string, tab: string) => `${head}${Math.min(newIndex(Number(tab)), names.length - 1)}`,
  );
  return xml;
}

export interface NewRelationship {
  id: string;
  type: string;
  target: string;
}

/** A relationships part: removes the given ids, appends the new relationships (creates the part when null). */
export function patchRelationships(xml: string | null, remove: readonly string[], add: readonly NewRelationship[]): string {
  const entries = add.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${xmlText(r.target)}"/>`).join("");
  if (xml === null) {
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${entries}</Relationships>`;
  }
  const p = rootPrefix(xml, "Relationships");
  xml = xml.replace(new RegExp(`<${escapeRegExp(p)}Relationship\\b[^>]*?(?:/>|>\\s*</${escapeRegExp(p)}Relationship>)`, "g"), (tag) =>
    remove.includes(attribute(tag, "Id") ?? "") ? "" : tag,
  );
  return xml.replace(`</${p}Relationships>`, `${entries.replace(/<Relationship /g, `<${p}Relationship `)}</${p}Relationships>`);
}

/** The relationship ids used in a relationships part. */
export function relationshipIds(xml: string): Set<string> {
  return new Set([...xml.matchAll(/\sId\s*=\s*["']([^"']+)["']/g)].map((m) => m[1]));
}

/** [Content_Types].xml: removes overrides of dropped parts, adds overrides (and the xml/rels defaults if missing). */
export function patchContentTypes(xml: string, removeParts: readonly string[], add: readonly { part: string; type: string }[]): string {
  const p = rootPrefix(xml, "Types");
  const removeLower = removeParts.map((part) => `/${part.replace(/^\//, "")}`.toLowerCase());
  xml = xml.replace(new RegExp(`<${escapeRegExp(p)}Override\\b[^>]*?/>`, "g"), (tag) =>
    removeLower.includes((attribute(tag, "PartName") ?? "").toLowerCase()) ? "" : tag,
  );
  const overrides = add.map((a) => `<${p}Override PartName="/${a.part}" ContentType="${a.type}"/>`).join("");
  return xml.replace(`</${p}Types>`, `${overrides}</${p}Types>`);
}

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

const BUILT_IN_IDS: Readonly<Record<string, number>> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10 };

/**
 * styles.xml: appends a font, fill, border and number format as each style needs, and one cell format (xf)
 * per style; returns the new xf indices in the order of `styles`. The workbook's existing styles are untouched.
 */
export function patchStyles(xml: string | null, styles: readonly StyleDef[]): { xml: string; ids: number[] } {
  if (xml === null) {
    xml =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
      `<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
      `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
  }
  const p = rootPrefix(xml, "styleSheet");
  const q = escapeRegExp(p);
  const count = (list: string, item: string) => {
    const match = new RegExp(`<${q}${list}\\b[^>]*>([\\s\\S]*?)</${q}${list}>`).exec(xml!);
    if (!match) return 0;
    return [...match[1].matchAll(new RegExp(`<${q}${item}\\b[^>]*?(/>|>)`, "g"))].filter((m) => m[0].endsWith("/>") || m[1] === ">").length;
  };
  const baseFont = new RegExp(`<${q}font\\b[^>]*>([\\s\\S]*?)</${q}font>`).exec(xml)?.[1] ?? "";
  const fontName = new RegExp(`<${q}name\\b[^>]*/>`).exec(baseFont)?.[0].replace(new RegExp(`<${q}`), "<") ?? '<name val="Calibri"/>';
  const baseSize = Number(/<(?:\w+:)?sz\s+val="([\d.]+)"/.exec(baseFont)?.[1] ?? 11);
  const charset = /<(?:\w+:)?charset\s+val="(\d+)"/.exec(baseFont)?.[1];

  let fontCount = count("fonts", "font");
  let fillCount = count("fills", "fill");
  let borderCount = count("borders", "border");
  let xfCount = count("cellXfs", "xf");
  const customIds = [...xml.matchAll(/numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
  let nextFormat = Math.max(163, ...customIds.filter((id) => id >= 164)) + 1;
  const fonts: string[] = [];
  const fills: string[] = [];
  const borders: string[] = [];
  const formats: string[] = [];
  const xfs: string[] = [];
  const formatIds = new Map<string, number>();
  const ids = styles.map((style) => {
    fonts.push(
      `<font>${style.bold ? "<b/>" : ""}<sz val="${style.size ?? baseSize}"/>${style.color ? `<color rgb="FF${style.color}"/>` : ""}${fontName}${charset ? `<charset val="${charset}"/>` : ""}</font>`,
    );
    const fontId = fontCount++;
    let fillId = 0;
    if (style.fill) {
      fills.push(`<fill><patternFill patternType="solid"><fgColor rgb="FF${style.fill}"/><bgColor indexed="64"/></patternFill></fill>`);
      fillId = fillCount++;
    }
    let borderId = 0;
    if (style.border) {
      const side = (name: string) => `<${name} style="thin"><color rgb="FFBFBFBF"/></${name}>`;
      borders.push(`<border>${side("left")}${side("right")}${side("top")}${side("bottom")}<diagonal/></border>`);
      borderId = borderCount++;
    }
    let numFmtId = 0;
    if (style.numberFormat) {
      numFmtId = BUILT_IN_IDS[style.numberFormat] ?? formatIds.get(style.numberFormat) ?? nextFormat++;
      if (!(style.numberFormat in BUILT_IN_IDS) && !formatIds.has(style.numberFormat)) {
        formatIds.set(style.numberFormat, numFmtId);
        formats.push(`<numFmt numFmtId="${numFmtId}" formatCode="${xmlText(style.numberFormat)}"/>`);
      }
    }
    const alignment =
      style.wrap || style.vertical || style.horizontal
        ? `<alignment${style.horizontal ? ` horizontal="${style.horizontal}"` : ""}${style.vertical ? ` vertical="${style.vertical}"` : ""}${style.wrap ? ' wrapText="1"' : ""}/>`
        : "";
    xfs.push(
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0" applyFont="1"${fillId ? ' applyFill="1"' : ""}${borderId ? ' applyBorder="1"' : ""}${numFmtId ? ' applyNumberFormat="1"' : ""}${alignment ? ' applyAlignment="1">' + alignment + "</xf>" : "/>"}`,
    );
    return xfCount++;
  });
  const prefixed = (text: string) => (p ? text.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${p}`) : text);
  const append = (list: string, items: string[], total: number) => {
    if (!items.length) return;
    const open = new RegExp(`<${q}${list}\\b[^>]*?(/?)>`);
    const match = open.exec(xml!);
    if (!match) throw new Error(`styles.xml has no <${list}>`);
    if (match[1] === "/") {
      xml = xml!.replace(open, `<${p}${list} count="${total}">${prefixed(items.join(""))}</${p}${list}>`);
      return;
    }
    xml = xml!.replace(`</${p}${list}>`, `${prefixed(items.join(""))}</${p}${list}>`);
    xml = xml!.replace(open, (tag) =>
      /\scount=/.test(tag) ? tag.replace(/(\scount\s*=\s*["'])\d+/, `$1${total}`) : tag.replace(/(\/?)>$/, ` count="${total}"$1>`),
    );
  };
  if (formats.length) {
    if (new RegExp(`<${q}numFmts\\b`).test(xml)) append("numFmts", formats, count("numFmts", "numFmt") + formats.length);
    else
      xml = xml.replace(
        new RegExp(`(<${q}styleSheet\\b[^>]*>)`),
        `$1<${p}numFmts count="${formats.length}">${prefixed(formats.join(""))}</${p}numFmts>`,
      );
  }
  append("fonts", fonts, fontCount);
  append("fills", fills, fillCount);
  append("borders", borders, borderCount);
  append("cellXfs", xfs, xfCount);
  return { xml, ids };
}
