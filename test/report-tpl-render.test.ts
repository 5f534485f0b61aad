/**
 * Rendering a report writer's template: the helpers on office text, text printed as typed (never
 * HTML-escaped), and each mistake a clear Chinese error naming the file and line (a syntax error, a
 * block closed by the wrong name, {{#with}} on a text or a list). Also the body fields a template words
 * its paragraphs with: how the issuer speaks of itself, the offices behind in a field, the fields
 * behind, the offices that sent nothing. Small templates over hand-written submissions; expected texts
 * are written out by hand.
 */
import { describe, expect, it } from 'vitest';
import { isLuoshiError } from '../src/core/errors.js';
import type { Submission } from '../src/core/model/submission.js';
import { buildReportModel, type ReportModel } from '../src/core/report/model.js';
import {
  renderReportBlocks,
  reportHandlebars,
  selfReference,
  targetPhrase,
  templateView,
} from '../src/core/report/template.js';
import { handConfig, handSubmission, type HandLine, handLine as target } from './helpers/hand-submissions.js';

type Row = Record<string, unknown>;

function model(
  subs: Submission[],
  expectedOffices: string[] = [],
  issuer: string | null = null,
): ReportModel {
  return buildReportModel(subs, {
    config: handConfig({ timeShare: 0.5, issuer }),
    asOf: '2025-06-30',
    today: '2025-07-10',
    expectedOffices,
  });
}

const oneLine = (extra: Partial<HandLine> = {}) =>
  model([handSubmission('长春市', [target('T1', '新建基站', { actual: 60, ...extra })])]);

const render = (text: string, m = oneLine()) => renderReportBlocks(m, { name: 'my.hbs', text });

/** "code message file" of the error a render throws. */
function failure(text: string, m = oneLine()): string {
  try {
    render(text, m);
  } catch (e) {
    return isLuoshiError(e) ? `${e.code} ${e.message} [${e.where.file}]` : `not a LuoshiError: ${String(e)}`;
  }
  return 'no error';
}

const EACH_LINE = '{{#each 主要进展}}{{#each 分组}}{{#each 指标}}';
const END_EACH = '{{/each}}{{/each}}{{/each}}';

describe('office text through a template', () => {
  it('去句号 drops only the closing punctuation of a 进展情况', () => {
    const blocks = render(
      `${EACH_LINE}{{去句号 进展情况}}${END_EACH}`,
      oneLine({ progress: '资金到位，进展顺利；。' }),
    );
    expect(blocks).toEqual([{ kind: 'paragraph', text: '资金到位，进展顺利' }]);
  });

  it('去句号 of a number prints nothing', () => {
    expect(render('甲{{去句号 单位数}}乙')).toEqual([{ kind: 'paragraph', text: '甲乙' }]);
  });

  it('prints &, < and quotes as typed, not as HTML entities', () => {
    const blocks = render(`${EACH_LINE}{{进展情况}}${END_EACH}`, oneLine({ progress: 'A&B<C>"D"' }));
    expect(blocks).toEqual([{ kind: 'paragraph', text: 'A&B<C>"D"' }]);
  });

  it('序号 counts from one and 中文数字 writes a count in Chinese', () => {
    const m = model([
      handSubmission('长春市', [target('T1', '甲', { actual: 60 }), target('T2', '乙', { actual: 60 })]),
    ]);
    const text = `${EACH_LINE}{{序号 @index}}.{{指标}}\n\n${END_EACH}共{{中文数字 指标数}}项`;
    expect(render(text, m)).toEqual([
      { kind: 'paragraph', text: '1.甲' },
      { kind: 'paragraph', text: '2.乙' },
      { kind: 'paragraph', text: '共二项' },
    ]);
  });
});

describe('template mistakes', () => {
  it('a syntax error names its line, with the text around it', () => {
    expect(failure('  {{#if}}')).toBe(
      'template-syntax 报告模板 my.hbs 第 1 行附近有语法错误（常见原因：{{#each}}/{{#if}} 没有对应的 {{/each}}/{{/if}}，或花括号不配对）：{{#if}} ---------^ [my.hbs]',
    );
  });

  it('a syntax error past line nine names its two-digit line', () => {
    const text = `${Array.from({ length: 11 }, (_, i) => `第${i + 1}行`).join('\n')}\n{{#if}}`;
    expect(failure(text)).toMatch(/^template-syntax 报告模板 my\.hbs 第 12 行附近有语法错误/);
  });

  it('a block closed by the wrong name is a syntax error on the line the block opens', () => {
    expect(failure('甲\n乙\n{{#each 主要进展}}\n\n{{/if}}')).toBe(
      'template-syntax 报告模板 my.hbs 第 3 行附近有语法错误：{{#each}} 与 {{/if}} 不配对 [my.hbs]',
    );
  });

  it('a block closed by the wrong name past line nine names its two-digit line', () => {
    const text = `${Array.from({ length: 11 }, (_, i) => `第${i + 1}行`).join('\n')}\n{{#if 多单位}}\n{{/each}}`;
    expect(failure(text)).toBe(
      'template-syntax 报告模板 my.hbs 第 12 行附近有语法错误：{{#if}} 与 {{/each}} 不配对 [my.hbs]',
    );
  });

  it('{{#with}} on a text or a list is refused with its line, before anything is printed', () => {
    expect(failure('甲\n{{#with 标题}}{{名称}}{{/with}}')).toBe(
      'template-field 报告模板 my.hbs 第 2 行：{{#with}} 的“标题”不是含下级字段的数据 [my.hbs]',
    );
    expect(failure('{{#with 文件}}{{标题}}{{/with}}')).toBe(
      'template-field 报告模板 my.hbs 第 1 行：{{#with}} 的“文件”不是含下级字段的数据（列表请用 {{#each}}） [my.hbs]',
    );
  });

  it('{{#with}} on a group of fields reads them', () => {
    const m = model([
      handSubmission('长春市', [target('T1', '新建基站', { actual: 10, problems: '资金不足' })]),
    ]);
    expect(render('{{#with 问题序}}{{滞后}}、{{原因}}{{/with}}', m)).toEqual([
      { kind: 'paragraph', text: '一是、二是' },
    ]);
  });
});

