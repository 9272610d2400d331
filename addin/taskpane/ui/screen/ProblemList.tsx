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

/** The rows in error, each a button that selects its cell and explains it; a notice when selecting failed. */
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
  const problems = rows.filter((row) => row.status === "error");
  const shown = problems.slice(0, PROBLEMS_SHOWN);
  if (problems.length === 0) return <Body1>{t("noProblems")}</Body1>;
  return (
    <>
      <Caption1>{t("problemsHelp")}</Caption1>
      <ul className={styles.problems} data-testid="problems">
        {shown.map((row) => {
          const reason = row.reasons.find((r) => r.severity === "error") ?? row.reasons[0];
          const text = reason ? reason[language] : row.source;
          const target = cellOf(text) ?? cellOf(row.source);
          return (
            <li key={row.source}>
              <Link as="button" className={styles.problem} onClick={() => onPick(row, target)}>
                {text}
              </Link>
            </li>
          );
        })}
      </ul>
      {problems.length > shown.length && <Caption1>{t("moreProblems", { n: problems.length - shown.length })}</Caption1>}
      {notice && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {notice[language]} ({notice.code})
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
