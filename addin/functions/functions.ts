/**
 * The HLJ custom functions (FUNCTIONS.md): names, argument order and meaning are a contract with people's
 * budget sheets. Each is a thin wrapper: it reads Excel's arguments and calls the core, where every rule lives.
 * The JSDoc below is the only source of the functions' English metadata (functions.json is generated from it);
 * functions.zh-CN.json translates it for Chinese Office, and the build fails when the two disagree.
 */
import {
  ApplicationFacts,
  Award,
  BalancePoint,
  Decimal,
  InputError,
  LoanInput,
  OptionsInput,
  chooseWinners,
  cityOfUscc,
  checkUscc,
  clauseNumber,
  computeAward,
  computeInterestSubsidy,
  explainAward,
  explainInterest,
  isValidUscc,
  lprOn,
  measureCap,
  measuresOfKind,
  normaliseUscc,
  parseDateCell,
  parseMeasureId,
  parseNumberCell,
  parseYearCell,
  resolveOptions,
  roundToFen,
  amountInput,
  levelOf,
  baseAwardMeasure,
  crossBorderMeasure,
  measureTerm,
} from "../../core";
import { displayLanguage } from "../shared/display-language";
import {
  argumentZh,
  Cell,
  CellFailure,
  Matrix,
  at,
  booleanArg,
  columnOf,
  dateArg,
  guarded,
  lprModeArg,
  lprTableArg,
  amountArg,
  requiredAmountArg,
  requiredLoanRateArg,
  rowCount,
  spill,
  textArg,
  yearArg,
} from "./excel-args";

type Result = number | string | boolean;

/** An award as the cell shows it: the amount, or the explanation when asked. */
function shown(award: Award, explain: boolean): Result {
  if (explain) return explainAward(award, displayLanguage());
  if (award.failure) throw award.failure.error;
  return award.amount.toNumber();
}

function options(lprMode: Cell, lprTable: Matrix): OptionsInput {
  return { lprMode: lprModeArg(lprMode), lprEntries: lprTableArg(lprTable) };
}

/**
 * The one-year loan prime rate (一年期LPR) in force on a date, as a fraction (3.00% is 0.03).
 * @customfunction LPR
 * @param {any[][]} date The date (an Excel date or text such as 2025-06-01), or a column of dates.
 * @param {any[][]} [lprTable] Optional two-column range (effective date, rate) that extends or overrides the built-in table.
 * @returns {any[][]} The rate in force on that date.
 */
export function lpr(date: any[][], lprTable?: any[][]): any[][] {
  const { dates, table } = guarded(() => ({
    dates: columnOf("date", date),
    table: resolveOptions({ lprEntries: lprTableArg(lprTable) }).lpr,
  }));
  return spill(dates.length, (i) => lprOn(table, dateArg("date", dates[i])).rate.toNumber());
}

/** A principal that is a two-column range (date, outstanding balance) is a balance schedule. */
function principalArg(principal: any[][]): { column: Cell[]; schedule: BalancePoint[] | null } {
  if (Array.isArray(principal) && principal.length > 0 && principal[0].length === 2) {
    const schedule: BalancePoint[] = [];
    principal.forEach((row, index) => {
      const date = parseDateCell(row[0]);
      const balance = parseNumberCell(row[1]);
      if (date.kind === "absent" && balance.kind === "absent") return;
      if (index === 0 && date.kind === "invalid" && balance.kind === "invalid") return; // a header row
      if (date.kind !== "value" || balance.kind !== "value") {
        throw new CellFailure(
          "#VALUE!",
          `principal row ${index + 1}: expected (date, outstanding balance)`,
          `${argumentZh("principal")}第${index + 1}行：应为（日期、贷款余额）`,
        );
      }
      schedule.push({ date: date.value, balance: balance.value.toString() });
    });
    return { column: [null], schedule };
  }
  return { column: columnOf("principal", principal), schedule: null };
}

