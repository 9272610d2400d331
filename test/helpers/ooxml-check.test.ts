/**
 * The package checker itself: quiet on a sound package, and one precise line for each rule a small bad package
 * breaks. The packages are zipped here by hand (stored entries), so duplicate entry names can be written too.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { crc32 } from "zlib";
import { checkOutput, checkPackage } from "./ooxml-check";

const dir = mkdtempSync(join(tmpdir(), "hlj-ooxml-check-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A zip of stored entries, in order, duplicates allowed. */
function zip(entries: [string, string | Buffer][]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    const file = Buffer.from(name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(file.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt32LE(crc32(data), 16);
    header.writeUInt32LE(data.length, 20);
    header.writeUInt32LE(data.length, 24);
    header.writeUInt16LE(file.length, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, file, data);
    central.push(header, file);
    offset += 30 + file.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

const rels = (list: [string, string, string][]) =>
  `<Relationships xmlns="${PKG}">${list.map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`).join("")}</Relationships>`;

const STYLES = `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.00%"/></numFmts><fonts count="1"><font/></fonts><fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="1" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** A sound two-sheet workbook: shared strings, styles, a formula in calcChain, defined names in two scopes. */
function parts(): Map<string, string> {
  return new Map([
    [
      "[Content_Types].xml",
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="${CT}.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/><Override PartName="/xl/calcChain.xml" ContentType="${CT}.calcChain+xml"/></Types>`,
    ],
    ["_rels/.rels", rels([["rId1", "officeDocument", "xl/workbook.xml"]])],
    [
      "xl/workbook.xml",
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="1"/></bookViews><sheets><sheet name="申报" sheetId="1" r:id="rId1"/><sheet name="结果" sheetId="5" r:id="rId2"/></sheets><definedNames><definedName name="总额">结果!$B$2</definedName><definedName name="总额" localSheetId="1">结果!$B$2</definedName><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">申报!$A$1:$B$2</definedName></definedNames></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      rels([
        ["rId1", "worksheet", "worksheets/sheet1.xml"],
        ["rId2", "worksheet", "/xl/worksheets/sheet2.xml"],
        ["rId3", "styles", "styles.xml"],
        ["rId4", "sharedStrings", "sharedStrings.xml"],
        ["rId5", "calcChain", "calcChain.xml"],
      ]),
    ],
    [
      "xl/worksheets/sheet1.xml",
      `<worksheet xmlns="${MAIN}"><dimension ref="A1:B2"/><cols><col min="1" max="2" width="12"/></cols><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>甲</t></is></c><c r="B2" s="1"><v>0.5</v></c></row></sheetData><autoFilter ref="A1:B2"/><headerFooter><oddHeader>&amp;C申报</oddHeader></headerFooter></worksheet>`,
    ],
    [
      "xl/worksheets/sheet2.xml",
      `<worksheet xmlns="${MAIN}"><sheetData><row r="2"><c r="B2"><f>SUM(申报!B2)</f><v>0.5</v></c></row><row r="7"><c r="XFD7"><v>1</v></c></row></sheetData></worksheet>`,
    ],
    ["xl/styles.xml", STYLES],
    ["xl/sharedStrings.xml", `<sst xmlns="${MAIN}" count="2" uniqueCount="2"><si><t>名称</t></si><si><t>比例</t></si></sst>`],
    ["xl/calcChain.xml", `<calcChain xmlns="${MAIN}"><c r="B2" i="5"/></calcChain>`],
  ]);
}

let serial = 0;
/** The problems of the sound package changed by `edit` (parts replaced, or dropped when null). */
async function problemsOf(edit: (p: Map<string, string>) => void, name = "book.xlsx", extra: [string, string][] = []): Promise<string[]> {
  const p = parts();
  edit(p);
  const file = join(dir, `${serial++}-${name}`);
  writeFileSync(file, zip([...p.entries(), ...extra]));
  return checkPackage(file);
}

const replace = (p: Map<string, string>, part: string, from: string | RegExp, to: string) => {
  const before = p.get(part)!;
  const after = before.replace(from, to);
  if (after === before) throw new Error(`the edit of ${part} changed nothing`);
  p.set(part, after);
};

