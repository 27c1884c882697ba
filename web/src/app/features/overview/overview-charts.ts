import {
  GRADES,
  INSTITUTION_LEVELS,
  type Grade,
  type UnitResultItem,
} from '@sci/shared';
import type { EChartsCoreOption } from 'echarts/core';
import { GRADE_COLOR, SHANDONG_CITIES } from '../../core/domain';
import type { GradeCounts } from './overview-api.service';

export interface CityStat {
  code: string;
  name: string;
  units: number;
  mean: number | null;
  grades: Record<Grade, number>;
}

/** Per city: how many scored units, their mean composite and grade mix (units without a city code are left out). */
export function cityStats(
  units: UnitResultItem[],
  name: (code: string) => string,
): CityStat[] {
  return SHANDONG_CITIES.map((c) => {
    const us = units.filter((u) => u.regionCode === c.code && u.scored);
    const grades = { excellent: 0, good: 0, pass: 0, improve: 0 } as Record<
      Grade,
      number
    >;
    for (const u of us) if (u.grade) grades[u.grade]++;
    const mean = us.length
      ? us.reduce((s, u) => s + u.composite, 0) / us.length
      : null;
    return { code: c.code, name: name(c.code), units: us.length, mean, grades };
  });
}

/** Stacked bars of units per grade for each level. */
export function gradeDistributionOption(
  counts: GradeCounts,
  gradeName: (g: Grade) => string,
  levelName: (l: string) => string,
): EChartsCoreOption {
  // all bars share one axis: a segment's width on screen is its share of the longest bar
  const longest = Math.max(
    0,
    ...INSTITUTION_LEVELS.map((l) =>
      GRADES.reduce((sum, g) => sum + counts[l][g], 0),
    ),
  );
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0, data: GRADES.map(gradeName) },
    grid: { left: 8, right: 16, top: 8, bottom: 32, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: INSTITUTION_LEVELS.map(levelName),
      inverse: true,
    },
    series: GRADES.map((g) => ({
      name: gradeName(g),
      type: 'bar',
      stack: 'grade',
      itemStyle: { color: GRADE_COLOR[g] },
      label: {
        show: true,
        fontSize: 10,
        color: '#fff',
        // a segment too narrow for its digits gets no label (the tooltip has it), so "5" and "2"
        // side by side never read as "52"
        formatter: (p: { value: number }) => segmentLabel(p.value, longest),
      },
      labelLayout: { hideOverlap: true },
      data: INSTITUTION_LEVELS.map((l) => counts[l][g]),
    })),
  };
}

/** The share of the longest bar below which a stacked segment is too narrow for its digits. */
export const MIN_LABELLED_SHARE = 0.06;

/** A stacked segment's label: its count, or nothing when the segment is empty or too narrow. */
export function segmentLabel(value: number, longestBar: number): string {
  if (!value || !longestBar) return '';
  return value / longestBar < MIN_LABELLED_SHARE ? '' : String(value);
}

/** City bars: units per grade stacked, one bar per city, the 16 cities in GB/T 2260 order. */
export function cityBarsOption(
  stats: CityStat[],
  gradeName: (g: Grade) => string,
): EChartsCoreOption {
  // 16 names side by side: Chinese city names (2-3 characters) fit level, English ones
  // ("Zaozhuang", "Dongying") run into each other unless slanted
  const longest = Math.max(0, ...stats.map((s) => s.name.length));
  const slant = longest > 4;
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0, data: GRADES.map(gradeName) },
    grid: { left: 8, right: 8, top: 16, bottom: 36, containLabel: true },
    xAxis: {
      type: 'category',
      data: stats.map((s) => s.name),
      axisLabel: { interval: 0, fontSize: 11, rotate: slant ? 40 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: GRADES.map((g) => ({
      name: gradeName(g),
      type: 'bar',
      stack: 'grade',
      barMaxWidth: 28,
      itemStyle: { color: GRADE_COLOR[g] },
      data: stats.map((s) => s.grades[g]),
    })),
  };
}
