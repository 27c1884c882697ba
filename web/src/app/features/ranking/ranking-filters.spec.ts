import {
  defaultFilters,
  filtersFromParams,
  filtersToParams,
} from './ranking-filters';

describe('ranking filters', () => {
  const defaults = defaultFilters('head');

  it('should round-trip a view through the URL', () => {
    const view = {
      ...defaults,
      level: 'outlet' as const,
      grade: 'good' as const,
      q: '济南',
      sort: 's3' as const,
      order: 'asc' as const,
      page: 3,
      pageSize: 100,
    };
    expect(
      filtersFromParams(filtersToParams(view, defaults), defaults),
    ).toEqual(view);
  });

  it('should carry the has-signals filter in the URL only when it is on', () => {
    const on = { ...defaults, hasSignals: true };
    expect(filtersToParams(on, defaults)).toEqual({ hasSignals: 'true' });
    expect(filtersFromParams({ hasSignals: 'true' }, defaults).hasSignals).toBe(true);
    expect(filtersToParams(defaults, defaults)).toEqual({});
    expect(filtersFromParams({ hasSignals: 'yes' }, defaults).hasSignals).toBe(false);
  });

  it('should keep "all levels" distinct from the default level', () => {
    const all = { ...defaults, level: null };
    const params = filtersToParams(all, defaults);
    expect(params['level']).toBe('');
    expect(filtersFromParams(params, defaults).level).toBeNull();
    expect(filtersFromParams({}, defaults).level).toBe('head');
  });

  it('should ignore values a hand-edited URL may carry', () => {
    const f = filtersFromParams(
      {
        grade: 'superb',
        sort: 'DROP TABLE',
        page: '-2',
        pageSize: '7',
        city: '37x100',
      },
      defaults,
    );
    expect(f).toEqual(defaults);
  });
});
