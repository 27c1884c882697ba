import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  SIGNAL_MEASURE,
  type SignalDetail,
  type SignalItem,
  type SignalKind,
  type SignalLoanRef,
  type SignalSeverity,
  type SignalSortKey,
} from '@sci/shared';
import type { AccessScope } from '../core/auth/access-scope';
import { scopeUnitConditionRaw } from '../core/auth/scope-sql';

export interface NewSignal {
  kind: SignalKind;
  code: string;
  bankCode: string;
  regionCode: string;
  severity: SignalSeverity;
  value: number;
  threshold: number;
  basisFen: number;
  amountFen: number;
  rowCount: number;
  rows: SignalLoanRef[];
}

export interface NewQualityStat {
  bankCode: string;
  rows: number;
  balanceFen: number;
  techFen: number;
  borrowers: number;
  borrowersMissing: number;
  units: number;
  unitsWithoutRows: string[];
  unitsWithoutQualitative: string[];
}

export type StoredQualityStat = NewQualityStat & {
  runId: number;
  period: string;
};

export interface SignalFilter {
  kind?: string;
  bank?: string;
  city?: string;
  severity?: string;
  code?: string;
}

/** A DATETIME literal both drivers accept (better-sqlite3 cannot bind a Date), in UTC. */
const sqlTime = (d: Date): string =>
  d.toISOString().replace('T', ' ').slice(0, 19);

/** Only these strings reach ORDER BY. */
const SORT_SQL: Record<SignalSortKey, string> = {
  severity: "CASE s.severity WHEN 'high' THEN 0 ELSE 1 END",
  value: 's.value',
  code: 's.institution_code',
  kind: 's.kind',
  amount: 's.amount_fen',
};

const COLUMNS =
  's.id, s.run_id, s.period, s.kind, s.institution_code, s.bank_code, s.region_code, s.severity, s.value, s.threshold, s.basis_fen, s.amount_fen, s.row_count, i.name';

function toItem(r: Record<string, unknown>): SignalItem {
  const kind = r['kind'] as SignalKind;
  return {
    id: Number(r['id']),
    runId: Number(r['run_id']),
    period: String(r['period']),
    kind,
    code: String(r['institution_code']),
    name: String(r['name']),
    bankCode: String(r['bank_code']),
    regionCode: String(r['region_code']),
    severity: r['severity'] as SignalSeverity,
    measure: SIGNAL_MEASURE[kind],
    value: Number(r['value']),
    threshold: Number(r['threshold']),
    basisFen: Number(r['basis_fen']),
    amountFen: Number(r['amount_fen']),
    rowCount: Number(r['row_count']),
  };
}

