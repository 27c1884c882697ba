import { parse } from 'csv-parse/sync';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Scheme } from '@sci/shared';

/**
 * What a variant scheme must give, derived by hand from the default results (whose indicator
 * values k1..k10 do not depend on the scheme) and the dataset files, by the text of scoring.md.
 * Independent of the engine: nothing here imports it. The variants are chosen so the derivation
 * stays short: variant A scores peer-trend classes on peers only (peer_share 1), variant B on
 * the own trend only (trend_share 1).
 */

export type Row = Record<string, string>;

export const CLASSES = ['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7', 'K8', 'K9', 'K10'] as const;
export const PEER_TREND = ['K1', 'K2', 'K4', 'K5', 'K6', 'K7', 'K8', 'K9'] as const;
type PeerTrendCode = (typeof PEER_TREND)[number];

export function readCsv(text: string): { header: string[]; rows: Row[] } {
  const [header, ...lines] = parse(text, { bom: true, skip_empty_lines: true }) as string[][];
  return { header, rows: lines.map((l) => Object.fromEntries(header.map((h, i) => [h, l[i]]))) };
}

export function readCsvFile(path: string): { header: string[]; rows: Row[] } {
  return readCsv(readFileSync(path, 'utf8'));
}

export function toCsv(header: string[], rows: Row[]): string {
  const q = (v: string): string => `"${v.replace(/"/g, '""')}"`;
  return [header.map(q).join(','), ...rows.map((r) => header.map((h) => q(r[h] ?? '')).join(','))].join('\n') + '\n';
}

const num = (s: string): number | null => (s === '' ? null : Number(s));
const flagsOf = (r: Row): string[] => r['flags'].split(';').filter(Boolean);
export const isScored = (r: Row): boolean => !flagsOf(r).includes('NO_LOANS');
const setFlag = (flags: string[], flag: string, on: boolean): string[] =>
  on ? [...new Set([...flags, flag])] : flags.filter((f) => f !== flag);

/** spec section 4: values equal within tol * max(1, |a|, |b|) */
function equal(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
}

function floored(code: PeerTrendCode, v: number | null, scheme: Scheme): number | null {
  const p = scheme.classes[code];
  const floor = p.method === 'peer_trend' ? p.floor : undefined;
  return v === null || floor === undefined ? v : Math.max(v, floor);
}

/** Peer position H (spec section 4) of x among the others' values. */
export function peerH(x: number | null, others: (number | null)[], lowerIsBetter: boolean, tol: number): number {
  if (x === null) return 0;
  if (others.length === 0) return 0.5;
  let w = 0;
  let t = 0;
  for (const v of others) {
    if (v === null) w++;
    else if (equal(x, v, tol)) t++;
    else if (lowerIsBetter ? v > x : v < x) w++;
  }
  return (w + 0.5 * t) / others.length;
}

/** The grade by the scheme's bands, NPL cap and veto (spec section 6). */
export function gradeOf(composite: number, flags: string[], scheme: Scheme): string {
  const tol = scheme.composite_tolerance ?? scheme.equality_tolerance;
  const order = scheme.grades.map((g) => g.code as string);
  let grade = scheme.grades.find((g) => g.min === null || composite + tol >= g.min)!.code as string;
  if (flags.includes('NPL_OVER_TOLERANCE') && order.indexOf(grade) < order.indexOf(scheme.npl_over_tolerance_max_grade))
    grade = scheme.npl_over_tolerance_max_grade;
  if (flags.includes('VETO')) grade = scheme.veto.grade;
  return grade;
}

/** rank_level, rank_peer, rank_bank (spec section 6) of every scored row, in place. */
export function rank(rows: Row[], bankOf: Map<string, string>, scheme: Scheme): void {
  const tol = scheme.composite_tolerance ?? scheme.equality_tolerance;
  const scored = rows.filter(isScored);
  const rankIn = (r: Row, group: Row[]): string =>
    String(1 + group.filter((v) => Number(v['composite']) > Number(r['composite']) + tol).length);
  for (const r of scored) {
    const level = scored.filter((v) => v['level'] === r['level']);
    r['rank_level'] = rankIn(r, level);
    r['rank_peer'] = rankIn(r, level.filter((v) => v['peer_group'] === r['peer_group']));
    r['rank_bank'] = rankIn(r, level.filter((v) => bankOf.get(v['institution_code']) === bankOf.get(r['institution_code'])));
  }
}

