import { CLASS_CODES, type ClassCode, type ClassResult, type Flag, type Grade, type QualitativeBlockResult, type UnitResult } from '@sci/shared';

/**
 * One stored result (table run_result): the export's columns plus a JSON detail with what the
 * explain page shows. Pure mapping from the engine's UnitResult; numbers stored as they are.
 */
export interface RunResultRow {
  run_id: number;
  code: string;
  period: string;
  level: string;
  peer_group: string;
  bank_code: string;
  region_code: string;
  scored: number;
  k1: number | null;
  k2: number | null;
  k3: number | null;
  k4: number | null;
  k5: number | null;
  k6: number | null;
  k7: number | null;
  k8: number | null;
  k9: number | null;
  k10: number | null;
  s1: number;
  s2: number;
  s3: number;
  s4: number;
  s5: number;
  s6: number;
  s7: number;
  s8: number;
  s9: number;
  s10: number;
  quantitative: number;
  qualitative: number;
  composite: number;
  grade: string | null;
  rank_level: number | null;
  rank_peer: number | null;
  rank_bank: number | null;
  /** flag codes joined by ';' in the engine's order */
  flags: string;
  detail: string;
}

/** The part of a UnitResult that has no column of its own. */
export interface ResultDetail {
  classes: Record<ClassCode, ClassResult>;
  qualitativeBlocks: QualitativeBlockResult[];
  nplRatioAll: number | null;
  allBorrowers: number;
}

/** Column order of run_result inserts. */
export const RUN_RESULT_COLUMNS: (keyof RunResultRow)[] = [
  'run_id',
  'code',
  'period',
  'level',
  'peer_group',
  'bank_code',
  'region_code',
  'scored',
  ...CLASS_CODES.map((_, i) => `k${i + 1}` as keyof RunResultRow),
  ...CLASS_CODES.map((_, i) => `s${i + 1}` as keyof RunResultRow),
  'quantitative',
  'qualitative',
  'composite',
  'grade',
  'rank_level',
  'rank_peer',
  'rank_bank',
  'flags',
  'detail',
];

export function toRunResultRow(runId: number, u: UnitResult, regionCode: string): RunResultRow {
  const row: Record<string, unknown> = {
    run_id: runId,
    code: u.code,
    period: u.period,
    level: u.level,
    peer_group: u.peerGroup,
    bank_code: u.bankCode,
    region_code: regionCode,
    scored: u.scored ? 1 : 0,
    quantitative: u.quantitative,
    qualitative: u.qualitative,
    composite: u.composite,
    grade: u.grade,
    rank_level: u.rankLevel,
    rank_peer: u.rankPeer,
    rank_bank: u.rankBank,
    flags: u.flags.join(';'),
  };
  CLASS_CODES.forEach((c, i) => {
    row[`k${i + 1}`] = u.classes[c].value;
    row[`s${i + 1}`] = u.classes[c].score;
  });
  const detail: ResultDetail = {
    classes: u.classes,
    qualitativeBlocks: u.qualitativeBlocks,
    nplRatioAll: u.nplRatioAll,
    allBorrowers: u.allBorrowers,
  };
  row['detail'] = JSON.stringify(detail);
  return row as unknown as RunResultRow;
}

/** Reads a stored row's numeric columns (MySQL may hand integers back as strings). */
export function num(v: unknown): number {
  return typeof v === 'number' ? v : Number(v);
}

export function numOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : num(v);
}

export function flagsOf(s: string): Flag[] {
  return s ? (s.split(';') as Flag[]) : [];
}

export function gradeOf(s: string | null): Grade | null {
  return (s as Grade | null) ?? null;
}
