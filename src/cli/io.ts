/**
 * Where a CLI run writes and which folder it runs in. The process entry (bin/luoshi.mjs) uses the
 * real streams; tests call main(argv, io) in-process with writers that collect the text. The run's
 * io travels with the async context (AsyncLocalStorage), so command modules ask for it with cliIo()
 * instead of writing to process.stdout, and two in-process runs never mix their output.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Relative paths given on the command line are resolved against this folder. */
  cwd: string;
}

/** One run: its io and the exit code its action chose. */
export interface CliRun {
  io: CliIo;
  exitCode: number;
}

const current = new AsyncLocalStorage<CliRun>();

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
  };
}

/** The io of the run in progress; the process streams outside a run. */
export function cliIo(): CliIo {
  return current.getStore()?.io ?? processIo();
}

/** Write a line to the run's standard output. */
export function printLine(text: string): void {
  cliIo().stdout(`${text}\n`);
}

/** Write a line to the run's error output. */
export function printError(text: string): void {
  cliIo().stderr(`${text}\n`);
}

/** Record the exit code of the run in progress (the process's when called outside a run). */
export function setExitCode(code: number): void {
  const run = current.getStore();
  if (run) run.exitCode = code;
  else process.exitCode = code;
}

export function withRun<T>(run: CliRun, fn: () => Promise<T>): Promise<T> {
  return current.run(run, fn);
}
