/**
 * report.json as a report writer types it: each field read into the setting it stands for, and each
 * mistake refused with a message naming the file and the field in Chinese.
 */
import { describe, expect, it } from 'vitest';
import { isLuoshiError } from '../src/core/errors.js';
import { DEFAULT_REPORT_CONFIG, parseReportConfig } from '../src/core/report/config.js';

function refusal(json: string, file = '长春市报告.json'): string {
  try {
    parseReportConfig(json, file);
  } catch (e) {
    if (!isLuoshiError(e)) return 'not a LuoshiError';
    expect(e.code).toBe('report-config');
    expect(e.where.file).toBe(file);
    return e.message;
  }
  return 'accepted';
}

describe('report.json fields', () => {
  it('an empty object gives the defaults; a byte-order mark is ignored', () => {
    expect(parseReportConfig('{}')).toEqual(DEFAULT_REPORT_CONFIG);
    expect(parseReportConfig('\uFEFF{"发文机关":"长春市人民政府"}').issuer).toBe('长春市人民政府');
  });

  it('reads every field into its setting', () => {
    const c = parseReportConfig(
      JSON.stringify({
        发文机关: ' 长春市人民政府 ',
        主送机关: '省人民政府',
        署名: '长春市发展和改革委员会',
        成文日期: '2025年3月5日',
        标题: '关于落实情况的报告',
        文号: '长政报〔2025〕3号',
        签发人: '张三',
        字体: 'Windows字体',
        附件表方向: '横向',
        序时进度: '75%',
        重点指标: ['T001', '宽带覆盖率'],
        报告期: '2025年1-9月',
        版头: { 发文机关标志: '长春市人民政府文件', 份号: 12, 密级: '机密★1年', 紧急程度: '特急' },
        版记: { 抄送: '省发改委', 印发机关: '长春市人民政府办公厅', 印发日期: '2025/3/6' },
      }),
    );
    expect(c).toEqual({
      issuer: '长春市人民政府',
      recipient: '省人民政府',
      signature: '长春市发展和改革委员会',
      date: '2025-03-05',
      title: '关于落实情况的报告',
      docNumber: '长政报〔2025〕3号',
      colophon: { copyTo: ['省发改委'], printer: '长春市人民政府办公厅', printDate: '2025-03-06' },
      fonts: 'windows',
      attachmentOrientation: 'landscape',
      timeShare: 0.75,
      keyTargets: ['T001', '宽带覆盖率'],
      period: '2025年1-9月',
      signer: '张三',
      letterhead: { mark: '长春市人民政府文件', copyNumber: '000012', secrecy: '机密★1年', urgency: '特急' },
    });
  });

  it('reads the English spellings of fonts and orientation, and a plain number as 序时进度', () => {
    const c = (json: object) => parseReportConfig(JSON.stringify(json));
    expect(c({ 字体: 'windows' }).fonts).toBe('windows');
    expect(c({ 字体: 'gov' }).fonts).toBe('gov');
    expect(c({ 字体: '公文字体' }).fonts).toBe('gov');
    expect(c({ 附件表方向: 'landscape' }).attachmentOrientation).toBe('landscape');
    expect(c({ 附件表方向: 'portrait' }).attachmentOrientation).toBe('portrait');
    expect(c({ 附件表方向: '纵向' }).attachmentOrientation).toBe('portrait');
    expect(c({ 附件表方向: '自动' }).attachmentOrientation).toBe('auto');
    expect(c({ 序时进度: 50 }).timeShare).toBe(0.5);
    expect(c({ 序时进度: 0 }).timeShare).toBe(0);
    expect(c({ 序时进度: 100 }).timeShare).toBe(1);
    expect(c({ 序时进度: '60％' }).timeShare).toBe(0.6);
  });

  it('a 版头 of true prints the default mark; false or none prints none', () => {
    const c = (json: object) => parseReportConfig(JSON.stringify(json));
    expect(c({ 版头: true }).letterhead).toEqual({
      mark: null,
      copyNumber: null,
      secrecy: null,
      urgency: null,
    });
    expect(c({ 版头: false }).letterhead).toBeNull();
    expect(c({ 版头: { 份号: '7' } }).letterhead?.copyNumber).toBe('000007');
    expect(c({ 版头: { 份号: 999999 } }).letterhead?.copyNumber).toBe('999999');
  });

  it('normalises a 文号 to 〔YYYY〕N号 from other brackets, 第 and leading zeros', () => {
    const num = (s: string) => parseReportConfig(JSON.stringify({ 文号: s })).docNumber;
    expect(num('长政报[2025]3号')).toBe('长政报〔2025〕3号');
    expect(num('长政报（2025）第003号')).toBe('长政报〔2025〕3号');
    expect(num('长政报 【２０２５】 12号')).toBe('长政报〔2025〕12号');
    expect(refusal(JSON.stringify({ 文号: '〔2025〕3号' }))).toBe(
      '长春市报告.json 中“文号”写法不对：“〔2025〕3号”，应如“长政报〔2025〕3号”',
    );
    expect(refusal(JSON.stringify({ 文号: '长政报2025年3号' }))).toMatch(/“文号”写法不对/);
  });

  it('lists 抄送 as given, one or many, up to 100', () => {
    const c = (copyTo: unknown) => parseReportConfig(JSON.stringify({ 版记: { 抄送: copyTo } })).colophon;
    expect(c(['甲', '乙'])).toEqual({ copyTo: ['甲', '乙'], printer: null, printDate: null });
    expect(parseReportConfig('{"版记":{}}').colophon).toEqual({ copyTo: [], printer: null, printDate: null });
    const hundred = Array.from({ length: 100 }, (_, i) => `单位${i}`);
    expect(c(hundred)?.copyTo).toHaveLength(100);
    expect(refusal(JSON.stringify({ 版记: { 抄送: [...hundred, '多一个'] } }))).toBe(
      '长春市报告.json 有误：字段“版记.抄送”最多列 100 个单位',
    );
  });

  it('gives the office report and the consolidated report their own sections over the common fields', () => {
    const c = parseReportConfig(
      JSON.stringify({ 发文机关: '长春市', 主送机关: '省政府', 汇总报告: { 发文机关: '吉林省发改委' } }),
    );
    expect(c.issuer).toBe('长春市');
    expect(c.kinds?.single).toBeUndefined();
    expect(c.kinds?.multi?.issuer).toBe('吉林省发改委');
    expect(c.kinds?.multi?.recipient).toBe('省政府');
    const both = parseReportConfig(JSON.stringify({ 单位报告: { 署名: '甲' }, 汇总报告: { 署名: '乙' } }));
    expect([both.kinds?.single?.signature, both.kinds?.multi?.signature]).toEqual(['甲', '乙']);
    expect(parseReportConfig('{"发文机关":"长春市"}').kinds).toBeUndefined();
  });
});

