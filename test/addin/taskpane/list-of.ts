/** Reading back the review list the pane wrote to the in-memory Excel (test helper, no tests here). */
import { isOurResultsHeader } from "../../../core";
import type { FakeSheet } from "../../fakes/fake-office";

/** The review list as written: its header row (0-based, under the title and head lines), header and applications. */
export function listOf(sheet: FakeSheet) {
  const at = sheet.values.findIndex((row) => isOurResultsHeader(row));
  const header = sheet.values[at] as string[];
  const end = sheet.values.findIndex((row, r) => r > at && !row[header.indexOf("来源")]);
  const rows = sheet.values.slice(at + 1, end < 0 ? undefined : end);
  return { at, header, rows, column: (name: string) => rows.map((row) => row[header.indexOf(name)]) };
}
/** Rows of the review list: the head (title, 4 lines, a blank), the header, the applications, 2 合计, a blank, the signature. */
export const listRows = (applications: number) => 7 + applications + 4;
