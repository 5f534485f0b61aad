/**
 * What a report's body names, from hand-made lines: the field a policy covers (its title stripped of
 * issuer, 关于/印发, place, year and genre), the fields of a report (the largest keep their name, small
 * ones are read together as 其他, at most five), each field's counts, stand-outs, laggards and offices
 * behind, the data gaps by office and the offices' causes grouped under fixed headings. Expected
 * values are counted by hand.
 */
import { describe, expect, it } from 'vitest';
import type { NoteItem, ReportModel, TargetLine } from '../src/core/report/model.js';
import { targetLine } from './helpers/target-line.js';
import { fieldOfPolicy, summariseBody } from '../src/core/report/body.js';

describe('the field a policy covers', () => {
  it('strips issuer, 关于/印发, a leading place, a year in brackets and the genre', () => {
    expect(fieldOfPolicy('吉林省人民政府关于促进健康服务业发展的实施意见')).toBe('促进健康服务业发展');
    expect(fieldOfPolicy('吉林省人民政府办公厅关于印发吉林省数字经济发展规划（2021—2025年）的通知')).toBe(
      '数字经济发展',
    );
    expect(fieldOfPolicy('《长春市优化营商环境若干措施》')).toBe('优化营商环境');
    expect(fieldOfPolicy('关于做好2025年医疗卫生工作的通知')).toBe('做好2025年医疗卫生工作');
    expect(fieldOfPolicy('长春市人民政府关于加快发展现代服务业的意见（2024年修订）')).toBe(
      '加快发展现代服务业',
    );
    expect(fieldOfPolicy('《延边州文化旅游实施方案》')).toBe('文化旅游');
    expect(fieldOfPolicy('吉林省全民健身行动方案')).toBe('全民健身');
    expect(fieldOfPolicy('四平市养老服务体系建设办法')).toBe('养老服务体系建设');
    // a place followed by fewer than four characters stays: it is the name
    expect(fieldOfPolicy('吉林省规划')).toBe('吉林省');
    // brackets without a year stay
    expect(fieldOfPolicy('促进就业（试行）')).toBe('促进就业（试行）');
    expect(fieldOfPolicy('《实施意见》')).toBe('');
    // only a bracket at the end holding a four-digit year is dropped
    expect(fieldOfPolicy('促进就业的意见（试行，2024年）')).toBe('促进就业');
    expect(fieldOfPolicy('数字经济（2021—2025年）发展规划')).toBe('数字经济（2021—2025年）发展');
    expect(fieldOfPolicy('促进就业（第2版）')).toBe('促进就业（第2版）');
    // a place only at the start; the genre only at the end
    expect(fieldOfPolicy('加快构建现代化产业体系推动县域经济发展')).toBe(
      '加快构建现代化产业体系推动县域经济发展',
    );
    expect(fieldOfPolicy('落实意见建议工作方案')).toBe('落实意见建议');
    expect(fieldOfPolicy('关于 促进就业的意见')).toBe('促进就业');
  });
});

let seq = 0;
function line(over: Partial<TargetLine>): TargetLine {
  seq++;
  return targetLine({
    targetId: `T${seq}`,
    document: '吉林省人民政府关于促进健康服务业发展的实施意见',
    indicator: `指标${seq}`,
    ...over,
  });
}

function model(targets: TargetLine[], lines: TargetLine[], problems: NoteItem[] = []): ReportModel {
  return { targets, lines, problems } as unknown as ReportModel;
}

