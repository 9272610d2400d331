import { readdirSync, readFileSync, statSync, existsSync } from "fs";
import { join, relative } from "path";
import { listParameterSets } from "../../../core/policy/registry";

/**
 * "A number of the policy appears once, in core/policy": scan every source file outside core/policy — code
 * and comments alike — for each number of the parameter set, in the forms people write it (5000000,
 * 5_000_000, 5,000,000, 500万, 0.02, 2%, 36个月, 36 months).
 */
const ROOT = join(__dirname, "../../..");
// bench/ and examples/ are left out: they hold input data — RULES.md worked examples (a 10,000,000 loan
// from 2025-06-01) and generated applicants — not rules. The generators read thresholds from the set.
const SCANNED = ["core", "addin", "cli", "scripts"].map((d) => join(ROOT, d)).filter(existsSync);
const EXCLUDED = [join(ROOT, "core", "policy"), join(ROOT, "scripts", "make-icons.mjs") /* icon geometry, not policy */];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (EXCLUDED.includes(path) || name === "node_modules" || name === "dist") return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs|cjs|json|html)$/.test(name) ? [path] : [];
  });
}

function policyNumbers(): Set<number> {
  const numbers = new Set<number>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === "object") {
      const value = (node as { value?: unknown }).value;
      if (typeof value === "number") numbers.add(value);
      Object.values(node).forEach(visit);
    }
  };
  listParameterSets()
    .filter((s) => s.id === "hlj-ecommerce-2025-draft")
    .forEach(visit);
  return numbers;
}

function formsOf(n: number): RegExp[] {
  const bounded = (text: string) => new RegExp(`(?<![\\w.,-])${text}(?![\\w])`);
  if (n >= 10_000) {
    const grouped = (sep: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
    return [
      bounded(String(n)),
      bounded(grouped("_")),
      bounded(grouped(",").replace(/,/g, "\\,")),
      new RegExp(`(?<![\\d.])${n / 10_000}\\s*万`),
      new RegExp(`(?<![\\d.])${n / 1_000_000}\\s*(million|m\\b)`, "i"),
    ];
  }
  if (n > 0 && n < 1) return [bounded(String(n).replace(".", "\\.")), new RegExp(`(?<![\\d.])${n * 100}\\s*%`)];
  if (n >= 2000) return []; // years: checked in code only, below (dates in examples and messages are not policy)
  return [new RegExp(`(?<![\\d.])${n}\\s*(个月|months)`)];
}

test("no number of the policy appears outside core/policy", () => {
  const numbers = [...policyNumbers()];
  expect(numbers).toEqual(expect.arrayContaining([5_000_000, 30_000_000, 10_000_000, 0.02, 0.5, 36, 2025, 2027]));
  const hits: string[] = [];
  for (const file of SCANNED.flatMap(sourceFiles)) {
    const lines = readFileSync(file, "utf8").split("\n");
    lines.forEach((line, i) => {
      for (const n of numbers) {
        if (formsOf(n).some((form) => form.test(line))) hits.push(`${relative(ROOT, file)}:${i + 1}: ${n}: ${line.trim().slice(0, 120)}`);
      }
    });
  }
  expect(hits).toEqual([]);
});

/** Code with comments and string literals removed: what is left are the program's own literals. */
function codeOnly(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:])\/\/.*$/gm, "$1")
    .replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""');
}

test("no validity year of the policy is a literal in code outside core/policy", () => {
  const years = [...policyNumbers()].filter((n) => n >= 2000 && n < 3000);
  expect(years).toEqual(expect.arrayContaining([2025, 2027]));
  const hits: string[] = [];
  for (const file of SCANNED.flatMap(sourceFiles).filter((f) => /\.(ts|tsx|js|mjs|cjs)$/.test(f))) {
    codeOnly(readFileSync(file, "utf8"))
      .split("\n")
      .forEach((line, i) => {
        for (const year of years)
          if (new RegExp(`(?<![\\w.])${year}(?![\\w.])`).test(line)) hits.push(`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
      });
  }
  expect(hits).toEqual([]);
});
