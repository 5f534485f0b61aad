/**
 * Second genre set (test/genre2/README.md): seven short documents of other sectors and levels (education,
 * ecology, agriculture, employment, finance, digital government), written with gold before the rules
 * of issue 16 were tuned. Prints recall, precision and field accuracy; the floors are the measured
 * level after tuning, so a regression fails.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../src/core/catalogue/index.js';
import { loadGoldSet, loadSeedTexts } from './helpers/gold.js';
import { formatScore, scoreCatalogue } from './helpers/score.js';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'genre2');

describe('genre set 2', () => {
  it('scores recall and precision of at least 95 % with every field right on 90 % of the matched targets', () => {
    const texts = loadSeedTexts(DIR);
    const gold = loadGoldSet(texts, path.join(DIR, 'gold'));
    expect(gold.length).toBe(7);
    const r = buildCatalogue(
      [...texts.keys()].map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(DIR, name))) })),
    );
    const score = scoreCatalogue(r.catalogue, gold, texts);
    console.log(formatScore(score));
    expect(score.badQuotes).toEqual([]);
    expect(score.overall.recall).toBeGreaterThanOrEqual(0.95);
    expect(score.overall.precision).toBeGreaterThanOrEqual(0.95);
    for (const f of ['comparator', 'unit', 'deadline', 'cycle', 'units'] as const)
      expect(score.overall.fields[f].accuracy, f).toBeGreaterThanOrEqual(0.9);
  });

  it('a text with no heading structure yields its sentence-level targets, with a warning', () => {
    const name = 'g10_数字政府建设2025年工作要点.txt';
    const r = buildCatalogue([{ name, bytes: new Uint8Array(readFileSync(path.join(DIR, name))) }]);
    expect(r.warnings.join('\n')).toContain(`${name} 没有“一、”“（一）”等标题层级，已按句子逐句提取指标`);
    expect(r.catalogue.targets.map((t) => [t.value, t.unit])).toEqual(
      expect.arrayContaining([
        [98, '%'],
        [300, '座'],
        [50, '项'],
        [100, '%'],
      ]),
    );
  });

  it('coverage and zero words are figures; policy parameters and validity windows are not targets', () => {
    const texts = loadSeedTexts(DIR);
    const r = buildCatalogue(
      [...texts.keys()].map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(DIR, name))) })),
    );
    const q = (s: string) => r.catalogue.targets.find((t) => t.quote.includes(s));
    expect(q('占比不低于三分之一')).toMatchObject({ comparator: '>=', value: 33.3, unit: '%' });
    expect(q('零增长')).toMatchObject({ comparator: '<=', value: 0, unit: '%' });
    expect(q('补贴上限3000元')).toBeUndefined();
    expect(q('最高不超过1000万元')).toBeUndefined();
    expect(q('至2027年12月31日止')).toBeUndefined();
    expect(q('奖补比例为30%')).toBeUndefined();
  });
});
