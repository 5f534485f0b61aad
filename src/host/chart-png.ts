/**
 * SVG → PNG for report charts in Node, with @resvg/resvg-js and a CJK font file loaded explicitly
 * (without one resvg silently drops every label). The add-in supplies its own canvas-based converter.
 */
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { LuoshiError } from '../core/errors.js';
import { CHART_FONT_FAMILY } from '../core/report/chart.js';

/** Where Debian/Ubuntu, Fedora, Arch and macOS keep a Simplified-Chinese sans font. */
export const CJK_FONT_CANDIDATES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc',
  '/System/Library/Fonts/PingFang.ttc',
  'C:\\Windows\\Fonts\\msyh.ttc',
  'C:\\Windows\\Fonts\\simhei.ttf',
];

/** The CJK font to draw chart labels with: LUOSHI_CHART_FONT, else the first candidate present. */
export function findCjkFont(env: NodeJS.ProcessEnv = process.env): string {
  const wanted = env.LUOSHI_CHART_FONT;
  if (wanted) {
    if (!existsSync(wanted))
      throw new LuoshiError('chart-font', `环境变量 LUOSHI_CHART_FONT 指定的字体文件不存在：${wanted}`);
    return wanted;
  }
  const found = CJK_FONT_CANDIDATES.find((f) => existsSync(f));
  if (!found) {
    throw new LuoshiError(
      'chart-font',
      '找不到中文字体文件，无法绘制图表文字。请安装 Noto CJK 字体（如 apt-get install fonts-noto-cjk），或用环境变量 LUOSHI_CHART_FONT 指定一个 .ttf/.ttc/.otf 中文字体文件',
    );
  }
  return found;
}

/**
 * A chartPng for renderReportDocx. `fontFile` null renders with no font at all (labels vanish),
 * which only tests use to show the font matters.
 */
export function makeChartPng(
  fontFile: string | null = findCjkFont(),
): (svg: string, width: number, height: number) => Promise<Uint8Array> {
  // The Promise constructor turns a rendering error into a rejection, as callers expect.
  return (svg: string, width: number): Promise<Uint8Array> =>
    new Promise((resolve) => resolve(renderPng(svg, width, fontFile)));
}

/** The SVG drawn at twice its width (sharp when Word scales it), on white. */
function renderPng(svg: string, width: number, fontFile: string | null): Uint8Array {
  const r = new Resvg(svg, {
    fitTo: { mode: 'width', value: width * 2 },
    background: '#ffffff',
    font: fontFile
      ? {
          loadSystemFonts: false,
          fontFiles: [fontFile],
          defaultFontFamily: CHART_FONT_FAMILY,
          sansSerifFamily: CHART_FONT_FAMILY,
        }
      : { loadSystemFonts: false },
  });
  return new Uint8Array(r.render().asPng());
}
