/** What the settlement's steps share while settling one entity: the measures' numbers, the entity's limits, scratch arrays. */
import { MEASURE_IDS, clauseNumber } from "../measures/measure-id";
import { fenHalfUp } from "../money/fen";
import { Options } from "../options";
import { measureParams } from "../policy/registry";
import { ParameterSet } from "../policy/types";
import { BatchColumns, MeasureFacts } from "./columns";
import { FenHistory } from "./history";
import { limitsOf } from "./limits";

/** The batch's numbers of each measure, by measure index (limits in fen, whole fen in every parameter set). */
export function measureFacts(policy: ParameterSet): MeasureFacts[] {
  return MEASURE_IDS.map((id) => {
    const params = measureParams(policy, id);
    const tiers = 1 + (params.cap?.tiers?.length ?? 0);
    return {
      oneTime: params.oneTime === true,
      scope: params.cap?.scope ?? null,
      clause: clauseNumber(id),
      limits: Array.from({ length: tiers }, (_, tier) =>
        limitsOf(policy, id, tier).map((l) => ({ tier: l.tier, fen: fenHalfUp(l.amount) })),
      ),
    };
  });
}

/**
 * The shared limits of one entity, as parallel arrays reused from entity to entity: a limit is found by its
 * key (measure and slot) among the few the entity has.
 */
export class Pools {
  count = 0;
  key: number[] = [];
  limit: number[] = [];
  history: number[] = [];
  /** The history used, exactly, where it passes 2^53 fen; else null. */
  exactHistory: (bigint | null)[] = [];
  paidBefore: number[] = [];
  thisYear: number[] = [];
  takers: number[][] = [];
  takersYear: number[] = [];

  clear(): void {
    this.count = 0;
  }

  find(key: number): number {
    for (let p = 0; p < this.count; p++) if (this.key[p] === key) return p;
    return -1;
  }

  add(key: number, limit: number, history: number, year: number): number {
    const p = this.count++;
    this.key[p] = key;
    this.limit[p] = limit;
    this.history[p] = history;
    this.paidBefore[p] = 0;
    this.thisYear[p] = 0;
    const takers = this.takers[p];
    if (!takers) this.takers[p] = [];
    else if (takers.length) takers.length = 0;
    this.takersYear[p] = year;
    return p;
  }
}

export interface Work {
  columns: BatchColumns;
  history: FenHistory;
  measures: MeasureFacts[];
  options: Options;
  pools: Pools;
  /** The pools each row took its share from (maxLimits slots a row, -1 unused). */
  rowPools: Int32Array;
  maxLimits: number;
  /** A row a shared limit bit: the limit's pool and how many rows of the year had taken part of it before. */
  bindingTakers: Map<number, { pool: number; count: number }>;
  /** Lists of measures met, by their key (a batch has few distinct ones). */
  metListIndex: Map<number, number>;
  /** A row's amount and flags before its year's shared caps, by row: each round of re-sharing starts from them. */
  startAmount: Float64Array;
  startFlags: Uint16Array;
  /** 不重复's working arrays, by measure index. */
  totals: Float64Array;
  firsts: Int32Array;
  /** The measures a scope met, in order of first row (a scratch list, as long as MEASURE_IDS). */
  met: Int8Array;
}
