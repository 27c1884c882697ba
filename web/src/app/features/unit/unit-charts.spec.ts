import {
  CLASS_CODES,
  type ClassCode,
  type PeerClassStats,
  SCHEME_SDTF_2025,
  type UnitResultItem,
} from '@sci/shared';
import { classWeights } from '../../core/scheme/scheme.store';
import { type ChartLabels, peerBoxOption, radarOption } from './unit-charts';

const CLASS_WEIGHTS = classWeights(SCHEME_SDTF_2025);

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
    expect(o.series[0]).toMatchObject({
      type: 'boxplot',
      data: [[1, 5, 9, 12, 20]],
    });
    expect(o.series[1]).toMatchObject({ type: 'scatter', data: [[10, 0]] });
    expect(o.series[11].data).toEqual([]); // K6 is null
  });
});
