// The plain-number floor: the same rules over the same cells as one loop of binary floats — no checks, no
// exact money, no words, 不重复 as the highest amount per entity and year — the fastest a screening could be
// in JavaScript, and the yardstick the issue measures screenWorkbook against (≤ 5× this floor). Its numbers
// are read from the parameter set; only its speed is used, never its amounts.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { getParameterSet, builtInLprTable, toDayNumber } = require("../dist-node/core/index.js");

const DAY_SERIAL_EPOCH = 25_569;

export function plainFloor(workbook) {
  const policy = getParameterSet();
  const measures = new Map(policy.measures.map((m) => [m.id, m]));
  const lpr = builtInLprTable();
  const lprDays = lpr.entries.map((e) => toDayNumber(e.effective));
  const lprRates = lpr.entries.map((e) => Number(e.rate));
  const maxDays = policy.interestSubsidy.maxMonths.value * 30.4375;
  const [header, ...rows] = workbook.sheets[0].values;
  const at = (name) => header.indexOf(name);
  const c = {
    entity: at("统一社会信用代码"),
    year: at("申报年度"),
    measure: at("申报条款"),
    qualified: at("主体资格"),
    investment: at("总投资额"),
    principal: at("贷款金额"),
    rate: at("贷款利率"),
    start: at("放款日期"),
    end: at("到期日期"),
    paid: at("实付利息"),
    increase: at("新增实物网络零售额"),
    importExport: at("进出口额"),
    firstTime: at("首次达到"),
    costs: at("补贴基数"),
    driven: at("带动网络销售额"),
    invest3: at("近三年投资额"),
    approved: at("核定金额"),
  };
  const best = new Map();
  for (const row of rows) {
    const m = measures.get(row[c.measure]);
    if (!m || !m.cash) continue;
    let amount = 0;
    const threshold = m.threshold?.value ?? 0;
    if (m.kind === "interest") {
      if (m.threshold && !(row[c.investment] > threshold)) continue;
      const start = row[c.start] - DAY_SERIAL_EPOCH;
      const yearStart = Date.UTC(row[c.year], 0, 1) / 86_400_000;
      const from = Math.max(start, yearStart);
      const to = Math.min(row[c.end] - DAY_SERIAL_EPOCH, start + maxDays, yearStart + 365);
      let lo = 0;
      let hi = lprDays.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lprDays[mid] <= start) lo = mid;
        else hi = mid - 1;
      }
      amount = (row[c.principal] * Math.min(row[c.rate], lprRates[lo]) * Math.max(0, to - from)) / 360;
      if (row[c.paid] > 0 && row[c.paid] < amount) amount = row[c.paid];
    } else if (m.kind === "percentage") {
      const base = m.id === "M3" ? row[c.increase] : m.id === "M7" ? row[c.invest3] : row[c.costs];
      const test = m.id === "M3" ? row[c.increase] : m.id === "M7" ? row[c.driven] : row[c.importExport];
      if (!(test >= threshold) || row[c.firstTime] === "否" || row[c.qualified] === "否") continue;
      amount = base * m.rate.value;
    } else if (m.kind === "fixed") amount = m.amount.value;
    else amount = row[c.approved] || 0;
    amount = Math.round(amount * 100) / 100;
    const cap = m.cap?.amount?.value;
    if (cap !== undefined && amount > cap) amount = cap;
    const key = `${row[c.entity]}|${row[c.year]}`;
    if (!(best.get(key) >= amount)) best.set(key, amount);
  }
  let total = 0;
  for (const amount of best.values()) total += amount;
  return total;
}
