/**
 * Random workbooks whose rows the engine's fast rules decide (the property test's main generator): each row
 * states the facts its measure reads, complete, in cells the fast readers take (whole fen as numbers or text,
 * flags, dates as serials or text, rates as fractions or percent text), and its amounts lie around the numbers
 * of the parameter set it is screened with — at and one fen either side of each threshold and cap tier, and
 * from a fraction to a multiple of the amount that reaches each cap — read from the set, so that a second set
 * with other numbers moves them too. Awkward cells (bad codes, missing facts, sub-fen amounts) are the other
 * generator's (workbook-arbitrary.ts), for the reference path. A row is now and then entered twice.
 */
import fc from "fast-check";
import { ApplicationRow, HistoryRecord } from "../../core/rows/types";
import { isoToExcelSerial } from "../../core/dates/excel-serial";
import { fromDayNumber, toDayNumber } from "../../core/dates/civil-date";
import { MeasureId } from "../../core/measures/measure-id";
import { measureParams } from "../../core/policy/registry";
import { MeasureParams, ParameterSet } from "../../core/policy/types";
import { ScreenOptions, WorkbookInput } from "../../core/screening/screen";
import { ENTITY_POOL } from "./arbitraries";
import { HEADER } from "./workbook-arbitrary";

/** An amount in yuan as a number whose shortest form is whole fen. */
const yuanOfFen = (fen: number) => fen / 100;

/** Whole fen from `low` to `high` times `value` (yuan). */
const scaled = (value: number, low: number, high: number) =>
  fc.integer({ min: Math.round(value * 100 * low), max: Math.max(1, Math.round(value * 100 * high)) }).map(yuanOfFen);

/** At a number of the set, one fen either side, or anywhere from a third of it to three times it. */
const around = (value: number) =>
  fc.oneof({ weight: 2, arbitrary: fc.constantFrom(value, value - 0.01, value + 0.01) }, { weight: 5, arbitrary: scaled(value, 0.3, 3) });

/** A base whose rate × base lies from a fifth of the cap to two and a half times it, or exactly at it. */
const baseForCap = (params: MeasureParams) => {
  const reaching = params.cap!.amount!.value / params.rate!.value;
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(Math.round(reaching * 100) / 100) },
    { weight: 5, arbitrary: scaled(reaching, 0.2, 2.5) },
  );
};

/** The thresholds a total investment is tested against (the measure's and its cap tiers'). */
const investmentAround = (params: MeasureParams) => {
  const levels = [params.threshold?.value, ...(params.cap?.tiers ?? []).map((t) => t.value)].filter((v): v is number => v !== undefined);
  return levels.length ? fc.oneof(...levels.map(around)) : scaled(5_000_000, 0, 2);
};

const days = (iso: string) => toDayNumber(iso);

/** A loan whose subsidy lies around the cap: principal × about 3% a year × up to the set's months. */
function loanArb(set: ParameterSet, params: MeasureParams) {
  const cap = Math.max(...[params.cap!.amount!.value, ...(params.cap?.tiers ?? []).map((t) => t.amount.value)]);
  const years = set.interestSubsidy.maxMonths.value / 12;
  const period = set.subsidyPeriod;
  return fc
    .record({
      principal: scaled(cap / (0.03 * years), 0.05, 3),
      loanRate: fc.oneof(
        { weight: 1, arbitrary: fc.constant(0) },
        { weight: 10, arbitrary: fc.integer({ min: 10, max: 700 }).map((bp) => bp / 10_000) },
      ),
      start: fc.integer({ min: days(period.effectiveFrom.value) - 3 * 365, max: days(period.end) }),
      months: fc.integer({ min: 1, max: set.interestSubsidy.maxMonths.value + 24 }),
      interestPaid: fc.option(scaled(cap, 0, 1.5), { nil: undefined, freq: 2 }),
      // One time in three, one of two loans every row may share: the same loan claimed in several award years
      // (RULES.md revision 3: `loan` mode pays it once).
      shared: fc.oneof(
        { weight: 2, arbitrary: fc.constant<number | undefined>(undefined) },
        { weight: 1, arbitrary: fc.constantFrom<number | undefined>(0, 1) },
      ),
    })
    .map(({ principal, loanRate, start, months, interestPaid, shared }) => {
      if (shared !== undefined) {
        principal = Math.round(cap / (0.03 * years)) * (shared + 1);
        start = days(period.effectiveFrom.value) - 40 + 200 * shared;
      }
      return {
        principal,
        loanRate,
        startDate: fromDayNumber(start),
        endDate: fromDayNumber(start + Math.round(months * 30.4)),
        interestPaid,
      };
    });
}

