// Writes the sample workbooks a person can open: examples/applicants.xlsx (a realistic, seeded applications
// workbook) and examples/申报模板.xlsx (an empty template officers can send to applicants).
// Run: npm run examples   (needs `npm run build:node` first; npm ci does it)
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import ExcelJS from "exceljs";
import { HEADERS, POLICY, applicantRow, entityPool, makeRng, serial, uscc } from "./lib/applicants.mjs";

const require = createRequire(import.meta.url);
const core = require("../dist-node/core/index.js");
const HERE = dirname(fileURLToPath(import.meta.url));
const SEED = 20251023;
const firstYear = POLICY.validity.firstAwardYear.value;
const lastYear = POLICY.validity.lastAwardYear.value;
const CASH = ["M1", "M2", "M3", "M4a", "M4b", "M5", "M6a", "M6b", "M7", "M8a", "M8b", "M14", "M19"];

// Workbook metadata is fixed so that the same seed gives the same file.
const FIXED_DATE = new Date(Date.UTC(2026, 0, 5));
function newWorkbook() {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "hlj-screen examples";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  return workbook;
}

const HEADER_FONT = { bold: true, color: { argb: "FFFFFFFF" } };
const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E79" } };
function styleHeader(row) {
  row.eachCell((cell) => {
    cell.font = HEADER_FONT;
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: "middle", wrapText: true };
  });
}

const FULL_WIDTH = (text) => text.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const isoOf = (s) => new Date((s - 25569) * 86_400_000).toISOString().slice(0, 10);

/** The ways people really fill in cells — all still valid input. */
function messy(rng, header, value) {
  if (value === null || value === undefined) return value;
  if ((header === "放款日期" || header === "到期日期") && typeof value === "number") {
    const iso = isoOf(value);
    const [y, m, d] = iso.split("-").map(Number);
    return rng.pick([new Date(Date.UTC(y, m - 1, d)), iso, `${y}/${m}/${d}`, `${y}年${m}月${d}日`, iso.replace(/-/g, "")]);
  }
  if (header === "统一社会信用代码" && rng.chance(0.15)) return rng.chance(0.5) ? ` ${value.toLowerCase()}` : FULL_WIDTH(value);
  if (header === "申报条款") {
    const variants = {
      M1: ["M1", "1", "第1条"],
      M4a: ["4a", "M4a", "4(1)", "第4条(1)"],
      M4b: ["4b", "4（2）", "M4b"],
      M6a: ["M6a", "6a", "第6条(1)"],
      M6b: ["6b", "第6条（2）"],
      M8a: ["8a", "第8条(1)"],
      M8b: ["8b", "M8b", "第8条（2）"],
    };
    if (variants[value]) return rng.pick(variants[value]);
    return /^M\d+$/.test(value) ? rng.pick([value, `第${value.slice(1)}条`, value.slice(1)]) : value;
  }
  if ((header === "主体资格" || header === "首次达到") && typeof value === "string") {
    return value === "是" ? rng.pick(["是", "Y", "√", true]) : rng.pick(["否", "N", "×", false]);
  }
  if (
    typeof value === "number" &&
    ["贷款金额", "补贴基数", "进出口额", "新增实物网络零售额", "实付利息", "申报金额"].includes(header) &&
    rng.chance(0.2)
  ) {
    const grouped = value.toLocaleString("en");
    return rng.pick([grouped, `¥${grouped}`, FULL_WIDTH(String(value))]);
  }
  return value;
}

const COLUMNS = ["序号", ...HEADERS.map((h) => (h === "总投资额" ? "总投资额（万元）" : h)), "备注"];

