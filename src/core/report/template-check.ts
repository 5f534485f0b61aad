/**
 * Strict templates: before a report template runs, every field, list, block and helper it names is
 * checked against the data the report offers, in every branch (not only the branches the data takes).
 * A mistake is an error naming the template file and line, never a silently empty page.
 */
import Handlebars from 'handlebars';
import { LuoshiError } from '../errors.js';

type Shape =
  | { kind: 'value' }
  | { kind: 'object'; fields: Map<string, Shape> }
  | { kind: 'list'; item: Shape | null }
  | { kind: 'unknown' };

const VALUE: Shape = { kind: 'value' };
const SAMPLE = 8;
const UNKNOWN: Shape = { kind: 'unknown' };

function merge(a: Shape | null, b: Shape): Shape {
  if (!a) return b;
  if (a.kind === 'object' && b.kind === 'object') {
    const fields = new Map(a.fields);
    for (const [k, v] of b.fields) fields.set(k, merge(fields.get(k) ?? null, v));
    return { kind: 'object', fields };
  }
  if (a.kind === 'list' && b.kind === 'list')
    return { kind: 'list', item: b.item ? merge(a.item, b.item) : a.item };
  return a;
}

/** The shape of the template data: which fields exist, which are lists and what their items hold. */
export function shapeOf(value: unknown): Shape {
  if (Array.isArray(value)) {
    // Items of a list are built alike; a few show its shape (a report may hold tens of thousands).
    let item: Shape | null = null;
    for (const v of (value as unknown[]).slice(0, SAMPLE)) item = merge(item, shapeOf(v));
    return { kind: 'list', item };
  }
  if (value !== null && typeof value === 'object') {
    const fields = new Map<string, Shape>();
    for (const [k, v] of Object.entries(value)) fields.set(k, shapeOf(v));
    return { kind: 'object', fields };
  }
  return VALUE;
}

const BLOCKS = new Set(['each', 'if', 'unless', 'with']);
const LOOP_DATA = new Set(['index', 'first', 'last', 'key']);

type Node = hbs.AST.Node;
type Expr = hbs.AST.Expression;

class Checker {
  private readonly scopes: Shape[];
  private loops = 0;

  constructor(
    private readonly file: string,
    root: Shape,
    private readonly helpers: ReadonlySet<string>,
  ) {
    this.scopes = [root];
  }

  private fail(node: Node, what: string): never {
    const line = node.loc?.start.line;
    const where = line ? `第 ${line} 行` : '';
    throw new LuoshiError('template-field', `报告模板 ${this.file} ${where}：${what}`, { file: this.file });
  }

  /** The shape a path names, or a failure naming it. */
  private resolve(p: hbs.AST.PathExpression): Shape {
    if (p.data) {
      const [head, ...rest] = p.parts;
      if (head === 'root') return this.walk(p, this.scopes[0], rest);
      if (LOOP_DATA.has(head) && this.loops > 0 && rest.length === 0) return VALUE;
      this.fail(p, `“@${p.parts.join('.')}”不可用（{{#each}} 中可用 @index、@first、@last）`);
    }
    const scope = this.scopes[this.scopes.length - 1 - p.depth];
    if (!scope) this.fail(p, `“${p.original}”跳出了最外层`);
    return this.walk(p, scope, p.parts);
  }

  private walk(p: hbs.AST.PathExpression, start: Shape, parts: string[]): Shape {
    let s = start;
    for (const part of parts) {
      if (s.kind === 'unknown') return UNKNOWN;
      if (s.kind === 'list' && part === 'length') return VALUE;
      const next = s.kind === 'object' ? s.fields.get(part) : undefined;
      if (!next) this.fail(p, `没有名为“${p.original}”的字段或块（可用字段见 templates/report/README.md）`);
      s = next;
    }
    return s;
  }

  private expr(e: Expr): Shape {
    if (e.type === 'PathExpression') return this.resolve(e as hbs.AST.PathExpression);
    if (e.type === 'SubExpression') {
      const sub = e as hbs.AST.SubExpression;
      this.helperCall(sub, sub.path, sub.params, sub.hash);
      return VALUE;
    }
    return VALUE;
  }

  private helperCall(node: Node, path: hbs.AST.PathExpression, params: Expr[], hash: hbs.AST.Hash): void {
    if (!this.helpers.has(path.original))
      this.fail(node, `没有名为“${path.original}”的函数（可用：${[...this.helpers].join('、')}）`);
    for (const p of params) this.expr(p);
    for (const pair of hash?.pairs ?? []) this.expr(pair.value);
  }

  program(prog: hbs.AST.Program | undefined): void {
    for (const st of prog?.body ?? []) this.statement(st);
  }

  private statement(st: hbs.AST.Statement): void {
    switch (st.type) {
      case 'ContentStatement':
      case 'CommentStatement':
        return;
      case 'MustacheStatement':
        return this.mustache(st as hbs.AST.MustacheStatement);
      case 'BlockStatement':
        return this.block(st as hbs.AST.BlockStatement);
      default:
        this.fail(st, `不支持的模板写法（${st.type === 'PartialStatement' ? '{{> …}}' : st.type}）`);
    }
  }

  private mustache(m: hbs.AST.MustacheStatement): void {
    if (m.path.type !== 'PathExpression') return;
    const path = m.path as hbs.AST.PathExpression;
    if (m.params.length || m.hash?.pairs.length) return this.helperCall(m, path, m.params, m.hash);
    const s = this.resolve(path);
    if (s.kind === 'list')
      this.fail(m, `“${path.original}”是列表，应写在 {{#each ${path.original}}} … {{/each}} 中`);
    if (s.kind === 'object') this.fail(m, `“${path.original}”不是可直接输出的文字`);
  }

  private block(b: hbs.AST.BlockStatement): void {
    const name = b.path.original;
    if (!BLOCKS.has(name))
      this.fail(b, `没有名为“${name}”的字段或块（可用的块：{{#each}}、{{#if}}、{{#unless}}、{{#with}}）`);
    if (b.params.length !== 1) this.fail(b, `{{#${name}}} 应跟一个字段名`);
    const s = this.expr(b.params[0]);
    const param =
      b.params[0].type === 'PathExpression' ? (b.params[0] as hbs.AST.PathExpression).original : '';
    if (name === 'each') {
      if (s.kind !== 'list' && s.kind !== 'unknown') this.fail(b, `{{#each}} 的“${param}”不是列表`);
      this.scopes.push(s.kind === 'list' && s.item ? s.item : UNKNOWN);
      this.loops++;
      this.program(b.program);
      this.loops--;
      this.scopes.pop();
    } else if (name === 'with') {
      // Handlebars would look fields up on a text or a list and fail with an English TypeError.
      if (s.kind === 'value' || s.kind === 'list')
        this.fail(
          b,
          `{{#with}} 的“${param}”不是含下级字段的数据${s.kind === 'list' ? '（列表请用 {{#each}}）' : ''}`,
        );
      this.scopes.push(s);
      this.program(b.program);
      this.scopes.pop();
    } else this.program(b.program);
    this.program(b.inverse);
  }
}

/** Throw a LuoshiError naming file and line for the first unknown field, list, block or helper. */
export function checkTemplate(file: string, text: string, data: unknown, helpers: Iterable<string>): void {
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(text);
  } catch {
    return; // syntax errors are reported by the compiler, with its line
  }
  new Checker(file, shapeOf(data), new Set(helpers)).program(ast);
}
