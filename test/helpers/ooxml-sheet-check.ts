/**
 * The worksheet half of the package checker: one streamed pass over a sheet part that collects what the
 * workbook-level checks need (the highest style index, shared-string indexes, formula cells) and reports what
 * Excel refuses or repairs in a sheet: rows past 1,048,576 or not ascending, cells past XFD or out of order,
 * a dimension/autoFilter/merge range outside the grid, a header or footer over 255 characters.
 */
import { SaxesTagNS } from "saxes";
import { MAX_COLUMNS, MAX_ROWS, ZipPackage, columnNumber, parsePart, rangeProblem } from "./ooxml-parts";

export interface SheetFacts {
  problems: string[];
  /** Highest `s` of any cell, row or column (-1 when none). */
  maxStyle: number;
  maxStyleAt: string;
  /** Highest shared-string index a cell uses (-1 when none). */
  maxShared: number;
  maxSharedAt: string;
  formulaCells: Set<string>;
  rows: number;
  /** The namespace of the root element (Transitional or Strict SpreadsheetML). */
  rootUri: string;
}

const HEADER_FOOTER = new Set(["oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter"]);
const MAX_PROBLEMS = 20;

export async function checkSheet(zip: ZipPackage, part: string): Promise<SheetFacts> {
  const facts: SheetFacts = {
    problems: [],
    maxStyle: -1,
    maxStyleAt: "",
    maxShared: -1,
    maxSharedAt: "",
    formulaCells: new Set(),
    rows: 0,
    rootUri: "",
  };
  const problem = (text: string) => {
    if (facts.problems.length < MAX_PROBLEMS) facts.problems.push(`${part}: ${text}`);
  };
  let row = 0;
  let col = 0;
  let cell = "";
  let sharedCell = false;
  let value = "";
  let inValue = false;
  let headerFooter: string | undefined;
  let headerText = "";
  const style = (tag: SaxesTagNS, at: string) => {
    const s = tag.attributes.s?.value;
    if (s === undefined) return;
    const n = Number(s);
    if (!Number.isInteger(n) || n < 0) problem(`${at} has style index s="${s}"`);
    else if (n > facts.maxStyle) [facts.maxStyle, facts.maxStyleAt] = [n, at];
  };
  const handlers: Record<string, (tag: SaxesTagNS) => void> = {
    row(tag) {
      const r = tag.attributes.r?.value;
      const next = r === undefined ? row + 1 : Number(r);
      if (!Number.isInteger(next) || next < 1) problem(`row r="${r}" is not a row number`);
      else if (next > MAX_ROWS) problem(`row ${next} is past Excel's last row 1,048,576`);
      else if (next <= row) problem(`row ${next} comes after row ${row} (rows must ascend)`);
      row = Number.isInteger(next) ? next : row + 1;
      col = 0;
      facts.rows++;
      style(tag, `row ${row}`);
    },
    c(tag) {
      const r = tag.attributes.r?.value;
      let next = col + 1;
      if (r !== undefined) {
        const m = /^([A-Z]{1,3})(\d+)$/.exec(r);
        next = m ? columnNumber(m[1]) : NaN;
        if (!m || !(next >= 1 && next <= MAX_COLUMNS)) problem(`cell r="${r}" is not inside A1:XFD1048576`);
        else if (Number(m[2]) !== row) problem(`cell ${r} is inside row ${row}`);
        else if (next <= col) problem(`cell ${r} comes after column ${col} of its row (cells must ascend)`);
      }
      col = Number.isFinite(next) ? next : col + 1;
      cell = r ?? `R${row}C${col}`;
      style(tag, `cell ${cell}`);
      sharedCell = tag.attributes.t?.value === "s";
    },
    v() {
      inValue = true;
      value = "";
    },
    f() {
      facts.formulaCells.add(cell);
    },
    col(tag) {
      const max = Number(tag.attributes.max?.value);
      if (max > MAX_COLUMNS) problem(`<col max="${max}"> is past column XFD (16,384)`);
      style(tag, `column ${tag.attributes.min?.value}`);
    },
    dimension(tag) {
      const why = rangeProblem(tag.attributes.ref?.value ?? "");
      if (why) problem(`dimension ${why}`);
    },
    autoFilter(tag) {
      const why = rangeProblem(tag.attributes.ref?.value ?? "");
      if (why) problem(`autoFilter ${why}`);
    },
    mergeCell(tag) {
      const why = rangeProblem(tag.attributes.ref?.value ?? "");
      if (why) problem(`mergeCell ${why}`);
    },
  };
  const errors = await parsePart(zip, part, {
    open(tag, depth) {
      if (depth === 0) facts.rootUri = tag.uri;
      if (HEADER_FOOTER.has(tag.local)) [headerFooter, headerText] = [tag.local, ""];
      handlers[tag.local]?.(tag);
    },
    text(text) {
      if (inValue) value += text;
      if (headerFooter) headerText += text;
    },
    close(tag) {
      if (tag.local === "v") {
        inValue = false;
        if (sharedCell) {
          const index = Number(value);
          if (!Number.isInteger(index) || index < 0) problem(`cell ${cell} refers to shared string "${value}"`);
          else if (index > facts.maxShared) [facts.maxShared, facts.maxSharedAt] = [index, cell];
        }
      } else if (tag.local === headerFooter) {
        if (headerText.length > 255) problem(`<${headerFooter}> is ${headerText.length} characters (Excel's limit is 255)`);
        headerFooter = undefined;
      }
    },
  });
  for (const e of errors) problem(`not well-formed XML: ${e}`);
  return facts;
}
