import {
  CHECK_CODES,
  FLAGS,
  GRADES,
  MECHANISMS,
  PENALTY_KINDS,
  type ClassCode,
  type Scheme,
  schemeLeaves,
} from '@sci/shared';

/**
 * The parameters of a draft as form fields (one per schemeLeaves path), and the engine's
 * scheme-validate problems placed next to the field they are about.
 */

export type FieldKind = 'number' | 'boolean' | 'choice' | 'multi';

export interface DraftField {
  path: string;
  kind: FieldKind;
  value: unknown;
  /** the class it belongs to (its name comes from the dictionary) */
  subject: ClassCode | null;
  options?: readonly string[];
  /** fieldset the form groups it in */
  group:
    | 'general'
    | 'classes'
    | 'peer_trend'
    | 'qualitative'
    | 'grades'
    | 'certification';
}

/** Structure the engine depends on (section 2 of scoring.md): shown, not edited. */
const FIXED = /^classes\.K\d+\.(method|better|trend\.kind)$/;

const MULTI: [RegExp, readonly string[]][] = [
  [/^veto\.kinds$/, PENALTY_KINDS],
  [/^certification\.C2\.mechanisms$/, MECHANISMS],
  [/^certification\.C7\.fail_flags$/, FLAGS],
  [
    /^certification\.(upgrade|reserve|delist)\.(required|two_year_failure_checks)$/,
    CHECK_CODES,
  ],
];

function groupOf(path: string): DraftField['group'] {
  const head = path.split('.')[0];
  if (head === 'veto' || head === 'npl_over_tolerance_max_grade')
    return 'grades';
  if (
    head === 'classes' ||
    head === 'peer_trend' ||
    head === 'qualitative' ||
    head === 'grades' ||
    head === 'certification'
  )
    return head;
  return 'general';
}

export function draftFields(s: Scheme): DraftField[] {
  const out: DraftField[] = [];
  for (const [path, value] of schemeLeaves(s)) {
    if (FIXED.test(path)) continue;
    const subject =
      (path.match(/^classes\.(K\d+)\./)?.[1] as ClassCode | undefined) ?? null;
    const group = groupOf(path);
    const multi = MULTI.find(([re]) => re.test(path));
    if (multi)
      out.push({
        path,
        kind: 'multi',
        value,
        subject,
        group,
        options: multi[1],
      });
    else if (path === 'npl_over_tolerance_max_grade' || path === 'veto.grade')
      out.push({
        path,
        kind: 'choice',
        value,
        subject,
        group,
        options: GRADES,
      });
    else if (typeof value === 'boolean')
      out.push({ path, kind: 'boolean', value, subject, group });
    else if (typeof value === 'number')
      out.push({ path, kind: 'number', value, subject, group });
  }
  return out;
}

/** A copy of `s` with the parameter at `path` (a schemeLeaves path) set to `value`. */
export function setParameter(s: Scheme, path: string, value: unknown): Scheme {
  const out = JSON.parse(JSON.stringify(s)) as Scheme;
  const g = path.match(/^grades\.(\w+)\.min$/);
  if (g) {
    const grade = out.grades.find((x) => x.code === g[1]);
    if (grade) grade.min = value as number;
    return out;
  }
  const keys = path.split('.');
  let o = out as unknown as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
  o[keys[keys.length - 1]] = value;
  return out;
}

/**
 * Problems of scheme-validate (`path: message`) by field path; a problem about a sum or about the
 * scheme as a whole goes to `general`. `grades[1].min` is the field `grades.good.min`.
 */
export function placeProblems(
  problems: string[],
  s: Scheme,
): { byPath: Map<string, string[]>; general: string[] } {
  const byPath = new Map<string, string[]>();
  const general: string[] = [];
  for (const p of problems) {
    const i = p.indexOf(': ');
    let path = i > 0 ? p.slice(0, i) : '';
    const message = i > 0 ? p.slice(i + 2) : p;
    const g = path.match(/^grades\[(\d+)\]\.min$/);
    if (g) path = `grades.${s.grades[Number(g[1])]?.code ?? g[1]}.min`;
    // a list item (veto.kinds[2]) belongs to its list
    path = path.replace(/\[\d+\]$/, '');
    if (/[*+ ]/.test(path) || !path) general.push(p);
    else byPath.set(path, [...(byPath.get(path) ?? []), message]);
  }
  return { byPath, general };
}
