/**
 * Runs a command action: user errors become a Chinese message and an exit code, never a stack trace.
 */
import { isLuoshiError } from '../core/errors.js';
import { cliIo, setExitCode } from './io.js';

/** Exit codes: 0 ok, 1 the input has errors (e.g. check found problems), 2 nothing could be done. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_FAILED = 2;

export function reportFailure(e: unknown): number {
  if (isLuoshiError(e)) {
    cliIo().stderr(`错误：${e.message}\n`);
    return EXIT_FAILED;
  }
  const err = e as Error;
  const { stderr } = cliIo();
  stderr(
    `内部错误：${err?.message ?? String(e)}\n（这是 luoshi 的缺陷，请把此信息和所用文件报告给维护人员）\n`,
  );
  if (process.env.LUOSHI_DEBUG) stderr(`${err?.stack ?? ''}\n`);
  return EXIT_FAILED;
}

/** Wrap an async action so its result (an exit code) or failure sets the run's exit code. */
export function action<A extends unknown[]>(
  fn: (...args: A) => Promise<number | void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      const code = await fn(...args);
      setExitCode(code ?? EXIT_OK);
    } catch (e) {
      setExitCode(reportFailure(e));
    }
  };
}
