import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLASS_CODES, searchExpansion, type ResultSortKey } from '@sci/shared';
import { DataSource } from 'typeorm';
import type { AccessScope } from '../core/auth/access-scope';
import { scopeUnitConditionRaw } from '../core/auth/scope-sql';
import { num, numOrNull, RunResultRow } from '../runs/run-result-row';

/** A stored result with the unit's name (from institution). */
export interface StoredResult extends RunResultRow {
  name: string;
}

export interface ResultFilter {
  level?: string;
  peerGroup?: string;
  bank?: string;
  city?: string;
  grade?: string;
  flag?: string;
  q?: string;
}

const K_COLS = CLASS_CODES.map((_, i) => `k${i + 1}`);
const S_COLS = CLASS_CODES.map((_, i) => `s${i + 1}`);
const NUMERIC = [...K_COLS, ...S_COLS, 'quantitative', 'qualitative', 'composite'];
const INT_OR_NULL = ['rank_level', 'rank_peer', 'rank_bank'];

const LIST_COLUMNS = [
  'r.run_id',
  'r.code',
  'r.period',
  'r.level',
  'r.peer_group',
  'r.bank_code',
  'r.region_code',
  'r.scored',
  ...NUMERIC.map((c) => `r.${c}`),
  'r.grade',
  ...INT_OR_NULL.map((c) => `r.${c}`),
  'r.flags',
  'i.name',
].join(', ');

/** SQL of each sort key; only these strings reach ORDER BY. Nulls always sort last. */
const SORT_SQL: Record<ResultSortKey, string> = {
  code: 'r.code',
  name: 'i.name',
  composite: 'r.composite',
  quantitative: 'r.quantitative',
  qualitative: 'r.qualitative',
  grade: "CASE r.grade WHEN 'excellent' THEN 1 WHEN 'good' THEN 2 WHEN 'pass' THEN 3 WHEN 'improve' THEN 4 END",
  rankLevel: 'r.rank_level',
  rankPeer: 'r.rank_peer',
  rankBank: 'r.rank_bank',
  ...(Object.fromEntries([...S_COLS, ...K_COLS].map((c) => [c, `r.${c}`])) as Record<`s${number}` | `k${number}`, string>),
} as Record<ResultSortKey, string>;

function normalize(r: Record<string, unknown>): StoredResult {
  const out = { ...r } as Record<string, unknown>;
  out['run_id'] = num(r['run_id']);
  out['scored'] = num(r['scored']);
  for (const c of NUMERIC) out[c] = c.startsWith('k') ? numOrNull(r[c]) : num(r[c]);
  for (const c of INT_OR_NULL) out[c] = numOrNull(r[c]);
  return out as unknown as StoredResult;
}

