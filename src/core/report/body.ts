/**
 * What the body of a report names: its fields (the policies, or one policy's top-level headings), the
 * notable targets of each (stand-outs and laggards), the offices behind, the data gaps and the causes
 * the offices gave, grouped. Only selection and grouping happen here: every figure (完成率, status)
 * comes from the model, which takes it from src/core/progress.
 */
import type { ReportModel, TargetLine } from './model.js';
import { policyName, unwrapBookTitle } from './model.js';

/** A report body names at most this many fields (more are merged into 其他); 3–5 paragraphs read well. */
export const MAX_FIELDS = 5;
/** A field with fewer targets than this is read with 其他. */
export const MIN_FIELD = 3;
/** Notable targets named per field, and in the opening count. */
export const NOTABLE_PER_FIELD = 2;

export interface FieldSummary {
  name: string;
  /** One line per target (consolidated for several offices). */
  targets: TargetLine[];
  done: number;
  /** At or ahead of 序时进度, 已完成 included. */
  ahead: number;
  /** Behind 序时进度 or not started. */
  behind: number;
  noData: number;
  standouts: TargetLine[];
  laggards: TargetLine[];
  /** Offices with lines behind in this field, most first (several offices only). */
  laggingOffices: { office: string; count: number }[];
}

export interface CauseGroup {
  /** What the cause is about, e.g. "资金保障". */
  cause: string;
  offices: string[];
  /** One office's own words. */
  example: string;
}

export interface ReportBody {
  fields: FieldSummary[];
  /** The best few targets of the whole report. */
  standouts: TargetLine[];
  /** Lines behind (each office × target), and the fields they fall in, most first. */
  behindLines: number;
  laggingFields: FieldSummary[];
  /** Lines without data, by office (null office for a single report). */
  unfilled: { office: string | null; lines: TargetLine[] }[];
  unfilledLines: number;
  causes: CauseGroup[];
}

const isAhead = (l: TargetLine) => l.judged === '已完成' || l.judged === '达到序时进度';
const isBehind = (l: TargetLine) => l.judged === '未达到序时进度' || l.judged === '未启动';

/** "吉林省人民政府关于促进健康服务业发展的实施意见" → "促进健康服务业发展": the field a policy covers. */
export function fieldOfPolicy(title: string): string {
  const field = policyName(title)
    .replace(/[（(][^（）()]*\d{4}[^（）()]*[）)]$/, '')
    .replace(/^.*?关于(印发)?/, '')
    .replace(/^[\u4e00-\u9fa5]{1,6}?[省市州县](?=[\u4e00-\u9fa5]{4})/, '')
    .replace(
      /(的)?(实施意见|指导意见|若干意见|意见|实施方案|工作方案|行动方案|方案|若干措施|措施|规划|通知|办法)$/,
      '',
    )
    .trim();
  return unwrapBookTitle(field);
}

function fieldOf(l: TargetLine, multiDoc: boolean): string {
  // Never empty: a field's name is a heading of the report (a row without a 文件 reads as 其他).
  if (multiDoc) return fieldOfPolicy(l.document) || l.document || '其他';
  return l.section[0] || '其他';
}

function byRate(a: TargetLine, b: TargetLine): number {
  return (a.rate ?? Number.POSITIVE_INFINITY) - (b.rate ?? Number.POSITIVE_INFINITY);
}

function summarise(name: string, targets: TargetLine[], lines: TargetLine[]): FieldSummary {
  const ids = new Set(targets.map((t) => t.targetId));
  const counts = new Map<string, number>();
  for (const l of lines)
    if (l.office && ids.has(l.targetId) && isBehind(l)) counts.set(l.office, (counts.get(l.office) ?? 0) + 1);
  const standouts = targets
    .filter((t) => isAhead(t) && t.rate !== null && !t.held)
    .sort((a, b) => byRate(b, a))
    .slice(0, NOTABLE_PER_FIELD);
  return {
    name,
    targets,
    done: targets.filter((t) => t.judged === '已完成').length,
    ahead: targets.filter(isAhead).length,
    behind: targets.filter(isBehind).length,
    noData: targets.filter((t) => t.judged === '无数据').length,
    standouts,
    laggards: targets.filter(isBehind).sort(byRate).slice(0, NOTABLE_PER_FIELD),
    laggingOffices: [...counts]
      .map(([office, count]) => ({ office, count }))
      .sort((a, b) => b.count - a.count),
  };
}

/** Keywords that sort an office's 存在问题 text under a cause (first match wins). */
const CAUSES: [string, RegExp][] = [
  ['资金保障不足', /资金|经费|财政|投入|预算/],
  ['项目审批和建设进度偏慢', /审批|立项|用地|手续|工期|项目/],
  ['部门协同和推进机制不够顺畅', /协同|协调|配合|机制|联动/],
  ['人才和服务能力不足', /人才|人员|队伍|能力|技术/],
  ['统计口径和数据来源不一', /统计|口径|数据|监测/],
];

function causesOf(model: ReportModel): CauseGroup[] {
  const groups = new Map<string, CauseGroup>();
  for (const p of model.problems) {
    const text = p.text.replace(/【[^】]*】/g, '').trim();
    const hit = CAUSES.find(([, re]) => re.test(text));
    const cause = hit ? hit[0] : '其他困难';
    let g = groups.get(cause);
    if (!g) {
      g = { cause, offices: [], example: text.replace(/[。；;，,\s]+$/, '') };
      groups.set(cause, g);
    }
    if (p.office && !g.offices.includes(p.office)) g.offices.push(p.office);
  }
  const order = [...CAUSES.map(([c]) => c), '其他困难'];
  return [...groups.values()].sort((a, b) => order.indexOf(a.cause) - order.indexOf(b.cause));
}

/** The fields, notable targets, gaps and causes a report's body names. */
export function summariseBody(model: ReportModel): ReportBody {
  const multiDoc = new Set(model.targets.map((t) => t.document)).size > 1;
  const grouped = new Map<string, TargetLine[]>();
  for (const t of model.targets) {
    const f = fieldOf(t, multiDoc);
    grouped.set(f, [...(grouped.get(f) ?? []), t]);
  }
  // The largest fields keep their name; the rest are read together as 其他.
  const named = [...grouped].sort((a, b) => b[1].length - a[1].length);
  const big = named.filter(([, ts]) => ts.length >= MIN_FIELD);
  const kept = big.slice(0, MAX_FIELDS - (named.length > big.length || big.length > MAX_FIELDS ? 1 : 0));
  const rest = named.slice(kept.length).flatMap(([, ts]) => ts);
  const fields = kept.map(([name, ts]) => summarise(name, ts, model.lines));
  if (rest.length) fields.push(summarise('其他', rest, model.lines));

  const unfilled = new Map<string | null, TargetLine[]>();
  for (const l of model.lines)
    if (l.judged === '无数据') unfilled.set(l.office, [...(unfilled.get(l.office) ?? []), l]);

  return {
    fields,
    standouts: model.targets
      .filter((t) => isAhead(t) && t.rate !== null && !t.held)
      .sort((a, b) => byRate(b, a))
      .slice(0, 3),
    behindLines: model.lines.filter(isBehind).length,
    laggingFields: fields
      .filter((f) => f.behind > 0 && f.name !== '其他')
      .sort((a, b) => b.behind - a.behind),
    unfilled: [...unfilled].map(([office, lines]) => ({ office, lines })),
    unfilledLines: model.lines.filter((l) => l.judged === '无数据').length,
    causes: causesOf(model),
  };
}
