import {
  CLASS_CODES,
  type BankSummaryResponse,
  type ClassCode,
  type UnitResultItem,
} from '@sci/shared';
import type { EChartsCoreOption } from 'echarts/core';
import { chartHtml } from '../../core/format/chart-html';
import { formatScore } from '../../core/format/format';

export interface BankChartLabels {
  className: (k: ClassCode) => string;
  head: string;
  peerMedian: string;
  shareOfPoints: string;
}

const share = (s: number | null | undefined, w: number): number | null =>
  s === null || s === undefined ? null : Math.round((1000 * s) / (w || 1)) / 10;

/** Units × classes, cell = share of the class's points (0-100 %), units in the given order. */
export function heatmapOption(
  units: UnitResultItem[],
  weights: Record<ClassCode, number>,
  l: BankChartLabels,
): EChartsCoreOption {
  const names = units.map((u) => `${u.name}`);
  const data = units.flatMap((u, y) =>
    CLASS_CODES.map(
      (k, x) =>
        [x, y, u.scored ? share(u.scores[k], weights[k]) : null] as [
          number,
          number,
          number | null,
        ],
    ),
  );
  return {
    tooltip: {
      position: 'top',
      formatter: (p: { data: [number, number, number | null] }) => {
        const [x, y, v] = p.data;
        const u = units[y];
        const k = CLASS_CODES[x];
        // unit names are user data: chartHtml escapes every interpolation (no raw HTML in a tooltip)
        return chartHtml`${u.name} (${u.code})<br/>${k} ${l.className(k)}: ${u.scored ? formatScore(u.scores[k]) : '—'} / ${weights[k]} (${v ?? '—'}%)`;
      },
    },
    grid: { left: 8, right: 70, top: 28, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      position: 'top',
      data: CLASS_CODES.map((k) => `${k}\n${l.className(k)}`),
      axisLabel: { fontSize: 10, interval: 0 },
      splitArea: { show: true },
    },
    yAxis: {
      type: 'category',
      data: names,
      inverse: true,
      axisLabel: { fontSize: 11, width: 160, overflow: 'truncate' },
    },
    visualMap: {
      min: 0,
      max: 100,
      calculable: false,
      orient: 'vertical',
      right: 0,
      top: 'middle',
      itemHeight: 120,
      text: ['100%', '0%'],
      inRange: { color: ['#fdecea', '#f7f3d9', '#cfe3f5', '#2b6cb0'] },
    },
    series: [
      {
        type: 'heatmap',
        data,
        label: {
          show: units.length <= 30,
          fontSize: 9,
          formatter: (p: { data: number[] }) =>
            p.data[2] === null ? '' : `${Math.round(p.data[2])}`,
        },
      },
    ],
  };
}

/** The head unit's class scores against the peer group's medians, as shares of each class's points. */
export function peerCompareOption(
  s: BankSummaryResponse,
  head: UnitResultItem | null,
  weights: Record<ClassCode, number>,
  l: BankChartLabels,
): EChartsCoreOption {
  return {
    color: ['#b22222', '#2b6cb0'],
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number | null) => (v === null ? '—' : `${v}%`),
    },
    legend: { bottom: 0 },
    grid: { left: 40, right: 12, top: 12, bottom: 48 },
    xAxis: {
      type: 'category',
      data: CLASS_CODES.map((k) => k),
      axisLabel: { fontSize: 11 },
    },
    yAxis: {
      type: 'value',
      max: 100,
      axisLabel: { formatter: '{value}%' },
      name: l.shareOfPoints,
      nameTextStyle: { fontSize: 10 },
    },
    series: [
      {
        name: l.head,
        type: 'bar',
        data: CLASS_CODES.map((k) =>
          head ? share(head.scores[k], weights[k]) : null,
        ),
      },
      {
        name: l.peerMedian,
        type: 'bar',
        data: CLASS_CODES.map((k) => share(s.peerScoreMedians[k], weights[k])),
      },
    ],
  };
}
