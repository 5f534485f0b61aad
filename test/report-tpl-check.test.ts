/**
 * Template checks on small hand-written templates: a helper named inside a block's sub-expression is
 * checked like any other, and a malformed block line names the template file in the error.
 */
import { describe, expect, it } from 'vitest';
import { isLuoshiError } from '../src/core/errors.js';
import { parseBlocks } from '../src/core/report/blocks.js';
import { checkTemplate } from '../src/core/report/template-check.js';

function failure(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return isLuoshiError(e) ? `${e.code} ${e.message} [${e.where.file}]` : `not a LuoshiError: ${String(e)}`;
  }
  return 'no error';
}

describe('a helper inside a block’s sub-expression', () => {
  it('an unknown helper is refused with its line', () => {
    const text = '甲\n{{#if (未知 标题)}}有{{/if}}';
    expect(failure(() => checkTemplate('my.hbs', text, { 标题: '报告' }, ['去句号']))).toBe(
      'template-field 报告模板 my.hbs 第 2 行：没有名为“未知”的函数（可用：去句号） [my.hbs]',
    );
  });

  it('a known helper over a known field passes', () => {
    const text = '{{#if (去句号 标题)}}有{{/if}}';
    expect(failure(() => checkTemplate('my.hbs', text, { 标题: '报告' }, ['去句号']))).toBe('no error');
  });
});

describe('a malformed block line', () => {
  it('names the template file', () => {
    expect(failure(() => parseBlocks('::box 甲', { name: 'multi.hbs', text: '::box 甲' }))).toMatch(
      /^template-block 报告模板 multi\.hbs 第 1 行：未知指令 ::box.* \[multi\.hbs\]$/,
    );
  });
});
