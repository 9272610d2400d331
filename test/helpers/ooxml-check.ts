/**
 * Holds an .xlsx/.xlsm/.xltx package to the package rules Excel enforces (issue 16): what makes Excel refuse a
 * file or "repair" it, and what makes openpyxl or LibreOffice fail to open it. `checkPackage` returns the
 * problems, one line each naming the part (empty = the package is sound); `checkOutput` fails a test with them.
 *
 * Checked: no two zip entries of one name ignoring case; every XML part well-formed with every prefix declared;
 * a content type for every part (Override or Default), no duplicate Override or Default, the main part's type
 * agreeing with the file's extension; every internal relationship target present, relationship Ids unique;
 * sheet names unique ignoring case, 1–31 characters, none of []:*?/\ and no leading or trailing apostrophe;
 * sheetIds unique; defined names unique ignoring case per scope and localSheetId below the number of sheets;
 * calcChain entries on sheets that exist and on formula cells; style `count` attributes equal to their
 * children, at most 65,430 cellXfs, every xf's fontId/fillId/borderId/numFmtId/xfId defined; every cell's `s`
 * below the cellXfs count and every shared-string index below the strings' count; header/footer ≤ 255
 * characters; rows ≤ 1,048,576 and ascending; columns ≤ 16,384; dimension/autoFilter/merges inside the grid.
 */
import { Element, ZipPackage, child, children, openZip, parsePart, parseTree, relAttr, relsSource, resolveTarget } from "./ooxml-parts";
import { SheetFacts, checkSheet } from "./ooxml-sheet-check";

export const MAX_CELL_XFS = 65_430;
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
const MAIN_TYPES: Record<string, string> = {
  xlsx: `${CT}sheet.main+xml`,
  xltx: `${CT}template.main+xml`,
  xlsm: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  xltm: "application/vnd.ms-excel.template.macroEnabled.main+xml",
};

interface Relationship {
  id: string;
  type: string;
  /** Resolved part name (internal targets only). */
  part?: string;
}

interface Context {
  zip: ZipPackage;
  problems: string[];
  trees: Map<string, Element>;
  rels: Map<string, Relationship[]>;
}

/** Every problem Excel would refuse or repair in the package at `path`; empty when it is sound. */
export async function checkPackage(path: string): Promise<string[]> {
  const zip = await openZip(path);
  try {
    const ctx: Context = { zip, problems: [], trees: new Map(), rels: new Map() };
    checkNames(ctx);
    await parseParts(ctx);
    checkContentTypes(ctx, path);
    await checkWorkbook(ctx);
    return ctx.problems;
  } finally {
    zip.close();
  }
}

/** Fails the calling test with every problem of the package at `path`. */
export async function checkOutput(path: string): Promise<void> {
  const problems = await checkPackage(path);
  if (problems.length) throw new Error(`${path} breaks Excel's package rules:\n  ${problems.join("\n  ")}`);
}

function checkNames(ctx: Context) {
  const seen = new Map<string, string>();
  for (const name of ctx.zip.names) {
    const lower = name.toLowerCase();
    if (seen.has(lower)) ctx.problems.push(`zip: entry "${name}" appears twice (with "${seen.get(lower)}"; names ignore case)`);
    else seen.set(lower, name);
  }
  if (!seen.has("[content_types].xml")) ctx.problems.push("zip: no [Content_Types].xml");
  if (!seen.has("_rels/.rels")) ctx.problems.push("zip: no _rels/.rels");
}

const SKIPPED = /\.(vml|bin|png|jpe?g|gif|emf|wmf|tiff?|bmp|svg|wdp|ttf|odttf)$/i;

/**
 * Parses the relationship parts and [Content_Types].xml, then the workbook, its styles and calcChain, into trees;
 * every other XML part but the worksheets (streamed by checkSheet) only for well-formedness.
 */
async function parseParts(ctx: Context) {
  const names = [...new Set(ctx.zip.names)].filter((n) => !SKIPPED.test(n));
  const tree = async (name: string) => {
    const { root, errors } = await parseTree(ctx.zip, name);
    for (const e of errors) ctx.problems.push(`${name}: not well-formed XML: ${e}`);
    if (root) ctx.trees.set(name, root);
  };
  for (const name of names) if (/\.rels$/i.test(name) || /^\[content_types\]\.xml$/i.test(name)) await tree(name);
  checkRelationships(ctx);
  const main = mainPart(ctx);
  const structural = main ? [main, byType(ctx, main, "styles"), byType(ctx, main, "calcChain")] : [];
  for (const name of structural) if (name) await tree(name);
  const streamed = new Set(
    main
      ? relsOf(ctx, main)
          .filter((r) => r.type.endsWith("/worksheet"))
          .map((r) => r.part)
      : [],
  );
  for (const name of names) {
    if (ctx.trees.has(name) || streamed.has(name) || !/\.xml$/i.test(name)) continue;
    const errors = await parsePart(ctx.zip, name, { open: () => undefined });
    for (const e of errors) ctx.problems.push(`${name}: not well-formed XML: ${e}`);
  }
}

