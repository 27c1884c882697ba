import { loadPasswordStrength, passwordProblem, type PasswordStrength } from './auth';

describe('passwordProblem', () => {
  let strength: PasswordStrength;
  beforeAll(async () => {
    strength = await loadPasswordStrength();
  });

  it.each([
    ['Supervise-2025', 'regulator'],
    ['JinanBranch-2025', 'icbc_jinan'],
    ['correct horse battery staple', undefined],
    // Chinese-only: no Latin letter, no digit — accepted on strength
    ['我的密码是很长的一句话', 'icbc_hq'],
    // exactly 72 bytes: 24 Chinese characters
    ['科'.repeat(12) + '技金融服务效果评估认定平', undefined],
  ])('should accept %j (user %j)', (pw, user) => {
    expect(passwordProblem(pw, user, strength)).toBeNull();
  });

  it.each([
    ['aaaaaaaaa1', undefined, 'PASSWORD_TOO_WEAK'],
    ['Password123', undefined, 'PASSWORD_TOO_WEAK'],
    ['abcdefghi1', undefined, 'PASSWORD_TOO_WEAK'],
    ['        a1', undefined, 'PASSWORD_TOO_WEAK'],
    ['Strong-\u0000-Pass-2025', undefined, 'PASSWORD_CONTROL_CHARACTER'],
    ['Strong\tPass-Word-2025', undefined, 'PASSWORD_CONTROL_CHARACTER'],
    ['Strong\u0085Pass-2025', undefined, 'PASSWORD_CONTROL_CHARACTER'],
    ['abc12', undefined, 'PASSWORD_TOO_SHORT'],
    ['科技金融评估平台', undefined, 'PASSWORD_TOO_SHORT'],
    // 25 Chinese characters = 75 bytes: bcrypt would ignore the tail
    ['科'.repeat(13) + '技金融服务效果评估认定平台', undefined, 'PASSWORD_TOO_LONG'],
    ['x'.repeat(70) + 'ab1', undefined, 'PASSWORD_TOO_LONG'],
    ['Regulator-Mnbvq-2025', 'regulator', 'PASSWORD_CONTAINS_USERNAME'],
  ])('should refuse %j (user %j) as %s', (pw, user, code) => {
    const p = passwordProblem(pw, user, strength);
    expect(p?.code).toBe(code);
    expect(p?.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(p?.en).toMatch(/^password /);
  });

  it('should check everything but strength when no estimator is given (web, before it has loaded)', () => {
    expect(passwordProblem('Password123')).toBeNull();
    expect(passwordProblem('short')?.code).toBe('PASSWORD_TOO_SHORT');
  });
});
