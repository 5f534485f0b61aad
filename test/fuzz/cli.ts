/**
 * The luoshi command line run in this process (no child process per case): the same subcommands and
 * Chinese Commander settings as src/cli/main.ts, with stdout/stderr captured and the exit code read back.
 */
import { Command, CommanderError, localise } from '../../src/cli/program.js';
import { EXIT_FAILED, reportFailure } from '../../src/cli/run.js';
import { registerCatalogue } from '../../src/cli/commands/catalogue.js';
import { registerCheck } from '../../src/cli/commands/check.js';
import { registerCompare } from '../../src/cli/commands/compare.js';
import { registerConsolidate } from '../../src/cli/commands/consolidate.js';
import { registerReport } from '../../src/cli/commands/report.js';
import { registerWorkbook } from '../../src/cli/commands/workbook.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** An exception that escaped the CLI's own handling (always a crash). */
  escaped: unknown;
}

function program(): Command {
  const p = localise(new Command('luoshi'));
  for (const register of [
    registerCatalogue,
    registerWorkbook,
    registerCheck,
    registerReport,
    registerCompare,
    registerConsolidate,
  ])
    register(p);
  return p;
}

type Write = typeof process.stdout.write;

/** Run `luoshi ...args` in-process; never throws. Runs are serialised (the streams are process-wide). */
export async function runCli(args: readonly string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const stdoutWrite: Write = process.stdout.write.bind(process.stdout);
  const stderrWrite: Write = process.stderr.write.bind(process.stderr);
  const capture =
    (sink: string[]): Write =>
    (chunk: unknown, ...rest: unknown[]) => {
      sink.push(typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk as Uint8Array));
      const cb = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      cb?.();
      return true;
    };
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  process.exitCode = undefined;
  let escaped: unknown = null;
  try {
    await program().parseAsync(['node', 'luoshi', ...args]);
  } catch (e) {
    if (e instanceof CommanderError) process.exitCode = e.exitCode === 0 ? 0 : EXIT_FAILED;
    else {
      escaped = e;
      process.exitCode = reportFailure(e);
    }
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
  }
  const code = typeof process.exitCode === 'number' ? process.exitCode : 0;
  process.exitCode = undefined;
  return { code, stdout: out.join(''), stderr: err.join(''), escaped };
}
