import { passwordProblem } from './auth';

describe('passwordProblem', () => {
  it.each([
    ['Supervise-2025', 'regulator', null],
    ['abcdefghi1', undefined, null],
    ['abc12', undefined, 'password must have at least 10 characters'],
    ['abcdefghijkl', undefined, 'password must contain letters and digits'],
    ['1234567890123', undefined, 'password must contain letters and digits'],
    ['Regulator2025', 'regulator', 'password must not contain the username'],
    [
      'x'.repeat(128) + '1',
      undefined,
      'password must have at most 128 characters',
    ],
  ])('should judge %j (user %j)', (pw, user, expected) => {
    expect(passwordProblem(pw, user)).toBe(expected);
  });
});