/** The loan arguments both loan functions take, as columns. */
function loanColumns(loanRate: Matrix, startDate: Matrix, endDate: Matrix, interestPaid: Matrix) {
  return {
    loanRate: columnOf("loanRate", loanRate),
    startDate: columnOf("startDate", startDate),
    endDate: columnOf("endDate", endDate),
    interestPaid: columnOf("interestPaid", interestPaid),
  };
}

/** Row i's loan, with its principal (a number, or a balance schedule for the whole call). */
function loanAt(c: ReturnType<typeof loanColumns>, principal: LoanInput["principal"], i: number): LoanInput {
  return {
    principal,
    loanRate: requiredLoanRateArg("loanRate", at(c.loanRate, i)),
    startDate: dateArg("startDate", at(c.startDate, i)),
    endDate: dateArg("endDate", at(c.endDate, i)),
    interestPaid: amountArg("interestPaid", at(c.interestPaid, i)),
  };
}

/**
 * The uncapped actual-interest subsidy (据实贴息) for one loan: balance × min(loan rate, LPR) × days / 360 over at most the policy's longest subsidy term from the start date, never above the interest paid; a plain loan calculator without the policy's period.
 * @customfunction LPR_INTEREST
 * @param {any[][]} principal Loan principal in yuan, or a two-column range (date, outstanding balance from that date).
 * @param {any[][]} loanRate Annual loan rate as a fraction: 3.45% or 0.0345, not 3.45.
 * @param {any[][]} startDate Loan start date (drawdown date).
 * @param {any[][]} endDate Loan end date (maturity).
 * @param {any[][]} [interestPaid] Interest actually paid; the subsidy never exceeds it.
 * @param {any[][]} [lprMode] "fixed" (default: the LPR in force on the start date) or "floating" (the LPR in force on each day).
 * @param {any[][]} [lprTable] Two-column range (effective date, rate) extending the built-in LPR table.
 * @param {any[][]} [explain] TRUE to return a one-line explanation instead of the amount.
 * @param {any[][]} [awardYear] Only the interest of this calendar year, for a subsidy paid year by year; without it, the whole window.
 * @returns {any[][]} The subsidy in yuan.
 */
export function lprInterest(
  principal: any[][],
  loanRate: any[][],
  startDate: any[][],
  endDate: any[][],
  interestPaid?: any[][],
  lprMode?: any[][],
  lprTable?: any[][],
  explain?: any[][],
  awardYear?: any[][],
): any[][] {
  const args = guarded(() => {
    const { column, schedule } = principalArg(principal);
    const columns = {
      principal: column,
      ...loanColumns(loanRate, startDate, endDate, interestPaid),
      awardYear: columnOf("awardYear", awardYear),
    };
    return {
      columns,
      schedule,
      // The same options, defaults and LPR merging as every other use of the core.
      resolved: resolveOptions(options(columnOf("lprMode", lprMode)[0], lprTable)),
      explain: booleanArg("explain", columnOf("explain", explain)[0], false),
      rows: rowCount(columns),
    };
  });
  const { columns: c, resolved } = args;
  return spill(args.rows, (i) => {
    const result = computeInterestSubsidy(loanAt(c, args.schedule ?? requiredAmountArg("principal", at(c.principal, i)), i), {
      lprMode: resolved.options.lprMode,
      dayCount: resolved.options.dayCount,
      maxMonths: resolved.policy.interestSubsidy.maxMonths.value,
      lpr: resolved.lpr,
      awardYear: yearArg("awardYear", at(c.awardYear, i)) ?? undefined,
    });
    return args.explain ? explainInterest(result, displayLanguage()) : result.amount.toNumber();
  });
}