/** Sums the class scores into quantitative and composite, then grades (in place). */
function total(r: Row, qualitative: number, flags: string[], scheme: Scheme): void {
  let quantitative = 0;
  for (let i = 1; i <= 10; i++) quantitative += Number(r[`s${i}`]);
  r['quantitative'] = String(quantitative);
  r['qualitative'] = String(qualitative);
  r['composite'] = String(quantitative + qualitative);
  r['flags'] = flags.join(';');
  r['grade'] = gradeOf(quantitative + qualitative, flags, scheme);
}

export interface Dataset {
  bankOf: Map<string, string>;
  parentOf: Map<string, string>;
  qualitative: Row[];
  penalties: Row[];
  applications: Row[];
  decisions: Row[];
}

export function readDataset(dir: string): Dataset {
  const inst = readCsvFile(join(dir, 'institutions.csv')).rows;
  return {
    bankOf: new Map(inst.map((r) => [r['code'], r['bank_code']])),
    parentOf: new Map(inst.map((r) => [r['code'], r['parent_code']])),
    qualitative: readCsvFile(join(dir, 'qualitative.csv')).rows,
    penalties: readCsvFile(join(dir, 'penalties.csv')).rows,
    applications: readCsvFile(join(dir, 'applications.csv')).rows,
    decisions: readCsvFile(join(dir, 'decisions.csv')).rows,
  };
}

/**
 * Variant A (peer_share 1): s_k = w_k (floor + (1 - floor) H) for the peer-trend classes, with H
 * over the scheme's peer set (peer_group_min_size, equality_tolerance); K3 and K10 keep f and
 * take the new weight; qualitative scales with max_points; grades and ranks by the new bands
 * and composite tolerance.
 */
export function deriveVariantA(defaults: Row[], scheme: Scheme, base: Scheme, data: Dataset): Row[] {
  const pt = scheme.peer_trend;
  if (pt.peer_share !== 1) throw new Error('variant A derivation needs peer_share 1');
  const out = defaults.map((r) => ({ ...r }));
  const scored = out.filter(isScored);
  for (const r of scored) {
    const level = scored.filter((v) => v['level'] === r['level']);
    const group = level.filter((v) => v['peer_group'] === r['peer_group']);
    const small = group.length < scheme.peer_group_min_size;
    const peers = (small ? level : group).filter((v) => v !== r);
    for (const code of PEER_TREND) {
      const col = code.toLowerCase();
      const x = floored(code, num(r[col]), scheme);
      const H = peerH(x, peers.map((v) => floored(code, num(v[col]), scheme)), code === 'K9', scheme.equality_tolerance);
      const f = x === null ? 0 : pt.peer_floor + (1 - pt.peer_floor) * H;
      r[`s${code.slice(1)}`] = String(scheme.classes[code].weight * f);
    }
    for (const code of ['K3', 'K10'] as const) {
      const s = `s${code.slice(1)}`;
      r[s] = String((Number(r[s]) / base.classes[code].weight) * scheme.classes[code].weight);
    }
    const qualitative = (Number(r['qualitative']) / base.qualitative.max_points) * scheme.qualitative.max_points;
    total(r, qualitative, setFlag(flagsOf(r), 'SMALL_PEER_GROUP', small), scheme);
  }
  rank(out, data.bankOf, scheme);
  return out;
}

/** Qualitative block scores of a unit in year Y by the search of spec section 5. */
export function qualitativeBlocks(code: string, year: number, data: Dataset): Record<'Q1' | 'Q2' | 'Q3', number> {
  const find = (block: string): number => {
    for (let c: string | undefined = code; c; c = data.parentOf.get(c) || undefined) {
      for (const y of [year, year - 1]) {
        const row = data.qualitative.find((q) => q['institution_code'] === c && Number(q['year']) === y && q['block'] === block);
        if (row) return Number(row['score']);
      }
    }
    return 0;
  };
  return { Q1: find('Q1'), Q2: find('Q2'), Q3: find('Q3') };
}

/** Days between two ISO dates (UTC). */
const days = (a: string, b: string): number => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;

