/**
 * What the report model takes from the catalogue and from the 章节 cell, on hand-made data: the
 * headings a line is grouped under, the document's title, the indicator's short name; the labels of a
 * 章节 cell turned into "原文件…部分"; the statuses counted as typed; the 截至日期 the report speaks as
 * of; the banded chart's empty bands; the text rules for document labels and heading labels.
 * Expected values are written by hand from what each test typed.
 */
import { describe, expect, it } from 'vitest';
import type { HeadingNode } from '../src/core/model/catalogue.js';
import { buildReportModel, policyName, splitDocumentLabel, stripLabel } from '../src/core/report/model.js';
import { handCatalogue, handTarget } from './helpers/hand-catalogue.js';
import { handConfig, handSubmission, type HandLine } from './helpers/hand-submissions.js';

function heading(path: string[], text: string): HeadingNode {
  return {
    id: `h-${path.join('')}`,
    documentId: 'd1',
    label: path[path.length - 1],
    level: path.length,
    text,
    path,
    offset: path.length,
  };
}

const line = (id: string, over: Partial<HandLine> = {}): HandLine => ({
  id,
  quote: `到2025年，指标${id}达到100个`,
  comparator: '>=',
  value: 100,
  unit: '个',
  ...over,
});

function single(
  lines: HandLine[],
  options: Parameters<typeof buildReportModel>[1] = { config: handConfig() },
) {
  return buildReportModel([handSubmission('长春市', lines)], { asOf: '2025-12-31', ...options });
}

describe('with the catalogue at hand', () => {
  it('groups a line under the catalogue’s heading titles, names the document and the indicator as the catalogue does', () => {
    const cat = handCatalogue(
      [
        handTarget('T1', {
          value: 100,
          unit: '个',
          offset: 1,
          path: ['二、', '（一）'],
          name: '５Ｇ基站数量',
        }),
      ],
      [],
      [
        heading(['二、'], '推进数字基础设施建设。'),
        heading(['二、', '（一）'], '加快５Ｇ网络建设'),
        heading(['三、'], '强化保障措施'),
      ],
    );
    const m = single([line('T1', { section: '二、（一）', actual: 60 })], {
      config: handConfig(),
      catalogue: cat,
    });
    const t = m.targets[0];
    expect(t.section).toEqual(['推进数字基础设施建设', '加快５Ｇ网络建设']);
    expect(t.document).toBe('吉林省卫生健康事业发展规划');
    expect(t.indicator).toBe('5G基站数量');
    expect(m.documents).toEqual([{ title: '吉林省卫生健康事业发展规划', docNumber: '吉政发〔2023〕5号' }]);
    expect(m.sections.map((s) => s.title)).toEqual(['推进数字基础设施建设']);
    expect(m.sections[0].groups.map((g) => g.title)).toEqual(['加快５Ｇ网络建设']);
  });

  it('skips a level the catalogue has no heading for', () => {
    const cat = handCatalogue(
      [handTarget('T1', { value: 100, unit: '个', offset: 1, path: ['二、', '（一）', '1.'] })],
      [],
      [heading(['二、'], '推进数字基础设施建设'), heading(['二、', '（一）', '1.'], '建设基站')],
    );
    const m = single([line('T1', { section: '二、（一）1.' })], { config: handConfig(), catalogue: cat });
    expect(m.targets[0].section).toEqual(['推进数字基础设施建设', '建设基站']);
  });

  it('without the target in the catalogue, falls back to the 章节 cell', () => {
    const cat = handCatalogue([handTarget('T9', { value: 1, unit: '个', offset: 1 })]);
    const m = single([line('T1', { section: '三、' })], { config: handConfig(), catalogue: cat });
    expect(m.targets[0].section).toEqual(['原文件三、部分']);
  });
});

