/**
 * The one settlement (RULES.md "Order of application", the batch): every row enters it in whole fen, however
 * its amount was decided (a fast rule or the decimal reference), entity by entity — every step only ever
 * relates rows of one entity: history → one-time awards in the first award year → year by year, shared caps
 * in row order, then 不重复 over what is left. Each step is a module of its own; each records what it did as
 * flags and numbers in the columns (columns.ts), worded later (screening/screened-rows.ts). Held to the
 * decimal oracle (test/oracle/resolve-batch.ts) by test/core/screening/fast-engine.test.ts.
 */
import { MEASURE_IDS } from "../measures/measure-id";
import { Options } from "../options";
import { ParameterSet } from "../policy/types";
import { BatchColumns, isLive } from "./columns";
import { FenHistory, applyHistory } from "./history";
import { firstAwardYearOnly, firstTimeContradicted, loanPaidOnce } from "./one-time";
import { settleYears } from "./years";
import { Pools, Work, measureFacts } from "./work";

/**
 * History → one-time awards in the entity's first award year → year by year: shared caps in row order, then
 * 不重复 over what is left; what a year pays is history for the next. Rows must be in input order.
 */
export function settleBatch(columns: BatchColumns, history: FenHistory, policy: ParameterSet, options: Options): void {
  const { n, entity, status, amount } = columns;
  const measures = measureFacts(policy);
  const maxLimits = Math.max(1, ...measures.flatMap((m) => m.limits.map((l) => l.length)));

  // The rows of each entity, in input order (a counting sort on the entity index).
  let entities = 0;
  for (let i = 0; i < n; i++) if (entity[i] + 1 > entities) entities = entity[i] + 1;
  const start = new Int32Array(entities + 1);
  for (let i = 0; i < n; i++) if (entity[i] >= 0) start[entity[i] + 1]++;
  for (let e = 0; e < entities; e++) start[e + 1] += start[e];
  const order = new Int32Array(start[entities]);
  const fill = start.slice(0, entities);
  for (let i = 0; i < n; i++) if (entity[i] >= 0) order[fill[entity[i]]++] = i;

  const work: Work = {
    columns,
    history,
    measures,
    options,
    pools: new Pools(),
    rowPools: new Int32Array(n * maxLimits).fill(-1),
    maxLimits,
    bindingTakers: new Map(),
    metListIndex: new Map(),
    startAmount: new Float64Array(n),
    startFlags: new Uint16Array(n),
    totals: new Float64Array(MEASURE_IDS.length),
    firsts: new Int32Array(MEASURE_IDS.length),
    met: new Int8Array(MEASURE_IDS.length),
  };
  // One entity's rows at a time, in a scratch list as long as the longest.
  let longest = 0;
  for (let e = 0; e < entities; e++) longest = Math.max(longest, start[e + 1] - start[e]);
  const rows = new Int32Array(longest);
  for (let e = 0; e < entities; e++) {
    let count = 0;
    for (let k = start[e]; k < start[e + 1]; k++) if (isLive(status[order[k]]) && columns.measure[order[k]] >= 0) rows[count++] = order[k];
    if (count === 0) continue;
    applyHistory(columns, rows, count, e, history, measures);
    firstTimeContradicted(columns, order, start[e], start[e + 1], rows, count);
    firstAwardYearOnly(columns, rows, count, measures);
    if (options.interestWindow === "loan") loanPaidOnce(columns, rows, count);
    settleYears(work, rows, count, e);
  }
  for (let i = 0; i < n; i++) if (!isLive(status[i])) amount[i] = 0;
}
