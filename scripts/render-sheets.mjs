// Renders the CLI's result sheets as printed pages: screens a sample workbook, hides the user's own sheets in a
// copy of the output, prints it to PDF with LibreOffice and turns the pages into PNGs (pdftoppm).
//   node scripts/render-sheets.mjs [INPUT.xlsx] [--lang zh|en] [--out docs/screenshots] [--pdf FILE (keeps the PDF)]
// Needs soffice (libreoffice-calc-nogui) and pdftoppm (poppler-utils); `npm run render` runs it for the README.
import { execFileSync } from "node:child_process";
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readdirSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";

const require = createRequire(import.meta.url);
const { main } = require("../dist-node/cli/hlj-screen.js");
const { openPackage } = require("../dist-node/cli/xlsx/package-reader.js");
const { PackageWriter } = require("../dist-node/cli/xlsx/package-writer.js");
const { patchWorkbook } = require("../dist-node/cli/xlsx/patch-parts.js");

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const input = resolve(args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--")) ?? "examples/申报汇总表.xlsx");
const language = option("--lang", "zh");
const out = resolve(option("--out", "docs/screenshots"));
const work = mkdtempSync(join(tmpdir(), "hlj-render-"));

const screened = join(work, "screened.xlsx");
if ((await main([input, "-o", screened, "--lang", language, "--quiet"])) !== 0) process.exit(1);

// A copy in which only the two result sheets print.
const pkg = await openPackage(screened, 1024 ** 3);
const copy = join(work, "results.xlsx");
const fd = openSync(copy, "w");
const writer = new PackageWriter(fd);
for (const part of pkg.parts.values()) {
  if (part.name !== "xl/workbook.xml") {
    await writer.copyStored(part.entry, await pkg.rawStream(part.name));
    continue;
  }
  // The user's sheets leave the copy's sheet list (LibreOffice prints hidden sheets too); their parts stay unused.
  const xml0 = (await pkg.read(part.name)).toString("utf8");
  const theirs = [...xml0.matchAll(/<sheet\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => !/name="HLJ/.test(tag))
    .map((tag) => /r:id="([^"]+)"/.exec(tag)[1]);
  const xml = patchWorkbook(xml0, { removeRelationshipIds: theirs, replaceNames: [], addSheets: [], addNames: () => [] });
  await writer.add(part.name, xml);
}
writer.finish();
closeSync(fd);
pkg.close();

const profile = join(work, "profile");
execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", work, copy], {
  stdio: "ignore",
  timeout: 180_000,
});
mkdirSync(out, { recursive: true });
const stem = `sheets-${basename(input, ".xlsx")}-${language}`;
execFileSync("pdftoppm", ["-png", "-r", "100", join(work, "results.pdf"), join(work, "page")]);
// Pages of an earlier rendering go first: a sheet that now prints on fewer pages leaves none behind.
for (const old of readdirSync(out).filter((f) => f.startsWith(`${stem}-`) && /-\d+\.png$/.test(f))) rmSync(join(out, old));
const pdf = option("--pdf", null);
if (pdf) copyFileSync(join(work, "results.pdf"), resolve(pdf));
const pages = readdirSync(work)
  .filter((f) => /^page-\d+\.png$/.test(f))
  .sort();
pages.forEach((page, i) => renameSync(join(work, page), join(out, `${stem}-${i + 1}.png`)));
console.log(`${pages.length} printed pages → ${out}/${stem}-N.png`);
rmSync(work, { recursive: true, force: true });
