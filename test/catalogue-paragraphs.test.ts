/**
 * What carries from sentence to sentence (extractTargets over a stretch of text): a date opening a
 * list under a colon, a paragraph that reports the current state until a sentence commits, formulas
 * and validity windows. The passages are written for this test; expected fields are read off by hand.
 */
import { describe, expect, it } from 'vitest';
import { extractTargets, figureText } from '../src/core/catalogue/targets.js';

function read(text: string) {
  return extractTargets(text, figureText(text), 0, text.length, { docYear: 2022, docDate: '2022-03-09' }).map(
    (t) => [text.slice(t.quoteStart, t.quoteEnd), t.comparator, t.value, t.deadline, t.sentence],
  );
}

describe('a list under a colon', () => {
  it('gives its items the date that opens it, and no milestone for the opening itself', () => {
    expect(
      read(
        '到2025年，主要目标是：\n（1）新增托位1,200个；\n（2）普惠托位占比达到60%。\n全市建成示范点20个。',
      ),
    ).toEqual([
      ['（1）新增托位1,200个', '=', 1200, '2025', 1],
      ['（2）普惠托位占比达到60%', '>=', 60, '2025', 2],
      ['全市建成示范点20个', '=', 20, null, 3],
    ]);
  });
});

describe('a paragraph reporting the current state', () => {
  it('is no target until a sentence commits to something', () => {
    expect(
      read('截至2021年底，全省共有养老机构1200家。95%的乡镇卫生院能够提供中医药服务。力争新增床位500张。'),
    ).toEqual([['力争新增床位500张', '=', 500, null, 2]]);
  });
});

describe('sentences that state no target', () => {
  it('skip a formula and a validity window', () => {
    expect(
      read('治愈率=治愈人数÷患者总数×100%，目标值为90%。本方案自2022年5月1日起施行，有效期5年。'),
    ).toEqual([]);
  });
});