async function applicantsWorkbook() {
  const rng = makeRng(SEED);
  const entities = entityPool(rng, 22);
  const rows = [];
  const add = (entity, id, year, note = "", tweak) => {
    const cells = applicantRow(rng, entity, id, year);
    tweak?.(cells);
    rows.push({ cells, note });
  };
  // Every cash measure at least three times, spread over entities and years.
  for (const id of CASH) for (let i = 0; i < 3; i++) add(rng.pick(entities), id, rng.int(firstYear, lastYear));
  // Entities that apply under several measures and years (the no-duplication cases).
  for (const entity of entities.slice(0, 6)) {
    const year = rng.int(firstYear, lastYear);
    for (const id of [rng.pick(["M1", "M2", "M8a"]), "M3", rng.pick(["M4a", "M4b", "M6b"])]) add(entity, id, year, "同一主体同年多项");
    add(entity, "M3", year === lastYear ? firstYear : year + 1, "另一年度");
  }
  // Two loans of one entity under one measure share its cap.
  const borrower = entities[7];
  add(
    borrower,
    "M5",
    firstYear,
    "多笔贷款共享上限",
    (c) => ((c[HEADERS.indexOf("总投资额")] = 8_000_000), (c[HEADERS.indexOf("项目名称")] = "园区一期")),
  );
  add(
    borrower,
    "M5",
    firstYear + 1,
    "多笔贷款共享上限",
    (c) => ((c[HEADERS.indexOf("总投资额")] = 9_000_000), (c[HEADERS.indexOf("项目名称")] = "园区二期")),
  );
  // Measures that pay no provincial cash.
  add(rng.pick(entities), "M9", firstYear, "无省级资金条款");
  add(rng.pick(entities), "第13条", firstYear + 1, "无省级资金条款");
  add(rng.pick(entities), "M18", lastYear, "无省级资金条款");
  // A code registered outside Heilongjiang (a warning, not an error).
  add({ id: "91350100M000100Y43", name: "闽货通跨境电商有限公司", city: null }, "M4b", firstYear, "省外登记");
  // Invalid rows, each with one problem an officer must fix.
  const bad = entities[8];
  add(bad, "M1", firstYear, "校验位错误", (c) => (c[0] = `${c[0].slice(0, 17)}${c[0][17] === "0" ? "1" : "0"}`));
  add(bad, "M2", firstYear, "金额写成文字", (c) => (c[HEADERS.indexOf("贷款金额")] = "三百万元"));
  add(bad, "M8a", firstYear, "到期早于放款", (c) => (c[HEADERS.indexOf("到期日期")] = c[HEADERS.indexOf("放款日期")] - 30));
  add(bad, "M8b", firstYear + 1, "利率写成百分点", (c) => (c[HEADERS.indexOf("贷款利率")] = 3.45));
  add(entities[9], "M3", null, "缺少年度");
  add(entities[10], "M3", firstYear, "缺少主体资格", (c) => (c[HEADERS.indexOf("主体资格")] = null));

  // Shuffle deterministically, so related rows are not always neighbours.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }

  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet("申报", { views: [{ state: "frozen", ySplit: 3 }] });
  sheet.getCell("A1").value = "黑龙江省促进电子商务高质量发展政策措施 · 申报汇总表（示例数据）";
  sheet.getCell("A1").font = { bold: true, size: 14 };
  sheet.getCell("A2").value = "企业名称与信用代码均为随机生成的示例；金额单位：元（总投资额为万元）；利率为年利率。";
  sheet.getRow(3).values = COLUMNS;
  styleHeader(sheet.getRow(3));
  rows.forEach(({ cells, note }, i) => {
    const values = HEADERS.map((header, c) => {
      const value = header === "总投资额" && typeof cells[c] === "number" ? cells[c] / 10_000 : cells[c];
      return messy(rng, header, value);
    });
    const row = sheet.getRow(4 + i);
    row.values = [i + 1, ...values, note || null];
    const rateCell = row.getCell(COLUMNS.indexOf("贷款利率") + 1);
    if (typeof rateCell.value === "number" && rateCell.value < 1) rateCell.numFmt = "0.00%";
    for (const header of ["放款日期", "到期日期"]) {
      const cell = row.getCell(COLUMNS.indexOf(header) + 1);
      if (typeof cell.value === "number") cell.numFmt = "yyyy-mm-dd";
    }
  });
  sheet.columns.forEach((column, i) => (column.width = i === 0 ? 6 : Math.max(10, Math.min(24, COLUMNS[i].length * 2 + 2))));

  // A second table whose measure comes from the sheet's name, with this year's and last year's sales.
  const retail = workbook.addWorksheet("第3条 网络零售");
  retail.getRow(1).values = [
    "统一社会信用代码",
    "企业名称",
    "申报年度",
    "限额以上在统",
    "本年度实物网络零售额（万元）",
    "上年度实物网络零售额（万元）",
  ];
  styleHeader(retail.getRow(1));
  const threshold = POLICY.measures.find((m) => m.id === "M3").threshold.value / 10_000;
  for (let i = 0; i < 8; i++) {
    const entity = entities[11 + i];
    const last = rng.int(500, 20_000);
    const increase = i === 0 ? threshold : i === 1 ? threshold + 0.0001 : rng.int(-200, threshold * 8);
    retail.getRow(2 + i).values = [
      entity.id,
      entity.name,
      rng.int(firstYear, lastYear),
      rng.chance(0.85) ? "是" : "否",
      last + increase,
      last,
    ];
  }
  retail.columns.forEach((column) => (column.width = 22));

  // Awards already paid: a one-time award, and interest subsidies that used part of a cap.
  const history = workbook.addWorksheet("历史兑现");
  history.getRow(1).values = ["统一社会信用代码", "条款", "年度", "兑现金额"];
  styleHeader(history.getRow(1));
  const paid = [
    [entities[0].id, "M6b", firstYear - 1, POLICY.measures.find((m) => m.id === "M6b").amount.value],
    [entities[1].id, "M1", firstYear - 1, 1_650_000],
    [entities[7].id, "M5", firstYear - 1, 420_000],
    [entities[2].id, "M3", firstYear, 250_000],
  ];
  paid.forEach((cells, i) => (history.getRow(2 + i).values = cells));
  history.columns.forEach((column) => (column.width = 22));
  return workbook;
}