/**
 * The interest subsidy of clauses 1, 2, 5 and 8 (M1, M2, M5, M8a, M8b) after the investment threshold and the measure's per-entity cap, for interest inside the policy's period (from its issue date; the draft's stand-in is 2025-10-23); 0 when not eligible.
 * @customfunction INTEREST_SUBSIDY
 * @param {any[][]} measure The measure: M1, M2, M5, M8a or M8b (also 1, 第1条, 8(1)…).
 * @param {any[][]} totalInvestment The project's total investment in yuan (not needed for M8b).
 * @param {any[][]} principal Loan principal in yuan.
 * @param {any[][]} loanRate Annual loan rate as a fraction: 3.45% or 0.0345.
 * @param {any[][]} startDate Loan start date.
 * @param {any[][]} endDate Loan end date.
 * @param {any[][]} [interestPaid] Interest actually paid; the subsidy never exceeds it.
 * @param {any[][]} [lprMode] "fixed" (default) or "floating".
 * @param {any[][]} [lprTable] Two-column range (effective date, rate) extending the built-in LPR table.
 * @param {any[][]} [explain] TRUE to return a one-line explanation instead of the amount.
 * @param {any[][]} [awardYear] Only the interest of this award year, for a subsidy paid year by year; without it, the loan's whole window inside the policy period.
 * @returns {any[][]} The subsidy in yuan.
 */
export function interestSubsidy(
  measure: any[][],
  totalInvestment: any[][],
  principal: any[][],
  loanRate: any[][],
  startDate: any[][],
  endDate: any[][],
  interestPaid?: any[][],
  lprMode?: any[][],
  lprTable?: any[][],
  explain?: any[][],
  awardYear?: any[][],
): any[][] {
  const args = guarded(() => {
    const columns = {
      awardYear: columnOf("awardYear", awardYear),
      measure: columnOf("measure", measure),
      totalInvestment: columnOf("totalInvestment", totalInvestment),
      principal: columnOf("principal", principal),
      ...loanColumns(loanRate, startDate, endDate, interestPaid),
    };
    const opts = options(columnOf("lprMode", lprMode)[0], lprTable);
    return {
      columns,
      opts,
      explain: booleanArg("explain", columnOf("explain", explain)[0], false),
      rows: rowCount(columns),
      allowed: measuresOfKind("interest", opts),
    };
  });
  const c = args.columns;
  return spill(args.rows, (i) => {
    const id = parseMeasureId(at(c.measure, i));
    if (!args.allowed.includes(id)) {
      throw new CellFailure(
        "#VALUE!",
        `measure ${id} is not an interest subsidy: use ${args.allowed.join(", ")}`,
        `${measureTerm(id).zh}不是贷款贴息类措施，应为 ${args.allowed.map((allowed) => measureTerm(allowed).zh).join("、")}`,
      );
    }
    const facts: ApplicationFacts = {
      qualified: true,
      totalInvestment: amountArg("totalInvestment", at(c.totalInvestment, i)),
      loan: loanAt(c, requiredAmountArg("principal", at(c.principal, i)), i),
    };
    const year = yearArg("awardYear", at(c.awardYear, i)) ?? undefined;
    return shown(computeAward(id, facts, { ...args.opts, year, trace: args.explain }), args.explain);
  });
}

/**
 * Clause 3 online retail growth reward (M3): the policy's share of the year's increase in physical-goods online retail sales once it passes the threshold, up to the annual cap; 0 when not eligible.
 * @customfunction RETAIL_BONUS
 * @param {any[][]} onlineRetailIncrease The year's increase in online retail sales of physical goods, in yuan (a column spills one result per row).
 * @param {any[][]} [aboveDesignatedSize] Whether the enterprise is above designated size and in the statistics (限额以上在统); default TRUE.
 * @param {any[][]} [explain] TRUE to return a one-line explanation instead of the amount.
 * @returns {any[][]} The reward in yuan.
 */
