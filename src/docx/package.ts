/**
 * What the `docx` library cannot write, patched into the packed .docx: a font table that declares
 * every face with its East Asian charset, panose number and a substitute (w:altName), so that Word
 * and WPS on a machine without 仿宋_GB2312 or 方正小标宋简体 still choose a Chinese face of the same
 * kind (docs/gbt9704.md §2). Pure: bytes in, bytes out.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { FontSet } from '../core/report/layout.js';

interface FontFacts {
  /** The face Word and WPS use when this one is missing (one a stock Windows PC has). */
  altName?: string;
  panose: string;
  /** 86 = GB2312 (Chinese), 00 = ANSI. */
  charset: '86' | '00';
  family: 'roman' | 'modern' | 'auto';
  pitch: 'fixed' | 'variable';
}

const KNOWN: Record<string, FontFacts> = {
  仿宋_GB2312: {
    altName: '仿宋',
    panose: '02010609030101010101',
    charset: '86',
    family: 'modern',
    pitch: 'fixed',
  },
  楷体_GB2312: {
    altName: '楷体',
    panose: '02010609030101010101',
    charset: '86',
    family: 'modern',
    pitch: 'fixed',
  },
  方正小标宋简体: {
    altName: '宋体',
    panose: '02000000000000000000',
    charset: '86',
    family: 'auto',
    pitch: 'variable',
  },
  华文中宋: {
    altName: '宋体',
    panose: '02010600040101010101',
    charset: '86',
    family: 'auto',
    pitch: 'variable',
  },
  仿宋: {
    altName: 'FangSong',
    panose: '02010609060101010101',
    charset: '86',
    family: 'modern',
    pitch: 'fixed',
  },
  楷体: { altName: 'KaiTi', panose: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  黑体: {
    altName: 'SimHei',
    panose: '02010609060101010101',
    charset: '86',
    family: 'modern',
    pitch: 'fixed',
  },
  宋体: {
    altName: 'SimSun',
    panose: '02010600030101010101',
    charset: '86',
    family: 'auto',
    pitch: 'variable',
  },
  'Times New Roman': { panose: '02020603050405020304', charset: '00', family: 'roman', pitch: 'variable' },
};

const FALLBACK: FontFacts = {
  altName: '宋体',
  panose: '02010600030101010101',
  charset: '86',
  family: 'auto',
  pitch: 'variable',
};

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** word/fontTable.xml declaring the profile's faces. */
export function fontTableXml(fonts: FontSet): string {
  const names = [...new Set([fonts.body, fonts.kai, fonts.hei, fonts.title, fonts.song, fonts.latin])];
  const entries = names.map((name) => {
    const f = KNOWN[name] ?? FALLBACK;
    const alt = f.altName && f.altName !== name ? `<w:altName w:val="${escapeXml(f.altName)}"/>` : '';
    return (
      `<w:font w:name="${escapeXml(name)}">${alt}<w:panose1 w:val="${f.panose}"/>` +
      `<w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `${entries.join('')}</w:fonts>`
  );
}

/**
 * Paragraphs do not snap to the document grid by default: the exact 579-twip lines already give 22 a
 * page, and LibreOffice would otherwise give a 2号 title line or a table row two grid lines. The grid
 * stays in the section for Word's 页面设置 (docs/gbt9704.md §3).
 */
function noSnapByDefault(styles: string): string {
  // No widow/orphan control either: a page of body text is filled to its 22nd line (5.2.3 撑满版心).
  return styles.replace(
    '<w:pPrDefault><w:pPr>',
    '<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:snapToGrid w:val="0"/>',
  );
}

/** The packed .docx with the font table replaced and the paragraph defaults completed. */
export function finishPackage(docx: Uint8Array, fonts: FontSet): Uint8Array {
  const files = unzipSync(docx);
  files['word/fontTable.xml'] = strToU8(fontTableXml(fonts));
  files['word/styles.xml'] = strToU8(noSnapByDefault(strFromU8(files['word/styles.xml'])));
  return zipSync(files, { level: 6 });
}
