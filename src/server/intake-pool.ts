/**
 * Where uploads are checked: on worker threads (tinypool) when the server runs, so that reading a
 * 300-target workbook (~40 ms of CPU) never holds up the event loop that answers other offices and
 * talks to the database; inline when `threads` is 0 (tests that build the app in-process).
 */
import { Tinypool } from 'tinypool';
import { checkUpload, type CheckOutcome, type CheckTask } from './intake-check.js';
import { warmUpChecker } from './intake-warm-up.js';

export interface IntakeChecker {
  check(task: CheckTask): Promise<CheckOutcome>;
  close(): Promise<void>;
}

export function inlineChecker(): IntakeChecker {
  return { check: checkUpload, close: () => Promise.resolve() };
}

/**
 * A pool of `threads` workers, all started at once so the first uploads do not pay their start-up; with
 * `warmUp`, each then checks a made-up workbook a few times in the background (intake-warm-up.ts).
 */
export function poolChecker(threads: number, warmUp = false): IntakeChecker {
  const pool = new Tinypool({
    filename: new URL('./intake-worker.mjs', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
  });
  const checker: IntakeChecker = {
    check: (task) => pool.run(task) as Promise<CheckOutcome>,
    close: () => pool.destroy(),
  };
  // A warm-up that fails (or is cut short by close) only leaves the first uploads slower.
  if (warmUp) warmUpChecker(checker, threads).catch(() => undefined);
  return checker;
}

export function intakeChecker(threads: number, warmUp = false): IntakeChecker {
  return threads > 0 ? poolChecker(threads, warmUp) : inlineChecker();
}
