import { IsoDate } from "../dates/civil-date";
import { LprUnknownError, InputError } from "../errors/errors";
import { LprTable } from "../lpr/lpr-table";
import { BalancePoint, DayCountBasis, InterestSubsidyResult, LprMode } from "../lpr/interest-subsidy";
import { DecimalInput, Money } from "../money/money";
import { CapScope, Localized, ParameterSet } from "../policy/types";
import { Reason } from "../reasons/reasons";
import { MeasureId } from "./measure-id";

/** The loan of an interest-subsidy measure (第1、2、5、8条). */
export interface LoanFacts {
  principal?: DecimalInput | readonly BalancePoint[] | null;
  loanRate?: DecimalInput | null;
  startDate?: IsoDate | null;
  endDate?: IsoDate | null;
  interestPaid?: DecimalInput | null;
}

/** What an applicant states; each measure reads only the facts its clause names. Amounts in yuan. */
export interface ApplicationFacts {
  /** 优质电商主体 (第1条) or 限额以上在统 (第3条), as the measure asks. */
  qualified?: boolean | null;
  totalInvestment?: DecimalInput | null;
  loan?: LoanFacts | null;
  /** 年度新增实物网络零售额; negative is a real decline. */
  onlineRetailIncrease?: DecimalInput | null;
  importExport?: DecimalInput | null;
  /** 首次达到 (第4条). */
  firstTime?: boolean | null;
  eligibleCosts?: DecimalInput | null;
  /** 示范级别 (第6条). */
  level?: "national" | "provincial" | null;
  drivenOnlineSales?: DecimalInput | null;
  investmentLast3Years?: DecimalInput | null;
  /** 核定金额 (第14条), decided by the department. */
  approvedAmount?: DecimalInput | null;
  /** Whether the applicant's credit code was registered in Heilongjiang (the batch reads it from the code). */
  inProvince?: boolean | null;
  /** The applicant's credit code, normalised (the batch gives it): 第19条 pays government organs (`11…`) only. */
  applicantId?: string | null;
}

export type InterestWindow = "loan" | "award-year";

export interface CalculationOptions {
  lprMode: LprMode;
  dayCount: DayCountBasis;
  interestWindow: InterestWindow;
  /** The first day interest may be subsidised (option effectiveFrom); absent: the parameter set's issue date. */
  effectiveFrom?: IsoDate;
}

/** Everything a measure's rule may consult besides the applicant's facts. */
export interface AwardContext extends CalculationOptions {
  policy: ParameterSet;
  lpr: LprTable;
  /** The award year (申报年度); needed by interestWindow `award-year`. */
  year?: number;
  /** false skips building the readable trace (screening thousands of rows); default true. */
  trace?: boolean;
  /**
   * Whether the applicant's credit code was registered in Heilongjiang, when a batch read it from the code (facts
   * may say so too: `inProvince`).
   */
  applicantInProvince?: boolean;
}

export type AwardStatus = "eligible" | "ineligible" | "manual" | "not_cash" | "error";

/** One step of a calculation, readable by a person, in both languages. */
export interface TraceStep {
  step: string;
  zh: string;
  en: string;
}

/** The failure behind an `error` award, for hosts that must map it (Excel: #VALUE!, #NUM!, #N/A). */
export type AwardFailure = { kind: "input"; error: InputError } | { kind: "lpr_unknown"; error: LprUnknownError };

export interface Award {
  measure: MeasureId;
  /** `第1条`, `第4条(1)` */
  clause: string;
  title: Localized;
  /** Clause and policy, for the record. */
  citation: string;
  status: AwardStatus;
  /** What the rule computes before any cap, rounded to the fen; null when nothing could be computed. */
  computed: Money | null;
  /** The measure's cap for this applicant (nominal: before history and other rows). */
  cap: Money | null;
  capScope: CapScope | null;
  /** Which tier of the cap applies (0 the base; 第1条's higher cap is tier 1). */
  capTier: number;
  /** computed, limited by the cap; what this row alone would receive. */
  amount: Money;
  reasons: Reason[];
  trace: TraceStep[];
  interest?: InterestSubsidyResult;
  failure?: AwardFailure;
}

export type AwardFunction = (facts: ApplicationFacts, context: AwardContext) => Award;
