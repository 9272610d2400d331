/**
 * The screening tab's flow as state: find the tables, let the person change the mapping, run (with progress
 * and cancel), then the outcome or an error. The parts only show a phase; this hook moves between them.
 */
import * as React from "react";
import { TableChoice, TableInfo } from "../../../../core";
import { PaneHost } from "../../host";
import { Prepared, RunOutcome, prepare, remap, runScreening } from "../../screening-session";
import { ExplainedError, REQUIRED_EXCEL_API, explainOfficeError } from "../../excel/office-errors";
import { workerScreen } from "../../worker/screen-in-worker";
import { Language } from "../i18n";
import type { PaneOptions } from "../pane-options";

export type RunStep = "read" | "screen" | "write";

export type Phase =
  | { kind: "finding" }
  | { kind: "mapping" }
  | { kind: "running"; step: RunStep; done: number; total: number }
  | { kind: "done"; outcome: RunOutcome }
  | { kind: "error"; error: ExplainedError };

export interface Screening {
  phase: Phase;
  prepared: Prepared | null;
  choices: Record<string, TableChoice>;
  tables: TableInfo[];
  /** No table to screen, or a required column not matched: the screen button is off. */
  blocked: boolean;
  find: () => Promise<void>;
  choose: (sheet: string, patch: TableChoice) => void;
  start: () => Promise<void>;
  cancel: () => void;
}

export function useScreening(host: PaneHost, options: PaneOptions, language: Language): Screening {
  const [phase, setPhase] = React.useState<Phase>({ kind: "finding" });
  const [prepared, setPrepared] = React.useState<Prepared | null>(null);
  const [choices, setChoices] = React.useState<Record<string, TableChoice>>({});
  const [tables, setTables] = React.useState<TableInfo[]>([]);
  const cancelled = React.useRef(false);
  const worker = React.useRef<ReturnType<typeof workerScreen> | null>(null);

  const find = React.useCallback(async () => {
    setPhase({ kind: "finding" });
    if (!host.supports(REQUIRED_EXCEL_API)) {
      setPhase({
        kind: "error",
        error: explainOfficeError(Object.assign(new Error("ExcelApi"), { code: "ExcelApiTooOld" }), host.appName),
      });
      return;
    }
    try {
      const found = await prepare(host.gateway, {}, (v) => host.supports(v));
      setPrepared(found);
      setChoices({});
      setTables(found.tables);
      setPhase({ kind: "mapping" });
    } catch (error) {
      setPhase({ kind: "error", error: explainOfficeError(error, host.appName) });
    }
  }, [host]);

  React.useEffect(() => {
    void find();
  }, [find]);

  const choose = (sheet: string, patch: TableChoice) => {
    if (!prepared) return;
    const table = tables.find((x) => x.sheet === sheet);
    const next = {
      ...choices,
      [sheet]: { headerRow: table?.headerRow, ...choices[sheet], ...patch, columns: { ...choices[sheet]?.columns, ...patch.columns } },
    };
    setChoices(next);
    setTables(remap(prepared, next));
  };

  const start = async () => {
    if (!prepared) return;
    cancelled.current = false;
    worker.current = workerScreen();
    setPhase({ kind: "running", step: "read", done: 0, total: 0 });
    try {
      const control: Parameters<typeof runScreening>[4] = {
        isCancelled: () => cancelled.current,
        supports: (v) => host.supports(v),
        onProgress: (p) => setPhase({ kind: "running", step: p.phase, done: p.done, total: p.total }),
        onScreenProgress: (done, total) => setPhase({ kind: "running", step: "screen", done, total }),
      };
      const outcome = await runScreening(host.gateway, prepared, options, choices, control, worker.current.screen, language);
      setPhase({ kind: "done", outcome });
    } catch (error) {
      setPhase({ kind: "error", error: explainOfficeError(error, host.appName) });
    }
  };

  const cancel = () => {
    cancelled.current = true;
    worker.current?.cancel();
  };

  const active = tables.filter((table) => !choices[table.sheet]?.skip);
  const blocked = active.length === 0 || active.some((table) => table.missingRequired.length > 0);
  return { phase, prepared, choices, tables, blocked, find, choose, start, cancel };
}
