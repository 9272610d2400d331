#!/usr/bin/env node
// The installed command: runs the compiled CLI (npm ci builds it; `npm run build:node` rebuilds it).
const path = require("path");
const fs = require("fs");
const compiled = path.join(__dirname, "..", "dist-node", "cli", "hlj-screen.js");
if (!fs.existsSync(compiled)) {
  process.stderr.write("hlj-screen: not built yet: run `npm run build:node` in the project folder\n");
  process.exit(2);
}
require(compiled)
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`hlj-screen: unexpected failure: ${error && error.stack ? error.stack : error}\n`);
      process.exitCode = 1;
    },
  );