/** integrity_signal, signal_run and quality_stat: what a run found, read through the caller's scope. */
@Injectable()
export class SignalsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Replaces a run's signals and quality figures in one transaction. */
  async store(
    runId: number,
    period: string,
    signals: NewSignal[],
    stats: NewQualityStat[],
    durationMs: number,
    at: Date,
  ): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.query('DELETE FROM integrity_signal WHERE run_id = ?', [runId]);
      await m.query('DELETE FROM quality_stat WHERE run_id = ?', [runId]);
      await m.query('DELETE FROM signal_run WHERE run_id = ?', [runId]);
      for (let i = 0; i < signals.length; i += 200) {
        const chunk = signals.slice(i, i + 200);
        await m.query(
          `INSERT INTO integrity_signal (run_id, period, kind, institution_code, bank_code, region_code, severity, value, threshold, basis_fen, amount_fen, row_count, loan_rows)
           VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
          chunk.flatMap((s) => [
            runId,
            period,
            s.kind,
            s.code,
            s.bankCode,
            s.regionCode,
            s.severity,
            s.value,
            s.threshold,
            s.basisFen,
            s.amountFen,
            s.rowCount,
            JSON.stringify(s.rows),
          ]),
        );
      }
      for (let i = 0; i < stats.length; i += 200) {
        const chunk = stats.slice(i, i + 200);
        await m.query(
          `INSERT INTO quality_stat (run_id, bank_code, period, row_count, balance_fen, tech_fen, borrowers, borrowers_missing, units, units_without_rows, units_without_qualitative)
           VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
          chunk.flatMap((q) => [
            runId,
            q.bankCode,
            period,
            q.rows,
            q.balanceFen,
            q.techFen,
            q.borrowers,
            q.borrowersMissing,
            q.units,
            JSON.stringify(q.unitsWithoutRows),
            JSON.stringify(q.unitsWithoutQualitative),
          ]),
        );
      }
      await m.query(
        'INSERT INTO signal_run (run_id, period, signal_count, duration_ms, computed_at) VALUES (?, ?, ?, ?, ?)',
        [runId, period, signals.length, durationMs, sqlTime(at)],
      );
    });
  }

  /** How long a run's signals took, or null when they were not computed. */
  async computed(
    runId: number,
  ): Promise<{ signalCount: number; durationMs: number } | null> {
    const rows: { c: number | string; d: number | string }[] =
      await this.dataSource.query(
        'SELECT signal_count AS c, duration_ms AS d FROM signal_run WHERE run_id = ?',
        [runId],
      );
    return rows[0]
      ? { signalCount: Number(rows[0].c), durationMs: Number(rows[0].d) }
      : null;
  }

  private where(
    runId: number,
    scope: AccessScope,
    f: SignalFilter,
  ): { sql: string; params: unknown[] } {
    const s = scopeUnitConditionRaw(scope, 's.institution_code');
    const parts = ['s.run_id = ?', s.sql];
    const params: unknown[] = [runId, ...s.params];
    const eq = (col: string, v: string | undefined): void => {
      if (v === undefined) return;
      parts.push(`${col} = ?`);
      params.push(v);
    };
    eq('s.kind', f.kind);
    eq('s.bank_code', f.bank);
    eq('s.region_code', f.city);
    eq('s.severity', f.severity);
    eq('s.institution_code', f.code);
    return { sql: parts.join(' AND '), params };
  }

  async page(
    runId: number,
    scope: AccessScope,
    f: SignalFilter,
    sort: SignalSortKey,
    order: 'asc' | 'desc',
    offset: number,
    limit: number,
  ): Promise<{ rows: SignalItem[]; total: number }> {
    const w = this.where(runId, scope, f);
    const from =
      'FROM integrity_signal s JOIN institution i ON i.code = s.institution_code';
    const total: { n: number | string }[] = await this.dataSource.query(
      `SELECT COUNT(*) AS n ${from} WHERE ${w.sql}`,
      w.params,
    );
    const dir = order === 'desc' ? 'DESC' : 'ASC';
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${COLUMNS} ${from} WHERE ${w.sql} ORDER BY ${SORT_SQL[sort]} ${dir}, s.value DESC, s.institution_code, s.kind LIMIT ? OFFSET ?`,
      [...w.params, limit, offset],
    );
    return { rows: rows.map(toItem), total: Number(total[0]?.n ?? 0) };
  }

  /** Signals per kind in scope (the other filters applied, not the kind). */
  async countByKind(
    runId: number,
    scope: AccessScope,
    f: SignalFilter,
  ): Promise<Map<string, number>> {
    const w = this.where(runId, scope, { ...f, kind: undefined });
    const rows: { k: string; n: number | string }[] =
      await this.dataSource.query(
        `SELECT s.kind AS k, COUNT(*) AS n FROM integrity_signal s WHERE ${w.sql} GROUP BY s.kind`,
        w.params,
      );
    return new Map(rows.map((r) => [r.k, Number(r.n)]));
  }

  /** Every match with its driving rows (the unit panel and the export). */
  async details(
    runId: number,
    scope: AccessScope,
    f: SignalFilter,
  ): Promise<SignalDetail[]> {
    const w = this.where(runId, scope, f);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${COLUMNS}, s.loan_rows FROM integrity_signal s JOIN institution i ON i.code = s.institution_code WHERE ${w.sql}
       ORDER BY s.institution_code, CASE s.severity WHEN 'high' THEN 0 ELSE 1 END, s.kind`,
      w.params,
    );
    return rows.map((r) => ({
      ...toItem(r),
      rows: JSON.parse(String(r['loan_rows'])) as SignalLoanRef[],
    }));
  }

  /** Quality figures of the given runs, banks in scope (a bank's head unit code is its bank code). */
  async qualityStats(
    runIds: number[],
    scope: AccessScope,
  ): Promise<StoredQualityStat[]> {
    if (!runIds.length) return [];
    const s = scopeUnitConditionRaw(scope, 'q.bank_code');
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT * FROM quality_stat q WHERE q.run_id IN (${runIds.map(() => '?').join(', ')}) AND ${s.sql} ORDER BY q.bank_code, q.period`,
      [...runIds, ...s.params],
    );
    return rows.map((r) => ({
      runId: Number(r['run_id']),
      period: String(r['period']),
      bankCode: String(r['bank_code']),
      rows: Number(r['row_count']),
      balanceFen: Number(r['balance_fen']),
      techFen: Number(r['tech_fen']),
      borrowers: Number(r['borrowers']),
      borrowersMissing: Number(r['borrowers_missing']),
      units: Number(r['units']),
      unitsWithoutRows: JSON.parse(String(r['units_without_rows'])) as string[],
      unitsWithoutQualitative: JSON.parse(
        String(r['units_without_qualitative']),
      ) as string[],
    }));
  }
}
