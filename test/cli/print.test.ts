/**
 * The paper an officer signs, as printed (SCREENING.md revision 3): both samples screened, the review list and the
 * calculation appendix printed to PDF by LibreOffice and read back with pdftotext — title, head, the twelve
 * columns, every application's 核定金额, 合计 拟支持 and 待人工核定, the signature block after the last
 * application, the appendix — with every word at least 9 pt; openpyxl reads the print setup.
 */
import { execFileSync, spawnSync } from "child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { APPENDIX_SHEET, REVIEW_COLUMNS, RESULTS_SHEET } from "../../core";
import { openPackage } from "../../cli/xlsx/package-reader";
import { PackageWriter } from "../../cli/xlsx/package-writer";
import { patchWorkbook } from "../../cli/xlsx/patch-parts";
import { checkOutput } from "../helpers/ooxml-check";
import { LIBREOFFICE, OPENPYXL, PYTHON, hasLibreOffice, hasOpenpyxl, whenReader } from "../helpers/readers";
import { runCli } from "../helpers/run-cli";

const ROOT = join(__dirname, "../..");
const SAMPLES = ["申报汇总表.xlsx", "applicants.xlsx"];
const DATE = "2026-12-06";
const hasPdftotext = () => spawnSync("pdftotext", ["-v"], { stdio: "ignore" }).status === 0;

let work: string;
const outputs = new Map<
  string,
  { xlsx: string; json: { rows: { final: string }[]; totals: { byStatus: Record<string, { final: string }> } } }
>();

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "hlj-print-"));
  process.env.HLJ_SCREEN_DATE = DATE;
  for (const sample of SAMPLES) {
    const xlsx = join(work, `${sample}.screened.xlsx`);
    const json = join(work, `${sample}.json`);
    const run = await runCli(join(ROOT, "examples", sample), "-o", xlsx, "--json", json, "--quiet");
    expect(run.code).toBe(0);
    outputs.set(sample, { xlsx, json: JSON.parse(readFileSync(json, "utf8")) });
  }
}, 120_000);

afterAll(() => {
  delete process.env.HLJ_SCREEN_DATE;
  rmSync(work, { recursive: true, force: true });
});

/** A copy of the output with only the review list and the appendix in its sheet list (LibreOffice prints every sheet). */
async function listAndAppendixOnly(screened: string, copy: string): Promise<void> {
  const pkg = await openPackage(screened, 1024 ** 3);
  const fd = openSync(copy, "w");
  try {
    const writer = new PackageWriter(fd);
    for (const part of pkg.parts.values()) {
      if (part.name !== "xl/workbook.xml") {
        await writer.copyStored(part.entry, await pkg.rawStream(part.name));
        continue;
      }
      const xml = (await pkg.read(part.name)).toString("utf8");
      const others = [...xml.matchAll(/<sheet\b[^>]*>/g)]
        .map((m) => m[0])
        .filter((tag) => !tag.includes(`name="${RESULTS_SHEET}"`) && !tag.includes(`name="${APPENDIX_SHEET}"`))
        .map((tag) => /r:id="([^"]+)"/.exec(tag)![1]);
      await writer.add(
        part.name,
        patchWorkbook(xml, { removeRelationshipIds: others, replaceNames: [], addSheets: [], addNames: () => [] }),
      );
    }
    writer.finish();
  } finally {
    closeSync(fd);
    pkg.close();
  }
}

/** The PDF LibreOffice prints of the list and the appendix, as text (layout kept) and as word boxes. */
async function printed(sample: string): Promise<{ text: string; heights: { word: string; height: number }[] }> {
  const copy = join(work, `${sample}.print.xlsx`);
  await listAndAppendixOnly(outputs.get(sample)!.xlsx, copy);
  const profile = mkdtempSync(join(tmpdir(), "lo-print-"));
  try {
    execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", work, copy], {
      stdio: "ignore",
      timeout: 180_000,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const pdf = copy.replace(/\.xlsx$/, ".pdf");
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"]).toString("utf8");
  const boxes = execFileSync("pdftotext", ["-bbox-layout", pdf, "-"]).toString("utf8");
  const heights = [...boxes.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    word: m[3],
    height: Number(m[2]) - Number(m[1]),
  }));
  writeFileSync(pdf.replace(/\.pdf$/, ".txt"), text);
  return { text, heights };
}