function checkContentTypes(ctx: Context, path: string) {
  const types = ctx.trees.get(ctx.zip.byLower.get("[content_types].xml") ?? "");
  if (!types) return;
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const d of children(types, "Default")) {
    const ext = (d.attrs.get("Extension") ?? "").toLowerCase();
    if (defaults.has(ext)) ctx.problems.push(`[Content_Types].xml: two <Default> for extension "${ext}"`);
    defaults.set(ext, d.attrs.get("ContentType") ?? "");
  }
  for (const o of children(types, "Override")) {
    const part = (o.attrs.get("PartName") ?? "").toLowerCase();
    if (overrides.has(part))
      ctx.problems.push(`[Content_Types].xml: two <Override> for part "${o.attrs.get("PartName")}" (names ignore case)`);
    overrides.set(part, o.attrs.get("ContentType") ?? "");
  }
  const typeOf = (name: string) =>
    overrides.get(`/${name.toLowerCase()}`) ?? defaults.get(/\.([^./]*)$/.exec(name)?.[1].toLowerCase() ?? "");
  for (const name of new Set(ctx.zip.names)) {
    if (/^\[content_types\]\.xml$/i.test(name)) continue;
    if (!typeOf(name)) ctx.problems.push(`[Content_Types].xml: no content type for part ${name}`);
  }
  const main = mainPart(ctx);
  const ext = /\.([^./]*)$/.exec(path)?.[1].toLowerCase() ?? "";
  if (main && MAIN_TYPES[ext] && typeOf(main) !== MAIN_TYPES[ext])
    ctx.problems.push(`[Content_Types].xml: ${main} is "${typeOf(main)}", but a .${ext} file needs "${MAIN_TYPES[ext]}"`);
}

function checkRelationships(ctx: Context) {
  for (const [name, root] of ctx.trees) {
    const source = relsSource(name);
    if (source === undefined) continue;
    const list: Relationship[] = [];
    const ids = new Set<string>();
    for (const r of children(root, "Relationship")) {
      const id = r.attrs.get("Id") ?? "";
      if (ids.has(id)) ctx.problems.push(`${name}: relationship Id "${id}" is used twice`);
      ids.add(id);
      const rel: Relationship = { id, type: r.attrs.get("Type") ?? "" };
      if (r.attrs.get("TargetMode") !== "External") {
        const target = r.attrs.get("Target") ?? "";
        const resolved = resolveTarget(source, target);
        const part = resolved === undefined ? undefined : ctx.zip.byLower.get(resolved.toLowerCase());
        if (!part) ctx.problems.push(`${name}: ${id} points at "${target}", which is not in the package`);
        rel.part = part;
      }
      list.push(rel);
    }
    ctx.rels.set(source, list);
  }
}

const relsOf = (ctx: Context, part: string) => ctx.rels.get(part) ?? [];
const byType = (ctx: Context, part: string, type: string) => relsOf(ctx, part).find((r) => r.type.endsWith(`/${type}`))?.part;
const mainPart = (ctx: Context) => byType(ctx, "", "officeDocument");

const BAD_SHEET_CHARS = /[[\]:*?/\\]/;

