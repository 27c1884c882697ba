import {
  CLASS_CODES,
  type ClassCode,
  type PeerClassStats,
  type UnitResultItem,
} from '@sci/shared';
import { CLASS_WEIGHTS } from '../../core/domain';
import {
  type ChartLabels,
  classesWithHistory,
  peerBox,
  peerBoxOption,
  radarOption,
  trendOption,
} from './unit-charts';
import type { UnitHistoryPoint } from '@sci/shared';

const labels: ChartLabels = {
  lang: 'zh-CN',
  className: (k) => k,
  unitSeries: '本机构',
  peerSeries: '同组中位数',
  points: '分',
};
const per = <T>(f: (k: ClassCode) => T): Record<ClassCode, T> =>
  Object.fromEntries(CLASS_CODES.map((k) => [k, f(k)])) as Record<ClassCode, T>;

const result = {
  scores: per((k) => CLASS_WEIGHTS[k] / 2),
  values: per((k) => (k === 'K6' ? null : 10)),
} as UnitResultItem;
const peers: Record<ClassCode, PeerClassStats> = per(() => ({
  values: { count: 8, min: 1, q1: 5, median: 9, q3: 12, max: 20 },
  scoreMedian: 5,
}));

describe(radarOption.name, () => {
  it('should plot each class as its share of the class points', () => {
    const o = radarOption(result, peers, CLASS_WEIGHTS, labels) as {
      series: { data: { value: number[] }[] }[];
    };
    expect(o.series[0].data[0].value.every((v) => v === 50)).toBe(true);
    expect(o.series[0].data[1].value[0]).toBe(50); // K1: 5 of 10 points
    expect(o.series[0].data[1].value[3]).toBe(62.5); // K4: 5 of 8 points
  });
});

describe(peerBoxOption.name, () => {
  it('should draw one box and one dot per class, and no dot where the unit has no value', () => {
    const o = peerBoxOption(result, peers, labels) as {
      series: { type: string; data: unknown[] }[];
    };
    expect(o.series).toHaveLength(20);
    expect(o.series[2]).toMatchObject({
      type: 'boxplot',
      data: [[1, 5, 9, 12, 20]],
    });
    expect(o.series[3]).toMatchObject({ type: 'scatter', data: [[10, 0]] });
    // K1 reads in 亿元 like its row label says
    expect(o.series[1]).toMatchObject({ data: [[10 / 1e8, 0]] });
    expect(o.series[11].data).toEqual([]); // K6 is null
  });
});

describe(peerBox.name, () => {
  it('should stop the whiskers at 1.5 IQR so extreme peers do not squash the box', () => {
    // K3 of the issue: growth gaps from -500 to 2500 pp around a box of -5 … 15
    const b = peerBox({ min: -500, q1: -5, median: 4, q3: 15, max: 2500 }, 8)!;
    expect(b.low).toBe(-35);
    expect(b.high).toBe(45);
    expect(b.axisMin).toBeGreaterThan(-60);
    expect(b.axisMax).toBeLessThan(70);
  });

  it('should widen the axis for the unit only so far, its dot then sits at the edge', () => {
    const b = peerBox({ min: 0, q1: 10, median: 20, q3: 30, max: 40 }, 1000)!;
    expect(b.axisMax).toBeLessThan(200);
    expect(
      peerBox({ min: null, q1: null, median: null, q3: null, max: null }, 1),
    ).toBeNull();
  });

  it('should name the unit of each row under the class', () => {
    const o = peerBoxOption(result, peers, labels) as {
      yAxis: { data: string[] }[];
    };
    expect(o.yAxis[0].data[0]).toBe('K1 K1\n亿元');
    expect(o.yAxis[2].data[0]).toBe('K3 K3\n个百分点');
    expect(o.yAxis[8].data[0]).toBe('K9 K9\nbp');
  });
});

describe(trendOption.name, () => {
  const point = (
    values: Partial<Record<ClassCode, number | null>>,
  ): UnitHistoryPoint =>
    ({
      period: '2025Q4',
      values: per((k) => values[k] ?? null),
    }) as unknown as UnitHistoryPoint;

  it('should draw only the classes that have values, and nothing for a unit without any', () => {
    const h = [point({ K1: 5e8, K5: 12 }), point({ K1: 6e8 })];
    expect(classesWithHistory(h)).toEqual(['K1', 'K5']);
    const o = trendOption(h, labels) as {
      series: unknown[];
      title: { text: string }[];
    };
    expect(o.series).toHaveLength(2);
    expect(o.title[0].text).toBe('K1 K1 (亿元)');
    expect(trendOption([point({})], labels)).toBeNull();
  });
});
