/**
 * workbook.xml: the sheets and defined names the command line adds and replaces, spliced at the offsets the
 * XML parser reports. Namespaces are matched by URI (Transitional or Strict), prefixes are the producer's own
 * (a prefix declared on one `<sheet>` only, as openpyxl writes it, is declared again where it is needed), and
 * everything else stays byte for byte as it was.
 */
import { xmlText } from "./sheet-writer";
import { Flavour, RELATIONSHIPS_NAMESPACES, flavourOf } from "./namespaces";
import { Splice, XmlElement, attributeValue, childNamed, childrenNamed, parseXml, prefixOf, unusedPrefix } from "./xml-tree";

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

export interface WorkbookEdit {
  removeRelationshipIds: readonly string[];
  /** Workbook-level names replaced by the new ones (compared ignoring case, as Excel does). */
  replaceNames: readonly string[];
  addSheets: readonly NewSheet[];
  addNames: (positionOf: (name: string) => number) => NewDefinedName[];
}

/** The element's own prefix as written (`x:` or ""). */
const ownPrefix = (element: XmlElement) => (element.name.includes(":") ? `${element.name.split(":")[0]}:` : "");

/** The workbook's root element and its flavour (Transitional or Strict). */
export function parseWorkbook(xml: string): { root: XmlElement; flavour: Flavour } {
  const root = parseXml(xml, "workbook.xml");
  const flavour = flavourOf(root.uri);
  if (root.local !== "workbook" || !flavour) throw new Error(`workbook.xml: the root is not a SpreadsheetML workbook (${root.uri})`);
  return { root, flavour };
}

/**
 * Removes the sheets named in `removeRelationshipIds` and the defined names that belong to them (or to no sheet,
 * or are replaced), re-numbers localSheetId, activeTab and firstSheet after a removed sheet, and appends the new
 * sheets and names.
 */
export function patchWorkbook(xml: string, edit: WorkbookEdit): string {
  const { root, flavour } = parseWorkbook(xml);
  const splice = new Splice(xml);
  const sheetsElement = childNamed(root, "sheets");
  if (!sheetsElement) throw new Error("workbook.xml has no <sheets>");
  const sheets = childrenNamed(sheetsElement, "sheet");
  const removed: number[] = [];
  const kept: string[] = [];
  sheets.forEach((sheet, i) => {
    const id = attributeValue(sheet, "id", RELATIONSHIPS_NAMESPACES);
    if (id !== null && edit.removeRelationshipIds.includes(id)) {
      removed.push(i);
      splice.remove(sheet);
    } else kept.push(attributeValue(sheet, "name") ?? "");
  });
  const newIndex = (old: number) => old - removed.filter((r) => r < old).length;
  const names = [...kept, ...edit.addSheets.map((s) => s.name)];
  splice.append(sheetsElement, newSheets(sheetsElement, flavour, edit.addSheets));
  patchDefinedNames(splice, root, {
    sheetCount: sheets.length,
    removed,
    newIndex,
    replace: new Set(edit.replaceNames.map((n) => n.toLowerCase())),
    add: edit.addNames((sheet) => names.indexOf(sheet)),
  });
  for (const view of root.children.filter((c) => c.local === "bookViews").flatMap((v) => childrenNamed(v, "workbookView"))) {
    const active = attributeValue(view, "activeTab");
    if (active !== null) {
      const index = Number(active);
      const moved = removed.includes(index) || newIndex(index) >= names.length ? 0 : newIndex(index);
      if (String(moved) !== active) splice.setAttribute(view, "activeTab", String(moved));
    }
    const first = attributeValue(view, "firstSheet");
    if (first !== null) {
      const moved = Math.max(0, Math.min(newIndex(Number(first)), names.length - 1));
      if (String(moved) !== first) splice.setAttribute(view, "firstSheet", String(moved));
    }
  }
  return splice.toString();
}

/** `<sheet>` elements for the new sheets, with the relationships prefix declared on them when none is in scope. */
function newSheets(sheetsElement: XmlElement, flavour: Flavour, add: readonly NewSheet[]): string {
  const p = ownPrefix(sheetsElement);
  const inScope = prefixOf(sheetsElement, flavour.relationships);
  const r = inScope ?? `${unusedPrefix(sheetsElement, "r")}:`;
  const declaration = inScope === null ? ` xmlns:${r.slice(0, -1)}="${flavour.relationships}"` : "";
  return add
    .map((s) => `<${p}sheet name="${xmlText(s.name)}" sheetId="${s.sheetId}"${declaration} ${r}id="${xmlText(s.relationshipId)}"/>`)
    .join("");
}

function patchDefinedNames(
  splice: Splice,
  root: XmlElement,
  edit: { sheetCount: number; removed: number[]; newIndex: (old: number) => number; replace: Set<string>; add: NewDefinedName[] },
): void {
  const namesElement = childNamed(root, "definedNames");
  for (const element of namesElement ? childrenNamed(namesElement, "definedName") : []) {
    const name = attributeValue(element, "name") ?? "";
    const local = attributeValue(element, "localSheetId");
    if (local === null) {
      if (edit.replace.has(name.toLowerCase())) splice.remove(element);
      continue;
    }
    const index = Number(local);
    // A name of a removed sheet, or of no sheet at all (it would belong to a new one), goes.
    if (!Number.isInteger(index) || index < 0 || index >= edit.sheetCount || edit.removed.includes(index)) {
      splice.remove(element);
      continue;
    }
    const moved = edit.newIndex(index);
    if (moved !== index) splice.setAttribute(element, "localSheetId", String(moved));
  }
  const p = ownPrefix(root);
  const defined = edit.add
    .map(
      (n) =>
        `<${p}definedName name="${xmlText(n.name)}"${n.localSheetId !== undefined ? ` localSheetId="${n.localSheetId}"` : ""}${n.hidden ? ' hidden="1"' : ""}>${xmlText(n.formula)}</${p}definedName>`,
    )
    .join("");
  if (namesElement) splice.append(namesElement, defined);
  else if (defined) {
    // definedNames follow sheets, functionGroups and externalReferences (CT_Workbook's order).
    const after = root.children.filter((c) => ["sheets", "functionGroups", "externalReferences"].includes(c.local) && c.uri === root.uri);
    splice.insert(after[after.length - 1].end, `<${p}definedNames>${defined}</${p}definedNames>`);
  }
}
