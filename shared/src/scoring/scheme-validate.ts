import {
  CHECK_CODES,
  CLASS_CODES,
  FLAGS,
  GRADES,
  MECHANISMS,
  PENALTY_KINDS,
  QUALITATIVE_BLOCKS,
} from '../format/enums';
import { CLASS_METHODS } from './scheme';
import { validateSignalParams } from './scheme-signals';

/** Sums of shares and weights are compared with this slack: they are decimal literals in JSON. */
const SUM_SLACK = 1e-9;
/** quantitative weights + qualitative points: a composite is out of 100 (spec section 4-6). */
const TOTAL_POINTS = 100;

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isNum(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** Collects errors as `path: message`; every check returns the value when it is well typed. */
class Checker {
  readonly errors: string[] = [];

  obj(v: unknown, path: string): Obj | null {
    if (isObj(v)) return v;
    this.errors.push(`${path}: must be an object`);
    return null;
  }

  num(v: unknown, path: string, min = -Infinity, max = Infinity): number | null {
    if (!isNum(v)) {
      this.errors.push(`${path}: must be a finite number`);
      return null;
    }
    if (v < min || v > max) {
      this.errors.push(`${path}: must be within [${min}, ${max}], got ${v}`);
      return null;
    }
    return v;
  }

  int(v: unknown, path: string, min: number): number | null {
    const n = this.num(v, path, min);
    if (n !== null && !Number.isInteger(n)) {
      this.errors.push(`${path}: must be an integer`);
      return null;
    }
    return n;
  }

  bool(v: unknown, path: string): void {
    if (typeof v !== 'boolean') this.errors.push(`${path}: must be true or false`);
  }

  str(v: unknown, path: string): void {
    if (typeof v !== 'string' || v.length === 0)
      this.errors.push(`${path}: must be a non-empty string`);
  }

  oneOf(v: unknown, allowed: readonly string[], path: string): boolean {
    if (typeof v === 'string' && allowed.includes(v)) return true;
    this.errors.push(`${path}: must be one of ${allowed.join(', ')}`);
    return false;
  }

  listOf(v: unknown, allowed: readonly string[], path: string): string[] {
    if (!Array.isArray(v)) {
      this.errors.push(`${path}: must be a list`);
      return [];
    }
    v.forEach((x, i) => this.oneOf(x, allowed, `${path}[${i}]`));
    return v.filter((x): x is string => typeof x === 'string');
  }

  sumIs(values: (number | null)[], expected: number, path: string): void {
    if (values.some((x) => x === null)) return;
    const sum = (values as number[]).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - expected) > SUM_SLACK)
      this.errors.push(`${path}: must sum to ${expected}, got ${sum}`);
  }
}

function checkClasses(c: Checker, classes: Obj, maxQualitative: number | null): void {
  const weights: (number | null)[] = [];
  for (const code of CLASS_CODES) {
    const path = `classes.${code}`;
    const k = c.obj(classes[code], path);
    if (!k) {
      weights.push(null);
      continue;
    }
    weights.push(c.num(k['weight'], `${path}.weight`, 0));
    if (k['method'] !== CLASS_METHODS[code]) {
      c.errors.push(`${path}.method: must be ${CLASS_METHODS[code]}`);
      continue;
    }
    if (k['method'] === 'peer_trend') {
      const better = c.oneOf(k['better'], ['higher', 'lower'], `${path}.better`)
        ? k['better']
        : null;
      if (k['floor'] !== undefined) c.num(k['floor'], `${path}.floor`);
      const t = c.obj(k['trend'], `${path}.trend`);
      if (!t) continue;
      c.oneOf(t['kind'], ['ratio', 'difference'], `${path}.trend.kind`);
      const zero = c.num(t['zero_at'], `${path}.trend.zero_at`);
      const full = c.num(t['full_at'], `${path}.trend.full_at`);
      if (zero !== null && full !== null && better !== null) {
        // the trend must reward the direction the class calls better
        const ok = better === 'higher' ? full > zero : full < zero;
        if (!ok)
          c.errors.push(
            `${path}.trend: full_at must be ${better === 'higher' ? 'above' : 'below'} zero_at`,
          );
      }
    } else if (k['method'] === 'growth_target') {
      c.num(k['no_baseline_score'], `${path}.no_baseline_score`, 0, 1);
    } else {
      c.num(k['tolerance_pp'], `${path}.tolerance_pp`, Number.MIN_VALUE);
      c.num(k['score_at_tolerance'], `${path}.score_at_tolerance`, 0, 1);
    }
  }
  if (maxQualitative !== null)
    c.sumIs(
      [...weights, maxQualitative],
      TOTAL_POINTS,
      'classes.*.weight + qualitative.max_points',
    );
}

