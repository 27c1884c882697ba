import {
  CLASS_CODES,
  GRADES,
  evaluateCertification,
  scorePeriod,
  withParameter,
  type ApplicationRow,
  type CertificationResult,
  type ClassCode,
  type Grade,
  type GradeChange,
  type GradeDistributionRow,
  type GroupSummary,
  type InstitutionLevel,
  type OutcomeChange,
  type RankMove,
  type Scheme,
  type SchemeChange,
  type ScoringInput,
  type SensitivityRow,
  type SimulationResponse,
  type UnitResult,
} from '@sci/shared';

/**
 * The policy lab's comparison, as one pure function over already loaded inputs, so it runs in a
 * worker thread (simulate.worker.ts): the draft and the scheme in force scored on the same
 * inputs, and each touched parameter alone for the sensitivity. Nothing here touches the database.
 */

export interface CertificationJob {
  year: number;
  /** (Y-1) Q4 inputs (null: that quarter has no loans) */
  previous: ScoringInput | null;
  applicationsY: ApplicationRow[];
  applicationsPrev: ApplicationRow[];
  certifiedPrev: string[];
}

export interface SimulationJob {
  input: ScoringInput;
  inForce: Scheme;
  draft: Scheme;
  /** the changed parameters (schemeChanges paths) with their words for the sensitivity rows */
  changes: Pick<SchemeChange, 'path' | 'label' | 'from' | 'to'>[];
  certification: CertificationJob | null;
  names: Record<string, string>;
}

export type SimulationResult = Pick<
  SimulationResponse,
  'certificationYear' | 'unitCount' | 'grades' | 'gradeChanges' | 'rankMoves' | 'outcomeChanges' | 'byBank' | 'byCity' | 'sensitivity'
>;

interface Scored {
  results: UnitResult[];
  outcomes: Map<string, CertificationResult['outcome']>;
}

/** Scored periods by the parameters scoring reads: a certification-only change reuses them. */
type ScoreCache = Map<string, { results: UnitResult[]; previous: UnitResult[] }>;

function scoringKey(scheme: Scheme): string {
  // scorePeriod never reads the certification rules, the names or the version
  return JSON.stringify({ ...scheme, id: null, version: null, title: null, certification: null });
}

function score(job: SimulationJob, scheme: Scheme, cache: ScoreCache): Scored {
  const key = scoringKey(scheme);
  let scored = cache.get(key);
  if (!scored) {
    scored = {
      results: scorePeriod(job.input, scheme),
      previous: job.certification?.previous ? scorePeriod(job.certification.previous, scheme) : [],
    };
    cache.set(key, scored);
  }
  const { results, previous } = scored;
  const outcomes = new Map<string, CertificationResult['outcome']>();
  const c = job.certification;
  if (c) {
    const cert = evaluateCertification(
      { year: c.year, resultsY: results, resultsPrev: previous, applicationsY: c.applicationsY, applicationsPrev: c.applicationsPrev, certifiedPrev: c.certifiedPrev },
      scheme,
    );
    for (const r of cert) outcomes.set(r.code, r.outcome);
  }
  return { results, outcomes };
}

const gradeIndex = (g: Grade | null): number => (g === null ? -1 : GRADES.indexOf(g));

/** The part of the composite that moved most between two results of a unit, and by how much. */
function mostMoved(a: UnitResult, b: UnitResult): { part: ClassCode | 'qualitative' | null; by: number } {
  let part: ClassCode | 'qualitative' | null = null;
  let by = 0;
  for (const k of CLASS_CODES) {
    const d = b.classes[k].score - a.classes[k].score;
    if (Math.abs(d) > Math.abs(by)) [part, by] = [k, d];
  }
  const q = b.qualitative - a.qualitative;
  if (Math.abs(q) > Math.abs(by)) [part, by] = ['qualitative', q];
  return { part, by };
}

function countGradeChanges(a: UnitResult[], b: UnitResult[]): number {
  let n = 0;
  a.forEach((r, i) => (n += r.grade !== b[i].grade ? 1 : 0));
  return n;
}

function countOutcomeChanges(a: Scored, b: Scored): number {
  let n = 0;
  for (const [code, o] of a.outcomes) if (b.outcomes.get(code) !== o) n++;
  return n;
}

