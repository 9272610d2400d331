/**
 * The shape of a parameter set: every number of the policy as data, each with its clause (第N条), a Chinese
 * and English title and, where useful, the policy's own words. A new policy version is a new set of this
 * shape (a JSON file), never an edit of code. Learnt from OpenFisca's parameters (value, unit, reference).
 */
export interface Localized {
  zh: string;
  en: string;
}

export type Unit = "CNY" | "ratio" | "months" | "days" | "year" | "date";

/** One number of the policy and where it comes from. */
export interface Param<T = number> {
  value: T;
  unit: Unit;
  /** e.g. `第1条` */
  clause: string;
  title: Localized;
  /** The policy's own words for this number. */
  text?: string;
}

/**
 * The day the policy takes effect ("本政策措施自印发之日起施行"). A draft has no issue date: its set gives a
 * stand-in, marked `assumed`, whose title is the words every output that depends on it shows.
 */
export interface EffectiveFrom extends Param<string> {
  /** An ISO date. */
  unit: "date";
  /** True for a stand-in (a draft's publication date), not the issued text's own date. */
  assumed: boolean;
  note?: string;
}

/** `超过` is strict (>); `达到` and `至…(含)` are inclusive (≥). */
export type Comparison = ">" | ">=";

/** The applicant facts a threshold can test. */
export type ThresholdField = "totalInvestment" | "onlineRetailIncrease" | "importExport" | "drivenOnlineSales";
export type BaseField = "onlineRetailIncrease" | "eligibleCosts" | "investmentLast3Years";

export interface ThresholdParam extends Param {
  field: ThresholdField;
  comparison: Comparison;
}

/** A higher cap that applies when its own threshold is met (第1条: TI above 30m → 10m). */
export interface CapTier extends ThresholdParam {
  amount: Param;
}

/**
 * - `entity-cumulative`: one cap over the whole subsidy of that measure for the entity (all loans, all years);
 * - `entity-year`: the cap resets each award year;
 * - `entity-lifetime`: a one-time award, at most once per entity.
 */
export type CapScope = "entity-cumulative" | "entity-year" | "entity-lifetime";

export interface CapRule {
  scope: CapScope;
  /** Absent for fixed awards, whose cap is the award itself. */
  amount?: Param;
  tiers?: CapTier[];
}

export type MeasureKind = "interest" | "percentage" | "fixed" | "manual" | "none";

export interface MeasureParams {
  id: string;
  clause: number;
  /** Sub-measure of a clause with two (第4条 (1)/(2), 第6条, 第8条). */
  part?: number;
  cash: boolean;
  kind: MeasureKind;
  title: Localized;
  text: string;
  qualification?: Localized;
  threshold?: ThresholdParam;
  base?: BaseField;
  baseTitle?: Localized;
  rate?: Param;
  amount?: Param;
  cap?: CapRule;
  oneTime?: boolean;
  needsFirstTime?: boolean;
  /**
   * The clause asks for an applicant of the province (第2条 省内电商企业, 第3条 限额以上在统): a code registered
   * elsewhere makes the row `manual`, for a person to check the registration.
   */
  inProvince?: Localized & { text: string };
  /** For 第6条: which 示范级别 this sub-measure is. */
  level?: "national" | "provincial";
  nonCashNote?: Localized;
}

/**
 * The fields of every measure's entry: who it is and how people name it, read by every host. Any other field is
 * a number or word of the measure's rule, and a set may give it only to a measure whose rule reads it (each
 * measure module declares its `reads`; the registry refuses the rest).
 */
export const CATALOGUE_FIELDS = [
  "id",
  "clause",
  "part",
  "cash",
  "kind",
  "title",
  "text",
] as const satisfies readonly (keyof MeasureParams)[];

/** A field of a measure's entry that its rule reads (or not): anything but the catalogue fields. */
export type RuleField = Exclude<keyof MeasureParams, (typeof CATALOGUE_FIELDS)[number]>;

export interface ParameterSet {
  id: string;
  title: Localized;
  issuer: Localized;
  /** ISO date the text was published. */
  published: string;
  stage: "draft" | "final";
  source: string;
  lastChecked: string;
  notes?: string;
  validity: {
    firstAwardYear: Param;
    lastAwardYear: Param;
  };
  /**
   * The days the policy runs (from effectiveFrom to end, inclusive ISO dates): interest accrued outside them is
   * never subsidised, and the award years are the calendar years they span.
   */
  subsidyPeriod: {
    /** The issue date (自印发之日起施行): the first day interest may be subsidised. */
    effectiveFrom: EffectiveFrom;
    end: string;
    clause: string;
    title: Localized;
    text: string;
    note?: string;
  };
  interestSubsidy: {
    maxMonths: Param;
    dayCountBases: Param<number[]>;
  };
  noDuplication: {
    clause: string;
    title: Localized;
    text: string;
  };
  measures: MeasureParams[];
}
