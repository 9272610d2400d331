// The route an officer would take without us: the same rules as Excel formulas (IF/AND/MIN per row, a
// VLOOKUP into an LPR table, MAXIFS for no-duplication), evaluated by HyperFormula on the same rows.
// Numbers come from the parameter set, as in the product.
import { HyperFormula } from "hyperformula";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { HEADERS, POLICY } from "../examples/lib/applicants.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const LPR = JSON.parse(readFileSync(join(ROOT, "core/policy/lpr-one-year.json"), "utf8"));
const m = (id) => POLICY.measures.find((x) => x.id === id);
const months = POLICY.interestSubsidy.maxMonths.value;
const basis = POLICY.interestSubsidy.dayCountBases.value[0];
const serialOf = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000) + 25_569;

/** Column letter of a header in the applicant rows (data columns A…). */
const col = (header) => String.fromCharCode(65 + HEADERS.indexOf(header));

function awardFormula(r) {
  const c = (h) => `${col(h)}${r}`;
  const op = (t) => (t.comparison === ">" ? ">" : ">=");
  const lpr = `VLOOKUP(${c("放款日期")},LPR!$A$1:$B$${LPR.entries.length},2,TRUE)`;
  const days = `(MIN(${c("到期日期")},EDATE(${c("放款日期")},${months}))-${c("放款日期")})`;
  const raw = `${c("贷款金额")}*MIN(${c("贷款利率")},${lpr})*${days}/${basis}`;
  const interest = `IF(${c("实付利息")}="",${raw},MIN(${raw},${c("实付利息")}))`;
  const loanMeasure = (id) => {
    const p = m(id);
    const threshold = p.threshold ? `${c("总投资额")}${op(p.threshold)}${p.threshold.value}` : "TRUE";
    const tier = p.cap.tiers?.[0];
    const cap = tier ? `IF(${c("总投资额")}${op(tier)}${tier.value},${tier.amount.value},${p.cap.amount.value})` : p.cap.amount.value;
    const qualified = id === "M1" ? `,${c("主体资格")}="是"` : "";
    return `IF(AND(${threshold}${qualified}),MIN(${cap},${interest}),0)`;
  };
  const share = (id, base, test) => `IF(AND(${test}),MIN(${m(id).cap.amount.value},${base}*${m(id).rate.value}),0)`;
  const branches = [
    ["M1", loanMeasure("M1")],
    ["M2", loanMeasure("M2")],
    ["M5", loanMeasure("M5")],
    ["M8a", loanMeasure("M8a")],
    ["M8b", loanMeasure("M8b")],
    ["M3", share("M3", c("新增实物网络零售额"), `${c("主体资格")}="是",${c("新增实物网络零售额")}>${m("M3").threshold.value}`)],
    ["M4a", share("M4a", c("补贴基数"), `${c("首次达到")}="是",${c("进出口额")}>=${m("M4a").threshold.value}`)],
    ["M4b", share("M4b", c("补贴基数"), `${c("首次达到")}="是",${c("进出口额")}>=${m("M4b").threshold.value}`)],
    ["M7", share("M7", c("近三年投资额"), `${c("带动网络销售额")}>${m("M7").threshold.value}`)],
    ["M6a", m("M6a").amount.value],
    ["M6b", m("M6b").amount.value],
    ["M19", m("M19").amount.value],
    ["M14", `N(${c("核定金额")})`],
  ];
  const nested = branches.reduceRight((otherwise, [id, formula]) => `IF(${c("申报条款")}="${id}",${formula},${otherwise})`, "0");
  return `=ROUND(${nested},2)`;
}

/**
 * Builds the sheet (values + per-row formulas) and evaluates it; returns seconds and a checksum.
 * `noDuplication: false` leaves out the MAXIFS column (its cost grows with the square of the rows).
 */
export function formulaRoute(rows, { noDuplication = true } = {}) {
  const n = rows.length;
  const first = HEADERS.length; // formula columns after the data
  const L = (k) => String.fromCharCode(65 + first + k);
  const entity = col("统一社会信用代码");
  const year = col("申报年度");
  const sheet = rows.map((row, i) => {
    const r = i + 1;
    const cells = row.map((v) => (v === null ? null : v));
    cells.push(
      awardFormula(r), // award after threshold and cap
      `=MAX(0,${L(0)}${r}-N(${col("已获其他省级支持")}${r}))`, // other provincial support, top-up
      noDuplication
        ? `=IF(${L(1)}${r}=MAXIFS($${L(1)}$1:$${L(1)}$${n},$${entity}$1:$${entity}$${n},${entity}${r},$${year}$1:$${year}$${n},${year}${r}),${L(1)}${r},0)` // 不重复
        : `=${L(1)}${r}`,
      `=IF(AND(${col("申报金额")}${r}<>"",${col("申报金额")}${r}<${L(2)}${r}),${col("申报金额")}${r},${L(2)}${r})`, // claimed
    );
    return cells;
  });
  const lprSheet = LPR.entries.map((e) => [serialOf(e.effective), Number(e.rate)]);
  const start = process.hrtime.bigint();
  const hf = HyperFormula.buildFromSheets(
    { 申报: sheet, LPR: lprSheet },
    { licenseKey: "gpl-v3", maxRows: Math.max(n + 10, 1000), smartRounding: false, useColumnIndex: true },
  );
  const id = hf.getSheetId("申报");
  let total = 0;
  for (let r = 0; r < n; r++) {
    const value = hf.getCellValue({ sheet: id, row: r, col: first + 3 });
    if (typeof value === "number") total += value;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  hf.destroy();
  return { seconds, total };
}
