/**
 * Two small pieces of a workbook: the 填报单位信息 block read back (found by its labels, a bad phone
 * or date warned about, described in one line), and the demo's sample figures (示例数据): marked,
 * repeatable, and as plausible as a careful office's — statuses agree with the figures.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue, Target } from '../src/core/model/catalogue.js';
import type { GridSheet, WorkbookGrid } from '../src/core/model/grid.js';
import { planWorkbook } from '../src/core/workbook/plan.js';
import { describeFiller, readFiller } from '../src/core/workbook/filler.js';
import { SAMPLE_MARK, sampleEntries, sampleTaskEntries } from '../src/core/workbook/sample.js';
import { planGrid } from './helpers/plan-grid.js';
import { seedCatalogue } from './helpers/seeds.js';

let catalogue: Catalogue;

beforeAll(() => {
  catalogue = seedCatalogue();
});

function guide(grid: WorkbookGrid): GridSheet {
  const s = grid.sheets.find((x) => x.name === '填报说明');
  if (!s) throw new Error('no 填报说明');
  return s;
}

/** Put `value` right of the cell holding `label`. */
function fill(s: GridSheet, label: string, value: string | number | null): void {
  for (const row of s.rows) {
    const c = row.indexOf(label);
    if (c >= 0) {
      row[c + 1] = value;
      return;
    }
  }
  throw new Error(`no label ${label}`);
}

describe('the 填报单位信息 block', () => {
  const grid = () =>
    planGrid(
      planWorkbook(catalogue, { office: '长春市', period: '2025年度', generatedAt: '2026-01-05T08:00:00Z' }),
    );

  it('reads each field right of its label, the date from an Excel serial', () => {
    const g = grid();
    const s = guide(g);
    fill(s, '填表人', ' 张三 ');
    fill(s, '联系电话', '(0431)8888888-801');
    fill(s, '审核人', '李四');
    fill(s, '单位负责人', '王五');
    fill(s, '报出日期', 46032);
    expect(readFiller(g)).toEqual({
      filler: {
        filler: '张三',
        phone: '(0431)8888888-801',
        reviewer: '李四',
        head: '王五',
        reportDate: '2026-01-10',
      },
      problems: [],
    });
  });

  it('warns about a phone that is no number and a date that is no date, naming the cell', () => {
    const g = grid();
    const s = guide(g);
    fill(s, '联系电话', '找办公室');
    fill(s, '报出日期', '下周');
    const { filler, problems } = readFiller(g);
    expect(filler).toMatchObject({ phone: '找办公室', reportDate: null });
    expect(problems.map((p) => [p.severity, p.code, p.sheet, p.cell])).toEqual([
      ['warning', 'bad-filler-info', '填报说明', 'D9'],
      ['warning', 'bad-filler-info', '填报说明', 'B11'],
    ]);
    expect(problems[0].message).toBe('填报说明!D9：联系电话“找办公室”不像电话号码（如 0431-88888888）');
    expect(problems[1].message).toBe('填报说明!B11：报出日期“下周”不是日期（请写成 2025-06-30 的形式）');
    fill(s, '联系电话', '+86 13912345678');
    fill(s, '报出日期', null);
    expect(readFiller(g).problems).toEqual([]);
  });

  it('reads a field left blank as empty, and does not judge a blank phone', () => {
    const g = grid();
    fill(guide(g), '填表人', '张三');
    expect(readFiller(g)).toEqual({
      filler: { filler: '张三', phone: '', reviewer: '', head: '', reportDate: null },
      problems: [],
    });
  });

  it('has none in a workbook made before the block, or without a 填报说明 sheet', () => {
    const g = grid();
    const s = guide(g);
    for (const row of s.rows) for (let c = 0; c < row.length; c++) if (row[c] === '填表人') row[c] = '旧';
    for (const label of ['联系电话', '审核人', '单位负责人', '报出日期'])
      for (const row of s.rows) for (let c = 0; c < row.length; c++) if (row[c] === label) row[c] = null;
    expect(readFiller(g)).toEqual({ filler: undefined, problems: [] });
    expect(readFiller({ sheets: [] })).toEqual({ filler: undefined, problems: [] });
  });

  it('is described in one line, or said to be unfilled', () => {
    const f = {
      filler: '张三',
      phone: '0431-88888888',
      reviewer: '李四',
      head: '王五',
      reportDate: '2026-01-10',
    };
    expect(describeFiller(f)).toBe(
      '填表人 张三（0431-88888888），审核人 李四，单位负责人 王五，报出日期 2026-01-10',
    );
    expect(describeFiller({ ...f, filler: '' })).toBe(
      '联系电话 0431-88888888，审核人 李四，单位负责人 王五，报出日期 2026-01-10',
    );
    expect(describeFiller({ ...f, phone: '', reviewer: '', head: '', reportDate: null })).toBe('填表人 张三');
    expect(describeFiller({ filler: '', phone: '', reviewer: '', head: '', reportDate: null })).toBe(
      '填报单位信息未填写',
    );
    expect(describeFiller(undefined)).toBe('');
  });
});

