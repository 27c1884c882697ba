import { CLASS_CODES, type ClassCode, type InstitutionLevel, type PeerGroup, type UnitHistoryPoint, type UnitResultItem } from '@sci/shared';
import { flagsOf, gradeOf } from '../runs/run-result-row';
import type { StoredResult } from './results.repository';

export function valuesOf(r: StoredResult): Record<ClassCode, number | null> {
  const rec = r as unknown as Record<string, number | null>;
  return Object.fromEntries(CLASS_CODES.map((c, i) => [c, rec[`k${i + 1}`]])) as Record<ClassCode, number | null>;
}

export function scoresOf(r: StoredResult): Record<ClassCode, number> {
  const rec = r as unknown as Record<string, number>;
  return Object.fromEntries(CLASS_CODES.map((c, i) => [c, rec[`s${i + 1}`]])) as Record<ClassCode, number>;
}

/** A stored result as lists show it; `previousRankLevel` from the previous quarter's published run. */
export function toUnitResultItem(r: StoredResult, previousRankLevel: number | null = null): UnitResultItem {
  return {
    runId: r.run_id,
    period: r.period,
    code: r.code,
    name: r.name,
    level: r.level as InstitutionLevel,
    peerGroup: r.peer_group as PeerGroup,
    bankCode: r.bank_code,
    regionCode: r.region_code,
    scored: r.scored === 1,
    values: valuesOf(r),
    scores: scoresOf(r),
    quantitative: r.quantitative,
    qualitative: r.qualitative,
    composite: r.composite,
    grade: gradeOf(r.grade),
    rankLevel: r.rank_level,
    rankPeer: r.rank_peer,
    rankBank: r.rank_bank,
    flags: flagsOf(r.flags),
    previousRankLevel,
    rankLevelChange: previousRankLevel !== null && r.rank_level !== null ? previousRankLevel - r.rank_level : null,
  };
}

export function toHistoryPoint(r: StoredResult): UnitHistoryPoint {
  return {
    period: r.period,
    runId: r.run_id,
    scored: r.scored === 1,
    values: valuesOf(r),
    scores: scoresOf(r),
    composite: r.composite,
    grade: gradeOf(r.grade),
    rankLevel: r.rank_level,
  };
}
