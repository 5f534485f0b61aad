/**
 * Consolidation judges each figure by the rule the workbook recorded for its row (_meta), never by
 * re-reading the 目标值 text. For every target of the seeds, a generated workbook read back without
 * the catalogue must carry the catalogue's comparator and values, and give 完成率 exactly where the
 * workbook has a 完成率 formula.
 */
import { describe, expect, it } from 'vitest';
import { isSummableUnit } from '../src/core/review/measure.js';
import { completionRate, rateFormula } from '../src/core/workbook/target-math.js';
import { generate, readBack } from './helpers/workbooks.js';
import { seedCatalogue } from './helpers/seeds.js';

describe('the rule of each row', () => {
  it('travels through the workbook for every seed target', async () => {
    const catalogue = seedCatalogue();
    const sub = await readBack(await generate(catalogue));
    expect(sub.rows.length).toBe(catalogue.targets.length);
    const byId = new Map(catalogue.targets.map((t) => [t.id, t]));
    for (const row of sub.rows) {
      const t = byId.get(row.targetId)!;
      expect(row.comparator, row.targetId).toBe(t.comparator);
      expect(row.value, row.targetId).toBe(t.value);
      expect(row.valueMax, row.targetId).toBe(t.valueMax);
    }
  });

  it('gives 完成率 exactly where the workbook has a 完成率 formula', () => {
    for (const t of seedCatalogue().targets) {
      const hasFormula = rateFormula('K4', t.comparator, t.value) !== null;
      const rate = completionRate(t.value === null ? 1 : t.value * 0.8, t.comparator, t.value);
      expect(rate !== null, t.id).toBe(hasFormula);
      if (rate !== null) expect(rate).toBeCloseTo(0.8, 9);
    }
  });

  it('adds up counts and amounts, never shares or ratios', () => {
    for (const u of ['个', '人', '所', '张', '家', '名', '项', '万人', '亿元', '人次'])
      expect(isSummableUnit(u), u).toBe(true);
    for (const u of ['%', '‰', '元/人', '张/千人', '岁', '倍', '', '每千人口'])
      expect(isSummableUnit(u), u).toBe(false);
  });
});
