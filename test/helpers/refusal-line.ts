/**
 * A refusal line in Chinese (the default display language): `hlj-screen：<中文原因>（<English reason>）` — its two
 * parts, and what the glossary check (test/helpers/glossary-check.ts) finds in the Chinese part once what is not the
 * product's own words is set aside: the program's name, paths the person typed, quoted text (the value typed, the
 * values to type) and option names (-o, --lpr-mode).
 */
import { problems } from "./glossary-check";

export function refusalParts(line: string): { zh: string; en: string } | null {
  // The English is the last bracket: it holds no full-width bracket, the Chinese part may.
  const match = /^hlj-screen：(.*)（([^（]*)）$/u.exec(line);
  return match ? { zh: match[1], en: match[2] } : null;
}

export function refusalProblems(zh: string, paths: readonly string[]): string[] {
  let rest = zh;
  for (const path of [...paths].sort((a, b) => b.length - a.length)) rest = rest.split(path).join(" ");
  rest = rest
    .replace(/hlj-screen/g, " ")
    .replace(/[“"][^”"]*[”"]/g, "“…”")
    .replace(/(?<![\w-])-[a-z](?![\w-])/g, " ");
  return problems(rest);
}
