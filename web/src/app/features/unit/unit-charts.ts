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
  classUnitLabel,
  formatClassValue,
  formatNumber,
  moneyScaleById,
} from '../../core/format/format';
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
          `<b>${p.name}</b>`,
          ...CLASS_CODES.map(
            (k, i) => `${k} ${l.className(k)}: ${p.value[i]}%`,
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

/** Axis value of a class: K1 in 亿元 (CNY bn in English), the unit classUnitLabel names. */
function axisValue(
  k: ClassCode,
  v: number | null | undefined,
  lang: Lang,
): number | null {
  if (v === null || v === undefined) return null;
  return CLASS_UNIT[k] === 'money' ? v / moneyScaleById('yi', lang).divisor : v;
}

/** The classes with at least one value over the quarters: an empty small multiple says nothing. */
export function classesWithHistory(history: UnitHistoryPoint[]): ClassCode[] {
  return CLASS_CODES.filter((k) =>
    history.some((h) => h.values[k] !== null && h.values[k] !== undefined),
  );
}

/**
 * Small multiples: one line per class over the quarters (2 rows of 5), each on its own axis,
 * for the classes that have values (an unscored unit has few or none: null when none).
 */
export function trendOption(
  history: UnitHistoryPoint[],
  l: ChartLabels,
): EChartsCoreOption | null {
  const codes = classesWithHistory(history);
  if (!codes.length) return null;
  const periods = history.map((h) => h.period);
  const cols = 5;
  const rows = Math.ceil(codes.length / cols);
  const rowPct = 100 / rows;
  const grids = codes.map((_, i) => {
    const row = Math.floor(i / cols);
    const col = i % cols;
    return {
      left: `${col * 20 + 3.5}%`,
      width: '14.5%',
      top: `${row * rowPct + rowPct / 5}%`,
      height: `${rowPct * 0.6}%`,
      containLabel: false,
    };
  });
  return {
    color: [UNIT_COLOR],
    title: codes.map((k, i) => ({
      text: `${k} ${l.className(k)} (${classUnitLabel(k, l.lang)})`,
      left: `${(i % cols) * 20 + 3.5}%`,
      top: `${Math.floor(i / cols) * rowPct + 1}%`,
      textStyle: { fontSize: 11, fontWeight: 'normal', color: '#434343' },
    })),
    tooltip: {
      trigger: 'axis',
      formatter: (
        ps: { seriesIndex: number; axisValue: string; dataIndex: number }[],
      ) => {
        const p = ps[0];
        if (!p) return '';
        const k = codes[p.seriesIndex];
        return `${p.axisValue}<br/>${k} ${l.className(k)}: ${formatClassValue(k, history[p.dataIndex]?.values[k] ?? null, l.lang)}`;
      },
    },
    grid: grids,
    xAxis: codes.map((_, i) => ({
      type: 'category',
      gridIndex: i,
      data: periods,
      axisLabel: { fontSize: 9 },
    })),
    yAxis: codes.map((_, i) => ({
      type: 'value',
      gridIndex: i,
      scale: true,
      axisLabel: { fontSize: 9 },
      splitNumber: 3,
    })),
    series: codes.map((k, i) => ({
      type: 'line',
      name: k,
      xAxisIndex: i,
      yAxisIndex: i,
      symbolSize: 5,
      connectNulls: false,
      data: history.map((h) => axisValue(k, h.values[k], l.lang)),
    })),
  };
}

/** A peer box for display: Tukey whiskers (Q1 - 1.5 IQR … Q3 + 1.5 IQR, within min…max). */
export interface PeerBox {
  low: number;
  q1: number;
  median: number;
  q3: number;
  high: number;
  /** the axis range: the box, its whiskers and the unit's own value when it is near */
  axisMin: number;
  axisMax: number;
}

/**
 * The box of one class and the range its axis needs. Whiskers stop at 1.5 IQR (a few extreme
 * peers, e.g. K3's -500 … 2500 pp growth, no longer squash the box into a line); the unit's own
 * value widens the axis only up to 1.5 IQR more, beyond that its dot sits at the edge.
 */
export function peerBox(
  d: {
    min: number | null;
    q1: number | null;
    median: number | null;
    q3: number | null;
    max: number | null;
  },
  own: number | null,
): PeerBox | null {
  if (
    d.min === null ||
    d.q1 === null ||
    d.median === null ||
    d.q3 === null ||
    d.max === null
  )
    return null;
  const iqr = d.q3 - d.q1;
  const low = Math.max(d.min, d.q1 - 1.5 * iqr);
  const high = Math.min(d.max, d.q3 + 1.5 * iqr);
  const reach = Math.max(iqr * 1.5, (high - low) * 0.25, 1e-9);
  const lo = own === null ? low : Math.max(Math.min(low, own), low - reach);
  const hi = own === null ? high : Math.min(Math.max(high, own), high + reach);
  const pad = (hi - lo) * 0.05 || Math.abs(hi) * 0.05 || 1;
  return {
    low,
    q1: d.q1,
    median: d.median,
    q3: d.q3,
    high,
    axisMin: lo - pad,
    axisMax: hi + pad,
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
  const boxes = CLASS_CODES.map((k) => {
    const d = peers?.[k]?.values;
    const own = axisValue(k, result.values[k], l.lang);
    return d
      ? peerBox(
          {
            min: axisValue(k, d.min, l.lang),
            q1: axisValue(k, d.q1, l.lang),
            median: axisValue(k, d.median, l.lang),
            q3: axisValue(k, d.q3, l.lang),
            max: axisValue(k, d.max, l.lang),
          },
          own,
        )
      : null;
  });
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesType: string; seriesIndex: number }) => {
        const k = CLASS_CODES[Math.floor(p.seriesIndex / 2)];
        const d = peers?.[k]?.values;
        const f = (v: number | null | undefined): string =>
          formatClassValue(k, v ?? null, l.lang);
        if (p.seriesType === 'scatter')
          return `${k} ${l.className(k)}<br/>${l.unitSeries}: ${f(result.values[k])}`;
        return d
          ? `${k} ${l.className(k)} (n=${d.count})<br/>Q1 ${f(d.q1)} · ${l.peerSeries} ${f(d.median)} · Q3 ${f(d.q3)}`
          : '';
      },
    },
    grid: CLASS_CODES.map((_, i) => ({
      left: 170,
      right: 24,
      top: `${i * rowH + 1.5}%`,
      height: `${rowH - 4}%`,
    })),
    xAxis: CLASS_CODES.map((k, i) => ({
      type: 'value',
      gridIndex: i,
      min: boxes[i]?.axisMin,
      max: boxes[i]?.axisMax,
      splitNumber: 4,
      axisLabel: {
        fontSize: 9,
        hideOverlap: true,
        formatter: (v: number) => formatNumber(v, Math.abs(v) >= 100 ? 0 : 1),
      },
      splitLine: { show: false },
    })),
    yAxis: CLASS_CODES.map((k, i) => ({
      type: 'category',
      gridIndex: i,
      // the unit of each row's axis under its name: rows differ (亿元, %, 个百分点, 户, bp)
      data: [`${k} ${l.className(k)}\n${classUnitLabel(k, l.lang)}`],
      axisLabel: { fontSize: 11, color: '#262626', lineHeight: 13 },
      axisTick: { show: false },
    })),
    series: CLASS_CODES.flatMap((k, i) => {
      const b = boxes[i];
      const own = axisValue(k, result.values[k], l.lang);
      const inside =
        own === null || !b
          ? own
          : Math.min(Math.max(own, b.axisMin), b.axisMax);
      return [
        {
          type: 'boxplot',
          xAxisIndex: i,
          yAxisIndex: i,
          data: b ? [[b.low, b.q1, b.median, b.q3, b.high]] : [],
          itemStyle: { color: '#e6f0fa', borderColor: PEER_COLOR },
          boxWidth: ['40%', '60%'],
        },
        {
          type: 'scatter',
          xAxisIndex: i,
          yAxisIndex: i,
          data: inside === null ? [] : [[inside, 0]],
          // off the axis: a triangle at the edge, pointing the way (the tooltip has the value)
          symbol: inside !== own ? 'triangle' : 'circle',
          symbolRotate:
            inside !== own && own !== null && b && own > b.axisMax ? -90 : 90,
          itemStyle: { color: UNIT_COLOR },
          symbolSize: 9,
          z: 5,
        },
      ];
    }),
  };
}
