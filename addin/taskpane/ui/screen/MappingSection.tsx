import * as React from "react";
import { Button, Caption1, MessageBar, MessageBarBody, Subtitle2, mergeClasses } from "@fluentui/react-components";
import { TableChoice, TableInfo } from "../../../../core";
import { Prepared } from "../../screening-session";
import { Language, T } from "../i18n";
import { TableCard } from "./TableCard";
import { useScreenStyles } from "./screen-styles";

/**
 * The tables found and how their columns map, with the button that screens (off while `blocked`) in a bar kept at
 * the foot of the pane.
 */
export function MappingSection({
  tables,
  prepared,
  choices,
  blocked,
  t,
  language,
  onChoose,
  onStart,
  onRescreen,
}: {
  tables: readonly TableInfo[];
  prepared: Prepared;
  choices: Record<string, TableChoice>;
  blocked: boolean;
  t: T;
  language: Language;
  onChoose: (sheet: string, patch: TableChoice) => void;
  onStart: () => void;
  onRescreen: () => void;
}) {
  const styles = useScreenStyles();
  return (
    <div className={styles.column} data-testid="mapping">
      <Subtitle2 as="h2">{t("mapping")}</Subtitle2>
      {tables.length === 0 ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t("noTables")}</MessageBarBody>
        </MessageBar>
      ) : (
        <Caption1>{t("mappingHelp")}</Caption1>
      )}
      {tables.map((table) => (
        <TableCard
          key={table.sheet}
          table={table}
          prepared={prepared}
          t={t}
          language={language}
          skip={!!choices[table.sheet]?.skip}
          onChoose={(patch) => onChoose(table.sheet, patch)}
        />
      ))}
      <div className={mergeClasses(styles.actions, styles.stickyActions)} data-testid="mapping-actions">
        <Button appearance="primary" disabled={blocked} onClick={onStart} data-testid="screen">
          {t("screen")}
        </Button>
        <Button onClick={onRescreen}>{t("rescreen")}</Button>
      </div>
    </div>
  );
}
