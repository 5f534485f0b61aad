/**
 * What `verifyMasthead` takes for the red 发文机关标志 and what for the red rule (GB/T 9704 7.2.4,
 * 7.2.7): the rule is as wide as the 版心 (156 mm); a red line of 150 mm or less is lettering, so a wide
 * 标志 of exactly 150 mm is still the 标志. Drawn at 4 pixels a millimetre, so 150 mm is 600 pixels.
 */
import { describe, expect, it } from 'vitest';
import type { PdfLine, PdfPage } from '../src/core/report/pdf-layout.js';
import { verifyMasthead } from '../src/core/report/verify-masthead.js';
import { paintA4 } from './helpers/page-image.js';

const PT = 72 / 25.4;
const RED: [number, number, number] = [230, 0, 18];
const BLACK: [number, number, number] = [20, 20, 20];
/** One line of 3号 text: 22 lines to the 225 mm 版心. */
const LINE = 225 / 22;

const box = (x0: number, y0: number, x1: number, y1: number, text: string): PdfLine => ({
  x0: x0 * PT,
  y0: y0 * PT,
  x1: x1 * PT,
  y1: y1 * PT,
  text,
});

describe('the 标志 and the rule told apart by length', () => {
  it('takes a centred red 标志 exactly 150 mm wide for the 标志, not for the rule', () => {
    // 标志 72–83 mm down (35 mm below the 版心's top at 37 mm), 31–181 mm across (centred on 106 mm)
    const markBottom = 83;
    const numberTop = markBottom + 2 * LINE + 1.5;
    const numberBottom = numberTop + 5.5;
    const ruleY = numberBottom + 4;
    const titleTop = ruleY + 2 * LINE + 1.5;
    const image = paintA4([
      { x0: 31, y0: 72, x1: 181, y1: markBottom, rgb: RED },
      { x0: 28 + 5.6, y0: numberTop, x1: 80, y1: numberBottom, rgb: BLACK },
      { x0: 140, y0: numberTop, x1: 184 - 5.6, y1: numberBottom, rgb: BLACK },
      { x0: 28, y0: ruleY, x1: 184, y1: ruleY + 0.5, rgb: RED },
      { x0: 50, y0: titleTop, x1: 160, y1: titleTop + 7, rgb: BLACK },
    ]);
    const page: PdfPage = {
      width: 210 * PT,
      height: 297 * PT,
      lines: [
        box(31, 70, 181, 84, '吉林省发展和改革委员会文件'),
        box(28 + 5.6, numberTop - 1, 80, numberBottom + 1.5, '吉发改报〔2025〕12号'),
        box(140, numberTop - 1, 184 - 5.6, numberBottom + 1.5, '签发人：王大明'),
        box(50, titleTop - 1, 160, titleTop + 8, '吉林省发展和改革委员会关于'),
      ],
    };
    const c = verifyMasthead(page, image, true);
    expect(c.problems).toEqual([]);
    expect(c.summary).toBe('标志上边缘距版心上边缘35.0毫米，分隔线在发文字号下4.0毫米');
  });
});
