/**
 * Holds the workbook a CLI run wrote to the package checker (issue 16: every output the tests write), for the
 * in-process `run` helpers of test/cli/*.test.ts: after a run that exited 0, the output it names (-o, else the
 * default <input>.screened.xlsx) is checked when it is a regular file.
 */
import { statSync } from "fs";
import { defaultOutput, parseArguments } from "../../cli/hlj-screen";
import { checkOutput } from "./ooxml-check";

/** The output file a run of `argv` writes, or undefined when the arguments do not parse. */
export function outputOf(argv: readonly string[]): string | undefined {
  // --policy FILE registers a parameter set when parsed: leave it out, it does not change the output's name.
  const rest = argv.filter((arg, i) => arg !== "--policy" && argv[i - 1] !== "--policy" && !arg.startsWith("--policy="));
  try {
    const args = parseArguments(rest);
    return args.output ?? defaultOutput(args.input);
  } catch {
    return undefined;
  }
}

/** After a run that exited 0, fails with the package problems of the workbook it wrote (if a regular file). */
export async function checkRunOutput(argv: readonly string[], code: number): Promise<void> {
  if (code !== 0) return;
  const output = outputOf(argv);
  if (!output) return;
  try {
    if (!statSync(output).isFile()) return;
  } catch {
    return;
  }
  await checkOutput(output);
}
