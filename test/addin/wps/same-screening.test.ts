/**
 * The same screening in both hosts: each sample workbook (examples/applicants.xlsx, examples/申报汇总表.xlsx), its
 * cells as Office and ET hand them over (read with the command line's package reader), screened by the pane's
 * session (prepare, runScreening) on the Office fake and on the WPS fake, gives the same rows, statuses and
 * amounts — as the command line does — and the same review list, appendix and summary, cell for cell.
 */
import path from "path";
import { FakeExcelEnums, FakeWorkbook } from "../../fakes/fake-office";
import { FakeEtApplication, asEtApplication } from "../../fakes/fake-et";
import { ExcelRun, excelWorkbookGateway } from "../../../addin/taskpane/excel/workbook-gateway";
import { wpsWorkbookGateway } from "../../../addin/wps/wps-gateway";
import { prepare, runScreening } from "../../../addin/taskpane/screening-session";
import type { WorkbookGateway } from "../../../addin/taskpane/excel/gateway-types";
import { screenWorkbook } from "../../../core";
import { officeValues } from "../../helpers/office-values";
import { openPackage } from "../../../cli/xlsx/package-reader";
import { readInput } from "../../../cli/read-input";

(globalThis as unknown as { Excel: unknown }).Excel = FakeExcelEnums;

const DATE = "2026-12-06";
const SAMPLES = ["applicants.xlsx", "申报汇总表.xlsx"];
const OURS = ["HLJ筛查结果", "HLJ计算明细", "HLJ汇总"];

type Sheets = Awaited<ReturnType<typeof officeValues>>;

function officeBook(sheets: Sheets) {
  const book = new FakeWorkbook();
  for (const sheet of sheets) {
    const fake = book.loadSheet(sheet.name, sheet.values);
    sheet.numberFormats.forEach((row, r) => row.forEach((format, c) => format && fake.numberFormats.set(`${r},${c}`, format)));
  }
  const values = (name: string) => {
    const s = book.sheet(name)!;
    return s.values.map((row) => Array.from({ length: s.columnCount }, (_, c) => row[c] ?? ""));
  };
  return { gateway: excelWorkbookGateway(book.run as unknown as ExcelRun), values, names: () => book.sheets.map((s) => s.name) };
}

function wpsBook(sheets: Sheets) {
  const app = new FakeEtApplication();
  for (const sheet of sheets) {
    const fake = app.workbook.loadSheet(sheet.name, sheet.values);
    sheet.numberFormats.forEach((row, r) => row.forEach((format, c) => format && fake.numberFormats.set(`${r + 1},${c + 1}`, format)));
  }
  return {
    gateway: wpsWorkbookGateway(asEtApplication(app), app.events),
    values: (name: string) => app.workbook.sheet(name)!.officeValues(),
    names: () => app.workbook.sheets.map((s) => s.Name),
  };
}

const screen = async (gateway: WorkbookGateway) => runScreening(gateway, await prepare(gateway), {}, {}, { date: DATE });
const shape = (rows: { source: string; status: string; computed: string | null; final: string | null; reasons: { code: string }[] }[]) =>
  rows.map((r) => [r.source, r.status, r.computed, r.final, r.reasons.map((x) => x.code).join(",")]);

describe.each(SAMPLES)("examples/%s", (sample) => {
  test("the Office fake and the WPS fake give the same rows, statuses and amounts, and the same sheets cell for cell", async () => {
    const file = path.join(__dirname, "../../../examples", sample);
    const sheets = await officeValues(file);
    const pkg = await openPackage(file, 1024 ** 3);
    const cli = screenWorkbook((await readInput(pkg)).workbook);
    pkg.close();

    const office = officeBook(sheets);
    const wps = wpsBook(sheets);
    const inOffice = await screen(office.gateway);
    const inWps = await screen(wps.gateway);

    expect(inOffice.result.rows.length).toBeGreaterThan(0);
    expect(shape(inWps.result.rows)).toEqual(shape(inOffice.result.rows));
    expect(shape(inOffice.result.rows)).toEqual(shape(cli.rows));
    expect(inWps.result.totals).toEqual(inOffice.result.totals);
    expect(inWps.sheets).toEqual(inOffice.sheets);
    expect(wps.names()).toEqual(office.names());
    for (const name of OURS) expect(wps.values(name)).toEqual(office.values(name));
    for (const sheet of sheets) expect(wps.values(sheet.name)).toEqual(office.values(sheet.name));
    const statuses = new Set(inWps.result.rows.map((r) => r.status));
    console.log(`${sample}: ${inWps.result.rows.length} rows, statuses ${[...statuses].join(" ")}`);
  });
});