const yuan = (amount: string | number) => Number(amount).toLocaleString("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

describe.each(SAMPLES)("%s printed through LibreOffice", (sample) => {
  whenReader(hasLibreOffice() && hasPdftotext(), `${LIBREOFFICE} and pdftotext (poppler-utils)`)(
    "the review list and the appendix, every word at 9 pt or more",
    async () => {
      const { text, heights } = await printed(sample);
      const { json } = outputs.get(sample)!;
      const title = text.indexOf("奖补资金申报筛查审核表");
      const seal = text.indexOf("（盖章）");
      const annex = text.indexOf("附件：计算明细");
      expect(title).toBeGreaterThanOrEqual(0);
      expect(seal).toBeGreaterThan(title);
      expect(annex).toBeGreaterThan(seal);
      const list = text.slice(title, seal + "（盖章）".length);
      // The head: who reports, when, under which policy, and the assumption in force.
      if (sample === "申报汇总表.xlsx") expect(list).toContain("填报单位：哈尔滨市商务局");
      else expect(list).toMatch(/填报单位：＿+/);
      expect(list).toContain(`筛查日期：${DATE}`);
      expect(list).toContain("政策版本：");
      expect(list).toContain("筛查选项：");
      expect(list).toMatch(/施行日期：假定自\d{4}-\d{2}-\d{2}起施行/);
      // The reviewer's twelve columns, in order, on one line.
      const headerLine = list.split("\n").find((line) => line.includes("序号"))!;
      const headers = REVIEW_COLUMNS.map((c) => headerLine.indexOf(c.header.zh));
      expect(headers.every((at) => at >= 0)).toBe(true);
      expect([...headers].sort((a, b) => a - b)).toEqual(headers);
      // Every application's 核定金额 as printed, then the two 合计 and the signature words after the last one.
      const lastAmount = Math.max(...json.rows.map((row) => list.lastIndexOf(yuan(row.final))));
      for (const row of json.rows) expect(list).toContain(yuan(row.final));
      const toPay = yuan(json.totals.byStatus.eligible?.final ?? 0);
      const pending = yuan(json.totals.byStatus.manual?.final ?? 0);
      expect(list).toMatch(new RegExp(`合计：拟支持\\s+${toPay.replace(/\./g, "\\.")}`));
      expect(list).toMatch(new RegExp(`合计：待人工核定\\s+${pending.replace(/\./g, "\\.")}`));
      const signature = list.indexOf("经办人：");
      expect(signature).toBeGreaterThan(list.indexOf("合计：待人工核定"));
      expect(signature).toBeGreaterThan(lastAmount);
      expect(list.slice(signature).replace(/\s+/g, "")).toBe("经办人：审核人：负责人：日期：（盖章）");
      expect(list).not.toContain("###");
      // The appendix: its head, its header and a line for every application.
      const appendix = text.slice(annex);
      expect(appendix).toContain("政策版本：《");
      expect(appendix).toContain("计算明细");
      // Each application ends on its 结论 line.
      expect(appendix.match(/结论：/g)?.length ?? 0).toBe(json.rows.length);
      // Nothing printed below 9 pt: a word's box is about its font size tall (0.9 of it at the least).
      expect(heights.length).toBeGreaterThan(100);
      const small = heights.filter((w) => w.height < 9 * 0.9);
      expect(small).toEqual([]);
    },
    240_000,
  );
});

whenReader(hasOpenpyxl(), OPENPYXL)(
  "openpyxl reads the print setup of the list and the appendix",
  async () => {
    const path = outputs.get("申报汇总表.xlsx")!.xlsx;
    await checkOutput(path);
    const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames}
for name in [${JSON.stringify(RESULTS_SHEET)}, ${JSON.stringify(APPENDIX_SHEET)}]:
    ws = wb[name]
    out[name] = {"area": ws.print_area, "titles": ws.print_title_rows, "paper": ws.page_setup.paperSize,
                  "orientation": ws.page_setup.orientation, "merged": [str(r) for r in ws.merged_cells.ranges],
                  "a1": ws["A1"].value, "size": ws["A1"].font.sz, "bold": ws["A1"].font.b, "freeze": ws.freeze_panes,
                  "filter": ws.auto_filter.ref,
                  "cell": ws.cell(row=ws.max_row, column=1).value}
print(json.dumps(out, ensure_ascii=False))
`;
    const read = JSON.parse(execFileSync(PYTHON, ["-c", script, path]).toString("utf8"));
    expect(read.sheets.slice(-3)).toEqual([RESULTS_SHEET, "HLJ汇总", APPENDIX_SHEET]);
    const list = read[RESULTS_SHEET];
    const rows = outputs.get("申报汇总表.xlsx")!.json.rows.length;
    const header = 7;
    expect(String(list.area)).toContain(`$A$1:$L$${header + rows + 4}`);
    expect(list.titles).toBe(`$${header}:$${header}`);
    expect(list.paper).toBe(9);
    expect(list.orientation).toBe("landscape");
    expect(list.merged).toContain("A1:L1");
    expect(list.a1).toMatch(/奖补资金申报筛查审核表$/);
    expect(list.size).toBe(14);
    expect(list.bold).toBe(true);
    expect(list.freeze).toBe(`A${header + 1}`);
    expect(list.filter).toBe(`A${header}:R${header + rows}`);
    expect(list.cell).toBe("经办人：");
    const annex = read[APPENDIX_SHEET];
    expect(String(annex.area)).toContain(`$A$1:$E$${5 + rows}`);
    expect(annex.titles).toBe("$5:$5");
    expect(annex.paper).toBe(9);
    expect(annex.orientation).toBe("landscape");
    expect(annex.merged).toContain("A1:E1");
    expect(annex.a1).toBe("附件：计算明细");
  },
  120_000,
);
