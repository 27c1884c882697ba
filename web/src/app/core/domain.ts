import { SHANDONG_CITIES, type CertificationOutcome, type Grade } from '@sci/shared';

/**
 * Visual vocabulary shared by tables, tags and charts, so 优秀 is the same green on every page.
 * Colours chosen for contrast on white and distinguishable in greyscale print (dark → light).
 */
export const GRADE_COLOR: Record<Grade, string> = {
  excellent: '#1f7a3a',
  good: '#2b6cb0',
  pass: '#c08a12',
  improve: '#c0392b',
};
export const NO_GRADE_COLOR = '#8c8c8c';

export function gradeColor(grade: Grade | null | undefined): string {
  return grade ? GRADE_COLOR[grade] : NO_GRADE_COLOR;
}

export const OUTCOME_COLOR: Record<CertificationOutcome, string> = {
  certify: '#1f7a3a',
  retain: '#2f8f5b',
  upgrade: '#2b6cb0',
  reserve: '#c08a12',
  not_eligible: '#8c8c8c',
  delist: '#c0392b',
};

/** A neutral ordinal palette for series that are not grades (classes, trend lines). */
export const SERIES_COLORS = [
  '#2b6cb0',
  '#c08a12',
  '#1f7a3a',
  '#8e44ad',
  '#c0392b',
  '#16a085',
  '#d35400',
  '#34495e',
  '#7f8c8d',
  '#b7950b',
];

/** The 16 cities of Shandong: one list in shared, used by the API's search, exports and reports too. */
export { SHANDONG_CITIES };

const CITY_BY_CODE = new Map(SHANDONG_CITIES.map((c) => [c.code, c]));

/** City name for a region code; an unknown code is shown as is. */
export function cityName(
  code: string | null | undefined,
  lang: 'zh-CN' | 'en',
): string {
  if (!code) return '—';
  const c = CITY_BY_CODE.get(code);
  return c ? (lang === 'en' ? c.en : c.zh) : code;
}

/**
 * Tile-grid positions (col, row) roughly following the map of Shandong, west → east: a readable
 * stand-in for a choropleth without bundling boundary data of uncertain licence.
 */
export const CITY_TILES: Record<string, [number, number]> = {
  '371500': [0, 1], // 聊城
  '371400': [1, 0], // 德州
  '371600': [2, 0], // 滨州
  '370500': [3, 0], // 东营
  '370100': [1, 1], // 济南
  '370300': [2, 1], // 淄博
  '370700': [3, 1], // 潍坊
  '370600': [4, 1], // 烟台
  '371000': [5, 1], // 威海
  '371700': [0, 2], // 菏泽
  '370800': [1, 2], // 济宁
  '370900': [2, 2], // 泰安
  '371300': [3, 2], // 临沂
  '370200': [4, 2], // 青岛
  '370400': [2, 3], // 枣庄
  '371100': [4, 3], // 日照
};

/** A light blue whose strength grows with the share of the class's points obtained. */
export function scoreShade(
  score: number | null | undefined,
  weight: number,
): string {
  if (score === null || score === undefined || !(weight > 0))
    return 'transparent';
  const f = Math.max(0, Math.min(1, score / weight));
  return `rgba(43, 108, 176, ${(0.04 + 0.36 * f).toFixed(3)})`;
}
