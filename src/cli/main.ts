/**
 * The `luoshi` command line: a thin host over the core. Each subcommand lives in
 * src/cli/commands/ and only reads files, calls the core and writes results.
 */
import { Command, CommanderError, localise } from './program.js';
import { reportFailure, EXIT_FAILED } from './run.js';

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

// Output piped into `head` or a closed pager: stop quietly instead of crashing with EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

const program = localise(new Command('luoshi'));
program
  .description('落实：政策文件目标任务落实情况跟踪工具（指标目录、填报表、检查、对比、汇总、公文格式报告）')
  .version('0.1.0', '-V, --version', '显示版本号');

try {
  const named = process.argv[2];
  const wanted = named !== undefined && named in COMMANDS ? [named] : Object.keys(COMMANDS);
  for (const name of wanted) (await COMMANDS[name]())(program);
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // help and version exit with code 0; parse errors were already printed in Chinese
    process.exitCode = e.exitCode === 0 ? 0 : EXIT_FAILED;
  } else {
    process.exitCode = reportFailure(e);
  }
}
