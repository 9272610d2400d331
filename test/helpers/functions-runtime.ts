import { existsSync, readFileSync } from "fs";
import { join, resolve } from "path";
import vm from "vm";

/** The built add-in: dist/, or HLJ_TEST_DIST to test a build made elsewhere without touching dist/. */
export const DIST = process.env.HLJ_TEST_DIST ? resolve(process.env.HLJ_TEST_DIST) : join(__dirname, "../../dist");

/** What Excel's runtime gives a custom-functions script: `CustomFunctions.associate`, `Error`, `ErrorCode`. */
export class StubError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export const ERROR_CODE = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
};

export type CustomFunction = (...args: unknown[]) => unknown;

/**
 * Loads the built dist/functions.js in a bare JavaScript context that holds only the CustomFunctions stub
 * (and, when asked, an Office stub with a display language) and returns the associated functions by id.
 */
export function loadFunctions(displayLanguage?: string): Map<string, CustomFunction> {
  const file = join(DIST, "functions.js");
  if (!existsSync(file)) throw new Error("dist/functions.js is missing: run `npm run build` first (npm test does)");
  const registered = new Map<string, CustomFunction>();
  const sandbox: Record<string, unknown> = {
    CustomFunctions: {
      associate: (id: string, fn: CustomFunction) => {
        if (registered.has(id)) throw new Error(`${id} associated twice`);
        registered.set(id, fn);
      },
      Error: StubError,
      ErrorCode: ERROR_CODE,
    },
  };
  if (displayLanguage !== undefined) sandbox.Office = { context: { displayLanguage } };
  vm.createContext(sandbox);
  vm.runInContext(readFileSync(file, "utf8"), sandbox, { filename: "functions.js" });
  return registered;
}

export function functionsJson(): {
  functions: { id: string; name: string; description: string; parameters: { name: string; description: string; optional?: boolean }[] }[];
} {
  return JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8"));
}
