/**
 * The consolidated report's attachment tables: 完成率 by indicator and office (a matrix, laggards in
 * bold, no colour), and the list of indicators behind with the offices' own reasons. Figures come from
 * the model's lines (src/core/progress); this module only lays them out as rows.
 */
import { percentText, type TableData, type TargetLine } from './model.js';

/** "延边朝鲜族自治州" → "延边", "长春市" → "长春": office names short enough for a column header. */
export function shortOffice(name: string): string {
  const t = name.replace(/(朝鲜族自治州|自治州|自治县|人民政府|管委会|管理委员会|市|州|县|区|盟)$/, '');
  return t.length >= 2 ? t : name;
}

const isBehind = (l: TargetLine) => l.judged === '未达到序时进度' || l.judged === '未启动';

function rateText(l: TargetLine | undefined): string {
  if (!l || l.judged === '无数据') return '—';
  if (l.rate !== null) return percentText(l.rate);
  // No 完成率: not started is nothing done; a milestone or ceiling has no ratio at all.
  return l.judged === '未启动' ? '0.0' : '/';
}

/** Up to this many offices get a column each in the matrix (more do not fit the 版心 upright). */
export const MATRIX_MAX_OFFICES = 12;

/** For many offices: per indicator, how many offices have data, are on schedule, are behind. */
function officeCountTable(targets: TargetLine[], lines: TargetLine[], missing: string[]): TableData {
  const per = new Map<string, { data: number; ahead: number; behind: number }>();
  for (const l of lines) {
    const c = per.get(l.targetId) ?? { data: 0, ahead: 0, behind: 0 };
    if (l.judged !== '无数据') c.data++;
    if (l.judged === '已完成' || l.judged === '达到序时进度') c.ahead++;
    if (isBehind(l)) c.behind++;
    per.set(l.targetId, c);
  }
  return {
    title: '各单位指标完成情况表',
    footnote: missing.length ? `注：${missing.join('、')}未报送，未列入。` : undefined,
    columns: [
      { header: '序号', weight: 0, min: 2, max: 2, align: 'center' },
      { header: '指标', weight: 3, min: 10, max: 24, align: 'left' },
      { header: '目标', weight: 1, min: 4, max: 6, align: 'left' },
      { header: '有数据单位数', weight: 0, min: 3, max: 3, align: 'right' },
      { header: '达到序时进度单位数', weight: 0, min: 4, max: 4, align: 'right' },
      { header: '滞后单位数', weight: 0, min: 3, max: 3, align: 'right' },
      { header: '总体完成率（%）', weight: 0, min: 4, max: 4, align: 'right' },
    ],
    rows: targets.map((t, i) => {
      const c = per.get(t.targetId) ?? { data: 0, ahead: 0, behind: 0 };
      return [
        String(i + 1),
        t.indicator,
        t.targetText || '—',
        String(c.data),
        String(c.ahead),
        String(c.behind),
        rateText(t),
      ];
    }),
  };
}

/**
 * 附件1 of a consolidated report: one row per indicator, one column of 完成率 per office (for more
 * offices than fit, counts of offices per indicator instead).
 */
export function completionMatrix(
  targets: TargetLine[],
  lines: TargetLine[],
  offices: string[],
  missing: string[],
): TableData {
  if (offices.length > MATRIX_MAX_OFFICES) return officeCountTable(targets, lines, missing);
  const byOffice = new Map<string, Map<string, TargetLine>>();
  for (const l of lines) {
    if (!l.office) continue;
    const m = byOffice.get(l.office) ?? new Map<string, TargetLine>();
    m.set(l.targetId, l);
    byOffice.set(l.office, m);
  }
  const rows = targets.map((t, i) => [
    String(i + 1),
    t.indicator,
    t.targetText || '—',
    ...offices.map((o) => rateText(byOffice.get(o)?.get(t.targetId))),
  ]);
  const emphasis = targets.map((t) => [
    false,
    false,
    false,
    ...offices.map((o) => {
      const l = byOffice.get(o)?.get(t.targetId);
      return l !== undefined && isBehind(l);
    }),
  ]);
  const notes = ['加粗为未达到序时进度或未启动', '“—”为未填报', '“/”为节点性或上限类指标（不计算完成率）'];
  if (missing.length) notes.push(`${missing.join('、')}未报送，未列入`);
  return {
    title: '各单位指标完成率表',
    note: '单位：%',
    footnote: `注：${notes.join('；')}。`,
    columns: [
      { header: '序号', weight: 0, min: 2, max: 2, align: 'center' },
      { header: '指标', weight: 3, min: 10, max: 20, align: 'left' },
      { header: '目标', weight: 1, min: 4, max: 6, align: 'left' },
      ...offices.map((o) => ({
        header: shortOffice(o),
        weight: 0,
        min: 2.8,
        max: 2.8,
        align: 'right' as const,
      })),
    ],
    rows,
    emphasis,
  };
}

/** "长春、吉林、四平等5个": a few offices by name, the rest counted. */
function officeList(names: string[]): string {
  if (!names.length) return '—';
  return names.length > 3 ? `${names.slice(0, 3).join('、')}等${names.length}个` : names.join('、');
}

/** The offices' own reasons for one indicator, each said once, with the offices that gave it. */
function reasonsOf(behind: TargetLine[]): string {
  const byText = new Map<string, string[]>();
  for (const l of behind) {
    const text = l.problems
      .replace(/【[^】]*】/g, '')
      .trim()
      .replace(/[。；;，,\s]+$/, '');
    if (!text) continue;
    byText.set(text, [...(byText.get(text) ?? []), shortOffice(l.office ?? '')]);
  }
  return [...byText]
    .slice(0, 2)
    .map(([text, who]) => `${officeList(who)}：${text}`)
    .join('；');
}

/** 滞后指标清单: the indicators behind 序时进度 as a whole, the offices behind and their reasons. */
export function laggardList(targets: TargetLine[], lines: TargetLine[]): TableData {
  const behindTargets = targets.filter(isBehind);
  const rows = behindTargets.map((t, i) => {
    const behind = lines.filter((l) => l.targetId === t.targetId && isBehind(l));
    return [
      String(i + 1),
      t.indicator,
      officeList(behind.map((l) => shortOffice(l.office ?? ''))),
      reasonsOf(behind) || '—',
    ];
  });
  return {
    title: '滞后指标清单',
    columns: [
      { header: '序号', weight: 0, min: 2, max: 2, align: 'center' },
      { header: '指标', weight: 2, min: 8, max: 14, align: 'left' },
      { header: '滞后单位', weight: 1, min: 6, max: 8, align: 'left' },
      { header: '主要原因（单位反映）', weight: 4, min: 12, max: 60, align: 'left' },
    ],
    rows,
  };
}
