/**
 * One office's share as the coordinating office types it into the 分解表 (parseShare), the office's copy of
 * the catalogue with its shares applied (applyAllocation, sharesOf, recordedAllocation, the "≥12个（全省≥50个）"
 * text), and the scope word taken from the issuing authority (scopeOf). Expected values by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  allocatedTargetText,
  applyAllocation,
  overallText,
  parseShare,
  recordedAllocation,
  scopeOf,
  sharesOf,
  type Allocation,
} from '../src/core/allocation/index.js';
import type { Catalogue, Comparator, Target } from '../src/core/model/catalogue.js';
import type { TargetRow } from '../src/core/model/submission.js';

const under = (comparator: Comparator, unit: string | null = '个') => ({ comparator, unit });
const share = (comparator: Comparator, value: number, valueMax: number | null = null) => ({
  ok: true,
  share: { comparator, value, valueMax },
});

describe('a share cell', () => {
  it('left blank (or only spaces) gives the office no share', () => {
    expect(parseShare(null, under('>='))).toEqual({ ok: true, share: null });
    expect(parseShare('', under('>='))).toEqual({ ok: true, share: null });
    expect(parseShare(' \u3000 ', under('>='))).toEqual({ ok: true, share: null });
  });

  it('holding a bare number takes the overall target’s comparator (a floor under a range or a milestone)', () => {
    expect(parseShare(12, under('>='))).toEqual(share('>=', 12));
    expect(parseShare(3, under('<='))).toEqual(share('<=', 3));
    expect(parseShare('12', under('='))).toEqual(share('=', 12));
    expect(parseShare(12, under('range'))).toEqual(share('>=', 12));
    expect(parseShare('12', under('milestone'))).toEqual(share('>=', 12));
  });

  it('may carry its own comparator before the number, in symbols or words', () => {
    expect(parseShare('≤3', under('>='))).toEqual(share('<=', 3));
    expect(parseShare('<=3', under('>='))).toEqual(share('<=', 3));
    expect(parseShare('不少于12', under('<='))).toEqual(share('>=', 12));
    expect(parseShare('不超过 3', under('>='))).toEqual(share('<=', 3));
    expect(parseShare('>5', under('>='))).toEqual(share('>', 5));
    expect(parseShare('约5', under('>='))).toEqual(share('≈', 5));
    expect(parseShare('~5', under('>='))).toEqual(share('≈', 5));
  });

  it('may carry it after the number (以上, 以下, 以内, 左右), the unit written or not', () => {
    expect(parseShare('12个以上', under('<='))).toEqual(share('>=', 12));
    expect(parseShare('3以下', under('>='))).toEqual(share('<=', 3));
    expect(parseShare('3个以内', under('>='))).toEqual(share('<=', 3));
    expect(parseShare('10左右', under('>='))).toEqual(share('≈', 10));
    // A comparator in front wins over a word after the number.
    expect(parseShare('不少于12以下', under('<='))).toEqual(share('>=', 12));
  });

  it('may be a range in any of the usual dashes or words, with the unit or %', () => {
    for (const text of [
      '10—15',
      '10–15',
      '10-15',
      '10~15',
      '10～15',
      '10至15',
      '10到15',
      '10 — 15',
      '10个—15个',
    ])
      expect(parseShare(text, under('>=')), text).toEqual(share('range', 10, 15));
    expect(parseShare('5%—8%', under('>=', '%'))).toEqual(share('range', 5, 8));
  });

  it('may be a range whose ends are equal', () => {
    expect(parseShare('10—10', under('>='))).toEqual(share('range', 10, 10));
  });

  it('is refused when a range runs backwards or is not made of numbers', () => {
    expect(parseShare('15—10', under('>='))).toEqual({ ok: false, reason: '区间上限小于下限' });
    expect(parseShare('1e—15', under('>='))).toEqual({ ok: false, reason: '不是数字或区间' });
    expect(parseShare('10—1x', under('>='))).toEqual({ ok: false, reason: '不是数字或区间' });
  });

  it('is a single share when the range would start from a comparator: “≥10—15” is no range', () => {
    expect(parseShare('≥10—15', under('>='))).toEqual({ ok: false, reason: '不是数字' });
  });

  it('is refused when it is not a number, a date, a yes/no, negative or not finite', () => {
    expect(parseShare('十个', under('>='))).toEqual({ ok: false, reason: '不是数字' });
    expect(parseShare('≥', under('>='))).toEqual({ ok: false, reason: '不是数字' });
    expect(parseShare(true, under('>='))).toEqual({ ok: false, reason: '不是数字' });
    expect(parseShare(new Date('2025-06-30T00:00:00Z'), under('>='))).toEqual({
      ok: false,
      reason: '是日期，不是数字',
    });
    expect(parseShare(-3, under('>='))).toEqual({ ok: false, reason: '是负数，分解目标不能为负' });
    expect(parseShare('-3', under('>='))).toEqual({ ok: false, reason: '是负数，分解目标不能为负' });
    expect(parseShare(Number.NaN, under('>='))).toEqual({ ok: false, reason: '不是有效数字' });
    expect(parseShare(Number.POSITIVE_INFINITY, under('>='))).toEqual({ ok: false, reason: '不是有效数字' });
    expect(parseShare('5%', under('>='))).toEqual({ ok: false, reason: '带有百分号，但本指标单位不是 %' });
  });

  it('of 0 is a share of nothing, not a refusal', () => {
    expect(parseShare(0, under('>='))).toEqual(share('>=', 0));
  });

  it('in full-width digits or with thousands separators reads as the number', () => {
    expect(parseShare('２００００', under('>=', '人'))).toEqual(share('>=', 20000));
    expect(parseShare('1,200', under('>=', '人'))).toEqual(share('>=', 1200));
  });
});

// A small catalogue: a provincial ≥50个 total in 万人, a city's ≥1000个, and a target already allocated.
const DOCS = [
  {
    id: 'P',
    issuer: '吉林省人民政府办公厅',
    title: '吉林省人民政府办公厅关于进一步完善医疗卫生服务体系的实施意见',
  },
  { id: 'C', issuer: '', title: '长春市朝阳区人民政府关于印发实施方案的通知' },
];
function target(id: string, documentId: string, edit: Partial<Target> = {}): Target {
  return {
    id,
    documentId,
    name: `指标${id}`,
    indicator: `指标${id}`,
    unit: '个',
    comparator: '>=',
    value: 50,
    valueMax: null,
    normalizedValue: 50,
    deadline: '2025',
    quote: `建设指标${id}50个`,
    ...edit,
  } as Target;
}
const CATALOGUE = {
  version: 'v1',
  documents: DOCS,
  targets: [
    target('T1', 'P', { unit: '万人', value: 5, normalizedValue: 50000 }),
    target('T2', 'C', { value: 1000, normalizedValue: 1000 }),
    target('T3', 'P', { value: null, normalizedValue: null, comparator: 'milestone' }),
    target('T4', 'P', { overall: { comparator: '>=', value: 500, valueMax: null, scope: '全省' } }),
  ],
  tasks: [],
} as unknown as Catalogue;
const ALLOCATION: Allocation = {
  format: 'luoshi-allocation',
  catalogueVersion: 'v1',
  source: '分解表.xlsx',
  targets: [
    {
      targetId: 'T1',
      shares: [
        { office: '长春市', comparator: '>=', value: 1.2, valueMax: null },
        { office: '吉林市', comparator: 'range', value: 1, valueMax: 2 },
      ],
    },
    { targetId: 'T2', shares: [{ office: '长春市', comparator: '>=', value: 300, valueMax: null }] },
    { targetId: 'T4', shares: [{ office: '长春市', comparator: '>=', value: 20, valueMax: null }] },
  ],
};

describe('an office’s copy of the catalogue', () => {
  it('judges each allocated target by the office’s share, the overall target kept beside it with its scope', () => {
    const own = applyAllocation(CATALOGUE, ALLOCATION, '长春市');
    const [t1, t2, t3, t4] = own.targets;
    expect(t1).toMatchObject({
      comparator: '>=',
      value: 1.2,
      valueMax: null,
      normalizedValue: 12000, // 1.2万人, as 5万人 is 50000
      overall: { comparator: '>=', value: 5, valueMax: null, scope: '全省' },
    });
    expect(t2).toMatchObject({ value: 300, normalizedValue: 300, overall: { value: 1000, scope: '全区' } });
    expect(t3).toBe(CATALOGUE.targets[2]);
    // Already allocated (an office's own copy): never allocated twice.
    expect(t4).toBe(CATALOGUE.targets[3]);
    expect(own.version).toBe('v1');
  });

  it('keeps a range share and gives no normalised value where the catalogue has none', () => {
    const noScale = { ...CATALOGUE, targets: [target('T1', 'P', { normalizedValue: null })] } as Catalogue;
    const own = applyAllocation(noScale, ALLOCATION, '吉林市');
    expect(own.targets[0]).toMatchObject({
      comparator: 'range',
      value: 1,
      valueMax: 2,
      normalizedValue: null,
    });
  });

  it('is the catalogue itself for an office with no share, or without an allocation', () => {
    expect(applyAllocation(CATALOGUE, ALLOCATION, '四平市')).toBe(CATALOGUE);
    expect(applyAllocation(CATALOGUE, null, '长春市')).toBe(CATALOGUE);
    expect(applyAllocation(CATALOGUE, undefined, '长春市')).toBe(CATALOGUE);
  });

  it('lists the office’s shares by target, and none for others', () => {
    expect([...sharesOf(ALLOCATION, '吉林市')]).toEqual([
      ['T1', { office: '吉林市', comparator: 'range', value: 1, valueMax: 2 }],
    ]);
    expect(sharesOf(ALLOCATION, '四平市').size).toBe(0);
    expect(sharesOf(null, '长春市').size).toBe(0);
  });

  it('shows an allocated target as “own（scope overall）”, any other as itself', () => {
    const own = applyAllocation(CATALOGUE, ALLOCATION, '长春市');
    expect(allocatedTargetText(own.targets[0])).toBe('≥1.2万人（全省≥5万人）');
    expect(overallText(own.targets[1])).toBe('全区≥1000个');
    expect(allocatedTargetText(CATALOGUE.targets[1])).toBe('≥1000个');
    expect(overallText(CATALOGUE.targets[1])).toBeNull();
  });
});

describe('the allocation an office’s workbook records', () => {
  const row = (targetId: string, edit: Partial<TargetRow>): TargetRow => ({
    targetId,
    row: 4,
    document: '',
    section: '',
    quote: '',
    targetText: '',
    unit: '个',
    deadline: '',
    lead: '',
    comparator: '>=',
    value: 12,
    valueMax: null,
    ...edit,
  });
  const overall = { comparator: '>=' as const, value: 50, valueMax: null, targetText: '≥50个' };

  it('is each allocated row’s own target, for the office', () => {
    const rec = recordedAllocation({
      office: '长春市',
      catalogueVersion: 'v1',
      source: '长春市.xlsx',
      rows: [
        row('T1', { overall }),
        row('T2', {}),
        row('T3', { overall, comparator: 'range', value: 10, valueMax: 15 }),
        row('T4', { overall, comparator: null }),
        row('T5', { overall, value: null }),
      ],
    });
    expect(rec).toEqual({
      format: 'luoshi-allocation',
      catalogueVersion: 'v1',
      source: '长春市.xlsx',
      targets: [
        { targetId: 'T1', shares: [{ office: '长春市', comparator: '>=', value: 12, valueMax: null }] },
        { targetId: 'T3', shares: [{ office: '长春市', comparator: 'range', value: 10, valueMax: 15 }] },
      ],
    });
  });

  it('is none when no row was allocated', () => {
    const rec = recordedAllocation({
      office: '长春市',
      catalogueVersion: 'v1',
      source: 'x.xlsx',
      rows: [row('T1', {})],
    });
    expect(rec).toBeNull();
  });
});

describe('the scope of an overall target', () => {
  it('is the lowest division of the issuing authority', () => {
    expect(scopeOf({ issuer: '吉林省人民政府', title: '' })).toBe('全省');
    expect(scopeOf({ issuer: '长春市朝阳区人民政府', title: '' })).toBe('全区');
    expect(scopeOf({ issuer: '延边朝鲜族自治州人民政府', title: '' })).toBe('全州');
    expect(scopeOf({ issuer: '内蒙古自治区人民政府', title: '' })).toBe('全区');
    expect(scopeOf({ issuer: '韶关市人民政府', title: '' })).toBe('全市');
    expect(scopeOf({ issuer: '梅河口县人民政府', title: '' })).toBe('全县');
  });

  it('ignores words that hold a division character but name none (市场, 社区 …)', () => {
    expect(scopeOf({ issuer: '吉林省市场监督管理厅', title: '' })).toBe('全省');
    expect(scopeOf({ issuer: '国家市场监督管理总局', title: '' })).toBe('全国');
  });

  it('does not join the words on either side of one it ignores into a new one', () => {
    // with 城市 cut out, "中国家具协会" would hold 国家 (a national body); the issuer names none
    expect(scopeOf({ issuer: '中国城市家具协会', title: '' })).toBe('总体');
    expect(scopeOf({ issuer: '长春城市区建设局', title: '' })).toBe('全区');
  });

  it('is 全国 for a national authority', () => {
    expect(scopeOf({ issuer: '国家发展改革委', title: '' })).toBe('全国');
    expect(scopeOf({ issuer: '国务院办公厅', title: '' })).toBe('全国');
  });

  it('without an issuer, comes from the authority the title opens with', () => {
    expect(scopeOf({ issuer: '', title: '吉林市人民政府办公厅关于印发方案的通知' })).toBe('全市');
    expect(scopeOf({ issuer: null, title: '吉林省人民政府关于促进健康服务业发展的实施意见' })).toBe('全省');
  });

  it('from a title, is the authority before 关于 only, not a division named later in the title', () => {
    expect(scopeOf({ issuer: '', title: '吉林省人民政府关于印发长春市健康服务业发展方案的通知' })).toBe(
      '全省',
    );
    expect(scopeOf({ issuer: '', title: '吉林省健康服务业发展规划' })).toBe('总体');
  });

  it('is 总体 when nothing says whose target it is', () => {
    expect(scopeOf(undefined)).toBe('总体');
    expect(scopeOf({ issuer: '', title: '关于印发方案的通知' })).toBe('总体');
    expect(scopeOf({ issuer: '', title: '健康服务业发展方案' })).toBe('总体');
    expect(scopeOf({ issuer: '某协会', title: '某协会关于开展活动的通知' })).toBe('总体');
  });
});
