/**
 * How the demo's sample figures (示例数据) are rounded, on a small hand-made catalogue: like an office
 * types them — whole units for counted totals of 100 and more (43721 人 stays 43721, it is not made a
 * round 43700), 3 significant digits for small figures, never more than 2 decimals.
 */
import { describe, expect, it } from 'vitest';
import type { Target } from '../src/core/model/catalogue.js';
import { sampleEntries } from '../src/core/workbook/sample.js';
import { handCatalogue, handTarget } from './helpers/hand-catalogue.js';

const target = (id: string, value: number, unit: string, offset: number): Target =>
  handTarget(id, { value, unit, offset });

/** Every figure the sample gives these targets over several offices and seeds. */
function figuresFor(targets: Target[]): number[] {
  const cat = handCatalogue(targets);
  const out: number[] = [];
  for (const office of ['长春市', '吉林市', '四平市', '辽源市'])
    for (const seed of [1, 2, 3, 4, 5])
      for (const e of sampleEntries(cat, office, '2025年1-9月', seed))
        for (const x of [e.baseline, e.actual]) if (x !== null) out.push(x);
  return out;
}

const decimals = (x: number) => (String(x).split('.')[1] ?? '').length;

describe('sample figures are rounded as an office types them', () => {
  it('large totals stay whole units, as counted, not rounded to hundreds', () => {
    const xs = figuresFor([
      target('a', 50000, '人', 1),
      target('b', 3200, '张', 2),
      target('c', 12800, '个', 3),
    ]);
    expect(xs.length).toBeGreaterThan(60);
    for (const x of xs) expect(Number.isInteger(x)).toBe(true);
    // rounding to 3 significant digits would make every one of these a multiple of 10
    const ragged = xs.filter((x) => x % 10 !== 0);
    expect(ragged.length).toBeGreaterThan(xs.length / 2);
  });

  it('figures from 100 to 999 are whole units', () => {
    const xs = figuresFor([target('a', 350, '家', 1), target('b', 640, '人', 2)]);
    expect(xs.length).toBeGreaterThan(40);
    for (const x of xs) expect(Number.isInteger(x)).toBe(true);
    expect(xs.some((x) => x % 10 !== 0)).toBe(true);
  });

  it('small figures keep 3 significant digits and at most 2 decimals', () => {
    const xs = figuresFor([target('a', 7.5, '张', 1), target('b', 45, '%', 2), target('c', 0.8, '‰', 3)]);
    expect(xs.length).toBeGreaterThan(60);
    for (const x of xs) {
      expect(decimals(x)).toBeLessThanOrEqual(2);
      // 3 significant digits: 7.46, 45.3, 0.62 — the digits after the leading zeros number at most 3
      const digits = String(x).replace('.', '').replace(/^0+/, '');
      expect(digits.length).toBeLessThanOrEqual(3);
    }
    // between 10 and 100 one decimal is kept, not cut to whole numbers
    expect(xs.some((x) => x >= 10 && x < 100 && !Number.isInteger(x))).toBe(true);
    // below 1, two decimals are kept
    expect(xs.some((x) => x < 1 && decimals(x) === 2)).toBe(true);
  });
});