export function retailBonus(onlineRetailIncrease: any[][], aboveDesignatedSize?: any[][], explain?: any[][]): any[][] {
  const args = guarded(() => {
    const columns = {
      onlineRetailIncrease: columnOf("onlineRetailIncrease", onlineRetailIncrease),
      aboveDesignatedSize: columnOf("aboveDesignatedSize", aboveDesignatedSize),
    };
    return { columns, explain: booleanArg("explain", columnOf("explain", explain)[0], false), rows: rowCount(columns) };
  });
  const c = args.columns;
  return spill(args.rows, (i) => {
    const increase = requiredAmountArg("onlineRetailIncrease", at(c.onlineRetailIncrease, i), { negative: true });
    const qualified = booleanArg("aboveDesignatedSize", at(c.aboveDesignatedSize, i), true);
    return shown(computeAward("M3", { qualified, onlineRetailIncrease: increase }, { trace: args.explain }), args.explain);
  });
}

/**
 * Clause 4 cross-border subsidy, one-time: the policy's share of the year's costs up to the annual cap — M4a for an independent site, M4b for a shop on a third-party platform, once import+export first reaches its threshold.
 * @customfunction CROSS_BORDER_SUBSIDY
 * @param {any[][]} channel "site" or "独立站" (M4a), "platform" or "平台" (M4b).
 * @param {any[][]} importExport The year's import+export in yuan.
 * @param {any[][]} eligibleCosts Site build and server rental (site) or platform entry and promotion fees (platform), in yuan.
 * @param {any[][]} [firstTime] Whether this is the first year the threshold is reached; default TRUE.
 * @param {any[][]} [explain] TRUE to return a one-line explanation instead of the amount.
 * @returns {any[][]} The subsidy in yuan.
 */
export function crossBorderSubsidy(
  channel: any[][],
  importExport: any[][],
  eligibleCosts: any[][],
  firstTime?: any[][],
  explain?: any[][],
): any[][] {
  const args = guarded(() => {
    const columns = {
      channel: columnOf("channel", channel),
      importExport: columnOf("importExport", importExport),
      eligibleCosts: columnOf("eligibleCosts", eligibleCosts),
      firstTime: columnOf("firstTime", firstTime),
    };
    return { columns, explain: booleanArg("explain", columnOf("explain", explain)[0], false), rows: rowCount(columns) };
  });
  const c = args.columns;
  return spill(args.rows, (i) => {
    const text = textArg("channel", at(c.channel, i)) ?? "";
    const measure = crossBorderMeasure(text);
    if (!measure) {
      throw new CellFailure(
        "#VALUE!",
        `channel "${text}" is neither "site" (独立站) nor "platform" (平台)`,
        `${argumentZh("channel")}“${text}”应为 独立站 或 平台`,
      );
    }
    const facts: ApplicationFacts = {
      importExport: requiredAmountArg("importExport", at(c.importExport, i)),
      eligibleCosts: requiredAmountArg("eligibleCosts", at(c.eligibleCosts, i)),
      firstTime: booleanArg("firstTime", at(c.firstTime, i), true),
    };
    return shown(computeAward(measure, facts, { trace: args.explain }), args.explain);
  });
}

/**
 * Clause 6 e-commerce base award (one-time): a newly named national demonstration base (M6a) or a provincial innovation benchmark base (M6b).
 * @customfunction BASE_AWARD
 * @param {any[][]} level "national" or "国家级" (M6a), "provincial" or "省级" (M6b).
 * @param {any[][]} [explain] TRUE to return a one-line explanation instead of the amount.
 * @returns {any[][]} The award in yuan.
 */
export function baseAward(level: any[][], explain?: any[][]): any[][] {
  const args = guarded(() => ({
    levels: columnOf("level", level),
    explain: booleanArg("explain", columnOf("explain", explain)[0], false),
  }));
  return spill(args.levels.length, (i) => {
    const text = textArg("level", args.levels[i]) ?? "";
    const level = levelOf(text);
    const measure = level && baseAwardMeasure(level);
    if (!measure)
      throw new CellFailure(
        "#VALUE!",
        `level "${text}" is neither "national" (国家级) nor "provincial" (省级)`,
        `${argumentZh("level")}“${text}”应为 国家级 或 省级`,
      );
    return shown(computeAward(measure, {}, { trace: args.explain }), args.explain);
  });
}

