// One indicator's chart (ECharts, as the statistics panel): actuals as bars (a rate or a ratio as a
// line), targets and plans as a dashed line of markers, and where a straight-line comparison was
// made, the point the path expected. A click on a point reports its value's id.
import * as echarts from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { t } from './i18n.js';

echarts.use([BarChart, LineChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const ACTUAL = '#2f6fa8';
const GOAL = '#c0392b';
const EXPECTED = '#e08e0b';

export function drawIndicatorChart(element, indicator, periodLabel, onValue) {
  const values = indicator.values;
  const periods = [];
  values.forEach((v) => { if (!periods.includes(v.period)) periods.push(v.period); });
  const at = (kind) => periods.map((p) => {
    const v = values.find((x) => x.period === p && (kind === 'actual' ? x.kind === 'actual' : x.kind !== 'actual'));
    return v ? { value: v.value, valueId: v.id, stated: v.stated } : null;
  });
  const expected = periods.map((p) => {
    const prog = indicator.progress.find((x) => x.method === 'straight_line' && x.actual?.period === p);
    return prog ? { value: prog.target.value * prog.expected_share, valueId: prog.target.id,
      stated: `${Math.round(prog.expected_share * 100)}% × ${prog.target.stated}` } : null;
  });
  const rate = ['growth', 'ratio', 'rank'].includes(indicator.measure);
  const series = [
    { name: t('ind.series.actual'), type: rate ? 'line' : 'bar', data: at('actual'), itemStyle: { color: ACTUAL },
      barMaxWidth: 28, connectNulls: true, symbolSize: 9 },
    { name: t('ind.series.goal'), type: 'line', data: at('goal'), connectNulls: true, symbol: 'rect', symbolSize: 10,
      itemStyle: { color: GOAL }, lineStyle: { type: 'dashed', color: GOAL } },
  ];
  if (expected.some(Boolean)) {
    series.push({ name: t('ind.series.expected'), type: 'scatter', data: expected, symbol: 'diamond', symbolSize: 12,
      itemStyle: { color: EXPECTED } });
  }
  const chart = echarts.getInstanceByDom(element) || echarts.init(element, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    grid: { left: 56, right: 12, top: 30, bottom: 28 },
    legend: { top: 0, textStyle: { fontSize: 11 } },
    tooltip: { trigger: 'item', formatter: (p) => `${p.seriesName}: ${p.data?.stated ?? p.value}` },
    xAxis: { type: 'category', data: periods.map(periodLabel), axisLabel: { fontSize: 10, interval: 0 } },
    yAxis: { type: 'value', name: indicator.unit, nameTextStyle: { fontSize: 10 }, inverse: indicator.measure === 'rank',
      scale: rate, axisLabel: { fontSize: 10 } },
    series,
  }, true);
  chart.off('click');
  chart.on('click', (p) => { if (p.data?.valueId) onValue(p.data.valueId); });
  return chart;
}
