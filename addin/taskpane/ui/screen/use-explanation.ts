/**
 * Which row's 计算说明 the screening tab shows: the problem a person clicked, or the row selected on the
 * results sheet (ExcelApi 1.7's selection events), and a notice when selecting its cell failed.
 */
import * as React from "react";
import { PaneHost } from "../../host";
import { RunOutcome } from "../../screening-session";
import { ExplainedError, explainOfficeError } from "../../excel/office-errors";

export type ResultRow = RunOutcome["result"]["rows"][number];

export interface Explained {
  source: string;
  zh: string;
  en: string;
}

export interface Explanation {
  explained: Explained | null;
  /** Selecting a problem's cell failed: said under the problems. */
  notice: ExplainedError | null;
  /** Explains a row and selects its cell (`target`, when the problem names one). */
  pick: (row: ResultRow, target: { sheet: string; address: string } | null) => void;
}

/** `outcome`: the screening shown, whose results sheet is watched (null while there is none). */
export function useExplanation(outcome: RunOutcome | null, host: PaneHost): Explanation {
  const [notice, setNotice] = React.useState<ExplainedError | null>(null);
  const [explained, setExplained] = React.useState<Explained | null>(null);

  // A row selected on the results sheet shows how it came out (ExcelApi 1.7's selection events).
  React.useEffect(() => {
    if (!outcome) return;
    const { result, sheets } = outcome;
    let live = true;
    let stop: (() => Promise<void>) | null = null;
    let bySource: Map<string, number> | null = null;
    host.gateway
      .watchResults(sheets.results, (selected) => {
        if (!live) return;
        bySource ??= new Map(result.rows.map((row, i) => [row.source, i]));
        const index = bySource.get(selected.source);
        const row = index === undefined ? null : result.rows[index];
        // The pane's own words in its language where it still has the row; else the sheet's words.
        setExplained(
          row ? { source: row.source, ...row.explain } : { source: selected.source, zh: selected.explain, en: selected.explain },
        );
      })
      .then((stopper) => {
        if (live) stop = stopper;
        else void stopper().catch(() => undefined);
      })
      .catch(() => undefined);
    return () => {
      live = false;
      void stop?.().catch(() => undefined);
    };
  }, [outcome, host]);

  const pick = (row: ResultRow, target: { sheet: string; address: string } | null) => {
    setNotice(null);
    setExplained({ source: row.source, ...row.explain });
    if (target) host.selectCell(target.sheet, target.address).catch((error) => setNotice(explainOfficeError(error, host.appName)));
  };
  return { explained, notice, pick };
}
