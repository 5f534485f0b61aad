/**
 * A policy document's 发文字号, title, issuer and 成文日期, found by their shape in the text the way
 * offices paste it: a printed 公文 (number line, title over two lines, signature and date), a web
 * portal's tab-separated header, a title whose issuing body stands on the line above, and a date in
 * Chinese numerals. Expected values are read off the texts by hand.
 */
import { describe, expect, it } from 'vitest';
import { documentIdFrom, extractMeta, normaliseDocNumber } from '../src/core/catalogue/meta.js';
import { splitLines } from '../src/core/catalogue/text.js';

function meta(text: string, bodyStart = 0) {
  const lines = splitLines(text);
  return extractMeta(lines, bodyStart);
}

const PRINTED = [
  '吉林省人民政府文件',
  '',
  '吉政发〔2023〕5号',
  '',
  '吉林省人民政府关于印发吉林省数字经济',
  '发展规划的通知',
  '',
  '各市（州）人民政府，长白山管委会：',
  '现将《吉林省数字经济发展规划》印发给你们，请认真贯彻执行。',
  '',
  '吉林省人民政府',
  '2023年3月5日',
].join('\n');

describe('a printed 公文', () => {
  it('gives number, title over two lines, issuer from the title and the signature date', () => {
    expect(meta(PRINTED, 7)).toEqual({
      docNumber: '吉政发〔2023〕5号',
      title: '吉林省人民政府关于印发吉林省数字经济发展规划的通知',
      issuer: '吉林省人民政府',
      date: '2023-03-05',
      dateLine: 11,
    });
  });

  it('normalises the number’s brackets and leading zeros, and makes the document id from it', () => {
    const m = meta(PRINTED.replace('吉政发〔2023〕5号', '吉政发［2023］005号'), 7);
    expect(m.docNumber).toBe('吉政发〔2023〕5号');
    expect(meta(PRINTED.replace('吉政发〔2023〕5号', '吉政发(2023)12号'), 7).docNumber).toBe(
      '吉政发〔2023〕12号',
    );
    expect(normaliseDocNumber('长政办', '2021', '007')).toBe('长政办〔2021〕7号');
    expect(documentIdFrom('吉政发〔2023〕5号', 'doc-x')).toBe('吉政发-2023-5');
    expect(documentIdFrom(null, 'doc-x')).toBe('doc-x');
    expect(documentIdFrom('第5号', 'doc-x')).toBe('doc-x');
  });

  it('reads a date written in Chinese numerals', () => {
    const m = meta(PRINTED.replace('2023年3月5日', '二〇二三年十二月二十九日'), 7);
    expect(m.date).toBe('2023-12-29');
    expect(meta(PRINTED.replace('2023年3月5日', '二○二一年二月九日'), 7).date).toBe('2021-02-09');
  });

  it('takes the issuing body on the line above a title starting with 关于', () => {
    const text = [
      '吉林省人民政府办公厅',
      '关于加快发展养老服务业的实施意见',
      '',
      '各市（州）人民政府：',
      '为加快发展养老服务业，提出如下意见。',
    ].join('\n');
    expect(meta(text, 3)).toMatchObject({
      docNumber: null,
      title: '吉林省人民政府办公厅关于加快发展养老服务业的实施意见',
      issuer: '吉林省人民政府办公厅',
      date: null,
      dateLine: -1,
    });
  });

  it('takes the issuer from the signature above the date when the title names none', () => {
    const text = [
      '长春市养老服务体系建设行动方案',
      '',
      '一、总体要求',
      '加快建设。',
      '',
      '长春市民政局',
      '2024年1月8日',
    ].join('\n');
    expect(meta(text, 2)).toMatchObject({
      title: '长春市养老服务体系建设行动方案',
      issuer: '长春市民政局',
      date: '2024-01-08',
      dateLine: 6,
    });
  });
});

describe('the header', () => {
  it('is looked for in the first 40 lines only (or up to the body): a number quoted later is not the document’s', () => {
    const body = Array.from({ length: 45 }, (_, i) => `第${i + 1}段正文，加快推进。`);
    const text = ['长春市养老服务体系建设行动方案', ...body, '吉政发〔2020〕3号', '关于报送材料的通知'].join(
      '\n',
    );
    expect(meta(text, 1)).toMatchObject({ docNumber: null, title: '长春市养老服务体系建设行动方案' });
    const early = ['长春市养老服务体系建设行动方案', ...body.slice(0, 30), '吉政发〔2020〕3号'].join('\n');
    expect(meta(early, 1).docNumber).toBe('吉政发〔2020〕3号');
  });
});

describe('a web portal’s header', () => {
  it('reads the labelled fields, in the same cell or the next one', () => {
    const text = [
      '首页 > 政策文件',
      '发文字号:\t吉政办发〔2022〕18号\t成文日期:\t2022年06月30日',
      '标题：吉林省人民政府办公厅关于进一步做好稳就业工作的通知',
      '发文机关：吉林省人民政府办公厅',
      '',
      '各市（州）人民政府：',
      '正文。',
    ].join('\n');
    expect(meta(text, 5)).toEqual({
      docNumber: '吉政办发〔2022〕18号',
      title: '吉林省人民政府办公厅关于进一步做好稳就业工作的通知',
      issuer: '吉林省人民政府办公厅',
      date: '2022-06-30',
      dateLine: -1,
    });
  });

  it('skips lines of prose and salutations when looking for the title', () => {
    const text = [
      '各市（州）人民政府关于报送材料的事项：',
      '本通知关于报送材料。请于月底前报送。',
      '关于做好2025年春耕生产的通知',
      '正文',
    ].join('\n');
    expect(meta(text, 3).title).toBe('关于做好2025年春耕生产的通知');
  });
});
