/**
 * Each fault of a 版头 that GB/T 9704 7.2 rules out, drawn on a hand-made first page and named by
 * `verifyMasthead`: the 标志 too low or off centre, a rule narrower than the 版心, the 发文字号 not
 * 空一字 from the left, the 签发人 not 空一字 from the right or not on the 发文字号's line, a centred
 * 发文字号 without a 签发人, the gaps of 空二行 above the 发文字号 and below the rule. Positions are
 * written in millimetres from the standard (版心 from 28 to 184 mm across and from 37 mm down).
 */
import { describe, expect, it } from 'vitest';
import type { PdfLine, PdfPage } from '../src/core/report/pdf-layout.js';
import type { Raster } from '../src/core/report/raster.js';
import { verifyMasthead } from '../src/core/report/verify-masthead.js';
import { paintA4 } from './helpers/page-image.js';

const PT = 72 / 25.4;
type Rgb = [number, number, number];
const RED: Rgb = [230, 0, 18];
const BLACK: Rgb = [20, 20, 20];
/** One line of 3号 text: 22 lines to the 225 mm 版心. */
const LINE = 225 / 22;

interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const box = (r: Rect, text: string): PdfLine => ({
  x0: r.x0 * PT,
  y0: r.y0 * PT,
  x1: r.x1 * PT,
  y1: r.y1 * PT,
  text,
});

interface Layout {
  mark: Rect;
  rule: Rect;
  number: Rect | null;
  signer: Rect | null;
  /** The title's first line (its glyphs); its second line follows one line lower. */
  title: Rect | null;
  extraRed: Rect[];
  /** A second, narrower row of the 标志 (a two-line 标志). */
  markLine2: Rect | null;
  /** The 份号 in black above the 标志. */
  copyNumber: Rect | null;
  /** Text boxes as pdftotext gives them: `pad` mm around the glyphs (negative: inside them). */
  pad: { top: number; bottom: number };
  /** Whether the 发文字号 and 签发人 are drawn (false: text boxes with no ink under them). */
  numberInk: boolean;
}

/** A 版头 as GB/T 9704 7.2 lays it out for a report sent upward (发文字号 left, 签发人 right). */
function conformant(): Layout {
  const markBottom = 83;
  const numberTop = markBottom + 2 * LINE + 1.5;
  const numberBottom = numberTop + 5.5;
  const ruleY = numberBottom + 4;
  const titleTop = ruleY + 2 * LINE + 1.5;
  return {
    mark: { x0: 40, y0: 72, x1: 172, y1: markBottom },
    rule: { x0: 28, y0: ruleY, x1: 184, y1: ruleY + 0.5 },
    number: { x0: 28 + 5.6, y0: numberTop, x1: 80, y1: numberBottom },
    signer: { x0: 140, y0: numberTop, x1: 184 - 5.6, y1: numberBottom },
    title: { x0: 50, y0: titleTop, x1: 160, y1: titleTop + 7 },
    extraRed: [],
    markLine2: null,
    copyNumber: null,
    pad: { top: 1, bottom: 1.5 },
    numberInk: true,
  };
}

function draw(l: Layout): { page: PdfPage; image: Raster } {
  const inks: (Rect & { rgb: Rgb })[] = [
    { ...l.mark, rgb: RED },
    { ...l.rule, rgb: RED },
    ...[l.markLine2, ...l.extraRed].flatMap((r) => (r ? [{ ...r, rgb: RED }] : [])),
  ];
  const lines: PdfLine[] = [
    box({ ...l.mark, y0: l.mark.y0 - 2, y1: l.mark.y1 + 1 }, '吉林省发展和改革委员会文件'),
  ];
  const secondTitle = l.title && { ...l.title, y0: l.title.y0 + LINE, y1: l.title.y1 + LINE };
  // The title's second line is listed first: the verifier must pick the topmost box below the rule.
  for (const [r, text, ink] of [
    [l.copyNumber, '000001', true],
    [l.number, '吉发改报〔2025〕 12 号', l.numberInk],
    [l.signer, '签发人：王大明', l.numberInk],
    [secondTitle, '全省重点项目建设情况的报告', true],
    [l.title, '吉林省发展和改革委员会关于', true],
  ] as const) {
    if (!r) continue;
    if (ink) inks.push({ ...r, rgb: BLACK });
    lines.push(box({ ...r, y0: r.y0 - l.pad.top, y1: r.y1 + l.pad.bottom }, text));
  }
  return { page: { width: 210 * PT, height: 297 * PT, lines }, image: paintA4(inks) };
}

function problems(change: (l: Layout) => void): string[] {
  const l = conformant();
  change(l);
  const { page, image } = draw(l);
  return verifyMasthead(page, image, true).problems;
}

