// Writes large test workbooks for the CLI bench, streamed part by part with the CLI's own package writer:
// the seeded applicant rows (100,000 by default), a sheet at Excel's full height, and a "far cell" file.
import { closeSync, openSync } from "node:fs";
import { createRequire } from "node:module";
import { benchWorkbook } from "./screening.mjs";

const require = createRequire(import.meta.url);
const { PackageWriter } = require("../dist-node/cli/xlsx/package-writer.js");
const { sheetXml } = require("../dist-node/cli/xlsx/sheet-writer.js");

const CONTENT_TYPES = (sheets) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
  `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
  sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join("") +
  `</Types>`;
const ROOT_RELS =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = (sheets) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>` +
  sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
  `</sheets></workbook>`;
const WORKBOOK_RELS = (sheets) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join("") +
  `</Relationships>`;

/** Writes an .xlsx of the given sheets; each sheet's rows is an iterable of cell-value arrays. */
export async function writeWorkbook(path, sheets) {
  const fd = openSync(path, "w");
  try {
    const writer = new PackageWriter(fd);
    await writer.add("[Content_Types].xml", CONTENT_TYPES(sheets));
    await writer.add("_rels/.rels", ROOT_RELS);
    await writer.add("xl/workbook.xml", WORKBOOK(sheets));
    await writer.add("xl/_rels/workbook.xml.rels", WORKBOOK_RELS(sheets));
    for (const [i, sheet] of sheets.entries()) {
      const rows = (function* () {
        for (const row of sheet.rows) yield { cells: row.map((value) => (value === null || value === undefined ? null : { value })) };
      })();
      await writer.add(`xl/worksheets/sheet${i + 1}.xml`, sheetXml({ columns: sheet.widths ?? [], rows }));
    }
    writer.finish();
  } finally {
    closeSync(fd);
  }
}

/** The bench's seeded applicants as a workbook file. */
export async function writeApplicants(path, rows) {
  const { sheets } = benchWorkbook(rows);
  await writeWorkbook(path, [{ name: "申报", rows: sheets[0].values }]);
}

/** Excel's full height: 1,048,576 rows × 20 columns of the seeded applicants (repeated). */
export async function writeFullHeight(path, columns = 20) {
  const { sheets } = benchWorkbook(100_000);
  const [header, ...data] = sheets[0].values;
  const width = Math.min(columns, header.length);
  const rows = (function* () {
    yield header.slice(0, width);
    for (let i = 0; i < 1_048_575; i++) yield data[i % data.length].slice(0, width);
  })();
  await writeWorkbook(path, [{ name: "申报", rows }]);
}

/** A small file with one applicant and one cell at XFD1048576. */
export async function writeFarCell(path) {
  const { sheets } = benchWorkbook(10);
  const [header, first] = sheets[0].values;
  const rows = (function* () {
    yield header;
    yield first;
    for (let i = 2; i < 1_048_575; i++) yield [];
    const last = new Array(16_384).fill(null);
    last[16_383] = "far";
    yield last;
  })();
  await writeWorkbook(path, [{ name: "申报", rows }]);
}