function checkGrades(c: Checker, v: unknown): string[] {
  if (!Array.isArray(v) || v.length === 0) {
    c.errors.push('grades: must be a non-empty list');
    return [];
  }
  const codes: string[] = [];
  let previous = Infinity;
  v.forEach((g: unknown, i) => {
    const path = `grades[${i}]`;
    const o = c.obj(g, path);
    if (!o) return;
    if (c.oneOf(o['code'], GRADES, `${path}.code`)) {
      if (codes.includes(o['code'] as string))
        c.errors.push(`${path}.code: duplicate ${o['code']}`);
      codes.push(o['code'] as string);
    }
    c.str(o['zh'], `${path}.zh`);
    const last = i === v.length - 1;
    if (last) {
      if (o['min'] !== null)
        c.errors.push(`${path}.min: the last grade catches all and must have min null`);
      return;
    }
    const min = c.num(o['min'], `${path}.min`);
    if (min === null) return;
    if (min >= previous) c.errors.push(`${path}.min: grade minimums must be strictly descending`);
    previous = min;
  });
  return codes;
}

function checkCertification(c: Checker, v: unknown): void {
  const cert = c.obj(v, 'certification');
  if (!cert) return;
  const get = (k: string): Obj => c.obj(cert[k], `certification.${k}`) ?? {};
  const c1 = get('C1');
  c.bool(c1['designated'], 'certification.C1.designated');
  c.int(c1['tech_rm_count_min'], 'certification.C1.tech_rm_count_min', 0);
  const c2 = get('C2');
  c.listOf(c2['mechanisms'], MECHANISMS, 'certification.C2.mechanisms');
  c.num(c2['ftp_discount_bp_max'], 'certification.C2.ftp_discount_bp_max', 0);
  c.num(c2['approval_limit_min'], 'certification.C2.approval_limit_min', 0);
  const c3 = get('C3');
  c.num(c3['K2_min'], 'certification.C3.K2_min', 0, 100);
  c.num(c3['tech_borrower_share_min'], 'certification.C3.tech_borrower_share_min', 0, 100);
  const c4 = get('C4');
  c.num(c4['K1_min'], 'certification.C4.K1_min', 0);
  c.num(c4['K5_min'], 'certification.C4.K5_min', 0);
  const c5 = get('C5');
  c.num(c5['K3_min'], 'certification.C5.K3_min');
  c.bool(c5['new_entrant_passes'], 'certification.C5.new_entrant_passes');
  const c6 = get('C6');
  for (const k of ['K6_min', 'K7_min', 'K8_min']) c.num(c6[k], `certification.C6.${k}`, 0, 100);
  c.listOf(get('C7')['fail_flags'], FLAGS, 'certification.C7.fail_flags');
  c.num(get('C8')['composite_min'], 'certification.C8.composite_min', 0, TOTAL_POINTS);
  const up = get('upgrade');
  c.listOf(up['required'], CHECK_CODES, 'certification.upgrade.required');
  c.int(up['checks_passed_min'], 'certification.upgrade.checks_passed_min', 0);
  c.num(up['composite_min'], 'certification.upgrade.composite_min', 0, TOTAL_POINTS);
  c.listOf(get('reserve')['required'], CHECK_CODES, 'certification.reserve.required');
  const de = get('delist');
  c.num(de['composite_below'], 'certification.delist.composite_below', 0, TOTAL_POINTS);
  c.listOf(de['required'], CHECK_CODES, 'certification.delist.required');
  c.listOf(
    de['two_year_failure_checks'],
    CHECK_CODES,
    'certification.delist.two_year_failure_checks',
  );
}

