/**
 * Consolidation, office by office: the order offices are listed in (the roster's, then the others by
 * pinyin), how the roster is read (names trimmed, blanks and repeats dropped), who is missing or unlisted,
 * which period and catalogue version count as the majority (ties go to the office listed first), and the
 * files that cannot be attributed to any office. Submissions built in memory; expected values by hand.
 */
import { describe, expect, it } from 'vitest';
import { createConsolidator, type ConsolidationResult } from '../src/core/review/consolidate.js';
import type { Problem, Submission } from '../src/core/model/submission.js';
import { submission } from './helpers/submissions.js';

function consolidate(subs: Submission[], roster?: string[]): ConsolidationResult {
  const c = createConsolidator(roster ? { roster } : {});
  for (const s of subs) c.add(s);
  return c.finish();
}

const office = (name: string, actual = 10, extra: Partial<Parameters<typeof submission>[0]> = {}) =>
  submission({ office: name, figures: [{ actual }], ...extra });

describe('the order offices are listed in', () => {
  it('is the roster’s order, whatever order the files arrive in', () => {
    // The roster is deliberately not in pinyin order (that would be 长春 zhang, 吉林 ji, 四平 si → 吉 四 长).
    const r = consolidate(
      [office('长春市', 3), office('吉林市', 2), office('四平市', 1)],
      ['四平市', '吉林市', '长春市'],
    );
    expect(r.offices.map((o) => o.office)).toEqual(['四平市', '吉林市', '长春市']);
    expect(r.actual[0]).toEqual([1, 2, 3]);
  });

  it('puts offices not on the roster after the roster’s, in pinyin order (白 bai, 吉 ji, 四 si, 通 tong)', () => {
    // Arriving in the reverse order; in code-point order they would be 吉 四 白 通.
    const r = consolidate(
      [office('通化市'), office('四平市'), office('吉林市'), office('白山市'), office('松原市')],
      ['松原市'],
    );
    expect(r.offices.map((o) => o.office)).toEqual(['松原市', '白山市', '吉林市', '四平市', '通化市']);
    expect(r.unlisted).toEqual(['白山市', '吉林市', '四平市', '通化市']);
  });

  it('is pinyin order for every office when there is no roster', () => {
    const r = consolidate([office('通化市'), office('吉林市'), office('白山市')]);
    expect(r.offices.map((o) => o.office)).toEqual(['白山市', '吉林市', '通化市']);
  });
});

describe('the roster', () => {
  it('is read with names trimmed, blank lines and repeats dropped', () => {
    const r = consolidate([office('吉林市')], [' 长春市 ', '', '吉林市', '长春市', '  ']);
    expect(r.missing).toEqual(['长春市']);
    expect(r.unlisted).toEqual([]);
    expect(r.offices[0].inRoster).toBe(true);
  });

  it('matches an office whose name in the workbook has stray spaces, and treats both spellings as one office', () => {
    const r = consolidate(
      [office(' 吉林市 ', 4, { source: '一稿.xlsx' }), office('吉林市', 5, { source: '二稿.xlsx' })],
      ['吉林市'],
    );
    expect(r.offices.map((o) => [o.office, o.inRoster, o.source])).toEqual([['吉林市', true, '二稿.xlsx']]);
    expect(r.missing).toEqual([]);
    expect(r.duplicates.map((d) => [d.office, d.kept, d.dropped])).toEqual([
      ['吉林市', '二稿.xlsx', '一稿.xlsx'],
    ]);
  });

  it('without one, nobody is missing or unlisted and roster membership is unknown', () => {
    const r = consolidate([office('吉林市'), office('长春市')]);
    expect(r.missing).toEqual([]);
    expect(r.unlisted).toEqual([]);
    expect(r.offices.map((o) => o.inRoster)).toEqual([null, null]);
  });
});

describe('the majority period and catalogue version', () => {
  it('is the one most offices reported, even when the first office listed reported another', () => {
    const r = consolidate(
      [
        office('长春市', 10, { period: '2025年1-6月', catalogueVersion: 'v1' }),
        office('吉林市', 10, { period: '2025年度', catalogueVersion: 'v2' }),
        office('四平市', 10, { period: '2025年度', catalogueVersion: 'v2' }),
      ],
      ['长春市', '吉林市', '四平市'],
    );
    expect(r.period).toBe('2025年度');
    expect(r.timeShare).toBe(1);
    expect(r.problems.map((p) => [p.office, p.code, p.severity, p.message])).toEqual([
      ['长春市', 'period-mismatch', 'warning', '报送期间为“2025年1-6月”，与多数单位的“2025年度”不同'],
      ['长春市', 'catalogue-mismatch', 'warning', '所用指标目录版本与多数单位不同，部分指标可能无法对应'],
    ]);
  });

  it('on a tie, is the one of the office listed first (roster order)', () => {
    const r = consolidate(
      [
        office('吉林市', 10, { period: '2025年度', catalogueVersion: 'v2' }),
        office('长春市', 10, { period: '2025年1-6月', catalogueVersion: 'v1' }),
      ],
      ['长春市', '吉林市'],
    );
    expect(r.period).toBe('2025年1-6月');
    expect(r.timeShare).toBe(0.5);
    expect(r.problems.map((p) => [p.office, p.code])).toEqual([
      ['吉林市', 'period-mismatch'],
      ['吉林市', 'catalogue-mismatch'],
    ]);
  });

  it('is absent when nothing was reported: no period, no 序时进度, empty matrices', () => {
    const c = createConsolidator({ roster: ['长春市'] });
    c.addFailure('坏.xlsx', '坏.xlsx 已损坏');
    const r = c.finish();
    expect(r).toMatchObject({ period: null, timeShare: null, targets: [], offices: [], actual: [] });
    expect(r.missing).toEqual(['长春市']);
    expect(r.problems).toEqual([]);
  });
});

describe('a file that names no office', () => {
  const problem = (severity: Problem['severity'], message: string): Problem => ({
    severity,
    sheet: null,
    cell: null,
    targetId: null,
    message,
    code: 'x',
  });

  it('is listed as a failure with the reader’s first error, not its first warning', () => {
    const c = createConsolidator();
    c.add({
      ...submission({ office: '', source: '其他.xlsx', figures: [{ actual: 1 }] }),
      problems: [problem('warning', '某格有空格'), problem('error', '不是 luoshi 生成的填报表')],
    });
    const r = c.finish();
    expect(r.failures).toEqual([{ file: '其他.xlsx', message: '不是 luoshi 生成的填报表' }]);
    expect(r.offices).toEqual([]);
    expect(r.targets).toEqual([]);
  });

  it('is listed with a message of its own when the reader found no error', () => {
    const c = createConsolidator();
    c.add(submission({ office: '  ', source: '空白.xlsx', figures: [] }));
    expect(c.finish().failures).toEqual([
      { file: '空白.xlsx', message: '空白.xlsx 未写明填报单位，无法汇总' },
    ]);
  });
});

describe('a finished consolidation', () => {
  it('refuses further submissions rather than silently leaving them out', () => {
    const c = createConsolidator();
    c.add(office('长春市'));
    c.finish();
    expect(() => c.add(office('吉林市'))).toThrow('consolidator already finished');
  });
});