// The template prints (SCREENING.md revision 3, "the applicant template"): A4 landscape, one page wide, the header
// row repeated on every page, page numbers below; every long text wraps in a cell wide enough for the page and
// its row is tall enough to show all of it. Chinese only: no English in headers, notes, sheet names or messages.
const PRINT = {
  paperSize: 9, // A4
  orientation: "landscape",
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
};
function printable(sheet, titleRows) {
  sheet.pageSetup = { ...PRINT, printTitlesRow: titleRows };
  sheet.headerFooter = { oddFooter: "&C第 &P 页，共 &N 页" };
}

/** A text's width in Excel's character units: a Chinese (full-width) character takes two. */
const widthOf = (text) => [...String(text ?? "")].reduce((w, c) => w + (c.codePointAt(0) > 0x2e7f ? 2 : 1), 0);
const LINE_POINTS = 16; // one line of 11 pt Chinese text, with room for LibreOffice's and WPS's taller CJK fonts

/** Wraps each cell of the row and makes the row tall enough for the longest text at its cell's width (a margin of 10%). */
function fitRow(row, widthOfColumn) {
  let lines = 1;
  row.eachCell((cell, column) => {
    if (cell.master !== cell) return; // a merged cell's text is its first cell's, measured there
    cell.alignment = { ...cell.alignment, vertical: "top", wrapText: true };
    lines = Math.max(lines, Math.ceil((widthOf(cell.value) * 1.1) / (widthOfColumn(column) - 1)));
  });
  row.height = lines * LINE_POINTS + 3;
}

