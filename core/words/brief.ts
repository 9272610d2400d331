/**
 * The review list's 简要说明 (SCREENING.md revision 3): one short line, the reason that decided the row.
 */
import { STATUS_WORDS } from "../reasons/reasons";

interface BriefRow {
  status: string;
  reasons: readonly { code: string; severity: string; zh: string; en: string }[];
}

/** The deciding reason in one line: the first error, warning or info reason, else the status in words. */
export function briefReason(row: BriefRow, language: "zh" | "en"): string {
  const order = ["error", "warning", "info"];
  for (const severity of order) {
    const reason = row.reasons.find((r) => r.severity === severity);
    if (reason) return reason[language];
  }
  return STATUS_WORDS[row.status]?.[language] ?? row.status;
}
