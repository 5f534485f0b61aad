/**
 * What a clerk finds in each row of the 指标 and 任务 sheets, and what the hidden _meta sheet records
 * for the checker, on a hand-built catalogue: the locked catalogue cells (name, quote, target, unit,
 * year, 发文字号 or title, the heading path, the lead units joined by 、), the figures carried over
 * from an earlier workbook, the 完成率 formula with its cached result, and the _meta key/value pairs
 * and row table. Expected values are written out by hand (Excel day 45838 is 2025-06-30).
 */
import { describe, expect, it } from 'vitest';
import type { Catalogue, Target, Task } from '../src/core/model/catalogue.js';
import { emptyEntry, type Entry } from '../src/core/model/submission.js';
import { planWorkbook } from '../src/core/workbook/build-plan.js';
import { fingerprintCells } from '../src/core/workbook/fingerprint.js';
import type { PlanOptions, PlanSheet, PlanValue } from '../src/core/workbook/plan.js';
import { handCatalogue, handTarget, handTask } from './helpers/hand-catalogue.js';

const OPTIONS: PlanOptions = {
  office: '长春市',
  period: '2025年上半年',
  generatedAt: '2026-01-05T08:00:00.000Z',
};

function sheet(cat: Catalogue, name: string, over: Partial<PlanOptions> = {}): PlanSheet {
  const s = planWorkbook(cat, { ...OPTIONS, ...over }).sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** The values of a sheet's row (1-based, as Excel numbers it), from the block that holds it. */
function row(s: PlanSheet, n: number): PlanValue[] {
  for (const b of s.blocks) {
    const top = Number(b.origin.slice(1));
    const line = b.values[n - top];
    if (b.origin.startsWith('A') && line) return line;
  }
  throw new Error(`no row ${n} in ${s.name}`);
}

// 指标 columns: A 序号, B 指标名称, C 指标内容, D 目标值, E 单位, F 目标年份, G 基期值, H 完成值,
// I 完成率, J 截至日期, K 进展状态, L 进展情况, M 存在问题, N 下一步措施, O 佐证材料, P 文件, Q 章节,
// R 牵头单位, S 指标编号.
const col = (letter: string) => letter.charCodeAt(0) - 65;

const beds = (over: Partial<Target> = {}) =>
  handTarget('t-beds', {
    value: 60,
    unit: '个',
    offset: 10,
    name: '达标卫生院',
    quote: '到2025年，新建达标卫生院60个',
    path: ['一、主要目标', '（二）基层'],
    lead: ['省卫健委', '省财政厅'],
    ...over,
  });

describe('the locked cells of a 指标 row', () => {
  it('show name, quote, target, unit, year, 发文字号, heading path and the lead units joined by 、', () => {
    const r = row(sheet(handCatalogue([beds()]), '指标'), 4);
    expect([1, 2, 3, 4, 5].map((c) => r[c])).toEqual([
      '达标卫生院',
      '到2025年，新建达标卫生院60个',
      '≥60个',
      '个',
      '2025',
    ]);
    expect(r[0]).toBe(1);
    expect([col('P'), col('Q'), col('R'), col('S')].map((c) => r[c])).toEqual([
      '吉政发〔2023〕5号',
      '一、主要目标（二）基层',
      '省卫健委、省财政厅',
      't-beds',
    ]);
  });

  it('fall back to the indicator without a name, blank unit and year when the catalogue has none', () => {
    const t = beds({ name: '', indicator: '达标卫生院数', unit: null, deadline: null });
    const r = row(sheet(handCatalogue([t]), '指标'), 4);
    expect([r[1], r[4], r[5]]).toEqual(['达标卫生院数', '', '']);
  });

  it('name the document by its title when it has no 发文字号', () => {
    const cat = handCatalogue([beds()]);
    cat.documents[0] = { ...cat.documents[0], docNumber: null };
    expect(row(sheet(cat, '指标'), 4)[col('P')]).toBe('吉林省卫生健康事业发展规划');
  });

  it('number the rows 1, 2, 3 in text order', () => {
    const cat = handCatalogue([
      beds({ id: 'late', offset: 90 }),
      beds({ id: 'early', offset: 5 }),
      beds({ id: 'mid', offset: 40 }),
    ]);
    const s = sheet(cat, '指标');
    expect([4, 5, 6].map((n) => [row(s, n)[0], row(s, n)[col('S')]])).toEqual([
      [1, 'early'],
      [2, 'mid'],
      [3, 'late'],
    ]);
  });
});

describe('figures carried over into a 指标 row', () => {
  const typed: Entry = {
    targetId: 't-beds',
    baseline: 20,
    actual: 45,
    asOf: '2025-06-30',
    status: '序时推进',
    progress: '已开工30个',
    problems: '资金未到位',
    nextSteps: '加快拨付',
    evidence: '项目清单',
  };

  it('fill 基期值 to 佐证材料, the date as an Excel day, and 完成率 as a formula with its result', () => {
    const r = row(sheet(handCatalogue([beds()]), '指标', { entries: [typed] }), 4);
    expect(r.slice(col('G'), col('P'))).toEqual([
      20,
      45,
      { formula: 'IF(ISNUMBER(H4),H4/60,"")', result: 0.75 },
      45838,
      '序时推进',
      '已开工30个',
      '资金未到位',
      '加快拨付',
      '项目清单',
    ]);
  });

  it('leave every entry cell blank (完成率 still a formula) when nothing was typed', () => {
    const r = row(sheet(handCatalogue([beds()]), '指标', { entries: [emptyEntry('t-beds')] }), 4);
    expect(r.slice(col('G'), col('P'))).toEqual([
      null,
      null,
      { formula: 'IF(ISNUMBER(H4),H4/60,"")', result: '' },
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    const untouched = row(sheet(handCatalogue([beds()]), '指标'), 4);
    expect(untouched[col('I')]).toEqual({ formula: 'IF(ISNUMBER(H4),H4/60,"")', result: '' });
  });

  it('divide a percent target’s text figure without its % sign, on the row’s own 完成值 cell', () => {
    const cat = handCatalogue([beds(), beds({ id: 't-rate', unit: '％', value: 80, offset: 20 })]);
    const r = row(sheet(cat, '指标', { entries: [{ ...typed, targetId: 't-rate', actual: 40 }] }), 5);
    expect(r[col('I')]).toEqual({
      formula: 'IFERROR(VALUE(SUBSTITUTE(SUBSTITUTE(H5,"%",""),"％",""))/80,"")',
      result: 0.5,
    });
  });

  it('treat a unit written “ ％ ” with spaces as a percent, dividing the text figure', () => {
    const cat = handCatalogue([beds({ unit: ' ％ ', value: 80 })]);
    expect(row(sheet(cat, '指标'), 4)[col('I')]).toEqual({
      formula: 'IFERROR(VALUE(SUBSTITUTE(SUBSTITUTE(H4,"%",""),"％",""))/80,"")',
      result: '',
    });
  });

  it('show — for 完成率 where a ratio means nothing: a ceiling, a milestone, a zero target', () => {
    const cat = handCatalogue([
      beds({ id: 'cap', comparator: '<=', offset: 1 }),
      handTarget('node', { value: null, unit: null, offset: 2 }),
      beds({ id: 'zero', value: 0, offset: 3 }),
    ]);
    const s = sheet(cat, '指标');
    expect([4, 5, 6].map((n) => row(s, n)[col('I')])).toEqual(['—', '—', '—']);
  });
});

describe('a 任务 row', () => {
  // 任务 columns: A 序号, B 任务内容, C 进展状态, D 进展情况, E 存在问题, F 下一步措施, G 文件, H 章节,
  // I 牵头单位, J 任务编号.
  const titled = (title: string, text: string): Task => ({
    ...handTask('k1', title, 1),
    text,
    path: ['二、', '（一）'],
    lead: ['省卫健委', '省医保局'],
  });

  it('puts the title before the text unless the text already starts with it', () => {
    const apart = row(sheet(handCatalogue([], [titled('健全制度', '完善考核办法。')]), '任务'), 4);
    expect(apart.slice(0, 2)).toEqual([1, '健全制度：完善考核办法。']);
    const joined = row(sheet(handCatalogue([], [titled('健全制度', '健全制度，完善考核办法。')]), '任务'), 4);
    expect(joined[1]).toBe('健全制度，完善考核办法。');
    const untitled = row(sheet(handCatalogue([], [titled('', '完善考核办法。')]), '任务'), 4);
    expect(untitled[1]).toBe('完善考核办法。');
  });

  it('shows document, heading path, leads and id after the entry cells', () => {
    const r = row(sheet(handCatalogue([], [titled('健全制度', '完善考核办法。')]), '任务'), 4);
    expect(r.slice(2)).toEqual([
      null,
      null,
      null,
      null,
      '吉政发〔2023〕5号',
      '二、（一）',
      '省卫健委、省医保局',
      'k1',
    ]);
  });
});

describe('the _meta sheet', () => {
  const meta = (cat: Catalogue, over: Partial<PlanOptions> = {}) =>
    sheet(cat, '_meta', over).blocks[0].values;

  it('records format, versions, office, period, time, deadline, filters and contact, blanks as empty', () => {
    const cat = handCatalogue([beds()]);
    expect(meta(cat).slice(0, 14)).toEqual([
      ['format', 'luoshi-workbook'],
      ['formatVersion', 1],
      ['catalogueVersion', 'hand-v1'],
      ['office', '长春市'],
      ['period', '2025年上半年'],
      ['generatedAt', '2026-01-05T08:00:00.000Z'],
      ['deadline', null],
      ['documents', null],
      ['units', null],
      ['contact', null],
      ['phone', null],
      [null],
      ['rows'],
      [
        'kind',
        'id',
        'row',
        'fingerprint',
        'comparator',
        'value',
        'valueMax',
        'unit',
        'overallComparator',
        'overallValue',
        'overallValueMax',
        'overallText',
        'overallScope',
      ],
    ]);
    const filled = meta(cat, {
      deadline: '2025-07-15',
      contact: '王五',
      phone: '0431-88886666',
      documents: ['d1'],
      units: ['省卫健委'],
    });
    expect(filled.slice(6, 11)).toEqual([
      ['deadline', '2025-07-15'],
      ['documents', 'd1'],
      ['units', '省卫健委'],
      ['contact', '王五'],
      ['phone', '0431-88886666'],
    ]);
  });

  it('lists each target and task with its row, the fingerprint of its locked cells and its target', () => {
    const cat = handCatalogue(
      [beds(), beds({ id: 't-range', comparator: 'range', value: 3, valueMax: 5, unit: null, offset: 20 })],
      [{ ...handTask('k1', '健全制度', 1), text: '完善考核办法。', path: ['二、'] }],
    );
    const rows = meta(cat).slice(14);
    // fingerprint order: 序号, 编号, 文件, 章节, 指标内容, 目标值, 单位, 目标年份, 牵头单位
    expect(rows).toEqual([
      [
        'target',
        't-beds',
        4,
        fingerprintCells([
          1,
          't-beds',
          '吉政发〔2023〕5号',
          '一、主要目标（二）基层',
          '到2025年，新建达标卫生院60个',
          '≥60个',
          '个',
          '2025',
          '省卫健委、省财政厅',
        ]),
        '>=',
        60,
        null,
        '个',
      ],
      [
        'target',
        't-range',
        5,
        fingerprintCells([
          2,
          't-range',
          '吉政发〔2023〕5号',
          '一、主要目标（二）基层',
          '到2025年，新建达标卫生院60个',
          '3—5',
          '',
          '2025',
          '省卫健委、省财政厅',
        ]),
        'range',
        3,
        5,
        '',
      ],
      // task fingerprint order: 序号, 编号, 文件, 章节, 任务内容, 牵头单位
      [
        'task',
        'k1',
        4,
        fingerprintCells([1, 'k1', '吉政发〔2023〕5号', '二、', '健全制度：完善考核办法。', '省卫健委']),
        null,
        null,
        null,
        null,
      ],
    ]);
  });

  it('records the overall target beside an office’s allocated share', () => {
    const share = beds({
      value: 12,
      overall: { comparator: '>=', value: 50, valueMax: null, scope: '全省' },
    });
    const [r] = meta(handCatalogue([share])).slice(14);
    expect(r.slice(4)).toEqual(['>=', 12, null, '个', '>=', 50, null, '≥50个', '全省']);
  });
});
