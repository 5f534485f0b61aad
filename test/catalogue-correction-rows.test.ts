/**
 * A refused value in a long 目录审核 form (readCorrectionInputs): the correction is named by its own
 * number even past the ninth row of the grid it is read as. Expected messages written by hand.
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
