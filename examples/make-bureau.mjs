// Writes examples/申报汇总表.xlsx: a 申报汇总表 laid out the way a commerce bureau lays one out — a title merged
// across, a 填报单位 line, a group header 贷款情况 over the loan columns with the field names and a units row
// (万元, %) beneath, a 序号 column, blank rows, a 合计 row merged over the first columns (one of its sums planted
// wrong), 填表人/审核人 lines; below it a second table with its header repeated on the next printed page and a
// 小计; and a second sheet whose header is on row 50. Seeded and fixed: the same script gives the same file.
// Run: npm run examples
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import ExcelJS from "exceljs";
import { POLICY, makeRng, serial, uscc } from "./lib/applicants.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const output = process.argv[2] ?? join(HERE, "申报汇总表.xlsx");
const rng = makeRng(20251220);
const year = POLICY.validity.firstAwardYear.value;
const FIXED_DATE = new Date(Date.UTC(2026, 0, 5));

const workbook = new ExcelJS.Workbook();
workbook.creator = "hlj-screen examples";
workbook.created = workbook.modified = FIXED_DATE;

const thin = { style: "thin", color: { argb: "FF808080" } };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const bold = { bold: true };
const centre = { vertical: "middle", horizontal: "center", wrapText: true };

const names = [
  "冰城云仓科技",
  "龙江好物电子商务",
  "北大荒优选",
  "松花江跨境物流",
  "鹤城数字园区",
  "雪乡直播基地",
  "黑土优品供应链",
  "五常稻花香电商",
];
const cities = ["230100", "230200", "230600", "231000", "230800", "230100", "230400", "230100"];

// --- Sheet 1: the bureau's summary table ----------------------------------------------------------------
const sheet = workbook.addWorksheet("申报汇总表", {
  pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
});
sheet.columns = [6, 22, 21, 10, 8, 9, 9, 12, 12, 9, 12, 12, 14, 14, 16].map((width) => ({ width }));
sheet.mergeCells("A1:O1");
sheet.getCell("A1").value = `${year}年度黑龙江省促进电子商务高质量发展政策资金申报汇总表`;
sheet.getCell("A1").font = { bold: true, size: 16 };
sheet.getCell("A1").alignment = centre;
sheet.getCell("A2").value = "填报单位：哈尔滨市商务局（盖章）";
sheet.getCell("L2").value = `填报日期：${year}年12月20日`;

// Two header rows: most names merged down over both rows; 贷款情况 merged across the loan columns above theirs.
const upper = [
  "序号",
  "企业名称",
  "统一社会信用代码",
  "所属市(地)",
  "申报年度",
  "申报条款",
  "主体资格",
  "总投资额",
  "贷款情况",
  null,
  null,
  null,
  "新增实物网络零售额",
  "申报金额",
  "备注",
];
const lower = [null, null, null, null, null, null, null, null, "贷款金额", "贷款利率", "放款日期", "到期日期", null, null, null];
const units = [null, null, null, null, null, null, null, "万元", "万元", "%", null, null, "万元", "元", null];
sheet.getRow(4).values = upper;
sheet.getRow(5).values = lower;
sheet.getRow(6).values = units;
for (const column of "ABCDEFGHMNO") sheet.mergeCells(`${column}4:${column}5`);
sheet.mergeCells("I4:L4");
for (const r of [4, 5, 6]) {
  sheet.getRow(r).eachCell({ includeEmpty: true }, (cell, c) => {
    if (c > 15) return;
    cell.font = bold;
    cell.alignment = centre;
    cell.border = border;
  });
}

