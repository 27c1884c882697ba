import type { InstitutionLevel, PeerGroup, UnitResult } from '@sci/shared';
import {
  flagsOf,
  gradeOf,
  num,
  numOrNull,
  type ResultDetail,
} from '../runs/run-result-row';

/** The run_result columns certification reads (raw row: MySQL may hand numbers back as strings). */
export interface StoredRunRow {
  period: string;
  code: string;
  level: string;
  peer_group: string;
  bank_code: string;
  scored: number | string;
  composite: number | string;
  quantitative: number | string;
  qualitative: number | string;
  grade: string | null;
  rank_level: number | string | null;
  rank_peer: number | string | null;
  rank_bank: number | string | null;
  flags: string;
  detail: string;
}

/**
 * A stored result back as the engine's UnitResult: the certification checks read the class
 * values, K3's f, BA (allBorrowers), the flags and the composite, all of which a run stores
 * exactly (doubles bit for bit, the detail JSON round-trips them), so a check on a stored run
 * equals the check on the run's in-memory results.
 */
export function unitResultOf(r: StoredRunRow): UnitResult {
  const detail = JSON.parse(r.detail) as ResultDetail;
  return {
    period: r.period,
    code: r.code,
    level: r.level as InstitutionLevel,
    peerGroup: r.peer_group as PeerGroup,
    bankCode: r.bank_code,
    scored: num(r.scored) === 1,
    classes: detail.classes,
    nplRatioAll: detail.nplRatioAll,
    allBorrowers: detail.allBorrowers,
    quantitative: num(r.quantitative),
    qualitative: num(r.qualitative),
    qualitativeBlocks: detail.qualitativeBlocks,
    composite: num(r.composite),
    grade: gradeOf(r.grade),
    rankLevel: numOrNull(r.rank_level),
    rankPeer: numOrNull(r.rank_peer),
    rankBank: numOrNull(r.rank_bank),
    flags: flagsOf(r.flags),
  };
}
