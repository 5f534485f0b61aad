/**
 * The bounded HTTP fuzz sample: every class of test/fuzz/http.ts (wrong types, hostile and oversized
 * text, malformed bodies, bad and other offices' ids, roles, forged and replayed CSRF, broken and
 * oversized uploads and zip bombs, odd query strings), a slice of each, against the real app on PGlite.
 * The full set runs in `npm run fuzz`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpWorld, type HttpWorld } from './http-world.js';
import { httpCases, openApiOf, runHttpCase } from './http.js';
import { summaryLine, type Outcome } from './oracle.js';

let world: HttpWorld;
beforeAll(async () => {
  world = await buildHttpWorld();
}, 120_000);
afterAll(async () => {
  await world?.close();
});

describe('HTTP fuzz sample', () => {
  it('answers every hostile request with the right status and a Chinese message, storing nothing refused', async () => {
    const cases = httpCases(await openApiOf(world), 'sample');
    const classes = new Set(cases.map((c) => c.klass));
    expect(classes.size).toBeGreaterThanOrEqual(9);
    const outcomes: Outcome[] = [];
    for (const c of cases) outcomes.push(await runHttpCase(world, c));
    const failed = outcomes.filter((o) => o.verdict !== 'ok').map((o) => `${o.verdict}: ${o.id}: ${o.why}`);
    expect(failed, summaryLine(outcomes)).toEqual([]);
  }, 180_000);
});
