/**
 * The part editors splice at the offsets the XML parser reports (issue 16): comments, CDATA and processing
 * instructions that look like tags do not fool them, a prefix is the producer's, a single-quoted declaration is
 * not declared twice, and styles.xml never passes Excel's limit of cell formats.
 */
import { closeSync, mkdtempSync, openSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import fc from "fast-check";
import { SaxesParser, SaxesTagNS } from "saxes";
import { PackageWriter } from "../../cli/xlsx/package-writer";
import { patchContentTypes, patchRelationships, patchStyles, patchWorkbook } from "../../cli/xlsx/patch-parts";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "http://schemas.openxmlformats.org/package/2006/content-types";

/** The elements of a text, parsed with namespaces (an undeclared prefix or a redefined attribute throws). */
function elements(xml: string): SaxesTagNS[] {
  const parser = new SaxesParser({ xmlns: true });
  const found: SaxesTagNS[] = [];
  parser.on("error", (error) => {
    throw error;
  });
  parser.on("opentag", (tag) => found.push(tag));
  parser.write(xml).close();
  return found;
}

const edit = {
  removeRelationshipIds: [],
  replaceNames: ["HLJ_SCREEN_RESULTS"],
  addSheets: [{ name: "HLJ筛查结果", sheetId: 9, relationshipId: "rIdHlj1" }],
  addNames: (positionOf: (name: string) => number) => [
    { name: "HLJ_SCREEN_RESULTS", formula: "HLJ筛查结果!$A$1" },
    { name: "_xlnm._FilterDatabase", localSheetId: positionOf("HLJ筛查结果"), hidden: true, formula: "HLJ筛查结果!$A$1:$B$2" },
  ],
};

/** The sheets of a patched workbook: name and the relationship id by the relationships namespace. */
const sheets = (xml: string) =>
  elements(xml)
    .filter((e) => e.local === "sheet" && e.uri === MAIN)
    .map((e) => [e.attributes.name?.value, Object.values(e.attributes).find((a) => a.uri === REL && a.local === "id")?.value]);

describe("workbook.xml", () => {
  test("a comment, a CDATA section and a processing instruction holding look-alike tags are left alone", () => {
    const xml =
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><!-- <sheets></sheets> <definedNames/> -->` +
      `<?editor </sheets>?><sheets><sheet name="申报" sheetId="1" r:id="rId1"/></sheets>` +
      `<definedNames><definedName name="note"><![CDATA[</definedNames>]]></definedName></definedNames></workbook>`;
    const out = patchWorkbook(xml, edit);
    expect(sheets(out)).toEqual([
      ["申报", "rId1"],
      ["HLJ筛查结果", "rIdHlj1"],
    ]);
    expect(out).toContain("<!-- <sheets></sheets> <definedNames/> -->");
    expect(out).toContain("<?editor </sheets>?>");
    expect(out).toContain('<definedName name="note"><![CDATA[</definedNames>]]></definedName><definedName name="HLJ_SCREEN_RESULTS">');
  });

  test("a single-quoted relationships declaration is used, not declared a second time", () => {
    const xml = `<workbook xmlns='${MAIN}' xmlns:r='${REL}'><sheets><sheet name='申报' sheetId='1' r:id='rId1'/></sheets></workbook>`;
    const out = patchWorkbook(xml, edit);
    expect(sheets(out)).toEqual([
      ["申报", "rId1"],
      ["HLJ筛查结果", "rIdHlj1"],
    ]);
    expect(out.match(/xmlns:r=/g)).toHaveLength(1);
  });

  test("prefixed elements (x:workbook) and a relationships prefix other than r, declared on the sheets only", () => {
    const xml =
      `<x:workbook xmlns:x="${MAIN}"><x:sheets><x:sheet xmlns:rel="${REL}" name="申报" sheetId="1" rel:id="rId1"/></x:sheets>` +
      `<x:calcPr calcId="1"/></x:workbook>`;
    const out = patchWorkbook(xml, edit);
    expect(sheets(out)).toEqual([
      ["申报", "rId1"],
      ["HLJ筛查结果", "rIdHlj1"],
    ]);
    // definedNames go after sheets, before calcPr (CT_Workbook's order), with the workbook's prefix.
    expect(out).toMatch(/<\/x:sheets><x:definedNames><x:definedName name="HLJ_SCREEN_RESULTS">.*<\/x:definedNames><x:calcPr/);
  });

  test("CRLF line ends, tabs, '>' and '/' in attribute values, an astral character: offsets still fall on the tags", () => {
    const xml =
      `<?xml version="1.0"?>\r\n<workbook xmlns="${MAIN}"\r\n\txmlns:r="${REL}">\r\n<bookViews><workbookView\tactiveTab = '1'/></bookViews>` +
      `<sheets>\r\n\t<sheet name="a>b/c 𠀀" sheetId="1" r:id="rId1" />\r\n\t<sheet name="x" sheetId="2" r:id="rId2"></sheet>\r\n</sheets>\r\n<definedNames />\r\n</workbook>\r\n`;
    const out = patchWorkbook(xml, { ...edit, removeRelationshipIds: ["rId2"] });
    expect(sheets(out)).toEqual([
      ["a>b/c 𠀀", "rId1"],
      ["HLJ筛查结果", "rIdHlj1"],
    ]);
    expect(out).toContain("<workbookView\tactiveTab = '0'/>");
    expect(out).toContain('<definedNames><definedName name="HLJ_SCREEN_RESULTS">');
    expect(out.startsWith(`<?xml version="1.0"?>\r\n<workbook xmlns="${MAIN}"\r\n\txmlns:r="${REL}">\r\n`)).toBe(true);
  });

  test("removing a sheet moves localSheetId and activeTab; names of removed sheets, or of no sheet, go", () => {
    const xml =
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="2" firstSheet="2"/></bookViews><sheets>` +
      `<sheet name="A" sheetId="1" r:id="rId1"/><sheet name="旧结果" sheetId="2" r:id="rId2"/><sheet name="C" sheetId="3" r:id="rId3"/></sheets>` +
      `<definedNames><definedName name="a" localSheetId="0">A!$A$1</definedName><definedName name="old" localSheetId="1">x</definedName>` +
      `<definedName name="c" localSheetId="2">C!$A$1</definedName><definedName name="ghost" localSheetId="7">x</definedName>` +
      `<definedName name="hlj_screen_results">x</definedName><definedName name="HLJ_SCREEN_RESULTS" localSheetId="0">A!$B$1</definedName></definedNames></workbook>`;
    const out = patchWorkbook(xml, { ...edit, removeRelationshipIds: ["rId2"] });
    expect(sheets(out).map((s) => s[0])).toEqual(["A", "C", "HLJ筛查结果"]);
    const names = elements(out)
      .filter((e) => e.local === "definedName")
      .map((e) => `${e.attributes.name.value}@${e.attributes.localSheetId?.value ?? "*"}`);
    expect(names).toEqual(["a@0", "c@1", "HLJ_SCREEN_RESULTS@0", "HLJ_SCREEN_RESULTS@*", "_xlnm._FilterDatabase@2"]);
    expect(out).toContain('<workbookView activeTab="1" firstSheet="1"/>');
  });
});

describe("relationships and content types", () => {
  test("a prefixed Relationships root and a look-alike in a comment", () => {
    const xml = `<p:Relationships xmlns:p="${PKG}"><!-- </p:Relationships> --><p:Relationship Id="rId1" Type="${REL}/worksheet" Target="a.xml"/></p:Relationships>`;
    const out = patchRelationships(xml, [], [{ id: "rIdHlj1", type: `${REL}/worksheet`, target: "b.xml" }]);
    const rels = elements(out).filter((e) => e.local === "Relationship" && e.uri === PKG);
    expect(rels.map((r) => r.attributes.Id.value)).toEqual(["rId1", "rIdHlj1"]);
    expect(out).toContain("<!-- </p:Relationships> -->");
  });

  test("[Content_Types].xml: one Override per part name ignoring case, and the rels Default where only Overrides were", () => {
    const xml =
      `<Types xmlns="${CT}"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/_rels/.rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Override PartName="/XL/Worksheets/Sheet2.xml" ContentType="x"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="x"/></Types>`;
    const out = patchContentTypes(
      xml,
      [],
      [
        { part: "xl/worksheets/sheet2.xml", type: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml" },
        { part: "xl/worksheets/_rels/sheet2.xml.rels", type: "application/vnd.openxmlformats-package.relationships+xml" },
      ],
    );
    const found = elements(out);
    expect(found.filter((e) => e.attributes.PartName?.value.toLowerCase() === "/xl/worksheets/sheet2.xml")).toHaveLength(1);
    const relsTyped =
      found.some((e) => e.local === "Default" && e.attributes.Extension.value === "rels") ||
      found.some((e) => e.attributes.PartName?.value === "/xl/worksheets/_rels/sheet2.xml.rels");
    expect(relsTyped).toBe(true);
  });
});

describe("styles.xml", () => {
  const styles = [
    { bold: true, color: "FFFFFF", fill: "1F4E79", border: true },
    { numberFormat: "#,##0.00", vertical: "top" as const, border: true },
    { numberFormat: "0.0000", wrap: true },
  ];
  const base =
    `<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>`;

  test("patched twice, the second adds nothing and gives the same indices", () => {
    const once = patchStyles(
      `${base}<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`,
      styles,
    );
    const twice = patchStyles(once.xml, styles);
    expect(twice.xml).toBe(once.xml);
    expect(twice.ids).toEqual(once.ids);
  });

  test("empty lists written as <fonts/> and <numFmts /> (no count) are filled, with a count", () => {
    const xml =
      `<styleSheet xmlns="${MAIN}"><numFmts /><fonts/><fills/><borders/><cellStyleXfs/>` +
      `<cellXfs><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`;
    const { xml: out, ids } = patchStyles(xml, styles);
    const found = elements(out);
    const list = (local: string) => found.find((e) => e.local === local)!;
    expect(list("numFmts").attributes.count.value).toBe("1");
    expect(Number(list("fonts").attributes.count.value)).toBe(found.filter((e) => e.local === "font").length);
    expect(out).toContain('<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>');
    expect(ids.every((id) => id > 0 && id < Number(list("cellXfs").attributes.count.value))).toBe(true);
  });

  test("never more than 65,430 cell formats: near the limit the styles that do not fit use the default format", () => {
    const xfs = Array.from(
      { length: 65_429 },
      (_, i) => `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyProtection="${i}"/>`,
    );
    const { xml, ids } = patchStyles(`${base}<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs></styleSheet>`, styles);
    const count = elements(xml).filter((e) => e.local === "xf").length - 1;
    expect(count).toBeLessThanOrEqual(65_430);
    expect(Number(/<cellXfs count="(\d+)"/.exec(xml)![1])).toBe(count);
    expect(ids.every((id) => id < count)).toBe(true);
    expect(ids).toEqual([65_429, 0, 0]);
  });
});

describe("workbook.xml written any legal way (property)", () => {
  const shape = fc.record({
    main: fc.constantFrom("", "x:", "ns0:"),
    rel: fc.constantFrom("r", "rel", "R2"),
    declared: fc.constantFrom("root", "sheets", "each"),
    quote: fc.constantFrom('"', "'"),
    space: fc.constantFrom("", "\r\n", "\n\t", " "),
    comments: fc.boolean(),
    sheets: fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
    names: fc.oneof(
      fc.constant(null),
      fc.array(
        fc.record({
          name: fc.constantFrom("hlj_screen_results", "HLJ_SCREEN_RESULTS", "Other"),
          local: fc.option(fc.nat(6), { nil: null }),
        }),
        {
          maxLength: 6,
        },
      ),
    ),
    activeTab: fc.option(fc.nat(4), { nil: null }),
  });

  test("the result parses with namespaces, lists the kept and new sheets, and every name points at a sheet", () => {
    fc.assert(
      fc.property(shape, (s) => {
        const q = (v: string | number) => `${s.quote}${v}${s.quote}`;
        const m = s.main;
        const decl = (where: string) => (s.declared === where ? ` xmlns:${s.rel}=${q(REL)}` : "");
        const note = s.comments ? `<!-- <${m}sheets></${m}sheets><${m}definedNames/> -->` : "";
        const sheetsXml = s.sheets
          .map((_, i) => `${s.space}<${m}sheet${decl("each")} name=${q(`S${i}`)} sheetId=${q(i + 1)} ${s.rel}:id=${q(`rId${i + 1}`)}/>`)
          .join("");
        const namesXml =
          s.names === null
            ? ""
            : `<${m}definedNames>${s.names
                .map(
                  (n, i) =>
                    `<${m}definedName name=${q(n.name + (n.name === "Other" ? i : ""))}${n.local === null ? "" : ` localSheetId=${q(n.local)}`}>S0!$A$1</${m}definedName>`,
                )
                .join("")}</${m}definedNames>`;
        const xmlns = m ? `xmlns:${m.slice(0, -1)}=${q(MAIN)}` : `xmlns=${q(MAIN)}`;
        const xml =
          `<?xml version="1.0"?>${s.space}<${m}workbook ${xmlns}${decl("root")}>${note}` +
          `${s.activeTab === null ? "" : `<${m}bookViews><${m}workbookView activeTab=${q(Math.min(s.activeTab, s.sheets.length - 1))}/></${m}bookViews>`}` +
          `<${m}sheets${decl("sheets")}>${sheetsXml}${note}${s.space}</${m}sheets>${note}${namesXml}<${m}calcPr/></${m}workbook>`;
        const removed = s.sheets.flatMap((r, i) => (r ? [`rId${i + 1}`] : []));
        const out = patchWorkbook(xml, { ...edit, removeRelationshipIds: removed });
        const found = elements(out);
        const kept = s.sheets.flatMap((r, i) => (r ? [] : [[`S${i}`, `rId${i + 1}`]]));
        expect(sheets(out)).toEqual([...kept, ["HLJ筛查结果", "rIdHlj1"]]);
        const total = kept.length + 1;
        const names = found.filter((e) => e.local === "definedName" && e.uri === MAIN);
        const global = names.filter((e) => !e.attributes.localSheetId).map((e) => e.attributes.name.value.toLowerCase());
        expect(new Set(global).size).toBe(global.length);
        for (const n of names) if (n.attributes.localSheetId) expect(Number(n.attributes.localSheetId.value)).toBeLessThan(total);
        // Each name local to a kept sheet is still there, moved to the sheet's new position.
        for (const n of s.names ?? []) {
          if (n.local === null || n.local >= s.sheets.length || s.sheets[n.local]) continue;
          const position = kept.findIndex((k) => k[0] === `S${n.local}`);
          expect(
            names.some((e) => e.attributes.name.value.startsWith(n.name) && e.attributes.localSheetId?.value === String(position)),
          ).toBe(true);
        }
        const view = found.find((e) => e.local === "workbookView");
        if (view) expect(Number(view.attributes.activeTab.value)).toBeLessThan(total);
        if (s.comments) expect(out.split(note).length).toBe(xml.split(note).length);
      }),
      { numRuns: 300 },
    );
  });
});

test("the package writer refuses a second part of one name (ignoring case) rather than write a broken zip", async () => {
  const dir = mkdtempSync(join(tmpdir(), "hlj-parts-"));
  const fd = openSync(join(dir, "twice.zip"), "w");
  try {
    const writer = new PackageWriter(fd);
    await writer.add("xl/worksheets/sheet3.xml", "<a/>");
    await expect(writer.add("XL/Worksheets/Sheet3.xml", "<b/>")).rejects.toThrow("written twice");
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
});
