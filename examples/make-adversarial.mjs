// Writes examples/adversarial.xlsx: a workbook of bad and awkward input, one kind per row, each labelled with
// the status the screening must give it ("情形 Case" and "预期 Expected" columns are ignored by the mapping).
// The tests screen it and check every row. Run: node examples/make-adversarial.mjs [OUTPUT.xlsx]
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import ExcelJS from "exceljs";
import { POLICY, serial, uscc } from "./lib/applicants.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const output = process.argv[2] ?? join(HERE, "adversarial.xlsx");
const year = POLICY.validity.firstAwardYear.value;
const m = (id) => POLICY.measures.find((x) => x.id === id);
const A = uscc("230100", 900_001);
const B = uscc("230600", 900_002);
const C = uscc("231000", 900_003);
const loanFacts = { 贷款金额: 10_000_000, 贷款利率: 0.0345, 放款日期: serial(2025, 6, 1), 到期日期: serial(2027, 5, 31) };

// Header row on row 3, with an empty header cell, a duplicate header and a 万元 unit.
const HEADERS = [
  "情形 Case",
  "预期 Expected",
  "统一社会信用代码",
  "企业名称",
  null,
  "申报年度",
  "申报条款",
  "主体资格",
  "总投资额（万元）",
  "贷款金额",
  "贷款利率",
  "放款日期",
  "到期日期",
  "实付利息",
  "新增实物网络零售额",
  "进出口额",
  "首次达到",
  "补贴基数",
  "示范级别",
  "核定金额",
  "申报金额",
  "已获其他省级支持",
  "贷款金额",
];

