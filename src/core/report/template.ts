/**
 * Report wording: a handlebars template (plain text in the block grammar of blocks.ts) applied to a
 * Chinese-keyed view of the ReportModel. Strict mode (an unknown field is an error, not a blank) and
 * no HTML escaping (the output is plain text that the docx builder only ever sets as run text).
 * Errors name the template file and line.
 */
import Handlebars from 'handlebars';
import { LuoshiError } from '../errors.js';
import type { Block } from './blocks.js';
import { mapData, parseBlocks, protectData } from './blocks.js';
import { checkTemplate } from './template-check.js';
import { formatChineseDate } from './config.js';
import type { NoteItem, ReportModel, TargetLine } from './model.js';
import { JUDGED_STATUSES, type ProgressTally } from '../progress/index.js';
import { formatNumber, formatPercent, policyName } from './model.js';
import { chineseNumber } from './numerals.js';
import { summariseBody, type FieldSummary } from './body.js';
import { RULE_JUDGEMENT } from '../progress/rules.js';

export interface ReportTemplate {
  /** File name, for messages (e.g. "single.hbs"). */
  name: string;
  text: string;
  /** A precompiled render function (the add-in's CSP forbids compiling); else `text` is compiled. */
  render?: (view: Record<string, unknown>) => string;
}

type View = Record<string, unknown>;

function share(n: number, total: number): string {
  return total ? `${((n / total) * 100).toFixed(1)}%` : '0.0%';
}

/** "≥5%" → "不低于5%": the target as a sentence states it. */
export function targetPhrase(l: Pick<TargetLine, 'comparator' | 'targetText'>): string {
  const t = l.targetText.trim();
  switch (l.comparator) {
    case '>=':
      return t.replace(/^(≥|>=|不低于)\s*/, '不低于');
    case '>':
      return t.replace(/^>\s*/, '高于');
    case '<=':
      return t.replace(/^(≤|<=|不高于)\s*/, '不高于');
    case '<':
      return t.replace(/^<\s*/, '低于');
    case '≈':
      // Prose writes "300亿元左右"; ≈ belongs in tables at most.
      return t.replace(/^(≈|约)\s*(.+)$/, '$2左右');
    case 'milestone':
      return t
        .replace(/^(\d{4})\s*前完成$/, '$1年前完成')
        .replace(/^(\d{4})-(\d{1,2})\s*前完成$/, (_m, y: string, m: string) => `${y}年${Number(m)}月前完成`);
    default:
      return t;
  }
}

function lineView(l: TargetLine): View {
  return {
    编号: l.targetId,
    单位: l.office ?? '',
    指标: l.indicator,
    计量单位: l.unit,
    目标值: l.targetText,
    目标表述: targetPhrase(l),
    完成值: l.actual === null ? '' : formatNumber(l.actual, l.decimals),
    完成率: l.rate === null ? '' : formatPercent(l.rate),
    进度状态: l.judged,
    自报状态: l.status ?? '未填报',
    状态不一致: l.contradiction ?? '',
    汇总方式: l.combined === 'sum' ? '合计' : l.combined === 'median' ? '中位数' : '',
    达到序时进度: l.onSchedule === true,
    牵头单位: l.lead,
    进展情况: l.progress,
    存在问题: l.problems,
    下一步措施: l.nextSteps,
    备注: l.note,
  };
}

/** Counts of the computed statuses (src/core/progress), with their shares. */
function countsView(t: ProgressTally): View {
  const view: View = { 指标数: t.total };
  for (const s of JUDGED_STATUSES) {
    view[s] = t[s];
    view[`${s}占比`] = share(t[s], t.total);
  }
  return view;
}

function notesView(items: NoteItem[]): View[] {
  return items.map((n) => ({
    单位: n.office ?? '',
    指标: n.indicator,
    内容: n.text.replace(/[。；;，,\s]+$/, ''),
  }));
}

