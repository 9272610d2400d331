// Cost of a custom-function call: loads the built dist/functions.js and times 100,000 calls of representative
// functions. Prints numbers; asserts nothing. Two loadings are timed:
// - "page": the script runs in the global context, as in Excel's shared runtime (a web page);
// - "vm": a node:vm sandbox holding only the CustomFunctions stub, as the tests load it. Every global lookup
//   (Math, Number…) crosses the sandbox's interceptor there, so it is slower than any real host.
import { existsSync, readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const CALLS = 100_000;

export function loadBuiltFunctions(mode = "page") {
  const file = join(ROOT, "dist", "functions.js");
  if (!existsSync(file)) throw new Error("dist/functions.js is missing: run `npm run build` first");
  const registered = new Map();
  class StubError {
    constructor(code, message) {
      this.code = code;
      this.message = message;
    }
  }
  const sandbox = {
    CustomFunctions: {
      associate: (id, fn) => registered.set(id, fn),
      Error: StubError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" },
    },
  };
  if (mode === "page") {
    globalThis.CustomFunctions = sandbox.CustomFunctions;
    vm.runInThisContext(readFileSync(file, "utf8"), { filename: "functions.js" });
  } else {
    vm.createContext(sandbox);
    vm.runInContext(readFileSync(file, "utf8"), sandbox, { filename: "functions.js" });
  }
  return registered;
}

function time(label, fn, args) {
  for (let i = 0; i < 2_000; i++) fn(...args); // warm up
  const start = process.hrtime.bigint();
  for (let i = 0; i < CALLS; i++) fn(...args);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const perCall = (seconds / CALLS) * 1e6;
  console.log(
    `  ${label.padEnd(58)} ${perCall.toFixed(2).padStart(7)} µs/call  (${CALLS.toLocaleString("en")} calls in ${seconds.toFixed(2)} s)`,
  );
  return perCall;
}

export function benchFunctions() {
  const v = (x) => [[x]];
  const cases = [
    ["HLJ.RETAIL_BONUS(12345678.9)", "RETAIL_BONUS", [v(12_345_678.9), null, null]],
    [
      "HLJ.INTEREST_SUBSIDY(M1, 2e7, 1e7, 3.45%, 2025-06-01, 2027-05-31)",
      "INTEREST_SUBSIDY",
      [v("M1"), v(20_000_000), v(10_000_000), v(0.0345), v(45809), v(46538), null, null, null, null],
    ],
    [
      "HLJ.LPR_INTEREST(8e6, 4%, 2024-06-01, 2025-06-01, , floating)",
      "LPR_INTEREST",
      [v(8_000_000), v(0.04), v(45444), v(45809), null, v("floating"), null, null],
    ],
    ["HLJ.CAP(M1, 25000000)", "CAP", [v("M1"), v(25_000_000)]],
    ["HLJ.USCC_VALID(91350100M000100Y43)", "USCC_VALID", [v("91350100M000100Y43")]],
  ];
  const results = {};
  for (const mode of ["page", "vm"]) {
    const fns = loadBuiltFunctions(mode);
    console.log(
      mode === "page"
        ? "Custom functions, dist/functions.js run as a page script (as in Excel's shared runtime); target ≤ 20 µs per call:"
        : "Custom functions, dist/functions.js in a bare node:vm sandbox (the tests' harness; slower global lookups):",
    );
    results[mode] = Object.fromEntries(cases.map(([label, id, args]) => [id, time(label, fns.get(id), args)]));
    console.log("");
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) benchFunctions();
