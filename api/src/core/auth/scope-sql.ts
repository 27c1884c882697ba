import type { AccessScope } from './access-scope';

/**
 * Row filters for the caller's scope, for repositories (authorization lives in the query layer).
 *
 *   regulator, admin -> every unit                              `1=1`
 *   bank_hq          -> units of its bank                       `<col> IN (SELECT code FROM institution WHERE bank_code = :scopeBank)`
 *   branch           -> its unit and descendants                `<col> IN (SELECT descendant_code FROM institution_closure WHERE ancestor_code = :scopeUnit)`
 *   misconfigured    -> nothing                                 `1=0`
 *
 * Query builder (named parameters):
 *   const s = scopeUnitCondition(scope, 'r.institution_code');
 *   qb.andWhere(s.sql, s.params);
 * Raw SQL (positional `?`, accepted by both better-sqlite3 and mysql2):
 *   const s = scopeUnitConditionRaw(scope, 'l.institution_code');
 *   ds.query(`SELECT ... FROM loan l WHERE l.period = ? AND ${s.sql}`, [period, ...s.params]);
 * A single unit already loaded (detail endpoints): `unitInScope(scope, unit, inBranchSubtree)`,
 * or `UnitScopeRepository.isVisible(scope, code)` which does the lookup. Answer 404 when it is
 * out of scope, so a caller cannot even learn that another bank's unit exists.
 *
 * The column is interpolated into SQL: pass only identifiers written in code, never input.
 */
export interface ScopeCondition {
  sql: string;
  params: Record<string, unknown>;
}

export interface RawScopeCondition {
  sql: string;
  params: unknown[];
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;

function checkIdent(column: string): void {
  // A programming error, not user input: fail loudly instead of building broken SQL.
  if (!IDENT.test(column)) throw new Error(`scope column "${column}" is not an identifier`);
}

export function scopeUnitCondition(scope: AccessScope, column = 'institution_code', paramPrefix = 'scope'): ScopeCondition {
  checkIdent(column);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(paramPrefix)) throw new Error(`scope parameter prefix "${paramPrefix}" is not an identifier`);
  if (scope.all) return { sql: '1=1', params: {} };
  if (scope.user.role === 'branch') {
    if (!scope.unitCode) return { sql: '1=0', params: {} };
    return {
      sql: `${column} IN (SELECT descendant_code FROM institution_closure WHERE ancestor_code = :${paramPrefix}Unit)`,
      params: { [`${paramPrefix}Unit`]: scope.unitCode },
    };
  }
  if (!scope.bankCode) return { sql: '1=0', params: {} };
  return {
    sql: `${column} IN (SELECT code FROM institution WHERE bank_code = :${paramPrefix}Bank)`,
    params: { [`${paramPrefix}Bank`]: scope.bankCode },
  };
}

export function scopeUnitConditionRaw(scope: AccessScope, column = 'institution_code'): RawScopeCondition {
  checkIdent(column);
  if (scope.all) return { sql: '1=1', params: [] };
  if (scope.user.role === 'branch') {
    if (!scope.unitCode) return { sql: '1=0', params: [] };
    return { sql: `${column} IN (SELECT descendant_code FROM institution_closure WHERE ancestor_code = ?)`, params: [scope.unitCode] };
  }
  if (!scope.bankCode) return { sql: '1=0', params: [] };
  return { sql: `${column} IN (SELECT code FROM institution WHERE bank_code = ?)`, params: [scope.bankCode] };
}

/**
 * Filter on a bank code column (rows that belong to a bank rather than a unit, e.g. a bank's
 * own summary). A branch sees its bank's rows only where the caller decides it should; by
 * default it does not, because bank-level figures include units outside its subtree.
 */
export function scopeBankCondition(
  scope: AccessScope,
  column = 'bank_code',
  paramPrefix = 'scope',
  opts: { branchSeesBank?: boolean } = {},
): ScopeCondition {
  checkIdent(column);
  if (scope.all) return { sql: '1=1', params: {} };
  if (scope.user.role === 'branch' && !opts.branchSeesBank) return { sql: '1=0', params: {} };
  if (!scope.bankCode) return { sql: '1=0', params: {} };
  return { sql: `${column} = :${paramPrefix}Bank`, params: { [`${paramPrefix}Bank`]: scope.bankCode } };
}

/**
 * Whether one unit is visible to the caller. `inBranchSubtree` tells, for a branch caller,
 * whether the unit is its unitCode or a descendant of it (from institution_closure); it is
 * ignored for other roles.
 */
export function unitInScope(
  scope: AccessScope,
  unit: { code: string; bankCode: string },
  inBranchSubtree: boolean,
): boolean {
  if (scope.all) return true;
  if (scope.user.role === 'branch') return !!scope.unitCode && (unit.code === scope.unitCode || inBranchSubtree);
  return !!scope.bankCode && unit.bankCode === scope.bankCode;
}
