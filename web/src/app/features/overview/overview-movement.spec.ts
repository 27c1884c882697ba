import type { Grade, RunDiffResponse, RunDiffUnit } from '@sci/shared';
import { movementSummary } from './overview-movement';

const unit = (
  code: string,
  a: Grade | null,
  b: Grade | null,
  delta: number | null,
  onlyIn: 'a' | 'b' | null = null,
): RunDiffUnit =>
  ({
    code,
    grade: { a, b, changed: a !== b },
    composite: { a: null, b: null, delta },
    onlyIn,
  }) as unknown as RunDiffUnit;

const diff = (units: RunDiffUnit[], unchangedCount: number): RunDiffResponse =>
  ({
    a: { id: 1 },
    b: { id: 2 },
    units,
    unchangedCount,
  }) as unknown as RunDiffResponse;

describe(movementSummary.name, () => {
  it('should count units whose scores moved but whose grade did not as unchanged', () => {
    // the numbers: 7 identical units, 288 with the same grade in all
    const same = Array.from({ length: 281 }, (_, i) =>
      unit(`S${i}`, 'good', 'good', 0.5),
    );
    const ups = Array.from({ length: 72 }, (_, i) =>
      unit(`U${i}`, 'pass', 'good', 4),
    );
    const downs = Array.from({ length: 61 }, (_, i) =>
      unit(`D${i}`, 'excellent', 'good', -3),
    );
    const m = movementSummary(diff([...same, ...ups, ...downs], 7));
    expect(m).toMatchObject({ up: 72, down: 61, unchanged: 288, onlyOne: 0 });
  });

  it('should rank grades best first (improve → pass is up, good → improve is down)', () => {
    const m = movementSummary(
      diff(
        [unit('A', 'improve', 'pass', 2), unit('B', 'good', 'improve', -20)],
        0,
      ),
    );
    expect(m).toMatchObject({ up: 1, down: 1, unchanged: 0 });
  });

  it('should count units graded in one run only apart, and list the biggest moves', () => {
    const m = movementSummary(
      diff(
        [
          unit('N', null, 'good', null, 'b'),
          unit('X', 'pass', 'pass', -1),
          unit('Y', 'pass', 'good', 9),
        ],
        3,
      ),
    );
    expect(m).toMatchObject({ up: 1, down: 0, unchanged: 4, onlyOne: 1 });
    expect(m.biggest.map((u) => u.code)).toEqual(['Y', 'X']);
  });
});
