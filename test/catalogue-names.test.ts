/**
 * Short names (Target.name) derived from the seeds' quotes: fit for a report sentence and a table header.
 */
import { describe, expect, it } from 'vitest';
import { shortName } from '../src/core/catalogue/name.js';
import { seedCatalogue } from './helpers/seeds.js';

function nameOf(quotePart: string, value?: number): string | undefined {
  const t = seedCatalogue().targets.find(
    (x) => x.quote.includes(quotePart) && (value === undefined || x.value === value),
  );
  if (!t) throw new Error(`no target quotes ${quotePart}`);
  return t.name;
}

describe('short names', () => {
  it('names shares, counts and milestones as a report would', () => {
    expect(nameOf('社会体育指导员人数达到人口总数的１.５‰')).toBe('社会体育指导员占人口比例');
    expect(nameOf('４１０００人')).toBe('社会体育指导员人数');
    expect(nameOf('国家临床重点专科')).toBe('国家临床重点专科数');
    expect(nameOf('商业健康保险支出占卫生总费用的比重')).toBe('商业健康保险支出占卫生总费用的比重');
    expect(nameOf('人均体育场地面积')).toBe('人均体育场地面积');
    expect(nameOf('整合型医疗卫生服务体系')).toBe('形成整合型医疗卫生服务体系');
    expect(nameOf('经常参加体育锻炼')).toBe('经常参加体育锻炼占总人口比例');
  });

  it('every seed target has a name of 2 to 24 characters with no sentence punctuation', () => {
    for (const t of seedCatalogue().targets) {
      expect(t.name, t.quote).toMatch(/^[^，。；：\s]{2,24}$/);
    }
  });

  it('works from the quote when the indicator is empty, and never exceeds a header', () => {
    expect(shortName({ indicator: '', quote: '新建社区医院20家', unit: '家', comparator: '>=' })).toBe(
      '社区医院数',
    );
    const long = shortName({ indicator: '提升'.repeat(30), quote: '', unit: '%', comparator: '>=' });
    expect(long.length).toBeLessThanOrEqual(24);
  });
});
