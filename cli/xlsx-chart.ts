/**
 * A real column chart in an .xlsx written by exceljs, which cannot write charts itself: the chart part, its
 * drawing, the relationships and the content types are added to the package. Used for the summary sheet's
 * chart of awards by measure. The chart carries cached values, so it shows before any recalculation.
 */
import JSZip from "jszip";

export interface ColumnChart {
  sheet: string;
  title: string;
  seriesName: string;
  /** e.g. `A10:A22` and `D10:D22` on `sheet`. */
  categories: { range: string; values: string[] };
  values: { range: string; values: number[] };
  /** Top-left and bottom-right cells (0-based column and row) of the chart's frame. */
  anchor: { fromColumn: number; fromRow: number; toColumn: number; toRow: number };
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const absolute = (sheet: string, range: string) => `'${sheet.replace(/'/g, "''")}'!${range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;

function chartXml(chart: ColumnChart): string {
  const points = <T>(values: T[], show: (v: T) => string) => values.map((v, i) => `<c:pt idx="${i}"><c:v>${show(v)}</c:v></c:pt>`).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>${escapeXml(chart.seriesName)}</c:v></c:tx>` +
    `<c:spPr><a:solidFill><a:srgbClr val="2E75B6"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
    `<c:cat><c:strRef><c:f>${escapeXml(absolute(chart.sheet, chart.categories.range))}</c:f><c:strCache><c:ptCount val="${chart.categories.values.length}"/>${points(chart.categories.values, escapeXml)}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeXml(absolute(chart.sheet, chart.values.range))}</c:f><c:numCache><c:formatCode>#,##0.00</c:formatCode><c:ptCount val="${chart.values.values.length}"/>${points(chart.values.values, String)}</c:numCache></c:numRef></c:val>` +
    `</c:ser><c:gapWidth val="80"/><c:axId val="50010"/><c:axId val="50020"/></c:barChart>` +
    `<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
    `<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="#,##0" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function drawingXml(chart: ColumnChart, chartRelId: string): string {
  const { fromColumn, fromRow, toColumn, toRow } = chart.anchor;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `<xdr:twoCellAnchor><xdr:from><xdr:col>${fromColumn}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${fromRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>${toColumn}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${toRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${chartRelId}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const DRAWING_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
const CHART_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";

/** The next free number for parts named `${prefix}N.xml`. */
function nextNumber(zip: JSZip, prefix: string): number {
  let n = 1;
  while (zip.file(`${prefix}${n}.xml`)) n++;
  return n;
}

function addRelationship(rels: string | null, id: string, type: string, target: string): string {
  const entry = `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
  if (!rels) return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${RELS_NS}">${entry}</Relationships>`;
  return rels.replace("</Relationships>", `${entry}</Relationships>`);
}

/** Adds the chart to the sheet named `chart.sheet`; returns the new package. */
export async function addColumnChart(xlsx: Buffer | Uint8Array, chart: ColumnChart): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const sheetEntry = [...workbook.matchAll(/<sheet\b[^>]*>/g)]
    .map((m) => m[0])
    .find(
      (tag) => tag.includes(`name="${escapeXml(chart.sheet).replace(/'/g, "&apos;")}"`) || tag.includes(`name="${escapeXml(chart.sheet)}"`),
    );
  const relId = sheetEntry && /r:id="([^"]+)"/.exec(sheetEntry)?.[1];
  const workbookRels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const target = relId && new RegExp(`Id="${relId}"[^>]*Target="([^"]+)"`).exec(workbookRels)?.[1];
  if (!target) throw new Error(`no sheet named ${chart.sheet} in the package`);
  const sheetPath = `xl/${target.replace(/^\/?xl\//, "")}`;
  const sheetFile = sheetPath.split("/").pop()!;
  const sheetRelsPath = `xl/worksheets/_rels/${sheetFile}.rels`;

  const drawingNumber = nextNumber(zip, "xl/drawings/drawing");
  const chartNumber = nextNumber(zip, "xl/charts/chart");
  zip.file(`xl/charts/chart${chartNumber}.xml`, chartXml(chart));
  zip.file(`xl/drawings/drawing${drawingNumber}.xml`, drawingXml(chart, "rId1"));
  zip.file(
    `xl/drawings/_rels/drawing${drawingNumber}.xml.rels`,
    addRelationship(null, "rId1", CHART_TYPE, `../charts/chart${chartNumber}.xml`),
  );

  const drawingRelId = "rIdHljChart";
  const sheetRels = zip.file(sheetRelsPath) ? await zip.file(sheetRelsPath)!.async("string") : null;
  zip.file(sheetRelsPath, addRelationship(sheetRels, drawingRelId, DRAWING_TYPE, `../drawings/drawing${drawingNumber}.xml`));
  let sheetXml = await zip.file(sheetPath)!.async("string");
  // <drawing> follows the page setup elements (ECMA-376 order); extLst can also nest inside conditional formats,
  // so the place is found after the last top-level element that must precede it.
  const preceding =
    /<(pageMargins|pageSetup|headerFooter|rowBreaks|colBreaks|customProperties|cellWatches|ignoredErrors|smartTags)\b[^>]*?(\/>|>[\s\S]*?<\/\1>)/g;
  let at = -1;
  for (const match of sheetXml.matchAll(preceding)) at = Math.max(at, match.index! + match[0].length);
  if (at < 0) at = sheetXml.indexOf("</sheetData>") + "</sheetData>".length;
  sheetXml = `${sheetXml.slice(0, at)}<drawing r:id="${drawingRelId}"/>${sheetXml.slice(at)}`;
  zip.file(sheetPath, sheetXml);

  let types = await zip.file("[Content_Types].xml")!.async("string");
  types = types.replace(
    "</Types>",
    `<Override PartName="/xl/charts/chart${chartNumber}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>` +
      `<Override PartName="/xl/drawings/drawing${drawingNumber}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`,
  );
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