/** The facts a measure's rule reads, all present, around the set's numbers. */
function factsArb(set: ParameterSet, measure: MeasureId): fc.Arbitrary<NonNullable<ApplicationRow["facts"]>> {
  const params = measureParams(set, measure);
  const flag = fc.boolean();
  if (params.kind === "interest") {
    return fc.record({ qualified: flag, totalInvestment: investmentAround(params), loan: loanArb(set, params) });
  }
  switch (measure) {
    case "M3":
      return fc.record({
        qualified: flag,
        onlineRetailIncrease: fc.oneof(around(params.threshold!.value), baseForCap(params), scaled(params.threshold!.value, -1, 0)),
      });
    case "M4a":
    case "M4b":
      return fc.record({ importExport: around(params.threshold!.value), firstTime: flag, eligibleCosts: baseForCap(params) });
    case "M7":
      return fc.record({ drivenOnlineSales: around(params.threshold!.value), investmentLast3Years: baseForCap(params) });
    case "M14":
      return fc.record({ approvedAmount: fc.option(scaled(params.cap?.amount?.value ?? 1_000_000, 0, 2), { nil: undefined }) });
    default:
      return fc.constant({});
  }
}

/** How each measure may be written in the 申报条款 column (ids, clause numbers, 第N条). */
const MEASURE_CELLS: readonly [MeasureId, readonly (string | number)[]][] = [
  ["M1", ["M1", 1]],
  ["M2", ["第2条", "M2"]],
  ["M3", ["M3", 3]],
  ["M4a", ["4a", "M4a"]],
  ["M4b", ["4(2)", "M4b"]],
  ["M5", ["5", "M5"]],
  ["M6a", ["M6a"]],
  ["M6b", ["6b"]],
  ["M7", ["7", "M7"]],
  ["M8a", ["8a"]],
  ["M8b", ["M8b"]],
  ["M14", ["14"]],
  ["M19", ["19"]],
  ["M9", ["9"]],
  ["M13", ["第13条"]],
];

/** The measure's (base) cap or fixed amount in the set, else a million: what claims and history are scaled to. */
function capOf(set: ParameterSet, measure: MeasureId): number {
  const params = measureParams(set, measure);
  return params.cap?.amount?.value ?? params.amount?.value ?? 1_000_000;
}

/** A row of a measure, inside the set's award years (now and then the year either side). */
export function policyRowArb(set: ParameterSet): fc.Arbitrary<ApplicationRow> {
  const first = set.validity.firstAwardYear.value;
  const last = set.validity.lastAwardYear.value;
  return fc.constantFrom(...MEASURE_CELLS).chain(([measure, cells]) =>
    fc.record({
      entityId: fc.constantFrom(...ENTITY_POOL),
      year: fc.oneof(
        { weight: 12, arbitrary: fc.integer({ min: first, max: last }) },
        { weight: 1, arbitrary: fc.constantFrom(first - 1, last + 1) },
      ),
      measure: fc.constantFrom(...cells).map(String),
      projectId: fc.option(fc.constantFrom("P1", "P2", "P3"), { nil: undefined, freq: 4 }),
      facts: factsArb(set, measure),
      claimedAmount: fc.option(scaled(capOf(set, measure), 0, 1.5), { nil: undefined, freq: 6 }),
      otherProvincialSupport: fc.option(scaled(capOf(set, measure), 0, 1), { nil: undefined, freq: 8 }),
    }),
  );
}

/** An amount as a plain number, or as text the fast readers parse once (separators, 元). */
const amountCell = (value: unknown) =>
  value === undefined || value === null
    ? fc.constant(null)
    : fc.oneof(
        { weight: 6, arbitrary: fc.constant(Number(value)) },
        { weight: 1, arbitrary: fc.constant(Number(value).toLocaleString("en", { maximumFractionDigits: 2 })) },
        { weight: 1, arbitrary: fc.constant(String(value)) },
      );
const flagCell = (value: boolean | null | undefined) =>
  value === undefined || value === null
    ? fc.constant(null)
    : fc.constantFrom<unknown>(value ? "是" : "否", value, value ? 1 : 0, value ? "Y" : "N");
