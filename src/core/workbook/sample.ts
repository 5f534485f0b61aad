/**
 * Deterministic sample figures (示例数据) for the demo and for tests of later stages: a plausible mix
 * of 已完成 / 序时推进 / 滞后 / 未启动 and some blanks per office. Every text says 【示例数据】 so a
 * sample can never pass for a real report.
 */
import type { Catalogue, Target } from '../model/catalogue.js';
import { emptyEntry, type Entry, type ProgressStatus, type TaskEntry } from '../model/submission.js';
import { selectForOffice } from './build-plan.js';
import { meetsTarget } from './target-math.js';
import { parsePeriod } from './period.js';

export const SAMPLE_MARK = '【示例数据】';

/** A small seeded PRNG (xorshift-multiply); the same seed always gives the same figures. */
function rng(seed: string): () => number {
  let h = 0x9e3779b9;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x85ebca6b) ^ (h >>> 13);
  return () => {
    h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
    h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
    h ^= h >>> 16;
    return (h >>> 0) / 0x100000000;
  };
}

function pickStatus(r: number): ProgressStatus | null {
  if (r < 0.12) return null;
  if (r < 0.42) return '已完成';
  if (r < 0.77) return '序时推进';
  if (r < 0.93) return '滞后';
  return '未启动';
}

/**
 * Round like an office would type it: 3 significant digits below 100 (7.46, 0.352), whole units from
 * 100 up (43721 人, not 43700: a counted total is typed as counted, and figures rounded to 3 digits
 * would all look made up), never more than 2 decimals.
 */
function tidy(x: number): number {
  if (x === 0) return 0;
  const digits = Math.max(0, Math.min(2, 2 - Math.floor(Math.log10(Math.abs(x)))));
  return Number(x.toFixed(digits));
}

function figures(
  t: Target,
  status: ProgressStatus,
  r: () => number,
): { baseline: number | null; actual: number | null } {
  if (t.comparator === 'milestone' || t.value === null) return { baseline: null, actual: null };
  const v = t.value;
  const lower = t.comparator === '<=' || t.comparator === '<';
  const cap = (x: number) => (t.unit === '%' ? Math.min(x, 100) : x);
  const baseline = tidy(cap(lower ? v * (1.2 + r() * 0.3) : v * (0.5 + r() * 0.3)));
  if (status === '未启动') return { baseline, actual: null };
  let actual: number;
  if (status === '已完成') {
    actual = lower
      ? v * (0.8 + r() * 0.18)
      : t.comparator === 'range' && t.valueMax !== null
        ? v + (t.valueMax - v) * r()
        : v * (1 + r() * 0.15);
  } else if (status === '序时推进') {
    actual = lower ? v * (1.02 + r() * 0.1) : v * (0.7 + r() * 0.25);
  } else {
    actual = lower ? v * (1.15 + r() * 0.2) : v * (0.3 + r() * 0.3);
  }
  actual = tidy(cap(actual));
  // Keep statuses consistent with the rounded figure, as a careful office would.
  const met = meetsTarget(actual, t.comparator, t.value, t.valueMax);
  if (status === '已完成' && met === false)
    actual = lower ? tidy(v * 0.9) : tidy(cap(t.comparator === 'range' ? v : v * 1.05));
  return { baseline, actual };
}

/** Sample entries for the targets an office's workbook lists (same selection as planWorkbook). */
export function sampleEntries(
  catalogue: Catalogue,
  office: string,
  period: string,
  seed: string | number = 1,
  filter: { documents?: string[]; units?: string[] } = {},
): Entry[] {
  const r = rng(`${seed}|${office}|${period}|targets`);
  const range = parsePeriod(period);
  const { targets } = selectForOffice(catalogue, filter);
  return targets.map((t) => {
    const status = pickStatus(r());
    if (status === null) {
      return emptyEntry(t.id);
    }
    const { baseline, actual } = figures(t, status, r);
    const what = t.indicator || t.quote.slice(0, 30);
    const lagging = status === '滞后';
    return {
      targetId: t.id,
      baseline,
      actual,
      asOf: range ? range.end : null,
      status,
      progress:
        status === '未启动'
          ? `${SAMPLE_MARK}${office}尚未启动“${what}”相关工作，正在研究制定工作方案。`
          : `${SAMPLE_MARK}${office}围绕“${what}”推进相关工作${actual !== null ? `，截至期末完成 ${actual}${t.unit ?? ''}` : ''}。`,
      problems: lagging ? `${SAMPLE_MARK}受资金到位和项目审批进度影响，进展慢于序时要求。` : '',
      nextSteps:
        lagging || status === '序时推进' ? `${SAMPLE_MARK}建立月调度机制，加快项目实施，确保按期完成。` : '',
      evidence: status === '已完成' ? `${SAMPLE_MARK}统计年报、工作总结` : '',
    };
  });
}

/** Sample entries for the tasks an office's workbook lists. */
export function sampleTaskEntries(
  catalogue: Catalogue,
  office: string,
  period: string,
  seed: string | number = 1,
  filter: { documents?: string[]; units?: string[] } = {},
): TaskEntry[] {
  const r = rng(`${seed}|${office}|${period}|tasks`);
  const { tasks } = selectForOffice(catalogue, filter);
  return tasks.map((t) => {
    const status = pickStatus(r());
    if (status === null) return { taskId: t.id, status: null, progress: '', problems: '', nextSteps: '' };
    const what = t.title || t.text.slice(0, 20);
    return {
      taskId: t.id,
      status,
      progress: `${SAMPLE_MARK}${office}按照“${what}”要求${status === '未启动' ? '正在谋划' : '组织推进'}相关工作。`,
      problems: status === '滞后' ? `${SAMPLE_MARK}部门协同不够顺畅，部分工作进度滞后。` : '',
      nextSteps: status === '已完成' ? '' : `${SAMPLE_MARK}加强统筹调度，按时间节点推进。`,
    };
  });
}
