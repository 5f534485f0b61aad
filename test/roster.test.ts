/**
 * Rosters: the shipped 吉林省 roster, GBK files from Chinese Windows, quoted fields, and clear
 * Chinese errors naming file and line.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { parseRoster } from '../src/core/roster.js';
import { decodeText } from '../src/core/text/decode.js';
import { isLuoshiError } from '../src/core/errors.js';
import { parsePeriod } from '../src/core/workbook/period.js';
import { parseDateCell, parseFigure, parseStatus } from '../src/core/workbook/normalise.js';
import type { CellValue } from '../src/core/model/grid.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function thrown(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (isLuoshiError(e)) return e.message;
    throw e;
  }
  throw new Error('did not throw');
}

describe('parseRoster', () => {
  it('reads the shipped 吉林省 roster: 9 市州 and 长白山管委会', () => {
    const file = path.join(ROOT, 'templates/roster-吉林省.csv');
    const roster = parseRoster(
      decodeText(new Uint8Array(readFileSync(file)), 'roster-吉林省.csv').text,
      'roster-吉林省.csv',
    );
    expect(roster.offices.map((o) => o.office)).toEqual([
      '长春市',
      '吉林市',
      '四平市',
      '辽源市',
      '通化市',
      '白山市',
      '松原市',
      '白城市',
      '延边朝鲜族自治州',
      '长白山管委会',
    ]);
    expect(roster.offices.every((o) => o.level && o.contact === null && o.phone === null)).toBe(true);
    expect(roster.problems).toEqual([]);
  });

  it('reads a GBK file with quoted fields, lists and optional columns', () => {
    const text = [
      '单位,联系人,联系电话,文件,责任单位',
      '长春市,张三,0431-1234,"吉政发〔2014〕14号、吉政办发〔2023〕21号",',
      '"省卫生健康委",李四,"0431-5678","","卫生健康委,卫健委"',
      '"吉林市（含""北山""片区）",王五,,,',
      '',
    ].join('\r\n');
    const bytes = new Uint8Array(iconv.encode(text, 'gbk'));
    const decoded = decodeText(bytes, 'roster.csv');
    expect(decoded.encoding).toBe('gb18030');
    const roster = parseRoster(decoded.text, 'roster.csv');
    expect(roster.offices).toEqual([
      {
        office: '长春市',
        level: null,
        contact: '张三',
        phone: '0431-1234',
        documents: ['吉政发〔2014〕14号', '吉政办发〔2023〕21号'],
        units: [],
        line: 2,
      },
      {
        office: '省卫生健康委',
        level: null,
        contact: '李四',
        phone: '0431-5678',
        documents: [],
        units: ['卫生健康委', '卫健委'],
        line: 3,
      },
      {
        office: '吉林市（含"北山"片区）',
        level: null,
        contact: '王五',
        phone: null,
        documents: [],
        units: [],
        line: 4,
      },
    ]);
  });

  it('skips bad rows with a message naming file and line, keeping the rest', () => {
    const roster = parseRoster(
      '单位,级别,备注\n长春市,地级市,x\n,地级市\n长春市,地级市\n辽源市,地级市\n',
      '名单.csv',
    );
    expect(roster.offices.map((o) => o.office)).toEqual(['长春市', '辽源市']);
    expect(roster.problems.map((p) => p.message)).toEqual([
      '名单.csv 第 1 行：不认识的列“备注”，已忽略',
      '名单.csv 第 3 行：“单位”为空，已跳过',
      '名单.csv 第 4 行：单位“长春市”与第 2 行重复，已跳过',
    ]);
  });

  it('rejects files it cannot use, in Chinese, naming file and line', () => {
    expect(thrown(() => parseRoster('', 'a.csv'))).toBe('a.csv 是空文件，没有任何单位');
    expect(thrown(() => parseRoster('名称,级别\n长春市,地级市\n', 'b.csv'))).toBe(
      'b.csv 第 1 行：第一列的表头应为“单位”，现为“名称”',
    );
    expect(thrown(() => parseRoster('单位\n长春市\n"吉林市\n四平市\n', 'c.csv'))).toBe(
      'c.csv 第 3 行：引号没有配对（"…" 未闭合）',
    );
    expect(thrown(() => parseRoster('单位\n\n', 'd.csv'))).toContain('d.csv 中没有可用的单位');
  });
});

describe('periods, figures, dates and statuses', () => {
  it('parses reporting periods', () => {
    expect(parsePeriod('2025年度')).toEqual({ start: '2025-01-01', end: '2025-12-31' });
    expect(parsePeriod('２０２５年上半年')).toEqual({ start: '2025-01-01', end: '2025-06-30' });
    expect(parsePeriod('2024年第一季度')).toEqual({ start: '2024-01-01', end: '2024-03-31' });
    expect(parsePeriod('2024年1-2月')).toEqual({ start: '2024-01-01', end: '2024-02-29' });
    expect(parsePeriod('2025年9月')).toEqual({ start: '2025-09-01', end: '2025-09-30' });
    expect(parsePeriod('十四五期间')).toBeNull();
  });

  it('normalises figures and refuses anything else', () => {
    const ok = (raw: CellValue, unit: string | null) => {
      const r = parseFigure(raw, unit);
      return r.ok ? r.value : `error:${r.reason}`;
    };
    expect(ok('３０％', '%')).toBe(30);
    expect(ok('1,234,567.5', '元')).toBe(1234567.5);
    expect(ok('1.2万', '人')).toBe(12000);
    expect(ok('3亿', '元')).toBe(300000000);
    expect(ok('3.5亿元', '亿元')).toBe(3.5);
    expect(ok('—', '个')).toBeNull();
    expect(ok('约30', '个')).toBe('error:不是数字');
    expect(ok('1,2', '个')).toBe('error:不是数字');
    expect(ok('30%', '个')).toMatch(/^error:带有百分号/);
    expect(ok(true, '个')).toBe('error:不是数字');
  });

  it('reads dates and statuses', () => {
    expect(parseDateCell(45838)).toEqual({ ok: true, value: '2025-06-30' });
    expect(parseDateCell(new Date(Date.UTC(2025, 5, 30)))).toEqual({ ok: true, value: '2025-06-30' });
    expect(parseDateCell('2025年6月')).toEqual({ ok: true, value: '2025-06-30' });
    expect(parseDateCell('2025-02-30').ok).toBe(false);
    expect(parseStatus(' 已完成 ')).toEqual({ ok: true, value: '已完成' });
    expect(parseStatus('尚未启动')).toEqual({ ok: true, value: '未启动' });
    expect(parseStatus('差不多').ok).toBe(false);
  });
});