describe('a precompiled template (the add-in’s) that fails as it runs', () => {
  const run = (render: (view: Record<string, unknown>) => string) => {
    try {
      renderReportBlocks(oneLine(), { name: 'single.hbs', text: '{{标题}}', render });
    } catch (e) {
      return isLuoshiError(e)
        ? `${e.code} ${e.message} [${e.where.file}]`
        : `not a LuoshiError: ${String(e)}`;
    }
    return 'no error';
  };

  it('a field its data lacks is named with its line', () => {
    const stale = reportHandlebars.compile('第一行\n{{旧字段}}', { strict: true, noEscape: true });
    expect(run(stale)).toBe(
      'template-field 报告模板 single.hbs 第 2 行：没有名为“旧字段”的字段或块（可用字段见 templates/report/README.md） [single.hbs]',
    );
  });

  it('any other failure names the file, and the line when it is known', () => {
    expect(
      run(() => {
        throw Object.assign(new Error('helper failed'), { lineNumber: 4 });
      }),
    ).toBe('template-error 报告模板 single.hbs 第 4 行出错：helper failed [single.hbs]');
    expect(
      run(() => {
        throw new Error('helper failed');
      }),
    ).toBe('template-error 报告模板 single.hbs 出错：helper failed [single.hbs]');
  });
});

describe('a target in a sentence', () => {
  it('“<” written without a space reads 低于', () => {
    expect(targetPhrase({ comparator: '<', targetText: '<5%' })).toBe('低于5%');
  });
});

describe('how the issuer speaks of itself', () => {
  it('a name that ends in no organ or place is 我们, even with a place inside it', () => {
    expect(selfReference('吉林省项目组')).toBe('我们');
    expect(selfReference('长春市')).toBe('我市');
  });

  it('a consolidated report without an issuer speaks as its first office', () => {
    const subs = [
      handSubmission('长春市', [target('T1', '新建基站', { actual: 90 })]),
      handSubmission('延边州', [target('T1', '新建基站', { actual: 10 })]),
    ];
    expect(templateView(model(subs)).自称).toBe('我市');
    expect(templateView(model(subs, [], '吉林省发展和改革委员会')).自称).toBe('我委');
  });
});

describe('the body’s fields, offices behind and offices missing', () => {
  it('names up to three offices behind in a field, most lines behind first, and counts them all', () => {
    // 长春 behind on 3 targets, 吉林 on 2, 四平 and 辽源 on 1 each
    const behindOn: Record<string, number> = { 长春市: 3, 吉林市: 2, 四平市: 1, 辽源市: 1 };
    const subs = Object.entries(behindOn).map(([office, n]) =>
      handSubmission(
        office,
        ['T1', 'T2', 'T3'].map((id, i) =>
          target(id, `指标${id}`, { section: '一、', actual: i < n ? 10 : 90 }),
        ),
      ),
    );
    const [field] = templateView(model(subs)).领域 as Row[];
    expect(field.名称).toBe('原文件一、部分');
    expect(field.滞后单位).toBe('长春市、吉林市、四平市');
    expect(field.滞后单位数).toBe(4);
  });

  it('names at most four fields behind', () => {
    const heads = ['一、', '二、', '三、', '四、', '五、'];
    const lines = heads.flatMap((h, k) =>
      [0, 1, 2].map((i) => target(`H${k}-${i}`, `指标${k}${i}`, { section: h, actual: 10 })),
    );
    const v = templateView(model([handSubmission('长春市', lines)]));
    expect(v.领域数).toBe(5);
    expect((v.滞后领域 as Row[]).map((f) => f.名称)).toEqual([
      '原文件一、部分',
      '原文件二、部分',
      '原文件三、部分',
      '原文件四、部分',
    ]);
  });

  it('lists the offices that sent nothing, joined with 、', () => {
    const subs = [handSubmission('长春市', [target('T1', '新建基站', { actual: 90 })])];
    const v = templateView(model(subs, ['长春市', '吉林市', '四平市']));
    expect([v.未报送单位, v.未报送单位数]).toEqual(['吉林市、四平市', 2]);
  });
});
