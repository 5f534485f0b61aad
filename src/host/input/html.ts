/**
 * A policy page saved from a government site (.html/.htm) → the policy text: the body's main
 * content (navigation, banners and footers around it dropped), one line per block, table rows as
 * cells joined by a tab. Parsed with htmlparser2; the page's charset is honoured (GBK pages exist).
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import iconv from 'iconv-lite';
import { LuoshiError } from '../../core/errors.js';
import { decodeText } from '../../core/text/decode.js';

const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'head',
  'template',
  'iframe',
  'select',
  'button',
  'svg',
]);
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'blockquote',
  'pre',
  'center',
  'form',
  'dl',
  'dt',
  'dd',
  'header',
  'footer',
  'nav',
  'aside',
  'address',
  'hr',
  'figure',
  'figcaption',
  'body',
  'html',
]);
/** Containers that are page furniture, never the document. */
const FURNITURE =
  /(^|[\s_-])(nav|menu|header|footer|banner|breadcrumb|crumb|share|sidebar|copyright|foot|top|search|login|related|xgwz|bottom)([\s_-]|$)/i;

type ChildNode = ReturnType<typeof parseDocument>['children'][number];
type Element = Extract<ChildNode, { name: string; attribs: Record<string, string> }>;

function isElement(n: ChildNode): n is Element {
  return 'name' in n && 'attribs' in n;
}

function textOf(n: ChildNode): string | null {
  return 'data' in n && String(n.type) === 'text' ? n.data : null;
}

const CJK = /[\u4e00-\u9fa5]/g;

/** Chinese characters below each element, counted once. */
function cjkCounts(root: Element): Map<Element, number> {
  const counts = new Map<Element, number>();
  const walk = (el: Element): number => {
    let n = 0;
    for (const c of el.children) {
      const t = textOf(c);
      if (t !== null) n += t.match(CJK)?.length ?? 0;
      else if (isElement(c) && !DROPPED.has(c.name)) n += walk(c);
    }
    counts.set(el, n);
    return n;
  };
  walk(root);
  return counts;
}

function isFurniture(el: Element): boolean {
  return (
    ['nav', 'header', 'footer', 'aside'].includes(el.name) ||
    FURNITURE.test(el.attribs.class ?? '') ||
    FURNITURE.test(el.attribs.id ?? '')
  );
}

/**
 * The element holding the document: from the body, step into the child that holds most of the
 * Chinese text while it holds at least 70 % of it (the rest is navigation, banners, footers).
 */
function mainContent(body: Element): Element {
  const counts = cjkCounts(body);
  let cur = body;
  for (;;) {
    const total = counts.get(cur) ?? 0;
    const kids = cur.children.filter(isElement).filter((c) => !DROPPED.has(c.name) && !isFurniture(c));
    const best = kids.sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0))[0];
    if (!best || (counts.get(best) ?? 0) < 0.7 * total || best.name === 'table' || best.name === 'tr')
      return cur;
    cur = best;
  }
}

/** Text lines of an element: blocks break lines, rows become tab-joined cells. */
function linesOf(root: Element): string[] {
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    const t = line.replace(/[ \t\n\r\f]+/g, ' ').replace(/^ | $/g, '');
    if (t) lines.push(t);
    line = '';
  };
  /** An empty paragraph is a blank line (pages space paragraphs with them; tables separate rows so). */
  const blank = () => {
    if (lines.length) lines.push('');
  };
  const cellText = (el: Element): string => {
    const inner = linesOf(el);
    return inner.join('').replace(/\t/g, ' ');
  };
  const walk = (el: Element) => {
    for (const c of el.children) {
      const t = textOf(c);
      if (t !== null) line += t;
      else if (!isElement(c) || DROPPED.has(c.name) || (c !== root && isFurniture(c) && c.name !== 'table'))
        continue;
      else if (c.name === 'br') flush();
      else if (c.name === 'tr') {
        flush();
        const cells = c.children.filter(isElement).filter((x) => x.name === 'td' || x.name === 'th');
        const row = cells.map(cellText);
        // a row of empty cells still marks a row boundary of the table
        if (row.some((x) => x.trim()) || row.length > 1) lines.push(row.join('\t'));
        else blank();
      } else if (BLOCKS.has(c.name)) {
        flush();
        const before = lines.length;
        walk(c);
        flush();
        if (c.name === 'p' && lines.length === before) blank();
      } else walk(c);
    }
  };
  walk(root);
  flush();
  return lines.map((l) => l.replace(/\u00a0/g, ' ').replace(/^ +| +$/g, ''));
}

/** The page's declared charset (meta charset or http-equiv), or null. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i)?.[1]?.toLowerCase() ?? null;
}

function decodePage(bytes: Uint8Array, name: string): string {
  const cs = declaredCharset(bytes);
  if (cs && /^(gb2312|gbk|gb18030|x-gbk)$/.test(cs)) return iconv.decode(Buffer.from(bytes), 'gb18030');
  return decodeText(bytes, name).text;
}

/** The text of a saved policy web page. Throws LuoshiError (Chinese, naming the file) on bad input. */
export function htmlText(bytes: Uint8Array, name: string): string {
  const dom = parseDocument(decodePage(bytes, name));
  const body =
    DomUtils.findOne((e) => e.name === 'body', dom.children) ??
    DomUtils.findOne((e) => e.name === 'html', dom.children);
  const lines = body ? linesOf(mainContent(body)) : [];
  const text = lines.join('\n');
  if (!/[\u4e00-\u9fa5]/.test(text)) {
    throw new LuoshiError(
      'html-no-text',
      `${name} 网页中没有正文文字，无法生成目录（请确认保存的是政策文件全文页面）`,
      {
        file: name,
      },
    );
  }
  return text;
}