/** [case, expected status, facts by header]; unnamed facts stay empty. */
const m1 = (extra = {}) => ({
  统一社会信用代码: A,
  企业名称: "甲公司",
  申报年度: year,
  申报条款: "M1",
  主体资格: "是",
  "总投资额（万元）": 2000,
  ...loanFacts,
  ...extra,
});
const m3 = (extra = {}) => ({
  统一社会信用代码: B,
  企业名称: "乙公司",
  申报年度: year,
  申报条款: "M3",
  主体资格: "是",
  新增实物网络零售额: 20_000_000,
  ...extra,
});
const CASES = [
  ["clean M1 row (RULES.md example)", "eligible", m1()],
  ["text in an amount cell", "error", m1({ 贷款金额: "abc", 统一社会信用代码: C })],
  ["#N/A in an amount cell", "error", m3({ 新增实物网络零售额: { error: "#N/A" } })],
  ["#DIV/0! in a rate cell", "error", m1({ 贷款利率: { error: "#DIV/0!" }, 统一社会信用代码: C })],
  ["negative principal", "error", m1({ 贷款金额: -1_000_000, 统一社会信用代码: C })],
  ["a 345% rate", "error", m1({ 贷款利率: "345%", 统一社会信用代码: C })],
  ["rate 3.45 in percent points", "error", m1({ 贷款利率: 3.45, 统一社会信用代码: C })],
  ["rate '3..45'", "error", m1({ 贷款利率: "3..45", 统一社会信用代码: C })],
  ["end date before start date", "error", m1({ 到期日期: serial(2025, 5, 31), 统一社会信用代码: C })],
  ["USCC with a wrong check character", "error", m3({ 统一社会信用代码: `${B.slice(0, 17)}${B[17] === "0" ? "1" : "0"}` })],
  ["17-character USCC", "error", m3({ 统一社会信用代码: B.slice(0, 17) })],
  ["USCC with I, O or Z", "error", m3({ 统一社会信用代码: `91230100I${B.slice(9)}` })],
  ["lower-case USCC (valid once normalised)", "eligible", m3({ 统一社会信用代码: C.toLowerCase(), 申报年度: year + 1 })],
  [
    "full-width USCC (valid once normalised)",
    "eligible",
    m3({ 统一社会信用代码: C.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)), 申报年度: year + 2 }),
  ],
  ["empty USCC", "error", m3({ 统一社会信用代码: null })],
  ["1e20 as increase (out of range: a unit mistake)", "error", m3({ 统一社会信用代码: uscc("230200", 900_010), 新增实物网络零售额: 1e20 })],
  ["date as text 2025-06-01", "eligible", m1({ 统一社会信用代码: uscc("230300", 900_011), 放款日期: "2025-06-01" })],
  ["date as text 2025/6/1", "eligible", m1({ 统一社会信用代码: uscc("230300", 900_012), 放款日期: "2025/6/1" })],
  ["date as text 2025年6月1日", "eligible", m1({ 统一社会信用代码: uscc("230300", 900_013), 放款日期: "2025年6月1日" })],
  ["date as text 20250601", "eligible", m1({ 统一社会信用代码: uscc("230300", 900_014), 放款日期: "20250601" })],
  ["date as a real date cell", "eligible", m1({ 统一社会信用代码: uscc("230300", 900_015), 放款日期: new Date(Date.UTC(2025, 5, 1)) })],
  ["date 'June 1st'", "error", m1({ 统一社会信用代码: C, 放款日期: "June 1st" })],
  ["the phantom 1900-02-29 (serial 60)", "error", m1({ 统一社会信用代码: C, 放款日期: 60 })],
  ["identical duplicate row (first)", "eligible", m3({ 统一社会信用代码: uscc("230400", 900_020), 企业名称: "重复公司" })],
  ["identical duplicate row (second)", "error", m3({ 统一社会信用代码: uscc("230400", 900_020), 企业名称: "重复公司" })],
  [
    'name =HYPERLINK("http://x","y")',
    "eligible",
    m3({ 统一社会信用代码: uscc("230500", 900_021), 企业名称: '=HYPERLINK("http://x","y")' }),
  ],
  ["name =1+1", "eligible", m3({ 统一社会信用代码: uscc("230500", 900_022), 企业名称: "=1+1" })],
  ["name '@SUM(A1)' and '+1'", "eligible", m3({ 统一社会信用代码: uscc("230500", 900_023), 企业名称: "@SUM(A1) +1 -1" })],
  ["unknown measure M99", "error", m3({ 统一社会信用代码: uscc("230500", 900_024), 申报条款: "M99" })],
  ["bare clause 4 (which part?)", "error", m3({ 统一社会信用代码: uscc("230500", 900_025), 申报条款: 4 })],
  ["measure as the number 3", "eligible", m3({ 统一社会信用代码: uscc("230500", 900_026), 申报条款: 3 })],
  ["#REF! in the measure cell", "error", m3({ 统一社会信用代码: uscc("230500", 900_027), 申报条款: { error: "#REF!" } })],
  ["award year 2024 (before the policy)", "ineligible", m3({ 统一社会信用代码: uscc("230600", 900_030), 申报年度: year - 1 })],
  ["award year as text '2026年'", "eligible", m3({ 统一社会信用代码: uscc("230600", 900_031), 申报年度: `${year + 1}年` })],
  ["award year '明年'", "error", m3({ 统一社会信用代码: uscc("230600", 900_032), 申报年度: "明年" })],
  ["yes/no 'maybe'", "error", m3({ 统一社会信用代码: uscc("230600", 900_033), 主体资格: "maybe" })],
  ["missing yes/no for M3", "error", m3({ 统一社会信用代码: uscc("230600", 900_034), 主体资格: null })],
  ["boolean TRUE in an amount cell", "error", m3({ 统一社会信用代码: uscc("230600", 900_035), 新增实物网络零售额: true })],
  ["¥ and commas in an amount", "eligible", m3({ 统一社会信用代码: uscc("230700", 900_040), 新增实物网络零售额: "¥12,345,678.90" })],
  [
    "full-width digits in an amount",
    "eligible",
    m3({ 统一社会信用代码: uscc("230700", 900_041), 新增实物网络零售额: "１２３４５６７８.９０" }),
  ],
  [
    "a formula cell with its cached result",
    "eligible",
    m3({ 统一社会信用代码: uscc("230700", 900_042), 新增实物网络零售额: { formula: "10000000*2", result: 20_000_000 } }),
  ],
  [
    "rich text in the name",
    "eligible",
    m3({ 统一社会信用代码: uscc("230700", 900_043), 企业名称: { richText: [{ text: "富" }, { text: "文本", font: { bold: true } }] } }),
  ],
  ["a 10,000-character name", "eligible", m3({ 统一社会信用代码: uscc("230700", 900_044), 企业名称: "长".repeat(10_000) })],
  [
    "loan starting after the LPR table ends",
    "error",
    m1({ 统一社会信用代码: uscc("230800", 900_050), 申报年度: year + 1, 放款日期: serial(2026, 9, 1), 到期日期: serial(2028, 9, 1) }),
  ],
  [
    "level '市级' for 第6条",
    "error",
    { 统一社会信用代码: uscc("230800", 900_051), 企业名称: "园区", 申报年度: year, 申报条款: "第6条", 示范级别: "市级" },
  ],
  [
    "第6条 settled by level 国家级",
    "eligible",
    { 统一社会信用代码: uscc("230800", 900_052), 企业名称: "园区", 申报年度: year, 申报条款: "第6条", 示范级别: "国家级" },
  ],
  ["negative claimed amount", "error", m3({ 统一社会信用代码: uscc("230800", 900_053), 申报金额: -5 })],
  ["other support as text", "error", m3({ 统一社会信用代码: uscc("230800", 900_054), 已获其他省级支持: "不详" })],
  ["negative interest paid", "error", m1({ 统一社会信用代码: uscc("230900", 900_060), 实付利息: -1 })],
  [
    "第14条 without an approved amount",
    "manual",
    { 统一社会信用代码: uscc("230900", 900_061), 企业名称: "活动", 申报年度: year, 申报条款: "14" },
  ],
  [
    "a measure without provincial cash (第9条)",
    "not_cash",
    { 统一社会信用代码: uscc("230900", 900_062), 企业名称: "乡村", 申报年度: year, 申报条款: "第9条" },
  ],
  ["out-of-province code under 第3条 (a person checks it)", "manual", m3({ 统一社会信用代码: "91350100M000100Y43" })],
  ["out-of-province code under 第1条 (warning only)", "eligible", m1({ 统一社会信用代码: "91310110666007217T" })],
  ["principal '1e309' (out of range)", "error", m1({ 统一社会信用代码: uscc("231200", 900_080), 贷款金额: "1e309" })],
  [
    "increase =16778041.85-6778041.85 (a float a hair above 10,000,000)",
    "ineligible",
    m3({
      统一社会信用代码: uscc("231200", 900_081),
      新增实物网络零售额: { formula: "16778041.85-6778041.85", result: 16778041.85 - 6778041.85 },
    }),
  ],
  [
    "a 2019–2022 loan (no interest in the window)",
    "eligible",
    m1({ 统一社会信用代码: uscc("231200", 900_082), 放款日期: serial(2019, 9, 1), 到期日期: serial(2022, 9, 1) }),
  ],
  [
    "M4a below threshold by 0.01",
    "ineligible",
    {
      统一社会信用代码: uscc("231100", 900_070),
      企业名称: "跨境",
      申报年度: year,
      申报条款: "4a",
      进出口额: m("M4a").threshold.value - 0.01,
      首次达到: "是",
      补贴基数: 100_000,
    },
  ],
  ["whitespace-only measure cell", "error", m3({ 统一社会信用代码: uscc("231100", 900_071), 申报条款: "\u3000 " })],
  ["a totals row (合计): skipped and listed, not an application", "skipped", { 企业名称: "合计", 新增实物网络零售额: 999 }],
];

