/**
 * Hand-made .xlsx/.xlsm packages for the CLI's tests: a user's workbook with a chart, an image, a pivot table,
 * a VBA project and custom XML beside the applicant table — the parts the output must carry over byte for
 * byte — and a reader that returns every part's bytes.
 */
import { closeSync, openSync } from "fs";
import { PackageWriter } from "../../cli/xlsx/package-writer";
import { openPackage } from "../../cli/xlsx/package-reader";
import { makeUscc } from "./uscc";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

export async function writePackage(path: string, parts: [name: string, content: string | Buffer][]): Promise<void> {
  const fd = openSync(path, "w");
  try {
    const writer = new PackageWriter(fd);
    for (const [name, content] of parts) await writer.add(name, content);
    writer.finish();
  } finally {
    closeSync(fd);
  }
}

/** Every part of a package, inflated, by name. */
export async function readParts(path: string): Promise<Map<string, Buffer>> {
  const pkg = await openPackage(path, 1024 ** 3);
  try {
    const parts = new Map<string, Buffer>();
    for (const part of pkg.parts.values()) parts.set(part.name, await pkg.read(part.name));
    return parts;
  } finally {
    pkg.close();
  }
}

const rels = (entries: [id: string, type: string, target: string][]) =>
  `${XML}<Relationships xmlns="${PKG}">${entries.map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`).join("")}</Relationships>`;

const cell = (ref: string, value: string | number) =>
  typeof value === "number" ? `<c r="${ref}"><v>${value}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;

const sheet = (rows: (string | number)[][], extra = "") =>
  `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${rows
    .map((row, r) => `<row r="${r + 1}">${row.map((v, c) => cell(`${String.fromCharCode(65 + c)}${r + 1}`, v)).join("")}</row>`)
    .join("")}</sheetData>${extra}</worksheet>`;

/** A 1×1 PNG. */
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d4944415478da63f8cfc0f01f0005000201" +
    "a5f2ee8d0000000049454e44ae426082",
  "hex",
);

/** Pseudo-random bytes standing in for a VBA project (only their identity is checked). */
const VBA = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24));

export const USER_PARTS_APPLICANTS = [
  ["统一社会信用代码", "企业名称", "申报年度", "申报条款", "限额以上在统", "新增实物网络零售额"],
  [makeUscc(41), "甲公司", 2025, "M3", "是", 20_000_000],
  [makeUscc(42, "230600"), "乙公司", 2025, "M3", "是", 12_345_678.9],
  [makeUscc(43, "231000"), "丙公司", 2025, "M3", "是", 30_000_000],
];

/**
 * An .xlsm whose first sheet is an applicant table with a bar chart and an image beside it, a second sheet with
 * a pivot table, a VBA project and a custom XML part: what a real office workbook carries.
 */