describe('a conformant 版头 and what is measured', () => {
  it('passes and reports the 标志 at 35 mm and the rule 4 mm under the 发文字号', () => {
    const { page, image } = draw(conformant());
    const c = verifyMasthead(page, image, true);
    expect(c).toMatchObject({ id: 'render.masthead', ok: true, problems: [] });
    expect(c.summary).toBe('标志上边缘距版心上边缘35.0毫米，分隔线在发文字号下4.0毫米');
  });

  it('ignores red ink below the rule (a seal) when finding the 标志', () => {
    expect(problems((l) => l.extraRed.push({ x0: 120, y0: 200, x1: 160, y1: 240 }))).toEqual([]);
  });

  it('cannot check without a rendered first page or its image', () => {
    const { page, image } = draw(conformant());
    for (const c of [verifyMasthead(undefined, image, true), verifyMasthead(page, null, true)]) {
      expect(c.ok).toBe(false);
      expect(c.problems).toEqual(['没有排出第1页，无法检查版头']);
    }
    expect(verifyMasthead(undefined, null, false)).toMatchObject({ ok: true, summary: '没有版头（不检查）' });
  });
});

describe('faults of the 发文机关标志', () => {
  it('names a 标志 3 mm too low', () => {
    expect(problems((l) => Object.assign(l.mark, { y0: 75 }))).toEqual([
      '发文机关标志上边缘距版心上边缘38.0毫米，应为35毫米（GB/T 9704 7.2.4）',
    ]);
  });

  it('accepts a 标志 1 mm high and finds one 2.5 mm high', () => {
    expect(problems((l) => Object.assign(l.mark, { y0: 71 }))).toEqual([]);
    expect(problems((l) => Object.assign(l.mark, { y0: 69.5 })).join()).toContain(
      '上边缘距版心上边缘32.5毫米',
    );
  });

  it('finds a 标志 8 mm left or 4 mm right of centre, and accepts one 1 mm off', () => {
    expect(problems((l) => Object.assign(l.mark, { x0: 32, x1: 164 }))).toEqual([
      '发文机关标志没有居中（GB/T 9704 7.2.4）',
    ]);
    expect(problems((l) => Object.assign(l.mark, { x0: 44, x1: 176 }))).toEqual([
      '发文机关标志没有居中（GB/T 9704 7.2.4）',
    ]);
    expect(problems((l) => Object.assign(l.mark, { x0: 41, x1: 173 }))).toEqual([]);
  });

  it('without a rule, every red line counts as the 标志', () => {
    const p = problems((l) => Object.assign(l.rule, { x0: 0, x1: 0 }));
    expect(p).toEqual(['第1页没有与版心等宽的红色分隔线（GB/T 9704 7.2.7）']);
  });
});

describe('faults of the red rule', () => {
  it('names a rule that stops 4 mm short of the right edge', () => {
    expect(problems((l) => Object.assign(l.rule, { x1: 180 }))).toEqual([
      '红色分隔线从28.0毫米到180.0毫米，应与版心等宽（28.0—184.0毫米）',
    ]);
  });

  it('names a rule that starts 3 mm in from the left edge', () => {
    expect(problems((l) => Object.assign(l.rule, { x0: 31 }))).toEqual([
      '红色分隔线从31.0毫米到184.0毫米，应与版心等宽（28.0—184.0毫米）',
    ]);
  });
});

describe('faults of the 发文字号 and 签发人', () => {
  it('wants the 发文字号 空一字 from the left when there is a 签发人', () => {
    expect(problems((l) => Object.assign(l.number!, { x0: 28 }))).toEqual([
      '上行文的发文字号应居左空一字（GB/T 9704 7.2.5）',
    ]);
  });

  it('wants the 签发人 空一字 from the right', () => {
    expect(problems((l) => Object.assign(l.signer!, { x1: 184 }))).toEqual([
      '签发人应居右空一字（GB/T 9704 7.2.6）',
    ]);
  });

  it('wants the 签发人 on the 发文字号 line', () => {
    const p = problems((l) => Object.assign(l.signer!, { y0: l.signer!.y0 + 3, y1: l.signer!.y1 + 3 }));
    expect(p).toEqual(['发文字号应与签发人姓名处在同一行（GB/T 9704 7.2.5）']);
  });

  it('wants a lone 发文字号 centred, and accepts it centred', () => {
    expect(problems((l) => (l.signer = null))).toEqual(['发文字号应居中（GB/T 9704 7.2.5）']);
    expect(problems((l) => ((l.signer = null), Object.assign(l.number!, { x0: 80, x1: 132 })))).toEqual([]);
  });

  it('measures from the 签发人 line when there is no 发文字号', () => {
    expect(problems((l) => (l.number = null))).toEqual([]);
  });

  it('names a 版头 with neither 发文字号 nor 签发人', () => {
    const p = problems((l) => ((l.number = null), (l.signer = null)));
    expect(p).toEqual(['版头中没有发文字号（如“吉发改报〔2025〕12号”）或签发人']);
  });

  it('names a 发文字号 one line under the 标志, and one four lines under', () => {
    const near = problems((l) => {
      for (const r of [l.number!, l.signer!]) Object.assign(r, { y0: r.y0 - LINE, y1: r.y1 - LINE });
      l.rule.y0 -= LINE;
      l.rule.y1 -= LINE;
      l.title!.y0 -= LINE;
      l.title!.y1 -= LINE;
    });
    expect(near).toHaveLength(1);
    expect(near[0]).toMatch(
      /^发文字号与发文机关标志相距1[12]\.\d毫米，应在标志下空二行（GB\/T 9704 7\.2\.5）$/,
    );
    const far = problems((l) => {
      for (const r of [l.number!, l.signer!, l.rule, l.title!])
        Object.assign(r, { y0: r.y0 + 2 * LINE, y1: r.y1 + 2 * LINE });
    });
    expect(far).toHaveLength(1);
    expect(far[0]).toMatch(/^发文字号与发文机关标志相距4[12]\.\d毫米/);
  });
});