const loan = () => {
  const start = serial(year, rng.int(1, 6), rng.int(1, 28));
  return { principal: rng.int(300, 3000), rate: [3.45, 3.65, 3.85, 4.2][rng.int(0, 3)], start, end: start + 365 * rng.int(2, 3) };
};
/** [measure, qualified, total investment (万元), loan | null, increase (万元) | null, claimed (元) | null] */
const applicants = [
  ["M1", "是", 2000, loan(), null, null],
  ["M3", "是", null, null, 1580.5, null],
  ["M5", null, 260, loan(), null, null],
  ["M8a", null, 1200, loan(), null, 300000],
  ["M1", "是", 6000, loan(), null, null],
  ["M3", "是", null, null, 2345.67, 400000],
  ["M8b", null, null, loan(), null, null],
  ["M2", null, 800, loan(), null, null],
];
let r = 7;
const first = r;
applicants.forEach(([measure, qualified, investment, l, increase, claimed], i) => {
  if (i === 4) r++; // a blank row in the middle of the table
  const row = sheet.getRow(r++);
  row.values = [
    i + 1,
    `${names[i]}有限公司`,
    uscc(cities[i], 810_000 + i),
    null,
    year,
    measure,
    qualified,
    investment,
    l?.principal ?? null,
    // One rate typed as a percentage-formatted fraction, the others as percent points (the units row says %).
    l ? (i === 0 ? l.rate / 100 : l.rate) : null,
    l?.start ?? null,
    l?.end ?? null,
    increase,
    claimed,
    i === 3 ? "仓储智慧化改造" : null,
  ];
  if (i === 0) row.getCell(10).numFmt = "0.00%";
  for (const c of [11, 12]) row.getCell(c).numFmt = "yyyy-mm-dd";
  for (const c of [8, 9, 13]) row.getCell(c).numFmt = "#,##0.00";
  row.eachCell({ includeEmpty: true }, (cell, c) => {
    if (c <= 15) cell.border = border;
  });
});
const last = r - 1;
// 合计, merged over the first three columns; the 贷款金额 sum is planted 100 万元 wrong.
const totalRow = sheet.getRow(r);
sheet.mergeCells(`A${r}:C${r}`);
totalRow.getCell(1).value = "合计";
const sum = (c) => applicants.reduce((s, a) => s + (Number(a[c]) || 0), 0);
totalRow.getCell(8).value = sum(2);
totalRow.getCell(9).value = applicants.reduce((s, a) => s + (a[3]?.principal ?? 0), 0) + 100;
totalRow.getCell(13).value = Math.round(sum(4) * 100) / 100;
totalRow.getCell(14).value = sum(5);
totalRow.font = bold;
r += 2;
sheet.getCell(`A${r}`).value = "填表人：张明";
sheet.getCell(`E${r}`).value = "审核人：李华";
sheet.getCell(`I${r}`).value = "负责人：王强";
sheet.getCell(`L${r}`).value = "联系电话：0451-86012345";
r++;
sheet.getCell(`A${r}`).value = "注：金额单位见表头下方的单位行；贷款利率为年利率。";

// A second table lower on the same sheet: its own title and header, the header repeated on the next printed
// page, and a 小计.
r += 3;
sheet.mergeCells(`A${r}:G${r}`);
sheet.getCell(`A${r}`).value = "第3条 网络零售奖励申报（续表）";
sheet.getCell(`A${r}`).font = { bold: true, size: 13 };
r++;
const header2 = ["序号", "统一社会信用代码", "企业名称", "申报年度", "申报条款", "限额以上在统", "新增实物网络零售额（万元）"];
const retail = [
  ["哈尔滨云端优选", 1234.56],
  ["大庆油城严选", 3888],
  ["牡丹江雪城好物", 1010],
  ["佳木斯三江特产", 2200.5],
];
const writeHeader2 = () => {
  sheet.getRow(r).values = header2;
  sheet.getRow(r).font = bold;
  r++;
};
writeHeader2();
retail.forEach(([name, increase], i) => {
  if (i === 2) {
    r++; // page break: the header printed again on the next page
    sheet.getRow(r).addPageBreak?.();
    writeHeader2();
  }
  sheet.getRow(r++).values = [
    i + 1,
    uscc(["230100", "230600", "231000", "230800"][i], 820_000 + i),
    `${name}有限公司`,
    year,
    "第3条",
    "是",
    increase,
  ];
});
sheet.getRow(r++).values = ["小计", null, null, null, null, null, Math.round(retail.reduce((s, [, v]) => s + v, 0) * 100) / 100];
sheet.getRow(r - 1).font = bold;

sheet.pageSetup.printTitlesRow = "4:6";

// --- Sheet 2: instructions first, the header on row 50 ---------------------------------------------------
const appendix = workbook.addWorksheet("附表（表头在第50行）");
appendix.getCell("A1").value = "附表填报说明";
appendix.getCell("A1").font = { bold: true, size: 14 };
for (let i = 2; i < 50; i++)
  appendix.getCell(`A${i}`).value = i % 6 === 0 ? null : `说明第${i - 1}条：请按财政资金管理要求如实填写，金额单位为元。`;
appendix.getRow(50).values = ["统一社会信用代码", "企业名称", "申报年度", "申报条款", "示范级别"];
appendix.getRow(50).font = bold;
appendix.getRow(51).values = [uscc("230100", 830_001), "哈尔滨国家级电商示范基地运营有限公司", year, "第6条", "国家级"];
appendix.getRow(52).values = [uscc("231200", 830_002), "绥化省级电商创新标杆园区有限公司", year, "第6条", "省级"];
appendix.getColumn(1).width = 24;
appendix.getColumn(2).width = 36;

await workbook.xlsx.writeFile(output);
console.log(`${output}: applicants ${applicants.length} + ${retail.length} + 2 (rows ${first}–${last}, 合计 on ${last + 1})`);
