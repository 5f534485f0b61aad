/**
 * Document metadata (meta.ts) field by field: which header line gives the 发文字号, how a title runs over
 * several lines and where it stops, when the issuing body above a title joins it, where the issuer and
 * the 成文日期 come from when several places name one, and how a portal's labelled cells are read.
 * The texts are short headers written for this test; every expected value is read off them by hand.
 */
import { describe, expect, it } from 'vitest';
import { documentIdFrom, extractMeta } from '../src/core/catalogue/meta.js';
import { splitLines } from '../src/core/catalogue/text.js';

function meta(lines: string[], bodyStart = 0) {
  return extractMeta(splitLines(lines.join('\n')), bodyStart);
}

const prose = (n: number) =>
  Array.from({ length: n }, (_, i) => `第${i + 1}项工作要加快推进，确保取得实效。`);

describe('the 发文字号', () => {
  it('is read from a field labelled 文号 when no line holds the number alone', () => {
    const m = meta([
      '文号：吉卫发〔2021〕7号\t发布日期：2021年3月1日\t来源：吉林省卫生健康委员会',
      '关于做好春季传染病防控工作的通知',
    ]);
    expect(m.docNumber).toBe('吉卫发〔2021〕7号');
  });

  it('is read from a field value written with spaces', () => {
    const m = meta(['发文字号：吉卫发 〔2021〕 7 号\t成文日期：2021年3月1日\t来源：吉林省卫生健康委员会']);
    expect(m.docNumber).toBe('吉卫发〔2021〕7号');
  });

  it('is none when the field holds no number, and a field never gives way to a number printed above it', () => {
    expect(meta(['发文字号：无\t成文日期：2021年3月1日\t来源：吉林省卫生健康委员会']).docNumber).toBeNull();
    const forwarded = meta([
      '国办发〔2021〕45号',
      '发文字号：吉政办发〔2021〕18号\t成文日期：2021年5月6日\t来源：省政府办公厅',
    ]);
    expect(forwarded.docNumber).toBe('吉政办发〔2021〕18号');
  });

  it('drops a label written without a colon before the number', () => {
    expect(meta(['文号 吉政发〔2020〕3号', '关于加快发展养老服务业的意见']).docNumber).toBe(
      '吉政发〔2020〕3号',
    );
    expect(meta(['发文字号 吉政发〔2020〕3号', '关于加快发展养老服务业的意见']).docNumber).toBe(
      '吉政发〔2020〕3号',
    );
  });

  it('comes from a short line ending with the number, not from a sentence that cites one', () => {
    expect(
      meta([
        '根据《国务院办公厅关于促进养老托育服务健康发展的意见》国办发〔2020〕52号',
        '关于加快发展养老服务业的意见',
      ]).docNumber,
    ).toBeNull();
    expect(meta(['见吉政发〔2023〕5号文件', '关于加快发展养老服务业的意见']).docNumber).toBeNull();
  });

  it('skips a short line ending in 号 that is no 发文字号 and keeps looking', () => {
    expect(meta(['公告第3号', '吉政发〔2023〕5号', '关于加快发展养老服务业的意见']).docNumber).toBe(
      '吉政发〔2023〕5号',
    );
  });

  it('is not taken from portal fields after the first 60 lines', () => {
    const m = meta(['长春市养老服务体系建设行动方案', ...prose(65), '发文字号：\t吉政发〔2020〕3号'], 1);
    expect(m.docNumber).toBeNull();
  });

  it('gives the document id with every digit of the serial', () => {
    expect(documentIdFrom('吉政发〔2023〕15号', 'doc-x')).toBe('吉政发-2023-15');
  });
});

describe('the 成文日期', () => {
  it('prefers the field to the signature date, and still points at the signature line', () => {
    const m = meta([
      '成文日期：2022年6月30日\t发布日期：2022年7月4日',
      '关于进一步做好稳就业工作的通知',
      '正文。',
      '吉林省人民政府办公厅',
      '2022年7月1日',
    ]);
    expect(m.date).toBe('2022-06-30');
    expect(m.dateLine).toBe(4);
  });

  it('reads a field written with dashes, and ignores one that is no date', () => {
    expect(meta(['成文日期：2022-06-30\t来源：吉林省人民政府办公厅']).date).toBe('2022-06-30');
    expect(meta(['成文日期：见正文\t来源：吉林省人民政府办公厅']).date).toBeNull();
  });
});