async function checkWorkbook(ctx: Context) {
  const main = mainPart(ctx);
  if (!main) return void ctx.problems.push("_rels/.rels: no officeDocument relationship to the workbook");
  const workbook = ctx.trees.get(main);
  if (!workbook) return;
  const sheets = children(child(workbook, "sheets"), "sheet");
  if (!sheets.length) ctx.problems.push(`${main}: no <sheet>`);
  const names = new Map<string, string>();
  const sheetIds = new Map<string, string>();
  const sheetParts = new Map<string, string>();
  for (const sheet of sheets) {
    const name = sheet.attrs.get("name") ?? "";
    const key = name.toUpperCase();
    if (names.has(key)) ctx.problems.push(`${main}: sheet name "${name}" repeats "${names.get(key)}" (names ignore case)`);
    names.set(key, name);
    if (!name.length || name.length > 31) ctx.problems.push(`${main}: sheet name "${name}" is ${name.length} characters (1–31 allowed)`);
    if (BAD_SHEET_CHARS.test(name) || /^'|'$/.test(name)) ctx.problems.push(`${main}: sheet name "${name}" has a character Excel forbids`);
    const sheetId = sheet.attrs.get("sheetId") ?? "";
    if (sheetIds.has(sheetId)) ctx.problems.push(`${main}: sheetId ${sheetId} is used by "${sheetIds.get(sheetId)}" and "${name}"`);
    sheetIds.set(sheetId, name);
    const rid = relAttr(sheet, "id");
    const rel = relsOf(ctx, main).find((r) => r.id === rid);
    if (!rel) ctx.problems.push(`${main}: sheet "${name}" has ${rid ? `r:id="${rid}", which its relationships do not define` : "no r:id"}`);
    else if (rel.part && rel.type.endsWith("/worksheet")) sheetParts.set(sheetId, rel.part);
  }
  checkDefinedNames(ctx, main, workbook, sheets.length);
  const view = child(child(workbook, "bookViews"), "workbookView");
  for (const attr of ["activeTab", "firstSheet"]) {
    const at = Number(view?.attrs.get(attr) ?? 0);
    if (sheets.length && at >= sheets.length)
      ctx.problems.push(`${main}: workbookView ${attr}="${at}" but there are ${sheets.length} sheets`);
  }
  // Every worksheet the workbook relates to, listed in <sheets> or not (a sheet whose <sheet> is broken is still checked).
  const facts = new Map<string, SheetFacts>();
  for (const rel of relsOf(ctx, main)) {
    if (!rel.part || !rel.type.endsWith("/worksheet") || facts.has(rel.part)) continue;
    const sheet = await checkSheet(ctx.zip, rel.part);
    ctx.problems.push(...sheet.problems);
    facts.set(rel.part, sheet);
  }
  checkConformance(ctx, main, workbook, facts);
  checkStyles(ctx, main, [...facts.values()], [...facts.keys()]);
  await checkSharedStrings(ctx, main, [...facts.values()], [...facts.keys()]);
  checkCalcChain(ctx, main, new Map([...sheetParts].map(([sheetId, part]) => [sheetId, facts.get(part)!])));
}

const STRICT = { main: "http://purl.oclc.org/ooxml/spreadsheetml/main", rel: "http://purl.oclc.org/ooxml/officeDocument/relationships" };
const TRANSITIONAL = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
};

/**
 * One conformance class per workbook: Excel reads a Strict workbook (purl.oclc.org namespaces) by the Strict
 * names, so a Transitional r:id, relationship type or worksheet inside it is not what it looks for (and the
 * other way round).
 */
function checkConformance(ctx: Context, main: string, workbook: Element, facts: Map<string, SheetFacts>) {
  const [own, other] = workbook.uri === STRICT.main ? [STRICT, TRANSITIONAL] : [TRANSITIONAL, STRICT];
  const kind = own === STRICT ? "Strict" : "Transitional";
  const walk = (el: Element): number =>
    [...el.attrs.keys()].filter((k) => k.startsWith(`{${other.rel}}`)).length + el.children.reduce((n, c) => n + walk(c), 0);
  const foreign = walk(workbook);
  if (foreign) ctx.problems.push(`${main}: ${foreign} r: attributes in the other conformance class's namespace inside a ${kind} workbook`);
  for (const rel of relsOf(ctx, main))
    if (rel.type.startsWith(`${other.rel}/`))
      ctx.problems.push(`${main}: relationship ${rel.id} has type ${rel.type} inside a ${kind} workbook`);
  for (const [part, f] of facts)
    if (f.rootUri !== own.main) ctx.problems.push(`${part}: worksheet in namespace ${f.rootUri} inside a ${kind} workbook`);
  const stylesPart = byType(ctx, main, "styles");
  const styles = stylesPart ? ctx.trees.get(stylesPart) : undefined;
  if (styles && styles.uri !== own.main) ctx.problems.push(`${stylesPart}: styles in namespace ${styles.uri} inside a ${kind} workbook`);
}

function checkDefinedNames(ctx: Context, main: string, workbook: Element, sheetCount: number) {
  const seen = new Set<string>();
  for (const dn of children(child(workbook, "definedNames"), "definedName")) {
    const name = dn.attrs.get("name") ?? "";
    const local = dn.attrs.get("localSheetId");
    if (local !== undefined && !(Number.isInteger(Number(local)) && Number(local) >= 0 && Number(local) < sheetCount))
      ctx.problems.push(`${main}: defined name "${name}" has localSheetId="${local}" but there are ${sheetCount} sheets`);
    const key = `${local ?? "workbook"}\u0000${name.toUpperCase()}`;
    if (seen.has(key)) ctx.problems.push(`${main}: defined name "${name}" is defined twice in one scope (names ignore case)`);
    seen.add(key);
  }
}

