import type { Flag, Grade } from '../format/enums';
import type { PenaltyRow } from '../format/rows';
import { compositeTolerance, type Scheme } from './scheme';

/** Composite grade, NPL cap and veto (spec section 6). */

/**
 * Days since 1970-01-01 of an ISO date, by the proleptic Gregorian calendar (H. Hinnant's
 * days_from_civil): pure arithmetic, no Date object and so no time zone.
 */
export function daysFromCivil(isoDate: string): number {
  let y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  const d = Number(isoDate.slice(8, 10));
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * The grade of a composite: the first scheme grade whose min <= composite + tol (default
 * >= 90 excellent, >= 75 good, >= 60 pass, else improve).
 */
export function gradeOf(composite: number, scheme: Scheme): Grade {
  const c = composite + compositeTolerance(scheme);
  for (const g of scheme.grades) if (g.min === null || c >= g.min) return g.code;
  return scheme.grades[scheme.grades.length - 1].code;
}

/** The worse of two grades in the scheme's order (best first). */
function worseGrade(a: Grade, b: Grade, scheme: Scheme): Grade {
  const rank = (g: Grade): number => scheme.grades.findIndex((x) => x.code === g);
  return rank(a) >= rank(b) ? a : b;
}

/**
 * Veto: a penalty of a scheme kind against the unit itself (not its descendants) with
 * decided_on in (d - window_days, d].
 */
export function vetoApplies(
  code: string,
  d: string,
  penalties: PenaltyRow[],
  scheme: Scheme,
): boolean {
  const end = daysFromCivil(d);
  const start = end - scheme.veto.window_days;
  return penalties.some((p) => {
    if (p.institutionCode !== code || !scheme.veto.kinds.includes(p.kind)) return false;
    const day = daysFromCivil(p.decidedOn);
    return day > start && day <= end;
  });
}

/**
 * Final grade: gradeOf(composite), at most npl_over_tolerance_max_grade with
 * NPL_OVER_TOLERANCE, and the veto grade with VETO.
 */
export function finalGrade(composite: number, flags: readonly Flag[], scheme: Scheme): Grade {
  let grade = gradeOf(composite, scheme);
  if (flags.includes('NPL_OVER_TOLERANCE'))
    grade = worseGrade(grade, scheme.npl_over_tolerance_max_grade, scheme);
  if (flags.includes('VETO')) grade = scheme.veto.grade;
  return grade;
}
