import type { UnitResultItem } from '@sci/shared';
import { cityStats } from './overview-charts';

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