describe('report.json mistakes', () => {
  it('text that is not JSON, or JSON that is not an object', () => {
    expect(refusal('{"发文机关": }')).toMatch(/^长春市报告\.json 不是有效的 JSON：/);
    expect(refusal('[1, 2]')).toBe('长春市报告.json 有误：内容应为一个 JSON 对象 {…}');
  });

  it('an unknown (misspelt) field, at the top or inside a section', () => {
    expect(refusal('{"发文单位":"长春市","主送":"省政府"}')).toBe(
      '长春市报告.json 有误：有未知字段 “发文单位”、“主送”（可用字段见 templates/report.json 示例）',
    );
    expect(refusal('{"汇总报告":{"字体":"gov"}}')).toBe(
      '长春市报告.json 有误：“汇总报告”中有未知字段 “字体”（可用字段见 templates/report.json 示例）',
    );
  });

  it('an empty, too long or non-text field', () => {
    expect(refusal('{"发文机关":"  "}')).toBe('长春市报告.json 有误：字段“发文机关”不能为空');
    expect(refusal(JSON.stringify({ 标题: '长'.repeat(201) }))).toBe(
      '长春市报告.json 有误：字段“标题”太长，不能超过 200 个字',
    );
    expect(refusal(JSON.stringify({ 标题: '长'.repeat(200) }))).toBe('accepted');
    expect(refusal('{"主送机关": 3}')).toBe('长春市报告.json 有误：字段“主送机关”应为文字');
  });

  it('a field with its own hint', () => {
    expect(refusal('{"字体":"宋体"}')).toBe(
      '长春市报告.json 有误：字段“字体”应为 "gov"（仿宋_GB2312 等公文字体）或 "windows"（Windows 自带的仿宋、楷体）',
    );
    expect(refusal('{"附件表方向":"斜"}')).toMatch(/字段“附件表方向”应为 "auto"/);
    expect(refusal('{"重点指标":"T001"}')).toMatch(/字段“重点指标”应为指标编号或指标名称的列表/);
    expect(refusal('{"版头":{"份号":"1234567"}}')).toBe(
      '长春市报告.json 有误：字段“版头.份号”应为 1–6 位数字，如 "000001"',
    );
    expect(refusal('{"版头":{"份号":0}}')).toMatch(/字段“版头.份号”应为 1–6 位数字/);
    expect(refusal('{"版头":{"密级":"内部"}}')).toMatch(/字段“版头.密级”应为“绝密”“机密”或“秘密”/);
    expect(refusal('{"版头":{"紧急程度":"急"}}')).toMatch(/字段“版头.紧急程度”应为“特急”或“加急”/);
    expect(refusal('{"版头":"是"}')).toMatch(/字段“版头”应为 true/);
    expect(refusal('{"版记":{"抄送":3}}')).toMatch(/字段“版记.抄送”应为文字或文字列表/);
  });

  it('a 序时进度 outside 0–100 or not a number', () => {
    expect(refusal('{"序时进度":101}')).toMatch(/字段“序时进度”应为 0–100 之间的百分数/);
    expect(refusal('{"序时进度":-1}')).toMatch(/字段“序时进度”应为 0–100 之间的百分数/);
    expect(refusal('{"序时进度":"一半"}')).toBe(
      '长春市报告.json 中“序时进度”应为 0–100 之间的百分数，如 75 或 "75%"，现为“一半”',
    );
    expect(refusal('{"序时进度":"120%"}')).toMatch(/现为“120%”$/);
    // only a trailing % is a percent sign
    expect(refusal('{"序时进度":"6%0"}')).toMatch(/现为“6%0”$/);
  });

  it('a date that is not a real date', () => {
    expect(refusal('{"成文日期":"2025年2月30日"}')).toBe(
      '长春市报告.json 中“成文日期”不是有效日期：“2025年2月30日”，应如“2025年3月5日”或“2025-03-05”',
    );
    expect(refusal('{"版记":{"印发日期":"下周一"}}')).toMatch(/“版记.印发日期”不是有效日期：“下周一”/);
    expect(refusal('{"成文日期":"2025-13-01"}')).toMatch(/不是有效日期/);
    expect(parseReportConfig('{"成文日期":"2024.2.29"}').date).toBe('2024-02-29');
    expect(refusal('{"成文日期":"2025.2.29"}')).toMatch(/不是有效日期/);
  });
});
