/**
 * The small text rules the report model applies to what workbooks and catalogues hold: a document label
 * split into title and 文号, the policy named inside a 关于印发《…》的通知, a heading's own label dropped
 * so the report numbers it, an indicator cut from the sentence it was quoted in, full-width digits made
 * half-width, and the unit dropped from a target where the 单位 column says it. Expected text by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  cleanIndicator,
  halfWidthAlnum,
  policyName,
  splitDocumentLabel,
  stripLabel,
  withoutUnit,
} from '../src/core/report/model.js';

describe('documents', () => {
  it('splits “title（文号）” as the workbook writes a document', () => {
    expect(
      splitDocumentLabel('吉林省人民政府关于促进健康服务业发展的实施意见（吉政发〔2014〕14号）'),
    ).toEqual({
      title: '吉林省人民政府关于促进健康服务业发展的实施意见',
      docNumber: '吉政发〔2014〕14号',
    });
    expect(splitDocumentLabel(' 数字经济规划(长府办发〔2021〕3号) ')).toEqual({
      title: '数字经济规划',
      docNumber: '长府办发〔2021〕3号',
    });
    // brackets without a 文号 are part of the title
    expect(splitDocumentLabel('养老服务办法（试行）')).toEqual({
      title: '养老服务办法（试行）',
      docNumber: null,
    });
    expect(splitDocumentLabel('  规划  ')).toEqual({ title: '规划', docNumber: null });
  });

  it('names the policy inside a notice that issues it', () => {
    expect(policyName('吉林省人民政府办公厅关于印发《吉林省数字经济发展规划》的通知')).toBe(
      '吉林省数字经济发展规划',
    );
    expect(policyName('关于印发吉林省养老服务体系建设方案的通知')).toBe('吉林省养老服务体系建设方案');
    expect(policyName('《长春市优化营商环境若干措施》')).toBe('长春市优化营商环境若干措施');
    expect(policyName(' 关于做好医疗工作的通知 ')).toBe('关于做好医疗工作的通知');
  });
});

describe('headings and indicators', () => {
  it('drops a heading’s own label and end punctuation', () => {
    const cases: [string, string][] = [
      ['一、总体要求', '总体要求'],
      ['十二、 保障措施。', '保障措施'],
      ['（三）主要目标：', '主要目标'],
      ['(3)主要目标', '主要目标'],
      ['（12）具体任务；', '具体任务'],
      ['2.加快建设', '加快建设'],
      ['3．完善机制', '完善机制'],
      ['4、强化保障', '强化保障'],
      ['第一章 总则', '总则'],
      ['第二节 目标', '目标'],
      ['第三部分 任务', '任务'],
      ['第十条 附则', '附则'],
      ['一是加强领导', '一是加强领导'],
      ['2025年目标', '2025年目标'],
    ];
    for (const [raw, want] of cases) expect(stripLabel(raw), raw).toBe(want);
  });

  it('cuts an indicator from the sentence it was quoted in', () => {
    expect(cleanIndicator('到2025年，城镇新增就业达到')).toBe('城镇新增就业');
    expect(cleanIndicator('至2025年底,森林覆盖率力争')).toBe('森林覆盖率');
    expect(cleanIndicator('2025年末单位GDP能耗下降不低于')).toBe('单位GDP能耗下降');
    expect(cleanIndicator('常住人口城镇化率，')).toBe('常住人口城镇化率');
    expect(cleanIndicator('研发投入占')).toBe('研发投入');
    expect(cleanIndicator('数字经济增加值')).toBe('数字经济增加值');
    // nothing left: keep the whole
    expect(cleanIndicator('达到')).toBe('达到');
  });

  it('writes full-width digits, letters, point and percent half-width', () => {
    expect(halfWidthAlnum('ＧＤＰ增长６．５％')).toBe('GDP增长6.5%');
    expect(halfWidthAlnum('ａｂｃ１２３')).toBe('abc123');
    expect(halfWidthAlnum('（一）、，')).toBe('（一）、，');
  });
});

describe('targets beside their unit column', () => {
  it('drops a unit the 单位 column says, never the whole figure', () => {
    expect(withoutUnit('≥5%', '%')).toBe('≥5');
    expect(withoutUnit(' 300亿元 ', '亿元')).toBe('300');
    expect(withoutUnit('%', '%')).toBe('%');
    expect(withoutUnit('≥5%', '')).toBe('≥5%');
    expect(withoutUnit('≥5个', '%')).toBe('≥5个');
  });
});
