import * as React from "react";
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  CardHeader,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Spinner,
  Subtitle2,
  Switch,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { FIELDS, REQUIRED_FIELDS, STATUS_LABELS, TableChoice, TableInfo, formatYuan, Decimal } from "../../../core";
import { PaneHost } from "../host";
import { Prepared, RunOutcome, prepare, remap, runScreening } from "../screening-session";
import { ExplainedError, REQUIRED_EXCEL_API, explainOfficeError } from "../excel/office-errors";
import { watchResults } from "../excel/workbook-gateway";
import { workerScreen } from "../worker/screen-in-worker";
import { Language, T } from "./i18n";
import type { PaneOptions } from "./pane-options";

const useStyles = makeStyles({
  column: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalM },
  grid: {
    display: "grid",
    gridTemplateColumns: "minmax(90px, 40%) 1fr",
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    alignItems: "center",
  },
  missing: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  counts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  total: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero700 },
  // No list bullets: a bullet sits on the last line of a wrapped button; each problem is a block of its own.
  problems: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: "none" },
  problem: { textAlign: "start", overflowWrap: "anywhere" },
  switchRow: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  switchLabel: { whiteSpace: "nowrap" },
  // A select never wider than its cell: the closed select shows what fits, the open list shows all.
  select: { minWidth: 0, width: "100%" },
  note: { gridColumn: "1 / -1", color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

type Phase =
  | { kind: "finding" }
  | { kind: "mapping" }
  | { kind: "running"; step: "read" | "screen" | "write"; done: number; total: number }
  | { kind: "done"; outcome: RunOutcome }
  | { kind: "error"; error: ExplainedError };

const BADGE_COLOR: Readonly<Record<string, "success" | "informative" | "warning" | "subtle" | "danger">> = {
  eligible: "success",
  manual: "informative",
  superseded: "warning",
  ineligible: "subtle",
  not_cash: "subtle",
  error: "danger",
};

/** A field's English name as a label: `name` → `Name` (the names are lower case for use inside sentences). */
function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `申报!J16 贷款金额: …` or `申报!16` → the sheet and the cell to select. */
export function cellOf(text: string): { sheet: string; address: string } | null {
  const match = /^(.+?)!([A-Z]{1,3})?(\d+)/.exec(text);
  return match ? { sheet: match[1], address: `${match[2] ?? "A"}${match[3]}` } : null;
}

export function ScreenTab({ host, t, language, options }: { host: PaneHost; t: T; language: Language; options: PaneOptions }) {
  const styles = useStyles();
  const [phase, setPhase] = React.useState<Phase>({ kind: "finding" });
  const [prepared, setPrepared] = React.useState<Prepared | null>(null);
  const [choices, setChoices] = React.useState<Record<string, TableChoice>>({});
  const [tables, setTables] = React.useState<TableInfo[]>([]);
  const [notice, setNotice] = React.useState<ExplainedError | null>(null);
  const [explained, setExplained] = React.useState<{ source: string; zh: string; en: string } | null>(null);
  const cancelled = React.useRef(false);
  const worker = React.useRef<ReturnType<typeof workerScreen> | null>(null);

  // A row selected on the results sheet shows how it came out (ExcelApi 1.7's selection events).
  React.useEffect(() => {
    if (phase.kind !== "done") return;
    const { result, sheets } = phase.outcome;
    let live = true;
    let stop: (() => Promise<void>) | null = null;
    let bySource: Map<string, number> | null = null;
    watchResults(host.run, sheets.results, (selected) => {
      if (!live) return;
      bySource ??= new Map(result.rows.map((row, i) => [row.source, i]));
      const index = bySource.get(selected.source);
      const row = index === undefined ? null : result.rows[index];
      // The pane's own words in its language where it still has the row; else the sheet's words.
      setExplained(row ? { source: row.source, ...row.explain } : { source: selected.source, zh: selected.explain, en: selected.explain });
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
  }, [phase, host]);

  const find = React.useCallback(async () => {
    setPhase({ kind: "finding" });
    if (!host.supports(REQUIRED_EXCEL_API)) {
      setPhase({ kind: "error", error: explainOfficeError(Object.assign(new Error("ExcelApi"), { code: "ExcelApiTooOld" })) });
      return;
    }
    try {
      const found = await prepare(host.run, {}, (v) => host.supports(v));
      setPrepared(found);
      setChoices({});
      setTables(found.tables);
      setPhase({ kind: "mapping" });
    } catch (error) {
      setPhase({ kind: "error", error: explainOfficeError(error) });
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
      const outcome = await runScreening(
        host.run,
        prepared,
        options,
        choices,
        {
          isCancelled: () => cancelled.current,
          supports: (v) => host.supports(v),
          onProgress: (p) => setPhase({ kind: "running", step: p.phase, done: p.done, total: p.total }),
          onScreenProgress: (done, total) => setPhase({ kind: "running", step: "screen", done, total }),
        },
        worker.current.screen,
        language,
      );
      setPhase({ kind: "done", outcome });
    } catch (error) {
      setPhase({ kind: "error", error: explainOfficeError(error) });
    }
  };

  const cancel = () => {
    cancelled.current = true;
    worker.current?.cancel();
  };

  const active = tables.filter((table) => !choices[table.sheet]?.skip);
  const blocked = active.length === 0 || active.some((table) => table.missingRequired.length > 0);

  if (phase.kind === "finding") return <Spinner label={t("finding")} className={styles.column} />;

  if (phase.kind === "running") {
    const label = phase.step === "read" ? t("reading") : phase.step === "screen" ? t("screening") : t("writing");
    return (
      <div className={styles.column} data-testid="progress" data-step={phase.step} data-done={phase.done}>
        <Field
          label={label}
          validationMessage={t("rowsDone", { done: phase.done.toLocaleString(), total: phase.total.toLocaleString() })}
          validationState="none"
        >
          <ProgressBar value={phase.total ? phase.done / phase.total : undefined} thickness="large" aria-label={label} />
        </Field>
        <div className={styles.actions}>
          <Button onClick={cancel} data-testid="cancel">
            {t("cancel")}
          </Button>
        </div>
      </div>
    );
  }

  if (phase.kind === "error") {
    return (
      <div className={styles.column}>
        <MessageBar intent="error" data-testid="error">
          <MessageBarBody>
            <MessageBarTitle>{t("error")}</MessageBarTitle>
            {phase.error[language]}
            <br />
            <Caption1>
              {t("errorCode")}: {phase.error.code}
            </Caption1>
          </MessageBarBody>
        </MessageBar>
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => void find()}>
            {t("rescreen")}
          </Button>
        </div>
      </div>
    );
  }

  if (phase.kind === "done") {
    const { result, sheets } = phase.outcome;
    const problems = result.rows.filter((row) => row.status === "error");
    const shown = problems.slice(0, 50);
    return (
      <div className={styles.column} data-testid="results">
        <Subtitle2 as="h2">{t("results")}</Subtitle2>
        <Body1>{t("resultsWritten", sheets)}</Body1>
        {phase.outcome.notes.map((note) => (
          <MessageBar key={note.en} intent="info" data-testid="capability-note">
            <MessageBarBody>{note[language]}</MessageBarBody>
          </MessageBar>
        ))}
        <div>
          <Caption1>{t("totalAward")}</Caption1>
          <div className={styles.total} data-testid="total">
            ¥{formatYuan(new Decimal(result.totals.final))}
          </div>
          <Caption1>
            {result.totals.rows.toLocaleString()} {t("rows")} · {result.totals.entities.toLocaleString()} {t("entities")}
          </Caption1>
        </div>
        <div className={styles.counts} data-testid="counts">
          {Object.entries(result.totals.byStatus).map(([status, line]) => (
            <Badge
              key={status}
              appearance="tint"
              color={BADGE_COLOR[status] ?? "subtle"}
              size="large"
              data-status={status}
              data-count={line.rows}
            >
              {STATUS_LABELS[status]?.[language] ?? status} {line.rows}
            </Badge>
          ))}
        </div>
        <Subtitle2 as="h2">{t("problems")}</Subtitle2>
        {problems.length === 0 ? (
          <Body1>{t("noProblems")}</Body1>
        ) : (
          <>
            <Caption1>{t("problemsHelp")}</Caption1>
            <ul className={styles.problems} data-testid="problems">
              {shown.map((row) => {
                const reason = row.reasons.find((r) => r.severity === "error") ?? row.reasons[0];
                const text = reason ? reason[language] : row.source;
                const target = cellOf(text) ?? cellOf(row.source);
                return (
                  <li key={row.source}>
                    <Link
                      as="button"
                      className={styles.problem}
                      onClick={() => {
                        setNotice(null);
                        setExplained({ source: row.source, ...row.explain });
                        if (target) host.selectCell(target.sheet, target.address).catch((error) => setNotice(explainOfficeError(error)));
                      }}
                    >
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
        )}
        {explained ? (
          <Card data-testid="explain" aria-live="polite">
            <CardHeader header={<Text weight="semibold">{t("explainTitle", { source: explained.source })}</Text>} />
            <Body1 className={styles.problem}>{explained[language]}</Body1>
          </Card>
        ) : (
          <Caption1>{t("selectToExplain", sheets)}</Caption1>
        )}
        <div className={styles.actions}>
          <Button onClick={() => void find()}>{t("rescreen")}</Button>
        </div>
      </div>
    );
  }

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
          prepared={prepared!}
          t={t}
          language={language}
          skip={!!choices[table.sheet]?.skip}
          onChoose={(patch) => choose(table.sheet, patch)}
        />
      ))}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={blocked} onClick={() => void start()} data-testid="screen">
          {t("screen")}
        </Button>
        <Button onClick={() => void find()}>{t("rescreen")}</Button>
      </div>
    </div>
  );
}

function TableCard({
  table,
  prepared,
  t,
  language,
  skip,
  onChoose,
}: {
  table: TableInfo;
  prepared: Prepared;
  t: T;
  language: Language;
  skip: boolean;
  onChoose: (patch: TableChoice) => void;
}) {
  const styles = useStyles();
  const outline = prepared.outline.sheets.find((s) => s.name === table.sheet);
  const rows = outline ? outline.row + outline.rowCount - 1 - table.headerRow : 0;
  const mapped = new Map(table.columns.map((c) => [c.field, c.index]));
  const shown = FIELDS.filter((f) => REQUIRED_FIELDS.includes(f.key) || mapped.has(f.key));
  const others = FIELDS.filter((f) => !shown.includes(f));
  const row = (field: (typeof FIELDS)[number]) => {
    const required = REQUIRED_FIELDS.includes(field.key);
    const missing = table.missingRequired.includes(field.key);
    const id = `map-${table.sheet}-${field.key}`;
    // 申报条款 unmapped on a sheet whose name gives the measure: say where the measure comes from.
    const fromSheet = field.key === "measure" && !mapped.has("measure") && table.sheetMeasure !== null;
    return (
      <React.Fragment key={field.key}>
        <label htmlFor={id} className={missing ? styles.missing : undefined}>
          {language === "zh" ? field.zh : capitalised(field.en)}
          {required ? ` (${t("required")})` : ""}
        </label>
        <Select
          id={id}
          size="small"
          className={styles.select}
          value={mapped.has(field.key) ? String(mapped.get(field.key)) : ""}
          aria-invalid={missing || undefined}
          aria-describedby={missing ? `${id}-missing` : undefined}
          onChange={(_, data) => onChoose({ columns: { [field.key]: data.value === "" ? null : Number(data.value) } })}
        >
          <option value="">{fromSheet ? t("measureFromSheet", { measure: table.sheetMeasure! }) : t("notMapped")}</option>
          {table.headers.map((header) => (
            <option key={header.index} value={header.index}>
              {`${header.column} · ${header.text}`}
            </option>
          ))}
        </Select>
        {missing && (
          <Text id={`${id}-missing`} className={styles.missing} style={{ gridColumn: "1 / -1" }}>
            {t("requiredMissing")}
          </Text>
        )}
        {fromSheet && (
          <Caption1 className={styles.note} data-testid={`measure-from-sheet-${table.sheet}`}>
            {t("measureFromSheetHelp", { measure: table.sheetMeasure! })}
          </Caption1>
        )}
      </React.Fragment>
    );
  };
  return (
    <Card data-testid={`table-${table.sheet}`}>
      <CardHeader
        header={<Text weight="semibold">{table.sheet}</Text>}
        description={
          <Caption1>
            {t("headerRow")} {table.headerRow} · {Math.max(0, rows).toLocaleString()} {t("rows")}
            {table.sheetMeasure ? ` · ${table.sheetMeasure}` : ""}
          </Caption1>
        }
      />
      <div className={styles.switchRow}>
        <Switch
          checked={!skip}
          onChange={(_, data) => onChoose({ skip: !data.checked })}
          label={{ children: t("skipSheet"), className: styles.switchLabel }}
          data-testid={`screen-sheet-${table.sheet}`}
        />
      </div>
      {!skip && (
        <>
          <div className={styles.grid}>{shown.map(row)}</div>
          {others.length > 0 && (
            <details>
              <summary>
                <Caption1>{language === "zh" ? `其他字段（${others.length}）` : `Other fields (${others.length})`}</Caption1>
              </summary>
              <div className={styles.grid}>{others.map(row)}</div>
            </details>
          )}
        </>
      )}
    </Card>
  );
}
