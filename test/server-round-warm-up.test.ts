/**
 * Warming the checking threads up for a round (src/server/handlers/rounds.ts, intake-warm-up.ts): at start
 * for the newest round, on both engines, with its catalogue, first roster office and period; the warm-up
 * workbook written from a real catalogue is read through every row without an error; a pool warms up once
 * per catalogue and only when made to warm up.
 */
import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../src/core/model/catalogue.js';
import { warmUpForLatestRound, type WarmUpContext } from '../src/server/handlers/rounds.js';
import { checkUpload, sharedUtf8, type CheckOutcome, type CheckTask } from '../src/server/intake-check.js';
import { poolChecker, type IntakeChecker } from '../src/server/intake-pool.js';
import { warmUpChecker, type WarmUpRound } from '../src/server/intake-warm-up.js';
import { filledWorkbook } from './helpers/review-fixtures.js';
import { seedCatalogue } from './helpers/seeds.js';
import { postgresAvailable, testDb } from './helpers/server.js';

const sharedJson = (value: unknown): SharedArrayBuffer => sharedUtf8(JSON.stringify(value));

const engines: ('pglite' | 'postgres')[] = postgresAvailable() ? ['pglite', 'postgres'] : ['pglite'];

describe.each(engines)('warming up for the newest round at start (%s)', (kind) => {
  it('names the newest round’s catalogue, first roster office and period, and nothing before any round', async () => {
    const t = await testDb(kind);
    try {
      const asked: Omit<WarmUpRound, 'catalogueUtf8'>[] = [];
      const ctx: WarmUpContext = {
        db: t.db,
        catalogueUtf8: () => Promise.resolve(sharedJson({ version: 'x' })),
        intake: {
          warmUpFor: ({ catalogueId, office, period }) => {
            asked.push({ catalogueId, office, period });
            return Promise.resolve();
          },
        },
      };
      await warmUpForLatestRound(ctx);
      expect(asked).toEqual([]);

      const ids: number[] = [];
      for (const version of ['2024-v1', '2025-v2']) {
        const [row] = await t.db.query<{ id: number }>(
          'INSERT INTO catalogues (version, catalogue) VALUES ($1, $2) RETURNING id',
          [version, JSON.stringify({ version })],
        );
        ids.push(row.id);
      }
      const round = (name: string, catalogueId: number, period: string, offices: string[]) =>
        t.db.query(
          `INSERT INTO rounds (name, catalogue_id, period, roster, roster_csv) VALUES ($1, $2, $3, $4, $5)`,
          [name, catalogueId, period, JSON.stringify(offices.map((office) => ({ office }))), 'x'],
        );
      await round('上一轮', ids[0], '2024年度', ['长春市']);
      await round('本轮', ids[1], '2025年度', ['吉林市', '通化市']);

      await warmUpForLatestRound(ctx);
      expect(asked).toEqual([{ catalogueId: ids[1], office: '吉林市', period: '2025年度' }]);
    } finally {
      await t.close();
    }
  }, 60_000);
});

describe('the warm-up workbook of a round’s own catalogue', () => {
  it('is read through every target row on each thread, under the round’s catalogue id, with no error', async () => {
    const catalogue: Catalogue = seedCatalogue();
    const seen: { task: CheckTask; outcome: CheckOutcome }[] = [];
    const recording: IntakeChecker = {
      check: async (task) => {
        const outcome = await checkUpload(task);
        seen.push({ task, outcome });
        return outcome;
      },
      warmUpFor: () => Promise.resolve(),
      close: () => Promise.resolve(),
    };
    const round = {
      catalogueId: 41,
      catalogueUtf8: sharedJson(catalogue),
      office: '通化市',
      period: '2025年度',
    };
    await warmUpChecker(recording, 2, round);

    expect(seen).toHaveLength(60); // 30 rounds on each of 2 threads
    for (const { task, outcome } of seen) {
      expect(task.catalogueId).toBe(41);
      expect(outcome.kind).toBe('read');
      if (outcome.kind !== 'read') return;
      expect(outcome.head.office).toBe('通化市');
      expect(outcome.head.period).toBe('2025年度');
      expect(outcome.head.catalogueVersion).toBe(catalogue.version);
      expect(outcome.head.problems.filter((p) => p.severity === 'error')).toEqual([]);
    }
  }, 120_000);
});

describe('a pool warming up for a round', () => {
  it('warms up once per catalogue, then checks an upload as the inline check does', async () => {
    const catalogue = seedCatalogue();
    const round = {
      catalogueId: 5,
      catalogueUtf8: sharedJson(catalogue),
      office: '通化市',
      period: '2025年度',
    };
    const pool = poolChecker(1, true);
    try {
      await pool.warmUpFor(round);
      // The second time for the same catalogue starts nothing: it is already settled.
      let settled = false;
      void pool.warmUpFor(round).then(() => (settled = true));
      await Promise.resolve();
      expect(settled).toBe(true);

      const { bytes } = await filledWorkbook(catalogue, '通化市');
      const task = (b: Uint8Array): CheckTask => ({
        bytes: b,
        fileName: '通化市.xlsx',
        catalogueId: 5,
        catalogueUtf8: round.catalogueUtf8,
        maxUnzippedBytes: 64 << 20,
      });
      const inline = await checkUpload(task(bytes.slice()));
      const pooled = await pool.check(task(bytes.slice()));
      expect(pooled.kind).toBe('read');
      if (pooled.kind !== 'read' || inline.kind !== 'read') return;
      expect(pooled.head).toEqual(inline.head);
      expect(Buffer.from(pooled.parsedDeflated).equals(Buffer.from(inline.parsedDeflated))).toBe(true);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('does not warm up where the pool was made not to', async () => {
    const pool = poolChecker(1, false);
    try {
      let settled = false;
      const round = {
        catalogueId: 6,
        catalogueUtf8: sharedJson(seedCatalogue()),
        office: '通化市',
        period: '2025年度',
      };
      void pool.warmUpFor(round).then(() => (settled = true));
      await Promise.resolve();
      expect(settled).toBe(true);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
