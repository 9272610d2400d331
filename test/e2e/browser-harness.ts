/**
 * What both browser tests (the Excel pane, the WPS pane) share: Debian's Chromium or a clear skip (a failure under
 * HLJ_REQUIRE_BROWSER, as CI sets it), a test-only bundle compiled with webpack, a static server over a build
 * folder, and the browser launched headless.
 */
import { createServer, Server } from "http";
import { existsSync, readFileSync } from "fs";
import { AddressInfo } from "net";
import { extname, join, normalize } from "path";
import { chromium, Browser } from "playwright-core";
import webpack from "webpack";

export const ROOT = join(__dirname, "../..");
export const OUT = join(ROOT, "test-output/e2e");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser) {
  const message = `no Chromium at ${CHROMIUM}: the browser tests cannot run (apt-get install chromium, or run .ci/run)`;
  if (process.env.HLJ_REQUIRE_BROWSER) throw new Error(message);
  console.warn(`SKIPPED: ${message}`);
}
/** `describe` where Chromium is there, else a skip that says so. */
export const describeBrowser = haveBrowser ? describe : describe.skip;

export function compile(config: webpack.Configuration): Promise<void> {
  return new Promise((resolve, reject) =>
    webpack(config, (error, stats) =>
      error || stats?.hasErrors() ? reject(error ?? new Error(stats!.toString("errors-only"))) : resolve(),
    ),
  );
}

/** A test-only script (a fake host) as one bundle, read back as text to inject before the pane's page runs. */
export async function bundle(entry: string, name: string, tsconfig: string): Promise<string> {
  const out = join(OUT, name);
  await compile({
    mode: "development",
    devtool: false,
    entry,
    output: { path: out, filename: `${name}.js` },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [{ test: /\.ts$/, loader: "ts-loader", options: { configFile: join(ROOT, tsconfig), transpileOnly: true } }],
    },
  });
  return readFileSync(join(out, `${name}.js`), "utf8");
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

/** Serves a build folder on 127.0.0.1 (`index`: the page for "/"); nothing outside the folder. */
export function serve(dir: string, index = "taskpane.html"): Promise<Server> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent((request.url ?? "/").split("?")[0])).replace(/^(\.\.[/\\])+/, "");
    const file = join(dir, path === "/" ? index : path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** The server's origin, `http://127.0.0.1:PORT`. */
export const originOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}