function groups(before: Scored, after: Scored, keyOf: (r: UnitResult) => string): GroupSummary[] {
  const out = new Map<string, GroupSummary>();
  before.results.forEach((a, i) => {
    const b = after.results[i];
    const key = keyOf(a);
    const g = out.get(key) ?? { key, units: 0, gradeUp: 0, gradeDown: 0, outcomeChanges: 0 };
    g.units++;
    if (a.grade !== null && b.grade !== null) {
      if (gradeIndex(b.grade) < gradeIndex(a.grade)) g.gradeUp++;
      if (gradeIndex(b.grade) > gradeIndex(a.grade)) g.gradeDown++;
    }
    if (before.outcomes.has(a.code) && before.outcomes.get(a.code) !== after.outcomes.get(a.code)) g.outcomeChanges++;
    out.set(key, g);
  });
  return [...out.values()].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

export function runSimulation(job: SimulationJob): SimulationResult {
  const cache: ScoreCache = new Map();
  const before = score(job, job.inForce, cache);
  const after = score(job, job.draft, cache);
  const name = (code: string): string => job.names[code] ?? code;
  const region = new Map(job.input.units.map((u) => [u.code, u.regionCode ?? '']));

  const dist = new Map<string, GradeDistributionRow>();
  const tally = (r: UnitResult, side: 'before' | 'after'): void => {
    const key = `${r.level}|${r.grade ?? ''}`;
    const row = dist.get(key) ?? { level: r.level as InstitutionLevel, grade: r.grade, before: 0, after: 0 };
    row[side]++;
    dist.set(key, row);
  };
  before.results.forEach((r) => tally(r, 'before'));
  after.results.forEach((r) => tally(r, 'after'));
  const levelOrder = ['head', 'city', 'outlet'];
  const grades = [...dist.values()].sort(
    (x, y) => levelOrder.indexOf(x.level) - levelOrder.indexOf(y.level) || gradeIndex(x.grade) - gradeIndex(y.grade),
  );

  const gradeChanges: GradeChange[] = [];
  const rankMoves: RankMove[] = [];
  before.results.forEach((a, i) => {
    const b = after.results[i];
    if (a.grade !== b.grade) {
      const m = mostMoved(a, b);
      gradeChanges.push({
        code: a.code,
        name: name(a.code),
        level: a.level as InstitutionLevel,
        bankCode: a.bankCode,
        regionCode: region.get(a.code) ?? '',
        before: a.grade,
        after: b.grade,
        compositeBefore: a.composite,
        compositeAfter: b.composite,
        mostMoved: m.part,
        mostMovedBy: m.by,
      });
    }
    if (a.rankLevel !== b.rankLevel && (a.rankLevel !== null || b.rankLevel !== null)) {
      rankMoves.push({
        code: a.code,
        name: name(a.code),
        level: a.level as InstitutionLevel,
        before: a.rankLevel,
        after: b.rankLevel,
        change: a.rankLevel !== null && b.rankLevel !== null ? a.rankLevel - b.rankLevel : 0,
      });
    }
  });
  rankMoves.sort((x, y) => Math.abs(y.change) - Math.abs(x.change) || (x.code < y.code ? -1 : 1));

  const outcomeChanges: OutcomeChange[] = [];
  for (const [code, o] of before.outcomes) {
    const n = after.outcomes.get(code);
    if (n && n !== o) outcomeChanges.push({ code, name: name(code), before: o, after: n });
  }

  const sensitivity: SensitivityRow[] = job.changes.map((c) => {
    const one = score(job, withParameter(job.inForce, job.draft, c.path), cache);
    return {
      path: c.path,
      label: c.label,
      from: c.from,
      to: c.to,
      gradeChanges: countGradeChanges(before.results, one.results),
      outcomeChanges: countOutcomeChanges(before, one),
    };
  });

  return {
    certificationYear: job.certification?.year ?? null,
    unitCount: before.results.length,
    grades,
    gradeChanges,
    rankMoves,
    outcomeChanges,
    byBank: groups(before, after, (r) => r.bankCode),
    byCity: groups(before, after, (r) => region.get(r.code) ?? ''),
    sensitivity,
  };
}
