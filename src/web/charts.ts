/**
 * What the pages chart, as echarts options for EChart.vue: a horizontal bar chart of one figure per
 * office (with the 序时进度 line) and a line chart of figures over rounds. Each also gives the chart's
 * text alternative and height.
 */
import type { EChartsCoreOption } from 'echarts/core';

export interface ChartSpec {
  option: EChartsCoreOption;
  label: string;
  height: number;
}

export function barChart(c: {
  categories: string[];
  values: (number | null)[];
  unit: string;
  label: string;
  reference?: number | null;
}): ChartSpec {
  const longest = Math.max(2, ...c.categories.map((x) => x.length));
  const option: EChartsCoreOption = {
    animation: false,
    tooltip: { trigger: 'axis' },
    grid: { left: Math.min(260, 20 + longest * 14), right: 70, top: 30, bottom: 30 },
    xAxis: { type: 'value', name: c.unit },
    yAxis: { type: 'category', inverse: true, data: c.categories, axisLabel: { interval: 0 } },
    series: [
      {
        type: 'bar',
        name: c.label,
        data: c.values,
        barMaxWidth: 20,
        itemStyle: { color: '#3a5f8f' },
        label: {
          show: true,
          position: 'right',
          formatter: (p: { value?: unknown }) => `${Number(p.value).toFixed(1)}${c.unit}`,
        },
        markLine:
          c.reference == null
            ? undefined
            : {
                symbol: 'none',
                lineStyle: { color: '#b22222', type: 'dashed' },
                label: { formatter: `序时进度 ${c.reference.toFixed(1)}%` },
                data: [{ xAxis: c.reference }],
              },
      },
    ],
  };
  return {
    option,
    label: `${c.label}：${c.categories.map((x, i) => `${x} ${c.values[i] ?? '—'}${c.unit}`).join('，')}`,
    height: Math.min(900, Math.max(240, 60 + c.categories.length * 28)),
  };
}

export function lineChart(c: {
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  label: string;
}): ChartSpec {
  return {
    option: {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 60, right: 30, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: c.categories },
      yAxis: { type: 'value', name: c.label },
      series: c.series.map((s) => ({ type: 'line', name: s.name, data: s.values, connectNulls: false })),
    },
    label: `${c.label}趋势图：${c.series.length} 个单位，${c.categories.join('、')}`,
    height: 320,
  };
}