test("a sound package has no problems", async () => {
  expect(await problemsOf(() => undefined)).toEqual([]);
  const file = join(dir, "sound.xlsx");
  writeFileSync(file, zip([...parts().entries()]));
  await expect(checkOutput(file)).resolves.toBeUndefined();
});

test("the openpyxl shape (xmlns:r on each <sheet>) is sound; a <sheet> using r: undeclared is not", async () => {
  const openpyxl = (p: Map<string, string>) => {
    replace(p, "xl/workbook.xml", ` xmlns:r="${REL}"`, "");
    replace(p, "xl/workbook.xml", /<sheet /g, `<sheet xmlns:r="${REL}" `);
  };
  expect(await problemsOf(openpyxl)).toEqual([]);
  const problems = await problemsOf((p) => {
    openpyxl(p);
    replace(p, "xl/workbook.xml", `<sheet xmlns:r="${REL}" name="结果"`, `<sheet name="结果"`);
  });
  expect(problems).toEqual([
    expect.stringMatching(/^xl\/workbook\.xml: not well-formed XML: .*unbound namespace prefix: "r"/),
    'xl/workbook.xml: sheet "结果" has no r:id',
    "xl/calcChain.xml: an entry points at sheetId 5, which no sheet has",
  ]);
});

test("a prefix declared twice on one element, and a part that is not XML at all", async () => {
  const problems = await problemsOf((p) => {
    replace(p, "xl/workbook.xml", `xmlns:r="${REL}"`, `xmlns:r="${REL}" xmlns:r='${REL}'`);
    p.set("xl/sharedStrings.xml", `<sst xmlns="${MAIN}"><si><t>名称</t></si><si><t>比例</si></sst>`);
  });
  expect(problems).toContainEqual(expect.stringMatching(/^xl\/workbook\.xml: not well-formed XML: .*duplicate attribute: .*r\./));
  expect(problems).toContainEqual(expect.stringMatching(/^xl\/sharedStrings\.xml: not well-formed XML: /));
});

test("a UTF-16 part with its BOM is read; UTF-8 with a BOM too", async () => {
  const problems = await problemsOf((p) => {
    const text = `<?xml version="1.0" encoding="UTF-16"?>${p.get("xl/workbook.xml")}`;
    p.set("xl/workbook.xml", `\ufeff${text}`);
    p.set("xl/sharedStrings.xml", `\ufeff${p.get("xl/sharedStrings.xml")}`);
  });
  expect(problems).toEqual([]);
  // zip() writes strings as UTF-8: write the UTF-16 bytes directly.
  const p = parts();
  const utf16 = Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from(`<?xml version="1.0" encoding="UTF-16"?>${p.get("xl/workbook.xml")}`, "utf16le"),
  ]);
  const file = join(dir, "utf16.xlsx");
  writeFileSync(file, zip([...p.entries()].map(([n, c]) => [n, n === "xl/workbook.xml" ? utf16 : c])));
  expect(await checkPackage(file)).toEqual([]);
});

test("content types: a part without one, an Override twice (ignoring case), a template's type in a .xlsx", async () => {
  expect(await problemsOf(() => undefined, "book.xlsx", [["xl/media/image1.png", "png"]])).toEqual([
    "[Content_Types].xml: no content type for part xl/media/image1.png",
  ]);
  expect(
    await problemsOf((p) =>
      replace(p, "[Content_Types].xml", "</Types>", `<Override PartName="/XL/Styles.xml" ContentType="${CT}.styles+xml"/></Types>`),
    ),
  ).toEqual(['[Content_Types].xml: two <Override> for part "/XL/Styles.xml" (names ignore case)']);
  const template = (p: Map<string, string>) => replace(p, "[Content_Types].xml", `${CT}.sheet.main+xml`, `${CT}.template.main+xml`);
  expect(await problemsOf(template)).toEqual([
    `[Content_Types].xml: xl/workbook.xml is "${CT}.template.main+xml", but a .xlsx file needs "${CT}.sheet.main+xml"`,
  ]);
  expect(await problemsOf(template, "book.xltx")).toEqual([]);
});

