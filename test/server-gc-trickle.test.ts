/**
 * The trickle of garbage that keeps a thread's young generation through quiet spells
 * (src/server/gc-tuning.ts: allocateThroughQuietSpells). After seconds of quiet, V8 uncommits the spare
 * semi-space at the next collections, and a burst of uploads then faults it in afresh each time; with the
 * trickle running through the spell it stays committed. Both threads run at once.
 */
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Semi-spaces of 2 MB (the server's are 16): V8 finds a rate under its mark when a semi-space's worth of
 * allocation is spread over more than ~2 s, so a spell of 7 s tells it as one of 45 s does at 16 MB.
 */
const SEMI_SPACE_MB = 2;
/** Longer than the ~5 s over which V8 measures a thread's allocation rate. */
const QUIET_MS = 7000;

function quietSpell(trickle: boolean): Promise<{ busy: number; after: number }> {
  const worker = new Worker(new URL('./fixtures/workers/quiet-spell.mjs', import.meta.url), {
    workerData: { trickle, quietMs: QUIET_MS },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (m: { busy: number; after: number }) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe('keeping the young generation through a quiet spell', () => {
  // Process-wide and read when a thread's heap is made: set before the threads start, as the server does.
  beforeAll(() =>
    setFlagsFromString(`--min-semi-space-size=${SEMI_SPACE_MB} --max-semi-space-size=${SEMI_SPACE_MB}`),
  );

  it('is given back after a quiet spell without the trickle, and kept with it', async () => {
    const [without, withTrickle] = await Promise.all([quietSpell(false), quietSpell(true)]);
    // Without: only the semi-space in use is left committed (half of what the busy thread had).
    expect(without.after).toBeLessThanOrEqual(without.busy / 2);
    // With: both semi-spaces are still committed.
    expect(withTrickle.after).toBe(withTrickle.busy);
  });
});
