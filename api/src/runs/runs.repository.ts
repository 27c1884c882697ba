import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { RunStage } from '@sci/shared';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { RUN_RESULT_COLUMNS, RunResultRow } from './run-result-row';
import { ScoringRunEntity } from './scoring-run.entity';

/** Rows per INSERT: 43 columns x 400 rows stays below every driver's placeholder limit. */
const INSERT_CHUNK = 400;

export type NewRun = Pick<ScoringRunEntity, 'period' | 'schemeId' | 'schemeVersion' | 'trigger' | 'triggeredBy' | 'holder' | 'startedAt'>;

export interface RunCompletion {
  rows: RunResultRow[];
  unitCount: number;
  scoredCount: number;
  finishedAt: Date;
  durationMs: number;
  /**
   * The fencing check (LeaseRepository.fence with the run's lease token), run first inside the
   * results transaction: throws when the lease was taken over, which rolls everything back.
   */
  fence: (m: EntityManager) => Promise<void>;
  /** test hook: runs inside the transaction after the results are written, before COMMIT */
  beforeCommit?: () => Promise<void>;
}

/** Scoring runs and the writing of their results. */
@Injectable()
export class RunsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(ScoringRunEntity) private readonly runs: Repository<ScoringRunEntity>,
  ) {}

  create(r: NewRun): Promise<ScoringRunEntity> {
    return this.runs.save(
      this.runs.create({ ...r, status: 'running', stage: 'queued', progress: 0, published: false, unitCount: 0, scoredCount: 0 }),
    );
  }

  get(id: number): Promise<ScoringRunEntity | null> {
    return this.runs.findOne({ where: { id } });
  }

  getMany(ids: number[]): Promise<ScoringRunEntity[]> {
    return ids.length ? this.runs.find({ where: { id: In(ids) } }) : Promise.resolve([]);
  }

  /** Newest first; only published runs unless `drafts`. */
  list(opts: { period?: string; drafts: boolean }): Promise<ScoringRunEntity[]> {
    return this.runs.find({
      where: { ...(opts.period ? { period: opts.period } : {}), ...(opts.drafts ? {} : { published: true }) },
      order: { id: 'DESC' },
      take: 500,
    });
  }

  async setStage(id: number, stage: RunStage, progress: number, fingerprint?: string, rowsRead?: number): Promise<void> {
    await this.runs.update(
      { id, status: 'running' },
      { stage, progress, ...(fingerprint ? { fingerprint } : {}), ...(rowsRead !== undefined ? { rowsRead } : {}) },
    );
  }

  /** Records what the run noticed about its inputs (its log). */
  async setLog(id: number, lines: string[]): Promise<void> {
    await this.runs.update({ id }, { log: lines.length ? lines.join('\n') : null });
  }

  /**
   * Writes every result and marks the run succeeded in ONE transaction, so a process killed
   * mid-way leaves no visible results. The status row is updated first (only while the run is
   * still `running`): a run another replica already declared dead is not resurrected. Returns
   * false in that case (nothing written). Before anything, the lease's fencing token is checked
   * in the same transaction: a holder paused past its lease and taken over throws instead.
   */
  async complete(id: number, c: RunCompletion): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      await c.fence(m);
      const r = await m
        .createQueryBuilder()
        .update(ScoringRunEntity)
        .set({ status: 'succeeded', stage: 'done', progress: 100, finishedAt: c.finishedAt, durationMs: c.durationMs, unitCount: c.unitCount, scoredCount: c.scoredCount })
        .where('id = :id AND status = :running', { id, running: 'running' })
        .execute();
      if (r.affected !== 1) return false;
      const cols = RUN_RESULT_COLUMNS.join(', ');
      const tuple = `(${RUN_RESULT_COLUMNS.map(() => '?').join(', ')})`;
      for (let i = 0; i < c.rows.length; i += INSERT_CHUNK) {
        const chunk = c.rows.slice(i, i + INSERT_CHUNK);
        await m.query(
          `INSERT INTO run_result (${cols}) VALUES ${chunk.map(() => tuple).join(', ')}`,
          chunk.flatMap((row) => RUN_RESULT_COLUMNS.map((k) => row[k])),
        );
      }
      if (c.beforeCommit) await c.beforeCommit();
      return true;
    });
  }

  /** Marks a run failed unless it already finished. */
  async fail(id: number, error: string, finishedAt: Date): Promise<void> {
    await this.runs
      .createQueryBuilder()
      .update(ScoringRunEntity)
      .set({ status: 'failed', error: error.slice(0, 2000), finishedAt })
      .where('id = :id AND status = :running', { id, running: 'running' })
      .execute();
  }

  running(): Promise<ScoringRunEntity[]> {
    return this.runs.find({ where: { status: 'running' } });
  }

  /** Whether a succeeded run of `period` already used exactly these inputs and scheme version. */
  hasSucceeded(period: string, fingerprint: string, schemeId: string, schemeVersion: number): Promise<boolean> {
    return this.runs.exists({ where: { period, fingerprint, schemeId, schemeVersion, status: 'succeeded' } });
  }

  async publish(id: number, by: string, at: Date): Promise<void> {
    await this.runs.update({ id, status: 'succeeded' }, { published: true, publishedBy: by, publishedAt: at });
  }

  /**
   * The latest published run of each period: the one published last (a regulator may go back to
   * an older run by publishing it again), ties by id.
   */
  async latestPublishedByPeriod(): Promise<Map<string, ScoringRunEntity>> {
    const rows = await this.runs.find({ where: { published: true } });
    const key = (r: ScoringRunEntity): [number, number] => [r.publishedAt?.getTime() ?? 0, r.id];
    const out = new Map<string, ScoringRunEntity>();
    for (const r of rows) {
      const cur = out.get(r.period);
      const [t, id] = key(r);
      if (!cur || t > key(cur)[0] || (t === key(cur)[0] && id > cur.id)) out.set(r.period, r);
    }
    return out;
  }

  /** The newest run of each period, any status. */
  async latestByPeriod(): Promise<Map<string, ScoringRunEntity>> {
    const ids = (await this.runs.createQueryBuilder('r').select('MAX(r.id)', 'id').groupBy('r.period').getRawMany<{ id: number | string }>()).map((x) =>
      Number(x.id),
    );
    const rows = await this.getMany(ids);
    return new Map(rows.map((r) => [r.period, r]));
  }
}
