import * as React from "react";
import { Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { ExplainedError } from "../../excel/office-errors";
import { Language, T } from "../i18n";
import { useScreenStyles } from "./screen-styles";

/** What stopped the screening, in the pane's language with the code for support, and a way to start again. */
export function ErrorSection({
  error,
  t,
  language,
  onRescreen,
}: {
  error: ExplainedError;
  t: T;
  language: Language;
  onRescreen: () => void;
}) {
  const styles = useScreenStyles();
  return (
    <div className={styles.column}>
      <MessageBar intent="error" data-testid="error">
        <MessageBarBody>
          <MessageBarTitle>{t("error")}</MessageBarTitle>
          {error[language]}
          <br />
          <Caption1>
            {t("errorCode")}: {error.code}
          </Caption1>
        </MessageBarBody>
      </MessageBar>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onRescreen}>
          {t("rescreen")}
        </Button>
      </div>
    </div>
  );
}
