/** The rows and results every stage speaks of: a row as a host gives it, a row decided, a batch's result. */
import { MeasureId } from "../measures/measure-id";
import { ApplicationFacts, Award, AwardContext, AwardStatus } from "../measures/types";
import { Decimal, DecimalInput, Money } from "../money/money";
import { Options, OptionsInput } from "../options";
import { Localized, ParameterSet } from "../policy/types";
import { Reason } from "../reasons/reasons";

export type RowStatus = AwardStatus | "superseded";

export interface ApplicationRow {
  /** Where the row came from, e.g. `申报!12`. */
  source?: string;
  entityId?: string | null;
  entityName?: string | null;
  city?: string | null;
  year?: number | null;
  measure?: string | number | null;
  projectId?: string | null;
  facts?: ApplicationFacts;
  claimedAmount?: DecimalInput | null;
  otherProvincialSupport?: DecimalInput | null;
  /** Problems a host found reading the row's cells: the row becomes an `error` with these reasons. */
  inputErrors?: readonly Reason[];
  /** What makes two rows identical (duplicate_row); hosts that have the raw cells give them here. */
  signature?: string;
}

/** An award already paid (历史兑现). */
export interface HistoryRecord {
  entityId: string;
  measure: string | number;
  year?: number | null;
  amount: DecimalInput | null;
  /** The paid project's 总投资额 (a 第1条 payment's tier); without it a 第1条 payment counts against both limits. */
  totalInvestment?: DecimalInput | null;
  source?: string;
  /** The project (项目名称) the award was paid for: a one-time award is then refused for that project only. */
  projectId?: string | null;
  /** The host could not read the record (why, in both languages): the rows of its entity go to a person. */
  unreadable?: Localized;
}

export interface ResultRow {
  index: number;
  source: string;
  entityId: string;
  entityName: string;
  city: string;
  year: number | null;
  measure: MeasureId | null;
  clause: string;
  computed: Money | null;
  cap: Money | null;
  claimed: Money | null;
  final: Money;
  status: RowStatus;
  reasons: Reason[];
  citation: string;
  /** How the amount came about, in both languages; made when first read (a run that never shows it pays nothing). */
  readonly explain: Localized;
}

/** A row as decided alone (computeRow), before the batch: its result's fields without the explanation. */
export type RowDecision = Omit<ResultRow, "explain">;

export interface TotalLine {
  rows: number;
  final: Money;
}

export interface Totals {
  rows: number;
  entities: number;
  final: Money;
  byMeasure: Record<string, TotalLine>;
  byStatus: Record<string, TotalLine>;
  byCity: Record<string, TotalLine>;
}

export interface BatchResult {
  policy: { id: string; title: Localized; stage: ParameterSet["stage"] };
  options: Options;
  rows: ResultRow[];
  totals: Totals;
  /** History records that could not be used, with why. */
  historyProblems: { source: string; zh: string; en: string }[];
}

export interface BatchOptions extends OptionsInput {
  history?: readonly HistoryRecord[];
  /** Called now and then with rows done and the total, for hosts that show progress. */
  onProgress?: (done: number, total: number) => void;
}

/** The totals key for a row with no measure, or no city (none given and the code is not from Heilongjiang). */
export const UNKNOWN_KEY = "未知";

/** What a shared cap looked like when a row took its share: for the row's explanation. */
export interface CapUse {
  limit: Money;
  scope: "entity-cumulative" | "entity-year" | "entity-lifetime";
  history: Money;
  earlierYears: Money;
  earlierRows: Money;
  remaining: Money;
  before: Money;
  after: Money;
}

/** Whether the row won 不重复 in its scope, and the measures met there (its own among them). */
export interface DedupOutcome {
  won: boolean;
  met: readonly MeasureId[];
}

export interface Working {
  result: RowDecision;
  entity: string;
  measure: MeasureId | null;
  /** `entity|measure`, made once: the key of one-time awards, history and caps. */
  key: string;
  projectId: string;
  award: Award | null;
  facts: ApplicationFacts;
  context: AwardContext | null;
  /** The running amount through the batch steps. */
  amount: Decimal;
  other: Decimal | null;
  capUse: CapUse | null;
  dedup: DedupOutcome | null;
}

export const isLive = (status: RowStatus) => status === "eligible" || status === "manual";
