import type { ApplicationRow, DecisionRow, PenaltyRow, QualitativeRow } from '@sci/shared';
import { Prng } from './prng';
import { GeneratedUnit, NPL_UNIT, STAR_UNITS } from './units';

/**
 * The regulator's files of the demo province: qualitative scores (heads and the city branches of
 * the big banks; local banks are scored at the head only, the foreign bank not at all; a few heads
 * lack the latest year), penalties (one vetoes an outlet in the last year), certification
 * applications of the designated sub-branches (the star units pass every check, others fail some)
 * and the register of earlier years' decisions.
 */
export function generateQualitative(rng: Prng, units: GeneratedUnit[], years: number[]): QualitativeRow[] {
  const rows: QualitativeRow[] = [];
  const lastYear = years[years.length - 1];
  const bankLevel = new Map<string, number>();
  for (const u of units) if (u.level === 'head') bankLevel.set(u.code, 70 + rng.next() * 22);
  for (const year of years) {
    for (const u of units) {
      if (u.bankCode === 'HSBC') continue;
      const scored =
        u.level === 'head'
          ? !(year === lastYear && ['WFB', 'RZB', 'CEB'].includes(u.code))
          : u.level === 'city'
            ? ['state', 'joint'].includes(u.peerGroup) && rng.chance(0.7)
            : STAR_UNITS.includes(u.code);
      if (!scored) continue;
      const base = STAR_UNITS.includes(u.code) ? 92 : bankLevel.get(u.bankCode)!;
      for (const block of ['Q1', 'Q2', 'Q3'] as const) {
        const score = Math.max(40, Math.min(100, base + rng.normal() * 6));
        rows.push({ year, institutionCode: u.code, block, scoreCenti: Math.round(score * 100), evidence: rng.chance(0.8) ? '年度现场评估' : null });
      }
    }
  }
  return rows;
}

export function generatePenalties(units: GeneratedUnit[], firstYear: number, lastYear: number): PenaltyRow[] {
  const has = (c: string): boolean => units.some((u) => u.code === c);
  const rows: PenaltyRow[] = [
    { institutionCode: 'CCB-370900-01', decidedOn: `${lastYear}-03-17`, kind: 'penalty', reference: `鲁金罚决字〔${lastYear}〕42号` },
    { institutionCode: 'ICBC-371000-01', decidedOn: `${lastYear}-09-06`, kind: 'penalty', reference: `鲁金罚决字〔${lastYear}〕79号` },
    { institutionCode: 'CITIC-370800', decidedOn: `${lastYear}-01-18`, kind: 'falsified_data', reference: `鲁金罚决字〔${lastYear}〕69号` },
    { institutionCode: 'CITIC-370700', decidedOn: `${firstYear - 1}-10-15`, kind: 'falsified_data', reference: `鲁金罚决字〔${firstYear - 1}〕63号` },
  ];
  return rows.filter((r) => has(r.institutionCode));
}

export function generateApplications(rng: Prng, units: GeneratedUnit[], years: number[]): ApplicationRow[] {
  const rows: ApplicationRow[] = [];
  const lastYear = years[years.length - 1];
  const designated = units.filter((u) => u.level === 'outlet' && u.techSpecialist && u.profile !== 'new');
  for (const year of years) {
    for (const u of designated) {
      const star = STAR_UNITS.includes(u.code);
      if (!star && u.code !== NPL_UNIT && !rng.chance(0.7)) continue;
      const flag = (): boolean => star || rng.chance(0.92);
      const row: ApplicationRow = {
        year,
        institutionCode: u.code,
        designated: star || rng.chance(0.95),
        techRmCount: star ? rng.int(8, 15) : rng.int(2, 12),
        separateCreditPlan: flag(),
        dedicatedPricing: flag(),
        independentAccounting: flag(),
        riskTolerance: flag(),
        approvalChannel: flag(),
        performanceAssessment: flag(),
        dueDiligenceExemption: flag(),
        ftpDiscountBp: star ? rng.pick([20, 30, 50]) : rng.pick([0, 10, 20, 30, 50, 60]),
        approvalLimitFen: (star ? rng.pick([20000000, 50000000]) : rng.pick([5000000, 10000000, 20000000])) * 100,
      };
      // a near miss: the third star unit lacks independent accounting in the last year (fails C2)
      if (u.code === STAR_UNITS[2] && year === lastYear) row.independentAccounting = false;
      rows.push(row);
    }
  }
  return rows;
}

/** The register of earlier exercises: the first star unit and a dozen sub-branches confirmed, one rejected. */
export function generateDecisions(rng: Prng, units: GeneratedUnit[], years: number[]): DecisionRow[] {
  const rows: DecisionRow[] = [];
  const designated = units.filter((u) => u.level === 'outlet' && u.techSpecialist && u.profile === 'tech');
  for (const year of years) {
    rows.push({ year, institutionCode: STAR_UNITS[0], decision: 'confirm', reason: null });
    const chosen = new Set<string>();
    while (chosen.size < Math.min(12, designated.length)) chosen.add(rng.pick(designated).code);
    for (const code of [...chosen].sort()) rows.push({ year, institutionCode: code, decision: 'confirm', reason: null });
    const rejected = designated.find((u) => !chosen.has(u.code));
    if (rejected) rows.push({ year, institutionCode: rejected.code, decision: 'reject', reason: '科技贷款规模及户数未达到认定标准' });
  }
  return rows;
}
