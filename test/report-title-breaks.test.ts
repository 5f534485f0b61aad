/**
 * Where `breakTitle` breaks a 30-character title into two lines of at most 20 (GB/T 9704 7.3.1): each
 * phrase boundary it prefers (after 关于, 》, 、, ，; before 《, 落实, 的报告, 情况的报告, 贯彻 or a verb;
 * after 的/和/与/及) placed two characters past the middle, where a break that is not a boundary is
 * chosen only at the middle. Filler characters are stems (甲乙丙…) that form no phrase, so the
 * expected lines are known by counting: a plain break costs more than two characters of imbalance.
 */
import { describe, expect, it } from 'vitest';
import { breakTitle } from '../src/core/report/title-lines.js';

const STEMS = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥';
/** `n` filler characters. */
const f = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => STEMS[(from + i) % STEMS.length]).join('');

describe('a phrase boundary two characters past the middle wins over an even plain break', () => {
  it('breaks after 关于, 》, 、 and ，', () => {
    expect(breakTitle(`${f(15)}关于${f(13, 3)}`)).toEqual([`${f(15)}关于`, f(13, 3)]);
    for (const mark of ['》', '、', '，'])
      expect(breakTitle(`${f(16)}${mark}${f(13, 5)}`)).toEqual([`${f(16)}${mark}`, f(13, 5)]);
  });

  it('breaks before 《, 落实, 的报告, 情况的报告 and 贯彻', () => {
    for (const start of ['《', '落实', '的报告', '情况的报告', '贯彻']) {
      const rest = `${start}${f(13 - start.length, 7)}`;
      expect(breakTitle(`${f(17)}${rest}`)).toEqual([f(17), rest]);
    }
  });

  it('breaks before a verb that starts a phrase', () => {
    for (const verb of ['推进', '加快', '进一步', '印发']) {
      const rest = `${verb}${f(13 - verb.length, 2)}`;
      expect(breakTitle(`${f(17)}${rest}`)).toEqual([f(17), rest]);
    }
  });

  it('breaks after 的, 和, 与 or 及', () => {
    for (const word of ['的', '和', '与', '及'])
      expect(breakTitle(`${f(16)}${word}${f(13, 4)}`)).toEqual([`${f(16)}${word}`, f(13, 4)]);
  });

  it('breaks plainly at the middle when no boundary is near', () => {
    expect(breakTitle(f(30))).toEqual([f(15), f(15, 15)]);
  });

  it('a 《 further on does not make an earlier break a boundary', () => {
    // 《 is the 18th character: the break before it (17 + 13) beats the even break before 甲乙《…
    const title = `${f(17)}《${f(12, 3)}`;
    expect(breakTitle(title)).toEqual([f(17), `《${f(12, 3)}`]);
  });
});

describe('a boundary is exactly at the mark', () => {
  it('the break right after 》, 、 or ， is the boundary, not one character later', () => {
    // after the 14th character: 14 + 16 (growing downwards) still beats an even plain break
    for (const mark of ['》', '、', '，'])
      expect(breakTitle(`${f(13)}${mark}${f(16, 3)}`)).toEqual([`${f(13)}${mark}`, f(16, 3)]);
  });

  it('the break right after 的 is the boundary, not one character later', () => {
    expect(breakTitle(`${f(13)}的${f(16, 3)}`)).toEqual([`${f(13)}的`, f(16, 3)]);
  });

  it('a CJK radical (U+2E80) is a full-width character', () => {
    expect(breakTitle('\u2e80'.repeat(20))).toHaveLength(1);
    expect(breakTitle('\u2e80'.repeat(21))).toHaveLength(2);
  });
});

describe('the shape of the lines', () => {
  it('never makes a line longer than the measure, even for a cheap break', () => {
    // after 》 is a free break, but the line before it would hold 21 characters
    const title = `${f(3)}《${f(16, 3)}》${f(20, 5)}`;
    const lines = breakTitle(title);
    expect(lines.join('')).toBe(title);
    expect(lines).toHaveLength(3);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(20);
  });

  it('avoids a last line of one or two characters even at a free break', () => {
    // measure 8: after 关于 gives 8 + 2; the even 5 + 5 reads better
    expect(breakTitle('甲乙丙丁戊己关于庚辛', 8)).toEqual(['甲乙丙丁戊', '己关于庚辛']);
  });

  it('of two equally good breaks, keeps the longer line above', () => {
    // 关于 ends the 14th and the 16th character: 14 + 16 would grow downwards, 16 + 14 does not
    const title = `${f(12)}关于关于${f(14, 12)}`;
    expect(breakTitle(title)).toEqual([`${f(12)}关于关于`, f(14, 12)]);
  });

  it('fills a line to exactly 20 characters when that is the best break', () => {
    // 40 characters with 关于 ending the 20th: two full lines
    expect(breakTitle(`${f(18)}关于${f(20, 3)}`)).toEqual([`${f(18)}关于`, f(20, 3)]);
  });

  it('never leaves a single character on a line', () => {
    // 关于 at the very end would leave nothing; 的 right before the last character would leave one
    const lines = breakTitle(`${f(20)}的${f(1, 3)}`);
    for (const l of lines) expect([...l].length).toBeGreaterThanOrEqual(2);
    expect(lines.join('')).toBe(`${f(20)}的${f(1, 3)}`);
  });
});
