/**
 * Short names made from the quote when the extractor left no indicator: the quote up to its figure,
 * whatever closes the figure ("以上", "左右"). Expected names written by hand.
 */
import { describe, expect, it } from 'vitest';
import { shortName } from '../src/core/catalogue/name.js';

describe('a name from the quote', () => {
  it('drops the figure with what closes it', () => {
    expect(shortName({ indicator: '', quote: '新建社区医院20家以上', unit: '家', comparator: '>=' })).toBe(
      '社区医院数',
    );
    expect(shortName({ indicator: '', quote: '培训全科医生200名左右', unit: '名', comparator: '≈' })).toBe(
      '全科医生人数',
    );
  });
});