test("zip entries of one name ignoring case; a relationship whose target is missing; an Id used twice", async () => {
  expect(await problemsOf(() => undefined, "book.xlsx", [["XL/styles.xml", STYLES]])).toEqual([
    'zip: entry "XL/styles.xml" appears twice (with "xl/styles.xml"; names ignore case)',
  ]);
  expect(
    await problemsOf((p) => {
      p.delete("xl/calcChain.xml");
      replace(p, "xl/_rels/workbook.xml.rels", 'Id="rId4"', 'Id="rId3"');
    }),
  ).toEqual([
    'xl/_rels/workbook.xml.rels: relationship Id "rId3" is used twice',
    'xl/_rels/workbook.xml.rels: rId5 points at "calcChain.xml", which is not in the package',
  ]);
});

test("sheet names: the same ignoring case, longer than 31, a forbidden character; a sheetId twice", async () => {
  const problems = await problemsOf((p) => {
    replace(p, "xl/workbook.xml", 'name="申报"', 'name="Data"');
    replace(p, "xl/workbook.xml", 'name="结果" sheetId="5"', 'name="DATA" sheetId="1"');
  });
  expect(problems).toEqual([
    'xl/workbook.xml: sheet name "DATA" repeats "Data" (names ignore case)',
    'xl/workbook.xml: sheetId 1 is used by "Data" and "DATA"',
    "xl/calcChain.xml: an entry points at sheetId 5, which no sheet has",
  ]);
  const long = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二";
  expect(await problemsOf((p) => replace(p, "xl/workbook.xml", 'name="申报"', `name="${long}"`))).toEqual([
    `xl/workbook.xml: sheet name "${long}" is 32 characters (1–31 allowed)`,
  ]);
  expect(await problemsOf((p) => replace(p, "xl/workbook.xml", 'name="申报"', 'name="申报/2025"'))).toEqual([
    'xl/workbook.xml: sheet name "申报/2025" has a character Excel forbids',
  ]);
});

test("defined names: the same ignoring case in one scope; a localSheetId past the sheets", async () => {
  const problems = await problemsOf((p) => {
    replace(
      p,
      "xl/workbook.xml",
      "</definedNames>",
      '<definedName name="hlj_results">申报!$A$1</definedName><definedName name="HLJ_RESULTS">申报!$A$1</definedName><definedName name="x" localSheetId="2">申报!$A$1</definedName></definedNames>',
    );
  });
  expect(problems).toEqual([
    'xl/workbook.xml: defined name "HLJ_RESULTS" is defined twice in one scope (names ignore case)',
    'xl/workbook.xml: defined name "x" has localSheetId="2" but there are 2 sheets',
  ]);
  expect(await problemsOf((p) => replace(p, "xl/workbook.xml", 'activeTab="1"', 'activeTab="2"'))).toEqual([
    'xl/workbook.xml: workbookView activeTab="2" but there are 2 sheets',
  ]);
});

test("calcChain: an entry on a cell that holds no formula", async () => {
  expect(await problemsOf((p) => replace(p, "xl/calcChain.xml", 'r="B2"', 'r="C2"'))).toEqual([
    "xl/calcChain.xml: an entry points at C2 of sheetId 5, which holds no formula",
  ]);
});

test("styles: a count that lies, a font that does not exist, an undefined number format, a cell past the cellXfs", async () => {
  const problems = await problemsOf((p) => {
    replace(p, "xl/styles.xml", '<fills count="2">', '<fills count="3">');
    replace(p, "xl/styles.xml", 'numFmtId="164" fontId="0"', 'numFmtId="165" fontId="1"');
    replace(p, "xl/worksheets/sheet1.xml", '<c r="B2" s="1">', '<c r="B2" s="2">');
  });
  expect(problems).toEqual([
    'xl/styles.xml: <fills count="3"> holds 2 <fill>',
    'xl/styles.xml: cellXfs xf 1 has fontId="1" but there are 1 fonts',
    'xl/styles.xml: cellXfs xf 1 has numFmtId="165", neither built in nor in <numFmts>',
    'xl/worksheets/sheet1.xml: cell B2 has s="2" but there are 2 cellXfs',
  ]);
});

