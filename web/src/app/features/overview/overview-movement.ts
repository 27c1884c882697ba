import {
  GRADES,
  type Grade,
  type RunDiffResponse,
  type RunDiffUnit,
} from '@sci/shared';

export interface MovementSummary {
  /** units graded in both runs whose grade went up / down */
  up: number;
  down: number;
  /** units graded in both runs with the same grade, whatever happened to their scores or ranks */
  unchanged: number;
  /** units graded in one run only (new, or no longer scored) */
  onlyOne: number;
  /** the largest composite moves, for the table */
  biggest: RunDiffUnit[];
}

/** GRADES runs best first: a smaller index is a better grade. */
const better = (a: Grade, b: Grade): boolean =>
  GRADES.indexOf(b) < GRADES.indexOf(a);

/**
 * The overview's "grade movement" between two runs. `unchanged` means unchanged GRADE: the diff
 * lists every unit with any change (a score, a rank) and counts the fully identical ones apart
 * (`unchangedCount`); both kinds with the same grade are unchanged here.
 */
export function movementSummary(d: RunDiffResponse, top = 8): MovementSummary {
  let up = 0;
  let down = 0;
  let sameGrade = 0;
  let onlyOne = 0;
  for (const u of d.units) {
    const { a, b } = u.grade;
    if (u.onlyIn || !a || !b) {
      onlyOne += a || b ? 1 : 0;
      continue;
    }
    if (a === b) sameGrade++;
    else if (better(a, b)) up++;
    else down++;
  }
  const biggest = d.units
    .filter((u) => !u.onlyIn && u.composite.delta !== null)
    .sort(
      (x, y) =>
        Math.abs(y.composite.delta ?? 0) - Math.abs(x.composite.delta ?? 0),
    )
    .slice(0, top);
  return {
    up,
    down,
    unchanged: d.unchangedCount + sameGrade,
    onlyOne,
    biggest,
  };
}