/** The template's view of the model; every key always exists (strict mode). Documented in templates/report/README.md. */
export function templateView(model: ReportModel): View {
  const docs = model.documents.map((d) => `《${policyName(d.title)}》`);
  const edge = Math.min(3, Math.max(1, Math.floor(model.offices.length / 2)));
  const problemsByOffice = new Map<string, string[]>();
  for (const p of model.problems) {
    if (p.office === null) continue;
    const list = problemsByOffice.get(p.office) ?? [];
    // The first three problems of each office.
    if (list.length < 3) list.push(p.text.replace(/[。；;，,\s]+$/, ''));
    problemsByOffice.set(p.office, list);
  }
  return {
    标题: model.title,
    发文机关: model.issuer,
    主送机关: model.recipient,
    署名: model.signature,
    成文日期: formatChineseDate(model.date),
    文号: model.config.docNumber ?? '',
    报告期: model.period,
    截至日期: formatChineseDate(model.asOf),
    序时进度: model.timeShare === null ? '' : formatPercent(model.timeShare),
    文件: model.documents.map((d) => ({ 标题: d.title, 文号: d.docNumber ?? '' })),
    文件名称: docs.length <= 3 ? docs.join('') : `${docs.slice(0, 2).join('')}等${docs.length}个文件`,
    多单位: model.kind === 'multi',
    单位数: model.offices.length,
    ...countsView(model.tally),
    总体判断: model.judgement.phrase,
    有数据指标数: model.judgement.judged,
    进度达标数: model.tally.已完成 + model.tally.达到序时进度,
    进度达标占比: model.judgement.share === null ? '' : formatPercent(model.judgement.share),
    状态不一致数: model.contradictions.length,
    待核实数: model.held.length,
    有完成率指标数: model.rated,
    平均完成率: model.averageRate === null ? '' : formatPercent(model.averageRate),
    单位: model.offices.map((o) => ({
      名称: o.office,
      名次: o.rank,
      ...countsView(o.tally),
      平均完成率: o.averageRate === null ? '' : formatPercent(o.averageRate),
      滞后指标: o.lagging.map(lineView),
      滞后指标名称: o.lagging.map((l) => l.indicator).join('、'),
      主要问题: (problemsByOffice.get(o.office) ?? []).join('；'),
    })),
    // Top and bottom never overlap: up to three each, at most half the offices.
    居前单位: model.offices
      .slice(0, edge)
      .map((o) => o.office)
      .join('、'),
    靠后单位: model.offices
      .slice(model.offices.length - edge)
      .map((o) => o.office)
      .join('、'),
    有滞后单位: model.offices.some((o) => o.lagging.length > 0),
    主要进展: model.sections.map((s) => ({
      标题: s.title,
      分组: s.groups.map((g) => ({
        标题: g.title ?? '',
        指标: g.items.map((it) => ({
          ...lineView(it.target),
          各单位: it.reports.map(lineView),
          填报单位数: it.reports.length,
          已完成单位数: it.reports.filter((r) => r.judged === '已完成').length,
          达到序时进度单位数: it.reports.filter((r) => r.onSchedule === true).length,
          滞后单位: it.reports
            .filter((r) => r.judged === '未达到序时进度')
            .map((r) => r.office ?? '')
            .join('、'),
        })),
      })),
    })),
    存在问题: notesView(model.problems),
    下一步工作: notesView(model.nextSteps),
    重点指标: model.keyTargets.map((k) => ({ 编号: k.targetId, 指标: k.indicator, 目标值: k.targetText })),
    有版记: model.config.colophon !== null,
    图表标题: model.chart.title,
    滞后指标: model.targets.filter((t) => t.judged === '未达到序时进度').map(lineView),
    ...bodyView(model),
  };
}

/** How the issuer speaks of itself: 长春市人民政府 → 我市, 吉林省发展改革委 → 我委. */
export function selfReference(issuer: string): string {
  const t = issuer.trim();
  const gov = /([省市州县区盟旗])(人民政府|政府)(办公厅|办公室)?$/.exec(t);
  if (gov) return `我${gov[1]}`;
  const organ = /(委员会|委|厅|局|办|院|中心|会)$/.exec(t);
  // 中心 speaks of itself as 我中心, 委员会 as 我委.
  if (organ) return `我${organ[1] === '委员会' ? '委' : organ[1]}`;
  const place = /([省市州县区])$/.exec(t);
  return place ? `我${place[1]}` : '我们';
}

/** Names of targets in one phrase: joined with 、 unless a name holds a 、 itself (then with ；). */
function nameList(lines: TargetLine[]): string {
  const names = lines.map((l) => l.indicator);
  return names.join(names.some((n) => n.includes('、')) ? '；' : '、');
}

function fieldView(f: FieldSummary): View {
  return {
    名称: f.name,
    指标数: f.targets.length,
    已完成: f.done,
    进度达标数: f.ahead,
    滞后数: f.behind,
    无数据: f.noData,
    突出指标: f.standouts.map(lineView),
    滞后指标: f.laggards.map(lineView),
    滞后指标名称: nameList(f.laggards),
    滞后单位: f.laggingOffices
      .slice(0, 3)
      .map((o) => o.office)
      .join('、'),
    滞后单位数: f.laggingOffices.length,
  };
}

