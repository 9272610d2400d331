/**
 * Edits of the four package parts the output may change — workbook.xml, its relationships,
 * [Content_Types].xml and styles.xml — spliced at the offsets the XML parser reports: everything not named
 * here stays byte for byte as it was, whatever the program that wrote it (namespace prefixes included).
 * One module per part; this one gathers them.
 */
export type { NewDefinedName, NewSheet, WorkbookEdit } from "./patch-workbook";
export { parseWorkbook, patchWorkbook } from "./patch-workbook";
export type { NewRelationship } from "./patch-package";
export {
  RELATIONSHIPS_TYPE,
  contentTypeOf,
  listRelationships,
  patchContentTypes,
  patchRelationships,
  relationshipIds,
} from "./patch-package";
export type { StyleDef } from "./patch-styles";
export { MAX_CELL_FORMATS, patchStyles } from "./patch-styles";
