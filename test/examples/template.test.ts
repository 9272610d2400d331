/**
 * The applicant template (examples/申报模板.xlsx, made by examples/make-examples.mjs) prints on A4 landscape with no
 * note cut at the page edge, in Chinese only (SCREENING.md revision 3). Read with readers we did not write:
 * openpyxl for the page setup and the cells, LibreOffice + pdftotext for the printed page.
 */
import { execFileSync, spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { screenWorkbook } from "../../core/screening/screen";
import { LIBREOFFICE, OPENPYXL, PYTHON, hasLibreOffice, hasOpenpyxl, whenReader } from "../helpers/readers";
import { makeUscc } from "../helpers/uscc";

const TEMPLATE = join(__dirname, "../../examples/申报模板.xlsx");

interface SheetFacts {
  paperSize: number | null;
  orientation: string | null;
  fitToPage: boolean;
  fitToWidth: number | null;
  fitToHeight: number | null;
  printTitleRows: string | null;
  footer: string | null;
  cells: string[];
  /** Every data validation's error title and message. */
  messages: string[];
  /** The 注意 notes of 填写说明 (column B from the row that says 注意 on). */
  notes: string[];
}

const SCRIPT = `
import json, sys, warnings
warnings.simplefilter("ignore")
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    ps = ws.page_setup
    pr = ws.sheet_properties.pageSetUpPr
    cells = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    notes, started = [], False
    for row in ws.iter_rows(min_col=1, max_col=2, values_only=True):
        started = started or row[0] == "注意"
        if started and row[1]:
            notes.append(row[1])
    out[ws.title] = {
        "paperSize": int(ps.paperSize) if ps.paperSize is not None else None,
        "orientation": ps.orientation,
        "fitToPage": bool(pr and pr.fitToPage),
        "fitToWidth": int(ps.fitToWidth) if ps.fitToWidth is not None else None,
        "fitToHeight": int(ps.fitToHeight) if ps.fitToHeight is not None else None,
        "printTitleRows": ws.print_title_rows,
        "footer": ws.oddFooter.center.text,
        "cells": cells,
        "messages": [m for d in ws.data_validations.dataValidation for m in (d.errorTitle, d.error, d.promptTitle, d.prompt) if m],
        "notes": notes,
    }
json.dump(out, sys.stdout, ensure_ascii=False)
`;

function readTemplate(): Record<string, SheetFacts> {
  return JSON.parse(execFileSync(PYTHON, ["-c", SCRIPT, TEMPLATE], { encoding: "utf8", timeout: 120_000 }));
}

/**
 * Latin letters a Chinese template may hold: a unified social credit code (its example: 18 characters of digits and
 * capitals), and the page codes of a footer (&P, &N, &C). Numbers, dates, % and 3.45 are not letters.
 */
function english(text: string): string | null {
  const rest = text.replace(/\b[0-9A-HJ-NPQRTUWXY]{18}\b/g, " ").replace(/&[A-Z]/g, " ");
  return /[A-Za-z]+/.exec(rest)?.[0] ?? null;
}

/**
 * Whether every character of `text` is on the page, in order and close together: a cell that wraps onto two lines
 * is printed with its neighbours' text between its lines, but a text cut at the page edge loses characters.
 */
function printedWhole(printed: string, text: string): boolean {
  const chars = [...text.replace(/\s+/g, "")];
  for (let from = printed.indexOf(chars[0]); from >= 0; from = printed.indexOf(chars[0], from + 1)) {
    let at = from;
    const ok = chars.every((c) => {
      const next = printed.indexOf(c, at);
      if (next < 0 || next - from > chars.length * 3 + 40) return false;
      at = next + 1;
      return true;
    });
    if (ok) return true;
  }
  return false;
}

let hasPdftotext: boolean | undefined;
function pdftotextPresent(): boolean {
  hasPdftotext ??= spawnSync("pdftotext", ["-v"], { stdio: "ignore", timeout: 30_000 }).status === 0;
  return hasPdftotext;
}

describe("the applicant template, as openpyxl reads it", () => {
  const whenOpenpyxl = whenReader(hasOpenpyxl(), OPENPYXL);
  let sheets: Record<string, SheetFacts>;
  beforeAll(() => {
    if (hasOpenpyxl()) sheets = readTemplate();
  });

  whenOpenpyxl("every sheet prints on A4 landscape, one page wide, its header row on every page", () => {
    expect(Object.keys(sheets)).toEqual(["申报", "条款列表", "填写说明"]);
    for (const [name, sheet] of Object.entries(sheets)) {
      expect({
        name,
        paperSize: sheet.paperSize,
        orientation: sheet.orientation,
        fitToPage: sheet.fitToPage,
        fitToWidth: sheet.fitToWidth,
      }).toEqual({
        name,
        paperSize: 9,
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
      });
      expect(sheet.fitToHeight).toBe(0); // as many pages tall as it takes
      expect(sheet.printTitleRows).toBe("$1:$1");
      expect(sheet.footer).toMatch(/^第 &P 页，共 &N 页$/);
    }
  });

  whenOpenpyxl("Chinese only: no English in sheet names, cells or the messages a wrong entry shows", () => {
    const found: Record<string, string> = {};
    for (const [name, sheet] of Object.entries(sheets)) {
      if (english(name)) found[name] = name;
      for (const text of [...sheet.cells, ...sheet.messages, sheet.footer ?? ""]) {
        const word = english(text);
        if (word) found[`${name}: ${text}`] = word;
      }
    }
    expect(found).toEqual({});
    // The clauses as 第n条, never an internal id, and the glossary's words.
    expect(sheets["条款列表"].cells).toEqual(expect.arrayContaining(["第1条", "第4条(1)", "第8条(2)"]));
    expect(sheets["申报"].cells).toEqual(
      expect.arrayContaining(["统一社会信用代码", "新增实物网络零售额", "可补贴费用", "放款日期", "到期日期"]),
    );
    expect(sheets["填写说明"].notes.length).toBeGreaterThanOrEqual(4);
  });

  whenOpenpyxl("screening reads the template's header row as it is (可补贴费用 is the eligible costs, 第4条(1) the measure)", () => {
    const header = sheets["申报"].cells;
    const row: unknown[] = header.map(() => "");
    const set = (name: string, value: unknown) => (row[header.indexOf(name)] = value);
    set("统一社会信用代码", makeUscc(4321));
    set("申报年度", 2025);
    set("申报条款", "第4条(1)");
    set("进出口额", 6_000_000);
    set("首次达到", "是");
    set("可补贴费用", 100_000);
    const [result] = screenWorkbook({ sheets: [{ name: "申报", values: [header, row] }] }).rows;
    expect({ measure: result.measure, status: result.status, computed: result.computed }).toEqual({
      measure: "M4a",
      status: "eligible",
      computed: "50000.00",
    });
  });

  test("the checks catch what they are for", () => {
    expect(printedWhole("第1条（优质电商主体）、第3条（限额以上在统企是业）", "第1条（优质电商主体）、第3条（限额以上在统企业）")).toBe(
      true,
    );
    expect(printedWhole("第1条（优质电商主体）、第3条（限额以上", "第1条（优质电商主体）、第3条（限额以上在统企业）")).toBe(false);
    expect(english("第1条（M1）")).toBe("M");
    expect(english("Fill one row per application")).toBe("Fill");
    expect(english("91230100MA001ADLPB")).toBeNull();
    expect(english("利率填 3.45% 或 0.0345，如 2025-06-01")).toBeNull();
  });
});

describe("the applicant template, printed through LibreOffice", () => {
  const available = hasLibreOffice() && pdftotextPresent() && hasOpenpyxl();
  const whenPrinted = whenReader(available, `${LIBREOFFICE}, pdftotext (apt-get install poppler-utils) and ${OPENPYXL}`);

  whenPrinted(
    "every note and every explanation reaches the page whole (nothing cut at the right edge)",
    () => {
      const sheets = readTemplate();
      const work = mkdtempSync(join(tmpdir(), "hlj-template-"));
      try {
        const run = spawnSync(
          "soffice",
          [`-env:UserInstallation=file://${join(work, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", work, TEMPLATE],
          { encoding: "utf8", timeout: 300_000 },
        );
        expect(run.stderr).not.toMatch(/could not be loaded/i);
        // Every page A4 landscape (842 × 595 pt), as printed.
        const info = execFileSync("pdfinfo", ["-f", "1", "-l", "99", join(work, "申报模板.pdf")], { encoding: "utf8", timeout: 60_000 });
        const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [
          Math.round(Number(m[1])),
          Math.round(Number(m[2])),
        ]);
        expect(sizes.length).toBeGreaterThan(0);
        expect(sizes.filter(([w, h]) => w !== 842 || h !== 595)).toEqual([]);
        execFileSync("pdftotext", [join(work, "申报模板.pdf"), join(work, "template.txt")], { timeout: 60_000 });
        const printed = readFileSync(join(work, "template.txt"), "utf8").replace(/\s+/g, "");
        const guide = sheets["填写说明"];
        // The notes, one merged cell each as wide as the page allows: whole and in one piece.
        expect(guide.notes.filter((text) => !printed.includes(text.replace(/\s+/g, "")))).toEqual([]);
        expect(printed).toContain("同一法人主体符合多条措施时，按“从优、就高、不重复”原则只支持一项。");
        // Every other explanation of 填写说明 and every clause title of 条款列表: all its characters on the page.
        const longTexts = [...guide.cells, ...sheets["条款列表"].cells].filter((text) => /[\u4e00-\u9fff]/.test(text) && text.length >= 8);
        expect(longTexts.filter((text) => !printedWhole(printed, text))).toEqual([]);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
    600_000,
  );
});
