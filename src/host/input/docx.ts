/**
 * .docx → the policy text: one line per paragraph, one line per table row (cells joined by a tab),
 * with the numbers Word generates from numbering.xml written out as Word shows them.
 * Reads the package with fflate and the XML with htmlparser2 (SAX), both pure JS.
 */
import { unzipSync } from 'fflate';
import { checkZip, ZipRefused, zipRefusalText } from '../../xlsx/zip-guard.js';
import { Parser } from 'htmlparser2';
import { LuoshiError } from '../../core/errors.js';
import { NumberingCounter, type NumberingDefinitions, type NumberingLevel } from './numbering.js';

type Attrs = Record<string, string>;

function parseXml(
  xml: string,
  on: { open?: (name: string, a: Attrs) => void; text?: (t: string) => void; close?: (name: string) => void },
): void {
  const p = new Parser(
    { onopentag: on.open, ontext: on.text, onclosetag: on.close },
    { xmlMode: true, decodeEntities: true },
  );
  p.write(xml);
  p.end();
}

function readNumbering(xml: string | undefined): NumberingDefinitions {
  const abstract = new Map<string, Map<number, NumberingLevel>>();
  const nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  if (xml) {
    let absId: string | null = null;
    let lvl: { ilvl: number; level: NumberingLevel } | null = null;
    let num: { id: string; abstractId: string; starts: Map<number, number> } | null = null;
    let overrideLvl: number | null = null;
    parseXml(xml, {
      open(name, a) {
        if (name === 'w:abstractNum') {
          absId = a['w:abstractNumId'] ?? null;
          if (absId !== null) abstract.set(absId, new Map());
        } else if (name === 'w:lvl' && absId !== null && num === null) {
          lvl = {
            ilvl: Number(a['w:ilvl'] ?? 0),
            level: { format: 'decimal', text: '', start: 1, suffix: 'tab' },
          };
        } else if (lvl && name === 'w:numFmt') lvl.level.format = a['w:val'] ?? 'decimal';
        else if (lvl && name === 'w:lvlText') lvl.level.text = a['w:val'] ?? '';
        else if (lvl && name === 'w:start') lvl.level.start = Number(a['w:val'] ?? 1);
        else if (lvl && name === 'w:suff')
          lvl.level.suffix = (a['w:val'] as NumberingLevel['suffix']) ?? 'tab';
        else if (name === 'w:num') num = { id: a['w:numId'] ?? '', abstractId: '', starts: new Map() };
        else if (num && name === 'w:abstractNumId') num.abstractId = a['w:val'] ?? '';
        else if (num && name === 'w:lvlOverride') overrideLvl = Number(a['w:ilvl'] ?? 0);
        else if (num && overrideLvl !== null && name === 'w:startOverride')
          num.starts.set(overrideLvl, Number(a['w:val'] ?? 1));
      },
      close(name) {
        if (name === 'w:lvl' && lvl && absId !== null) {
          abstract.get(absId)?.set(lvl.ilvl, lvl.level);
          lvl = null;
        } else if (name === 'w:abstractNum') absId = null;
        else if (name === 'w:lvlOverride') overrideLvl = null;
        else if (name === 'w:num' && num) {
          nums.set(num.id, num);
          num = null;
        }
      },
    });
  }
  const levels = new Map<string, Map<number, NumberingLevel>>();
  for (const [id, n] of nums) {
    const base = abstract.get(n.abstractId);
    if (!base) continue;
    const copy = new Map(
      [...base].map(([k, v]) => [k, { ...v, start: n.starts.get(k) ?? v.start }] as const),
    );
    levels.set(id, copy);
  }
  return { levels };
}

interface NumRef {
  numId?: string;
  ilvl?: number;
}

/** Paragraph styles that carry numbering (heading styles often do), with their basedOn chain. */
function readStyles(xml: string | undefined): Map<string, NumRef & { basedOn?: string }> {
  const styles = new Map<string, NumRef & { basedOn?: string }>();
  if (!xml) return styles;
  let cur: (NumRef & { basedOn?: string }) | null = null;
  parseXml(xml, {
    open(name, a) {
      if (name === 'w:style') {
        cur = {};
        styles.set(a['w:styleId'] ?? '', cur);
      } else if (cur && name === 'w:basedOn') cur.basedOn = a['w:val'];
      else if (cur && name === 'w:numId') cur.numId = a['w:val'];
      else if (cur && name === 'w:ilvl') cur.ilvl = Number(a['w:val'] ?? 0);
    },
    close(name) {
      if (name === 'w:style') cur = null;
    },
  });
  return styles;
}

function styleNumbering(styles: Map<string, NumRef & { basedOn?: string }>, id: string | undefined): NumRef {
  for (let k = 0, s = id; s && k < 10; k++) {
    const st = styles.get(s);
    if (!st) break;
    if (st.numId !== undefined) return { numId: st.numId, ilvl: st.ilvl ?? 0 };
    s = st.basedOn;
  }
  return {};
}

