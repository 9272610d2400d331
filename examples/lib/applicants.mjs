// Seeded, realistic applicant rows for the sample workbook and the benchmark. Amounts near a measure's
// threshold or cap are read from the parameter set, never written here.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const POLICY = JSON.parse(readFileSync(join(ROOT, "core/policy/sets/hlj-ecommerce-2025-draft.json"), "utf8"));
const measure = (id) => POLICY.measures.find((m) => m.id === id);
const threshold = (id) => measure(id).threshold?.value ?? 0;
const cap = (id) => measure(id).cap?.amount?.value ?? measure(id).amount?.value ?? 0;
const firstYear = POLICY.validity.firstAwardYear.value;
const lastYear = POLICY.validity.lastAwardYear.value;

/** mulberry32: a small, fast, seeded generator. */
export function makeRng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    /** A yuan amount between min and max, rounded to `step`. */
    amount: (min, max, step = 1000) => Math.round((min + next() * (max - min)) / step) * step,
  };
}

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
export function uscc(division, serial) {
  const body = `91${division}MA${serial
    .toString(31)
    .toUpperCase()
    .replace(/./g, (c) => ALPHABET[parseInt(c, 31)])
    .padStart(7, "0")}`.slice(0, 17);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(body[i]) * WEIGHTS[i];
  return body + ALPHABET[(31 - (sum % 31)) % 31];
}

export const CITIES = [
  ["230100", "哈尔滨"],
  ["230200", "齐齐哈尔"],
  ["230300", "鸡西"],
  ["230400", "鹤岗"],
  ["230500", "双鸭山"],
  ["230600", "大庆"],
  ["230700", "伊春"],
  ["230800", "佳木斯"],
  ["230900", "七台河"],
  ["231000", "牡丹江"],
  ["231100", "黑河"],
  ["231200", "绥化"],
  ["232700", "大兴安岭地区"],
];

const NAME_PARTS = {
  place: ["龙江", "北大荒", "冰城", "松花江", "黑土", "兴安", "三江", "鹤城", "油城", "雪乡", "镜泊", "五大连池"],
  trade: ["电子商务", "网络科技", "供应链", "跨境贸易", "数字科技", "农业科技", "物流", "优品", "直播电商", "云仓"],
  form: ["有限公司", "股份有限公司", "有限责任公司"],
};

export function entityPool(rng, count) {
  return Array.from({ length: count }, (_, i) => {
    const [division, city] = rng.pick(CITIES);
    return {
      id: uscc(division, 100_000 + i * 7919),
      name: `${rng.pick(NAME_PARTS.place)}${rng.pick(NAME_PARTS.trade)}${rng.pick(NAME_PARTS.form)}`,
      city,
    };
  });
}

/** Excel's serial for a calendar date (1900 system). */
export function serial(year, month, day) {
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000) + 25_569;
}

export const HEADERS = [
  "统一社会信用代码",
  "企业名称",
  "所属市(地)",
  "申报年度",
  "申报条款",
  "项目名称",
  "主体资格",
  "总投资额",
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
  "带动网络销售额",
  "近三年投资额",
  "核定金额",
  "申报金额",
  "已获其他省级支持",
];

/** The measures applicants cite, weighted roughly as a department sees them. */
const MIX = [
  ["M1", 10],
  ["M2", 8],
  ["M3", 20],
  ["M4a", 8],
  ["M4b", 8],
  ["M5", 6],
  ["M6a", 2],
  ["M6b", 4],
  ["M7", 4],
  ["M8a", 8],
  ["M8b", 6],
  ["M14", 3],
  ["M19", 1],
  ["M9", 1],
  ["M12", 1],
];
const MIX_TOTAL = MIX.reduce((n, [, w]) => n + w, 0);

function pickMeasure(rng) {
  let r = rng.next() * MIX_TOTAL;
  for (const [id, weight] of MIX) if ((r -= weight) < 0) return id;
  return MIX[0][0];
}

