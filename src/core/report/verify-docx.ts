/**
 * GB/T 9704 rules that the .docx itself shows (docs/gbt9704.md §2–3): page setup, document grid,
 * fonts and their substitution hints, page-number footers. Input: the XML parts of the package by
 * name (word/document.xml, word/styles.xml, …). Pure; regular expressions suffice for the few
 * attributes read here.
 */
import { MARGIN, PAGE_H, PAGE_W, TEXT_H, TEXT_W } from './layout.js';
import { check, type VerifyCheck } from './verify-types.js';

export type DocxParts = Record<string, string>;

const TOLERANCE = 57; // 1 mm in twips (docs/gbt9704.md §1: ±1 mm)

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m ? m[1] : null;
}

function numAttr(tag: string, name: string): number | null {
  const v = attr(tag, name);
  return v === null ? null : Number(v);
}

/** The text of each paragraph of word/document.xml, in order. */
export function docxParagraphs(documentXml: string): string[] {
  const out: string[] = [];
  for (const p of documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const text = [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decodeXml(t[1])).join('');
    out.push(text);
  }
  return out;
}

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function near(v: number | null, want: number): boolean {
  return v !== null && Math.abs(v - want) <= TOLERANCE;
}

function checkPageSetup(doc: string): VerifyCheck {
  const problems: string[] = [];
  const sections = [...doc.matchAll(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
  if (sections.length === 0) problems.push('没有页面设置（w:sectPr）');
  sections.forEach((s, i) => {
    const which = sections.length > 1 ? `第${i + 1}节` : '页面设置';
    const size = /<w:pgSz\b[^>]*>/.exec(s)?.[0] ?? '';
    const mar = /<w:pgMar\b[^>]*>/.exec(s)?.[0] ?? '';
    const landscape = attr(size, 'w:orient') === 'landscape';
    const [w, h] = [numAttr(size, 'w:w'), numAttr(size, 'w:h')];
    const [pw, ph] = landscape ? [PAGE_H, PAGE_W] : [PAGE_W, PAGE_H];
    if (!near(w, pw) || !near(h, ph)) problems.push(`${which}纸张不是A4（${w}×${h}缇）`);
    const m = {
      top: numAttr(mar, 'w:top') ?? 0,
      bottom: numAttr(mar, 'w:bottom') ?? 0,
      left: numAttr(mar, 'w:left') ?? 0,
      right: numAttr(mar, 'w:right') ?? 0,
    };
    if (!landscape) {
      const bad = (['top', 'bottom', 'left', 'right'] as const).filter((k) => !near(m[k], MARGIN[k]));
      if (bad.length)
        problems.push(
          `${which}页边距应为上37、下35、左28、右26毫米（版心156×225毫米），现为上${mmOf(m.top)}、下${mmOf(m.bottom)}、左${mmOf(m.left)}、右${mmOf(m.right)}毫米`,
        );
    } else {
      const textW = PAGE_H - m.left - m.right;
      const textH = PAGE_W - m.top - m.bottom;
      if (!near(textW, TEXT_H) || !near(textH, TEXT_W))
        problems.push(`${which}（横排表格）的版心应为225×156毫米，现为${mmOf(textW)}×${mmOf(textH)}毫米`);
    }
  });
  return check('docx.page', '页面设置（A4，版心156×225毫米）', problems, `${sections.length}节`);
}

function mmOf(twips: number): string {
  return ((twips * 25.4) / 1440).toFixed(1);
}

function checkGrid(doc: string): VerifyCheck {
  const problems: string[] = [];
  const sections = [...doc.matchAll(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
  sections.forEach((s, i) => {
    if (/w:orient="landscape"/.test(s)) return;
    const which = sections.length > 1 ? `第${i + 1}节` : '页面设置';
    const grid = /<w:docGrid\b[^>]*>/.exec(s)?.[0];
    const type = grid ? attr(grid, 'w:type') : null;
    const pitch = grid ? numAttr(grid, 'w:linePitch') : null;
    if (!grid || (type !== 'lines' && type !== 'linesAndChars'))
      problems.push(`${which}没有文档网格（Word“页面设置—文档网格”显示“无网格”），应为每页22行`);
    else if (pitch === null || Math.floor(TEXT_H / pitch) !== 22)
      problems.push(`${which}文档网格行距${pitch}缇，每页不是22行（应约579缇）`);
  });
  return check('docx.grid', '文档网格（每页22行）', problems, `${sections.length}节`);
}

const FANGSONG = /仿宋|FangSong/i;

/** East Asian font names used by runs, styles and footers. */
function eastAsiaFonts(parts: DocxParts): Set<string> {
  const names = new Set<string>();
  for (const [name, xml] of Object.entries(parts)) {
    if (!/^word\/(document|styles|footer\d*|header\d*)\.xml$/.test(name)) continue;
    for (const m of xml.matchAll(/<w:rFonts\b[^>]*>/g)) {
      const ea = attr(m[0], 'w:eastAsia');
      if (ea) names.add(decodeXml(ea));
    }
  }
  return names;
}

function checkFonts(parts: DocxParts): VerifyCheck {
  const problems: string[] = [];
  const styles = parts['word/styles.xml'] ?? '';
  const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
  const ea = attr(/<w:rFonts\b[^>]*>/.exec(defaults)?.[0] ?? '', 'w:eastAsia');
  const sz = numAttr(/<w:sz\b[^>]*>/.exec(defaults)?.[0] ?? '', 'w:val');
  if (!ea || !FANGSONG.test(ea))
    problems.push(`默认中文字体应为仿宋（3号仿宋，GB/T 9704 5.2.2），现为“${ea ?? '未设置'}”`);
  if (sz !== 32) problems.push(`默认字号应为3号（16磅），现为${sz === null ? '未设置' : `${sz / 2}磅`}`);
  for (const [name, xml] of Object.entries(parts))
    if (/^word\/(document|styles)\.xml$/.test(name) && /w:(eastAsia|ascii|hAnsi)Theme=/.test(xml))
      problems.push(`${name} 用了主题字体（会盖过所设的中文字体）`);
  const table = parts['word/fontTable.xml'] ?? '';
  const declared = new Map<string, string>();
  for (const m of table.matchAll(/<w:font\b[^>]*w:name="([^"]*)"[^>]*>([\s\S]*?)<\/w:font>/g))
    declared.set(decodeXml(m[1]), m[2]);
  for (const f of eastAsiaFonts(parts)) {
    const entry = declared.get(f);
    if (entry === undefined)
      problems.push(`字体表（fontTable.xml）没有“${f}”，Word/WPS 缺这种字体时无从替换`);
    else if (/_GB2312|方正|华文/.test(f) && !/<w:altName\b/.test(entry))
      problems.push(`字体表中“${f}”没有替换字体（w:altName），普通 Windows 电脑没有这种字体`);
  }
  return check(
    'docx.fonts',
    '字体（3号仿宋，字体表有替换提示）',
    problems,
    `中文字体：${[...eastAsiaFonts(parts)].join('、')}`,
  );
}

function checkFooters(parts: DocxParts): VerifyCheck {
  const problems: string[] = [];
  const settings = parts['word/settings.xml'] ?? '';
  if (!/<w:evenAndOddHeaders\b/.test(settings))
    problems.push('未设置“奇偶页不同”：页码应单页居右、双页居左（GB/T 9704 7.5）');
  const footers = Object.entries(parts).filter(([n]) => /^word\/footer\d*\.xml$/.test(n));
  const numbered = footers.filter(([, x]) => /PAGE/.test(x) && /—/.test(x));
  if (numbered.length < 2) problems.push('页脚中没有单、双页两种“— 页码 —”');
  for (const [name, x] of numbered) {
    const sizes = [...x.matchAll(/<w:sz w:val="(\d+)"/g)].map((m) => Number(m[1]));
    if (sizes.some((s) => s !== 28)) problems.push(`${name} 的页码应为4号（14磅）`);
    if (!/w:ascii="宋体"|w:eastAsia="宋体"/.test(x)) problems.push(`${name} 的页码应为宋体`);
  }
  return check('docx.page-numbers', '页码格式（4号宋体，奇偶页不同）', problems, `${footers.length}个页脚`);
}

/** Every static check of the .docx parts. */
export function verifyDocx(parts: DocxParts): VerifyCheck[] {
  const doc = parts['word/document.xml'];
  if (!doc) return [check('docx.open', '文件结构', ['不是 Word 文件：缺少 word/document.xml'], '')];
  return [checkPageSetup(doc), checkGrid(doc), checkFonts(parts), checkFooters(parts)];
}