/** Escapes LIKE wildcards of user text (ESCAPE '!' is accepted by SQLite and MySQL alike). */
function likeContains(q: string): string {
  return `%${q.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

/** Reads stored results, always through the caller's scope. */
@Injectable()
export class ResultsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private where(runId: number, scope: AccessScope, f: ResultFilter = {}): { sql: string; params: unknown[] } {
    const s = scopeUnitConditionRaw(scope, 'r.code');
    const parts = ['r.run_id = ?', s.sql];
    const params: unknown[] = [runId, ...s.params];
    const eq = (col: string, v: string | undefined): void => {
      if (v === undefined) return;
      parts.push(`${col} = ?`);
      params.push(v);
    };
    eq('r.level', f.level);
    eq('r.peer_group', f.peerGroup);
    eq('r.bank_code', f.bank);
    eq('r.region_code', f.city);
    eq('r.grade', f.grade);
    if (f.flag) {
      parts.push('(r.flags = ? OR r.flags LIKE ? OR r.flags LIKE ? OR r.flags LIKE ?)');
      params.push(f.flag, `${f.flag};%`, `%;${f.flag}`, `%;${f.flag};%`);
    }
    if (f.q) {
      // also the cities (zh or en name) and banks (short names) the text names: "Jinan", "工行"
      const x = searchExpansion(f.q);
      const alt = [
        ...(x.regionCodes.length ? [`r.region_code IN (${x.regionCodes.map(() => '?').join(', ')})`] : []),
        ...(x.bankCodes.length ? [`r.bank_code IN (${x.bankCodes.map(() => '?').join(', ')})`] : []),
      ];
      parts.push(`(r.code LIKE ? ESCAPE '!' OR i.name LIKE ? ESCAPE '!'${alt.map((a) => ` OR ${a}`).join('')})`);
      params.push(likeContains(f.q), likeContains(f.q), ...x.regionCodes, ...x.bankCodes);
    }
    return { sql: parts.join(' AND '), params };
  }

  /** One page of a run's results in scope, with the total count of matches. */
  async page(
    runId: number,
    scope: AccessScope,
    f: ResultFilter,
    sort: ResultSortKey | null,
    order: 'asc' | 'desc',
    offset: number,
    limit: number,
  ): Promise<{ rows: StoredResult[]; total: number }> {
    const w = this.where(runId, scope, f);
    const from = 'FROM run_result r JOIN institution i ON i.code = r.code';
    const totalRows: { n: number | string }[] = await this.dataSource.query(`SELECT COUNT(*) AS n ${from} WHERE ${w.sql}`, w.params);
    const dir = order === 'desc' ? 'DESC' : 'ASC';
    const orderBy = sort
      ? `(${SORT_SQL[sort]} IS NULL), ${SORT_SQL[sort]} ${dir}, r.quantitative DESC, r.code ASC`
      : '(r.rank_level IS NULL), r.rank_level ASC, r.quantitative DESC, r.code ASC';
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${LIST_COLUMNS} ${from} WHERE ${w.sql} ORDER BY ${orderBy} LIMIT ? OFFSET ?`,
      [...w.params, limit, offset],
    );
    return { rows: rows.map(normalize), total: Number(totalRows[0]?.n ?? 0) };
  }

  /** Every result of a run in scope (export, bank summary, diff), without the detail column. */
  async all(runId: number, scope: AccessScope, f: ResultFilter = {}): Promise<StoredResult[]> {
    const w = this.where(runId, scope, f);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${LIST_COLUMNS} FROM run_result r JOIN institution i ON i.code = r.code WHERE ${w.sql}`,
      w.params,
    );
    return rows.map(normalize);
  }

  /** One unit's stored result with its detail JSON, in scope; null when absent or out of scope. */
  async one(runId: number, code: string, scope: AccessScope): Promise<StoredResult | null> {
    const w = this.where(runId, scope);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${LIST_COLUMNS}, r.detail FROM run_result r JOIN institution i ON i.code = r.code WHERE ${w.sql} AND r.code = ?`,
      [...w.params, code],
    );
    return rows[0] ? normalize(rows[0]) : null;
  }

  /** A unit's results in several runs (history charts); the caller checked the unit is in scope. */
  async ofUnit(code: string, runIds: number[]): Promise<StoredResult[]> {
    if (!runIds.length) return [];
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${LIST_COLUMNS} FROM run_result r JOIN institution i ON i.code = r.code WHERE r.code = ? AND r.run_id IN (${runIds.map(() => '?').join(',')})`,
      [code, ...runIds],
    );
    return rows.map(normalize);
  }

  /** rank_level of the given units in a run (previous-quarter arrows); no names or values leave. */
  async rankLevels(runId: number, codes: string[]): Promise<Map<string, number | null>> {
    if (!codes.length) return new Map();
    const rows: { code: string; rank_level: unknown }[] = await this.dataSource.query(
      `SELECT code, rank_level FROM run_result WHERE run_id = ? AND code IN (${codes.map(() => '?').join(',')})`,
      [runId, ...codes],
    );
    return new Map(rows.map((r) => [r.code, numOrNull(r.rank_level)]));
  }

  /** Names of units by code (the caller decides which codes may be shown). */
  async names(codes: string[]): Promise<Map<string, string>> {
    if (!codes.length) return new Map();
    const rows: { code: string; name: string }[] = await this.dataSource.query(
      `SELECT code, name FROM institution WHERE code IN (${codes.map(() => '?').join(',')})`,
      codes,
    );
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  /**
   * Scored units of a level (optionally of one peer group), WITHOUT scope: the caller only
   * derives aggregate statistics from them (peer distributions), never hands rows out.
   */
  async scoredPopulation(runId: number, level: string, peerGroup: string | null): Promise<StoredResult[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${LIST_COLUMNS} FROM run_result r JOIN institution i ON i.code = r.code
       WHERE r.run_id = ? AND r.level = ? AND r.scored = 1 ${peerGroup ? 'AND r.peer_group = ?' : ''}`,
      peerGroup ? [runId, level, peerGroup] : [runId, level],
    );
    return rows.map(normalize);
  }
}
