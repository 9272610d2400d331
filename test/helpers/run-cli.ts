/**
 * The command line run in-process, as the CLI tests run it: its exit code and what it printed; the workbook a run
 * that exited 0 wrote is held to the package checker (checkRunOutput).
 */
import { Writable } from "stream";
import { main } from "../../cli/hlj-screen";
import { checkRunOutput } from "./check-run-output";

/** A stream that keeps what is written to it. */
export function textSink() {
  let text = "";
  return {
    stream: new Writable({
      write(chunk, _encoding, done) {
        text += chunk.toString();
        done();
      },
    }),
    text: () => text,
  };
}

export async function runCli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = textSink();
  const err = textSink();
  const code = await main(argv, out.stream, err.stream);
  await checkRunOutput(argv, code);
  return { code, stdout: out.text(), stderr: err.text() };
}
