import * as React from "react";
import { Body1, Button, Caption1, Card, CardHeader, MessageBar, MessageBarBody, Subtitle2, Text } from "@fluentui/react-components";
import { RunOutcome } from "../../screening-session";
import { Language, T } from "../i18n";
import { HeadlineTotals } from "./HeadlineTotals";
import { ProblemList } from "./ProblemList";
import { useScreenStyles } from "./screen-styles";
import type { Explanation } from "./use-explanation";

/** After a screening: where the results went, what this Excel left out, the totals, the problems, one row explained. */
export function ResultsSection({
  outcome,
  explanation,
  t,
  language,
  onRescreen,
}: {
  outcome: RunOutcome;
  explanation: Explanation;
  t: T;
  language: Language;
  onRescreen: () => void;
}) {
  const styles = useScreenStyles();
  const { result, sheets } = outcome;
  const { explained } = explanation;
  return (
    <div className={styles.column} data-testid="results">
      <Subtitle2 as="h2">{t("results")}</Subtitle2>
      <Body1>{t("resultsWritten", sheets)}</Body1>
      {outcome.notes.map((note) => (
        <MessageBar key={note.en} intent="info" data-testid="capability-note">
          <MessageBarBody>{note[language]}</MessageBarBody>
        </MessageBar>
      ))}
      <HeadlineTotals totals={result.totals} t={t} language={language} />
      <Subtitle2 as="h2">{t("problems")}</Subtitle2>
      <ProblemList rows={result.rows} t={t} language={language} notice={explanation.notice} onPick={explanation.pick} />
      {explained ? (
        <Card data-testid="explain" aria-live="polite">
          <CardHeader header={<Text weight="semibold">{t("explainTitle", { source: explained.source })}</Text>} />
          <Body1 className={styles.lines} data-testid="explain-text">
            {explained[language]}
          </Body1>
        </Card>
      ) : (
        <Caption1>{t("selectToExplain", sheets)}</Caption1>
      )}
      <div className={styles.actions}>
        <Button onClick={onRescreen}>{t("rescreen")}</Button>
      </div>
    </div>
  );
}