/**
 * Checks that `s` is a usable Scheme: every class present with its method, weights plus
 * qualitative points summing to 100 (80 + 20 in the default), shares summing to 1, all numbers
 * in a sane range, grade minimums strictly descending. Returns the errors, empty when valid.
 */
export function validateScheme(s: unknown): string[] {
  const c = new Checker();
  const root = c.obj(s, 'scheme');
  if (!root) return c.errors;
  c.str(root['id'], 'id');
  c.int(root['version'], 'version', 1);
  const title = c.obj(root['title'], 'title');
  if (title) {
    c.str(title['zh'], 'title.zh');
    c.str(title['en'], 'title.en');
  }
  c.num(root['equality_tolerance'], 'equality_tolerance', 0, 1e-3);
  if (root['composite_tolerance'] !== undefined)
    c.num(root['composite_tolerance'], 'composite_tolerance', 0, 1e-3);
  c.int(root['peer_group_min_size'], 'peer_group_min_size', 1);

  const pt = c.obj(root['peer_trend'], 'peer_trend');
  if (pt) {
    const shares = [
      c.num(pt['peer_share'], 'peer_trend.peer_share', 0, 1),
      c.num(pt['trend_share'], 'peer_trend.trend_share', 0, 1),
    ];
    c.sumIs(shares, 1, 'peer_trend.peer_share + trend_share');
    c.num(pt['peer_floor'], 'peer_trend.peer_floor', 0, 1);
    c.int(pt['trend_quarters'], 'peer_trend.trend_quarters', 0);
    c.num(pt['no_history_trend'], 'peer_trend.no_history_trend', 0, 1);
  }

  let maxQualitative: number | null = null;
  const q = c.obj(root['qualitative'], 'qualitative');
  if (q) {
    maxQualitative = c.num(q['max_points'], 'qualitative.max_points', 0, TOTAL_POINTS);
    const blocks = c.obj(q['blocks'], 'qualitative.blocks');
    if (blocks) {
      const w = QUALITATIVE_BLOCKS.map((b) => c.num(blocks[b], `qualitative.blocks.${b}`, 0, 1));
      c.sumIs(w, 1, 'qualitative.blocks');
    }
    c.bool(q['inherit_previous_year'], 'qualitative.inherit_previous_year');
    c.bool(q['inherit_from_ancestors'], 'qualitative.inherit_from_ancestors');
  }

  const classes = c.obj(root['classes'], 'classes');
  if (classes) checkClasses(c, classes, maxQualitative);

  const gradeCodes = checkGrades(c, root['grades']);
  if (
    c.oneOf(root['npl_over_tolerance_max_grade'], GRADES, 'npl_over_tolerance_max_grade') &&
    gradeCodes.length > 0
  ) {
    if (!gradeCodes.includes(root['npl_over_tolerance_max_grade'] as string)) {
      c.errors.push('npl_over_tolerance_max_grade: must be one of the scheme grades');
    }
  }
  const veto = c.obj(root['veto'], 'veto');
  if (veto) {
    c.int(veto['window_days'], 'veto.window_days', 0);
    c.listOf(veto['kinds'], PENALTY_KINDS, 'veto.kinds');
    if (
      c.oneOf(veto['grade'], GRADES, 'veto.grade') &&
      gradeCodes.length > 0 &&
      !gradeCodes.includes(veto['grade'] as string)
    ) {
      c.errors.push('veto.grade: must be one of the scheme grades');
    }
  }
  checkCertification(c, root['certification']);
  if (root['signals'] !== undefined) c.errors.push(...validateSignalParams(root['signals']));
  return c.errors;
}
