import * as React from "react";
import { Caption1, Select, Text } from "@fluentui/react-components";
import { FIELDS, REQUIRED_FIELDS, TableChoice, TableInfo } from "../../../../core";
import { Language, T } from "../i18n";
import { useScreenStyles } from "./screen-styles";

export type FieldSpec = (typeof FIELDS)[number];

/** A field's English name as a label: `name` → `Name` (the names are lower case for use inside sentences). */
function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * One screening field of a table and the column it reads: the label above its drop-down (which then has the
 * card's whole width, so the column it shows is not cut), with a line under them when a required field is not
 * matched or the sheet's name gives the measure.
 */
export function MappingField({
  table,
  field,
  mapped,
  t,
  language,
  onChoose,
}: {
  table: TableInfo;
  field: FieldSpec;
  /** Field key → the column index it reads. */
  mapped: ReadonlyMap<string, number>;
  t: T;
  language: Language;
  onChoose: (patch: TableChoice) => void;
}) {
  const styles = useScreenStyles();
  const required = REQUIRED_FIELDS.includes(field.key);
  const missing = table.missingRequired.includes(field.key);
  const id = `map-${table.sheet}-${field.key}`;
  // 申报条款 unmapped on a sheet whose name gives the measure: say where the measure comes from.
  const fromSheet = field.key === "measure" && !mapped.has("measure") && table.sheetMeasure !== null;
  return (
    <div className={styles.field}>
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
        <Text id={`${id}-missing`} className={styles.missing}>
          {t("requiredMissing")}
        </Text>
      )}
      {fromSheet && (
        <Caption1 className={styles.note} data-testid={`measure-from-sheet-${table.sheet}`}>
          {t("measureFromSheetHelp", { measure: table.sheetMeasure! })}
        </Caption1>
      )}
    </div>
  );
}
