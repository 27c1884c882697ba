import {
  CLASS_CODES,
  type ClassCode,
  type PeerClassStats,
  type UnitHistoryPoint,
  type UnitResultItem,
} from '@sci/shared';
import type { EChartsCoreOption } from 'echarts/core';
import {
  CLASS_UNIT,
  formatClassValue,
  formatScore,
} from '../../core/format/format';
import { chartHtml } from '../../core/format/chart-html';
import type { Lang } from '../../core/i18n/i18n.store';

/**
 * Option builders of the unit page's charts: pure functions of the API data, so they are tested
 * without a canvas and the component stays a thin template.
 */
export interface ChartLabels {
  lang: Lang;
  className: (k: ClassCode) => string;
  unitSeries: string;
  peerSeries: string;
  points: string;
}

const UNIT_COLOR = '#b22222';
const PEER_COLOR = '#2b6cb0';

/** Radar of the ten class scores as a share of each class's points, unit vs peer median. */
export function radarOption(
  result: UnitResultItem,
  peers: Record<ClassCode, PeerClassStats> | null,
  weights: Record<ClassCode, number>,
  l: ChartLabels,
): EChartsCoreOption {
  const share = (s: number | null | undefined, k: ClassCode): number =>
    s === null || s === undefined
      ? 0
      : Math.round((1000 * s) / (weights[k] || 1)) / 10;
  return {
    color: [UNIT_COLOR, PEER_COLOR],
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesName: string; name: string; value: number[] }) =>
        [
          chartHtml`<b>${p.name}</b>`,
          ...CLASS_CODES.map(
            (k, i) => chartHtml`${k} ${l.className(k)}: ${p.value[i]}%`,
          ),
        ].join('<br/>'),
    },
    legend: { bottom: 0, data: [l.unitSeries, l.peerSeries] },
    radar: {
      radius: '62%',
      center: ['50%', '48%'],
      indicator: CLASS_CODES.map((k) => ({
        name: `${k} ${l.className(k)}`,
        max: 100,
      })),
      axisName: { color: '#434343', fontSize: 11 },
    },
    series: [
      {
        type: 'radar',
        data: [
          {
            name: l.unitSeries,
            value: CLASS_CODES.map((k) => share(result.scores[k], k)),
            areaStyle: { opacity: 0.15 },
          },
          {
            name: l.peerSeries,
            value: CLASS_CODES.map((k) => share(peers?.[k]?.scoreMedian, k)),
            lineStyle: { type: 'dashed' },
          },
        ],
      },
    ],
  };
}

/** Axis value of a class: K1 in 亿元 (or CNY 100m) so the axis reads in the units of reports. */
function axisValue(k: ClassCode, v: number | null): number | null {
  if (v === null) return null;
  return CLASS_UNIT[k] === 'money' ? v / 1e8 : v;
}

/** Small multiples: one line per class over the quarters (2 rows of 5), each on its own axis. */
export function trendOption(
  history: UnitHistoryPoint[],
  l: ChartLabels,
): EChartsCoreOption {
  const periods = history.map((h) => h.period);
  const cols = 5;
  const grids = CLASS_CODES.map((_, i) => {
    const row = Math.floor(i / cols);
    const col = i % cols;
    return {
      left: `${col * 20 + 3.5}%`,
      width: '14.5%',
      top: `${row * 50 + 10}%`,
      height: '30%',
      containLabel: false,
    };
  });
  return {
    color: [UNIT_COLOR],
    title: CLASS_CODES.map((k, i) => ({
      text: `${k} ${l.className(k)}`,
      left: `${(i % cols) * 20 + 3.5}%`,
      top: `${Math.floor(i / cols) * 50 + 1}%`,
      textStyle: { fontSize: 11, fontWeight: 'normal', color: '#434343' },
    })),
    tooltip: {
      trigger: 'axis',
      formatter: (
        ps: { seriesIndex: number; axisValue: string; dataIndex: number }[],
      ) => {
        const p = ps[0];
        if (!p) return '';
        const k = CLASS_CODES[p.seriesIndex];
        return chartHtml`${p.axisValue}<br/>${k} ${l.className(k)}: ${formatClassValue(k, history[p.dataIndex]?.values[k] ?? null, l.lang)}`;
      },
    },
    grid: grids,
    xAxis: CLASS_CODES.map((_, i) => ({
      type: 'category',
      gridIndex: i,
      data: periods,
      axisLabel: { fontSize: 9 },
    })),
    yAxis: CLASS_CODES.map((_, i) => ({
      type: 'value',
      gridIndex: i,
      scale: true,
      axisLabel: { fontSize: 9 },
      splitNumber: 3,
    })),
    series: CLASS_CODES.map((k, i) => ({
      type: 'line',
      name: k,
      xAxisIndex: i,
      yAxisIndex: i,
      symbolSize: 5,
      connectNulls: false,
      data: history.map((h) => axisValue(k, h.values[k])),
    })),
  };
}