/** Whether a figure meets a target, written out per comparator. */
function meets(actual: number, t: Target): boolean {
  const v = t.value ?? 0;
  switch (t.comparator) {
    case '<=':
      return actual <= v;
    case '<':
      return actual < v;
    case '>':
      return actual > v;
    case 'range':
      return actual >= v && (t.valueMax === null || actual <= t.valueMax);
    case '≈':
      return actual >= v * 0.95;
    default:
      return actual >= v;
  }
}

describe('sample figures (示例数据)', () => {
  it('are the same for the same seed, office and period, and differ otherwise', () => {
    const a = sampleEntries(catalogue, '长春市', '2025年度', 1);
    expect(sampleEntries(catalogue, '长春市', '2025年度', 1)).toEqual(a);
    expect(sampleEntries(catalogue, '长春市', '2025年度', 2)).not.toEqual(a);
    expect(sampleEntries(catalogue, '吉林市', '2025年度', 1)).not.toEqual(a);
    expect(sampleTaskEntries(catalogue, '长春市', '2025年度', 1)).toEqual(
      sampleTaskEntries(catalogue, '长春市', '2025年度', 1),
    );
  });

  it('mark every text as sample data and agree with their figures', () => {
    const byId = new Map(catalogue.targets.map((t) => [t.id, t]));
    const seen = new Set<string | null>();
    for (const seed of [1, 2, 3]) {
      for (const e of sampleEntries(catalogue, '长春市', '2025年上半年', seed)) {
        const t = byId.get(e.targetId);
        if (!t) throw new Error('unknown target');
        seen.add(e.status);
        for (const text of [e.progress, e.problems, e.nextSteps, e.evidence])
          if (text) expect(text.startsWith(SAMPLE_MARK)).toBe(true);
        if (e.status === null) {
          expect(e).toMatchObject({ actual: null, baseline: null, asOf: null, progress: '' });
          continue;
        }
        expect(e.asOf).toBe('2025-06-30');
        const numeric = t.comparator !== 'milestone' && t.value !== null;
        if (!numeric) expect([e.baseline, e.actual]).toEqual([null, null]);
        if (e.status === '未启动') expect(e.actual).toBeNull();
        if (e.status === '滞后') expect(e.problems).not.toBe('');
        else expect(e.problems).toBe('');
        expect(e.nextSteps !== '').toBe(e.status === '滞后' || e.status === '序时推进');
        expect(e.evidence !== '').toBe(e.status === '已完成');
        if (numeric && e.actual !== null) {
          if (e.status === '已完成') expect({ [t.id]: meets(e.actual, t) }).toEqual({ [t.id]: true });
          if (e.status === '滞后') expect({ [t.id]: meets(e.actual, t) }).toEqual({ [t.id]: false });
          if (t.unit === '%') expect(e.actual).toBeLessThanOrEqual(100);
          // at most two decimals, as a statistician reports
          expect(Math.abs(e.actual * 100 - Math.round(e.actual * 100))).toBeLessThan(1e-6);
          expect(e.progress).toContain(`截至期末完成 ${e.actual}${t.unit ?? ''}`);
        }
        if (numeric && e.baseline !== null && t.comparator === '>=' && t.unit !== '%') {
          // a baseline between half and four fifths of the target, rounded to three digits
          expect(e.baseline).toBeGreaterThanOrEqual((t.value ?? 0) * 0.49);
          expect(e.baseline).toBeLessThanOrEqual((t.value ?? 0) * 0.81);
        }
      }
    }
    expect([...seen].sort()).toEqual([null, '已完成', '序时推进', '未启动', '滞后'].sort());
  });

  it('give tasks marked texts, 下一步措施 unless done, 存在问题 only when behind', () => {
    const tasks = sampleTaskEntries(catalogue, '长春市', '2025年度', 1);
    expect(tasks.map((t) => t.taskId)).toEqual(
      catalogue.tasks.map((t) => t.id).filter((id) => tasks.some((x) => x.taskId === id)),
    );
    for (const t of tasks) {
      if (t.status === null) {
        expect(t).toEqual({ taskId: t.taskId, status: null, progress: '', problems: '', nextSteps: '' });
        continue;
      }
      expect(t.progress.startsWith(`${SAMPLE_MARK}长春市按照“`)).toBe(true);
      expect(
        t.progress.endsWith(t.status === '未启动' ? '要求正在谋划相关工作。' : '要求组织推进相关工作。'),
      ).toBe(true);
      expect(t.problems !== '').toBe(t.status === '滞后');
      expect(t.nextSteps !== '').toBe(t.status !== '已完成');
    }
  });
});
