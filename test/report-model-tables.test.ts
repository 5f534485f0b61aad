/**
 * The report model's indicator table as a report writer sees it (every column's header, alignment and
 * width limits; "—" for what is missing), several documents grouped by policy, who counts as behind in
 * a consolidated 备注, how many key targets are chosen, a line without an entry, and the indicator cut
 * from a quote. Expected values are written by hand.
 */
import { describe, expect, it } from 'vitest';
import { buildReportModel, cleanIndicator, formatPercent } from '../src/core/report/model.js';
import { handConfig, handSubmission, type HandLine } from './helpers/hand-submissions.js';

const line = (id: string, over: Partial<HandLine> = {}): HandLine => ({
  id,
  quote: `到2025年，指标${id}达到100个`,
  comparator: '>=',
  value: 100,
  unit: '个',
  ...over,
});

const build = (subs: ReturnType<typeof handSubmission>[]) =>
  buildReportModel(subs, { config: handConfig({ timeShare: 0.5 }), asOf: '2025-06-30' });

describe('the indicator table', () => {
  it('has its columns in order, aligned as a table of figures, 备注 wider for several offices', () => {
    const cols = (multi: boolean) => {
      const subs = multi
        ? [handSubmission('甲市', [line('T1')]), handSubmission('乙市', [line('T1')])]
        : [handSubmission('甲市', [line('T1')])];
      return build(subs).tables['指标完成情况表'].columns.map((c) => [
        c.header,
        c.align,
        c.weight,
        c.min,
        c.max,
      ]);
    };
    expect(cols(false)).toEqual([
      ['序号', 'center', 0, 2.2, 2.2],
      ['指标', 'left', 4, 9, 30],
      ['单位', 'center', 0, 2, 4],
      ['目标值', 'right', 0, 3, 6],
      ['完成值', 'right', 0, 3, 6],
      ['完成率（%）', 'right', 0, 3, 3],
      ['进度状态', 'center', 0, 4, 4],
      ['牵头单位', 'left', 1, 4, 6],
      ['备注', 'left', 1, 3, 6],
    ]);
    expect(cols(true)[4]).toEqual(['完成值（合计或中位数）', 'right', 0, 3, 6]);
    expect(cols(true)[8]).toEqual(['备注', 'left', 1, 3, 10]);
  });

  it('shows “—” for a target without text, and a line without an entry has no texts', () => {
    const sub = handSubmission('甲市', [
      line('T1', { targetText: '' }),
      line('T2', { progress: '  推进中 ' }),
    ]);
    sub.entries = sub.entries.filter((e) => e.targetId === 'T2');
    const m = build([sub]);
    expect(m.tables['指标完成情况表'].rows[0][3]).toBe('—');
    expect([m.lines[0].progress, m.lines[0].problems, m.lines[0].nextSteps, m.lines[0].note]).toEqual([
      '',
      '',
      '',
      '',
    ]);
    expect(m.lines[1].progress).toBe('推进中');
  });

  it('writes a missing 完成率 as “—” and a rate with its percent sign', () => {
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(0.5)).toBe('50.0%');
  });
});

describe('a consolidated report', () => {
  it('groups the targets of several documents by policy', () => {
    const a = '关于印发《吉林省数字经济发展规划》的通知（吉政发〔2023〕5号）';
    const b = '吉林省养老服务体系建设方案（吉政办发〔2024〕2号）';
    const m = build([handSubmission('甲市', [line('T1', { document: a }), line('T2', { document: b })])]);
    expect(m.sections.map((s) => s.title)).toEqual([
      '《吉林省数字经济发展规划》落实情况',
      '《吉林省养老服务体系建设方案》落实情况',
    ]);
    expect(m.sections[0].groups[0].items[0].reports.map((r) => r.targetId)).toEqual(['T1']);
  });

  it('counts an office that has not started as behind in the 备注, and never holds a consolidated line', () => {
    const m = build([
      handSubmission('甲市', [line('T1', { status: '未启动' })]),
      handSubmission('乙市', [line('T1', { actual: 80, status: '序时推进' })]),
    ]);
    const t = m.targets[0];
    expect(t.note).toContain('未达到序时进度：甲市');
    expect(t.held).toBe(false);
    expect([t.progress, t.problems, t.nextSteps]).toEqual(['', '', '']);
  });

  it('chooses at most six rated targets as key targets', () => {
    const ids = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'];
    const m = build([
      handSubmission(
        '甲市',
        ids.map((id) => line(id, { actual: 50 })),
      ),
      handSubmission(
        '乙市',
        ids.map((id) => line(id, { actual: 60 })),
      ),
    ]);
    expect(m.keyTargets.map((k) => k.targetId)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6']);
  });
});

describe('the indicator cut from a quote', () => {
  it('drops only a leading year and every trailing separator', () => {
    expect(cleanIndicator('新增就业人数2025年达到')).toBe('新增就业人数2025年');
    expect(cleanIndicator('常住人口城镇化率，；')).toBe('常住人口城镇化率');
  });
});
