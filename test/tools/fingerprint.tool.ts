/**
 * The outputs' fingerprint: the command line's JSON and every part of its output workbook (inflated, so the zip's
 * timestamps do not count), hashed, for both samples and 20 random workbooks of the property generator (a fixed
 * seed). A refactor that must leave results unchanged is checked by comparing the fingerprint before and after:
 *
 *   npm run fingerprint                      # writes out/fingerprint.json
 *   HLJ_FINGERPRINT_BASE=old.json npm run fingerprint   # and fails naming every output that differs
 */
import { createHash } from "crypto";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Writable } from "stream";
import fc from "fast-check";
import { main } from "../../cli/hlj-screen";
import { PackageWriter } from "../../cli/xlsx/package-writer";
import { CellSpec, sheetXml } from "../../cli/xlsx/sheet-writer";
import { readParts } from "../helpers/packages";
import { workbookArb } from "../helpers/workbook-arbitrary";

const ROOT = join(__dirname, "../..");
const OUT = process.env.HLJ_FINGERPRINT ?? join(ROOT, "out", "fingerprint.json");
const SEED = 20_261_206;
// The review list prints the day of the run (筛查日期): fixed here, so the fingerprint is the same any day.
process.env.HLJ_SCREEN_DATE = "2026-12-06";
const RANDOM_WORKBOOKS = 20;
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

const sha = (data: Buffer | string) => createHash("sha256").update(data).digest("hex").slice(0, 16);

/** A minimal package of the given sheets, cells as the generator made them. */
async function writeWorkbook(path: string, sheets: readonly { name: string; values: readonly (readonly unknown[])[] }[]) {
  const fd = openSync(path, "w");
  try {
    const writer = new PackageWriter(fd);
    const names = sheets.map((_, i) => `xl/worksheets/sheet${i + 1}.xml`);
    await writer.add(
      "[Content_Types].xml",
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${names.map((n) => `<Override PartName="/${n}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}</Types>`,
    );
    await writer.add(
      "_rels/.rels",
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    );
    await writer.add(
      "xl/workbook.xml",
      `${XML}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL}"><sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
    );
    await writer.add(
      "xl/_rels/workbook.xml.rels",
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((n, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${n.slice(3)}"/>`).join("")}</Relationships>`,
    );
    for (const [i, sheet] of sheets.entries()) {
      const rows = sheet.values.map((row) => ({
        cells: row.map((value): CellSpec => (value === null || value === undefined ? null : { value: value as string | number | boolean })),
      }));
      await writer.add(names[i], sheetXml({ columns: [], rows }));
    }
    writer.finish();
  } finally {
    closeSync(fd);
  }
}

const FLAGS: Record<string, string> = {
  lprMode: "--lpr-mode",
  dayCount: "--day-count",
  dedupScope: "--dedup",
  otherSupport: "--other-support",
  interestWindow: "--interest-window",
  effectiveFrom: "--effective-from",
};

async function fingerprint(input: string, flags: string[], dir: string, name: string): Promise<Record<string, string>> {
  const output = join(dir, `${name}.out.xlsx`);
  const json = join(dir, `${name}.json`);
  const quiet = new Writable({ write: (_c, _e, done) => done() });
  const code = await main([input, "-o", output, "--json", json, "--quiet", ...flags], quiet, quiet);
  const print: Record<string, string> = { exit: String(code) };
  if (existsSync(json)) print.json = sha(readFileSync(json));
  if (existsSync(output))
    for (const [part, bytes] of [...(await readParts(output))].sort(([a], [b]) => a.localeCompare(b))) print[part] = sha(bytes);
  return print;
}

test("fingerprint of the command line's outputs (samples and random workbooks)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "hlj-fingerprint-"));
  try {
    const prints: Record<string, Record<string, string>> = {};
    for (const sample of ["applicants.xlsx", "申报汇总表.xlsx"])
      prints[sample] = await fingerprint(join(ROOT, "examples", sample), [], dir, sample);
    const cases = fc.sample(workbookArb, { seed: SEED, numRuns: RANDOM_WORKBOOKS });
    for (const [i, { workbook, options }] of cases.entries()) {
      const input = join(dir, `random-${i}.xlsx`);
      await writeWorkbook(input, workbook.sheets);
      const flags = Object.entries(options).flatMap(([key, value]) =>
        FLAGS[key] && value !== undefined ? [FLAGS[key], String(value)] : [],
      );
      prints[`random-${i}`] = await fingerprint(input, flags, dir, `random-${i}`);
    }
    mkdirSync(join(OUT, ".."), { recursive: true });
    writeFileSync(OUT, `${JSON.stringify(prints, null, 1)}\n`);
    const base = process.env.HLJ_FINGERPRINT_BASE;
    if (base) {
      const before = JSON.parse(readFileSync(base, "utf8")) as typeof prints;
      const differences = Object.keys({ ...before, ...prints }).flatMap((name) =>
        Object.keys({ ...before[name], ...prints[name] })
          .filter((part) => before[name]?.[part] !== prints[name]?.[part])
          .map((part) => `${name} ${part}: ${before[name]?.[part] ?? "absent"} → ${prints[name]?.[part] ?? "absent"}`),
      );
      expect(differences).toEqual([]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 300_000);