/**
 * Clause 7 selection centre grant (M7, one-time): the policy's share of the last three years' infrastructure and equipment investment when driven online sales pass the threshold, up to the cap.
 * @customfunction SELECTION_CENTER_GRANT
 * @param {any[][]} drivenOnlineSales Annual online sales of above-size enterprises driven by the centre, in yuan.
 * @param {any[][]} investmentLast3Years Actual infrastructure and equipment investment of the last three years, in yuan.
 * @param {any[][]} [explain] TRUE to return a one-line explanation instead of the amount.
 * @returns {any[][]} The grant in yuan.
 */
export function selectionCenterGrant(drivenOnlineSales: any[][], investmentLast3Years: any[][], explain?: any[][]): any[][] {
  const args = guarded(() => {
    const columns = {
      drivenOnlineSales: columnOf("drivenOnlineSales", drivenOnlineSales),
      investmentLast3Years: columnOf("investmentLast3Years", investmentLast3Years),
    };
    return { columns, explain: booleanArg("explain", columnOf("explain", explain)[0], false), rows: rowCount(columns) };
  });
  const c = args.columns;
  return spill(args.rows, (i) => {
    const facts: ApplicationFacts = {
      drivenOnlineSales: requiredAmountArg("drivenOnlineSales", at(c.drivenOnlineSales, i)),
      investmentLast3Years: requiredAmountArg("investmentLast3Years", at(c.investmentLast3Years, i)),
    };
    return shown(computeAward("M7", facts, { trace: args.explain }), args.explain);
  });
}

/**
 * A measure's cap in yuan (clause 1's depends on the project's total investment).
 * @customfunction CAP
 * @param {any[][]} measure The measure: M1 … M19 (also 1, 第1条, 4a, 4(1)…).
 * @param {any[][]} [totalInvestment] Total investment in yuan: needed for M1, whose cap depends on it.
 * @returns {any[][]} The cap in yuan.
 */
export function cap(measure: any[][], totalInvestment?: any[][]): any[][] {
  const args = guarded(() => {
    const columns = { measure: columnOf("measure", measure), totalInvestment: columnOf("totalInvestment", totalInvestment) };
    return { columns, rows: rowCount(columns) };
  });
  const c = args.columns;
  return spill(args.rows, (i) => {
    const id = parseMeasureId(at(c.measure, i));
    const value = measureCap(id, { totalInvestment: amountArg("totalInvestment", at(c.totalInvestment, i)) });
    if (value === null) throw new CellFailure("#N/A", `${id} has no cap in this policy`, `${measureTerm(id).zh}在本政策中没有金额上限`);
    return value.toNumber();
  });
}

/**
 * The policy's best-highest-no-duplication rule (从优、就高、不重复) across a budget sheet: each row's amount if it wins for its entity (and year) — the highest, ties to the lower measure, then the earlier row — else 0.
 * @customfunction BEST_OF
 * @param {any[][]} entityIds Column of entity ids (Unified Social Credit Codes).
 * @param {any[][]} amounts Column of amounts in yuan.
 * @param {any[][]} [years] Optional column of award years: an entity competes only within a year.
 * @param {any[][]} [measures] Optional column of measures: amounts of one measure count together; ties go to the lower measure.
 * @returns {any[][]} A column with each row's amount or 0.
 */
