import * as React from "react";
import { Spinner } from "@fluentui/react-components";
import { PaneHost } from "../host";
import { Language, T } from "./i18n";
import type { PaneOptions } from "./pane-options";
import { ErrorSection } from "./screen/ErrorSection";
import { MappingSection } from "./screen/MappingSection";
import { ProgressSection } from "./screen/ProgressSection";
import { ResultsSection } from "./screen/ResultsSection";
import { useScreenStyles } from "./screen/screen-styles";
import { useExplanation } from "./screen/use-explanation";
import { useScreening } from "./screen/use-screening";

/** The screening tab: finding the tables, their mapping, the run, then the results (or what stopped it). */
export function ScreenTab({ host, t, language, options }: { host: PaneHost; t: T; language: Language; options: PaneOptions }) {
  const styles = useScreenStyles();
  const screening = useScreening(host, options, language);
  const { phase, find } = screening;
  const explanation = useExplanation(phase.kind === "done" ? phase.outcome : null, host);
  const rescreen = () => void find();

  switch (phase.kind) {
    case "finding":
      return <Spinner label={t("finding")} className={styles.column} />;
    case "running":
      return <ProgressSection step={phase.step} done={phase.done} total={phase.total} t={t} onCancel={screening.cancel} />;
    case "error":
      return <ErrorSection error={phase.error} t={t} language={language} onRescreen={rescreen} />;
    case "done":
      return <ResultsSection outcome={phase.outcome} explanation={explanation} t={t} language={language} onRescreen={rescreen} />;
    case "mapping":
      return (
        <MappingSection
          tables={screening.tables}
          prepared={screening.prepared!}
          choices={screening.choices}
          blocked={screening.blocked}
          t={t}
          language={language}
          onChoose={screening.choose}
          onStart={() => void screening.start()}
          onRescreen={rescreen}
        />
      );
  }
}
