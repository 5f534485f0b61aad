/**
 * report.json edge cases: dates written with spaces or two-digit months, impossible dates, a 文号 with
 * text after 号, a negative 序时进度 typed as text, the default file name in messages, a byte-order mark
 * only at the start, a section for only one kind of report. Expected values written by hand.
 */
import { describe, expect, it } from 'vitest';
import { isLuoshiError } from '../src/core/errors.js';
import { parseDateText, parseReportConfig } from '../src/core/report/config.js';

function refusal(json: string, file?: string): string {
  try {
    if (file === undefined) parseReportConfig(json);
    else parseReportConfig(json, file);
  } catch (e) {
    return isLuoshiError(e) ? e.message : 'not a LuoshiError';
  }
  return 'accepted';
}

describe('dates as report writers type them', () => {
  it('reads spaces around the parts, two-digit months and days, and space around the whole', () => {
    expect(parseDateText('2025 年 11 月 5 日')).toBe('2025-11-05');
    expect(parseDateText(' 2025-12-25 ')).toBe('2025-12-25');
    expect(parseDateText('2025 / 3 / 15')).toBe('2025-03-15');
  });

  it('refuses text before or after the date, and a year before 100', () => {
    expect(parseDateText('约2025-03-05')).toBeNull();
    expect(parseDateText('2025-03-05前')).toBeNull();
    expect(parseDateText('0099-01-01')).toBeNull();
  });
});

describe('report.json fields at their edges', () => {
  it('refuses a 文号 with text after 号', () => {
    expect(refusal('{"文号":"长政报〔2025〕3号文"}', 'r.json')).toBe(
      'r.json 中“文号”写法不对：“长政报〔2025〕3号文”，应如“长政报〔2025〕3号”',
    );
  });

  it('refuses a negative 序时进度 typed as text', () => {
    expect(refusal('{"序时进度":"-5"}', 'r.json')).toBe(
      'r.json 中“序时进度”应为 0–100 之间的百分数，如 75 或 "75%"，现为“-5”',
    );
  });

  it('names report.json in messages when no file name is given', () => {
    expect(refusal('{"字体":3}')).toMatch(/^report\.json 有误：字段“字体”/);
  });

  it('drops a byte-order mark only at the start', () => {
    expect(parseReportConfig('{"发文机关":"长\uFEFF春市"}').issuer).toBe('长\uFEFF春市');
  });

  it('a section for the office report alone leaves the consolidated report on the common fields', () => {
    const c = parseReportConfig(JSON.stringify({ 发文机关: '长春市', 单位报告: { 署名: '长春市发改委' } }));
    expect(c.kinds?.single?.signature).toBe('长春市发改委');
    expect(c.kinds?.single?.issuer).toBe('长春市');
    expect(c.kinds?.multi).toBeUndefined();
  });
});
