/**
 * The `luoshi` command line: a thin host over the core. Each subcommand lives in
 * src/cli/commands/ and only reads files, calls the core and writes results.
 */
import { Command, CommanderError, localise } from './program.js';
import { reportFailure, EXIT_FAILED } from './run.js';
import { registerCatalogue } from './commands/catalogue.js';
import { registerWorkbook } from './commands/workbook.js';
import { registerCheck } from './commands/check.js';
import { registerReport } from './commands/report.js';
import { registerCompare } from './commands/compare.js';
import { registerConsolidate } from './commands/consolidate.js';
import { registerDemo } from './commands/demo.js';

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

registerCatalogue(program);
registerWorkbook(program);
registerCheck(program);
registerReport(program);
registerCompare(program);
registerConsolidate(program);
registerDemo(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // help and version exit with code 0; parse errors were already printed in Chinese
    process.exitCode = e.exitCode === 0 ? 0 : EXIT_FAILED;
  } else {
    process.exitCode = reportFailure(e);
  }
}
