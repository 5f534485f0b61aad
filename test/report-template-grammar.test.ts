/**
 * A report writer's template: the block grammar (headings, directives, paragraphs), office text that
 * can never act as markup, helpers, and a clear Chinese error naming file and line for every mistake
 * (a wrong field in a branch the data never takes, a bad directive, a syntax error). Small templates
 * over a model of a hand-written submission; no .docx is built.
 */
import { describe, expect, it } from 'vitest';
import { refusalOf as failure } from './helpers/refusal.js';
import {
  DATA_CLOSE,
  DATA_OPEN,
  markData,
  mapData,
  parseBlocks,
  protectData,
} from '../src/core/report/blocks.js';
import { buildReportModel, type ReportModel } from '../src/core/report/model.js';
import { checkTemplate } from '../src/core/report/template-check.js';
import { renderReportBlocks } from '../src/core/report/template.js';
import { handConfig, handSubmission } from './helpers/hand-submissions.js';

function model(progress = '基站建设顺利'): ReportModel {
  return buildReportModel(
    [
      handSubmission('长春市', [
        {
          id: 'T1',
          quote: '新建基站',
          comparator: '>=',
          value: 100,
          unit: '个',
          kind: 'total',
          actual: 60,
          progress,
          problems: '资金不足。',
        },
      ]),
    ],
    {
      config: handConfig({ timeShare: 0.5, issuer: '长春市人民政府' }),
      asOf: '2025-06-30',
      today: '2025-07-10',
    },
  );
}

function render(text: string, m = model()) {
  return renderReportBlocks(m, { name: 'my.hbs', text });
}

const src = (text: string) => ({ name: 'my.hbs', text });

describe('the block grammar', () => {
  it('reads every directive, headings of four levels and joined paragraph lines', () => {
    const text = [
      '::title 长春市人民政府',
      '::subtitle 2025年',
      '#### 第四级',
      '::signature 长春市人民政府',
      '::date 2025年7月10日',
      '::note 此件公开发布',
      '::attachments',
      '::attachment 指标完成情况表',
      '::chart 完成率',
      '::pagebreak',
      '  一行  ',
      '两行',
    ].join('\r\n');
    expect(parseBlocks(text, src(text))).toEqual([
      { kind: 'title', lines: ['长春市人民政府'] },
      { kind: 'subtitle', text: '2025年' },
      { kind: 'heading', level: 4, text: '第四级' },
      { kind: 'signature', text: '长春市人民政府' },
      { kind: 'date', text: '2025年7月10日' },
      { kind: 'note', text: '此件公开发布' },
      { kind: 'attachments' },
      { kind: 'attachment', title: '指标完成情况表' },
      { kind: 'chart', name: '完成率' },
      { kind: 'pagebreak' },
      { kind: 'paragraph', text: '一行两行' },
    ]);
  });

  it('refuses each malformed line with the template line it came from', () => {
    const at = (text: string) => failure(() => parseBlocks(text, src(`开头\n${text}`)));
    expect(at('##### 太深')).toBe(
      'template-block 报告模板 my.hbs 第 2 行：“#####”不是可用的标题级别（只有 # 到 ####）',
    );
    // a heading whose field came out empty is refused, not printed as a lone “#”
    expect(at('## ')).toBe('template-block 报告模板 my.hbs 第 2 行：标题为空');
    expect(failure(() => parseBlocks('# \u3000', src('# \u3000')))).toBe(
      'template-block 报告模板 my.hbs 第 1 行：标题为空',
    );
    expect(at('#标题')).toBe('template-block 报告模板 my.hbs 第 2 行：标题标记“#”后应有一个空格：“#标题”');
    expect(at('＃ 标题')).toBe('template-block 报告模板 my.hbs 第 2 行：标题标记应为半角“#”，不能用全角“＃”');
    expect(at('：：title 甲')).toBe(
      'template-block 报告模板 my.hbs 第 2 行：指令应以两个半角冒号“::”开头，不能用全角冒号：“：：title 甲”',
    );
    expect(at('::pagebreak 现在')).toBe(
      'template-block 报告模板 my.hbs 第 2 行：指令 ::pagebreak 不带参数，却写了“现在”',
    );
    expect(at('::title')).toBe('template-block 报告模板 my.hbs 第 2 行：指令 ::title 缺少内容');
    expect(at('::table 总表')).toMatch(
      /^template-block 报告模板 my\.hbs 第 2 行：未知表格“总表”（可用：指标完成情况表、完成率矩阵/,
    );
    expect(at('::chart 饼图')).toBe('template-block 报告模板 my.hbs 第 2 行：未知图表“饼图”（可用：完成率）');
    expect(at('::box 甲')).toMatch(/^template-block 报告模板 my\.hbs 第 2 行：未知指令 ::box（可用：::title/);
    expect(at(':: 甲')).toBe('template-block 报告模板 my.hbs 第 2 行：无法识别的指令“:: 甲”');
    expect(failure(() => parseBlocks('::box 甲', src('别的')))).toMatch(
      /报告模板 my\.hbs （行号未知）：未知指令/,
    );
  });
});