/** Elements whose text is not the document's visible text. */
const SKIPPED = new Set(['w:instrText', 'w:delText', 'mc:Fallback', 'w:fldData', 'wp:docPr']);

function documentText(
  xml: string,
  numbering: NumberingDefinitions,
  styles: ReturnType<typeof readStyles>,
): string {
  const counter = new NumberingCounter(numbering);
  const lines: string[] = [];
  // open table rows (nested tables flatten into the outer cell) and the current cell/paragraph text
  const rows: string[][] = [];
  let para: { text: string; style?: string; num: NumRef; inPPr: boolean } | null = null;
  let skip = 0;
  let inText = false;
  const finishParagraph = () => {
    if (!para) return;
    const ref = para.num.numId !== undefined ? para.num : styleNumbering(styles, para.style);
    const label =
      ref.numId !== undefined && ref.numId !== '0' ? (counter.next(ref.numId, ref.ilvl ?? 0) ?? '') : '';
    const text = label + para.text;
    const row = rows[rows.length - 1];
    if (row) {
      // paragraphs of one cell run on (Chinese text has no spaces between lines)
      row[row.length - 1] += text.replace(/\t/g, ' ');
    } else lines.push(...text.split('\n'));
    para = null;
  };
  parseXml(xml, {
    open(name, a) {
      if (SKIPPED.has(name)) skip++;
      if (skip) return;
      switch (name) {
        case 'w:p':
          para = { text: '', num: {}, inPPr: false };
          break;
        case 'w:pPr':
          if (para) para.inPPr = true;
          break;
        case 'w:pStyle':
          if (para?.inPPr) para.style = a['w:val'];
          break;
        case 'w:numId':
          if (para?.inPPr) para.num.numId = a['w:val'];
          break;
        case 'w:ilvl':
          if (para?.inPPr) para.num.ilvl = Number(a['w:val'] ?? 0);
          break;
        case 'w:t':
          inText = true;
          break;
        case 'w:tab':
          if (para && !para.inPPr) para.text += '\t';
          break;
        case 'w:br':
        case 'w:cr':
          if (para && a['w:type'] !== 'page' && a['w:type'] !== 'column') para.text += '\n';
          break;
        case 'w:noBreakHyphen':
          if (para) para.text += '-';
          break;
        case 'w:tr':
          rows.push([]);
          break;
        case 'w:tc':
          rows[rows.length - 1]?.push('');
          break;
      }
    },
    text(t) {
      if (!skip && inText && para) para.text += t;
    },
    close(name) {
      if (SKIPPED.has(name)) {
        skip--;
        return;
      }
      if (skip) return;
      if (name === 'w:t') inText = false;
      else if (name === 'w:pPr' && para) para.inPPr = false;
      else if (name === 'w:p') finishParagraph();
      else if (name === 'w:tr') {
        const row = rows.pop() ?? [];
        const line = row.map((c) => c.trim()).join('\t');
        const outer = rows[rows.length - 1];
        if (outer) outer[outer.length - 1] += ` ${line.replace(/\t/g, ' ')}`;
        else if (line.replace(/\t/g, '').trim()) lines.push(line);
      }
    },
  });
  return lines.join('\n');
}

function unzip(bytes: Uint8Array, name: string): Record<string, Uint8Array> {
  // an old binary .doc and an encrypted .docx are both OLE compound files
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new LuoshiError(
      'docx-ole',
      `${name} 不是 .docx 文件：可能是旧版 Word 文档（.doc）或设置了打开密码的文档。请在 Word 或 WPS 中取消密码并另存为 .docx 后再试`,
      { file: name },
    );
  }
  try {
    checkZip(bytes);
  } catch (e) {
    if (e instanceof ZipRefused)
      throw new LuoshiError('zip-bomb', zipRefusalText(name, e.refusal), { file: name });
    throw e;
  }
  try {
    return unzipSync(bytes, {
      filter: (f) => /^word\/(document|numbering|styles)\.xml$/.test(f.name),
    });
  } catch {
    throw new LuoshiError('docx-corrupt', `${name} 已损坏或不是 Word 文档（.docx），无法读取`, {
      file: name,
    });
  }
}

/** The text of a .docx policy document. Throws LuoshiError (Chinese, naming the file) on bad input. */
export function docxText(bytes: Uint8Array, name: string): string {
  const files = unzip(bytes, name);
  const dec = new TextDecoder('utf-8');
  const doc = files['word/document.xml'];
  if (!doc) {
    throw new LuoshiError('docx-corrupt', `${name} 不是 Word 文档（缺少 word/document.xml），无法读取`, {
      file: name,
    });
  }
  const read = (f: string) => (files[f] ? dec.decode(files[f]) : undefined);
  return documentText(
    dec.decode(doc),
    readNumbering(read('word/numbering.xml')),
    readStyles(read('word/styles.xml')),
  );
}
