/**
 * Corrections typed in the web page's 目录审核 form (readCorrectionInputs): read by the workbook's
 * rules, and a refused value named by correction and field rather than by a cell. Expected values are
 * written by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  CorrectionInputError,
  readCorrectionInputs,
  type CorrectionInput,
} from '../src/core/catalogue/correction-form.js';

function refusal(inputs: CorrectionInput[]): [string, number, string] {
  try {
    readCorrectionInputs(inputs);
  } catch (e) {
    if (e instanceof CorrectionInputError) return [e.message, e.index, e.field];
    throw e;
  }
  throw new Error('accepted');
}

describe('corrections from the form', () => {
  it('are read as the workbook rows they stand for, numbered from row 2', () => {
    expect(
      readCorrectionInputs([
        {
          action: 'edit',
          targetId: 'doc/1.2/Mabc',
          fields: { 目标值: '95', 比较: '≥', 期限: '2025年6月', 牵头单位: '市卫健委、市医保局', 每年: '是' },
          note: '按批复调整',
        },
        { action: 'delete', targetId: 'doc/1.2/Mdef' },
        {
          action: 'add',
          document: '某政发〔2022〕8号',
          quote: '建成示范小区10个',
          fields: { 指标: '示范小区', 目标值: '10', 单位: '个' },
        },
      ]),
    ).toEqual({
      source: '目录修正',
      corrections: [
        {
          row: 2,
          action: 'edit',
          targetId: 'doc/1.2/Mabc',
          fields: {
            comparator: '>=',
            value: 95,
            deadline: '2025-06',
            perYear: true,
            lead: ['市卫健委', '市医保局'],
          },
          note: '按批复调整',
        },
        { row: 3, action: 'delete', targetId: 'doc/1.2/Mdef', fields: {} },
        {
          row: 4,
          action: 'add',
          targetId: null,
          document: '某政发〔2022〕8号',
          quote: '建成示范小区10个',
          fields: { indicator: '示范小区', value: 10, unit: '个' },
        },
      ],
    });
  });

  it('name the target, or the correction’s number, and the field of a value they refuse', () => {
    expect(refusal([{ action: 'edit', targetId: 'T1', fields: { 比较: '大约' } }])).toEqual([
      '指标 T1的“比较”：“大约”不是有效的比较方式（可填 ≥ > ≤ < = ≈ 区间 节点）',
      0,
      '比较',
    ]);
    expect(
      refusal([
        { action: 'confirm', targetId: 'T1' },
        { action: 'add', document: '甲', quote: '某句', fields: { 目标值: '很多' } },
      ]),
    ).toEqual(['第 2 条修正的“目标值”：“很多”不是数字', 1, '目标值']);
    expect(refusal([{ action: 'add', quote: '某句' }])).toEqual([
      '第 1 条修正的“文件”：新增指标必须填写“文件”（发文字号或文件标题）',
      0,
      '文件',
    ]);
  });
});

describe('a refused value late in a long form', () => {
  it('names the twelfth correction, not the second', () => {
    const confirms: CorrectionInput[] = Array.from({ length: 11 }, (_, i) => ({
      action: 'confirm',
      targetId: `T${i + 1}`,
    }));
    expect(
      refusal([...confirms, { action: 'add', document: '甲', quote: '某句', fields: { 目标值: '很多' } }]),
    ).toEqual(['第 12 条修正的“目标值”：“很多”不是数字', 11, '目标值']);
  });
});