describe('office text in a template', () => {
  it('is marked as data: one line, never a heading or directive', () => {
    expect(markData('')).toBe('');
    expect(markData('第一行\r\n  第二行')).toBe(`${DATA_OPEN}第一行 第二行${DATA_CLOSE}`);
    expect(markData(`${DATA_OPEN}${DATA_CLOSE}`)).toBe('');
    expect(markData(`已${DATA_CLOSE}标`)).toBe(`${DATA_OPEN}已标${DATA_CLOSE}`);
    const view = protectData({ a: '# 标题', list: ['::pagebreak', 3, true, null], n: { b: 'x' } });
    expect(view).toEqual({
      a: `${DATA_OPEN}# 标题${DATA_CLOSE}`,
      list: [`${DATA_OPEN}::pagebreak${DATA_CLOSE}`, 3, true, null],
      n: { b: `${DATA_OPEN}x${DATA_CLOSE}` },
    });
    expect(mapData(markData('资金不足。'), (t) => t.slice(0, -1))).toBe(markData('资金不足'));
    expect(mapData('模板文字', (t) => `${t}！`)).toBe('模板文字！');
  });

  it('prints a 进展情况 of “# 标题” or “::pagebreak” as paragraph text', () => {
    for (const progress of ['# 标题', '::pagebreak', '：：title 甲', '＃ 乙']) {
      const blocks = render(
        '{{#each 主要进展}}{{#each 分组}}{{#each 指标}}{{进展情况}}\n{{/each}}{{/each}}{{/each}}',
        model(progress),
      );
      expect(blocks).toEqual([{ kind: 'paragraph', text: progress }]);
    }
  });

  it('offers the helpers 中文数字, 序号 and 去句号', () => {
    const blocks = render(
      '第{{中文数字 指标数}}项 {{#each 存在问题}}{{序号 @index}}.{{去句号 内容}}{{/each}}',
    );
    expect(blocks).toEqual([{ kind: 'paragraph', text: '第一项 1.资金不足' }]);
  });
});

describe('template mistakes', () => {
  it('a field that does not exist, even in a branch the data never takes', () => {
    expect(failure(() => render('正文\n{{#if 多单位}}{{汇总字段}}{{/if}}'))).toBe(
      'template-field 报告模板 my.hbs 第 2 行：没有名为“汇总字段”的字段或块（可用字段见 templates/report/README.md）',
    );
    expect(failure(() => render('{{#each 存在问题}}{{单位.名称}}{{/each}}'))).toMatch(
      /没有名为“单位.名称”的字段/,
    );
  });

  it('a list printed as text, an object printed as text, #each over a value', () => {
    expect(failure(() => render('{{存在问题}}'))).toBe(
      'template-field 报告模板 my.hbs 第 1 行：“存在问题”是列表，应写在 {{#each 存在问题}} … {{/each}} 中',
    );
    expect(failure(() => render('{{问题序}}'))).toBe(
      'template-field 报告模板 my.hbs 第 1 行：“问题序”不是可直接输出的文字',
    );
    expect(failure(() => render('{{#each 标题}}x{{/each}}'))).toBe(
      'template-field 报告模板 my.hbs 第 1 行：{{#each}} 的“标题”不是列表',
    );
  });

  it('an unknown block or helper, a block without its field, a partial, @data outside a loop', () => {
    expect(failure(() => render('{{#repeat 标题}}x{{/repeat}}'))).toMatch(
      /第 1 行：没有名为“repeat”的字段或块（可用的块：\{\{#each\}\}、\{\{#if\}\}、\{\{#unless\}\}、\{\{#with\}\}）/,
    );
    expect(failure(() => render('{{大写 标题}}'))).toBe(
      'template-field 报告模板 my.hbs 第 1 行：没有名为“大写”的函数（可用：中文数字、序号、去句号）',
    );
    expect(failure(() => render('{{#if}}x{{/if}}'))).toMatch(/\{\{#if\}\} 应跟一个字段名/);
    expect(failure(() => render('{{> 页眉}}'))).toBe(
      'template-field 报告模板 my.hbs 第 1 行：不支持的模板写法（{{> …}}）',
    );
    expect(failure(() => render('{{@index}}'))).toMatch(
      /“@index”不可用（\{\{#each\}\} 中可用 @index、@first、@last）/,
    );
    expect(failure(() => render('{{../标题}}'))).toMatch(/“..\/标题”跳出了最外层/);
  });

  it('accepts @index and @root inside a loop, .length of a list, #with an object, #unless', () => {
    const blocks = render(
      '{{#each 存在问题}}{{@index}}{{@root.标题}}{{/each}} {{存在问题.length}} {{#with 问题序}}{{原因}}{{/with}}{{#unless 多单位}}单{{/unless}}',
    );
    expect(blocks).toEqual([
      { kind: 'paragraph', text: '0长春市人民政府关于《吉林省数字经济发展规划》落实情况的报告 1 一是单' },
    ]);
  });

  it('a syntax error names the line', () => {
    expect(failure(() => render('第一行\n{{#if 多单位}}\n没有结束'))).toMatch(
      /^template-syntax 报告模板 my\.hbs 第 3 行附近有语法错误（常见原因：\{\{#each\}\}\/\{\{#if\}\} 没有对应的/,
    );
  });

  it('the checker alone passes data of unknown shape (an empty list’s items)', () => {
    expect(
      failure(() => checkTemplate('t.hbs', '{{#each 列表}}{{任意.字段}}{{/each}}', { 列表: [] }, [])),
    ).toBe('accepted');
    expect(
      failure(() =>
        checkTemplate('t.hbs', '{{#each 列表}}{{乙}}{{/each}}', { 列表: [{ 甲: 1 }, { 乙: 2 }] }, []),
      ),
    ).toBe('accepted');
    expect(failure(() => checkTemplate('t.hbs', '{{#if}', {}, []))).toBe('accepted');
  });
});
