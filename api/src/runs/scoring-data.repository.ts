import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { borrowerStatusOf, periodDate, type PeriodAggregates, type QualificationKind } from '@sci/shared';

/** Candidates read at a time while looking for the largest tech borrowers of a unit. */
const TOP_PAGE = 200;

/**
 * What the main process reads and writes around runs: periods with data, the aggregate cache (a
 * run's worker reads it, this side stores what the worker computed), a unit's top borrowers.
 * The run's own reads happen on its worker thread (compute/compute-read.repository.ts).
 */
@Injectable()
export class ScoringDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Periods that have at least one loan row, oldest first. */
  async periodsWithData(): Promise<string[]> {
    const rows: { period: string }[] = await this.dataSource.query('SELECT DISTINCT period FROM loan');
    return rows.map((r) => r.period).sort();
  }

  async hasLoans(period: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 AS x FROM loan WHERE period = ? LIMIT 1', [period]);
    return rows.length > 0;
  }

  /** Stores a period's aggregates under `key` (best effort: a concurrent writer may win). */
  async storeAggregates(key: string, agg: PeriodAggregates): Promise<void> {
    const units = Object.values(agg.units);
    try {
      await this.dataSource.transaction(async (m) => {
        await m.query('DELETE FROM period_aggregate_set WHERE period = ?', [agg.period]);
        await m.query('DELETE FROM period_aggregate WHERE period = ?', [agg.period]);
        for (let i = 0; i < units.length; i += 500) {
          const chunk = units.slice(i, i + 500);
          await m.query(
            `INSERT INTO period_aggregate (period, code, sums) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}`,
            chunk.flatMap(({ code, ...sums }) => [agg.period, code, JSON.stringify(sums)]),
          );
        }
        await m.query('INSERT INTO period_aggregate_set (period, input_key, has_data, unit_count) VALUES (?, ?, ?, ?)', [
          agg.period,
          key,
          agg.hasData ? 1 : 0,
          units.length,
        ]);
      });
    } catch {
      // another run stored the same period at the same time; the cache is only a shortcut
    }
  }

  /**
   * The borrowers behind K1 of a unit at a period: tech borrowers of its subtree by balance,
   * largest first (ties by uscc). Balance in fen, exact. Borrowers come from SQL by balance a
   * page at a time and the engine's borrowerStatusOf decides which are tech, so the rule has one
   * home; usually the first page holds them all.
   */
  async topTechBorrowers(code: string, period: string, limit: number): Promise<{ uscc: string; name: string; balanceFen: number; loanCount: number }[]> {
    const d = periodDate(period);
    const out: { uscc: string; name: string; balanceFen: number; loanCount: number }[] = [];
    for (let offset = 0; out.length < limit; offset += TOP_PAGE) {
      const rows: { uscc: string; name: string; se: number | string; bal: string; n: number | string }[] = await this.dataSource.query(
        `SELECT l.uscc AS uscc, e.name AS name, e.strategic_emerging AS se, CAST(SUM(l.balance_fen) AS CHAR) AS bal, COUNT(*) AS n
         FROM loan l
           JOIN institution_closure c ON c.descendant_code = l.institution_code AND c.ancestor_code = ?
           JOIN enterprise e ON e.uscc = l.uscc
         WHERE l.period = ?
         GROUP BY l.uscc, e.name, e.strategic_emerging
         HAVING SUM(l.balance_fen) > 0
         ORDER BY SUM(l.balance_fen) DESC, l.uscc
         LIMIT ? OFFSET ?`,
        [code, period, TOP_PAGE, offset],
      );
      if (!rows.length) break;
      const quals: { uscc: string; kind: string; valid_from: string; valid_to: string }[] = await this.dataSource.query(
        `SELECT uscc, kind, valid_from, valid_to FROM qualification WHERE uscc IN (${rows.map(() => '?').join(',')})`,
        rows.map((r) => r.uscc),
      );
      const byUscc = new Map<string, { kind: QualificationKind; validFrom: string; validTo: string }[]>();
      for (const q of quals) byUscc.set(q.uscc, [...(byUscc.get(q.uscc) ?? []), { kind: q.kind as QualificationKind, validFrom: q.valid_from, validTo: q.valid_to }]);
      for (const r of rows) {
        if (out.length >= limit) break;
        if (!borrowerStatusOf(d, Number(r.se) === 1, byUscc.get(r.uscc) ?? []).tech) continue;
        out.push({ uscc: r.uscc, name: r.name, balanceFen: Number(BigInt(r.bal)), loanCount: Number(r.n) });
      }
      if (rows.length < TOP_PAGE) break;
    }
    return out;
  }
}
