/**
 * A package part as a tree of elements that know where they are in the text: the offsets saxes reports, with
 * namespaces resolved by URI. The part editors splice at these offsets, so comments, CDATA and processing
 * instructions that look like tags are never mistaken for elements, a prefix is whatever the producer chose
 * (declared on the root or on the element itself), and every byte outside an edit stays as it was.
 */
import { SaxesParser, SaxesTagNS } from "saxes";

export interface XmlAttribute {
  /** As written, e.g. `r:id`. */
  name: string;
  uri: string;
  local: string;
  value: string;
}

export interface XmlElement {
  uri: string;
  local: string;
  /** The qualified name as written, e.g. `x:sheet`. */
  name: string;
  attributes: XmlAttribute[];
  /** Namespaces in scope on this element: prefix ("" for the default namespace) → URI. */
  ns: Readonly<Record<string, string>>;
  /** Offset of the `<` of the start tag. */
  start: number;
  /** Offset just after the start tag's `>`. */
  openEnd: number;
  /** Offset of the end tag's `<` (openEnd for an empty-element tag). */
  closeStart: number;
  /** Offset just after the element. */
  end: number;
  selfClosing: boolean;
  children: XmlElement[];
}

/** The root element of an XML text (one JavaScript string, so offsets are string indices). */
export function parseXml(text: string, part: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let tagStart = 0;
  let failure: Error | null = null;
  parser.on("error", (error) => {
    failure ??= error;
  });
  parser.on("opentagstart", () => {
    tagStart = text.lastIndexOf("<", parser.position - 1);
  });
  parser.on("opentag", (tag: SaxesTagNS) => {
    const parent = stack[stack.length - 1];
    const ns: Record<string, string> = { ...(parent?.ns ?? {}) };
    const attributes: XmlAttribute[] = [];
    for (const a of Object.values(tag.attributes)) {
      if (a.name === "xmlns") ns[""] = a.value;
      else if (a.prefix === "xmlns") ns[a.local] = a.value;
      else attributes.push({ name: a.name, uri: a.uri, local: a.local, value: a.value });
    }
    const element: XmlElement = {
      uri: tag.uri,
      local: tag.local,
      name: tag.name,
      attributes,
      ns,
      start: tagStart,
      openEnd: parser.position,
      closeStart: parser.position,
      end: parser.position,
      selfClosing: tag.isSelfClosing,
      children: [],
    };
    if (parent) parent.children.push(element);
    else root ??= element;
    stack.push(element);
  });
  parser.on("closetag", () => {
    const element = stack.pop()!;
    element.end = parser.position;
    if (!element.selfClosing) element.closeStart = text.lastIndexOf("<", parser.position - 1);
  });
  parser.write(text);
  if (!failure) parser.close();
  if (failure || !root)
    throw new Error(`${part} is not well-formed XML (${failure ? (failure as Error).message.split("\n")[0] : "no root element"})`);
  return root;
}

/** The children of an element with a local name, in the element's own namespace. */
export function childrenNamed(parent: XmlElement, local: string): XmlElement[] {
  return parent.children.filter((c) => c.local === local && c.uri === parent.uri);
}

export function childNamed(parent: XmlElement, local: string): XmlElement | undefined {
  return parent.children.find((c) => c.local === local && c.uri === parent.uri);
}

/** An unqualified attribute's value (`name`, `sheetId`), or one in a namespace (`r:id` by the relationships URI). */
export function attributeValue(element: XmlElement, local: string, uri: string | readonly string[] = ""): string | null {
  const uris = typeof uri === "string" ? [uri] : uri;
  return element.attributes.find((a) => a.local === local && uris.includes(a.uri))?.value ?? null;
}

/** The prefix (`x:` or "") that names `uri` where `element`'s content is, or null when none does. */
export function prefixOf(element: XmlElement, uri: string): string | null {
  if (element.ns[""] === uri) return "";
  const prefix = Object.keys(element.ns).find((p) => p !== "" && element.ns[p] === uri);
  return prefix === undefined ? null : `${prefix}:`;
}

/** A prefix not bound on the element (for a declaration on a new element), starting with `preferred`. */
export function unusedPrefix(element: XmlElement, preferred: string): string {
  let candidate = preferred;
  for (let n = 1; candidate in element.ns; n++) candidate = `${preferred}${n}`;
  return candidate;
}

/**
 * Where an attribute is written in the element's start tag: [start of its name, end of its closing quote), and
 * where its value is. The start tag is tokenised from the element name on (name = quoted value, in order), so
 * a `>` or a look-alike inside another attribute's value cannot fool it.
 */
export function attributeSpan(
  text: string,
  element: XmlElement,
  name: string,
): { start: number; end: number; valueStart: number; valueEnd: number } | null {
  const pattern = /\s+([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')/y;
  pattern.lastIndex = element.start + 1 + element.name.length;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[1] === name) {
      const end = pattern.lastIndex;
      const start = end - match[0].length + match[0].search(/\S/);
      return { start, end, valueStart: end - match[2].length + 1, valueEnd: end - 1 };
    }
  }
  return null;
}

/** Edits of one text at offsets of the original; applied together, from the last, so offsets hold. */
export class Splice {
  private readonly edits: { start: number; end: number; text: string; order: number }[] = [];

  constructor(readonly text: string) {}

  replace(start: number, end: number, text: string): void {
    this.edits.push({ start, end, text, order: this.edits.length });
  }

  insert(at: number, text: string): void {
    this.replace(at, at, text);
  }

  remove(element: XmlElement): void {
    this.replace(element.start, element.end, "");
  }

  /** Sets an attribute of a start tag to a new value: in place if it is written there, added if not. */
  setAttribute(element: XmlElement, name: string, value: string): void {
    const span = attributeSpan(this.text, element, name);
    if (span) this.replace(span.valueStart, span.valueEnd, value);
    else this.insert(element.start + 1 + element.name.length, ` ${name}="${value}"`);
  }

  /**
   * Puts `content` at the end of an element's content: before its end tag, or, for an empty-element tag
   * (`<sheets/>`), by rewriting it as a start and an end tag.
   */
  append(element: XmlElement, content: string): void {
    if (!content) return;
    if (!element.selfClosing) {
      this.insert(element.closeStart, content);
      return;
    }
    let at = this.text.lastIndexOf("/", element.openEnd - 1);
    while (/\s/.test(this.text[at - 1])) at--;
    this.replace(at, element.openEnd, `>${content}</${element.name}>`);
  }

  toString(): string {
    // From the last offset; at one offset a replaced range first, then the insertions (the first given ends first).
    const inserted = (e: { start: number; end: number }) => (e.end === e.start ? 1 : 0);
    const edits = [...this.edits].sort((a, b) => b.start - a.start || inserted(a) - inserted(b) || b.order - a.order);
    let out = this.text;
    let limit = Infinity;
    for (const edit of edits) {
      if (edit.end > limit) throw new Error("overlapping edits");
      out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
      limit = edit.start;
    }
    return out;
  }
}
