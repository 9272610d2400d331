// Copies the screenshots the browser tests took (test-output/e2e/) into docs/screenshots/ for the README.
// Run after `npm run test:e2e`: npm run screenshots
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const from = join(root, "test-output", "e2e");
const to = join(root, "docs", "screenshots");
mkdirSync(to, { recursive: true });
const shots = readdirSync(from).filter((name) => name.endsWith(".png"));
if (shots.length === 0) throw new Error("no screenshots in test-output/e2e: run npm run test:e2e first");
for (const name of shots) copyFileSync(join(from, name), join(to, name));
console.log(`${shots.length} screenshots → docs/screenshots/`);
