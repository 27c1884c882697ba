import type { UnitResultItem } from '@sci/shared';
import {
  cityBarsOption,
  cityStats,
  gradeDistributionOption,
  segmentLabel,
} from './overview-charts';

const u = (
  regionCode: string,
  composite: number,
  grade: UnitResultItem['grade'],
  scored = true,
): UnitResultItem =>
  ({ regionCode, composite, grade, scored }) as UnitResultItem;

describe(cityStats.name, () => {
  it('should give all 16 cities, with the mean composite and grade mix of scored units', () => {
    const stats = cityStats(
      [
        u('370100', 80, 'good'),
        u('370100', 90, 'excellent'),
        u('370100', 0, null, false),
        u('370200', 50, 'improve'),
      ],
      (c) => c,
    );
    expect(stats).toHaveLength(16);
    const jinan = stats.find((s) => s.code === '370100');
    expect(jinan).toMatchObject({
      units: 2,
      mean: 85,
      grades: { excellent: 1, good: 1, pass: 0, improve: 0 },
    });
    expect(stats.find((s) => s.code === '371700')).toMatchObject({
      units: 0,
      mean: null,
    });
  });
});

describe(segmentLabel.name, () => {
  it('should label only segments wide enough for their digits', () => {
    // the head-office bar of the issue: 5 and 2 side by side on an axis whose longest bar is 234
    expect(segmentLabel(5, 234)).toBe('');
    expect(segmentLabel(2, 234)).toBe('');
    expect(segmentLabel(17, 234)).toBe('17');
    expect(segmentLabel(0, 234)).toBe('');
  });

  it('should wire the rule into the grade chart', () => {
    const counts = {
      head: { excellent: 0, good: 17, pass: 5, improve: 2, total: 24 },
      city: { excellent: 0, good: 126, pass: 79, improve: 29, total: 234 },
      outlet: { excellent: 0, good: 0, pass: 0, improve: 0, total: 0 },
    };
    const opt = gradeDistributionOption(
      counts as never,
      (g) => g,
      (l) => l,
    ) as {
      series: { label: { formatter: (p: { value: number }) => string } }[];
    };
    expect(opt.series[2].label.formatter({ value: 5 })).toBe('');
    expect(opt.series[1].label.formatter({ value: 17 })).toBe('17');
  });
});

describe(cityBarsOption.name, () => {
  const axis = (names: string[]): { rotate: number } =>
    (
      cityBarsOption(
        names.map((name) => ({
          code: name,
          name,
          units: 1,
          mean: 80,
          grades: { excellent: 0, good: 1, pass: 0, improve: 0 },
        })),
        (g) => g,
      ) as { xAxis: { axisLabel: { rotate: number } } }
    ).xAxis.axisLabel;

  it('should slant English city names so they do not run together', () => {
    expect(axis(['Zaozhuang', 'Dongying']).rotate).toBeGreaterThan(0);
    expect(axis(['枣庄', '东营']).rotate).toBe(0);
  });
});
