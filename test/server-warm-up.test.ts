/**
 * The checking threads' warm-up at start (src/server/intake-warm-up.ts): the made-up workbook, written
 * in its own thread through the worker entry, must run the whole check (every target and task row read,
 * nothing refused), or the warm-up would warm only the refusal path; and a pool warming up answers a
 * real upload as the inline check does.
 */
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../src/core/model/catalogue.js';
import { checkUpload, type CheckTask } from '../src/server/intake-check.js';
import { poolChecker } from '../src/server/intake-pool.js';
import { warmUpCatalogue, warmUpWorkbook } from '../src/server/intake-warm-up.js';
import { filledWorkbook } from './helpers/review-fixtures.js';
import { seedCatalogue } from './helpers/seeds.js';

function task(bytes: Uint8Array, catalogue: Catalogue, id: number): CheckTask {
  const json = new TextEncoder().encode(JSON.stringify(catalogue));
  const catalogueUtf8 = new SharedArrayBuffer(json.length);
  new Uint8Array(catalogueUtf8).set(json);
  return { bytes, fileName: '预热.xlsx', catalogueId: id, catalogueUtf8, maxUnzippedBytes: 64 << 20 };
}

describe('warming the checking threads up', () => {
  it('checks a made-up workbook through every row, with no error', async () => {
    const bytes = await warmUpWorkbook();
    const outcome = await checkUpload(task(bytes, warmUpCatalogue(), -1));
    expect(outcome.kind).toBe('read');
    if (outcome.kind !== 'read') return;
    expect(outcome.head.office).toBe('预热单位');
    expect(outcome.head.period).toBe('2025年度');
    expect(outcome.head.catalogueVersion).toBe('warm-up');
    expect(outcome.head.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const parsed = JSON.parse(inflateRawSync(outcome.parsedDeflated).toString('utf8')) as {
      entries: { targetId: string; actual: number | null }[];
      taskEntries: unknown[];
    };
    // 120 targets and 40 tasks, as made up; sample figures filled in most rows.
    expect(parsed.entries).toHaveLength(120);
    expect(parsed.entries[0].targetId).toBe('warm-up/1');
    expect(parsed.entries.filter((e) => e.actual !== null).length).toBeGreaterThan(60);
    expect(parsed.taskEntries).toHaveLength(40);
  }, 60_000);

  it('answers an upload that arrives during the warm-up as the inline check does', async () => {
    const catalogue = seedCatalogue();
    const { bytes } = await filledWorkbook(catalogue, '通化市');
    const inline = await checkUpload(task(bytes.slice(), catalogue, 1));
    const pool = poolChecker(1, true);
    try {
      const pooled = await pool.check(task(bytes.slice(), catalogue, 1));
      expect(pooled.kind).toBe('read');
      if (pooled.kind !== 'read' || inline.kind !== 'read') return;
      expect(pooled.sha256).toBe(inline.sha256);
      expect(pooled.head).toEqual(inline.head);
      expect(Buffer.from(pooled.parsedDeflated).equals(Buffer.from(inline.parsedDeflated))).toBe(true);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('moves the file to the checking thread and hands the same bytes back, a view into more is copied', async () => {
    const catalogue = seedCatalogue();
    const { bytes } = await filledWorkbook(catalogue, '通化市');
    const pool = poolChecker(1);
    try {
      const sent = bytes.slice();
      const moved = await pool.check(task(sent, catalogue, 1));
      expect(sent.byteLength).toBe(0); // moved: the sender's view is detached
      expect(Buffer.from(moved.bytes).equals(Buffer.from(bytes))).toBe(true);

      const larger = new Uint8Array(bytes.length + 16);
      larger.set(bytes, 8);
      const view = larger.subarray(8, 8 + bytes.length);
      const copied = await pool.check(task(view, catalogue, 1));
      expect(view.byteLength).toBe(bytes.length); // its neighbours stay with the sender
      expect(Buffer.from(copied.bytes).equals(Buffer.from(bytes))).toBe(true);
      expect(copied.kind).toBe('read');

      const broken = new TextEncoder().encode('这不是一个 xlsx 文件');
      const refused = await pool.check(task(broken.slice(), catalogue, 1));
      expect(refused.kind).toBe('refused');
      expect(Buffer.from(refused.bytes).toString('utf8')).toBe('这不是一个 xlsx 文件');
    } finally {
      await pool.close();
    }
  }, 120_000);
});
