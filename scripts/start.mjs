// npm start: build, serve https://localhost:3000, and sideload the add-in where Microsoft's tooling can.
// - Windows and macOS: office-addin-debugging (fetched with npx on first use, not a dependency: it pulls a
//   native module that does not build on a bare Linux machine) starts the dev server and opens Excel.
// - Linux: no desktop Excel. The dev server runs here and this prints how to sideload into Excel on the web.
import { spawn, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const npx = process.platform === "win32" ? "npx.cmd" : "npx";

const build = spawnSync(npm, ["run", "build:dev"], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);

if (process.platform === "win32" || process.platform === "darwin") {
  const result = spawnSync(npx, ["--yes", "office-addin-debugging@7", "start", "manifest.xml", "desktop"], { stdio: "inherit" });
  process.exit(result.status ?? 1);
}

// The dev server itself, not an npm wrapper, so that "npm stop" can end it by its process id.
const server = spawn(process.execPath, ["node_modules/webpack-cli/bin/cli.js", "serve", "--mode", "development"], { stdio: "inherit" });
writeFileSync(".dev-server.pid", String(server.pid));
console.log(`
The add-in is served at https://localhost:3000 (press Ctrl+C to stop, or run "npm stop" from another shell).

office-addin-debugging cannot sideload on ${process.platform}. To try the add-in in Excel on the web:
  1. Open this machine's https://localhost:3000/taskpane.html once in your browser and accept the
     development certificate (or trust ~/.office-addin-dev-certs/ca.crt).
  2. Open a workbook in Excel on the web (https://www.office.com → Excel).
  3. Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in, and choose dist/manifest.xml.
  4. Type =HLJ. in a cell; the "筛查窗格 / Screening pane" button is on the Home tab (group 黑龙江电商政策申报筛查).
`);
server.on("exit", (code) => process.exit(code ?? 0));