export function bestOf(entityIds: any[][], amounts: any[][], years?: any[][], measures?: any[][]): any[][] {
  const rows = guarded(() => {
    const columns = {
      entityIds: columnOf("entityIds", entityIds),
      amounts: columnOf("amounts", amounts),
      years: columnOf("years", years),
      measures: columnOf("measures", measures),
    };
    return Array.from({ length: rowCount(columns) }, (_, i): BestOfRow => {
      try {
        return bestOfRow(i, at(columns.entityIds, i), at(columns.amounts, i), at(columns.years, i), at(columns.measures, i));
      } catch (error) {
        return { kind: "error", error };
      }
    });
  });
  const candidates = rows.flatMap((row, index) =>
    row.kind === "row" ? [{ scope: row.scope, measureKey: row.measureKey, clause: row.clause, index, amount: row.amount }] : [],
  );
  const winners = chooseWinners(candidates);
  return spill(rows.length, (i) => {
    const row = rows[i];
    if (row.kind === "error") throw row.error;
    if (row.kind === "blank") return 0;
    return winners.get(row.scope)?.measureKey === row.measureKey ? row.amount.toNumber() : 0;
  });
}

type BestOfRow =
  | { kind: "blank" }
  | { kind: "error"; error: unknown }
  /** Without a measure column each row stands alone (`#index`). */
  | { kind: "row"; scope: string; measureKey: string; clause: number; amount: Decimal };

function bestOfRow(i: number, entityCell: Cell, amountCell: Cell, yearCell: Cell, measureCell: Cell): BestOfRow {
  const entity = textArg("entityIds", entityCell);
  const amount = amountArg("amounts", amountCell, { negative: true });
  if (entity === null && amount === null) return { kind: "blank" };
  if (entity === null) throw new CellFailure("#VALUE!", `entityIds row ${i + 1} is empty`, `${argumentZh("entityIds")}第${i + 1}行为空`);
  // Amounts compete to the fen (0.1+0.2 and 0.30 are the same amount).
  const value = roundToFen(amountInput(amount ?? 0, "amounts", { zh: `${argumentZh("amounts")}第${i + 1}行`, en: `amounts row ${i + 1}` }));
  const year = parseYearCell(yearCell);
  if (year.kind === "invalid")
    throw new CellFailure("#VALUE!", `years row ${i + 1}: ${year.en}`, `${argumentZh("years")}第${i + 1}行：${year.zh}`);
  const measure = measureCell === null || measureCell === "" ? null : parseMeasureId(measureCell);
  return {
    kind: "row",
    scope: `${normaliseUscc(entity)}|${year.kind === "value" ? year.value : ""}`,
    measureKey: measure ?? `#${i}`,
    clause: measure ? clauseNumber(measure) : Infinity,
    amount: value,
  };
}

/**
 * TRUE if the text is an 18-character Unified Social Credit Code (统一社会信用代码) with a correct check character.
 * @customfunction USCC_VALID
 * @param {any[][]} code The code, or a column of codes.
 * @returns {any[][]} TRUE or FALSE.
 */
export function usccValid(code: any[][]): any[][] {
  const codes = guarded(() => columnOf("code", code));
  return spill(codes.length, (i) => typeof codes[i] === "string" && isValidUscc(codes[i] as string));
}

/**
 * The Heilongjiang city or prefecture named by a Unified Social Credit Code's division digits, or #N/A for a code from elsewhere.
 * @customfunction CITY
 * @param {any[][]} code The code, or a column of codes.
 * @returns {any[][]} The city's name.
 */
export function city(code: any[][]): any[][] {
  const codes = guarded(() => columnOf("code", code));
  return spill(codes.length, (i) => {
    const text = textArg("code", codes[i]) ?? "";
    const check = checkUscc(text);
    if (!check.valid) throw new InputError("type", "code", check.zh!, check.en!);
    const found = cityOfUscc(check.normalised);
    if (!found)
      throw new CellFailure(
        "#N/A",
        `${check.normalised} is not registered in a Heilongjiang city (division ${check.normalised.slice(2, 8)})`,
        `${check.normalised} 不属于黑龙江省的市（地）`,
      );
    return found.zh;
  });
}
