/**
 * "The same loan" (RULES.md revision 3, `loan` mode pays a loan once): same entity, measure, project, principal
 * and start date. Here the loan's part of it — its principal (or balance schedule) and start date — as text, the
 * same from the decimal facts and from the fast columns; null when either is not read.
 */
import { parseIsoDate } from "../dates/civil-date";
import { nonNegativeAmount } from "../money/input";
import { Decimal } from "../money/money";
import { LoanFacts } from "./types";

const PRINCIPAL = { zh: "贷款本金", en: "loan principal" };

export function loanIdentity(loan: LoanFacts | null | undefined): string | null {
  if (!loan || typeof loan.startDate !== "string") return null;
  const day = parseIsoDate(loan.startDate);
  const p = loan.principal;
  if (day === null || p === null || p === undefined || p === "") return null;
  try {
    const principal = Array.isArray(p)
      ? `schedule ${p.map((b) => `${b.date}=${nonNegativeAmount(b.balance, "principal", PRINCIPAL).toString()}`).join(",")}`
      : nonNegativeAmount(p as Exclude<typeof p, readonly unknown[]>, "principal", PRINCIPAL).toString();
    return `${principal}|${day}`;
  } catch {
    return null;
  }
}

/** The same from the fast columns: the principal in fen, the start as a day number (NaN: not read). */
export function loanIdentityFen(principalFen: number, startDay: number): string | null {
  if (Number.isNaN(principalFen) || Number.isNaN(startDay)) return null;
  return `${new Decimal(principalFen).div(100).toString()}|${startDay}`;
}