describe('the 章节 cell without a catalogue', () => {
  const sectionOf = (section: string) => single([line('T1', { section })]).targets[0].section;

  it('turns each label into a part of the original document, deepest last', () => {
    expect(sectionOf('十二、（12）3.')).toEqual([
      '原文件十二、部分',
      '原文件十二、（12）部分',
      '原文件十二、（12）3.部分',
    ]);
    expect(sectionOf('二、(３)15．')).toEqual([
      '原文件二、部分',
      '原文件二、(３)部分',
      '原文件二、(３)15．部分',
    ]);
    expect(sectionOf('第十二章')).toEqual(['原文件第十二章']);
  });

  it('does not add 部分 after a label that is a 章, 节 or 部分 itself', () => {
    expect(sectionOf('第三部分')).toEqual(['原文件第三部分']);
    expect(sectionOf('第三部分（二）')).toEqual(['原文件第三部分', '原文件第三部分（二）部分']);
  });

  it('keeps a cell without labels as it is, trimmed, and an empty one as no section', () => {
    expect(sectionOf('  总体要求 ')).toEqual(['总体要求']);
    expect(sectionOf('')).toEqual([]);
  });
});

describe('counts and dates', () => {
  it('counts 未启动 and no status apart', () => {
    const m = single([
      line('T1', { status: '未启动' }),
      line('T2', { status: null }),
      line('T3', { status: null }),
      line('T4', { status: '已完成', actual: 120 }),
    ]);
    expect(m.counts).toEqual({ total: 4, done: 1, onTrack: 0, lagging: 0, notStarted: 1, unreported: 2 });
  });

  it('speaks as of the latest 截至日期 typed, wherever it stands', () => {
    const m = buildReportModel(
      [
        handSubmission('长春市', [
          line('T1', { asOf: '2025-09-30', actual: 50 }),
          line('T2', { asOf: '2025-06-30', actual: 50 }),
          line('T3', { asOf: null }),
        ]),
      ],
      { config: handConfig() },
    );
    expect(m.asOf).toBe('2025-09-30');
  });

  it('shows figures with the decimals the target or the figure was typed with, at most two', () => {
    const m = single([
      line('T1', { value: 5.25, actual: 3 }),
      line('T2', { value: 100, actual: 3.5 }),
      line('T3', { value: 1.234, actual: 1 }),
      line('T4', { value: 100, actual: 80 }),
    ]);
    expect(m.targets.map((t) => t.decimals)).toEqual([2, 1, 2, 0]);
  });
});

describe('the banded chart of many offices', () => {
  it('keeps the four rate bands even when empty, and 无法计算 only when some office has no rate', () => {
    // 31 offices, all at or above the target: every office in 100%及以上
    const subs = Array.from({ length: 31 }, (_, i) =>
      handSubmission(`${i + 1}号市`, [line('T1', { actual: 120, status: '已完成' })]),
    );
    const chart = buildReportModel(subs, { config: handConfig(), asOf: '2025-12-31' }).chart;
    expect(chart.categories).toEqual(['60%以下', '60%—80%', '80%—100%', '100%及以上']);
    expect(chart.values).toEqual([0, 0, 0, 31]);
    expect(chart.labels).toBe(true);
  });
});

describe('text rules', () => {
  it('splits off a 文号 only in brackets that end the label', () => {
    expect(splitDocumentLabel('规划（吉政发〔2014〕14号）解读')).toEqual({
      title: '规划（吉政发〔2014〕14号）解读',
      docNumber: null,
    });
    expect(splitDocumentLabel('规划（ 吉政发〔2014〕14号 ）')).toEqual({
      title: '规划',
      docNumber: '吉政发〔2014〕14号',
    });
  });

  it('drops 书名号 only around a whole title, and only a notice that ends the title', () => {
    expect(policyName('《中国制造2025》吉林实施纲要')).toBe('《中国制造2025》吉林实施纲要');
    expect(policyName('关于印发《 吉林省养老规划 》的通知')).toBe('吉林省养老规划');
    expect(policyName('关于印发《吉林省养老规划》的通知的解读')).toBe(
      '关于印发《吉林省养老规划》的通知的解读',
    );
  });

  it('drops only a leading heading label and only the end punctuation', () => {
    expect(stripLabel('建设三、四级医院')).toBe('建设三、四级医院');
    expect(stripLabel('第十二章 总则')).toBe('总则');
    expect(stripLabel('12.加快建设')).toBe('加快建设');
    expect(stripLabel('保障措施：。')).toBe('保障措施');
    expect(stripLabel('目标，任务')).toBe('目标，任务');
  });
});
