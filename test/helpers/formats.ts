/**
 * Format variants of a plain-text policy document, as a coordinating office receives them: a .docx
 * written with the docx library (headings "一、" and "（一）" as Word automatic numbering, tab-separated
 * lines as tabs), a .pdf printed from that .docx by LibreOffice, and a saved .html page (with site
 * navigation and a footer around the text, table rows for tab-separated lines).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AlignmentType, Document, LevelFormat, LevelSuffix, Packer, Paragraph, Tab, TextRun } from 'docx';
import { chineseNumber } from '../../src/core/catalogue/text.js';

const FONT = { eastAsia: 'Noto Serif CJK SC', ascii: 'Noto Serif CJK SC', hAnsi: 'Noto Serif CJK SC' };

function runs(line: string): TextRun[] {
  const parts = line.split('\t');
  return parts.map((p, i) => new TextRun({ font: FONT, children: i === 0 ? [p] : [new Tab(), p] }));
}

/** "一、…" and "（一）…" in sequence become numbered paragraphs (level 0 and 1), the rest stays text. */
function paragraphs(text: string): Paragraph[] {
  let top = 0;
  let sub = 0;
  return text.split(/\r?\n/).map((raw) => {
    const line = raw.includes('\t') ? raw : raw.replace(/^[ \u3000]+/, '');
    const l0 = /^([一二三四五六七八九十]+)、(?=\S)/.exec(line);
    if (l0 && chineseNumber(l0[1]) === top + 1) {
      top++;
      sub = 0;
      return new Paragraph({
        numbering: { reference: 'cn', level: 0 },
        children: runs(line.slice(l0[0].length)),
      });
    }
    const l1 = /^（([一二三四五六七八九十]+)）(?=\S)/.exec(line);
    if (l1 && top > 0 && chineseNumber(l1[1]) === sub + 1) {
      sub++;
      return new Paragraph({
        numbering: { reference: 'cn', level: 1 },
        children: runs(line.slice(l1[0].length)),
      });
    }
    return new Paragraph({ children: runs(raw) });
  });
}

export async function textToDocx(text: string): Promise<Uint8Array> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'cn',
          levels: [
            {
              level: 0,
              format: LevelFormat.CHINESE_COUNTING,
              text: '%1、',
              alignment: AlignmentType.LEFT,
              suffix: LevelSuffix.NOTHING,
            },
            {
              level: 1,
              format: LevelFormat.CHINESE_COUNTING,
              text: '（%2）',
              alignment: AlignmentType.LEFT,
              suffix: LevelSuffix.NOTHING,
            },
          ],
        },
      ],
    },
    sections: [{ children: paragraphs(text) }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A page as a government site serves it: navigation, the document, a footer. */
export function textToHtml(text: string, title: string): string {
  const body = text
    .split(/\r?\n/)
    .map((line) =>
      line.includes('\t')
        ? `<table><tr>${line
            .split('\t')
            .map((c) => `<td>${escapeHtml(c)}</td>`)
            .join('')}</tr></table>`
        : `<p>${escapeHtml(line)}</p>`,
    )
    .join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>p{margin:0}</style><script>var x = "首页 政务公开";</script></head><body>
<div class="header"><a href="/">首页</a> <a href="/zwgk">政务公开</a> <a href="/zcwj">政策文件</a></div>
<div class="nav">当前位置：首页 &gt; 政务公开 &gt; 政策文件</div>
<div class="main"><div id="zoom" class="content">
${body}
</div></div>
<div class="footer">主办单位：人民政府办公厅 网站标识码：0000000000 版权所有</div>
</body></html>`;
}

/**
 * A document set as an office sets it (GB/T 9704): the title in 22 pt over centred lines, the
 * document number centred, body paragraphs in 16 pt indented two characters.
 */
export async function officialDocx(title: string[], docNumber: string, body: string[]): Promise<Uint8Array> {
  const para = (text: string, size: number, centred: boolean) =>
    new Paragraph({
      alignment: centred ? AlignmentType.CENTER : undefined,
      indent: centred ? undefined : { firstLine: size * 40 },
      children: [new TextRun({ text, font: FONT, size: size * 2 })],
    });
  const doc = new Document({
    sections: [
      {
        children: [
          ...title.map((t) => para(t, 22, true)),
          para(docNumber, 16, true),
          ...body.map((t) => para(t, 16, false)),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** .docx files → PDF through one LibreOffice run (null when LibreOffice is not installed). */
export function docxToPdfBatch(docs: Map<string, Uint8Array>): Map<string, Uint8Array> | null {
  if (spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status !== 0) return null;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'luoshi-formats-'));
  try {
    const files = [...docs].map(([name, bytes], i) => {
      const f = path.join(dir, `d${i}.docx`);
      writeFileSync(f, bytes);
      return [name, f] as const;
    });
    const r = spawnSync(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${dir}/profile`,
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...files.map(([, f]) => f),
      ],
      { stdio: 'ignore', env: { ...process.env, HOME: dir }, timeout: 170_000 },
    );
    if (r.status !== 0) throw new Error(`soffice exited ${r.status}`);
    return new Map(
      files.map(([name, f]) => [name, new Uint8Array(readFileSync(f.replace(/\.docx$/, '.pdf')))]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
