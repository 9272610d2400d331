/** The screening tab's styles, one set shared by its parts (the same classes as when it was one file). */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useScreenStyles = makeStyles({
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
