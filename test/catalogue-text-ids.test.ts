/**
 * The small text rules ids and figures rest on: Chinese numerals, heading labels as id keys,
 * counters for identical siblings, and a content hash that ignores what varies between copies of one
 * text (widths, spaces, dashes, punctuation) but not a changed word or figure. Expected values by hand.
 */
import { describe, expect, it } from 'vitest';
import { contentHash, IdAllocator, labelKey, pathKey } from '../src/core/catalogue/ids.js';
import {
  chineseNumber,
  normaliseForHash,
  parseNumber,
  splitLines,
  squeeze,
} from '../src/core/catalogue/text.js';

describe('Chinese numerals', () => {
  it('read digits, tens, hundreds, thousands, 万 and 亿', () => {
    const cases: [string, number | null][] = [
      ['三', 3],
      ['十', 10],
      ['十二', 12],
      ['二十三', 23],
      ['百', 100],
      ['一百零五', 105],
      ['一千五百', 1500],
      ['两千', 2000],
      ['〇', 0],
      ['三万', 30000],
      ['一万二千', 12000],
      ['万', 10000],
      ['二亿', 200000000],
      ['', null],
      ['三个', null],
    ];
    for (const [s, n] of cases) expect({ [s]: chineseNumber(s) }).toEqual({ [s]: n });
  });

  it('parse Arabic figures and Chinese numerals, spaces aside', () => {
    expect(parseNumber('3')).toBe(3);
    expect(parseNumber(' 1.5 ')).toBe(1.5);
    expect(parseNumber('二十')).toBe(20);
    expect(parseNumber('1.')).toBeNull();
    expect(parseNumber('x')).toBeNull();
  });
});

describe('lines and spaces', () => {
  it('squeezes out ASCII, ideographic and no-break spaces', () => {
    expect(squeeze(' 甲\u3000乙\u00a0丙\t丁\n')).toBe('甲乙丙丁');
  });

  it('splits lines keeping offsets, trimming blanks of every kind from the content', () => {
    const text = '\u3000\u3000第一行 \r\n\n\ufeff第三行';
    expect(splitLines(text).map((l) => [l.start, l.end, l.contentStart, l.content])).toEqual([
      [0, 6, 2, '第一行'],
      [8, 8, 8, ''],
      [9, 13, 10, '第三行'],
    ]);
  });
});

describe('ids', () => {
  it('key a heading label by its number', () => {
    const cases: [string, string][] = [
      ['二、', '2'],
      ['（一）', '1'],
      ['1.', '1'],
      ['（12）', '12'],
      ['第三章', 'c3'],
      ['第 2 章', 'c2'],
      ['第十二篇', 'c12'],
      ['第四节', 's4'],
      ['第3节', 's3'],
      ['③', '3'],
      ['⑳', '20'],
      ['十一、', '11'],
      ['附件', 't'],
      ['附：', 't'],
    ];
    for (const [label, key] of cases) expect({ [label]: labelKey(label) }).toEqual({ [label]: key });
    // a label without a number gets four hex digits of its own
    expect(labelKey('总则')).toMatch(/^[0-9a-f]{4}$/);
    expect(labelKey('总则')).not.toBe(labelKey('附则'));
    expect(pathKey(['二、', '（一）', '3.'])).toBe('2.1.3');
    expect(pathKey([])).toBe('0');
  });

  it('count identical siblings: the second and third of a base get -2 and -3', () => {
    const ids = new IdAllocator();
    expect(['a', 'b', 'a', 'a', 'b'].map((x) => ids.allocate(x))).toEqual(['a', 'b', 'a-2', 'a-3', 'b-2']);
  });

  it('hash content the same across copies of one text, differently for another word or figure', () => {
    const base = '到2025年，全省新建5G基站3万个（含农村地区）。';
    expect(contentHash(base)).toMatch(/^[0-9a-f]{8}$/);
    const copies = [
      '到２０２５年，全省新建５Ｇ基站３万个（含农村地区）。',
      '到 2025 年,全省新建 5G 基站\n3 万个(含农村地区)。',
      '到2025年、全省新建5G基站3万个「含农村地区」',
    ];
    for (const c of copies) expect({ [c]: contentHash(c) }).toEqual({ [c]: contentHash(base) });
    for (const other of [
      '到2025年，全省新建5G基站4万个（含农村地区）。',
      '到2025年，全市新建5G基站3万个（含农村地区）。',
    ])
      expect(contentHash(other)).not.toBe(contentHash(base));
    expect(normaliseForHash('30—50%，30～50‰')).toBe('30-50%30-50‰');
    expect(normaliseForHash('1.5/万人')).toBe('1.5/万人');
  });
});
