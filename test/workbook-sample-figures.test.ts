/**
 * The sample figures (示例数据) the demo and later stages use, on the seeds' catalogue: each status
 * gets figures in its own band of the target (a 已完成 figure meets it, 滞后 lies well short of it),
 * baselines on the far side, percentages capped at 100, milestones without figures, and texts that
 * always carry 【示例数据】 and say only what the status allows. The bands are written here from the
 * generator's description, checked without the project's own target arithmetic.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue, Target } from '../src/core/model/catalogue.js';
import type { Entry } from '../src/core/model/submission.js';
import { sampleEntries, sampleTaskEntries, SAMPLE_MARK } from '../src/core/workbook/sample.js';
import { seedCatalogue } from './helpers/seeds.js';

const PERIOD = '2025年1-9月';
let cat: Catalogue;
let byId: Map<string, Target>;

beforeAll(() => {
  cat = seedCatalogue();
  byId = new Map(cat.targets.map((t) => [t.id, t]));
});

/**
 * Every office's sample over the whole catalogue, three seeds: a few thousand entries. Made inside
 * each test (not in a hook): a mutation run sees only what the tests themselves call.
 */
function sampleAll(): { t: Target; e: Entry; office: string }[] {
  const all: { t: Target; e: Entry; office: string }[] = [];
  for (const office of ['长春市', '吉林市', '四平市'])
    for (const seed of [1, 2, 3])
      for (const e of sampleEntries(cat, office, PERIOD, seed))
        all.push({ t: byId.get(e.targetId)!, e, office });
  return all;
}

/** Within [lo, hi] of the target value, allowing the 3-significant-digit rounding. */
function within(x: number, lo: number, hi: number): boolean {
  const slack = Math.max(Math.abs(lo), Math.abs(hi)) * 0.006 + 0.006;
  return x >= lo - slack && x <= hi + slack;
}

const figured = (t: Target) => t.comparator !== 'milestone' && t.value !== null;
const lower = (t: Target) => t.comparator === '<=' || t.comparator === '<';
const cap = (t: Target, x: number) => (t.unit === '%' ? Math.min(x, 100) : x);

describe('sample figures by status', () => {
  it('covers every status, blanks, and the comparators the seeds hold', () => {
    const all = sampleAll();
    const statuses = new Set(all.map((x) => x.e.status));
    expect([...statuses].sort()).toEqual([null, '已完成', '序时推进', '未启动', '滞后'].sort());
    const kinds = new Set(all.filter((x) => x.e.status === '已完成').map((x) => x.t.comparator));
    expect(kinds.has('>=')).toBe(true);
    expect(kinds.has('range') || kinds.has('<=')).toBe(true);
  });

  it('a blank entry has nothing typed', () => {
    const all = sampleAll();
    for (const { e } of all.filter((x) => x.e.status === null))
      expect(e).toEqual({
        targetId: e.targetId,
        baseline: null,
        actual: null,
        asOf: null,
        status: null,
        progress: '',
        problems: '',
        nextSteps: '',
        evidence: '',
      });
  });

  it('milestones and targets without a value get no figures', () => {
    const all = sampleAll();
    const none = all.filter((x) => x.e.status !== null && !figured(x.t));
    expect(none.length).toBeGreaterThan(0);
    for (const { e } of none) expect([e.baseline, e.actual]).toEqual([null, null]);
  });

  it('已完成 meets the target: at or above a floor, at or below a ceiling, inside a range', () => {
    const all = sampleAll();
    const done = all.filter((x) => x.e.status === '已完成' && figured(x.t));
    expect(done.length).toBeGreaterThan(20);
    for (const { t, e } of done) {
      const v = t.value!;
      const a = e.actual!;
      if (t.comparator === 'range' && t.valueMax !== null)
        expect(a >= v && a <= t.valueMax, `${t.id} ${a}`).toBe(true);
      else if (lower(t)) expect(within(a, v * 0.8, v * 0.98) && a <= v, `${t.id} ${a} ≤ ${v}`).toBe(true);
      else if (t.unit === '%' && v >= 100) expect(a).toBe(100);
      else expect(within(a, v, cap(t, v * 1.15)) && a >= v, `${t.id} ${a} ≥ ${v}`).toBe(true);
    }
  });

  it('序时推进 is short of the target by a little, 滞后 by a lot', () => {
    const all = sampleAll();
    for (const { t, e } of all.filter((x) => figured(x.t) && x.t.comparator !== 'range')) {
      const v = t.value!;
      const a = e.actual;
      if (e.status === '序时推进')
        expect(
          lower(t) ? within(a!, v * 1.02, v * 1.12) : within(a!, cap(t, v * 0.7), cap(t, v * 0.95)),
          `${t.id} ${a}`,
        ).toBe(true);
      if (e.status === '滞后')
        expect(
          lower(t) ? within(a!, v * 1.15, v * 1.35) : within(a!, cap(t, v * 0.3), cap(t, v * 0.6)),
          `${t.id} ${a}`,
        ).toBe(true);
      if (e.status === '未启动') expect(a).toBeNull();
    }
  });

  it('a baseline lies on the far side of the target, and a percentage never passes 100', () => {
    const all = sampleAll();
    const withBase = all.filter((x) => x.e.status !== null && figured(x.t));
    for (const { t, e } of withBase) {
      const v = t.value!;
      const b = e.baseline!;
      expect(
        lower(t) ? within(b, cap(t, v * 1.2), cap(t, v * 1.5)) : within(b, cap(t, v * 0.5), cap(t, v * 0.8)),
        `${t.id} ${b}`,
      ).toBe(true);
      if (t.unit === '%') {
        expect(b).toBeLessThanOrEqual(100);
        if (e.actual !== null) expect(e.actual).toBeLessThanOrEqual(100);
      }
    }
  });

  it('figures are rounded like a statistician reports them: no decimals from 100, one from 10, two below', () => {
    const all = sampleAll();
    const near = (x: number) => Math.abs(x - Math.round(x)) < 1e-9;
    for (const { e } of all)
      for (const x of [e.baseline, e.actual]) {
        if (x === null) continue;
        const a = Math.abs(x);
        expect(near(a >= 100 ? a : a >= 10 ? a * 10 : a * 100), String(x)).toBe(true);
      }
    // and some do carry decimals
    expect(all.some(({ e }) => e.actual !== null && !Number.isInteger(e.actual))).toBe(true);
  });
});

