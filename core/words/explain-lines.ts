/**
 * The calculation appendix's lines for what happened around a row's own calculation (SCREENING.md revision 3,
 * 附件：计算明细): each a short `标签：内容` line in Chinese and `Label: text` in English, made from the row's
 * reasons and numbers. The reasons keep their full sentences (JSON reasons[]); these are their short forms.
 */
import { Decimal, formatYuan } from "../money/money";
import { Localized } from "../policy/types";
import { Reason } from "../reasons/reasons";
import { CapUse } from "../rows/types";
import { briefReason, BriefRow } from "./brief";

export type Line = [zh: string, en: string];

const amountIn = (text: string, after: string) => new RegExp(`${after}\\s*([-\\d,]+\\.\\d\\d)`).exec(text)?.[1] ?? "";

/** 申报金额: the claim against the computed amount, and which was taken. */
function claimLine(r: Reason): Line {
  const claimed = amountIn(r.zh, "申报金额");
  const above = r.code === "claim_exceeds_computed";
  return above
    ? [`申报金额：${claimed} 高于核算金额，按核算金额`, `Claim: ${claimed}, above the computed amount: the computed amount`]
    : [`申报金额：${claimed} 低于核算金额，按申报金额`, `Claim: ${claimed}, below the computed amount: the claim`];
}

/** 已获其他省级支持: what was received, and the top-up or why none. */
function otherSupportLine(r: Reason): Line {
  const other = amountIn(r.zh, "已获其他省级支持");
  if (r.code === "other_support_excluded") return [`已获其他省级支持：${other}，不再支持`, `Other provincial support: ${other}, excluded`];
  if (r.code === "other_support_higher")
    return [
      `已获其他省级支持：${other}，不低于本项，不再补足`,
      `Other provincial support: ${other}, at least this award: nothing to top up`,
    ];
  const topUp = amountIn(r.zh, "补足差额");
  return [`已获其他省级支持：${other}，补足差额 ${topUp}`, `Other provincial support: ${other}, top-up ${topUp}`];
}

/** The line of a reason the batch added (or a row reason the calculation lines do not show), or null. */
export function reasonLine(r: Reason): Line | null {
  switch (r.code) {
    case "claim_exceeds_computed":
    case "claim_lower_than_computed":
      return claimLine(r);
    case "other_support_excluded":
    case "other_support_higher":
    case "other_support_deducted":
      return otherSupportLine(r);
    case "out_of_province":
      return ["登记地：统一社会信用代码的登记机关不在黑龙江省", "Registration: the credit code was registered outside Heilongjiang"];
    case "outside_validity":
      return [`有效期：${r.zh.replace(/，[^）]*）/, "）").replace(/^申报年度 (\d+) /, "$1年度")}`, `Validity: ${r.en}`];
    case "not_government":
      return [
        "条件：申报主体不是政府机关（统一社会信用代码不以11开头），不符合",
        "Condition: the applicant is not a government organ (credit code not 11…): not met",
      ];
    case "superseded_by":
      return [`从优不重复：${r.zh.replace(/^从优、就高、不重复：/, "")}`, `No duplication: ${r.en.replace(/^no duplication: /, "")}`];
    case "not_first_time":
      return [`首次达到：${r.zh.replace(/^“首次达到”/, "")}`, `First time: ${r.en}`];
    case "already_received":
      return alreadyReceivedLine(r);
    case "manual_review":
      return r.zh.startsWith("历史兑现")
        ? [`历史兑现：${r.zh.replace(/^历史兑现/, "").replace(/（[^）]*）/, "")}`, `History: ${r.en}`]
        : null;
    case "history_two_parts":
    case "history_tier_unknown":
      return [`历史兑现：${r.zh.replace(/^历史兑现 /, "").replace(/（[^）]*）$/, "")}`, `History: ${r.en.replace(/ \([^)]*\)$/, "")}`];
    default:
      return null;
  }
}

