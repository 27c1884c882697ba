import type { Params } from '@angular/router';
import {
  FLAGS,
  GRADES,
  INSTITUTION_LEVELS,
  PEER_GROUPS,
  RESULT_SORT_KEYS,
  type Flag,
  type Grade,
  type InstitutionLevel,
  type PeerGroup,
  type ResultSortKey,
} from '@sci/shared';

/** The ranking board's view: filters, sort and page, mirrored in the URL so a view can be shared. */
export interface RankingFilters {
  level: InstitutionLevel | null;
  peerGroup: PeerGroup | null;
  bank: string | null;
  city: string | null;
  grade: Grade | null;
  flag: Flag | null;
  q: string | null;
  /** only units with integrity signals in the run (issue 13) */
  hasSignals: boolean;
  sort: ResultSortKey | null;
  order: 'asc' | 'desc' | null;
  page: number;
  pageSize: number;
  /** what the K columns show: class scores (points) or the raw indicator values */
  show: 'score' | 'value';
}

export const PAGE_SIZES = [20, 50, 100, 200];

export function defaultFilters(level: InstitutionLevel | null): RankingFilters {
  return {
    level,
    peerGroup: null,
    bank: null,
    city: null,
    grade: null,
    flag: null,
    q: null,
    hasSignals: false,
    sort: null,
    order: null,
    page: 1,
    pageSize: 50,
    show: 'score',
  };
}

function oneOf<T extends string>(list: readonly T[], v: unknown): T | null {
  return typeof v === 'string' && (list as readonly string[]).includes(v)
    ? (v as T)
    : null;
}

function text(v: unknown, max = 64): string | null {
  return typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : null;
}

/** Reads a view from query params; anything unknown falls back to the default. */
export function filtersFromParams(
  p: Params,
  defaults: RankingFilters,
): RankingFilters {
  const page = Number(p['page']);
  const size = Number(p['pageSize']);
  return {
    level:
      'level' in p ? oneOf(INSTITUTION_LEVELS, p['level']) : defaults.level,
    peerGroup: oneOf(PEER_GROUPS, p['peerGroup']),
    bank: text(p['bank'], 32),
    city: /^\d{6}$/.test(String(p['city'] ?? '')) ? String(p['city']) : null,
    grade: oneOf(GRADES, p['grade']),
    flag: oneOf(FLAGS, p['flag']),
    q: text(p['q']),
    hasSignals: p['hasSignals'] === 'true',
    sort: oneOf(RESULT_SORT_KEYS, p['sort']),
    order: oneOf(['asc', 'desc'] as const, p['order']),
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZES.includes(size) ? size : defaults.pageSize,
    show: p['show'] === 'value' ? 'value' : 'score',
  };
}

/** The query params of a view; defaults are left out to keep URLs short. `level=` keeps "all levels". */
export function filtersToParams(
  f: RankingFilters,
  defaults: RankingFilters,
): Params {
  const out: Params = {};
  if (f.level !== defaults.level) out['level'] = f.level ?? '';
  for (const k of [
    'peerGroup',
    'bank',
    'city',
    'grade',
    'flag',
    'q',
    'sort',
    'order',
  ] as const) {
    if (f[k]) out[k] = f[k];
  }
  if (f.hasSignals) out['hasSignals'] = 'true';
  if (f.page !== 1) out['page'] = f.page;
  if (f.pageSize !== defaults.pageSize) out['pageSize'] = f.pageSize;
  if (f.show !== 'score') out['show'] = f.show;
  return out;
}