test("styles: more cellXfs than Excel's 65,430", async () => {
  const xfs = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'.repeat(65_431);
  const problems = await problemsOf((p) =>
    replace(p, "xl/styles.xml", /<cellXfs count="2">.*<\/cellXfs>/, `<cellXfs count="65431">${xfs}</cellXfs>`),
  );
  expect(problems).toEqual(["xl/styles.xml: 65431 cellXfs, past Excel's limit of 65430"]);
});

test("a styles.xml with only cellXfs (no fonts, fills or borders) is sound when its xfs name none", async () => {
  const only = `<styleSheet xmlns="${MAIN}"><cellXfs count="2"><xf/><xf numFmtId="4" applyNumberFormat="1"/></cellXfs></styleSheet>`;
  expect(await problemsOf((p) => p.set("xl/styles.xml", only))).toEqual([]);
});

test("shared strings: an index past the strings", async () => {
  expect(await problemsOf((p) => replace(p, "xl/worksheets/sheet1.xml", "<v>1</v>", "<v>2</v>"))).toEqual([
    "xl/worksheets/sheet1.xml: cell B1 refers to shared string 2, but there are 2",
  ]);
});

test("sheets: a header over 255 characters, rows and cells out of order or past the grid, ranges past the grid", async () => {
  const problems = await problemsOf((p) => {
    replace(p, "xl/worksheets/sheet1.xml", "&amp;C申报", "&amp;C" + "申".repeat(254));
    replace(p, "xl/worksheets/sheet1.xml", '<autoFilter ref="A1:B2"/>', '<autoFilter ref="A1:B1048577"/>');
    replace(p, "xl/worksheets/sheet1.xml", '<dimension ref="A1:B2"/>', '<dimension ref="A1:XFE2"/>');
    p.set(
      "xl/worksheets/sheet2.xml",
      `<worksheet xmlns="${MAIN}"><sheetData><row r="2"><c r="B2"><f>1</f><v>1</v></c><c r="A2"><v>1</v></c></row><row r="1"><c r="A1"><v>1</v></c></row><row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData></worksheet>`,
    );
  });
  expect(problems).toEqual([
    'xl/worksheets/sheet1.xml: dimension "A1:XFE2" is past column XFD (16,384)',
    'xl/worksheets/sheet1.xml: autoFilter "A1:B1048577" is past row 1,048,576',
    "xl/worksheets/sheet1.xml: <oddHeader> is 256 characters (Excel's limit is 255)",
    "xl/worksheets/sheet2.xml: cell A2 comes after column 2 of its row (cells must ascend)",
    "xl/worksheets/sheet2.xml: row 1 comes after row 2 (rows must ascend)",
    "xl/worksheets/sheet2.xml: row 1048577 is past Excel's last row 1,048,576",
  ]);
});

test("Strict OOXML: sound on its own; a Transitional sheet and r:id patched into it are not", async () => {
  const STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";
  const STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships";
  const strict = (p: Map<string, string>) => {
    for (const [name, text] of p) p.set(name, text.split(MAIN).join(STRICT_MAIN).split(REL).join(STRICT_REL));
  };
  expect(await problemsOf(strict)).toEqual([]);
  const problems = await problemsOf((p) => {
    strict(p);
    replace(
      p,
      "xl/workbook.xml",
      `<sheet name="结果" sheetId="5" r:id="rId2"/>`,
      `<sheet xmlns:t="${REL}" name="结果" sheetId="5" t:id="rId2"/>`,
    );
    replace(p, "xl/_rels/workbook.xml.rels", `${STRICT_REL}/worksheet" Target="/xl`, `${REL}/worksheet" Target="/xl`);
    p.set("xl/worksheets/sheet2.xml", p.get("xl/worksheets/sheet2.xml")!.replace(STRICT_MAIN, MAIN));
  });
  expect(problems).toEqual([
    "xl/workbook.xml: 1 r: attributes in the other conformance class's namespace inside a Strict workbook",
    `xl/workbook.xml: relationship rId2 has type ${REL}/worksheet inside a Strict workbook`,
    `xl/worksheets/sheet2.xml: worksheet in namespace ${MAIN} inside a Strict workbook`,
  ]);
});
