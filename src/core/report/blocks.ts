/**
 * The block grammar the report templates produce (documented in templates/report/README.md).
 * Handlebars renders a template to plain text; this module cuts that text into blocks that the
 * docx builder lays out. Word XML never passes through handlebars.
 */
import { LuoshiError } from '../errors.js';

export type Block =
  | { kind: 'title'; lines: string[] }
  | { kind: 'to'; text: string }
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'attachments' }
  | { kind: 'signature'; text: string }
  | { kind: 'date'; text: string }
  | { kind: 'note'; text: string }
  | { kind: 'attachment'; title: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'table'; name: TableName }
  | { kind: 'chart'; name: ChartName }
  | { kind: 'colophon' }
  | { kind: 'pagebreak' };

export const TABLE_NAMES = [
  '指标完成情况表',
  '完成率矩阵',
  '滞后指标清单',
  '单位对比表',
  '单位排名表',
  '滞后指标表',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];
export const CHART_NAMES = ['完成率'] as const;
export type ChartName = (typeof CHART_NAMES)[number];

/** Directives that take no argument. */
const BARE = new Set(['attachments', 'colophon', 'pagebreak']);
const WITH_TEXT = new Set([
  'title',
  'to',
  'signature',
  'date',
  'note',
  'attachment',
  'subtitle',
  'table',
  'chart',
]);

/**
 * Text from workbooks and catalogues reaches the template marked: it opens with DATA_OPEN and closes
 * with DATA_CLOSE (private-use characters) and has no line breaks. A line that starts with data is
 * always paragraph text, so a 进展情况 cell holding "# 标题" or "::pagebreak" is printed, never obeyed.
 */
export const DATA_OPEN = '\uE000';
export const DATA_CLOSE = '\uE001';
const MARKS = /[\uE000\uE001]/g;

/** Mark one data text (empty stays empty, so {{#if}} still sees it as missing). */
export function markData(s: string): string {
  if (s === '') return s;
  const t = s.replace(MARKS, '').replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ');
  return t ? `${DATA_OPEN}${t}${DATA_CLOSE}` : '';
}

/**
 * Every string of the template data marked (numbers and booleans are left as they are). The data is
 * changed in place: it is the template's own view, built afresh for each report, and marking is
 * idempotent where an object is reached twice.
 */
export function protectData<T>(value: T): T {
  if (typeof value === 'string') return markData(value) as T;
  if (Array.isArray(value)) {
    const list = value as unknown[];
    for (let i = 0; i < list.length; i++) list[i] = protectData(list[i]);
    return value;
  }
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    for (const k of Object.keys(obj)) obj[k] = protectData(obj[k]);
  }
  return value;
}

/** Apply `f` to the text inside a marked data string (for helpers), keeping it marked. */
export function mapData(s: string, f: (t: string) => string): string {
  const marked = s.startsWith(DATA_OPEN);
  const out = f(s.replace(MARKS, ''));
  return marked ? markData(out) : out;
}

function unmark(s: string): string {
  return s.replace(MARKS, '');
}

export interface BlockSource {
  /** Template file name, for messages. */
  name: string;
  /** The template's own text, to find the line a bad directive came from. */
  text: string;
}

/** Line (1-based) in the template source where `needle` first appears, or null. */
export function sourceLine(source: string, needle: string): number | null {
  const lines = source.split(/\r?\n/);
  const i = lines.findIndex((l) => l.includes(needle));
  return i < 0 ? null : i + 1;
}

function fail(src: BlockSource, needle: string, what: string): never {
  const line = sourceLine(src.text, templatePart(needle));
  const where = line ? `第 ${line} 行` : '（行号未知）';
  throw new LuoshiError('template-block', `报告模板 ${src.name} ${where}：${what}`, { file: src.name });
}

/**
 * Parse rendered template text into blocks. Rules: a line starting with "# ".."#### " is a heading;
 * a line starting with "::" is a directive; other non-blank lines are paragraph text, and
 * consecutive lines join into one paragraph until a blank line.
 */