/** The data the judging body needs (templates/report/README.md, “正文用的字段”). */
function bodyView(model: ReportModel): View {
  const body = summariseBody(model);
  const unfilledNames = body.unfilled.flatMap((u) => u.lines);
  const problems = {
    滞后: body.behindLines > 0,
    数据: body.unfilledLines > 0 || model.missingOffices.length > 0,
    原因: body.causes.length > 0,
  };
  let n = 0;
  const ordinal = (on: boolean) => (on ? `${chineseNumber(++n)}是` : '');
  return {
    自称: selfReference(model.issuer || (model.offices[0]?.office ?? '')),
    判断规则: RULE_JUDGEMENT,
    突出指标: body.standouts.map(lineView),
    领域: body.fields.map(fieldView),
    领域数: body.fields.length,
    滞后领域: body.laggingFields.slice(0, 4).map(fieldView),
    滞后项数: body.behindLines,
    未报送单位: model.missingOffices.join('、'),
    未报送单位数: model.missingOffices.length,
    未填报项数: body.unfilledLines,
    未填报: body.unfilled
      .filter((u) => u.office !== null)
      .map((u) => ({ 单位: u.office ?? '', 项数: u.lines.length })),
    未填报指标名称:
      unfilledNames.length <= 4
        ? nameList(unfilledNames)
        : `${nameList(unfilledNames.slice(0, 3))}等${unfilledNames.length}项`,
    问题原因: body.causes.map((c) => ({
      原因: c.cause,
      单位: c.offices.slice(0, 4).join('、') + (c.offices.length > 4 ? `等${c.offices.length}个单位` : ''),
      举例: c.example,
    })),
    问题序: { 滞后: ordinal(problems.滞后), 数据: ordinal(problems.数据), 原因: ordinal(problems.原因) },
  };
}

/** The helpers a template may call (checked by template-check.ts). */
export const REPORT_HELPERS = ['中文数字', '序号', '去句号'] as const;

function makeHandlebars(): typeof Handlebars {
  const hb = Handlebars.create();
  hb.registerHelper('中文数字', (n: unknown) => chineseNumber(Number(n)));
  hb.registerHelper('序号', (i: unknown) => String(Number(i) + 1));
  hb.registerHelper('去句号', (s: unknown) =>
    mapData(typeof s === 'string' ? s : '', (t) => t.replace(/[。；;，,\s]+$/, '')),
  );
  return hb;
}

const HB = makeHandlebars();
/** The handlebars instance with the report helpers; the add-in runs build-time precompiled templates on it (its CSP forbids compiling). */
export const reportHandlebars = HB;

function templateError(tpl: ReportTemplate, e: unknown): LuoshiError {
  const err = e as { message?: string; lineNumber?: number };
  const msg = String(err.message ?? e);
  const parse = msg.match(/^Parse error on line (\d+):/);
  if (parse) {
    const detail = msg.split('\n').slice(1, 3).join(' ').trim();
    return new LuoshiError(
      'template-syntax',
      `报告模板 ${tpl.name} 第 ${parse[1]} 行附近有语法错误（常见原因：{{#each}}/{{#if}} 没有对应的 {{/each}}/{{/if}}，或花括号不配对）：${detail}`,
      { file: tpl.name },
    );
  }
  // Handlebars' compiler, not its parser, finds a block closed by the wrong name ("each doesn't match if - 3:0").
  const mismatch = msg.match(/^(\S+) doesn't match (\S+) - (\d+):\d+/);
  if (mismatch) {
    return new LuoshiError(
      'template-syntax',
      `报告模板 ${tpl.name} 第 ${mismatch[3]} 行附近有语法错误：{{#${mismatch[1]}}} 与 {{/${mismatch[2]}}} 不配对`,
      { file: tpl.name },
    );
  }
  const missing = msg.match(/^"([^"]+)" not defined in .* - (\d+):(\d+)/s);
  if (missing) {
    return new LuoshiError(
      'template-field',
      `报告模板 ${tpl.name} 第 ${missing[2]} 行：没有名为“${missing[1]}”的字段或块（可用字段见 templates/report/README.md）`,
      { file: tpl.name },
    );
  }
  const line = typeof err.lineNumber === 'number' ? `第 ${err.lineNumber} 行` : '';
  return new LuoshiError('template-error', `报告模板 ${tpl.name} ${line}出错：${msg}`, { file: tpl.name });
}

/**
 * Apply a template to the model and cut the text into blocks. Every data text is marked first
 * (blocks.ts), so it can never act as a heading or directive; the template is checked first
 * (template-check.ts), so a wrong name is an error with file and line in any branch.
 */
export function renderReportBlocks(model: ReportModel, tpl: ReportTemplate): Block[] {
  const view = protectData(templateView(model));
  checkTemplate(tpl.name, tpl.text, view, REPORT_HELPERS);
  let text: string;
  try {
    text = tpl.render ? tpl.render(view) : HB.compile(tpl.text, { strict: true, noEscape: true })(view);
  } catch (e) {
    throw templateError(tpl, e);
  }
  return parseBlocks(text, tpl);
}
