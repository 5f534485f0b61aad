/**
 * Chart data → SVG with echarts' server-side renderer (no DOM, no canvas). Turning the SVG into
 * PNG is the host's job (resvg in Node, a canvas in the add-in), handed in as `chartPng`.
 */
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartData } from './model.js';

echarts.use([BarChart, GridComponent, MarkLineComponent, SVGRenderer]);

/** The family the hosts' PNG renderers load (resvg: the CJK font file it was given). */
export const CHART_FONT_FAMILY = 'Noto Sans CJK SC';

/** Pixel size of the chart: wide enough for the 版心, taller with more bars. */
export function chartSize(chart: ChartData): { width: number; height: number } {
  const width = 800;
  const height = Math.min(1000, Math.max(360, 80 + chart.categories.length * 30));
  return { width, height };
}

/** Horizontal bars (one per office or status), labelled with their percentage; 序时进度 as a dashed line. */
export function buildChartSvg(
  chart: ChartData,
  width: number,
  height: number,
  fontFamily = CHART_FONT_FAMILY,
): string {
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    const longest = Math.max(2, ...chart.categories.map((c) => c.length));
    instance.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily, fontSize: 15, color: '#000000' },
      grid: {
        left: Math.min(280, 24 + longest * 18),
        right: chart.unit === '个' ? 130 : 80,
        top: 48,
        bottom: 36,
      },
      xAxis: {
        type: 'value',
        name: chart.unit === '%' ? '%' : '单位数（个）',
        minInterval: chart.unit === '个' ? 1 : undefined,
        axisLabel: { fontFamily, fontSize: 13, color: '#000000' },
        splitLine: { lineStyle: { color: '#d0d0d0' } },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: chart.categories,
        axisLabel: { fontFamily, fontSize: 17, color: '#000000', interval: 0 },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          data: chart.values,
          barMaxWidth: 22,
          itemStyle: { color: '#3a5f8f' },
          label: {
            show: chart.labels,
            position: 'right',
            fontFamily,
            fontSize: 15,
            color: '#000000',
            formatter: (p: { value?: unknown }) =>
              chart.unit === '%' ? `${Number(p.value).toFixed(1)}%` : `${Number(p.value)}个`,
          },
          markLine:
            chart.reference === null
              ? undefined
              : {
                  // The category axis is inverted, so the line "starts" at the top, where its label goes.
                  symbol: 'none',
                  silent: true,
                  lineStyle: { color: '#b22222', type: 'dashed', width: 2 },
                  label: {
                    fontFamily,
                    fontSize: 15,
                    color: '#b22222',
                    position: 'start',
                    formatter: `序时进度 ${chart.reference.toFixed(1)}%`,
                  },
                  data: [{ xAxis: chart.reference }],
                },
        },
      ],
    });
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}
