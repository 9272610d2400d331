/**
 * The read side of the command line on inputs other producers write (issue 16): an earlier output the officer
 * edited (still ours by its content, never screened as applicants).
 */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Writable } from "stream";
import { main } from "../../cli/hlj-screen";
import { readInput } from "../../cli/read-input";
import { openPackage } from "../../cli/xlsx/package-reader";
import { isOurResultsHeader, RESULT_COLUMNS } from "../../core";
import { readParts, writePackage } from "../helpers/packages";

const ROOT = join(__dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "hlj-reading-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sink() {
  let text = "";
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

async function run(...argv: string[]) {
  const out = sink();
  const err = sink();
  const code = await main(argv, out.stream, err.stream);
  return { code, stdout: out.text(), stderr: err.text() };
}

interface Screened {
  rows: { source: string; status: string; final: string }[];
  issues: { sheet: string; severity: string; en: string }[];
  tables: { sheet: string }[];
}

/** Runs the CLI on `input`; the JSON it wrote and the sheet names of its output. */
async function screen(input: string, name: string): Promise<Screened & { sheets: string[]; code: number; stderr: string }> {
  const output = join(dir, `${name}.out.xlsx`);
  const json = join(dir, `${name}.json`);
  const { code, stderr } = await run(input, "-o", output, "--json", json, "-q");
  if (code !== 0) return { code, stderr, rows: [], issues: [], tables: [], sheets: [] };
  const workbook = (await readParts(output)).get("xl/workbook.xml")!.toString();
  const sheets = [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) => m[1]);
  return { code, stderr, sheets, ...(JSON.parse(readFileSync(json, "utf8")) as Screened) };
}

// ---------------------------------------------------------------------------------------------------------
// Reruns on an earlier output the officer edited

describe("an earlier results sheet the officer edited is still ours by its content", () => {
  // Made by test/fixtures/xlsx/make-edited-output.py (openpyxl): a 备注 column after ours with 审核 words, a
  // =SUM() beside the table, rows sorted and filtered, the markers kept.
  const fixture = join(ROOT, "test/fixtures/xlsx/edited-earlier-output.xlsx");

  /** The fixture with its workbook.xml changed (markers dropped, sheets renamed). */
  async function variant(name: string, edit: (workbook: string) => string): Promise<string> {
    const parts = await readParts(fixture);
    parts.set("xl/workbook.xml", Buffer.from(edit(parts.get("xl/workbook.xml")!.toString())));
    const path = join(dir, `${name}.xlsx`);
    await writePackage(path, [...parts.entries()]);
    return path;
  }
  const dropMarkers = (workbook: string) => workbook.replace(/<definedName name="HLJ_SCREEN_(RESULTS|SUMMARY)">[^<]*<\/definedName>/g, "");
  const rename = (workbook: string) => workbook.replace(/HLJ筛查结果/g, "结果（已审）").replace(/HLJ汇总/g, "汇总备份");

  test("marker and content (our header as a prefix of its header row): replaced, its rows never screened as applicants", async () => {
    const result = await screen(fixture, "edited");
    expect(result.code).toBe(0);
    expect(result.tables.map((t) => t.sheet)).toEqual(["申报"]);
    expect(result.rows).toHaveLength(3);
    expect(result.rows.map((r) => r.status)).not.toContain("error");
    expect(result.sheets).toEqual(["申报", "HLJ筛查结果", "HLJ汇总"]);
    expect(result.issues.filter((i) => /earlier/.test(i.en))).toEqual([]);
  });

  test("content ours but no marker: kept as it is beside the new HLJ筛查结果 (2), not screened, and a note says so", async () => {
    const input = await variant("edited-unmarked", dropMarkers);
    const result = await screen(input, "edited-unmarked");
    expect(result.code).toBe(0);
    expect(result.rows).toHaveLength(3);
    expect(result.rows.map((r) => r.source.split("!")[0])).toEqual(["申报", "申报", "申报"]);
    expect(result.sheets).toEqual(["申报", "HLJ筛查结果", "HLJ汇总", "HLJ筛查结果 (2)", "HLJ汇总 (2)"]);
    const notes = result.issues.filter((i) => i.severity === "info" && /earlier/.test(i.en));
    expect(notes.map((n) => n.sheet)).toEqual(["HLJ筛查结果", "HLJ汇总"]);
    expect(notes[0].en).toMatch(/kept as it is, not read as applications/);
    // The officer's sheet is kept byte for byte.
    const before = await readParts(input);
    const after = await readParts(join(dir, "edited-unmarked.out.xlsx"));
    expect(after.get("xl/worksheets/sheet2.xml")!.equals(before.get("xl/worksheets/sheet2.xml")!)).toBe(true);
  });

  test("a marker pointing at another sheet does not make that sheet ours, nor ours screened", async () => {
    const input = await variant("edited-marker-elsewhere", (w) => w.replace("'HLJ筛查结果'!$A$1", "'申报'!$A$1"));
    const result = await screen(input, "edited-marker-elsewhere");
    expect(result.rows).toHaveLength(3);
    expect(result.sheets).toContain("申报");
    expect(result.sheets).toContain("HLJ筛查结果 (2)");
    expect(result.issues.filter((i) => /earlier/.test(i.en)).map((n) => n.sheet)).toEqual(["HLJ筛查结果"]);
  });

  test("renamed by the user, with or without the markers: the results and the summary are never applicant tables", async () => {
    for (const [name, edit] of [
      ["renamed-marked", rename],
      ["renamed-unmarked", (w: string) => rename(dropMarkers(w))],
    ] as const) {
      const result = await screen(await variant(name, edit), name);
      expect(result.code).toBe(0);
      expect(result.tables.map((t) => t.sheet)).toEqual(["申报"]);
      expect(result.rows).toHaveLength(3);
    }
  });

  test("the marker's name is compared ignoring case, as Excel compares names", async () => {
    const input = await variant("edited-lowercase-marker", (w) =>
      w.replace(/name="HLJ_SCREEN_(RESULTS|SUMMARY)"/g, (m) => m.toLowerCase()),
    );
    const pkg = await openPackage(input, 1024 ** 3);
    try {
      const { ours } = await readInput(pkg);
      expect([ours.results?.name, ours.summary?.name]).toEqual(["HLJ筛查结果", "HLJ汇总"]);
    } finally {
      pkg.close();
    }
  });

  test("the header row in either language, optional columns left out, anything after it", () => {
    for (const language of ["zh", "en"] as const) {
      const all = RESULT_COLUMNS.map((c) => c.header[language]);
      const required = RESULT_COLUMNS.filter((c) => !c.optional).map((c) => c.header[language]);
      expect(isOurResultsHeader(all)).toBe(true);
      expect(isOurResultsHeader([...required, "备注", null, "=SUM(J2:J9)"])).toBe(true);
      expect(isOurResultsHeader([...all, "Reviewed"])).toBe(true);
      expect(isOurResultsHeader(["备注", ...all])).toBe(false);
      expect(isOurResultsHeader(required.slice(0, -1))).toBe(false);
    }
  });
});
