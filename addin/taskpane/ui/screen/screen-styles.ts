/** The screening tab's styles, one set shared by its parts (the same classes as when it was one file). */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useScreenStyles = makeStyles({
  column: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalM },
  // The mapping's fields one under another, each label above its drop-down: a drop-down beside its label had
  // 40% less room and cut the columns' names mid-character at 320 px.
  grid: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  field: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  missing: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  counts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  total: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero700 },
  // No list bullets: a bullet sits on the last line of a wrapped button; each problem is a block of its own.
  problems: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: "none" },
  problem: { textAlign: "start", overflowWrap: "anywhere" },
  // A row's 计算说明 as the appendix's lines: core's explain joins its labelled lines with "\n".
  lines: { textAlign: "start", overflowWrap: "anywhere", whiteSpace: "pre-line" },
  problemBlock: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  switchRow: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  switchLabel: { whiteSpace: "nowrap" },
  // A select never wider than its cell: the closed select shows what fits, the open list shows all.
  select: { minWidth: 0, width: "100%" },
  note: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  // The mapping's buttons stay at the foot of the pane while its rows scroll: Screen is in reach at load,
  // however many columns the tables map (24 and more on a full applicant sheet).
  stickyActions: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});
