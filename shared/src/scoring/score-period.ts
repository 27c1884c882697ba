import { CLASS_CODES, FLAGS, INSTITUTION_LEVELS, type Flag } from '../format/enums';
import { periodDate, periodYear, shiftPeriod } from '../format/period';
import { scoreClasses, unscoredClasses } from './class-scores';
import { finalGrade, vetoApplies } from './grade';
import { baselineOf, computeIndicators, type UnitIndicators } from './indicators';
import { levelPopulation, peerSet, realPeerGroup } from './population';
import { indexQualitative, qualitativeScore } from './qualitative';
import { rankIn } from './rank';
import { compositeTolerance, type Scheme } from './scheme';
import type { PeriodAggregates, ScoringInput, UnitInfo, UnitResult } from './types';

/** Orchestration of one period's scoring (spec sections 2-6). */

function byCode(a: { code: string }, b: { code: string }): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/** Flags in the export order (FLAGS), each once. */
export function sortFlags(flags: Iterable<Flag>): Flag[] {
  const set = new Set(flags);
  return FLAGS.filter((f) => set.has(f));
}

/** Indicators of every unit at a history period; units with A = 0 there are left out (not scored). */
function scoredIndicatorsAt(agg: PeriodAggregates, units: UnitInfo[]): Map<string, UnitIndicators> {
  const out = new Map<string, UnitIndicators>();
  for (const u of units) {
    const ind = computeIndicators(agg.units[u.code], null);
    if (ind.balanceAll > 0) out.set(u.code, ind);
  }
  return out;
}

/**
 * The history quarters feeding the trend: the `trend_quarters` quarters before p, most recent
 * first, each with the indicators of the units scored then. Aggregates of other periods, and
 * periods absent from the input, contribute nothing.
 */
function historyIndicators(
  input: ScoringInput,
  units: UnitInfo[],
  scheme: Scheme,
): { period: string; scored: Map<string, UnitIndicators> }[] {
  const out: { period: string; scored: Map<string, UnitIndicators> }[] = [];
  for (let n = 1; n <= scheme.peer_trend.trend_quarters; n++) {
    const period = shiftPeriod(input.period, n);
    const agg = input.history.find((h) => h.period === period);
    if (agg) out.push({ period, scored: scoredIndicatorsAt(agg, units) });
  }
  return out;
}

function unscoredResult(
  u: UnitInfo,
  period: string,
  own: UnitIndicators,
  scheme: Scheme,
): UnitResult {
  return {
    period,
    code: u.code,
    level: u.level,
    peerGroup: u.peerGroup,
    bankCode: u.bankCode,
    scored: false,
    classes: unscoredClasses(own, scheme),
    nplRatioAll: own.nplRatioAll,
    allBorrowers: own.allBorrowers,
    quantitative: 0,
    qualitative: 0,
    qualitativeBlocks: [],
    composite: 0,
    grade: null,
    rankLevel: null,
    rankPeer: null,
    rankBank: null,
    flags: ['NO_LOANS'],
  };
}

/**
 * Scores one period (spec sections 2-6): one result per unit of `input.units`, sorted by code.
 * Units with A = 0 have scored = false, only the flag NO_LOANS, no grade and no ranks.
 * Deterministic: units are visited in code order and every sum runs in a fixed order.
 */
export function scorePeriod(input: ScoringInput, scheme: Scheme): UnitResult[] {
  const units = [...input.units].sort(byCode);
  const parentOf = new Map<string, string | null>(units.map((u) => [u.code, u.parentCode]));
  const d = periodDate(input.period);
  const qualIndex = indexQualitative(input.qualitative);
  const baseline = input.baseline && input.baseline.hasData ? input.baseline : null;
  const history = historyIndicators(input, units, scheme);

  const indicators = new Map<string, UnitIndicators>();
  for (const u of units) {
    const base = baseline ? baselineOf(baseline.units[u.code]) : null;
    indicators.set(u.code, computeIndicators(input.current.units[u.code], base));
  }
  const ind = (code: string): UnitIndicators => indicators.get(code) as UnitIndicators;
  const isScored = (code: string): boolean => ind(code).balanceAll > 0;

  const results = new Map<string, UnitResult>();
  for (const level of INSTITUTION_LEVELS) {
    const population = levelPopulation(units, level, isScored);
    for (const u of population) {
      const peers = peerSet(u, population, scheme.peer_group_min_size);
      const own = ind(u.code);
      const { classes, flags } = scoreClasses(
        {
          own,
          peers: peers.members.filter((v) => v.code !== u.code).map((v) => ind(v.code)),
          history: history
            .filter((h) => h.scored.has(u.code))
            .map((h) => ({ period: h.period, indicators: h.scored.get(u.code) as UnitIndicators })),
          baseline: baseline ? baselineOf(baseline.units[u.code]) : null,
        },
        scheme,
      );
      if (peers.small) flags.push('SMALL_PEER_GROUP');
      const qual = qualitativeScore(u.code, periodYear(input.period), qualIndex, parentOf, scheme);
      if (qual.inherited) flags.push('QUAL_INHERITED');
      if (qual.missing) flags.push('QUAL_MISSING');
      if (vetoApplies(u.code, d, input.penalties, scheme)) flags.push('VETO');
      let quantitative = 0;
      for (const k of CLASS_CODES) quantitative += classes[k].score;
      const composite = quantitative + qual.points;
      const sorted = sortFlags(flags);
      results.set(u.code, {
        period: input.period,
        code: u.code,
        level: u.level,
        peerGroup: u.peerGroup,
        bankCode: u.bankCode,
        scored: true,
        classes,
        nplRatioAll: own.nplRatioAll,
        allBorrowers: own.allBorrowers,
        quantitative,
        qualitative: qual.points,
        qualitativeBlocks: qual.blocks,
        composite,
        grade: finalGrade(composite, sorted, scheme),
        rankLevel: null,
        rankPeer: null,
        rankBank: null,
        flags: sorted,
      });
    }
    rankPopulation(population, results, compositeTolerance(scheme));
  }

  return units.map(
    (u) => results.get(u.code) ?? unscoredResult(u, input.period, ind(u.code), scheme),
  );
}

/** rank_level in L, rank_peer in u's real peer group within L, rank_bank among L with u's bank. */
function rankPopulation(
  population: UnitInfo[],
  results: Map<string, UnitResult>,
  tol: number,
): void {
  const composite = (v: UnitInfo): number => (results.get(v.code) as UnitResult).composite;
  const all = population.map(composite);
  for (const u of population) {
    const r = results.get(u.code) as UnitResult;
    r.rankLevel = rankIn(r.composite, all, tol);
    r.rankPeer = rankIn(r.composite, realPeerGroup(u, population).map(composite), tol);
    r.rankBank = rankIn(
      r.composite,
      population.filter((v) => v.bankCode === u.bankCode).map(composite),
      tol,
    );
  }
}
