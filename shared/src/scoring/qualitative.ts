import { QUALITATIVE_BLOCKS } from '../format/enums';
import type { QualitativeRow } from '../format/rows';
import type { Scheme } from './scheme';
import type { QualitativeBlockResult } from './types';

/** Qualitative part (spec section 5). */

/** qualitative.csv scores are integer hundredths of a point (0-100). */
const CENTI = 100;
/** block scores are out of 100 */
const BLOCK_MAX = 100;

export interface QualitativeScore {
  /** points out of max_points */
  points: number;
  blocks: QualitativeBlockResult[];
  /** some block came from an ancestor (QUAL_INHERITED) */
  inherited: boolean;
  /** some block was found nowhere and scores 0 (QUAL_MISSING) */
  missing: boolean;
}

/** Index of scores by `code|year|block`. */
export type QualitativeIndex = Map<string, number>;

export function indexQualitative(rows: QualitativeRow[]): QualitativeIndex {
  const index: QualitativeIndex = new Map();
  for (const r of rows) index.set(`${r.institutionCode}|${r.year}|${r.block}`, r.scoreCenti);
  return index;
}

/**
 * Qualitative points of unit `code` in year Y: for each block the score of the unit for Y, else
 * for Y-1 (own previous year: not inherited), else the same search on its parent, grandparent…
 * (QUAL_INHERITED), else 0 (QUAL_MISSING).
 * points = max_points * (w1*Q1 + w2*Q2 + w3*Q3) / 100 (default 20 * (0.3 Q1 + 0.4 Q2 + 0.3 Q3) / 100).
 */
export function qualitativeScore(
  code: string,
  year: number,
  index: QualitativeIndex,
  parentOf: Map<string, string | null>,
  scheme: Scheme,
): QualitativeScore {
  const q = scheme.qualitative;
  const years = q.inherit_previous_year ? [year, year - 1] : [year];
  const chain: string[] = [];
  const seen = new Set<string>();
  for (
    let c: string | null | undefined = code;
    c && !seen.has(c);
    c = q.inherit_from_ancestors ? parentOf.get(c) : null
  ) {
    chain.push(c);
    seen.add(c);
  }
  let inherited = false;
  let missing = false;
  let weighted = 0;
  const blocks: QualitativeBlockResult[] = QUALITATIVE_BLOCKS.map((block) => {
    for (const source of chain) {
      for (const y of years) {
        const centi = index.get(`${source}|${y}|${block}`);
        if (centi === undefined) continue;
        const fromAncestor = source !== code;
        inherited ||= fromAncestor;
        return {
          block,
          score: centi / CENTI,
          sourceCode: source,
          sourceYear: y,
          inherited: fromAncestor,
        };
      }
    }
    missing = true;
    return { block, score: null, sourceCode: null, sourceYear: null, inherited: false };
  });
  for (const b of blocks) weighted += q.blocks[b.block] * (b.score ?? 0);
  return { points: (q.max_points * weighted) / BLOCK_MAX, blocks, inherited, missing };
}
