/**
 * Carrying a filled workbook over to a new catalogue, on hand-built catalogues and grids made from the
 * real plan: what the office is told in 变更提示 (quote, target value and unit changed, written out by
 * hand), which rows go to 已移除指标 and why, that a target removed earlier comes back with whatever was
 * typed for it (even a single field), that a dropped task keeps its typed text, and the workbook's
 * office, period, deadline and contact carried from _meta.
 */
import { describe, expect, it } from 'vitest';
import type { Catalogue, Target } from '../src/core/model/catalogue.js';
import { emptyEntry, type Entry, type TaskEntry } from '../src/core/model/submission.js';
import { planWorkbook, type RemovedTarget } from '../src/core/workbook/build-plan.js';
import type { PlanOptions } from '../src/core/workbook/plan.js';
import { upgradeWorkbook } from '../src/core/workbook/upgrade.js';
import { handCatalogue, handTarget, handTask } from './helpers/hand-catalogue.js';
import { planGrid } from './helpers/plan-grid.js';

const OPTIONS: PlanOptions = {
  office: '长春市',
  period: '2025年上半年',
  generatedAt: '2026-01-05T08:00:00.000Z',
};

const beds = (over: Partial<Target> = {}) =>
  handTarget('t-beds', { value: 60, unit: '个', offset: 10, quote: '到2025年，新建达标卫生院60个', ...over });

const grid = (cat: Catalogue, over: Partial<PlanOptions> = {}) =>
  planGrid(planWorkbook(cat, { ...OPTIONS, ...over }));

const typed: Entry = { ...emptyEntry('t-beds'), actual: 45, progress: '已开工' };

describe('变更提示 after an upgrade', () => {
  it('names a changed quote, target value and unit, keeping what was typed', () => {
    const old = grid(handCatalogue([beds()]), { entries: [typed] });
    const next = handCatalogue([beds({ quote: '到2025年，新建达标卫生院80家', value: 80, unit: '家' })]);
    const up = upgradeWorkbook(old, 'old.xlsx', next);
    expect(up.changed).toEqual([
      {
        targetId: 't-beds',
        note: '指标内容已修改，原为：到2025年，新建达标卫生院60个；目标值由 ≥60个 改为 ≥80家；单位由 个 改为 家，请核对已填数值。请核对已填内容',
      },
    ]);
    expect(up.changeNotes).toEqual({ 't-beds': up.changed[0].note });
    expect(up.entries).toEqual([typed]);
    expect(up.kept).toBe(1);
    expect(up.removed).toEqual([]);
  });

  it('writes （无） for a unit that appears or disappears, and nothing when nothing changed', () => {
    const dropped = upgradeWorkbook(
      grid(handCatalogue([beds()])),
      'a.xlsx',
      handCatalogue([beds({ unit: null })]),
    );
    expect(dropped.changed.map((c) => c.note)).toEqual([
      '目标值由 ≥60个 改为 ≥60；单位由 个 改为 （无），请核对已填数值。请核对已填内容',
    ]);
    const added = upgradeWorkbook(
      grid(handCatalogue([beds({ unit: null })])),
      'b.xlsx',
      handCatalogue([beds()]),
    );
    expect(added.changed.map((c) => c.note)).toEqual([
      '目标值由 ≥60 改为 ≥60个；单位由 （无） 改为 个，请核对已填数值。请核对已填内容',
    ]);
    const same = upgradeWorkbook(grid(handCatalogue([beds()])), 'c.xlsx', handCatalogue([beds()]));
    expect([same.changed, same.changeNotes, same.kept]).toEqual([[], {}, 1]);
  });
});

describe('a row whose id changed', () => {
  it('goes to the new id of the same quote under the same heading, and the note says so', () => {
    const old = grid(handCatalogue([beds({ id: 'd1/一/t-old' })]), {
      entries: [{ ...typed, targetId: 'd1/一/t-old' }],
    });
    const up = upgradeWorkbook(old, 'old.xlsx', handCatalogue([beds({ id: 'd1/一/t-new' })]));
    expect(up.entries).toEqual([{ ...typed, targetId: 'd1/一/t-new' }]);
    expect(up.changeNotes).toEqual({
      'd1/一/t-new': '指标编号由 d1/一/t-old 改为 d1/一/t-new（按原文相似度 100% 对应）。请核对已填内容',
    });
    expect(up.removed).toEqual([]);
  });
});

