/**
 * What Internet Explorer 11 (the task pane of Office 2016/2019 volume licence) cannot run, found in
 * an emitted script without running it: the script must parse as ES5, and no regular expression —
 * literal or built with `RegExp(…)` — may use the `u`, `s` or `y` flag, lookbehind, named groups
 * or `\p{…}`. A pattern built from strings is judged by its string pieces (what a bundler leaves of
 * `new RegExp("^[" + CHAR + "]$", "u")`), which acorn's ES5 parse alone cannot see.
 */
import * as acorn from 'acorn';

export interface Es5Problem {
  file: string;
  /** 1-based line and column in the emitted file. */
  line: number;
  column: number;
  what: string;
}

interface AnyNode {
  type: string;
  start: number;
  [key: string]: unknown;
}

const IE11_FLAGS = /[suy]/;

/** Pattern syntax IE11 lacks, read escape by escape (so `\\p{` is a backslash and "p{"). */
export function modernPatternSyntax(pattern: string): string | null {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if ((next === 'p' || next === 'P') && pattern[i + 2] === '{') return `\\${next}{…} (Unicode property)`;
      if (next === 'k' && pattern[i + 2] === '<') return '\\k<…> (named back-reference)';
      i++;
    } else if (c === '(' && pattern[i + 1] === '?' && pattern[i + 2] === '<') {
      const kind = pattern[i + 3];
      return kind === '=' || kind === '!' ? '(?<=…)/(?<!…) (lookbehind)' : '(?<name>…) (named group)';
    }
  }
  return null;
}

function children(node: AnyNode): AnyNode[] {
  const out: AnyNode[] = [];
  for (const value of Object.values(node)) {
    const list: unknown[] = Array.isArray(value) ? value : [value];
    for (const v of list)
      if (v && typeof v === 'object' && typeof (v as AnyNode).type === 'string') out.push(v as AnyNode);
  }
  return out;
}

/** Every string literal inside `node` (the known pieces of a pattern built at run time). */
function stringPieces(node: AnyNode): string[] {
  if (node.type === 'Literal' && typeof node.value === 'string') return [node.value];
  return children(node).flatMap(stringPieces);
}

function regexpProblems(node: AnyNode): string[] {
  const out: string[] = [];
  const regex = node.regex as { pattern: string; flags: string } | undefined;
  if (node.type === 'Literal' && regex) {
    if (IE11_FLAGS.test(regex.flags)) out.push(`regex literal with flags "${regex.flags}"`);
    const syntax = modernPatternSyntax(regex.pattern);
    if (syntax) out.push(`regex literal with ${syntax}`);
  }
  const callee = node.callee as AnyNode | undefined;
  const isRegExpCall =
    (node.type === 'NewExpression' || node.type === 'CallExpression') &&
    callee?.type === 'Identifier' &&
    callee.name === 'RegExp';
  if (isRegExpCall) {
    const [pattern, flags] = node.arguments as AnyNode[];
    if (flags?.type === 'Literal' && typeof flags.value === 'string' && IE11_FLAGS.test(flags.value))
      out.push(`RegExp(…, "${flags.value}")`);
    for (const piece of pattern ? stringPieces(pattern) : []) {
      const syntax = modernPatternSyntax(piece);
      if (syntax) out.push(`RegExp pattern with ${syntax}`);
    }
  }
  return out;
}

/** The problems of one emitted script (an ES5 parse error is one problem). */
export function scanScript(code: string, file: string): Es5Problem[] {
  let ast: AnyNode;
  try {
    ast = acorn.parse(code, { ecmaVersion: 5, sourceType: 'script', locations: true }) as unknown as AnyNode;
  } catch (e) {
    const loc = (e as { loc?: { line: number; column: number } }).loc;
    return [
      { file, line: loc?.line ?? 0, column: loc?.column ?? 0, what: `not ES5: ${(e as Error).message}` },
    ];
  }
  const problems: Es5Problem[] = [];
  const stack: AnyNode[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    const loc = node.loc as { start: { line: number; column: number } } | undefined;
    for (const what of regexpProblems(node))
      problems.push({ file, line: loc?.start.line ?? 0, column: loc?.start.column ?? 0, what });
    stack.push(...children(node));
  }
  return problems;
}
