/**
 * The summary's column chart of 核定金额 by clause in 万元, as DrawingML: the chart part (with cached values, so it
 * shows before any recalculation; plotVisOnly off, for its data sits in hidden columns) and the drawing that
 * anchors it on the sheet.
 */
import { quotedSheet } from "../../core";
import { xmlText } from "./sheet-writer";

export interface ChartSpec {
  title: string;
  /** The value axis's title (万元) and the values' number format (0.00). */
  axisTitle: string;
  numberFormat: string;
  categories: string[];
  series: { name: string; values: number[] }[];
  /** Bars across, the clauses down the left (first at the top), rather than columns. */
  horizontal?: boolean;
  sheet: string;
  /** e.g. `H12:H19` for the categories; a series' name cell (`I11`) and values (`I12:I19`), on `sheet`. */
  ranges: { categories: string; series: { name: string; values: string }[] };
}

export interface Anchor {
  /** 0-based column and row of the top-left and bottom-right cells of the chart's frame. */
  fromColumn: number;
  fromRow: number;
  toColumn: number;
  toRow: number;
}

const absolute = (sheet: string, range: string) => `${quotedSheet(sheet)}!${range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;

const COLOURS = ["2E75B6", "ED7D31"];

/** Text properties: no rotation, no wrapping (第1条 on one line), at this size in hundredths of a point. */
const oneLine = (size: number, bold = false) =>
  `<c:txPr><a:bodyPr rot="0" spcFirstLastPara="1" vertOverflow="overflow" horzOverflow="overflow" vert="horz" wrap="none" anchor="ctr" anchorCtr="1"/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;

const rich = (t: string, size: number) =>
  `<c:tx><c:rich><a:bodyPr rot="0" vert="horz" wrap="none"/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="1"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="${size}" b="1"/><a:t>${xmlText(t)}</a:t></a:r></a:p></c:rich></c:tx>`;

export function chartXml(chart: ChartSpec): string {
  const points = <T>(values: T[], show: (v: T) => string) => values.map((v, i) => `<c:pt idx="${i}"><c:v>${show(v)}</c:v></c:pt>`).join("");
  const format = xmlText(chart.numberFormat);
  // The bars' labels leave out a zero (the third section of the format: zero shows nothing).
  const labels = xmlText(`${chart.numberFormat};-${chart.numberFormat};`);
  const across = chart.horizontal === true;
  const series = chart.series
    .map(
      (s, k) =>
        `<c:ser><c:idx val="${k}"/><c:order val="${k}"/>` +
        `<c:tx><c:strRef><c:f>${xmlText(absolute(chart.sheet, chart.ranges.series[k].name))}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${xmlText(s.name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${COLOURS[k % COLOURS.length]}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
        `<c:dLbls><c:numFmt formatCode="${labels}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${oneLine(900)}<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
        `<c:cat><c:strRef><c:f>${xmlText(absolute(chart.sheet, chart.ranges.categories))}</c:f><c:strCache><c:ptCount val="${chart.categories.length}"/>${points(chart.categories, xmlText)}</c:strCache></c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${xmlText(absolute(chart.sheet, chart.ranges.series[k].values))}</c:f><c:numCache><c:formatCode>${format}</c:formatCode><c:ptCount val="${s.values.length}"/>${points(s.values, String)}</c:numCache></c:numRef></c:val>` +
        `</c:ser>`,
    )
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<c:roundedCorners val="0"/><c:chart><c:title>${rich(chart.title, 1200)}<c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="${across ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="80"/><c:axId val="50010"/><c:axId val="50020"/></c:barChart>` +
    // The clauses on one line each, unrotated; the amounts in 万元 with two decimals.
    `<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="${across ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/><c:axPos val="${across ? "l" : "b"}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${oneLine(1000)}<c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:tickLblSkip val="1"/><c:noMultiLvlLbl val="1"/></c:catAx>` +
    `<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="${across ? "b" : "l"}"/><c:majorGridlines/><c:title>${rich(chart.axisTitle, 1000)}<c:overlay val="0"/></c:title><c:numFmt formatCode="${format}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${oneLine(900)}<c:crossAx val="50010"/><c:crosses val="${across ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="t"/><c:overlay val="0"/>${oneLine(1000)}</c:legend><c:plotVisOnly val="0"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

export function drawingXml(anchor: Anchor, name: string, chartRelationshipId: string): string {
  const { fromColumn, fromRow, toColumn, toRow } = anchor;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `<xdr:twoCellAnchor><xdr:from><xdr:col>${fromColumn}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${fromRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>${toColumn}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${toRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${xmlText(name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${chartRelationshipId}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}
