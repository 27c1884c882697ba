import { isOverride } from './cert-evaluation.component';

describe(isOverride.name, () => {
  it.each([
    ['certify', 'confirm', false],
    ['retain', 'confirm', false],
    ['certify', 'reject', true],
    ['retain', 'reject', true],
    ['upgrade', 'confirm', true],
    ['reserve', 'reject', false],
    ['delist', 'reject', false],
    ['delist', 'confirm', true],
  ] as const)(
    'should treat %s → %s as override: %s',
    (rec, decision, expected) => {
      expect(isOverride(rec, decision)).toBe(expected);
    },
  );
});
