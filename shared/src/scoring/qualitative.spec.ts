import type { QualitativeBlock } from '../format/enums';
import type { QualitativeRow } from '../format/rows';
import { SCHEME } from './builders.spec-helper';
import { indexQualitative, qualitativeScore } from './qualitative';

/** HEAD > CITY > OUT */
const PARENT = new Map<string, string | null>([
  ['HEAD', null],
  ['CITY', 'HEAD'],
  ['OUT', 'CITY'],
]);

const row = (
  institutionCode: string,
  year: number,
  block: QualitativeBlock,
  score: number,
): QualitativeRow => ({
  year,
  institutionCode,
  block,
  scoreCenti: Math.round(score * 100),
  evidence: null,
});
const all = (code: string, year: number, score: number): QualitativeRow[] =>
  (['Q1', 'Q2', 'Q3'] as const).map((b) => row(code, year, b, score));

describe('qualitativeScore', () => {
  it('should weight the blocks 0.3 / 0.4 / 0.3 into 20 points', () => {
    const rows = [
      row('OUT', 2025, 'Q1', 100),
      row('OUT', 2025, 'Q2', 50),
      row('OUT', 2025, 'Q3', 0),
    ];
    const r = qualitativeScore('OUT', 2025, indexQualitative(rows), PARENT, SCHEME);
    expect(r.points).toBeCloseTo((20 * (0.3 * 100 + 0.4 * 50)) / 100, 12);
    expect([r.inherited, r.missing]).toEqual([false, false]);
  });

  it.each<
    [
      string,
      QualitativeRow[],
      { code: string | null; year: number | null; inherited: boolean; missing: boolean },
    ]
  >([
    [
      'own score of the year',
      [...all('OUT', 2025, 80), ...all('OUT', 2024, 10), ...all('CITY', 2025, 20)],
      { code: 'OUT', year: 2025, inherited: false, missing: false },
    ],
    [
      'own previous year before any ancestor (no flag)',
      [...all('OUT', 2024, 80), ...all('CITY', 2025, 20)],
      { code: 'OUT', year: 2024, inherited: false, missing: false },
    ],
    [
      'parent of the year',
      [...all('CITY', 2025, 80), ...all('HEAD', 2025, 20)],
      { code: 'CITY', year: 2025, inherited: true, missing: false },
    ],
    [
      'parent previous year before grandparent',
      [...all('CITY', 2024, 80), ...all('HEAD', 2025, 20)],
      { code: 'CITY', year: 2024, inherited: true, missing: false },
    ],
    [
      'grandparent previous year',
      [...all('HEAD', 2024, 80)],
      { code: 'HEAD', year: 2024, inherited: true, missing: false },
    ],
    [
      'only two years back: missing',
      [...all('OUT', 2023, 80), ...all('HEAD', 2023, 80)],
      { code: null, year: null, inherited: false, missing: true },
    ],
    [
      'a later year is not used',
      [...all('OUT', 2026, 80)],
      { code: null, year: null, inherited: false, missing: true },
    ],
  ])('should find the score: %s', (_name, rows, expected) => {
    const r = qualitativeScore('OUT', 2025, indexQualitative(rows), PARENT, SCHEME);
    for (const b of r.blocks)
      expect([b.sourceCode, b.sourceYear]).toEqual([expected.code, expected.year]);
    expect([r.inherited, r.missing]).toEqual([expected.inherited, expected.missing]);
    expect(r.points).toBeCloseTo(expected.missing ? 0 : 16, 12);
  });

  it('should search each block on its own and flag both inherited and missing', () => {
    const rows = [row('OUT', 2025, 'Q1', 100), row('HEAD', 2024, 'Q2', 100)];
    const r = qualitativeScore('OUT', 2025, indexQualitative(rows), PARENT, SCHEME);
    expect(r.blocks.map((b) => [b.block, b.sourceCode, b.inherited])).toEqual([
      ['Q1', 'OUT', false],
      ['Q2', 'HEAD', true],
      ['Q3', null, false],
    ]);
    expect([r.inherited, r.missing]).toEqual([true, true]);
    expect(r.points).toBeCloseTo(14, 12);
  });
});