describe('已移除指标 after an upgrade', () => {
  it('a target gone from the catalogue, and one outside the office’s units, each with its reason', () => {
    const other = handTarget('t-other', { value: 5, unit: '所', offset: 20, lead: ['省财政厅'] });
    const gone = handTarget('t-gone', { value: 9, unit: '项', offset: 30, quote: '完成9项改革任务' });
    const old = grid(handCatalogue([beds(), other, gone]), {
      entries: [
        { ...emptyEntry('t-other'), actual: 3 },
        { ...emptyEntry('t-gone'), evidence: '纪要' },
      ],
    });
    const up = upgradeWorkbook(old, 'old.xlsx', handCatalogue([beds(), other]), { units: ['省卫健委'] });
    expect(up.removed.map((r) => [r.row.targetId, r.reason, r.entry.actual, r.entry.evidence])).toEqual([
      ['t-other', '新版目录中此指标不在本单位填报范围内', 3, ''],
      ['t-gone', '新版目录中已无此指标', null, '纪要'],
    ]);
    expect(up.units).toEqual(['省卫健委']);
    expect(up.entries.map((e) => e.targetId)).toEqual(['t-beds']);
  });

  it('a dropped task with typed text becomes a （任务） row; an untouched one leaves nothing', () => {
    const tasks = [
      handTask('k1', '健全制度', 1),
      handTask('k2', '强化保障', 2),
      handTask('k3', '加强宣传', 3),
    ];
    const taskEntries: TaskEntry[] = [
      { taskId: 'k1', status: '滞后', progress: '起草中', problems: '人手少', nextSteps: '加派人手' },
      { taskId: 'k2', status: null, progress: '', problems: '', nextSteps: '' },
      { taskId: 'k3', status: '已完成', progress: '已印发', problems: '', nextSteps: '' },
    ];
    const old = grid(handCatalogue([beds()], tasks), { taskEntries });
    const up = upgradeWorkbook(old, 'old.xlsx', handCatalogue([beds()], [tasks[2]]));
    expect(up.removed).toEqual([
      {
        row: {
          targetId: 'k1',
          row: 0,
          document: '',
          section: '',
          quote: '（任务）',
          targetText: '',
          unit: '',
          deadline: '',
          lead: '',
          comparator: null,
          value: null,
          valueMax: null,
        },
        entry: {
          targetId: 'k1',
          baseline: null,
          actual: null,
          asOf: null,
          status: '滞后',
          progress: '起草中',
          problems: '人手少',
          nextSteps: '加派人手',
          evidence: '',
        },
        reason: '新版目录中已无此任务',
      },
    ]);
    expect(up.taskEntries).toEqual([taskEntries[2]]);
  });

  it('a target removed earlier comes back with any one field typed for it, and stays gone otherwise', () => {
    const back = handTarget('t-back', { value: 5, unit: '所', offset: 20 });
    const fields: [keyof Entry, Entry[keyof Entry]][] = [
      ['baseline', 1],
      ['actual', 2],
      ['asOf', '2025-03-31'],
      ['status', '滞后'],
      ['progress', '推进中'],
      ['problems', '缺资金'],
      ['nextSteps', '再协调'],
      ['evidence', '纪要'],
    ];
    for (const [key, value] of fields) {
      const entry = { ...emptyEntry('t-back'), [key]: value };
      const old = grid(handCatalogue([beds()]), { removed: [removedRow(entry)] });
      const up = upgradeWorkbook(old, 'old.xlsx', handCatalogue([beds(), back]));
      expect({ [key]: up.entries.map((e) => [e.targetId, e[key]]) }).toEqual({
        [key]: [
          ['t-beds', key === 'progress' ? '' : emptyEntry('t-beds')[key]],
          ['t-back', value],
        ],
      });
      expect(up.removed).toEqual([]);
    }
    const blank = grid(handCatalogue([beds()]), { removed: [removedRow(emptyEntry('t-back'))] });
    expect(
      upgradeWorkbook(blank, 'old.xlsx', handCatalogue([beds(), back])).entries.map((e) => e.targetId),
    ).toEqual(['t-beds']);
    const still = upgradeWorkbook(blank, 'old.xlsx', handCatalogue([beds()]));
    expect(still.removed.map((r) => [r.row.targetId, r.reason])).toEqual([
      ['t-back', '新版目录中已无此指标'],
    ]);
  });
});

describe('what the new workbook carries from the old one', () => {
  it('office, period (or the one asked for), deadline, contact and phone from _meta', () => {
    const old = grid(handCatalogue([beds()]), {
      deadline: '2025-07-15',
      contact: '王五',
      phone: '0431-88886666',
      documents: ['d1'],
    });
    const up = upgradeWorkbook(old, 'old.xlsx', handCatalogue([beds()]));
    expect([up.office, up.period, up.deadline, up.contact, up.phone, up.documents, up.units]).toEqual([
      '长春市',
      '2025年上半年',
      '2025-07-15',
      '王五',
      '0431-88886666',
      ['d1'],
      [],
    ]);
    const later = upgradeWorkbook(old, 'old.xlsx', handCatalogue([beds()]), {
      period: '2025年度',
      documents: [],
    });
    expect([later.period, later.documents]).toEqual(['2025年度', []]);
    const bare = upgradeWorkbook(grid(handCatalogue([beds()])), 'b.xlsx', handCatalogue([beds()]));
    expect([bare.deadline, bare.contact, bare.phone]).toEqual([null, null, null]);
  });
});

function removedRow(entry: Entry): RemovedTarget {
  return {
    row: {
      targetId: entry.targetId,
      row: 5,
      document: '吉政发〔2023〕5号',
      section: '一、',
      quote: '到2025年，新建5所',
      targetText: '≥5所',
      unit: '所',
      deadline: '2025',
      lead: '省卫健委',
      comparator: '>=',
      value: 5,
      valueMax: null,
    },
    entry,
    reason: '新版目录中已无此指标',
  };
}