describe('the fields of a one-policy report and what each names', () => {
  const A = ['产业发展'];
  const B = ['社会民生'];
  const A1 = line({ section: A, indicator: '产值', judged: '已完成', rate: 1.2 });
  const A2 = line({ section: A, indicator: '投资', judged: '达到序时进度', rate: 0.8 });
  const A3 = line({ section: A, indicator: '出口', judged: '未达到序时进度', rate: 0.3 });
  const A4 = line({ section: A, indicator: '税收', judged: '已完成', rate: 1.5, held: true });
  const B1 = line({ section: B, indicator: '养老', judged: '未启动' });
  const B2 = line({ section: B, indicator: '就业', judged: '未达到序时进度', rate: 0.5 });
  const B3 = line({ section: B, indicator: '医保', judged: '无数据' });
  const D1 = line({
    section: ['改革开放', '营商环境'],
    indicator: '开办',
    judged: '达到序时进度',
    rate: 0.9,
  });
  const D2 = line({ section: ['改革开放'], indicator: '示范区', judged: '已完成', comparator: 'milestone' });
  const C1 = line({ section: ['生态环境'], indicator: '空气', judged: '未达到序时进度', rate: 0.1 });
  const N1 = line({ section: [], indicator: '无章节', judged: '无数据' });
  const targets = [A1, B1, A2, D1, B2, C1, A3, D2, B3, A4, N1];
  const at = (t: TargetLine, office: string, judged: TargetLine['judged']) => ({ ...t, office, judged });
  const lines = [
    at(A3, '长春市', '未达到序时进度'),
    at(A3, '吉林市', '未达到序时进度'),
    // 长春市 is behind in 社会民生 first, 吉林市 twice after it: most first still puts 吉林市 first
    at(B1, '长春市', '未启动'),
    at(B2, '吉林市', '未达到序时进度'),
    at(B1, '吉林市', '未启动'),
    at(B3, '长春市', '无数据'),
    at(B3, '吉林市', '无数据'),
    at(C1, '长春市', '未达到序时进度'),
    at(A1, '长春市', '已完成'),
    at(B1, '四平市', '未启动'),
  ];
  // Computed inside each test, not in a hook or while collecting: a mutation run sees only what
  // the tests themselves call.
  const summary = () => summariseBody(model(targets, lines));

  it('keeps the fields of three or more targets and reads the rest as 其他', () => {
    const body = summary();
    expect(body.fields.map((f) => [f.name, f.targets.map((t) => t.indicator)])).toEqual([
      ['产业发展', ['产值', '投资', '出口', '税收']],
      ['社会民生', ['养老', '就业', '医保']],
      ['其他', ['开办', '示范区', '空气', '无章节']],
    ]);
  });

  it('counts each field and names its stand-outs (not held) and laggards (lowest rate first)', () => {
    const [a, b, other] = summary().fields;
    expect([a.done, a.ahead, a.behind, a.noData]).toEqual([2, 3, 1, 0]);
    expect(a.standouts.map((t) => t.indicator)).toEqual(['产值', '投资']);
    expect(a.laggards.map((t) => t.indicator)).toEqual(['出口']);
    expect([b.done, b.ahead, b.behind, b.noData]).toEqual([0, 0, 2, 1]);
    expect(b.standouts).toEqual([]);
    expect(b.laggards.map((t) => t.indicator)).toEqual(['就业', '养老']);
    expect([other.done, other.ahead, other.behind, other.noData]).toEqual([1, 2, 1, 1]);
    expect(other.standouts.map((t) => t.indicator)).toEqual(['开办']);
    expect(other.laggards.map((t) => t.indicator)).toEqual(['空气']);
  });

  it('lists the offices behind in each field, most first', () => {
    const [a, b, other] = summary().fields;
    expect(a.laggingOffices).toEqual([
      { office: '长春市', count: 1 },
      { office: '吉林市', count: 1 },
    ]);
    expect(b.laggingOffices).toEqual([
      { office: '吉林市', count: 2 },
      { office: '长春市', count: 1 },
      { office: '四平市', count: 1 },
    ]);
    expect(other.laggingOffices).toEqual([{ office: '长春市', count: 1 }]);
  });

  it('names the report’s three best, the lines behind, the fields behind most first (not 其他), the gaps by office', () => {
    const body = summary();
    expect(body.standouts.map((t) => t.indicator)).toEqual(['产值', '开办', '投资']);
    expect(body.behindLines).toBe(7);
    expect(body.laggingFields.map((f) => f.name)).toEqual(['社会民生', '产业发展']);
    expect(body.unfilled.map((u) => [u.office, u.lines.map((l) => l.indicator)])).toEqual([
      ['长春市', ['医保']],
      ['吉林市', ['医保']],
    ]);
    expect(body.unfilledLines).toBe(2);
  });
});

