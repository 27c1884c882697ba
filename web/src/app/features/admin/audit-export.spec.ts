import type { AuditEntryResponse } from '@sci/shared';
import { auditCsv, safeCell } from './audit-export';

describe(auditCsv.name, () => {
  const e: AuditEntryResponse = {
    id: 1,
    at: '2025-12-01T10:00:00.000Z',
    actor: '=cmd|calc',
    role: 'admin',
    action: 'run.published',
    target: 'run:5',
    detail: { period: '2025Q4', schemeVersion: 3 },
    ip: '127.0.0.1',
    outcome: 'success',
  };

  it('should write actions and details in words, one header row', () => {
    const csv = auditCsv(
      [e],
      'zh-CN',
      ['时间', '用户'],
      (o) => o,
      (r) => r ?? '',
    );
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('时间,用户');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('发布评估结果');
    expect(lines[1]).toContain('报告期 2025Q4；方案版本 3');
    expect(lines[1]).not.toContain('{');
  });

  it('should defuse a cell a spreadsheet would run as a formula', () => {
    expect(safeCell('=cmd|calc')).toBe("'=cmd|calc");
    expect(safeCell('-1')).toBe("'-1");
    expect(safeCell('ok')).toBe('ok');
    expect(
      auditCsv(
        [e],
        'en',
        ['a'],
        (o) => o,
        (r) => r ?? '',
      ),
    ).toContain("'=cmd|calc");
  });
});