const workbook = new ExcelJS.Workbook();
workbook.created = workbook.modified = new Date(Date.UTC(2026, 0, 5));
const sheet = workbook.addWorksheet("申报");
sheet.getCell("A1").value = "对抗性测试工作簿 · adversarial input";
sheet.getRow(3).values = HEADERS;
let r = 4;
CASES.forEach(([kind, expected, facts], i) => {
  // Blank rows in the middle.
  if (i === 10 || i === 30) r++;
  if (i === 20) sheet.getRow(r++).values = ["", null, "   ", "\u3000"];
  const row = sheet.getRow(r++);
  row.getCell(1).value = kind;
  row.getCell(2).value = expected;
  for (const [header, value] of Object.entries(facts)) {
    const column = HEADERS.indexOf(header) + 1;
    row.getCell(column).value = value === null ? null : value;
  }
});
// A second sheet laid out as a bureau lays one out: a title, a 填报单位 line, a two-row header (a group cell
// over the loan columns) with a units row labelled 单位：, 序号, a blank row, a 合计 row merged over the first
// columns, footer lines, the header printed again on the next page, then a second table with its own header
// (its unit written （单位：万元）), a pre-numbered row left blank and a 小计： row.
const layout = workbook.addWorksheet("版式");
layout.mergeCells("A1:J1");
layout.getCell("A1").value = "版式测试：申报汇总表";
layout.getCell("A2").value = "填报单位：测试市商务局";
layout.getRow(4).values = ["序号", "统一社会信用代码", "企业名称", "申报年度", "申报条款", "总投资额", "贷款情况", null, null, null];
layout.getRow(5).values = [null, null, null, null, null, null, "贷款金额", "贷款利率", "放款日期", "到期日期"];
for (const column of "ABCDEF") layout.mergeCells(`${column}4:${column}5`);
layout.mergeCells("G4:J4");
layout.getRow(6).values = ["单位：", null, null, null, null, "万元", "万元", "%", "年-月-日", "年-月-日"];
const loanRow = (n, code) => [n, code, `版式企业${n}`, year, "M5", 200, 500, 3.85, serial(2025, 7, 1), serial(2027, 7, 1)];
layout.getRow(7).values = loanRow(1, uscc("230100", 900_101));
layout.getRow(9).values = loanRow(2, uscc("230200", 900_102));
layout.getRow(10).values = [
  "序号",
  "统一社会信用代码",
  "企业名称",
  "申报年度",
  "申报条款",
  "总投资额",
  "贷款金额",
  "贷款利率",
  "放款日期",
  "到期日期",
];
layout.getRow(11).values = loanRow(3, uscc("230300", 900_103));
layout.mergeCells("A12:C12");
layout.getCell("A12").value = "合计";
layout.getCell("F12").value = 600;
layout.getCell("G12").value = 1500;
layout.getCell("A14").value = "填表人：赵六";
layout.getCell("E14").value = "审核人：钱七";
layout.getCell("A17").value = "第3条（续表）";
layout.getRow(18).values = ["序号", "统一社会信用代码", "申报年度", "申报条款", "限额以上在统", "新增实物网络零售额（单位：万元）"];
layout.getRow(19).values = [1, uscc("230400", 900_104), year, "M3", "是", 1500];
layout.getRow(20).values = [2];
layout.getRow(21).values = ["小计：", null, null, null, null, 1500];

// The user's own formulas, which must survive in the output unchanged.
sheet.getCell("Z4").value = { formula: "SUM(J4:J10)", result: 0 };
sheet.getCell("Z5").value = "用户自己的备注";
// A user's sheet that happens to carry our summary sheet's name.
const usersOwn = workbook.addWorksheet("HLJ汇总");
usersOwn.getCell("A1").value = "这是用户自己的工作表，不能被覆盖";
await workbook.xlsx.writeFile(output);
console.log(`${output}: ${CASES.length} cases`);