describe('how many fields keep their name', () => {
  const fields = (sizes: number[]) => {
    const targets = sizes.flatMap((n, i) =>
      Array.from({ length: n }, () => line({ section: [`领域${i + 1}`], judged: '已完成', rate: 1 })),
    );
    return summariseBody(model(targets, [])).fields.map((f) => `${f.name}:${f.targets.length}`);
  };

  it('five fields of three or more all keep their name', () => {
    expect(fields([3, 3, 3, 3, 3])).toEqual(['领域1:3', '领域2:3', '领域3:3', '领域4:3', '领域5:3']);
  });

  it('a sixth field makes the smallest two 其他', () => {
    expect(fields([4, 3, 3, 3, 3, 5])).toEqual(['领域6:5', '领域1:4', '领域2:3', '领域3:3', '其他:6']);
  });

  it('rows without a heading form a field of their own, named 其他', () => {
    const targets = [
      ...[1, 2, 3].map(() => line({ section: ['领域1'], judged: '已完成', rate: 1 })),
      ...[1, 2, 3].map(() => line({ section: [], judged: '已完成', rate: 1 })),
    ];
    expect(summariseBody(model(targets, [])).fields.map((f) => `${f.name}:${f.targets.length}`)).toEqual([
      '领域1:3',
      '其他:3',
    ]);
  });

  it('one small field leaves room for four named ones', () => {
    expect(fields([3, 3, 3, 3, 3, 2])).toEqual(['领域1:3', '领域2:3', '领域3:3', '领域4:3', '其他:5']);
    expect(fields([3, 2])).toEqual(['领域1:3', '其他:2']);
  });
});

describe('the fields of a report on several policies', () => {
  it('are the policies’ fields; a row without a 文件 reads as 其他', () => {
    const health = '吉林省人民政府关于促进健康服务业发展的实施意见';
    const care = '关于做好2025年医疗卫生工作的通知';
    const targets = [
      ...[1, 2, 3].map(() => line({ document: health })),
      ...[1, 2, 3].map(() => line({ document: care })),
      ...[1, 2, 3].map(() => line({ document: '《实施意见》' })),
      line({ document: '' }),
    ];
    const names = summariseBody(model(targets, [])).fields.map((f) => `${f.name}:${f.targets.length}`);
    expect(names).toEqual(['促进健康服务业发展:3', '做好2025年医疗卫生工作:3', '《实施意见》:3', '其他:1']);
  });
});

describe('the causes the offices gave', () => {
  it('grouped under fixed headings in a fixed order, each office once, the first wording as example', () => {
    const p = (office: string | null, text: string): NoteItem => ({ office, indicator: '', text });
    const body = summariseBody(
      model(
        [],
        [],
        [
          p(null, '  天气原因影响施工'),
          p('四平市', '统计口径不一致，数据来源不同。'),
          p('长春市', '【示例数据】项目资金未到位。'),
          p('吉林市', '审批手续复杂'),
          p('吉林市', '财政投入不足；'),
          p('长春市', '资金紧张'),
          p('四平市', '部门协调不畅'),
          p('辽源市', '人员不足；。'),
        ],
      ),
    );
    expect(body.causes).toEqual([
      { cause: '资金保障不足', offices: ['长春市', '吉林市'], example: '项目资金未到位' },
      { cause: '项目审批和建设进度偏慢', offices: ['吉林市'], example: '审批手续复杂' },
      { cause: '部门协同和推进机制不够顺畅', offices: ['四平市'], example: '部门协调不畅' },
      { cause: '人才和服务能力不足', offices: ['辽源市'], example: '人员不足' },
      { cause: '统计口径和数据来源不一', offices: ['四平市'], example: '统计口径不一致，数据来源不同' },
      { cause: '其他困难', offices: [], example: '天气原因影响施工' },
    ]);
  });
});
