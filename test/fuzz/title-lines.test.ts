/**
 * The report title's line breaker on random and hostile titles (issue 14: a 200,000-character 标题
 * hung `luoshi report`). Its results must equal the plain dynamic programme (every line start against
 * every end, each break judged on the whole text before and after it, written here independently),
 * keep every character in order, fit each line in the 版心, and a very long title must break at all
 * (the time it takes is bench/title-lines.ts).
 */
import { describe, expect, it } from 'vitest';
import { breakTitle, TITLE_CHARS } from '../../src/core/report/title-lines.js';

const w = (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0);

function referenceCost(before: string, after: string): number {
  if (/关于$|》$|、$|，$/.test(before)) return 0;
  if (/^《|^落实|^的报告|^情况的报告|^贯彻/.test(after)) return 1;
  if (/^(促进|加快|推进|推动|进一步|加强|实施|深化|支持|做好|开展|完善|建立|健全|发展|提升|印发)/.test(after))
    return 2;
  if (/(的|和|与|及)$/.test(before)) return 6;
  if (/《[^》]*$/.test(before)) return 20;
  return 14;
}

/** The same rules, computed the slow and obvious way. */
function reference(title: string, max = TITLE_CHARS): string[] {
  const chars = [...title];
  const n = chars.length;
  if (w(title) <= max) return [title];
  const target = w(title) / Math.ceil(w(title) / max);
  const best = Array.from({ length: n + 1 }, () => ({ cost: Infinity, prev: -1, len: 0 }));
  best[0] = { cost: 0, prev: -1, len: Infinity };
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j <= n && best[i].cost < Infinity; j++) {
      const line = chars.slice(i, j).join('');
      if (w(line) > max) break;
      if (j < n && j - i < 2) continue;
      const tail = j === n ? 0 : referenceCost(chars.slice(0, j).join(''), chars.slice(j).join(''));
      const shape = w(line) > best[i].len + 0.5 ? 4 : 0;
      const cost =
        best[i].cost + (w(line) - target) ** 2 + tail * 3 + shape + (j === n && w(line) < 3 ? 100 : 0);
      if (cost < best[j].cost) best[j] = { cost, prev: i, len: w(line) };
    }
  const out: string[] = [];
  for (let j = n; j > 0; j = best[j].prev) out.unshift(chars.slice(best[j].prev, j).join(''));
  return out;
}

const PIECES = [
  '吉林省人民政府',
  '关于',
  '《',
  '》',
  '促进',
  '健康服务业发展',
  '的实施意见',
  '落实情况的报告',
  '、',
  '，',
  '进一步',
  '和',
  '2025年',
  'ABC',
  ' ',
  '😀',
  '贯彻',
  '（试行）',
];

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomTitle(r: () => number, pieces: number): string {
  let s = '';
  for (let i = 0; i < pieces; i++) s += PIECES[Math.floor(r() * PIECES.length)];
  return s;
}

describe('title line breaker', () => {
  it('breaks 300 random titles exactly as the plain dynamic programme does', () => {
    const r = rng(9704);
    for (let k = 0; k < 300; k++) {
      const title = randomTitle(r, 1 + Math.floor(r() * 25));
      const lines = breakTitle(title);
      expect(lines, title).toEqual(reference(title));
      expect(lines.join('')).toBe(title);
      for (const l of lines) expect(w(l), title).toBeLessThanOrEqual(TITLE_CHARS);
      for (const l of lines.slice(0, -1)) expect([...l].length, title).toBeGreaterThan(1);
    }
  });

  it('breaks a 200,000-character title (which once hung the report) into lines of the 版心', () => {
    const title = randomTitle(rng(1), 40_000).slice(0, 200_000);
    const lines = breakTitle(title);
    expect(lines.join('')).toBe(title);
    expect(Math.max(...lines.map(w))).toBeLessThanOrEqual(TITLE_CHARS);
    expect(lines.length).toBeGreaterThanOrEqual(Math.ceil(w(title) / TITLE_CHARS));
  });
});
