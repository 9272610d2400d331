// npm run screen -- <input.xlsx> [options]: the command line, compiling the TypeScript first only when a source
// is newer than the last build (a compile takes seconds; a screening of a small file, about one).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const built = join(root, "dist-node", ".tsbuildinfo");

/** The newest modification time among the files under `dir` (recursively). */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const sources = Math.max(newest(join(root, "core")), newest(join(root, "cli")), statSync(join(root, "tsconfig.node.json")).mtimeMs);
if (!existsSync(built) || statSync(built).mtimeMs < sources || !existsSync(join(root, "dist-node", "cli", "hlj-screen.js"))) {
  const tsc = spawnSync(
    process.execPath,
    [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", join(root, "tsconfig.node.json")],
    {
      stdio: "inherit",
    },
  );
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
}
const run = spawnSync(process.execPath, [join(root, "bin", "hlj-screen.js"), ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(run.status ?? 1);
