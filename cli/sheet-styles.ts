/**
 * What the CLI's own sheets share: the cell styles appended to the workbook's styles.xml, a sheet's XML in the
 * workbook's flavour (Transitional or Strict), and relationship targets.
 */
import { STATUS_STYLES } from "../core";
import { StyleDef } from "./xlsx/patch-parts";
import { Flavour, inFlavour } from "./xlsx/namespaces";

const HEADER_FILL = "1F4E79";
/** Points of the printed sheets' text: set on every cell we write, so no fit-to-width prints below 9 pt. */
const SIZE = 10;
/** The styles the sheets use, appended to the workbook's own (their indices are looked up by key). */
export const STYLES = {
  header: { bold: true, size: SIZE, color: "FFFFFF", fill: HEADER_FILL, wrap: true, vertical: "center", border: true },
  text: { size: SIZE, vertical: "top", border: true },
  wrap: { size: SIZE, vertical: "top", wrap: true, border: true },
  amount: { size: SIZE, numberFormat: "#,##0.00", vertical: "top", border: true },
  integer: { size: SIZE, numberFormat: "0", vertical: "top", border: true },
  listTitle: { bold: true, size: 14, horizontal: "center", vertical: "center" },
  headLine: { size: SIZE, wrap: true, vertical: "top" },
  totalLabel: { bold: true, size: SIZE, horizontal: "right", vertical: "top", border: true },
  totalAmount: { bold: true, size: SIZE, numberFormat: "#,##0.00", vertical: "top", border: true },
  signature: { size: SIZE, vertical: "center" },
  title: { bold: true, size: 14 },
  blockTitle: { bold: true, size: 12 },
  label: { bold: true, size: SIZE, vertical: "top", wrap: true },
  infoText: { size: SIZE, vertical: "top", wrap: true },
  infoAmount: { bold: true, size: SIZE, numberFormat: "#,##0.00" },
  infoInteger: { size: SIZE, numberFormat: "0", horizontal: "left" },
  // The summary's 合计 rows: bold on a light fill.
  summaryTotalText: { bold: true, size: SIZE, fill: "F2F2F2", vertical: "top", border: true },
  summaryTotalAmount: { bold: true, size: SIZE, fill: "F2F2F2", numberFormat: "#,##0.00", vertical: "top", border: true },
  summaryTotalInteger: { bold: true, size: SIZE, fill: "F2F2F2", numberFormat: "0", vertical: "top", border: true },
  ...Object.fromEntries(
    Object.entries(STATUS_STYLES).map(([code, s]) => [
      `status:${code}`,
      { bold: true, size: SIZE, color: s.font, fill: s.fill, vertical: "top", border: true },
    ]),
  ),
} satisfies Record<string, StyleDef>;
export type StyleKey = keyof typeof STYLES | `status:${string}`;

/** A sheet's chunks in the workbook's flavour: the namespaces are declared in the first chunk only. */
export async function* flavoured(chunks: AsyncGenerator<string | Uint8Array>, flavour: Flavour): AsyncGenerator<string | Uint8Array> {
  let first = true;
  for await (const chunk of chunks) {
    yield first && typeof chunk === "string" ? inFlavour(chunk, flavour) : chunk;
    first = false;
  }
}

/** The target of a relationship from `source` to `part`, relative to the source's folder. */
export function relativeTarget(source: string, part: string): string {
  const from = source.split("/").slice(0, -1);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}