describe('the title under the rule', () => {
  it('names a title one line under the rule, and one four lines under', () => {
    const near = problems((l) => Object.assign(l.title!, { y0: l.title!.y0 - LINE, y1: l.title!.y1 - LINE }));
    expect(near).toHaveLength(1);
    expect(near[0]).toMatch(/^标题与红色分隔线相距1[12]\.\d毫米，应在分隔线下空二行（GB\/T 9704 7\.3\.1）$/);
    const far = problems((l) =>
      Object.assign(l.title!, { y0: l.title!.y0 + 2 * LINE, y1: l.title!.y1 + 2 * LINE }),
    );
    expect(far.join()).toMatch(/标题与红色分隔线相距4[12]\.\d毫米/);
  });
});

describe('what the measures rest on', () => {
  it('names the check and says what it measured', () => {
    const { page } = draw(conformant());
    expect(verifyMasthead(page, null, true)).toEqual({
      id: 'render.masthead',
      name: '版头（发文机关标志、发文字号、签发人、红色分隔线）',
      ok: false,
      problems: ['没有排出第1页，无法检查版头'],
      summary: '',
    });
    expect(verifyMasthead(page, null, false)).toEqual({
      id: 'render.masthead',
      name: '版头（发文机关标志、发文字号、签发人、红色分隔线）',
      ok: true,
      problems: [],
      summary: '没有版头（不检查）',
    });
    // nothing red and no ink: nothing measured
    const blank = verifyMasthead(page, paintA4([]), true);
    expect(blank.summary).toBe('版头');
  });

  it('measures glyphs, not text boxes: a box 0.5 mm inside the ink still gives the true gaps', () => {
    const l = conformant();
    l.pad = { top: -0.5, bottom: -0.5 };
    const { page, image } = draw(l);
    expect(verifyMasthead(page, image, true)).toMatchObject({
      ok: true,
      summary: '标志上边缘距版心上边缘35.0毫米，分隔线在发文字号下4.0毫米',
    });
    // the 发文字号 one line too high, its box inside the ink: the gap named is the glyphs' 12.0 mm
    const near = problems((x) => {
      x.pad = { top: -0.5, bottom: -0.5 };
      for (const r of [x.number!, x.signer!, x.rule, x.title!])
        Object.assign(r, { y0: r.y0 - LINE, y1: r.y1 - LINE });
    });
    expect(near).toEqual(['发文字号与发文机关标志相距12.0毫米，应在标志下空二行（GB/T 9704 7.2.5）']);
  });

  it('centres a two-line 标志 on its widest extent', () => {
    // rows of 40–172 and 60–172 mm: the 标志 spans 40–172, centred on 106 mm
    expect(problems((l) => (l.markLine2 = { x0: 60, y0: 84, x1: 172, y1: 86 }))).toEqual([]);
    expect(problems((l) => (l.markLine2 = { x0: 40, y0: 84, x1: 150, y1: 86 }))).toEqual([]);
  });

  it('a 发文字号 box with no ink under it gives no gap to judge', () => {
    const l = conformant();
    l.numberInk = false;
    const { page, image } = draw(l);
    const c = verifyMasthead(page, image, true);
    expect(c.problems).toEqual([]);
    expect(c.summary).toBe('标志上边缘距版心上边缘35.0毫米');
  });

  it('no title under the rule: nothing to judge there', () => {
    expect(problems((l) => (l.title = null))).toEqual([]);
  });

  it('without a rule, the 份号 above the 标志 is not taken for the title', () => {
    const p = problems((l) => {
      Object.assign(l.rule, { x0: 0, x1: 0 });
      l.copyNumber = { x0: 28, y0: 40, x1: 50, y1: 45 };
    });
    expect(p).toEqual(['第1页没有与版心等宽的红色分隔线（GB/T 9704 7.2.7）']);
  });
});
