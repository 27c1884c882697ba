import { CLASS_CODES, type DiffValue, type RunDiffUnit } from '@sci/shared';
import { gradeOf } from '../runs/run-result-row';
import type { StoredResult } from './results.repository';
import { scoresOf } from './result-response';

function diffValue(a: number | null | undefined, b: number | null | undefined): DiffValue<number> {
  const x = a ?? null;
  const y = b ?? null;
  return { a: x, b: y, delta: x !== null && y !== null ? y - x : null };
}

/** The class whose score moved most between two results (first class on ties); null if none moved. */
function topClass(a: StoredResult, b: StoredResult): RunDiffUnit['topClass'] {
  const sa = scoresOf(a);
  const sb = scoresOf(b);
  let best: RunDiffUnit['topClass'] = null;
  for (const c of CLASS_CODES) {
    const delta = sb[c] - sa[c];
    if (delta !== 0 && (!best || Math.abs(delta) > Math.abs(best.delta))) best = { code: c, a: sa[c], b: sb[c], delta };
  }
  return best;
}

/**
 * Units whose grade or any rank differs between run a and run b, or that are scored in one run
 * only; ordered by |composite delta| (units in one run only first), then code.
 */
export function diffRuns(aRows: StoredResult[], bRows: StoredResult[]): { units: RunDiffUnit[]; unchangedCount: number } {
  const scored = (rows: StoredResult[]): Map<string, StoredResult> => new Map(rows.filter((r) => r.scored === 1).map((r) => [r.code, r]));
  const A = scored(aRows);
  const B = scored(bRows);
  const units: RunDiffUnit[] = [];
  let unchangedCount = 0;
  for (const code of [...new Set([...A.keys(), ...B.keys()])].sort()) {
    const a = A.get(code);
    const b = B.get(code);
    const any = (a ?? b) as StoredResult;
    const gradeChanged = a?.grade !== b?.grade;
    const rankChanged = a?.rank_level !== b?.rank_level || a?.rank_peer !== b?.rank_peer || a?.rank_bank !== b?.rank_bank;
    if (a && b && !gradeChanged && !rankChanged) {
      unchangedCount++;
      continue;
    }
    units.push({
      code,
      name: any.name,
      level: any.level,
      peerGroup: any.peer_group,
      bankCode: any.bank_code,
      grade: { a: gradeOf(a?.grade ?? null), b: gradeOf(b?.grade ?? null), changed: gradeChanged },
      rankLevel: diffValue(a?.rank_level, b?.rank_level),
      rankPeer: diffValue(a?.rank_peer, b?.rank_peer),
      rankBank: diffValue(a?.rank_bank, b?.rank_bank),
      composite: diffValue(a?.composite, b?.composite),
      topClass: a && b ? topClass(a, b) : null,
      onlyIn: a && b ? null : a ? 'a' : 'b',
    });
  }
  const weight = (u: RunDiffUnit): number => (u.composite.delta === null ? Infinity : Math.abs(u.composite.delta));
  units.sort((x, y) => weight(y) - weight(x) || (x.code < y.code ? -1 : 1));
  return { units, unchangedCount };
}
