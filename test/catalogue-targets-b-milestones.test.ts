/**
 * Dated clauses with no figure read as milestones: what is to be done (written after the date, or before
 * a date that closes the clause), one milestone per dated part of a sentence, and the dates that are no
 * milestone (a bare date, a recurring report, a date opening a list). Sentences are written for this
 * test in the style of 实施意见 / 实施方案; every expected field is read off the sentence by hand.
 */
import { describe, expect, it } from 'vitest';
import { fields, readTargets } from './helpers/read-targets.js';

function read(text: string, docYear: number | null = 2022) {
  return fields(readTargets(text, docYear), [
    'figure',
    'quote',
    'indicator',
    'comparator',
    'deadline',
    'cycle',
  ]);
}

describe('a recurring milestone', () => {
  it('is yearly when due every year, and a one-off otherwise', () => {
    const text = '每年3月底前，各县完成上年度基层医疗卫生机构绩效考核。';
    expect(readTargets(text).map((t) => [t.indicator, t.deadline, t.perYear, t.cycle])).toEqual([
      ['各县完成上年度基层医疗卫生机构绩效考核', '2022-03', true, 'year'],
    ]);
    const once = '计划于2023年6月底前，出台配套文件。';
    expect(readTargets(once).map((t) => [t.indicator, t.deadline, t.perYear])).toEqual([
      ['出台配套文件', '2023-06', false],
    ]);
  });
});

describe('what a milestone commits to', () => {
  it('is what follows the date opening the clause, without 基本/全面', () => {
    expect(
      read('力争到2025年，基本建成优质高效的整合型医疗卫生服务体系，县域医疗卫生服务能力显著提升。'),
    ).toEqual([
      {
        figure: '2025年',
        quote: '2025年，基本建成优质高效的整合型医疗卫生服务体系',
        indicator: '建成优质高效的整合型医疗卫生服务体系',
        comparator: 'milestone',
        deadline: '2025',
        cycle: undefined,
      },
    ]);
  });

  it('is what precedes a date that closes the sentence, the whole sentence quoted', () => {
    expect(read('各地要建立健全家庭医生签约服务考核制度，2023年6月底前完成。')).toEqual([
      {
        figure: '2023年6月底前',
        quote: '各地要建立健全家庭医生签约服务考核制度，2023年6月底前完成。',
        indicator: '各地要建立健全家庭医生签约服务考核制度',
        comparator: 'milestone',
        deadline: '2023-06',
        cycle: undefined,
      },
    ]);
  });

  it('leaves the label of a bracketed time limit out of what is done', () => {
    expect(read('健全基层医疗卫生机构绩效考核制度（完成时限：2023年底前）。')).toMatchObject([
      { indicator: '健全基层医疗卫生机构绩效考核制度', comparator: 'milestone', deadline: '2023' },
    ]);
  });

  it('leaves the 前 of a recurring date out of what is done', () => {
    expect(read('每季度末前，各地完成一次医疗质量控制评估。')).toMatchObject([
      { indicator: '各地完成一次医疗质量控制评估', deadline: '2022-03', cycle: 'quarter' },
    ]);
    expect(read('每月5日前，各县完成上月死因监测数据审核。')).toMatchObject([
      { indicator: '各县完成上月死因监测数据审核', deadline: '2022-02', cycle: 'month' },
    ]);
  });
});

describe('how many milestones a sentence gives', () => {
  it('gives one per dated part between semicolons', () => {
    expect(
      read('2024年底前，建立县域医共体药品耗材统一采购配送机制；2025年底前，在全省推开统一配送。').map(
        (t) => [t.indicator, t.deadline],
      ),
    ).toEqual([
      ['建立县域医共体药品耗材统一采购配送机制', '2024'],
      ['在全省推开统一配送', '2025'],
    ]);
  });

  it('gives a milestone to the dated clause only, not to a figure dated by the next one', () => {
    expect(
      read('2023年完成县域医共体建设，2024年基层诊疗量占比不低于60%。').map((t) => [
        t.figure,
        t.comparator,
        t.deadline,
      ]),
    ).toEqual([
      ['2023年', 'milestone', '2023'],
      ['60%', '>=', '2024'],
    ]);
  });

  it('gives none for a bare date, a date opening a list, or a recurring report', () => {
    expect(read('到2025年，')).toEqual([]);
    expect(read('到2025年，主要目标是：')).toEqual([]);
    expect(read('每季度末前，各地通报工作进展情况。')).toEqual([]);
    expect(read('每月5日前，各县将进展情况报送市卫生健康委。')).toEqual([]);
  });

  it('reads each sentence against its own date', () => {
    expect(
      read('到2023年底，全面完成村卫生室标准化建设。到2025年，每个县至少建成1所二甲中医医院。').map((t) => [
        t.figure,
        t.indicator,
        t.deadline,
      ]),
    ).toEqual([
      ['2023年底', '完成村卫生室标准化建设', '2023'],
      ['1所', '每个县至少建成二甲中医医院', '2025'],
    ]);
  });
});
