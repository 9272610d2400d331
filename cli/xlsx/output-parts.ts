/**
 * The package-level choices of the output: which of the input's parts go (a replaced sheet's, and what only it
 * uses), the content types of the parts written (the workbook or template type the output's name asks for),
 * and the footer within Excel's limit.
 */
import { InputWorkbook } from "../read-input";
import { OpenPackage, normalisePartName } from "./package-reader";
import { RELATIONSHIPS_TYPE, contentTypeOf, patchContentTypes } from "./patch-parts";
import { readRelationships, relsPartOf } from "./read-workbook";
import { decodePart } from "./xml-text";

export type OurSheet = NonNullable<InputWorkbook["ours"]["results"]>;

/** The new parts' names: free in the package (a replaced sheet's name may be used again). */
export interface NewParts {
  results: string;
  summary: string;
  appendix: string;
  drawing: string;
  chart: string;
  styles: string;
}

const TYPES = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
};

/** The workbook part's content type: a workbook or a template, with macros or without. */
const WORKBOOK_TYPES = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  xltx: "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
  xlsm: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  xltm: "application/vnd.ms-excel.template.macroEnabled.main+xml",
};

/**
 * The content type the workbook part must have in a file named `output`: Excel opens a .xlsx only with the
 * workbook type and a .xltx only with the template type. Macros stay as the input has them (an .xlsm input is
 * written as .xlsm, hlj-screen.ts); an unknown extension keeps the input's type.
 */
export function workbookContentType(inputType: string | null, output: string | undefined): string | null {
  const extension = /\.(xl[st][xm])$/i.exec(output ?? "")?.[1].toLowerCase();
  if (!extension || inputType === null) return inputType;
  const macros = inputType === WORKBOOK_TYPES.xlsm || inputType === WORKBOOK_TYPES.xltm;
  const template = extension.startsWith("xlt");
  return WORKBOOK_TYPES[`${template ? "xlt" : "xls"}${macros ? "m" : "x"}` as keyof typeof WORKBOOK_TYPES];
}

/**
 * Names for the new parts, free in the package once the replaced sheets' parts are gone: neither the part nor
 * a relationships part of its name is there (an orphan .rels would otherwise be written twice).
 */
export function newPartNames(pkg: OpenPackage, dropped: ReadonlySet<string>, stylesPart: string | null): NewParts {
  const droppedKeys = new Set([...dropped].map(normalisePartName));
  const taken = (part: string) => pkg.parts.has(normalisePartName(part)) && !droppedKeys.has(normalisePartName(part));
  const free = (prefix: string, also: string[] = []) => {
    let n = 1;
    while (taken(`${prefix}${n}.xml`) || taken(relsPartOf(`${prefix}${n}.xml`)) || also.includes(`${prefix}${n}.xml`)) n++;
    return `${prefix}${n}.xml`;
  };
  const results = free("xl/worksheets/sheet");
  const summary = free("xl/worksheets/sheet", [results]);
  return {
    results,
    summary,
    appendix: free("xl/worksheets/sheet", [results, summary]),
    drawing: free("xl/drawings/drawing"),
    chart: free("xl/charts/chart"),
    styles: stylesPart ?? "xl/styles.xml",
  };
}

/** Parts of the replaced sheets, and the drawings and charts only they use. */
export async function droppedParts(pkg: OpenPackage, ourSheets: readonly OurSheet[]): Promise<Set<string>> {
  const dropped = new Set<string>();
  for (const sheet of ourSheets) {
    dropped.add(sheet.part);
    const rels = relsPartOf(sheet.part);
    if (!pkg.parts.has(normalisePartName(rels))) continue;
    dropped.add(rels);
    for (const rel of (await readRelationships(pkg, rels, sheet.part)).values()) {
      if (rel.external || !rel.type.endsWith("/drawing")) continue;
      dropped.add(rel.target);
      const drawingRels = relsPartOf(rel.target);
      if (!pkg.parts.has(normalisePartName(drawingRels))) continue;
      dropped.add(drawingRels);
      for (const chart of (await readRelationships(pkg, drawingRels, rel.target)).values()) if (!chart.external) dropped.add(chart.target);
    }
  }
  return dropped;
}

export async function editContentTypes(
  pkg: OpenPackage,
  structure: InputWorkbook["structure"],
  dropped: Set<string>,
  parts: NewParts,
  outputName: string | undefined,
): Promise<Buffer> {
  const decoded = decodePart(await pkg.read("[Content_Types].xml"), "[Content_Types].xml");
  const add = [
    { part: parts.results, type: TYPES.worksheet },
    { part: parts.summary, type: TYPES.worksheet },
    { part: parts.appendix, type: TYPES.worksheet },
    { part: relsPartOf(parts.summary), type: RELATIONSHIPS_TYPE },
    { part: parts.drawing, type: TYPES.drawing },
    { part: relsPartOf(parts.drawing), type: RELATIONSHIPS_TYPE },
    { part: parts.chart, type: TYPES.chart },
    ...(structure.stylesPart ? [] : [{ part: parts.styles, type: TYPES.styles }]),
  ];
  const inputType = contentTypeOf(decoded.text, structure.workbookPart);
  const wanted = workbookContentType(inputType, outputName);
  if (wanted !== null && wanted !== inputType) add.push({ part: structure.workbookPart, type: wanted });
  // The workbook's relationships part is rewritten: it needs a type too when the package gives one by Override only.
  if (contentTypeOf(decoded.text, structure.workbookRelsPart) === null)
    add.push({ part: structure.workbookRelsPart, type: RELATIONSHIPS_TYPE });
  return decoded.encode(patchContentTypes(decoded.text, [...dropped], add));
}
