/**
 * The `luoshi` command line: a thin host over the core. Each subcommand lives in
 * src/cli/commands/ and only reads files, calls the core and writes results.
 * main(argv, io) runs one command and resolves to its exit code; bin/luoshi.mjs calls it with the
 * process's streams, tests call it in-process.
 */
import { Command, CommanderError, localise } from './program.js';
import { reportFailure, EXIT_FAILED } from './run.js';
import { processIo, withRun, type CliIo, type CliRun } from './io.js';

type Register = (program: Command) => void;

/**
 * Subcommands, loaded on demand: each pulls in heavy libraries (exceljs, docx, echarts), so a run
 * loads only the one it needs; the full list is loaded for the overall help.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  catalogue: async () => (await import('./commands/catalogue.js')).registerCatalogue,
  workbook: async () => (await import('./commands/workbook.js')).registerWorkbook,
  allocation: async () => (await import('./commands/allocation.js')).registerAllocation,
  check: async () => (await import('./commands/check.js')).registerCheck,
  report: async () => (await import('./commands/report.js')).registerReport,
  compare: async () => (await import('./commands/compare.js')).registerCompare,
  consolidate: async () => (await import('./commands/consolidate.js')).registerConsolidate,
  demo: async () => (await import('./commands/demo.js')).registerDemo,
  serve: async () => (await import('./commands/serve.js')).registerServe,
};

/** A fresh program per run: commander keeps parsed options on the command objects. */
async function buildProgram(argv: readonly string[], io: CliIo): Promise<Command> {
  const program = localise(new Command('luoshi'));
  program
    .description('落实：政策文件目标任务落实情况跟踪工具（指标目录、填报表、检查、对比、汇总、公文格式报告）')
    .version('0.1.0', '-V, --version', '显示版本号');
  const named = argv[0];
  const wanted = named !== undefined && named in COMMANDS ? [named] : Object.keys(COMMANDS);
  for (const name of wanted) (await COMMANDS[name]())(program);
  // subcommands copy the output settings when they are added, so set them on every command
  const write = { writeOut: io.stdout, writeErr: io.stderr };
  for (const cmd of allCommands(program)) cmd.configureOutput({ ...cmd.configureOutput(), ...write });
  return program;
}

function allCommands(cmd: Command): Command[] {
  return [cmd, ...cmd.commands.flatMap((c) => allCommands(c))];
}

async function parse(argv: readonly string[], run: CliRun): Promise<void> {
  try {
    const program = await buildProgram(argv, run.io);
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    // help and version exit with code 0; parse errors were already printed in Chinese
    if (e instanceof CommanderError) run.exitCode = e.exitCode === 0 ? 0 : EXIT_FAILED;
    else run.exitCode = reportFailure(e);
  }
}

/** In-process runs in another folder switch the process's folder, so they take turns. */
let queue: Promise<unknown> = Promise.resolve();

async function inFolder<T>(cwd: string, fn: () => Promise<T>): Promise<T> {
  if (cwd === process.cwd()) return fn();
  const turn = queue.then(async () => {
    const before = process.cwd();
    process.chdir(cwd);
    try {
      return await fn();
    } finally {
      process.chdir(before);
    }
  });
  queue = turn.catch(() => undefined);
  return turn;
}

/** Run `luoshi <argv…>` and resolve to its exit code (0 ok, 1 problems found, 2 nothing done). */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const run: CliRun = { io, exitCode: 0 };
  await inFolder(io.cwd, () => withRun(run, () => parse(argv, run)));
  return run.exitCode;
}
