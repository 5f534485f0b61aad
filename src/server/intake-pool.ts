/**
 * Where uploads are checked: on worker threads (tinypool) when the server runs, so that reading a
 * 300-target workbook (~10 ms of CPU) never holds up the event loop that answers other offices and
 * talks to the database; inline when `threads` is 0 (tests that build the app in-process).
 */
import { setFlagsFromString } from 'node:v8';
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

/** Least size of each semi-space (two make a thread's young generation), in MB: several checks' garbage. */
const CHECKING_SEMI_SPACE_MB = 16;

/**
 * V8 shrinks an idle thread's young generation to its minimum (1 MB semi-spaces), so a burst of uploads after
 * a quiet spell found it too small for even one check's garbage: 33 scavenges per thread in the first 100
 * checks instead of 9–10, each one promoting the check in progress to the old generation. A V8 flag is the
 * only way to set the floor (Node's resourceLimits set only the ceiling). It is process-wide and sized when a
 * thread's heap is made, so the checking threads started just after it get it; other threads at most keep a
 * larger young generation than they would. Measured (bench/server.ts, quiet machine): scavenges per checking
 * thread in a first burst of 200 uploads 33 → 10; server CPU per upload in the second burst 16.0–17.2 ms in
 * three runs without it, 14.3–16.4 ms in four with it (the first burst's CPU did not change measurably).
 */
function keepYoungGenerations(): void {
  setFlagsFromString(`--min-semi-space-size=${CHECKING_SEMI_SPACE_MB}`);
}

/**
 * A pool of `threads` workers, all started at once so the first uploads do not pay their start-up; with
 * `warmUp`, each then checks a made-up workbook a few times in the background (intake-warm-up.ts).
 */
export function poolChecker(threads: number, warmUp = false): IntakeChecker {
  keepYoungGenerations();
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
