/**
 * The two flavours of SpreadsheetML: Transitional (what Excel saves by default) and Strict (ISO/IEC 29500
 * Strict, "Strict Open XML Spreadsheet"), which names the same elements in other namespaces and the same
 * relationships with other types. The parts the command line adds are written in the flavour of the workbook
 * they join, so a Strict workbook stays Strict throughout.
 */
export interface Flavour {
  strict: boolean;
  main: string;
  relationships: string;
  /** The relationship type of a worksheet, a drawing… (`${relationshipTypes}/worksheet`). */
  relationshipTypes: string;
}

export const TRANSITIONAL: Flavour = {
  strict: false,
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  relationships: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  relationshipTypes: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
};

export const STRICT: Flavour = {
  strict: true,
  main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  relationships: "http://purl.oclc.org/ooxml/officeDocument/relationships",
  relationshipTypes: "http://purl.oclc.org/ooxml/officeDocument/relationships",
};

/** Both relationships namespaces, for reading an `r:id` whatever the flavour. */
export const RELATIONSHIPS_NAMESPACES = [TRANSITIONAL.relationships, STRICT.relationships];

export const PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types";

/** The flavour a SpreadsheetML part's root namespace says, or null for a root that is neither. */
export function flavourOf(rootUri: string): Flavour | null {
  if (rootUri === TRANSITIONAL.main) return TRANSITIONAL;
  if (rootUri === STRICT.main) return STRICT;
  return null;
}

/** Transitional namespace URIs (and relationship types) of a part the command line wrote → Strict ones. */
const TO_STRICT: [string, string][] = [
  ["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"],
  ["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"],
  ["http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing", "http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing"],
  ["http://schemas.openxmlformats.org/drawingml/2006/chart", "http://purl.oclc.org/ooxml/drawingml/chart"],
  ["http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main"],
];

/** A part written in Transitional namespaces, in the workbook's flavour. */
export function inFlavour(xml: string, flavour: Flavour): string {
  if (!flavour.strict) return xml;
  return TO_STRICT.reduce((text, [from, to]) => text.split(`"${from}`).join(`"${to}`), xml);
}
