/**
 * The Chinese string literals of a source file, as the glossary test reads them (TypeScript's own parser, so
 * comments and regular expressions are never mistaken for text): every string or template literal (a template's
 * `${…}` shown as {…}) and JSX text holding a Han character, except the English side of a pair — a literal that
 * is the value of an `en:` property, or one whose Latin letters outnumber twice its Han characters (an English
 * sentence that quotes a Chinese term: `首次达到 (first reaches) is contradicted …`).
 */
import { readFileSync } from "fs";
import * as ts from "typescript";

export interface ChineseLiteral {
  line: number;
  text: string;
}

const HAN = /\p{Script=Han}/gu;
const HAS_HAN = /\p{Script=Han}/u;

function propertyName(node: ts.Node): string | null {
  const parent = node.parent;
  if (!parent || !ts.isPropertyAssignment(parent) || parent.initializer !== node) return null;
  return ts.isIdentifier(parent.name) || ts.isStringLiteral(parent.name) ? parent.name.text : null;
}

function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((span) => `{…}${span.literal.text}`).join("");
  if (ts.isJsxText(node)) return node.text;
  return null;
}

function isChinese(node: ts.Node, text: string): boolean {
  const property = propertyName(node);
  if (property === "en") return false;
  if (property === "zh") return true;
  const han = (text.match(HAN) ?? []).length;
  const latin = (text.replace(/\{…\}/g, "").match(/[A-Za-z]/g) ?? []).length;
  return han > 0 && han * 2 >= latin;
}

export function chineseLiterals(file: string): ChineseLiteral[] {
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : /\.m?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, kind);
  const found: ChineseLiteral[] = [];
  const visit = (node: ts.Node): void => {
    const text = literalText(node);
    if (text !== null && HAS_HAN.test(text) && isChinese(node, text)) {
      found.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim() });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