/**
 * Where the unit sits in its peer set for each class: a horizontal box (min, quartiles, max of
 * the peers' values) with the unit's own value as a red dot, one row per class.
 */
export function peerBoxOption(
  result: UnitResultItem,
  peers: Record<ClassCode, PeerClassStats> | null,
  l: ChartLabels,
): EChartsCoreOption {
  const rowH = 100 / CLASS_CODES.length;
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesType: string; seriesIndex: number }) => {
        const k = CLASS_CODES[Math.floor(p.seriesIndex / 2)];
        const d = peers?.[k]?.values;
        const f = (v: number | null | undefined): string =>
          formatClassValue(k, v ?? null, l.lang);
        if (p.seriesType === 'scatter')
          return chartHtml`${k} ${l.className(k)}<br/>${l.unitSeries}: ${f(result.values[k])}`;
        return d
          ? chartHtml`${k} ${l.className(k)} (n=${d.count})<br/>${d.min === null ? '' : `min ${f(d.min)} · `}Q1 ${f(d.q1)}<br/>${l.peerSeries} ${f(d.median)}<br/>Q3 ${f(d.q3)}${d.max === null ? '' : ` · max ${f(d.max)}`}`
          : '';
      },
    },
    grid: CLASS_CODES.map((_, i) => ({
      left: 150,
      right: 24,
      top: `${i * rowH + 1.5}%`,
      height: `${rowH - 4}%`,
    })),
    xAxis: CLASS_CODES.map((k, i) => ({
      type: 'value',
      gridIndex: i,
      scale: true,
      splitNumber: 4,
      axisLabel: {
        fontSize: 9,
        formatter: (v: number) =>
          CLASS_UNIT[k] === 'money' ? `${formatScore(v / 1e8, 1)}` : `${v}`,
      },
      splitLine: { show: false },
    })),
    yAxis: CLASS_CODES.map((k, i) => ({
      type: 'category',
      gridIndex: i,
      data: [`${k} ${l.className(k)}`],
      axisLabel: { fontSize: 11, color: '#262626' },
      axisTick: { show: false },
    })),
    series: CLASS_CODES.flatMap((k, i) => {
      const d = peers?.[k]?.values;
      // a bank user gets quartiles only (docs/access.md): whiskers collapse onto the box
      const box =
        d && d.q1 !== null && d.q3 !== null
          ? [[d.min ?? d.q1, d.q1, d.median, d.q3, d.max ?? d.q3]]
          : [];
      const own = result.values[k];
      return [
        {
          type: 'boxplot',
          xAxisIndex: i,
          yAxisIndex: i,
          data: box,
          itemStyle: { color: '#e6f0fa', borderColor: PEER_COLOR },
          boxWidth: ['40%', '60%'],
        },
        {
          type: 'scatter',
          xAxisIndex: i,
          yAxisIndex: i,
          data: own === null ? [] : [[own, 0]],
          itemStyle: { color: UNIT_COLOR },
          symbolSize: 9,
          z: 5,
        },
      ];
    }),
  };
}
