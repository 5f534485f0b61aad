/**
 * The roster file as offices' staff really save it: CSV from Excel or WPS (BOM, CRLF, a lone CR, quoted
 * fields with commas, doubled quotes and line breaks, a tab-separated export), the same roster kept as a
 * worksheet (title rows above the header, dates and yes/no cells), lists of documents in any separator,
 * and the CSV a round stores, read back to the same offices. Expected values by hand.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv, parseRoster, parseRosterRows, writeRosterCsv } from '../src/core/roster.js';

function thrown(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return 'nothing thrown';
}

describe('a CSV file', () => {
  it('saved by Excel with a BOM and CRLF line ends reads like a plain one', () => {
    expect(parseCsv('\uFEFF单位,电话\r\n长春市,0431\r\n吉林市,0432\r\n', 'a.csv')).toEqual([
      { line: 1, fields: ['单位', '电话'] },
      { line: 2, fields: ['长春市', '0431'] },
      { line: 3, fields: ['吉林市', '0432'] },
    ]);
  });

  it('with old Mac line ends (a lone CR) still breaks into lines', () => {
    expect(parseCsv('单位\r长春市\r吉林市', 'a.csv').map((r) => [r.line, r.fields])).toEqual([
      [1, ['单位']],
      [2, ['长春市']],
      [3, ['吉林市']],
    ]);
  });

  it('exported tab-separated is read as TSV, but only when its header has tabs and no commas', () => {
    expect(parseCsv('单位\t文件\n长春市\t甲,乙\n', 'a.tsv').map((r) => r.fields)).toEqual([
      ['单位', '文件'],
      ['长春市', '甲,乙'],
    ]);
    expect(parseCsv('单位,备注\t说明\n长春市,x\ty\n', 'a.csv').map((r) => r.fields)).toEqual([
      ['单位', '备注\t说明'],
      ['长春市', 'x\ty'],
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quotes, and counts lines after them', () => {
    const text = '单位,文件\n"长春市","甲,乙"\n吉林市,"第一行\n第二行"\n四平市,"他说""好"""\n';
    expect(parseCsv(text, 'a.csv')).toEqual([
      { line: 1, fields: ['单位', '文件'] },
      { line: 2, fields: ['长春市', '甲,乙'] },
      { line: 3, fields: ['吉林市', '第一行\n第二行'] },
      { line: 5, fields: ['四平市', '他说"好"'] },
    ]);
  });

  it('opens a quote only at the start of a field (spaces before it allowed); a quote inside a word is a character', () => {
    expect(parseCsv('单位,备注\n长春市,  "a,b"\n吉林市,5"屏\n', 'a.csv').map((r) => r.fields)).toEqual([
      ['单位', '备注'],
      ['长春市', 'a,b'],
      ['吉林市', '5"屏'],
    ]);
  });

  it('skips blank lines but keeps a last line without a line end, and an empty last field', () => {
    expect(parseCsv('单位,电话\n\n长春市,\n\n吉林市,0432', 'a.csv')).toEqual([
      { line: 1, fields: ['单位', '电话'] },
      { line: 3, fields: ['长春市', ''] },
      { line: 5, fields: ['吉林市', '0432'] },
    ]);
    expect(parseCsv('单位,电话\n吉林市,', 'a.csv')[1]).toEqual({ line: 2, fields: ['吉林市', ''] });
    expect(parseCsv('单位\n   \n', 'a.csv')).toEqual([{ line: 1, fields: ['单位'] }]);
  });

  it('with a quote left open is refused, naming the line where it opened', () => {
    expect(thrown(() => parseCsv('单位,文件\n长春市,"甲\n乙\n丙', '名单.csv'))).toBe(
      '名单.csv 第 2 行：引号没有配对（"…" 未闭合）',
    );
  });
});

describe('a roster', () => {
  it('splits its 文件 and 责任单位 lists at any usual separator, dropping blanks', () => {
    const r = parseRoster(
      '单位,文件,责任单位\n长春市,"甲、乙;丙；丁,戊，己|庚｜辛/壬／癸","省卫健委 、 、省发改委"\n',
      'a.csv',
    );
    expect(r.offices[0].documents).toEqual(['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸']);
    expect(r.offices[0].units).toEqual(['省卫健委', '省发改委']);
  });

  it('reads its columns by any of their names, trimmed, and leaves unfilled ones empty', () => {
    const r = parseRoster(' 单位名称 ,层级,填报联系人,联系电话\n 长春市 , 地级市 ,,\n', 'a.csv');
    expect(r.offices).toEqual([
      { office: '长春市', level: '地级市', contact: null, phone: null, documents: [], units: [], line: 2 },
    ]);
    expect(r.problems).toEqual([]);
  });

  it('ignores a line of empty cells (,,,) without a complaint', () => {
    const r = parseRoster('单位,级别\n,,\n长春市,地级市\n', 'a.csv');
    expect(r.offices.map((o) => [o.office, o.line])).toEqual([['长春市', 3]]);
    expect(r.problems).toEqual([]);
  });

  it('with no usable office says why, listing the rows it skipped', () => {
    expect(thrown(() => parseRoster('单位,级别\n,地级市\n', '名单.csv'))).toBe(
      '名单.csv 中没有可用的单位（名单.csv 第 2 行：“单位”为空，已跳过）',
    );
    expect(thrown(() => parseRoster('单位\n', '名单.csv'))).toBe('名单.csv 中没有可用的单位');
  });
});

describe('a roster kept as a worksheet', () => {
  it('skips title rows above its 单位 header and names the sheet’s own rows', () => {
    const r = parseRosterRows(
      [
        ['2026年度填报单位名单', null],
        [],
        ['单位', '级别', '备注'],
        ['长春市', '地级市', null],
        [null, '  '],
        ['长春市', '地级市'],
      ],
      '名单.xlsx',
    );
    expect(r.offices.map((o) => [o.office, o.line])).toEqual([['长春市', 4]]);
    expect(r.problems.map((p) => p.message)).toEqual([
      '名单.xlsx 第 3 行：不认识的列“备注”，已忽略',
      '名单.xlsx 第 6 行：单位“长春市”与第 4 行重复，已跳过',
    ]);
  });

  it('reads numbers, dates and yes/no cells as text', () => {
    const r = parseRosterRows(
      [
        ['单位', '电话', '联系人', '级别'],
        ['长春市', 4318888, new Date('2026-01-05T00:00:00Z'), true],
        ['吉林市', null, null, false],
      ],
      '名单.xlsx',
    );
    expect(r.offices.map((o) => [o.office, o.phone, o.contact, o.level])).toEqual([
      ['长春市', '4318888', '2026-01-05', '是'],
      ['吉林市', null, null, '否'],
    ]);
  });

  it('without a 单位 header anywhere is refused, naming the first filled row', () => {
    expect(thrown(() => parseRosterRows([[null], ['名称', '级别'], ['长春市', '地级市']], '名单.xlsx'))).toBe(
      '名单.xlsx 第 2 行：第一列的表头应为“单位”，现为“名称”',
    );
    expect(thrown(() => parseRosterRows([[null, ''], []], '名单.xlsx'))).toBe(
      '名单.xlsx 是空文件，没有任何单位',
    );
  });
});

describe('the roster CSV a round stores', () => {
  const offices = [
    {
      office: '长春市',
      level: '地级市',
      contact: '张三',
      phone: '0431-1',
      documents: ['甲', '乙'],
      units: [],
    },
    { office: '吉林市', level: null, contact: '李"四"', phone: null, documents: [], units: ['省卫健委'] },
    { office: '延边州,朝鲜族', level: null, contact: '王\n五', phone: null, documents: [], units: [] },
  ];

  it('is written with its header, quoting only what needs quotes', () => {
    expect(writeRosterCsv(offices)).toBe(
      '单位,级别,联系人,电话,文件,责任单位\n' +
        '长春市,地级市,张三,0431-1,甲、乙,\n' +
        '吉林市,,"李""四""",,,省卫健委\n' +
        '"延边州,朝鲜族",,"王\n五",,,\n',
    );
  });

  it('reads back to the same offices', () => {
    const back = parseRoster(writeRosterCsv(offices), 'roster.csv');
    expect(back.offices.map((o) => ({ ...o, line: undefined }))).toEqual(offices);
    expect(back.problems).toEqual([]);
  });
});