describe('a title over several lines', () => {
  it('runs across a single blank line and stops at two', () => {
    expect(meta(['吉林省人民政府关于印发吉林省数字经济', '', '发展规划的通知']).title).toBe(
      '吉林省人民政府关于印发吉林省数字经济发展规划的通知',
    );
    expect(meta(['关于加快发展', '', '', '养老服务业的意见']).title).toBe('关于加快发展');
  });

  it('joins three lines until the title ends', () => {
    expect(
      meta(['吉林省人民政府办公厅关于', '印发吉林省养老服务体系', '建设规划的通知', '各市（州）人民政府：'])
        .title,
    ).toBe('吉林省人民政府办公厅关于印发吉林省养老服务体系建设规划的通知');
  });

  it('waits for 通知 at the end of a notice that issues a plan, not inside it', () => {
    expect(meta(['吉林省人民政府办公厅关于印发吉林省预警通知发布', '管理办法的通知']).title).toBe(
      '吉林省人民政府办公厅关于印发吉林省预警通知发布管理办法的通知',
    );
  });

  it('stops before a date, a number, a salutation, a sentence or a long line', () => {
    const title = '关于加快发展养老服务业';
    expect(meta([title, '2023年3月5日']).title).toBe(title);
    expect(meta([title, '吉政发〔2023〕5号']).title).toBe(title);
    expect(meta([title, '各市（州）人民政府：']).title).toBe(title);
    expect(meta([title, '为加快发展养老服务业，现提出如下意见。']).title).toBe(title);
    const long = '全面推进城乡社区养老服务设施建设和居家社区养老服务网络完善以及医养结合服务能力提升';
    expect(long.length).toBeGreaterThan(40);
    expect(meta([title, long]).title).toBe(title);
  });

  it('runs on over a line with 号 inside it, and keeps a title with a colon inside it', () => {
    expect(meta(['关于贯彻落实', '中央一号文件精神的实施意见']).title).toBe(
      '关于贯彻落实中央一号文件精神的实施意见',
    );
    expect(meta(['关于印发《健康某市2030：行动纲要》的通知']).title).toBe(
      '关于印发《健康某市2030：行动纲要》的通知',
    );
  });

  it('ends with the last line of the text, and gives up after eight lines', () => {
    expect(meta(['关于加快发展养老服务业']).title).toBe('关于加快发展养老服务业');
    const pieces = ['关于加快', '推进', '全省', '城乡', '社区', '养老', '服务', '体系', '建设', '工作'];
    expect(meta(pieces).title).toBe('关于加快推进全省城乡社区养老服务体系');
  });
});

describe('which header line is the title', () => {
  it('accepts a title line of 60 characters and skips a longer one', () => {
    const sixty =
      '吉林省人民政府办公厅关于印发吉林省促进养老托育服务健康发展和推进城乡社区居家养老服务体系建设若干政策措施和实施细则的通知';
    expect(sixty).toHaveLength(60);
    expect(meta([sixty]).title).toBe(sixty);
    expect(meta([`${sixty}书`, '关于加快发展养老服务业的意见']).title).toBe('关于加快发展养老服务业的意见');
  });

  it('keeps a title with 各 inside it, and skips a line that ends with a colon', () => {
    expect(meta(['关于做好各项民生工作的通知']).title).toBe('关于做好各项民生工作的通知');
    expect(meta(['市政府办公室关于有关工作的说明：', '关于加快发展养老服务业的意见']).title).toBe(
      '关于加快发展养老服务业的意见',
    );
  });

  it('looks for the title in the header only', () => {
    expect(meta([...prose(45), '关于加快发展养老服务业的意见'], 1).title).toBeNull();
    expect(meta([...prose(40), '关于加快发展养老服务业的意见'], 1).title).toBeNull();
    expect(meta([...prose(39), '关于加快发展养老服务业的意见'], 1).title).toBe(
      '关于加快发展养老服务业的意见',
    );
  });
});