/**
 * Variant B (trend_share 1): s_k = w_k V for the peer-trend classes, with m over the scheme's
 * trend_quarters earlier results (`history`, most recent first) and the scheme's bands and floor;
 * K3 without a baseline scores no_baseline_score; K10's f follows the new band (x - NA recovered
 * from the default f); qualitative re-weighted from the block scores; veto by the new window and
 * kinds; grades with the new NPL cap.
 */
export function deriveVariantB(
  defaults: Row[],
  history: Row[][],
  scheme: Scheme,
  base: Scheme,
  data: Dataset,
  periodEnd: string,
): Row[] {
  const pt = scheme.peer_trend;
  if (pt.trend_share !== 1) throw new Error('variant B derivation needs trend_share 1');
  const past = history.slice(0, pt.trend_quarters).map((rows) => new Map(rows.map((r) => [r['institution_code'], r])));
  const out = defaults.map((r) => ({ ...r }));
  const year = Number(periodEnd.slice(0, 4));
  for (const r of out.filter(isScored)) {
    let flags = flagsOf(r);
    for (const code of PEER_TREND) {
      const col = code.toLowerCase();
      const x = floored(code, num(r[col]), scheme);
      const values = past
        .map((m) => m.get(r['institution_code']))
        .filter((h): h is Row => h !== undefined && isScored(h))
        .map((h) => floored(code, num(h[col]), scheme))
        .filter((v): v is number => v !== null);
      const p = scheme.classes[code];
      if (p.method !== 'peer_trend') throw new Error(code);
      let V: number;
      if (x === null) V = 0;
      else if (values.length === 0) V = pt.no_history_trend;
      else {
        const m = values.reduce((a, b) => a + b, 0) / values.length;
        const d = p.trend.kind === 'ratio' ? (m === 0 ? null : x / m) : x - m;
        V = d === null ? (x > 0 ? 1 : 0) : Math.min(1, Math.max(0, (d - p.trend.zero_at) / (p.trend.full_at - p.trend.zero_at)));
      }
      r[`s${code.slice(1)}`] = String(p.weight * V);
    }
    const k3 = scheme.classes.K3;
    if (flags.includes('NO_BASELINE') && k3.method === 'growth_target') r['s3'] = String(k3.weight * k3.no_baseline_score);
    const k10 = scheme.classes.K10;
    const k10base = base.classes.K10;
    if (k10.method !== 'npl_band' || k10base.method !== 'npl_band') throw new Error('K10');
    const f0 = Number(r['s10']) / k10base.weight;
    if (!flags.includes('NPL_OVER_TOLERANCE') && f0 > 0 && f0 < 1) {
      const excess = ((1 - f0) * k10base.tolerance_pp) / (1 - k10base.score_at_tolerance);
      const over = excess > k10.tolerance_pp;
      r['s10'] = String(over ? 0 : k10.weight * (1 - ((1 - k10.score_at_tolerance) * excess) / k10.tolerance_pp));
      flags = setFlag(flags, 'NPL_OVER_TOLERANCE', over);
    }
    const q = qualitativeBlocks(r['institution_code'], year, data);
    const w = scheme.qualitative.blocks;
    const qualitative = (scheme.qualitative.max_points * (w.Q1 * q.Q1 + w.Q2 * q.Q2 + w.Q3 * q.Q3)) / 100;
    const veto = data.penalties.some(
      (p) =>
        p['institution_code'] === r['institution_code'] &&
        (scheme.veto.kinds as string[]).includes(p['kind']) &&
        days(p['decided_on'], periodEnd) >= 0 &&
        days(p['decided_on'], periodEnd) < scheme.veto.window_days,
    );
    total(r, qualitative, setFlag(flags, 'VETO', veto), scheme);
  }
  rank(out, data.bankOf, scheme);
  return out;
}

export const CHECKS = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8'] as const;
export type Check = (typeof CHECKS)[number];
/** A check recomputed by hand: from the unit's Y Q4 result under the variant and its Y application. */
export type CheckRule = (result: Row | undefined, application: Row | undefined) => boolean;

