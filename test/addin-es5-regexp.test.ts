/**
 * scripts/babel-es5-regexp.mjs, the build step that makes exceljs's and docx's regular expressions
 * compile in IE11: the rewritten pattern has no `u`/`s` flag and no `\p{…}`, and matches exactly
 * what the original matched, astral characters and line breaks included.
 */
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { runInNewContext } from 'node:vm';
import es5RegExp from '../scripts/babel-es5-regexp.mjs';
import { scanScript } from './e2e/es5-scan.js';

/** The part of @babel/core used here (the package ships no types). */
interface BabelCore {
  transformSync(code: string, options: Record<string, unknown>): { code?: string | null } | null;
}
const babel = createRequire(import.meta.url)('@babel/core') as BabelCore;

function transform(code: string): string {
  const out = babel.transformSync(code, {
    babelrc: false,
    configFile: false,
    sourceType: 'script',
    plugins: [es5RegExp],
  });
  if (!out?.code) throw new Error('babel gave no code');
  return out.code;
}

/** The regex the code leaves in `exports[name]`. */
function built(code: string, name: string): RegExp {
  const exports: Record<string, unknown> = {};
  runInNewContext(code, { exports });
  return exports[name] as RegExp;
}

const SAMPLES = [
  'a',
  'Z',
  '中',
  '变量1',
  '1abc',
  '_x',
  '\u{20000}x',
  '😀',
  '\uD800',
  '\uFFFE',
  'a b',
  'é',
  '',
];

describe('ES5 rewrite of RegExp built from strings (IE11)', () => {
  it('xmlchars: u-flag character classes assembled from exports.* constants', () => {
    // the form exceljs's browser bundle carries (minified: r.CHAR = …; r.CHAR_RE = new RegExp(…))
    const code = `
      exports.CHAR = "\\t\\n\\r -\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF";
      exports.NAME_START_CHAR = ":A-Z_a-z\\u00C0-\\u00D6\\u3001-\\uD7FF\\uD800\\uDC00-\\uDB7F\\uDFFF";
      exports.NAME_CHAR = "-" + exports.NAME_START_CHAR + ".0-9";
      exports.CHAR_RE = new RegExp("^[" + exports.CHAR + "]$", "u");
      exports.NAME_RE = new RegExp("^[" + exports.NAME_START_CHAR + "][" + exports.NAME_CHAR + "]*$", "u");`;
    const es5 = transform(code);
    expect(scanScript(code, 'before.js').length).toBe(2);
    expect(scanScript(es5, 'after.js')).toEqual([]);
    for (const name of ['CHAR_RE', 'NAME_RE']) {
      const before = built(code, name);
      const after = built(es5, name);
      expect(after.flags, name).toBe('');
      for (const s of SAMPLES) expect(after.test(s), `${name} ${JSON.stringify(s)}`).toBe(before.test(s));
    }
  });

  it('docx: \\p{L} identifiers and dotAll field codes', () => {
    const code = `
      exports.IDENTIFIER = new RegExp("^\\\\p{L}[\\\\p{L}\\\\p{N}_]*$", "u");
      exports.TOC = new RegExp("^\\\\s*TOC\\\\b.*\\\\\\\\s\\\\b", "is");`;
    const es5 = transform(code);
    expect(scanScript(es5, 'after.js')).toEqual([]);
    const id = [built(code, 'IDENTIFIER'), built(es5, 'IDENTIFIER')];
    for (const s of SAMPLES) expect(id[1].test(s), JSON.stringify(s)).toBe(id[0].test(s));
    const toc = [built(code, 'TOC'), built(es5, 'TOC')];
    expect(toc[1].flags).toBe('i');
    for (const s of [' toc \\o "1-3" \\s x', 'TOC\n\\s x', 'TOC only', 'xTOC \\s'])
      expect(toc[1].test(s), JSON.stringify(s)).toBe(toc[0].test(s));
  });

  it('leaves patterns known only at run time, and marks unused async wrappers as pure', () => {
    const dynamic = 'exports.P = function (s) { return new RegExp("(?<=" + s + ")x", "gs"); };';
    expect(transform(dynamic)).toContain('"gs"');
    const wrapper =
      'var patchDetector = function () { var _ref = _asyncToGenerator(function* () {}); return function patchDetector() { return _ref.apply(this, arguments); }; }();';
    expect(transform(wrapper)).toMatch(/\/\*#__PURE__\*\/\s*function/);
  });
});