export async function writeUserPartsWorkbook(path: string): Promise<void> {
  const chart =
    `${XML}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}">` +
    `<c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>申报!$B$2:$B$4</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>申报!$F$2:$F$4</c:f></c:numRef></c:val></c:ser>` +
    `<c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="2"/></c:catAx>` +
    `<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;
  const anchor = (from: number, to: number, body: string) =>
    `<xdr:twoCellAnchor><xdr:from><xdr:col>${from}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>${to}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>12</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${body}<xdr:clientData/></xdr:twoCellAnchor>`;
  const drawing =
    `${XML}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}">` +
    anchor(
      7,
      13,
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="用户的图表"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame>`,
    ) +
    anchor(
      14,
      16,
      `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="印章"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId2"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>`,
    ) +
    `</xdr:wsDr>`;
  const pivotCache =
    `${XML}<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${REL}" r:id="rId1" refreshOnLoad="1" recordCount="3" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3">` +
    `<cacheSource type="worksheet"><worksheetSource ref="B1:F4" sheet="申报"/></cacheSource><cacheFields count="5">` +
    `<cacheField name="企业名称" numFmtId="0"><sharedItems count="3"><s v="甲公司"/><s v="乙公司"/><s v="丙公司"/></sharedItems></cacheField>` +
    `<cacheField name="申报年度" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="2025" maxValue="2025"/></cacheField>` +
    `<cacheField name="申报条款" numFmtId="0"><sharedItems/></cacheField><cacheField name="限额以上在统" numFmtId="0"><sharedItems/></cacheField>` +
    `<cacheField name="新增实物网络零售额" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" minValue="12345678.9" maxValue="30000000"/></cacheField>` +
    `</cacheFields></pivotCacheDefinition>`;
  const pivotRecords =
    `${XML}<pivotCacheRecords xmlns="${MAIN}" count="3">` +
    `<r><x v="0"/><n v="2025"/><s v="M3"/><s v="是"/><n v="20000000"/></r><r><x v="1"/><n v="2025"/><s v="M3"/><s v="是"/><n v="12345678.9"/></r><r><x v="2"/><n v="2025"/><s v="M3"/><s v="是"/><n v="30000000"/></r>` +
    `</pivotCacheRecords>`;
  const pivotTable =
    `${XML}<pivotTableDefinition xmlns="${MAIN}" name="数据透视表1" cacheId="7" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="值" updatedVersion="6" minRefreshableVersion="3" createdVersion="6" outline="1" outlineData="1">` +
    `<location ref="A3:B7" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="5">` +
    `<pivotField axis="axisRow" showAll="0"><items count="4"><item x="0"/><item x="1"/><item x="2"/><item t="default"/></items></pivotField>` +
    `<pivotField showAll="0"/><pivotField showAll="0"/><pivotField showAll="0"/><pivotField dataField="1" showAll="0"/></pivotFields>` +
    `<rowFields count="1"><field x="0"/></rowFields><rowItems count="4"><i><x/></i><i><x v="1"/></i><i><x v="2"/></i><i t="grand"><x/></i></rowItems>` +
    `<colItems count="1"><i/></colItems><dataFields count="1"><dataField name="求和项:新增实物网络零售额" fld="4" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>`;
  const customXml = `${XML}<hlj:note xmlns:hlj="urn:example:hlj">用户自己的自定义XML</hlj:note>`;
  const customProps = `${XML}<ds:datastoreItem ds:itemID="{6B1C2D4E-0A11-4F55-9C1E-8D2A7F6B3C01}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>`;
  const workbook =
    `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr codeName="ThisWorkbook"/><bookViews><workbookView activeTab="0"/></bookViews>` +
    `<sheets><sheet name="申报" sheetId="1" r:id="rId1"/><sheet name="透视" sheetId="2" r:id="rId2"/></sheets>` +
    `<definedNames><definedName name="用户的名称">申报!$A$1:$F$4</definedName></definedNames>` +
    `<calcPr calcId="191029"/><pivotCaches><pivotCache cacheId="7" r:id="rId4"/></pivotCaches></workbook>`;
  await writePackage(path, [
    [
      "[Content_Types].xml",
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Default Extension="png" ContentType="image/png"/><Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>` +
        `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
        `<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
        `<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>` +
        `<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>` +
        `<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"/>` +
        `<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml"/>` +
        `<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml"/>` +
        `<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>` +
        `</Types>`,
    ],
    ["_rels/.rels", rels([["rId1", "officeDocument", "xl/workbook.xml"]])],
    ["xl/workbook.xml", workbook],
    [
      "xl/_rels/workbook.xml.rels",
      rels([
        ["rId1", "worksheet", "worksheets/sheet1.xml"],
        ["rId2", "worksheet", "worksheets/sheet2.xml"],
        ["rId3", "vbaProject".replace("vbaProject", "vbaProject"), "vbaProject.bin"],
        ["rId4", "pivotCacheDefinition", "pivotCache/pivotCacheDefinition1.xml"],
        ["rId5", "customXml", "../customXml/item1.xml"],
      ]).replace(`${REL}/vbaProject`, "http://schemas.microsoft.com/office/2006/relationships/vbaProject"),
    ],
    ["xl/worksheets/sheet1.xml", sheet(USER_PARTS_APPLICANTS, `<drawing r:id="rId1"/>`)],
    ["xl/worksheets/_rels/sheet1.xml.rels", rels([["rId1", "drawing", "../drawings/drawing1.xml"]])],
    ["xl/worksheets/sheet2.xml", sheet([["按企业汇总"]])],
    ["xl/worksheets/_rels/sheet2.xml.rels", rels([["rId1", "pivotTable", "../pivotTables/pivotTable1.xml"]])],
    ["xl/drawings/drawing1.xml", drawing],
    [
      "xl/drawings/_rels/drawing1.xml.rels",
      rels([
        ["rId1", "chart", "../charts/chart1.xml"],
        ["rId2", "image", "../media/image1.png"],
      ]),
    ],
    ["xl/charts/chart1.xml", chart],
    ["xl/media/image1.png", PNG],
    ["xl/pivotCache/pivotCacheDefinition1.xml", pivotCache],
    ["xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels", rels([["rId1", "pivotCacheRecords", "pivotCacheRecords1.xml"]])],
    ["xl/pivotCache/pivotCacheRecords1.xml", pivotRecords],
    ["xl/pivotTables/pivotTable1.xml", pivotTable],
    ["xl/pivotTables/_rels/pivotTable1.xml.rels", rels([["rId1", "pivotCacheDefinition", "../pivotCache/pivotCacheDefinition1.xml"]])],
    ["xl/vbaProject.bin", VBA],
    ["customXml/item1.xml", customXml],
    ["customXml/itemProps1.xml", customProps],
    ["customXml/_rels/item1.xml.rels", rels([["rId1", "customXmlProps", "itemProps1.xml"]])],
  ]);
}

/** A plain workbook of one sheet of cells (numbers and inline text). */
export async function writeSimpleWorkbook(path: string, name: string, rows: (string | number)[][]): Promise<void> {
  await writePackage(path, [
    [
      "[Content_Types].xml",
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ],
    ["_rels/.rels", rels([["rId1", "officeDocument", "xl/workbook.xml"]])],
    [
      "xl/workbook.xml",
      `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    ["xl/_rels/workbook.xml.rels", rels([["rId1", "worksheet", "worksheets/sheet1.xml"]])],
    ["xl/worksheets/sheet1.xml", sheet(rows)],
  ]);
}
