/**
 * How a policy body is cut into tasks (segments.ts, read through parseDocument): where an item ends
 * (the next heading, a signature and date, 附件 or 抄送, the closing paragraph addressed to all
 * implementers), which paragraphs open tasks of their own (a short title sentence, a dash, a 专栏), and
 * where a text without headings begins and ends. The texts are written for this test; every expected
 * task is read off them by hand.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/core/catalogue/parse.js';
import { flatBody } from '../src/core/catalogue/segments.js';
import { splitLines } from '../src/core/catalogue/text.js';

function tasks(lines: string[]) {
  return parseDocument(lines.join('\n'), 'plan.txt').tasks.map((t) => [t.path.join(''), t.title, t.text]);
}

const HEAD = ['某市养老服务体系建设实施方案', '为加快养老服务体系建设，制定本方案。'];

describe('where an item ends', () => {
  it('ends the last item at the signature and date, however many signature lines there are', () => {
    expect(
      tasks([
        ...HEAD,
        '一、加强组织领导。各县要成立工作专班。',
        '二、强化督导考核。每季度通报一次进展。',
        '某市民政局',
        '某市财政局',
        '2022年6月15日',
      ]),
    ).toEqual([
      ['一、', '加强组织领导', '各县要成立工作专班。'],
      ['二、', '强化督导考核', '每季度通报一次进展。'],
    ]);
  });

  it('reads a date in Chinese numerals and a signature after a blank line', () => {
    expect(
      tasks([
        ...HEAD,
        '一、强化督导考核。每季度通报一次进展。',
        '',
        '某市民政局',
        '',
        '二〇二二年六月十五日',
      ]),
    ).toEqual([['一、', '强化督导考核', '每季度通报一次进展。']]);
  });

  it('keeps a sentence above the date in the item: only short lines without punctuation sign', () => {
    expect(tasks([...HEAD, '一、强化督导考核。每季度通报一次进展，年底考核。', '2022年6月15日'])).toEqual([
      ['一、', '强化督导考核', '每季度通报一次进展，年底考核。'],
    ]);
  });

  it('never takes a heading or a long line above the date for the signature', () => {
    expect(
      tasks([...HEAD, '一、加强组织领导。各县要成立工作专班。', '二、组织实施', '2022年6月15日']),
    ).toEqual([
      ['一、', '加强组织领导', '各县要成立工作专班。'],
      ['二、', '组织实施', ''],
    ]);
    const long = '全面推进县域医共体建设并持续完善分级诊疗制度和现代医院';
    expect(long.length).toBeGreaterThan(25);
    expect(tasks([...HEAD, '一、强化督导考核。每季度通报一次进展。', long, '2022年6月15日'])).toEqual([
      ['一、', '强化督导考核', `每季度通报一次进展。\n${long}`],
    ]);
  });

  it('ends the last item at 附件, 抄送 or a publication note', () => {
    for (const trailer of ['附件：重点任务分工表', '抄送：市委办公室', '（此件公开发布）']) {
      expect(
        tasks([...HEAD, '一、强化督导考核。每季度通报一次进展。', trailer, '后面的文字不属于任务。']),
      ).toEqual([['一、', '强化督导考核', '每季度通报一次进展。']]);
    }
  });

  it('ends a notice’s last point at its signature and still reads the plan it issues', () => {
    expect(
      tasks([
        '某市人民政府办公室关于印发某市养老服务实施方案的通知',
        '一、请各县认真组织实施。',
        '某市人民政府办公室',
        '2022年6月15日',
        '某市养老服务实施方案',
        '一、新建养老机构。到2025年新建养老机构10家。',
      ]),
    ).toEqual([
      // a one-clause point without a figure is all title
      ['一、', '请各县认真组织实施', ''],
      ['一、', '新建养老机构', '到2025年新建养老机构10家。'],
    ]);
  });

  it('leaves the closing paragraph addressed to all implementers out of the last item', () => {
    expect(
      tasks([
        ...HEAD,
        '一、强化督导考核。每季度通报一次进展。',
        '各地、各有关部门要高度重视，确保各项任务落到实处。',
      ]),
    ).toEqual([['一、', '强化督导考核', '每季度通报一次进展。']]);
    expect(
      tasks([
        ...HEAD,
        '一、强化督导考核',
        '每季度通报一次进展。',
        '全市各级各部门务必抓好落实。',
        '某市民政局',
        '2022年6月15日',
      ]),
    ).toEqual([['一、', '强化督导考核', '每季度通报一次进展。']]);
  });

  it('keeps a closing-like paragraph that is the item’s only text', () => {
    expect(tasks([...HEAD, '一、强化督导考核', '各地要每季度通报一次进展。'])).toEqual([
      ['一、', '强化督导考核', '各地要每季度通报一次进展。'],
    ]);
  });

  it('does not take a sentence that merely starts with 各 for the closing paragraph', () => {
    expect(
      tasks([...HEAD, '一、强化督导考核。每季度通报一次进展。', '各地通报情况在年底汇总，纳入考核。']),
    ).toEqual([['一、', '强化督导考核', '每季度通报一次进展。\n各地通报情况在年底汇总，纳入考核。']]);
  });
});

describe('parents and leaves', () => {
  it('makes tasks of the leaves only; a parent’s own lines are no task', () => {
    expect(
      tasks([
        ...HEAD,
        '一、重点任务',
        '围绕以下方面开展工作。',
        '（一）新建养老机构。新建10家。',
        '（二）培养护理人员。培养500名。',
      ]),
    ).toEqual([
      ['一、（一）', '新建养老机构', '新建10家。'],
      ['一、（二）', '培养护理人员', '培养500名。'],
    ]);
  });
});

describe('paragraphs that open tasks of their own', () => {
  it('splits a leaf at paragraphs opening with a short title sentence or a dash', () => {
    expect(
      tasks([
        ...HEAD,
        '一、完善服务模式',
        '推进家庭医生签约服务。到2025年签约覆盖率提高到45%。',
        '——医养结合水平全面提高。每个县建成1所医养结合机构。',
      ]),
    ).toEqual([
      ['一、', '推进家庭医生签约服务', '推进家庭医生签约服务。到2025年签约覆盖率提高到45%。'],
      ['一、', '医养结合水平全面提高', '——医养结合水平全面提高。每个县建成1所医养结合机构。'],
    ]);
  });

  it('keeps the heading’s own text as a task before the first titled paragraph', () => {
    expect(
      tasks([
        ...HEAD,
        '一、完善服务模式。优化服务流程。',
        '推进家庭医生签约服务。到2025年签约覆盖率提高到45%。',
      ]),
    ).toEqual([
      ['一、', '完善服务模式', '优化服务流程。'],
      ['一、', '推进家庭医生签约服务', '推进家庭医生签约服务。到2025年签约覆盖率提高到45%。'],
    ]);
  });

  it('reads a title after a dash written with two full-width or ASCII hyphens', () => {
    for (const dash of ['－－', '--', '──']) {
      expect(
        tasks([...HEAD, '一、完善服务模式', `${dash}医养结合水平全面提高。每个县建成1所医养结合机构。`]).map(
          (t) => t[1],
        ),
      ).toEqual(['医养结合水平全面提高']);
    }
  });

  it('names a 专栏 with its spaces made single', () => {
    expect(
      tasks([...HEAD, '一、实施重点工程', '专栏 2  基层医疗服务提升工程', '新建社区医院20家。']).map(
        (t) => t[1],
      ),
    ).toEqual(['专栏 2 基层医疗服务提升工程']);
  });

  it('makes a 专栏 of projects a task of its own', () => {
    expect(
      tasks([
        ...HEAD,
        '一、实施重点工程。推进项目建设。',
        '专栏1：医疗服务能力提升工程',
        '新建社区医院20家。',
      ]),
    ).toEqual([
      ['一、', '实施重点工程', '推进项目建设。'],
      ['一、', '专栏1：医疗服务能力提升工程', '专栏1：医疗服务能力提升工程\n新建社区医院20家。'],
    ]);
  });

  it('does not split at a sentence opening with a date, a figure or a word of address', () => {
    const body = [
      '到2025年。签约覆盖率提高到45%以上。',
      '2025年。签约覆盖率提高到45%以上。',
      '各地要。签约覆盖率提高到45%以上。',
    ];
    for (const line of body) {
      expect(tasks([...HEAD, '一、完善服务模式。优化服务流程。', line]).length).toBe(1);
    }
  });

  it('does not split at a title sentence with almost nothing after it, or a long one', () => {
    expect(tasks([...HEAD, '一、完善服务模式。优化服务流程。', '加强宣传。做好。']).length).toBe(1);
    expect(
      tasks([
        ...HEAD,
        '一、完善服务模式。优化服务流程。',
        '加快推进全市城乡社区养老服务设施建设各项工作。签约覆盖率提高到45%。',
      ]).length,
    ).toBe(1);
    expect(
      tasks([
        ...HEAD,
        '一、完善服务模式。优化服务流程。',
        '——全市城乡社区养老服务设施建设和居家养老服务网络及医养结合服务体系全面完善。签约覆盖率提高到45%。',
      ]).length,
    ).toBe(1);
  });

  it('does not split at a line that continues a sentence broken by a stray line break', () => {
    expect(
      tasks([
        ...HEAD,
        '一、完善服务模式。优化服务流程，',
        '推进家庭医生签约服务。到2025年签约覆盖率提高到45%。',
      ]),
    ).toEqual([
      ['一、', '完善服务模式', '优化服务流程，\n推进家庭医生签约服务。到2025年签约覆盖率提高到45%。'],
    ]);
  });

  it('splits after a blank line even when the paragraph before ended without a stop', () => {
    expect(
      tasks([
        ...HEAD,
        '一、完善服务模式。优化服务流程，',
        '',
        '推进家庭医生签约服务。到2025年签约覆盖率提高到45%。',
      ]).length,
    ).toBe(2);
  });
});

describe('a text without headings', () => {
  it('runs from the first sentence to the last one, leaving the header and the signature out', () => {
    const lines = splitLines(
      [
        '某市2022年养老服务工作要点',
        '',
        '今年全市养老服务工作要坚持以人民为中心，加快补齐短板。',
        '全年新建社区养老服务站30个，培训护理人员500名。',
        '某市民政局',
        '',
        '2022年3月1日',
      ].join('\n'),
    );
    expect(flatBody(lines)).toEqual({ start: 2, end: 4 });
  });

  it('keeps a long closing line without punctuation in the body', () => {
    const lines = splitLines(
      [
        '今年全市养老服务工作要坚持以人民为中心，加快补齐短板。',
        '全市各级民政部门和养老服务机构要认真对照本要点抓好各项工作落实',
      ].join('\n'),
    );
    expect(lines[1].content.length).toBeGreaterThan(30);
    expect(flatBody(lines)).toEqual({ start: 0, end: 2 });
  });

  it('finds no body in a text without a sentence of twenty characters', () => {
    expect(
      flatBody(splitLines(['某市养老服务工作要点', '加快补齐短板。', '某市民政局'].join('\n'))),
    ).toBeNull();
  });
});
