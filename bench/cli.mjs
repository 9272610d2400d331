// npm run bench, part 4: the command line on large files (issue 10), each run in its own process and timed by
// the CLI itself (HLJ_TIMING=1 prints each phase's wall time and the process's peak memory, threads included).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeApplicants, writeFarCell, writeFullHeight, writeWorkbook } from "./large-workbook.mjs";
import { benchWorkbook, fewCompanies } from "./screening.mjs";

const ROOT = join(fileURLToPath(import.meta.url), "..", "..");
const dir = join(tmpdir(), "hlj-bench");
mkdirSync(dir, { recursive: true });
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

function screen(input, ...extra) {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [join(ROOT, "bin/hlj-screen.js"), input, "-o", join(dir, "out.xlsx"), "-q", ...extra], {
    env: { ...process.env, HLJ_TIMING: "1" },
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const phases = [...run.stderr.matchAll(/timing: (\w+) ([\d.]+) s, peak RSS (\d+) MiB/g)].map((m) => ({
    phase: m[1],
    seconds: Number(m[2]),
    rss: Number(m[3]),
  }));
  const refusal = run.status === 2 ? run.stderr.trim().split("\n").pop() : null;
  return { wall, phases, status: run.status, refusal, stderr: run.stderr };
}

function show(label, result) {
  if (result.status !== 0) {
    console.log(`  ${label}: exit ${result.status}${result.refusal ? ` — ${result.refusal}` : ""}`);
    return;
  }
  const phases = result.phases.map((p) => `${p.phase} ${p.seconds.toFixed(1)} s`).join(", ");
  const peak = Math.max(...result.phases.map((p) => p.rss));
  console.log(`  ${label}: ${result.wall.toFixed(1)} s wall (${phases}), peak RSS ${peak} MiB`);
}

/**
 * The same rows spread and over few companies (issue 16: no cliff by shape), each its own process: the
 * second's wall time beside the first's (target ≤ 1.5×).
 */
async function shapes(rows, companies, spread) {
  const few = join(dir, `applicants-${rows}-${companies}-companies.xlsx`);
  if (!existsSync(few)) await writeWorkbook(few, [{ name: "申报", rows: fewCompanies(benchWorkbook(rows), companies).sheets[0].values }]);
  const spreadRun = spread ?? screen(join(dir, `applicants-${rows}.xlsx`));
  const fewRun = screen(few);
  const count = rows.toLocaleString("en");
  if (!spread) show(`${count} rows, spread`, spreadRun);
  show(`the same ${count} rows over ${companies} ${companies === 1 ? "company" : "companies"}`, fewRun);
  if (spreadRun.status === 0 && fewRun.status === 0)
    console.log(`    → ${(fewRun.wall / spreadRun.wall).toFixed(2)}× the spread run's wall time (target ≤ 1.5×)`);
}

export async function benchCli({ full = true, shapesOnly = false } = {}) {
  console.log("Command line (hlj-screen, each run its own process; targets for 100,000 rows: ≤ 8 s wall, ≤ 700 MB peak RSS)");
  const applicants = join(dir, "applicants-100000.xlsx");
  if (!existsSync(applicants)) await writeApplicants(applicants, 100_000);
  const small = join(dir, "applicants-20000.xlsx");
  if (!existsSync(small)) await writeApplicants(small, 20_000);
  console.log(`  input: 100,000 seeded applicant rows × 23 columns, ${mib(statSync(applicants).size)}`);
  if (shapesOnly) {
    await shapes(20_000, 1);
    await shapes(100_000, 4);
    return;
  }
  const runs = [1, 2].map((i) => {
    const run = screen(applicants);
    show(`100,000 rows, run ${i}`, run);
    return run;
  });
  await shapes(100_000, 4, runs[1]);
  await shapes(20_000, 1);
  show("100,000 rows with --json", screen(applicants, "--json", join(dir, "out.json")));

  const far = join(dir, "far-cell.xlsx");
  if (!existsSync(far)) await writeFarCell(far);
  show(`one cell at XFD1048576 (${statSync(far).size} bytes; target < 200 MB)`, screen(far));

  if (full) await benchFullHeight();
  rmSync(join(dir, "out.xlsx"), { force: true });
  rmSync(join(dir, "out.json"), { force: true });
}

/** Excel's full height alone: `npm run build:node && node bench/cli.mjs` (about a minute). */
export async function benchFullHeight() {
  const height = join(dir, "full-height.xlsx");
  if (!existsSync(height)) await writeFullHeight(height);
  // Excel's full height (issue 16): screened, within 1 GiB peak RSS (the child's, its wording thread included).
  const tall = screen(height);
  show(`1,048,576 rows × 20 columns (${mib(statSync(height).size)}; target: screens within 1,024 MiB peak RSS)`, tall);
  if (tall.status === 0) {
    const peak = Math.max(...tall.phases.map((p) => p.rss));
    console.log(`    full height: ${tall.wall.toFixed(1)} s, peak RSS ${peak} MiB → ${peak <= 1024 ? "within" : "OVER"} 1 GiB`);
  }
  rmSync(join(dir, "out.xlsx"), { force: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchFullHeight();
