import {
  DEFAULT_COLUMNS,
  OPTIONAL_COLUMNS,
  columnWidth,
  readColumns,
  tableWidth,
  writeColumns,
} from './ranking-columns';

describe('ranking columns', () => {
  describe(readColumns.name, () => {
    it('should start with the defaults and keep a saved choice in board order', () => {
      expect(readColumns(null)).toEqual([...DEFAULT_COLUMNS]);
      const store = new Map<string, string>();
      const s = {
        getItem: (k: string) => store.get(k) ?? null,
        setItem: (k: string, v: string) => void store.set(k, v),
      };
      writeColumns(s, ['classes', 'bank', 'nonsense' as never]);
      expect(readColumns(s)).toEqual(['bank', 'classes']);
    });

    it('should fall back to the defaults on a broken saved value', () => {
      expect(readColumns({ getItem: () => '{not json' })).toEqual([
        ...DEFAULT_COLUMNS,
      ]);
    });
  });

  describe(columnWidth.name, () => {
    it('should give a K column in values mode room for "+12.66 个百分点"', () => {
      expect(
        parseInt(columnWidth('classes', 'zh-CN', 'value'), 10),
      ).toBeGreaterThanOrEqual(120);
      expect(
        parseInt(columnWidth('classes', 'zh-CN', 'score'), 10),
      ).toBeLessThan(100);
    });

    it('should widen columns whose English labels are longer', () => {
      expect(parseInt(columnWidth('peer', 'en'), 10)).toBeGreaterThan(
        parseInt(columnWidth('peer', 'zh-CN'), 10),
      );
    });
  });

  describe(tableWidth.name, () => {
    it('should count the ten K columns and the pinned ones', () => {
      const all = tableWidth(OPTIONAL_COLUMNS, 'zh-CN', 'score');
      const noK = tableWidth(
        OPTIONAL_COLUMNS.filter((c) => c !== 'classes'),
        'zh-CN',
        'score',
      );
      expect(all - noK).toBe(720);
      expect(tableWidth([], 'en', 'score')).toBe(104 + 76 + 240 + 200);
    });
  });
});
