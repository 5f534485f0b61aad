/**
 * How the report names a policy and a part of it: the field a policy covers (body paragraphs) keeps a
 * 书名号 pair intact, and a 章节 cell such as "第三部分" becomes a heading without a doubled 部分.
 */
import { describe, expect, it } from 'vitest';
import { fieldOfPolicy } from '../src/core/report/body.js';
import { buildReportModel, policyName } from '../src/core/report/model.js';
import { handConfig, handSubmission, type HandLine } from './helpers/hand-submissions.js';

describe('the field a policy covers', () => {
  it('keeps a 书名号 pair inside the title whole', () => {
    expect(fieldOfPolicy('贯彻《条例》实施方案')).toBe('贯彻《条例》');
    expect(fieldOfPolicy('吉林省贯彻落实《医疗保障基金使用监督管理条例》工作方案')).toBe(
      '贯彻落实《医疗保障基金使用监督管理条例》',
    );
  });

  it('still drops the 书名号 that wrap the whole title', () => {
    expect(fieldOfPolicy('《延边州文化旅游实施方案》')).toBe('文化旅游');
    expect(policyName('《吉林省数字经济发展规划》')).toBe('吉林省数字经济发展规划');
  });

  it('keeps both 书名号 of a title that starts and ends with a different pair each', () => {
    expect(policyName('《条例》与《办法》')).toBe('《条例》与《办法》');
  });
});

describe('headings named after the 章节 cell', () => {
  const line = (id: string, section: string): HandLine => ({
    id,
    quote: '新建5G基站达',
    comparator: '>=',
    value: 100,
    unit: '个',
    actual: 60,
    section,
  });

  function sectionTitles(sections: string[]): string[] {
    const model = buildReportModel(
      [
        handSubmission(
          '长春市',
          sections.map((s, i) => line(`T${i + 1}`, s)),
        ),
      ],
      { config: handConfig({}), asOf: '2025-06-30', today: '2025-07-10' },
    );
    return model.sections.map((s) => s.title);
  }

  it('names a 第N部分, 第N章 or 第N节 cell once, without another 部分', () => {
    expect(sectionTitles(['第三部分', '第二章', '第一节'])).toEqual([
      '原文件第三部分',
      '原文件第二章',
      '原文件第一节',
    ]);
  });

  it('adds 部分 to a list label such as 二、', () => {
    expect(sectionTitles(['二、'])).toEqual(['原文件二、部分']);
  });
});
