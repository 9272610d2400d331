import { openPackage } from "../../cli/xlsx/package-reader";
import { readInput } from "../../cli/read-input";

type Cell = string | number | boolean;

/**
 * A workbook's sheets as Office.js hands `usedRange.values` over: a rectangle from A1 to the last used cell,
 * empty cells as "", dates as serials — read with the CLI's own package reader.
 */
export async function officeValues(path: string): Promise<{ name: string; values: Cell[][]; numberFormats: (string | undefined)[][] }[]> {
  const pkg = await openPackage(path, 1024 ** 3);
  try {
    const { sheets } = await readInput(pkg);
    return sheets.map((sheet) => {
      const width = Math.max(0, ...sheet.values.map((row) => row.length));
      const values = sheet.values.map((row) =>
        Array.from({ length: width }, (_, c) => {
          const v = row[c];
          return v === null || v === undefined ? "" : typeof v === "object" ? "" : v;
        }),
      );
      return { name: sheet.name, values, numberFormats: sheet.numberFormats.map((row) => [...(row ?? [])]) };
    });
  } finally {
    pkg.close();
  }
}
