import { CLASS_CODES, type UnitResultDetailResponse } from '@sci/shared';
import { contextParams } from '../../core/context/context-url';
import { medianColumn, parseUnits, unitColumn } from './compare-columns';

function detail(peerSetSize: number): UnitResultDetailResponse {
  const per = <T>(v: T): Record<(typeof CLASS_CODES)[number], T> =>
    Object.fromEntries(CLASS_CODES.map((c) => [c, v])) as Record<
      (typeof CLASS_CODES)[number],
      T
    >;
  return {
    run: {} as UnitResultDetailResponse['run'],
    result: {
      code: 'A-1',
      name: 'Unit A',
      scored: true,
      composite: 80,
      quantitative: 64,
      qualitative: 16,
      grade: 'good',
      rankLevel: 3,
      values: per(12),
      scores: per(6),
      flags: ['QUAL_INHERITED'],
    } as UnitResultDetailResponse['result'],
    history: [
      { period: '2025Q3', scored: true, composite: 77.5 },
      { period: '2025Q4', scored: true, composite: 80 },
    ] as UnitResultDetailResponse['history'],
    peerSetSize,
    peers: per({
      values: {
        count: peerSetSize,
        min: 1,
        q1: 2,
        median: 10,
        q3: 20,
        max: 30,
      },
      scoreMedian: 5,
    }),
    peerCompositeMedian: 70,
  };
}

describe(parseUnits.name, () => {
  it('should keep at most four distinct well-formed codes', () => {
    expect(parseUnits('A,B,A,,C,D,E')).toEqual(['A', 'B', 'C', 'D']);
    expect(parseUnits('ok-1,<script>')).toEqual(['ok-1']);
    expect(parseUnits(undefined)).toEqual([]);
  });
});

describe(unitColumn.name, () => {
  it('should take the trend from the previous scored quarter and the checks from the evaluation', () => {
    const c = unitColumn(detail(8), {
      checks: [
        { code: 'C1', pass: true },
        { code: 'C8', pass: false },
      ],
    } as never);
    expect(c.trend).toBeCloseTo(2.5);
    expect(c.checks).toEqual({ C1: true, C8: false });
  });
});

describe(medianColumn.name, () => {
  it('should give the peer medians for a disclosable peer set only', () => {
    expect(medianColumn(detail(8), 'median')).toMatchObject({
      median: true,
      composite: 70,
      code: null,
    });
    expect(medianColumn(detail(8), 'median')?.values.K2).toBe(10);
    expect(medianColumn(detail(4), 'median')).toBeNull();
  });
});

describe(contextParams.name, () => {
  it('should always carry the period and the run only when it is not the latest published', () => {
    expect(contextParams('2025Q4', 12, true)).toEqual({
      period: '2025Q4',
      run: null,
    });
    expect(contextParams('2025Q4', 9, false)).toEqual({
      period: '2025Q4',
      run: '9',
    });
  });
});
