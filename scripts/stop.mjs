// npm stop: undo npm start — office-addin-debugging on Windows and macOS, the dev server's process elsewhere.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

if (process.platform === "win32" || process.platform === "darwin") {
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  const result = spawnSync(npx, ["--yes", "office-addin-debugging@7", "stop", "manifest.xml"], { stdio: "inherit" });
  process.exit(result.status ?? 1);
}

if (!existsSync(".dev-server.pid")) {
  console.log("No dev server started by npm start is recorded here.");
  process.exit(0);
}
const pid = Number(readFileSync(".dev-server.pid", "utf8"));
try {
  process.kill(pid);
  console.log(`Stopped the dev server (process ${pid}).`);
} catch (error) {
  console.log(`The dev server (process ${pid}) was not running: ${error.message}`);
}
rmSync(".dev-server.pid");