/** A one-time award already paid, claimed in an earlier year of the batch, or a loan already claimed. */
function alreadyReceivedLine(r: Reason): Line {
  const batch = /本批 (\S+)（(\d+)年度）/.exec(r.zh);
  if (batch && r.zh.includes("一笔贷款")) {
    return [
      `首次申报：同一笔贷款已由 ${batch[1]}（${batch[2]}年度）申报，只兑现一次`,
      `First claim: ${r.en.replace(/^in loan mode \(interestWindow = loan\) /, "")}`,
    ];
  }
  if (batch) return [`首次申报：${r.zh.replace(/^一次性措施只在首个申报年度支持：/, "")}`, `First claim: ${r.en}`];
  const zh = r.zh.replace("；该记录未写明项目名称，按该企业各项目均已获得计", "；记录未写明项目，按各项目计");
  return [`历史兑现：${zh}`, `History: ${r.en}`];
}

const CAP_LABELS: Readonly<Record<CapUse["scope"], Line>> = {
  "entity-cumulative": ["累计上限", "Cumulative cap"],
  "entity-year": ["年度上限", "Yearly cap"],
  "entity-lifetime": ["上限", "Cap"],
};

/**
 * The cap line: the limit, what history, earlier years and earlier rows had used, and what this row takes — and,
 * when the row's own calculation was above the cap, by how much.
 */
export function capLine(use: CapUse, computed: string | null): Line {
  const [zhLabel, enLabel] = CAP_LABELS[use.scope];
  const batchUsed = use.earlierYears.plus(use.earlierRows);
  const used = use.history.plus(batchUsed);
  let zhUsed = `已兑现 ${formatYuan(used)}`;
  let enUsed = `paid ${formatYuan(used)}`;
  if (!batchUsed.isZero()) {
    const parts: [string, string, typeof used][] = [
      ["历史兑现", "history", use.history],
      ["本批以前年度", "earlier years", use.earlierYears],
      ["本年度前序行", "earlier rows", use.earlierRows],
    ];
    const shown = parts.filter((p) => !p[2].isZero());
    zhUsed = `已使用 ${formatYuan(used)}（${shown.map((p) => `${p[0]} ${formatYuan(p[2])}`).join("，")}）`;
    enUsed = `used ${formatYuan(used)} (${shown.map((p) => `${p[1]} ${formatYuan(p[2])}`).join(", ")})`;
  }
  const cut = use.after.lessThan(use.before);
  const zhThis = cut
    ? `剩余 ${formatYuan(use.remaining)}，本次 ${formatYuan(use.before)} 核减至 ${formatYuan(use.after)}`
    : `本次 ${formatYuan(use.after)}`;
  const enThis = cut
    ? `remaining ${formatYuan(use.remaining)}: ${formatYuan(use.before)} reduced to ${formatYuan(use.after)}`
    : `this row ${formatYuan(use.after)}`;
  const over = computed ? { zh: `（核算金额 ${computed} 超过上限）`, en: ` (computed ${computed} is above it)` } : { zh: "", en: "" };
  return [
    `${zhLabel}：${formatYuan(use.limit)}${over.zh}；${zhUsed}；${zhThis}`,
    `${enLabel}: ${formatYuan(use.limit)}${over.en}; ${enUsed}; ${enThis}`,
  ];
}

/**
 * 结论: 拟支持 and the amount for an eligible row, 待人工核定 and the amount for a manual one, else the status in
 * words, the deciding reason short, and the amount.
 */
export function conclusionLine(row: BriefRow, statusWords: Localized): Line {
  const final = formatYuan(typeof row.final === "string" ? new Decimal(row.final) : row.final);
  if (row.status === "eligible") return [`结论：拟支持 ${final}`, `Result: to pay ${final}`];
  if (row.status === "manual") return [`结论：待人工核定 ${final}`, `Result: for a person to decide, ${final}`];
  if (row.status === "error" || row.status === "not_cash") {
    return [`结论：${statusWords.zh} ${final}`, `Result: ${statusWords.en.toLowerCase()}, ${final}`];
  }
  const zh = briefReason(row, "zh").replace(/^从优：/, "");
  const en = briefReason(row, "en").replace(/^no duplication: /, "");
  return [`结论：${statusWords.zh}（${zh}）${final}`, `Result: ${statusWords.en.toLowerCase()} (${en}), ${final}`];
}