describe('the issuing body on the line above a title', () => {
  it('joins a title starting with 关于 across a blank line, also at the top of the text', () => {
    expect(meta(['吉林省人民政府办公厅', '', '关于加快发展养老服务业的实施意见']).title).toBe(
      '吉林省人民政府办公厅关于加快发展养老服务业的实施意见',
    );
    expect(meta(['', '关于加快发展养老服务业的实施意见']).title).toBe('关于加快发展养老服务业的实施意见');
    expect(meta(['关于加快发展养老服务业的实施意见']).title).toBe('关于加快发展养老服务业的实施意见');
  });

  it('does not join a title that names its issuer already or does not start with 关于', () => {
    expect(meta(['吉林省人民政府', '省政府关于加快发展养老服务业的意见']).title).toBe(
      '省政府关于加快发展养老服务业的意见',
    );
    expect(meta(['吉林省人民政府办公厅', '吉林省养老服务体系建设行动方案']).title).toBe(
      '吉林省养老服务体系建设行动方案',
    );
  });

  it('joins only a short line that ends like an office', () => {
    expect(meta(['吉林省人民政府办公厅文件', '关于加快发展养老服务业的实施意见']).title).toBe(
      '关于加快发展养老服务业的实施意见',
    );
    const long = '吉林省发展和改革委员会吉林省财政厅吉林省民政厅吉林省卫生健康委员会';
    expect(long.length).toBeGreaterThan(30);
    expect(meta([long, '关于加快发展养老服务业的实施意见']).title).toBe('关于加快发展养老服务业的实施意见');
  });
});

describe('the issuer', () => {
  it('comes from the 发文机关 field before the title or the signature', () => {
    const m = meta([
      '发文机关：吉林省卫生健康委员会\t成文日期：2021年3月1日',
      '关于做好春季传染病防控工作的通知',
      '正文。',
      '省卫健委办公室',
      '2021年3月1日',
    ]);
    expect(m.issuer).toBe('吉林省卫生健康委员会');
  });

  it('comes from the title before the signature', () => {
    const m = meta([
      '省卫生健康委关于做好春季传染病防控工作的通知',
      '正文。',
      '吉林省卫生健康委员会',
      '2021年3月1日',
    ]);
    expect(m.issuer).toBe('省卫生健康委');
  });

  it('is the topmost short line of the signature, up to the first line of the text', () => {
    expect(meta(['长春市民政局', '2024年1月8日'])).toMatchObject({
      title: null,
      issuer: '长春市民政局',
      dateLine: 1,
    });
    const m = meta([
      '做好养老服务工作，确保取得实效。',
      '全面推进养老服务体系建设工作任务分工方案见附件一',
      '长春市民政局',
      '2024年1月8日',
    ]);
    expect(m.issuer).toBe('长春市民政局');
  });
});

describe('a portal’s labelled cells', () => {
  it('reads a label and its value in separate cells, with spaces or doubled tabs between them', () => {
    const m = meta([
      '发文机关 ：\t\t吉林省卫生健康委员会 \t成文日期： \t2021年3月1日',
      '关于做好春季传染病防控工作的通知',
    ]);
    expect(m.issuer).toBe('吉林省卫生健康委员会');
    expect(m.date).toBe('2021-03-01');
  });

  it('reads a field after a tab and a space, and does not take the next cell for a field that has its value', () => {
    const m = meta([
      '首页\t 发文机关：吉林省卫生健康委员会\t成文日期：2021年3月1日',
      '关于做好春季传染病防控工作的通知',
    ]);
    expect(m.issuer).toBe('吉林省卫生健康委员会');
  });

  it('does not read a cell that only ends like a label', () => {
    const m = meta(['（1）发文机关：\t吉林省卫生健康委员会', '关于做好春季传染病防控工作的通知']);
    expect(m.issuer).toBeNull();
  });
});
