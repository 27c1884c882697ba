import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AccessScope } from './access-scope';
import { scopeUnitConditionRaw } from './scope-sql';

export interface UnitRef {
  code: string;
  bankCode: string;
  level: string;
}

/** Unit lookups through the caller's scope, for detail endpoints that take a unit code. */
@Injectable()
export class UnitScopeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The unit when it exists and the caller may see it; null otherwise (answer 404). */
  async findVisible(scope: AccessScope, code: string): Promise<UnitRef | null> {
    const s = scopeUnitConditionRaw(scope, 'code');
    const rows: { code: string; bank_code: string; level: string }[] = await this.dataSource.query(
      `SELECT code, bank_code, level FROM institution WHERE code = ? AND ${s.sql}`,
      [code, ...s.params],
    );
    return rows[0] ? { code: rows[0].code, bankCode: rows[0].bank_code, level: rows[0].level } : null;
  }

  async isVisible(scope: AccessScope, code: string): Promise<boolean> {
    return (await this.findVisible(scope, code)) !== null;
  }

  /** Any unit, without scope: for account administration (checking a user's bank or unit). */
  async findUnit(code: string): Promise<UnitRef | null> {
    const rows: { code: string; bank_code: string; level: string }[] = await this.dataSource.query(
      'SELECT code, bank_code, level FROM institution WHERE code = ?',
      [code],
    );
    return rows[0] ? { code: rows[0].code, bankCode: rows[0].bank_code, level: rows[0].level } : null;
  }
}
