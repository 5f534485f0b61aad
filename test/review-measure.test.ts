/**
 * Consolidation reads each target's comparator and value back from the 目标值 text the workbook shows.
 * For every target of the seeds, that reading must agree with the catalogue it was written from.
 */
import { describe, expect, it } from 'vitest';
import { completionRate, isSummableUnit, parseTargetText } from '../src/core/review/measure.js';
import { rateFormula } from '../src/core/workbook/target-math.js';
import { targetText } from '../src/core/workbook/target-text.js';
import { seedCatalogue } from './helpers/seeds.js';

describe('reading 目标值 back', () => {
  it('recovers comparator and value of every seed target from its readable text', () => {
    const targets = seedCatalogue().targets;
    expect(targets.length).toBeGreaterThan(20);
    for (const t of targets) {
      const parsed = parseTargetText(targetText(t));
      if (t.comparator === 'milestone' || t.value === null) {
        expect(parsed.comparator, targetText(t)).toBe('milestone');
        continue;
      }
      expect(parsed.comparator, targetText(t)).toBe(t.comparator);
      expect(parsed.value, targetText(t)).toBe(t.value);
      if (t.comparator === 'range') expect(parsed.valueMax).toBe(t.valueMax);
    }
  });

  it('computes 完成率 exactly where the workbook has a 完成率 formula', () => {
    for (const t of seedCatalogue().targets) {
      const hasFormula = rateFormula('K4', t.comparator, t.value) !== null;
      const rate = completionRate(t.value === null ? 1 : t.value * 0.8, parseTargetText(targetText(t)));
      expect(rate !== null, targetText(t)).toBe(hasFormula);
      if (rate !== null) expect(rate).toBeCloseTo(80, 9);
    }
  });

  it('adds up counts and amounts, never shares or ratios', () => {
    for (const u of ['个', '人', '所', '张', '家', '名', '项', '万人', '亿元', '人次']) expect(isSummableUnit(u), u).toBe(true);
    for (const u of ['%', '‰', '元/人', '张/千人', '岁', '倍', '', '每千人口']) expect(isSummableUnit(u), u).toBe(false);
  });
});