/** C1-C8 rules of spec section 7 with the scheme's thresholds, for the checks a variant changes. */
export function checkRules(scheme: Scheme): Record<Check, CheckRule> {
  const c = scheme.certification;
  const tol = scheme.composite_tolerance ?? scheme.equality_tolerance;
  const v = (r: Row | undefined, col: string): number | null => (r && isScored(r) ? num(r[col]) : null);
  const atLeast = (x: number | null, min: number): boolean => x !== null && x >= min;
  return {
    C1: (_r, a) => !!a && (a['designated'] === 'Y') === c.C1.designated && Number(a['tech_rm_count']) >= c.C1.tech_rm_count_min,
    // the mechanisms are named by their applications.csv columns; approval_limit is in yuan there
    C2: (_r, a) =>
      !!a &&
      c.C2.mechanisms.every((m) => a[m] === 'Y') &&
      Number(a['ftp_discount_bp']) > 0 &&
      Number(a['ftp_discount_bp']) <= c.C2.ftp_discount_bp_max &&
      Number(a['approval_limit']) >= c.C2.approval_limit_min,
    C3: () => {
      throw new Error('C3 needs BA, which no export has');
    },
    C4: (r) => atLeast(v(r, 'k1'), c.C4.K1_min) && atLeast(v(r, 'k5'), c.C4.K5_min),
    C5: (r) => {
      if (!r || !isScored(r)) return false;
      if (flagsOf(r).includes('NEW_ENTRANT')) return c.C5.new_entrant_passes;
      // full marks: tech loans grew (s3 > 0) at least as fast as all loans (K3 >= 0)
      return Number(r['s3']) > 0 && atLeast(v(r, 'k3'), Math.max(0, c.C5.K3_min));
    },
    C6: (r) => atLeast(v(r, 'k6'), c.C6.K6_min) && atLeast(v(r, 'k7'), c.C6.K7_min) && atLeast(v(r, 'k8'), c.C6.K8_min),
    C7: (r) => !!r && isScored(r) && !c.C7.fail_flags.some((f) => flagsOf(r).includes(f)),
    C8: (r) => !!r && isScored(r) && Number(r['composite']) + tol >= c.C8.composite_min,
  };
}

/**
 * The certification export of year Y under a variant: the default export's rows with the checks
 * in `recompute` derived again, and every outcome by the rules of spec section 7 (applicants:
 * certify / upgrade / reserve / not_eligible; units confirmed for Y-1: retain / delist, with the
 * Y-1 checks of `previous`).
 */
export function deriveCertification(o: {
  defaults: Row[];
  resultsY: Row[];
  previous: Row[];
  scheme: Scheme;
  data: Dataset;
  year: number;
  recompute: Check[];
}): Row[] {
  const rules = checkRules(o.scheme);
  const c = o.scheme.certification;
  const tol = o.scheme.composite_tolerance ?? o.scheme.equality_tolerance;
  const results = new Map(o.resultsY.map((r) => [r['institution_code'], r]));
  const previous = new Map(o.previous.map((r) => [r['institution_code'], r]));
  const certified = new Set(o.data.decisions.filter((d) => Number(d['year']) === o.year - 1 && d['decision'] === 'confirm').map((d) => d['institution_code']));
  return o.defaults.map((d) => {
    const code = d['institution_code'];
    const r = results.get(code);
    const app = o.data.applications.find((a) => a['institution_code'] === code && Number(a['year']) === o.year);
    const row: Row = { ...d };
    for (const k of o.recompute) row[k] = rules[k](r, app) ? 'Y' : 'N';
    const pass = (k: string): boolean => row[k] === 'Y';
    const composite = r && isScored(r) ? Number(r['composite']) : null;
    if (!certified.has(code)) {
      if (CHECKS.every(pass)) row['outcome'] = 'certify';
      else if (
        c.upgrade.required.every(pass) &&
        CHECKS.filter(pass).length >= c.upgrade.checks_passed_min &&
        composite !== null &&
        composite + tol >= c.upgrade.composite_min
      )
        row['outcome'] = 'upgrade';
      else row['outcome'] = c.reserve.required.every(pass) ? 'reserve' : 'not_eligible';
    } else {
      const prev = previous.get(code);
      if (!prev) throw new Error(`${code} was confirmed for ${o.year - 1} but has no ${o.year - 1} row`);
      const delist =
        !c.delist.required.every(pass) ||
        composite === null ||
        composite + tol < c.delist.composite_below ||
        c.delist.two_year_failure_checks.some((k) => !pass(k) && prev[k] !== 'Y');
      row['outcome'] = delist ? 'delist' : 'retain';
    }
    return row;
  });
}