describe('sample texts', () => {
  it('say what the status allows, each marked 【示例数据】, dated at the period end', () => {
    const all = sampleAll();
    for (const { t, e, office } of all.filter((x) => x.e.status !== null)) {
      const what = t.indicator || t.quote.slice(0, 30);
      expect(e.asOf).toBe('2025-09-30');
      if (e.status === '未启动')
        expect(e.progress).toBe(`${SAMPLE_MARK}${office}尚未启动“${what}”相关工作，正在研究制定工作方案。`);
      else {
        const figure = e.actual !== null ? `，截至期末完成 ${e.actual}${t.unit ?? ''}` : '';
        expect(e.progress).toBe(`${SAMPLE_MARK}${office}围绕“${what}”推进相关工作${figure}。`);
      }
      expect(e.problems).toBe(
        e.status === '滞后' ? `${SAMPLE_MARK}受资金到位和项目审批进度影响，进展慢于序时要求。` : '',
      );
      expect(e.nextSteps).toBe(
        e.status === '滞后' || e.status === '序时推进'
          ? `${SAMPLE_MARK}建立月调度机制，加快项目实施，确保按期完成。`
          : '',
      );
      expect(e.evidence).toBe(e.status === '已完成' ? `${SAMPLE_MARK}统计年报、工作总结` : '');
    }
  });

  it('a period that cannot be read leaves 截至日期 empty', () => {
    const e = sampleEntries(cat, '长春市', '某个时期', 1).find((x) => x.status !== null)!;
    expect(e.asOf).toBeNull();
  });

  it('tasks get a status and texts that fit it', () => {
    const tasks = sampleTaskEntries(cat, '长春市', PERIOD, 4);
    expect(tasks.length).toBe(cat.tasks.length);
    expect(new Set(tasks.map((t) => t.status)).size).toBeGreaterThanOrEqual(4);
    const titles = new Map(cat.tasks.map((t) => [t.id, t.title || t.text.slice(0, 20)]));
    for (const t of tasks) {
      if (t.status === null) {
        expect(t).toEqual({ taskId: t.taskId, status: null, progress: '', problems: '', nextSteps: '' });
        continue;
      }
      const doing = t.status === '未启动' ? '正在谋划' : '组织推进';
      expect(t.progress).toBe(`${SAMPLE_MARK}长春市按照“${titles.get(t.taskId)}”要求${doing}相关工作。`);
      expect(t.problems).toBe(
        t.status === '滞后' ? `${SAMPLE_MARK}部门协同不够顺畅，部分工作进度滞后。` : '',
      );
      expect(t.nextSteps).toBe(t.status === '已完成' ? '' : `${SAMPLE_MARK}加强统筹调度，按时间节点推进。`);
    }
  });

  it('the same seed gives the same sample; another seed, office or period another', () => {
    const a = sampleEntries(cat, '长春市', PERIOD, 5);
    expect(sampleEntries(cat, '长春市', PERIOD, 5)).toEqual(a);
    expect(sampleEntries(cat, '长春市', PERIOD, '5')).toEqual(a);
    const statuses = (es: Entry[]) => es.map((e) => e.status).join();
    expect(statuses(sampleEntries(cat, '长春市', PERIOD, 6))).not.toBe(statuses(a));
    expect(statuses(sampleEntries(cat, '吉林市', PERIOD, 5))).not.toBe(statuses(a));
    expect(statuses(sampleEntries(cat, '长春市', '2025年度', 5))).not.toBe(statuses(a));
    expect(sampleTaskEntries(cat, '长春市', PERIOD, 5)).toEqual(sampleTaskEntries(cat, '长春市', PERIOD, 5));
  });
});
