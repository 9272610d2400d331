/** The row a person selects on the results sheet in Excel (its selection events), for the pane to explain. */
import { RESULT_COLUMNS, columnLetters } from "../../../core";
import { ExcelRun } from "./excel-blocks";
import type { SelectedResult } from "./gateway-types";

const SOURCE_HEADERS = new Set(Object.values(RESULT_COLUMNS.find((c) => c.key === "source")!.header));
const EXPLAIN_HEADERS = new Set(Object.values(RESULT_COLUMNS.find((c) => c.key === "explain")!.header));

/**
 * Calls back with the row a person selects on the results sheet (worksheet.onSelectionChanged, ExcelApi 1.7,
 * which the manifest requires): the pane then shows that row's 计算说明. The columns are found by their headers,
 * so a sorted or filtered sheet still gives the right row. Returns what stops the watching.
 */
export async function watchResults(run: ExcelRun, sheetName: string, onRow: (row: SelectedResult) => void): Promise<() => Promise<void>> {
  const selected = async (address: string) => {
    const row = Number(/^\$?[A-Z]+\$?(\d+)/.exec(address.split("!").pop() ?? "")?.[1]);
    if (!Number.isInteger(row) || row < 2) return;
    const found = await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const header = sheet.getRange(`A1:${columnLetters(RESULT_COLUMNS.length)}1`).load("values");
      const cells = sheet.getRange(`A${row}:${columnLetters(RESULT_COLUMNS.length)}${row}`).load("values");
      await context.sync();
      const names = header.values[0].map((cell) => String(cell));
      const source = names.findIndex((name) => SOURCE_HEADERS.has(name));
      const explain = names.findIndex((name) => EXPLAIN_HEADERS.has(name));
      if (source < 0 || explain < 0) return null;
      return { source: String(cells.values[0][source] ?? ""), explain: String(cells.values[0][explain] ?? "") };
    });
    if (found && found.source) onRow(found);
  };
  const handler = await run(async (context) => {
    const registered = context.workbook.worksheets.getItem(sheetName).onSelectionChanged.add(async (event) => {
      await selected(event.address).catch(() => undefined);
    });
    await context.sync();
    return registered;
  });
  return async () => {
    // A handler is removed through the request context it was added in (Office's EventHandlerResult).
    handler.remove();
    await handler.context.sync();
  };
}