/** What the 填写说明 sheet says about a column: by field, else by the kind of value it holds. */
const HOW_TO_FILL = {
  entityId: "18位统一社会信用代码（含校验位）",
  entityName: "营业执照上的企业名称",
  city: "所属市(地)，如 哈尔滨；不填则按统一社会信用代码判断",
  measure: "从“条款列表”选择申报条款",
  projectId: "同一企业有多个项目时填写，用于区分项目",
  amount: "金额，单位：元；表头写“（万元）”则按万元",
  signedAmount: "金额，单位：元，可为负数（下降）",
  rate: "年利率，填 3.45% 或 0.0345",
  date: "日期，如 2025-06-01",
  year: "四位年份",
  boolean: "填 是 或 否",
  level: "填 国家级 或 省级",
};

/** The header a template column carries: the field's Chinese name (the glossary's term). */
const templateHeader = (f) => f.zh;

async function templateWorkbook() {
  const workbook = newWorkbook();
  const policy = core.getParameterSet();
  const sheet = workbook.addWorksheet("申报", { views: [{ state: "frozen", ySplit: 1 }] });
  const fields = core.FIELDS.filter((f) => !["retailThisYear", "retailLastYear"].includes(f.key));
  sheet.getRow(1).values = fields.map(templateHeader);
  styleHeader(sheet.getRow(1));
  // Narrow columns whose headers wrap (four Chinese characters a line): 23 columns on one page wide stay readable.
  const WIDE = { entityId: 21, entityName: 20, projectId: 14, startDate: 11, endDate: 11 };
  sheet.columns.forEach((column, i) => (column.width = WIDE[fields[i].key] ?? 10));
  fitRow(sheet.getRow(1), (c) => sheet.getColumn(c).width);
  printable(sheet, "1:1");
  const columnOf = (key) => core.columnLetters(fields.findIndex((f) => f.key === key) + 1);
  const rows = "2:1000".split(":").map(Number);
  const range = (key) => `${columnOf(key)}${rows[0]}:${columnOf(key)}${rows[1]}`;

  // The clauses by their citation (第1条, 第4条(1) …), which screening reads as it reads M1 or 4(1).
  const list = workbook.addWorksheet("条款列表", { views: [{ state: "frozen", ySplit: 1 }] });
  list.getRow(1).values = ["申报条款", "措施", "省级资金"];
  styleHeader(list.getRow(1));
  list.columns = [{ width: 12 }, { width: 70 }, { width: 10 }];
  policy.measures.forEach((m, i) => {
    list.getRow(2 + i).values = [core.clauseCitation(m.id), m.title.zh, m.cash ? "有" : "无"];
    fitRow(list.getRow(2 + i), (c) => list.getColumn(c).width);
  });
  printable(list, "1:1");

  const validations = sheet.dataValidations;
  validations.add(range("measure"), {
    type: "list",
    allowBlank: false,
    formulae: [`'条款列表'!$A$2:$A$${policy.measures.length + 1}`],
    showErrorMessage: true,
    errorTitle: "申报条款",
    error: "请从列表选择申报条款（见“条款列表”）",
  });
  for (const key of ["qualified", "firstTime"]) {
    validations.add(range(key), {
      type: "list",
      allowBlank: true,
      formulae: ['"是,否"'],
      showErrorMessage: true,
      error: "请选择 是 或 否",
    });
  }
  validations.add(range("level"), {
    type: "list",
    allowBlank: true,
    formulae: ['"国家级,省级"'],
    showErrorMessage: true,
    error: "请选择 国家级 或 省级",
  });
  validations.add(range("year"), {
    type: "whole",
    operator: "between",
    allowBlank: false,
    formulae: [policy.validity.firstAwardYear.value, policy.validity.lastAwardYear.value],
    showErrorMessage: true,
    error: `申报年度应在 ${policy.validity.firstAwardYear.value}–${policy.validity.lastAwardYear.value} 之间`,
  });
  for (const key of ["startDate", "endDate"]) {
    validations.add(range(key), {
      type: "date",
      operator: "greaterThan",
      allowBlank: true,
      formulae: [new Date(Date.UTC(2015, 0, 1))],
      showErrorMessage: true,
      error: "请填写日期，如 2025-06-01",
    });
    for (let r = rows[0]; r <= 50; r++) sheet.getCell(`${columnOf(key)}${r}`).numFmt = "yyyy-mm-dd";
  }
  for (const field of fields.filter((f) => f.kind === "amount")) {
    validations.add(range(field.key), {
      type: "decimal",
      operator: "greaterThanOrEqual",
      allowBlank: true,
      formulae: [0],
      showErrorMessage: true,
      error: "请填写不小于 0 的金额（元）",
    });
  }
  for (let r = rows[0]; r <= 50; r++) sheet.getCell(`${columnOf("loanRate")}${r}`).numFmt = "0.00%";

  const guide = workbook.addWorksheet("填写说明", { views: [{ state: "frozen", ySplit: 1 }] });
  guide.getRow(1).values = ["列", "说明", "哪些条款需要", "示例"];
  styleHeader(guide.getRow(1));
  guide.columns = [{ width: 21 }, { width: 50 }, { width: 36 }, { width: 24 }];
  const needs = {
    entityId: "全部",
    year: "全部",
    measure: "全部",
    qualified: "第1条（优质电商主体）、第3条（限额以上在统企业）",
    totalInvestment: "第1、2、5条，第8条(1)",
    principal: "第1、2、5、8条",
    loanRate: "第1、2、5、8条",
    startDate: "第1、2、5、8条",
    endDate: "第1、2、5、8条",
    interestPaid: "第1、2、5、8条（可选：贴息不超过实付利息）",
    onlineRetailIncrease: "第3条",
    importExport: "第4条",
    firstTime: "第4条",
    eligibleCosts: "第4条",
    level: "第6条",
    drivenOnlineSales: "第7条",
    investmentLast3Years: "第7条",
    approvedAmount: "第14条（主管部门核定）",
  };
  const examples = {
    // A code that passes the check this project applies (its 18th character is the check character).
    entityId: uscc("230100", 1_234_567),
    year: policy.validity.firstAwardYear.value,
    measure: "第1条 或 第4条(1)",
    loanRate: "3.45%",
    startDate: "2025-06-01",
    qualified: "是",
    level: "国家级",
  };
  const guideWidth = (c) => guide.getColumn(c).width;
  fields.forEach((f, i) => {
    const row = guide.getRow(2 + i);
    row.values = [templateHeader(f), HOW_TO_FILL[f.key] ?? HOW_TO_FILL[f.kind] ?? "文字", needs[f.key] ?? "可选", examples[f.key] ?? ""];
    fitRow(row, guideWidth);
  });
  const notes = [
    "一行一笔申报；同一企业的多个项目、多笔贷款分行填写。",
    "金额单位为元；若表头写明“（万元）”，该列按万元读取。利率填 3.45% 或 0.0345，不要填 3.45。",
    "同一法人主体符合多条措施时，按“从优、就高、不重复”原则只支持一项。",
    "已获其他省级政策支持的，请在“已获其他省级支持”列填写金额。",
  ];
  // Each note in one cell across 说明 … 示例 (merged), wrapped, its row as tall as the note needs.
  const noteWidth = guideWidth(2) + guideWidth(3) + guideWidth(4);
  notes.forEach((text, i) => {
    const r = fields.length + 3 + i;
    const row = guide.getRow(r);
    row.values = [i === 0 ? "注意" : "", text];
    guide.mergeCells(`B${r}:D${r}`);
    fitRow(row, (c) => (c === 2 ? noteWidth : guideWidth(c)));
  });
  printable(guide, "1:1");
  return workbook;
}

const applicants = await applicantsWorkbook();
await applicants.xlsx.writeFile(join(HERE, "applicants.xlsx"));
console.log("examples/applicants.xlsx");
const template = await templateWorkbook();
await template.xlsx.writeFile(join(HERE, "申报模板.xlsx"));
console.log("examples/申报模板.xlsx");
export { uscc, serial };