const STYLE_LISTS: [list: string, item: string][] = [
  ["numFmts", "numFmt"],
  ["fonts", "font"],
  ["fills", "fill"],
  ["borders", "border"],
  ["cellStyleXfs", "xf"],
  ["cellXfs", "xf"],
  ["cellStyles", "cellStyle"],
  ["dxfs", "dxf"],
  ["tableStyles", "tableStyle"],
];

function checkStyles(ctx: Context, main: string, facts: SheetFacts[], parts: string[]) {
  const stylesPart = byType(ctx, main, "styles");
  const styles = stylesPart ? ctx.trees.get(stylesPart) : undefined;
  const problem = (text: string) => ctx.problems.push(`${stylesPart}: ${text}`);
  const count = (list: string) => children(child(styles, list), STYLE_LISTS.find(([l]) => l === list)![1]).length;
  for (const [list, item] of STYLE_LISTS) {
    const el = child(styles, list);
    const declared = el?.attrs.get("count");
    if (el && declared !== undefined && Number(declared) !== children(el, item).length)
      problem(`<${list} count="${declared}"> holds ${children(el, item).length} <${item}>`);
  }
  const cellXfs = count("cellXfs");
  if (cellXfs > MAX_CELL_XFS) problem(`${cellXfs} cellXfs, past Excel's limit of ${MAX_CELL_XFS}`);
  const numFmts = new Set(children(child(styles, "numFmts"), "numFmt").map((n) => Number(n.attrs.get("numFmtId"))));
  for (const list of ["cellStyleXfs", "cellXfs"]) {
    children(child(styles, list), "xf").forEach((xf, i) => {
      for (const [attr, target] of [
        ["fontId", "fonts"],
        ["fillId", "fills"],
        ["borderId", "borders"],
        ...(list === "cellXfs" ? [["xfId", "cellStyleXfs"]] : []),
      ]) {
        const value = xf.attrs.get(attr);
        if (value !== undefined && !(Number(value) >= 0 && Number(value) < count(target)))
          problem(`${list} xf ${i} has ${attr}="${value}" but there are ${count(target)} ${target}`);
      }
      const fmt = xf.attrs.get("numFmtId");
      if (fmt !== undefined && !(Number(fmt) >= 0 && Number(fmt) < 164) && !numFmts.has(Number(fmt)))
        problem(`${list} xf ${i} has numFmtId="${fmt}", neither built in nor in <numFmts>`);
    });
  }
  facts.forEach((f, i) => {
    if (f.maxStyle >= Math.max(cellXfs, 1) && (styles || f.maxStyle > 0))
      ctx.problems.push(`${parts[i]}: ${f.maxStyleAt} has s="${f.maxStyle}" but there are ${cellXfs} cellXfs`);
  });
}

async function checkSharedStrings(ctx: Context, main: string, facts: SheetFacts[], parts: string[]) {
  const part = byType(ctx, main, "sharedStrings");
  let strings = 0;
  if (part)
    await parsePart(ctx.zip, part, {
      open: (tag, depth) => void (depth === 1 && tag.local === "si" && strings++),
    });
  facts.forEach((f, i) => {
    if (f.maxShared >= strings)
      ctx.problems.push(`${parts[i]}: cell ${f.maxSharedAt} refers to shared string ${f.maxShared}, but there are ${strings}`);
  });
}

function checkCalcChain(ctx: Context, main: string, facts: Map<string, SheetFacts>) {
  const part = byType(ctx, main, "calcChain");
  const chain = part ? ctx.trees.get(part) : undefined;
  if (!chain) return;
  let sheetId = "0";
  let reported = 0;
  for (const c of children(chain, "c")) {
    sheetId = c.attrs.get("i") ?? sheetId;
    const ref = c.attrs.get("r") ?? "";
    const sheet = facts.get(sheetId);
    const why = !sheet
      ? `sheetId ${sheetId}, which no sheet has`
      : !sheet.formulaCells.has(ref)
        ? `${ref} of sheetId ${sheetId}, which holds no formula`
        : "";
    if (why && reported++ < 5) ctx.problems.push(`${part}: an entry points at ${why}`);
  }
}
