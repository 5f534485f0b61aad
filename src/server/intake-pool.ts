/**
 * Where uploads are checked: on worker threads (tinypool) when the server runs, so that reading a
 * 300-target workbook (~10 ms of CPU) never holds up the event loop that answers other offices and
 * talks to the database; inline when `threads` is 0 (tests that build the app in-process).
 */
import { Tinypool } from 'tinypool';
import { keepYoungGenerations } from './gc-tuning.js';
import { checkUpload, type CheckOutcome, type CheckTask } from './intake-check.js';
import { warmUpChecker, type WarmUpRound } from './intake-warm-up.js';

export interface IntakeChecker {
  check(task: CheckTask): Promise<CheckOutcome>;
  /**
   * Warm the checking threads up for a round's uploads (intake-warm-up.ts): once per catalogue, and only
   * where the checker was made to warm up. Nothing waits for it but tests; it never fails.
   */
  warmUpFor(round: WarmUpRound): Promise<void>;
  close(): Promise<void>;
}

export function inlineChecker(): IntakeChecker {
  return { check: checkUpload, warmUpFor: () => Promise.resolve(), close: () => Promise.resolve() };
}

/**
 * The upload's buffer, to be moved to the checking thread rather than copied, when the bytes are all of
 * it; a view into a larger buffer is copied, as a move would hand over its neighbours too. The thread
 * hands the bytes back (CheckOutcome). Copying 150 KB into the message and out of it was the main thread's
 * largest single cost after the database in a CPU profile of a burst; the main thread's CPU per upload
 * in later bursts was 3.8–4.7 ms before the move and 3.3–4.2 ms after it (bench/server.ts, 4 and 5 runs).
 */
function movable(bytes: Uint8Array): ArrayBuffer[] {
  const { buffer } = bytes;
  const whole =
    buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength;
  return whole ? [buffer] : [];
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
    // Idle threads wait in their event loops rather than blocked in Atomics.wait, so that their timers
    // run (gc-tuning.ts: allocateThroughQuietSpells); a task then wakes its thread through its message
    // port instead.
    useAtomics: false,
  });
  const warmed = new Set<number>();
  const checker: IntakeChecker = {
    check: (task) => pool.run(task, { transferList: movable(task.bytes) }) as Promise<CheckOutcome>,
    warmUpFor(round) {
      if (!warmUp || warmed.has(round.catalogueId)) return Promise.resolve();
      warmed.add(round.catalogueId);
      // A warm-up that fails (or is cut short by close) only leaves the first uploads slower.
      return warmUpChecker(checker, threads, round).catch(() => undefined);
    },
    close: () => pool.destroy(),
  };
  if (warmUp) warmUpChecker(checker, threads).catch(() => undefined);
  return checker;
}

export function intakeChecker(threads: number, warmUp = false): IntakeChecker {
  return threads > 0 ? poolChecker(threads, warmUp) : inlineChecker();
}