const dateCell = (iso: string | undefined | null) =>
  !iso ? fc.constant(null) : fc.constantFrom<unknown>(isoToExcelSerial(iso) ?? iso, iso, iso.replace(/-/g, "/"));
const rateCell = (rate: unknown, inPercent: boolean) =>
  rate === undefined || rate === null
    ? fc.constant(null)
    : inPercent
      ? fc.constant(Math.round(Number(rate) * 1_000_000) / 10_000)
      : fc.constantFrom<unknown>(Number(rate), `${(Number(rate) * 100).toFixed(2)}%`);
/** 万元 to six places (whole fen), made from the fen so that the float's shortest form has no noise. */
const wanCell = (value: unknown) =>
  value === undefined || value === null ? fc.constant(null) : fc.constant(Math.round(Number(value) * 100) / 1_000_000);

/** Values outside RULES.md's bounds (revision 3: an error for every value given, used or not). */
const OUT_OF_RANGE_AMOUNTS: readonly unknown[] = [1e14, "1E14", -1, "15%"];
const OUT_OF_RANGE_RATES: readonly unknown[] = [5, 0.3, "0.05%", -0.01];
/** A column the row leaves empty gets, now and then, a value outside the bounds. */
function unusedOr(cell: fc.Arbitrary<unknown>, given: unknown, outside: readonly unknown[]): fc.Arbitrary<unknown> {
  if (given !== undefined && given !== null) return cell;
  return fc.oneof({ weight: 60, arbitrary: cell }, { weight: 1, arbitrary: fc.constantFrom(...outside) });
}

/** The row's cells in HEADER's order. */
function plainRowCells(row: ApplicationRow, units: { wan: boolean; percent: boolean }): fc.Arbitrary<unknown[]> {
  const facts = row.facts ?? {};
  const loan = facts.loan ?? null;
  const level = row.measure === "M6a" ? "国家级" : row.measure === "6b" ? "省级" : null;
  return fc.tuple(
    fc.constant(row.entityId ?? null),
    fc.constantFrom("龙江电商有限公司", null),
    fc.constantFrom(null, "哈尔滨", " 大庆 "),
    fc.constantFrom<unknown>(row.year, `${row.year}年`),
    fc.constant(row.measure),
    fc.constant(row.projectId ?? null),
    flagCell(facts.qualified),
    unusedOr(units.wan ? wanCell(facts.totalInvestment) : amountCell(facts.totalInvestment), facts.totalInvestment, OUT_OF_RANGE_AMOUNTS),
    amountCell(loan?.principal as unknown),
    unusedOr(rateCell(loan?.loanRate, units.percent), loan?.loanRate, OUT_OF_RANGE_RATES),
    // An out-of-range value in a column the row's measure does not use is an error all the same (revision 3).
    dateCell(loan?.startDate),
    dateCell(loan?.endDate),
    amountCell(loan?.interestPaid),
    amountCell(facts.onlineRetailIncrease),
    amountCell(facts.importExport),
    flagCell(facts.firstTime),
    amountCell(facts.eligibleCosts),
    fc.constant(level),
    amountCell(facts.drivenOnlineSales),
    amountCell(facts.investmentLast3Years),
    amountCell(facts.approvedAmount),
    amountCell(row.claimedAmount),
    amountCell(row.otherProvincialSupport),
  ) as fc.Arbitrary<unknown[]>;
}

function rowCellsArb(
  rows: fc.Arbitrary<ApplicationRow>,
  units: { wan: boolean; percent: boolean },
  awkward: fc.Arbitrary<unknown[]> | undefined,
  every: number,
): fc.Arbitrary<unknown[]> {
  const plain = rows.chain((row) => plainRowCells(row, units));
  return awkward ? fc.oneof({ weight: every - 1, arbitrary: plain }, { weight: 1, arbitrary: awkward }) : plain;
}

/** Awards already paid, in the set's measures and years. */
export function historyArb(
  set: ParameterSet,
  measures: readonly MeasureId[] = ["M1", "M2", "M3", "M4a", "M4b", "M5", "M6a", "M6b", "M7", "M8a", "M8b", "M19"],
  entities: readonly string[] = ENTITY_POOL,
): fc.Arbitrary<HistoryRecord> {
  return fc.constantFrom<MeasureId>(...measures).chain((measure) =>
    fc.record(
      {
        entityId: fc.constantFrom(...entities),
        measure: fc.constant(measure),
        year: fc.integer({ min: set.validity.firstAwardYear.value - 1, max: set.validity.lastAwardYear.value }),
        amount: scaled(capOf(set, measure), 0, 1.2).map((v) => v.toFixed(2)),
        // Some name their project (项目名称): a one-time award is then refused for that project only.
        projectId: fc.constantFrom("P1", "P2", "P3"),
        // The paid project's 总投资额 (a tier of 第1条, RULES.md revision 3), or none (against every limit).
        totalInvestment: investmentAround(measureParams(set, measure)),
      },
      { requiredKeys: ["entityId", "measure", "year", "amount"] },
    ),
  );
}

