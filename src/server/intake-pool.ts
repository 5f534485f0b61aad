/**
 * Where uploads are checked: on worker threads (tinypool) when the server runs, so that reading a
 * 300-target workbook (~40 ms of CPU) never holds up the event loop that answers other offices and
 * talks to the database; inline when `threads` is 0 (tests that build the app in-process).
 */
import { Tinypool } from 'tinypool';
import { checkUpload, type CheckOutcome, type CheckTask } from './intake-check.js';

export interface IntakeChecker {
  check(task: CheckTask): Promise<CheckOutcome>;
  close(): Promise<void>;
}

export function inlineChecker(): IntakeChecker {
  return { check: checkUpload, close: () => Promise.resolve() };
}

/** A pool of `threads` workers, all started at once so the first uploads do not pay their start-up. */
export function poolChecker(threads: number): IntakeChecker {
  const pool = new Tinypool({
    filename: new URL('./intake-worker.mjs', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
  });
  return {
    check: (task) => pool.run(task) as Promise<CheckOutcome>,
    close: () => pool.destroy(),
  };
}

export function intakeChecker(threads: number): IntakeChecker {
  return threads > 0 ? poolChecker(threads) : inlineChecker();
}
