import * as React from "react";
import { Caption1, Card, CardHeader, Switch, Text } from "@fluentui/react-components";
import { FIELDS, REQUIRED_FIELDS, TableChoice, TableInfo } from "../../../../core";
import { Prepared } from "../../screening-session";
import { Language, T } from "../i18n";
import { FieldSpec, MappingField } from "./MappingField";
import { useScreenStyles } from "./screen-styles";

/**
 * One applicant table: its sheet, header row and row count, a switch to leave it out, and its column mapping —
 * the required and matched fields first, the others folded away.
 */
export function TableCard({
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
  const styles = useScreenStyles();
  const outline = prepared.outline.sheets.find((s) => s.name === table.sheet);
  const rows = outline ? outline.row + outline.rowCount - 1 - table.headerRow : 0;
  const mapped = new Map(table.columns.map((c) => [c.field, c.index]));
  const shown = FIELDS.filter((f) => REQUIRED_FIELDS.includes(f.key) || mapped.has(f.key));
  const others = FIELDS.filter((f) => !shown.includes(f));
  const row = (field: FieldSpec) => (
    <MappingField key={field.key} table={table} field={field} mapped={mapped} t={t} language={language} onChoose={onChoose} />
  );
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
