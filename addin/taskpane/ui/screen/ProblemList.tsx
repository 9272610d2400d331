import * as React from "react";
import { Body1, Caption1, Link, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { ExplainedError } from "../../excel/office-errors";
import { Language, T } from "../i18n";
import { useScreenStyles } from "./screen-styles";
import type { Explanation, ResultRow } from "./use-explanation";

/** The pane lists this many problems; the rest are on the results sheet. */
const PROBLEMS_SHOWN = 50;

/** `申报!J16 贷款金额: …` or `申报!16` → the sheet and the cell to select. */
export function cellOf(text: string): { sheet: string; address: string } | null {
  const match = /^(.+?)!([A-Z]{1,3})?(\d+)/.exec(text);
  return match ? { sheet: match[1], address: `${match[2] ?? "A"}${match[3]}` } : null;
}

/**
 * What a problem row says: its deciding reason (why it waits for a person, or its error), led by its source when
 * the reason names no cell.
 */
export function problemText(row: ResultRow, language: Language): string {
  const reason =
    row.reasons.find((r) => r.code === "manual_review") ??
    row.reasons.find((r) => r.severity === "error") ??
    row.reasons.find((r) => r.severity === "warning") ??
    row.reasons[0];
  const text = reason ? reason[language] : "";
  return cellOf(text) ? text : `${row.source}${text ? ` ${text}` : ""}`;
}

/** One group of problems (the rows in error, or those awaiting a person), each a button that selects its cell. */
function ProblemGroup({
  rows,
  title,
  status,
  language,
  onPick,
}: {
  rows: readonly ResultRow[];
  title: string;
  status: string;
  language: Language;
  onPick: Explanation["pick"];
}) {
  const styles = useScreenStyles();
  if (rows.length === 0) return null;
  return (
    <>
      <Caption1 as="h3">{title}</Caption1>
      <ul className={styles.problems} data-testid={`problems-${status}`}>
        {rows.map((row) => {
          const text = problemText(row, language);
          return (
            <li key={row.source}>
              <Link as="button" className={styles.problem} onClick={() => onPick(row, cellOf(text) ?? cellOf(row.source))}>
                {text}
              </Link>
            </li>
          );
        })}
      </ul>
    </>
  );
}

/**
 * The problems to handle: the rows in error, then those awaiting a person's decision (待人工核定), each a button
 * that selects its cell and explains it; a notice when selecting failed.
 */
export function ProblemList({
  rows,
  t,
  language,
  notice,
  onPick,
}: {
  rows: readonly ResultRow[];
  t: T;
  language: Language;
  notice: ExplainedError | null;
  onPick: Explanation["pick"];
}) {
  const styles = useScreenStyles();
  const errors = rows.filter((row) => row.status === "error");
  const manual = rows.filter((row) => row.status === "manual");
  const total = errors.length + manual.length;
  if (total === 0) return <Body1>{t("noProblems")}</Body1>;
  const shownErrors = errors.slice(0, PROBLEMS_SHOWN);
  const shownManual = manual.slice(0, PROBLEMS_SHOWN - shownErrors.length);
  const hidden = total - shownErrors.length - shownManual.length;
  return (
    <div className={styles.problemBlock} data-testid="problems">
      <Caption1>{t("problemsHelp")}</Caption1>
      <ProblemGroup
        rows={shownErrors}
        title={t("problemErrors", { n: errors.length })}
        status="error"
        language={language}
        onPick={onPick}
      />
      <ProblemGroup
        rows={shownManual}
        title={t("problemManual", { n: manual.length })}
        status="manual"
        language={language}
        onPick={onPick}
      />
      {hidden > 0 && <Caption1>{t("moreProblems", { n: hidden })}</Caption1>}
      {notice && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {notice[language]} ({notice.code})
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
