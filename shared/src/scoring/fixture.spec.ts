import { resolve } from 'path';
import { CHECK_CODES, CLASS_CODES } from '../format/enums';
import { baselinePeriod, periodYear, shiftPeriod } from '../format/period';
import { aggregatePeriod } from './aggregate';
import { evaluateCertification } from './certification';
import {
  closeTo,
  EXPECTED_DIR,
  FIXTURE_DIR,
  loadDataset,
  readCsv,
  type CsvRecord,
} from './fixture.spec-helper';
import { SCHEME_SDTF_2025 } from './scheme-sdtf-2025';
import { scorePeriod } from './score-period';
import type { PeriodAggregates, UnitResult } from './types';

/**
 * The engine against the reference exports of test/fixtures/sd-small: every row and column.
 * Mismatches are collected as `code column: expected … got …` so a failure says where it is.
 */

const ds = loadDataset(FIXTURE_DIR);
const aggregates = new Map<string, PeriodAggregates>();

function aggregateOf(period: string): PeriodAggregates {
  let a = aggregates.get(period);
  if (!a) {
    a = aggregatePeriod(period, ds.units, ds.loans, ds.enterprises, ds.qualifications);
    aggregates.set(period, a);
  }
  return a;
}

function score(period: string): UnitResult[] {
  const year = periodYear(period);
  const baseline = aggregateOf(baselinePeriod(period));
  return scorePeriod(
    {
      period,
      units: ds.units,
      current: aggregateOf(period),
      history: [1, 2, 3].map((n) => aggregateOf(shiftPeriod(period, n))).filter((a) => a.hasData),
      baseline: baseline.hasData ? baseline : null,
      qualitative: ds.qualitative.filter((q) => q.year === year || q.year === year - 1),
      penalties: ds.penalties,
    },
    SCHEME_SDTF_2025,
  );
}

function compareNumber(
  out: string[],
  where: string,
  expected: string,
  actual: number | null,
): void {
  if (expected === '' || actual === null) {
    if (!(expected === '' && actual === null))
      out.push(`${where}: expected ${expected || 'null'} got ${actual}`);
    return;
  }
  if (!closeTo(actual, Number(expected))) out.push(`${where}: expected ${expected} got ${actual}`);
}

function compareResults(expected: CsvRecord[], results: UnitResult[]): string[] {
  const out: string[] = [];
  const byCode = new Map(results.map((r) => [r.code, r]));
  const exported = results.filter((r) => r.scored).map((r) => r.code);
  const expectedCodes = expected.map((e) => e['institution_code']);
  if ([...exported].sort().join() !== [...expectedCodes].sort().join())
    out.push('the set of scored units differs');
  for (const e of expected) {
    const code = e['institution_code'];
    const r = byCode.get(code);
    if (!r) {
      out.push(`${code}: missing`);
      continue;
    }
    const text = (col: string, actual: string | null): void => {
      if (e[col] !== (actual ?? '')) out.push(`${code} ${col}: expected ${e[col]} got ${actual}`);
    };
    text('level', r.level);
    text('peer_group', r.peerGroup);
    CLASS_CODES.forEach((k, i) => {
      compareNumber(out, `${code} k${i + 1}`, e[`k${i + 1}`], r.classes[k].value);
      compareNumber(out, `${code} s${i + 1}`, e[`s${i + 1}`], r.classes[k].score);
    });
    compareNumber(out, `${code} quantitative`, e['quantitative'], r.quantitative);
    compareNumber(out, `${code} qualitative`, e['qualitative'], r.qualitative);
    compareNumber(out, `${code} composite`, e['composite'], r.composite);
    text('grade', r.grade);
    text('rank_level', String(r.rankLevel));
    text('rank_peer', String(r.rankPeer));
    text('rank_bank', String(r.rankBank));
    text('flags', r.flags.join(';'));
  }
  return out;
}

describe('sd-small fixture', () => {
  it.each(['2025Q2', '2025Q4'])(
    'should reproduce results-%s.csv in every row and column',
    (period) => {
      const expected = readCsv(resolve(EXPECTED_DIR, `results-${period}.csv`));
      expect(compareResults(expected, score(period))).toEqual([]);
    },
  );

  it('should reproduce certification-2025.csv in every row and column', () => {
    const year = 2025;
    const results = evaluateCertification(
      {
        year,
        resultsY: score(`${year}Q4`),
        resultsPrev: score(`${year - 1}Q4`),
        applicationsY: ds.applications.filter((a) => a.year === year),
        applicationsPrev: ds.applications.filter((a) => a.year === year - 1),
        certifiedPrev: ds.decisions
          .filter((d) => d.year === year - 1 && d.decision === 'confirm')
          .map((d) => d.institutionCode),
      },
      SCHEME_SDTF_2025,
    );
    const actual = results.map((r) =>
      [
        r.year,
        r.code,
        r.outcome,
        ...CHECK_CODES.map((c) => (r.checks.find((k) => k.code === c)?.pass ? 'Y' : 'N')),
      ].join(','),
    );
    const expected = readCsv(resolve(EXPECTED_DIR, `certification-${year}.csv`)).map((e) =>
      [e['year'], e['institution_code'], e['outcome'], ...CHECK_CODES.map((c) => e[c])].join(','),
    );
    expect(actual).toEqual(expected);
  });
});
