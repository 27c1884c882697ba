import type { Role } from '@sci/shared';
import type { AccessScope } from './access-scope';
import { scopeOf } from './scope';
import {
  scopeBankCondition,
  scopeUnitCondition,
  scopeUnitConditionRaw,
  unitInScope,
} from './scope-sql';

function scope(
  role: Role,
  bankCode: string | null = null,
  unitCode: string | null = null,
): AccessScope {
  return scopeOf(
    { id: 1, username: 'u', role, bankCode, unitCode },
    '127.0.0.1',
  );
}

describe('scopeUnitCondition', () => {
  it.each([
    ['regulator', scope('regulator'), { sql: '1=1', params: {} }],
    ['admin', scope('admin', 'ICBC'), { sql: '1=1', params: {} }],
    [
      'bank_hq',
      scope('bank_hq', 'ICBC'),
      {
        sql: 'l.institution_code IN (SELECT code FROM institution WHERE bank_code = :scopeBank)',
        params: { scopeBank: 'ICBC' },
      },
    ],
    [
      'branch',
      scope('branch', 'ICBC', 'ICBC-370100'),
      {
        sql: 'l.institution_code IN (SELECT descendant_code FROM institution_closure WHERE ancestor_code = :scopeUnit)',
        params: { scopeUnit: 'ICBC-370100' },
      },
    ],
    ['bank_hq without a bank', scope('bank_hq'), { sql: '1=0', params: {} }],
    [
      'branch without a unit',
      scope('branch', 'ICBC'),
      { sql: '1=0', params: {} },
    ],
  ])('should filter a %s caller', (_label, s, expected) => {
    expect(scopeUnitCondition(s, 'l.institution_code')).toEqual(expected);
  });

  it('should name parameters with the given prefix so two conditions can share a query', () => {
    expect(
      scopeUnitCondition(scope('bank_hq', 'QDB'), 'code', 'peer').params,
    ).toEqual({ peerBank: 'QDB' });
  });

  it('should refuse a column that is not an identifier', () => {
    expect(() =>
      scopeUnitCondition(scope('bank_hq', 'QDB'), 'code; DROP TABLE x'),
    ).toThrow(/identifier/);
  });
});

describe('scopeUnitConditionRaw', () => {
  it('should use positional parameters', () => {
    expect(
      scopeUnitConditionRaw(scope('branch', 'ICBC', 'ICBC-370100'), 'code'),
    ).toEqual({
      sql: 'code IN (SELECT descendant_code FROM institution_closure WHERE ancestor_code = ?)',
      params: ['ICBC-370100'],
    });
  });
});

describe('scopeBankCondition', () => {
  it('should give a branch nothing unless asked to show it its bank', () => {
    const b = scope('branch', 'ICBC', 'ICBC-370100');
    expect(scopeBankCondition(b).sql).toBe('1=0');
    expect(
      scopeBankCondition(b, 'bank_code', 'scope', { branchSeesBank: true }),
    ).toEqual({
      sql: 'bank_code = :scopeBank',
      params: { scopeBank: 'ICBC' },
    });
  });
});

describe('unitInScope', () => {
  const other = { code: 'QDB-370200', bankCode: 'QDB' };
  const own = { code: 'ICBC-370100-01', bankCode: 'ICBC' };

  it('should let a bank see only its own units', () => {
    expect([
      unitInScope(scope('bank_hq', 'ICBC'), own, false),
      unitInScope(scope('bank_hq', 'ICBC'), other, false),
    ]).toEqual([true, false]);
  });

  it('should let a branch see only its subtree, whatever the bank', () => {
    const b = scope('branch', 'ICBC', 'ICBC-370100');
    expect([
      unitInScope(b, own, true),
      unitInScope(b, { code: 'ICBC-370200', bankCode: 'ICBC' }, false),
      unitInScope(b, { code: 'ICBC-370100', bankCode: 'ICBC' }, false),
    ]).toEqual([true, false, true]);
  });
});
