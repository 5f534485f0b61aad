/**
 * The PDF reader's layout rules on lines placed as a word processor places them (A4, 10 pt body,
 * margins at 72 and 522 pt, 14.4 pt line pitch, an empty paragraph 11.6 pt high): what the text
 * loses in print (a row's wrapped last cell, a title over several lines, the tabs and empty cells of
 * a table typed with leading tabs) comes back from the positions.
 */
import { describe, expect, it } from 'vitest';
import { reflow, type PdfLine } from '../src/host/input/pdf-layout.js';

const LEFT = 72;
const RIGHT = 522;
const PITCH = 14.4;
const BLANK = 11.6;

/** Lays out paragraphs top-down: each is [text, indent in pt, blank paragraphs before]; wraps at 45 characters. */
function page(paras: [string, number, number][], opts: { size?: number; top?: number; page?: number } = {}) {
  const size = opts.size ?? 10;
  let y = opts.top ?? 760;
  const out: PdfLine[] = [];
  let first = true;
  for (const [text, indent, blanks] of paras) {
    if (!first) y -= PITCH + blanks * BLANK;
    first = false;
    let rest = text;
    let x = LEFT + indent;
    for (;;) {
      const room = Math.floor((RIGHT - x) / size);
      const piece = rest.slice(0, room);
      rest = rest.slice(room);
      out.push(line(piece, x, y, { size, page: opts.page, right: rest ? RIGHT : x + piece.length * size }));
      if (!rest) break;
      x = LEFT;
      y -= PITCH;
    }
  }
  return out;
}

function line(text: string, x: number, y: number, o: { size?: number; page?: number; right?: number } = {}) {
  const size = o.size ?? 10;
  return {
    text,
    x,
    y,
    size,
    right: o.right ?? x + text.length * size,
    page: o.page ?? 1,
    place: 1 - y / 842,
  } satisfies PdfLine;
}

const filler = (n: number) =>
  Array.from({ length: n }, (_, i): [string, number, number] => [
    `第${i + 1}段正文内容，用于确定版心的左右边距和行距，这一段文字足够长以便折行显示在下一行继续。`,
    0,
    1,
  ]);

describe('PDF layout', () => {
  it('a row whose last cell wraps to the margin runs on into that line', () => {
    const lines = [
      line('标题:\t吉林市人民政府办公厅关于印发吉林市支持社会力量提供多层次医疗服务实施方案的通', LEFT, 760, {
        right: RIGHT - 4,
      }),
      line('知', LEFT, 760 - PITCH),
      line('发文字号:\t吉市政办发(2018)19号', LEFT, 760 - 2 * PITCH),
      ...page(filler(4), { top: 700 }),
    ];
    const text = reflow(lines).split('\n');
    expect(text[0]).toBe(
      '标题:\t吉林市人民政府办公厅关于印发吉林市支持社会力量提供多层次医疗服务实施方案的通知',
    );
    expect(text[1]).toBe('发文字号:\t吉市政办发(2018)19号');
  });

  it('a title set large over centred lines is one line; the centred body lines after it are not joined to it', () => {
    const centre = (t: string, size: number, y: number) => {
      const w = t.length * size;
      return line(t, (LEFT + RIGHT - w) / 2, y, { size });
    };
    const lines = [
      centre('吉林省人民政府办公厅关于进一步完善', 22, 780),
      centre('医疗卫生服务体系的实施意见', 22, 780 - 30),
      centre('吉政办发〔2023〕21号', 10, 780 - 70),
      ...page(filler(4), { top: 680 }),
    ];
    const text = reflow(lines).split('\n');
    expect(text[0]).toBe('吉林省人民政府办公厅关于进一步完善医疗卫生服务体系的实施意见');
    expect(text).toContain('吉政办发〔2023〕21号');
  });

  it('body text set in the same centred way is not taken for a title', () => {
    const lines = [
      line('各市（州）人民政府：', 200, 780),
      line('现将有关事项通知如下。', 200, 780 - PITCH),
      ...page(filler(3), { top: 740 }),
    ];
    expect(reflow(lines).split('\n').slice(0, 2)).toEqual(['各市（州）人民政府：', '现将有关事项通知如下。']);
  });

  it('a table typed with leading tabs gets its tabs back, and its empty cells from the blank space', () => {
    const TAB = 36;
    const long = '加强基层医疗卫生机构建设，完善城乡医疗服务体系，提升基层卫生服务能力和水平，推进各项建设';
    const lines = page([
      ...filler(3),
      ['类别', TAB, 1],
      ['主要方向', TAB, 0],
      ['责任单位', TAB, 0],
      ['参与单位', TAB, 0],
      // row 1: all four cells, the second wraps back to the margin
      ['一、医疗服务', TAB, 1],
      [long, TAB, 0],
      ['市卫计局', TAB, 0],
      ['市人社局', TAB, 0],
      ['市财政局', 0, 0], // a second paragraph of the same cell
      // row 2: the category merged with the row above (empty), no participant (empty)
      ['鼓励社会资本举办医疗机构', TAB, 2],
      ['市卫计局', TAB, 0],
      // row 3: empty category again
      ['发展中医药产业', TAB, 3],
      ['市发改局', TAB, 0],
      ['市商务局', TAB, 0],
      ['正文继续，这一段不在表内。', 0, 1],
    ]);
    const text = reflow(lines);
    const table = text.slice(text.indexOf('\t类别'), text.indexOf('\n\n正文继续'));
    expect(table.split('\n')).toEqual([
      '\t类别',
      '\t主要方向',
      '\t责任单位',
      '\t参与单位',
      '',
      '\t一、医疗服务',
      `\t${long}`,
      '\t市卫计局',
      '\t市人社局',
      '市财政局',
      '',
      '\t',
      '\t鼓励社会资本举办医疗机构',
      '\t市卫计局',
      '\t',
      '',
      '\t',
      '\t发展中医药产业',
      '\t市发改局',
      '\t市商务局',
    ]);
  });

  it('a signature block or an indented line or two is not a table', () => {
    const lines = page([
      ...filler(3),
      ['吉林市人民政府办公厅', 250, 2],
      ['2018年4月28日', 262, 0],
      ['（此件公开发布）', 40, 1],
    ]);
    expect(reflow(lines)).not.toContain('\t');
  });
});