function optionsArb(set: ParameterSet): fc.Arbitrary<ScreenOptions> {
  return fc.record({
    policy: fc.constant(set.id),
    lprMode: fc.constantFrom("fixed" as const, "floating" as const),
    dayCount: fc.constantFrom(...set.interestSubsidy.dayCountBases.value),
    dedupScope: fc.constantFrom("entity-year" as const, "entity-project" as const),
    otherSupport: fc.constantFrom("top-up" as const, "exclude" as const),
    interestWindow: fc.constantFrom("loan" as const, "award-year" as const),
    // The set's issue date, or one up to about a year either side (never after the period's end).
    effectiveFrom: fc.option(
      fc
        .integer({ min: -400, max: 500 })
        .map((k) => fromDayNumber(Math.min(days(set.subsidyPeriod.effectiveFrom.value) + k, days(set.subsidyPeriod.end)))),
      { nil: undefined },
    ),
  });
}

export interface PolicyWorkbookShape {
  /** The rows (default: policyRowArb(set)). */
  rows?: fc.Arbitrary<ApplicationRow>;
  maxRows?: number;
  /** Rows of awkward cells mixed in, one in `awkwardEvery` (the reference decides them beside the fast rows). */
  awkward?: fc.Arbitrary<unknown[]>;
  awkwardEvery?: number;
  /** The history records (default: historyArb(set)). */
  history?: fc.Arbitrary<HistoryRecord>;
}

/** Rows as one applicant sheet under HEADER (总投资额 in 万元 or 贷款利率 in % at random), history, an LPR sheet. */
export function policyWorkbookArb(set: ParameterSet, shape: PolicyWorkbookShape = {}) {
  const { rows = policyRowArb(set), maxRows = 24, awkward, awkwardEvery = 30, history: historyRecords = historyArb(set) } = shape;
  return fc
    .record({
      units: fc.record({ wan: fc.boolean(), percent: fc.boolean() }),
      history: fc.array(historyRecords, { maxLength: 5 }),
      // Two rows of one date: with different rates an error naming both cells (neither used), with the same harmless.
      lpr: fc.option(
        fc.constantFrom<unknown[][]>(
          [["2026-09-22", 0.03]],
          [["2025-05-20", 0.0299]],
          [
            ["2026-09-22", 0.03],
            ["2026-09-22", 0.031],
          ],
          [
            ["2025-05-20", 0.0299],
            ["2025-05-20", "2.99%"],
          ],
        ),
        { nil: undefined },
      ),
      options: optionsArb(set),
      duplicates: fc.array(fc.nat(), { maxLength: 1 }),
    })
    .chain(({ units, history, lpr, options, duplicates }) =>
      fc.array(rowCellsArb(rows, units, awkward, awkwardEvery), { maxLength: maxRows }).map((rowsCells) => {
        // A row entered twice (duplicate_row), as officers do.
        const cells = [...rowsCells, ...(rowsCells.length ? duplicates.map((d) => [...rowsCells[d % rowsCells.length]]) : [])];
        const header = HEADER.map((h) =>
          units.wan && h === "总投资额" ? "总投资额(万元)" : units.percent && h === "贷款利率" ? "贷款利率(%)" : h,
        );
        const sheets: WorkbookInput["sheets"][number][] = [{ name: "申报", values: [header, ...cells] }];
        if (history.length) {
          sheets.push({
            name: "历史兑现",
            values: [
              ["统一社会信用代码", "条款", "年度", "兑现金额", "总投资额", "项目名称"],
              ...history.map((h) => [
                h.entityId,
                h.measure,
                h.year,
                Number(h.amount),
                h.totalInvestment == null ? null : Number(h.totalInvestment),
                h.projectId ?? null,
              ]),
            ],
          });
        }
        if (lpr) sheets.push({ name: "LPR", values: [["日期", "利率"], ...lpr] });
        return { workbook: { sheets } as WorkbookInput, options };
      }),
    );
}
