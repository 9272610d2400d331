/**
 * The package's own parts the command line edits: a relationships part (workbook.xml.rels, or a new sheet's)
 * and [Content_Types].xml, spliced at the offsets the XML parser reports, with the producer's prefixes.
 */
import { xmlText } from "./sheet-writer";
import { CONTENT_TYPES, PACKAGE_RELATIONSHIPS } from "./namespaces";
import { Splice, XmlElement, attributeValue, childrenNamed, parseXml } from "./xml-tree";

export interface NewRelationship {
  id: string;
  type: string;
  target: string;
}

export const RELATIONSHIPS_TYPE = "application/vnd.openxmlformats-package.relationships+xml";

const ownPrefix = (element: XmlElement) => (element.name.includes(":") ? `${element.name.split(":")[0]}:` : "");

function parseRoot(xml: string, part: string, local: string, uri: string): XmlElement {
  const root = parseXml(xml, part);
  if (root.local !== local || root.uri !== uri) throw new Error(`${part}: the root is not <${local}> of ${uri}`);
  return root;
}

/** The relationships of a relationships part, as written (targets unresolved). */
export function listRelationships(xml: string): { id: string; type: string; target: string; external: boolean }[] {
  const root = parseRoot(xml, "a relationships part", "Relationships", PACKAGE_RELATIONSHIPS);
  return childrenNamed(root, "Relationship").map((r) => ({
    id: attributeValue(r, "Id") ?? "",
    type: attributeValue(r, "Type") ?? "",
    target: attributeValue(r, "Target") ?? "",
    external: attributeValue(r, "TargetMode") === "External",
  }));
}

/** The relationship ids used in a relationships part. */
export function relationshipIds(xml: string): Set<string> {
  return new Set(listRelationships(xml).map((r) => r.id));
}

/** A relationships part: removes the given ids, appends the new relationships (creates the part when null). */
export function patchRelationships(xml: string | null, remove: readonly string[], add: readonly NewRelationship[]): string {
  const entries = (p: string) =>
    add.map((r) => `<${p}Relationship Id="${xmlText(r.id)}" Type="${xmlText(r.type)}" Target="${xmlText(r.target)}"/>`).join("");
  if (xml === null) {
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">${entries("")}</Relationships>`;
  }
  const root = parseRoot(xml, "a relationships part", "Relationships", PACKAGE_RELATIONSHIPS);
  const splice = new Splice(xml);
  for (const r of childrenNamed(root, "Relationship")) if (remove.includes(attributeValue(r, "Id") ?? "")) splice.remove(r);
  splice.append(root, entries(ownPrefix(root)));
  return splice.toString();
}

const partKey = (part: string) => `/${part.replace(/^\/+/, "")}`.toLowerCase();
const extensionOf = (part: string) => (/\.([^./]*)$/.exec(part)?.[1] ?? "").toLowerCase();

/** The content type [Content_Types].xml gives a part (its Override, or the Default of its extension). */
export function contentTypeOf(xml: string, part: string): string | null {
  const root = parseRoot(xml, "[Content_Types].xml", "Types", CONTENT_TYPES);
  const override = childrenNamed(root, "Override").find((o) => partKey(attributeValue(o, "PartName") ?? "") === partKey(part));
  if (override) return attributeValue(override, "ContentType");
  const byDefault = childrenNamed(root, "Default").find((d) => (attributeValue(d, "Extension") ?? "").toLowerCase() === extensionOf(part));
  return byDefault ? attributeValue(byDefault, "ContentType") : null;
}

/**
 * [Content_Types].xml: removes the Overrides of dropped parts and any earlier Override of a part written now
 * (a leftover for a part that is not in the package, or a duplicate), then gives each written part its type:
 * a relationships part by the `rels` Default (added when the package has none), every other part by one
 * Override. Part names are compared ignoring case, as OPC says.
 */
export function patchContentTypes(xml: string, removeParts: readonly string[], add: readonly { part: string; type: string }[]): string {
  const root = parseRoot(xml, "[Content_Types].xml", "Types", CONTENT_TYPES);
  const p = ownPrefix(root);
  const splice = new Splice(xml);
  const defaults = new Map(
    childrenNamed(root, "Default").map((d) => [(attributeValue(d, "Extension") ?? "").toLowerCase(), attributeValue(d, "ContentType")]),
  );
  const gone = new Set([...removeParts, ...add.map((a) => a.part)].map(partKey));
  for (const o of childrenNamed(root, "Override")) if (gone.has(partKey(attributeValue(o, "PartName") ?? ""))) splice.remove(o);
  let entries = "";
  const written = new Set<string>();
  for (const { part, type } of add) {
    if (written.has(partKey(part))) continue;
    written.add(partKey(part));
    const extension = extensionOf(part);
    if (defaults.get(extension) === type) continue;
    if (extension === "rels" && type === RELATIONSHIPS_TYPE && !defaults.has("rels")) {
      entries = `<${p}Default Extension="rels" ContentType="${RELATIONSHIPS_TYPE}"/>` + entries;
      defaults.set("rels", type);
      continue;
    }
    entries += `<${p}Override PartName="${xmlText(`/${part.replace(/^\/+/, "")}`)}" ContentType="${xmlText(type)}"/>`;
  }
  splice.append(root, entries);
  return splice.toString();
}
