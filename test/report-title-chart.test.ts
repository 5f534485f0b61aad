/**
 * Two small pieces of a report's page: the 2号 title broken into lines (GB/T 9704 7.3.1: 20
 * characters a line, half-width ones counting half, breaks at phrase boundaries) and the chart's
 * size and labels (percentages, counts, the 序时进度 line) in its SVG.
 */
import { describe, expect, it } from 'vitest';
import { buildChartSvg, chartSize } from '../src/core/report/chart.js';
import type { ChartData } from '../src/core/report/model.js';
import { breakTitle } from '../src/core/report/title-lines.js';

describe('title lines', () => {
  it('counts a Latin letter or digit as half a character: 20 full widths fit one line', () => {
    const eighteen = '长春市关于数字经济发展情况和有关工作';
    expect([...eighteen]).toHaveLength(18);
    expect(breakTitle(`${eighteen}AB5G`)).toEqual([`${eighteen}AB5G`]);
    expect(breakTitle(`${eighteen}AB5G6`)).toHaveLength(2);
    expect(breakTitle('一二三四五六七八九十一二三四五六七八九十')).toHaveLength(1);
  });

  it('breaks where a phrase starts (发展…) rather than inside the document title or after one character', () => {
    // 29 characters → two lines of about 14.5; a break after 关于 gives 9 + 20 (uneven, longer below);
    // before 发展 (a phrase start) gives 17 + 12
    expect(breakTitle('长春市人民政府关于《吉林省数字经济发展规划》落实情况的报告')).toEqual([
      '长春市人民政府关于《吉林省数字经济',
      '发展规划》落实情况的报告',
    ]);
  });

  it('breaks after 关于 when the lines come out even', () => {
    // 关于 ends the first 13 characters of 26: two even lines
    expect(breakTitle('吉林省发展和改革委员会关于全省重点项目建设情况的报告')).toEqual([
      '吉林省发展和改革委员会关于',
      '全省重点项目建设情况的报告',
    ]);
  });

  it('honours a narrower measure', () => {
    const lines = breakTitle('关于《甲》《乙》落实情况的报告', 8);
    expect(lines.join('')).toBe('关于《甲》《乙》落实情况的报告');
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(8);
  });
});

describe('the chart', () => {
  const chart = (over: Partial<ChartData> = {}): ChartData => ({
    title: '各单位指标平均完成率',
    categories: ['长春市', '吉林市'],
    values: [87.5, 60],
    unit: '%',
    reference: 75,
    labels: true,
    ...over,
  });

  it('is 800 px wide and 30 px taller per bar, from 360 up to 1000 px', () => {
    const h = (n: number) =>
      chartSize(chart({ categories: Array.from({ length: n }, (_, i) => `${i}`) })).height;
    expect(chartSize(chart())).toEqual({ width: 800, height: 360 });
    expect(h(9)).toBe(360);
    expect(h(10)).toBe(380);
    expect(h(30)).toBe(980);
    expect(h(31)).toBe(1000);
    expect(h(100)).toBe(1000);
  });

  it('labels bars in percent with one decimal and draws 序时进度 as a line', () => {
    const svg = buildChartSvg(chart(), 800, 360);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('87.5%');
    expect(svg).toContain('60.0%');
    expect(svg).toContain('序时进度 75.0%');
    expect(svg).toContain('长春市');
    expect(svg).toContain('Noto Sans CJK SC');
  });

  it('labels counts of offices as 个, with no reference line; no labels when asked for none', () => {
    const bands = chart({ categories: ['60%以下', '60%—80%'], values: [3, 12], unit: '个', reference: null });
    const svg = buildChartSvg(bands, 800, 360, 'SimSun');
    expect(svg).toContain('12个');
    expect(svg).toContain('单位数（个）');
    expect(svg).not.toContain('序时进度');
    expect(svg).toContain('SimSun');
    expect(buildChartSvg(chart({ labels: false }), 800, 360)).not.toContain('87.5%');
  });
});
