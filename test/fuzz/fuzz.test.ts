/**
 * The bounded fuzz sample (every case seeded from issue 14 plus a slice of the generated ones), run
 * in-process: each case must be handled with a Chinese message and no stack trace, or accepted with the
 * right result, and leave its input files byte for byte as they were. The full corpus is `npm run fuzz`.
 */
import { describe, expect, it } from 'vitest';
import { buildCorpus } from './corpus.js';
import { runCase, summaryLine, type Outcome } from './oracle.js';

describe('fuzz sample', () => {
  it('handles every broken or hostile input without a crash, hang, wrong result or changed input', async () => {
    const { sample } = await buildCorpus('sample');
    expect(sample.length).toBeGreaterThanOrEqual(300);
    const outcomes: Outcome[] = [];
    for (const c of sample) outcomes.push(await runCase(c, { timeoutMs: 30_000 }));
    const failed = outcomes.filter((o) => o.verdict !== 'ok').map((o) => `${o.verdict}: ${o.id}: ${o.why}`);
    expect(failed, summaryLine(outcomes)).toEqual([]);
  }, 240_000);
});
