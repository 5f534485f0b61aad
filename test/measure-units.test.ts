/**
 * What a target's unit allows (src/core/review/measure.ts): units written with stray or full-width
 * spaces, units a workbook leaves blank, and shares in ‰ — bounded at 1000 ‰, as a share in % is at 100 %.
 */
import { describe, expect, it } from 'vitest';
import { isBoundedShare, isSummableUnit, shareLimit } from '../src/core/review/measure.js';
import { implausibilities } from '../src/core/progress/plausibility.js';

describe('summable units', () => {
  it('are recognised when typed with spaces inside or around them, half- or full-width', () => {
    for (const u of ['万 人', ' 亿元 ', '万\u3000人次', '个 村']) expect(isSummableUnit(u), u).toBe(true);
  });

  it('are not a unit left blank or missing', () => {
    for (const u of [null, undefined, '', '  ']) expect(isSummableUnit(u), String(u)).toBe(false);
  });

  it('are not shares, ratios or per-capita units, even built from summable words', () => {
    for (const u of ['个%', '元/人', '人/万人', '每千人口床位', '万元/年', '千‰'])
      expect(isSummableUnit(u), u).toBe(false);
  });
});

describe('bounded shares', () => {
  it('are shares in % or ‰ (typed with spaces or full-width %) whose wording is not a change', () => {
    expect(isBoundedShare('%', '城镇化率')).toBe(true);
    expect(isBoundedShare('‰', '婴儿死亡率')).toBe(true);
    expect(isBoundedShare(' ‰ ', '婴儿死亡率')).toBe(true);
    expect(isBoundedShare('％', '覆盖率')).toBe(true);
  });

  it('are not growth or change figures, other units, or a unit left blank', () => {
    expect(isBoundedShare('%', '地区生产总值年均增长')).toBe(false);
    expect(isBoundedShare('‰', '出生率下降')).toBe(false);
    expect(isBoundedShare('个', '覆盖率')).toBe(false);
    expect(isBoundedShare(null, '覆盖率')).toBe(false);
    expect(isBoundedShare(undefined, '覆盖率')).toBe(false);
    expect(isBoundedShare('', '覆盖率')).toBe(false);
  });

  it('are capped at 1000 in ‰ and at 100 in %, whatever spaces surround the unit', () => {
    expect(shareLimit('‰')).toBe(1000);
    expect(shareLimit(' ‰ ')).toBe(1000);
    expect(shareLimit('%')).toBe(100);
    expect(shareLimit('％')).toBe(100);
  });

  it('flag a 婴儿死亡率 above 1000 ‰ as impossible, and not one of 900 ‰', () => {
    const target = { kind: 'rate' as const, value: 5, unit: '‰ ', quote: '婴儿死亡率' };
    expect(implausibilities(900, target)).toEqual([]);
    expect(implausibilities(1200, target)).toEqual([
      { code: 'share-over-100', message: '完成值 1200‰ 超过 1000‰，比重类指标不可能出现' },
    ]);
  });
});