export function parseBlocks(rendered: string, src: BlockSource): Block[] {
  const blocks: Block[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length) blocks.push({ kind: 'paragraph', text: para.join('') });
    para = [];
  };
  for (const raw of rendered.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') {
      flush();
      continue;
    }
    if (line.startsWith(DATA_OPEN)) {
      para.push(unmark(line));
      continue;
    }
    checkMarker(src, line);
    // "# " with nothing after it (an empty field) is an empty heading, not a paragraph printing "#".
    const h = line.match(/^(#{1,6})(?:\s+(.*))?$/);
    if (h) {
      flush();
      const level = h[1].length;
      const text = unmark(h[2] ?? '').trim();
      if (level > 4) fail(src, raw.trimEnd(), `“${h[1]}”不是可用的标题级别（只有 # 到 ####）`);
      if (text === '') fail(src, raw.trimEnd(), '标题为空');
      blocks.push({ kind: 'heading', level: level as 1 | 2 | 3 | 4, text });
      continue;
    }
    if (line.startsWith('::')) {
      flush();
      const m = line.match(/^::([\w-]+)(?:\s+(.*))?$/);
      if (!m) fail(src, line, `无法识别的指令“${unmark(line)}”`);
      const [, name, argRaw = ''] = m;
      const arg = unmark(argRaw).trim();
      if (BARE.has(name)) {
        if (arg) fail(src, `::${name}`, `指令 ::${name} 不带参数，却写了“${arg}”`);
        blocks.push({ kind: name as 'attachments' | 'colophon' | 'pagebreak' });
        continue;
      }
      if (!WITH_TEXT.has(name)) {
        fail(
          src,
          `::${name}`,
          `未知指令 ::${name}（可用：::title ::to ::signature ::date ::note ::attachments ::attachment ::subtitle ::table ::chart ::colophon ::pagebreak）`,
        );
      }
      if (!arg) fail(src, `::${name}`, `指令 ::${name} 缺少内容`);
      switch (name) {
        case 'title': {
          const prev = blocks[blocks.length - 1];
          if (prev && prev.kind === 'title') prev.lines.push(arg);
          else blocks.push({ kind: 'title', lines: [arg] });
          break;
        }
        case 'table':
          if (!(TABLE_NAMES as readonly string[]).includes(arg)) {
            fail(src, `::table ${arg}`, `未知表格“${arg}”（可用：${TABLE_NAMES.join('、')}）`);
          }
          blocks.push({ kind: 'table', name: arg as TableName });
          break;
        case 'chart':
          if (!(CHART_NAMES as readonly string[]).includes(arg)) {
            fail(src, `::chart ${arg}`, `未知图表“${arg}”（可用：${CHART_NAMES.join('、')}）`);
          }
          blocks.push({ kind: 'chart', name: arg as ChartName });
          break;
        case 'attachment':
          blocks.push({ kind: 'attachment', title: arg });
          break;
        default:
          blocks.push({ kind: name as 'to' | 'signature' | 'date' | 'note' | 'subtitle', text: arg });
      }
      continue;
    }
    para.push(unmark(line));
  }
  flush();
  return blocks;
}

/** The template part of a rendered line (before any data), to find it in the template source. */
function templatePart(line: string): string {
  return line.split(DATA_OPEN)[0].trim() || line;
}

/** Heading and directive markers written wrongly are errors, not paragraphs that print them. */
function checkMarker(src: BlockSource, line: string): void {
  const where = templatePart(line);
  if (/^#+[^#\s]/.test(line)) fail(src, where, `标题标记“#”后应有一个空格：“${unmark(line).slice(0, 12)}”`);
  if (/^[＃]/.test(line)) fail(src, where, '标题标记应为半角“#”，不能用全角“＃”');
  if (/^[：∶:][：∶:]/.test(line) && !line.startsWith('::'))
    fail(src, where, `指令应以两个半角冒号“::”开头，不能用全角冒号：“${unmark(line).slice(0, 12)}”`);
}