/**
 * One applicant row (cells in HEADERS order) for `id`, with realistic facts: most rows clear the threshold,
 * some sit just below it, some ask for more than the cap allows.
 */
export function applicantRow(rng, entity, id, year) {
  const row = new Array(HEADERS.length).fill(null);
  const set = (header, value) => (row[HEADERS.indexOf(header)] = value);
  set("统一社会信用代码", entity.id);
  set("企业名称", entity.name);
  set("所属市(地)", entity.city);
  set("申报年度", year);
  set("申报条款", id);
  const near = (value) => (rng.chance(0.12) ? value - rng.pick([0.01, 1, 1000]) : value * (1 + rng.next() * 4));
  const loan = () => {
    // Mostly loans whose LPR the built-in table knows; a few start after it (and are reported lpr_unknown).
    const late = rng.chance(0.03);
    const startYear = late ? firstYear + 1 : rng.int(firstYear - 2, firstYear);
    const startMonth = late ? rng.int(6, 12) : rng.int(1, 12);
    const startDay = rng.int(1, 28);
    const months = rng.pick([12, 24, 36, 48]);
    const principal = rng.amount(1_200_000, 60_000_000, 100_000);
    set("贷款金额", principal);
    set("贷款利率", Number((0.028 + rng.next() * 0.022).toFixed(4)));
    set("放款日期", serial(startYear, startMonth, startDay));
    set("到期日期", serial(startYear + Math.floor((startMonth - 1 + months) / 12), ((startMonth - 1 + months) % 12) + 1, startDay));
    if (rng.chance(0.2)) set("实付利息", Math.round(principal * 0.035 * (months / 12) * (0.3 + rng.next() * 0.7)));
  };
  switch (id) {
    case "M1":
      set("主体资格", rng.chance(0.9) ? "是" : "否");
      set("总投资额", Math.round(near(threshold("M1"))));
      set("项目名称", `${entity.name.slice(0, 4)}新建项目`);
      loan();
      break;
    case "M2":
    case "M5":
    case "M8a":
      set("总投资额", Math.round(near(threshold(id))));
      set("项目名称", `${entity.name.slice(0, 4)}${id === "M2" ? "平台升级" : id === "M5" ? "园区数字化改造" : "智慧仓储"}`);
      loan();
      break;
    case "M8b":
      set("项目名称", `${entity.name.slice(0, 4)}海外仓`);
      loan();
      break;
    case "M3":
      set("主体资格", rng.chance(0.92) ? "是" : "否");
      set(
        "新增实物网络零售额",
        rng.chance(0.08) ? -rng.amount(100_000, 4_800_000) : Math.round(near(threshold("M3")) * (rng.chance(0.2) ? 20 : 1)),
      );
      break;
    case "M4a":
    case "M4b":
      set("进出口额", Math.round(near(threshold(id))));
      set("首次达到", rng.chance(0.85) ? "是" : "否");
      set("补贴基数", rng.amount(50_000, cap(id) * 3, 100));
      break;
    case "M6a":
      set("示范级别", "国家级");
      break;
    case "M6b":
      set("示范级别", "省级");
      break;
    case "M7":
      set("带动网络销售额", Math.round(near(threshold("M7"))));
      set("近三年投资额", rng.amount(200_000, cap("M7") * 4, 1000));
      break;
    case "M14":
      if (rng.chance(0.7)) set("核定金额", rng.amount(50_000, 800_000, 1000));
      break;
    default:
      break;
  }
  if (rng.chance(0.12)) set("已获其他省级支持", rng.amount(10_000, 400_000, 1000));
  if (rng.chance(0.15)) set("申报金额", rng.amount(50_000, 2_800_000, 100));
  return row;
}

/** `count` rows over a pool of entities: many entities apply under several measures and years. */
export function applicantRows(rng, count, entities) {
  const rows = [];
  for (let i = 0; i < count; i++) {
    const entity = rng.pick(entities);
    rows.push(applicantRow(rng, entity, pickMeasure(rng), rng.int(firstYear, lastYear)));
  }
  return rows;
}
