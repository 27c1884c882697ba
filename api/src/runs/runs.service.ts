import { BadRequestException, BeforeApplicationShutdown, ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import {
  isPeriod,
  periodDate,
  type PeriodListResponse,
  type RunListResponse,
  type RunResponse,
  type RunTrigger,
  type TriggerRunResponse,
} from '@sci/shared';
import { AuditService } from '../audit/audit.service';
import type { AccessScope } from '../core/auth/access-scope';
import { ResolvedScheme, SchemesService } from '../schemes/schemes.service';
import { LeaseRepository } from './lease.repository';
import { DEFAULT_LEASE_TTL_MS, ExecuteOptions, fingerprintOf, leaseName, RunExecutor } from './run-executor';
import { toRunResponse } from './run-response';
import { RunsRepository } from './runs.repository';
import { ScoringDataRepository } from './scoring-data.repository';
import { ScoringRunEntity } from './scoring-run.entity';

export interface RunRequest {
  period: string;
  schemeId?: string;
  schemeVersion?: number;
  trigger: RunTrigger;
  triggeredBy: string | null;
}

export interface TickReport {
  /** run ids started by this tick */
  ran: number[];
  /** periods whose inputs and scheme already have a succeeded run */
  upToDate: string[];
  /** periods another instance holds */
  busy: string[];
  /** runs found dead (lease expired) and marked failed */
  reaped: number[];
}

/** Drafts (unpublished runs) are for regulator and admin only. */
export function seesDrafts(scope: AccessScope): boolean {
  return scope.all;
}

/**
 * Scoring runs: manual triggers, the scheduled tick, publishing and the run history.
 * Every run of a period executes under the period's lease, so replicas never run it twice.
 */
@Injectable()
export class RunsService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(RunsService.name);
  /** background runs of this process, awaited on shutdown so none is cut off half-way */
  private readonly inFlight = new Set<Promise<unknown>>();
  private ticking = false;

  constructor(
    private readonly runs: RunsRepository,
    private readonly leases: LeaseRepository,
    private readonly data: ScoringDataRepository,
    private readonly schemes: SchemesService,
    private readonly executor: RunExecutor,
    private readonly audit: AuditService,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  /** POST /api/runs: starts a run in the background and answers at once with its id. */
  async trigger(req: RunRequest): Promise<TriggerRunResponse> {
    const { run, scheme } = await this.start(req);
    const done = this.executor
      .execute(run, scheme.scheme)
      .finally(() => this.leases.release(leaseName(run.period), this.executor.holder))
      .catch((err: Error) => this.logger.error(`run ${run.id}: ${err.message}`))
      .finally(() => this.inFlight.delete(done));
    this.inFlight.add(done);
    return { runId: run.id, status: run.status };
  }

  /** POST /api/runs by a signed-in user, audited. */
  async triggerByUser(scope: AccessScope, req: { period: string; schemeId?: string; schemeVersion?: number }): Promise<TriggerRunResponse> {
    const res = await this.trigger({ ...req, trigger: 'user', triggeredBy: scope.user.username });
    await this.audit.record({ scope, action: 'run.triggered', target: `run:${res.runId}`, detail: { period: req.period, schemeId: req.schemeId ?? null, schemeVersion: req.schemeVersion ?? null } });
    return res;
  }

  /** Runs a period to the end (CLI, demo seeding). Throws like trigger() when it cannot start. */
  async runNow(req: RunRequest, opts: ExecuteOptions = {}): Promise<RunResponse> {
    const { run, scheme } = await this.start(req, opts.leaseTtlMs);
    try {
      return toRunResponse(await this.executor.execute(run, scheme.scheme, opts));
    } finally {
      await this.leases.release(leaseName(run.period), this.executor.holder);
    }
  }

  /** Checks the request, takes the period's lease and records the run. */
  private async start(req: RunRequest, ttlMs = DEFAULT_LEASE_TTL_MS): Promise<{ run: ScoringRunEntity; scheme: ResolvedScheme }> {
    if (!isPeriod(req.period)) throw new BadRequestException({ code: 'PERIOD_INVALID', message: `"${req.period}" is not a period like 2025Q4` });
    if (req.schemeVersion !== undefined && !req.schemeId) {
      throw new BadRequestException({ code: 'SCHEME_ID_REQUIRED', message: 'schemeVersion needs schemeId' });
    }
    if (!(await this.data.hasLoans(req.period))) {
      throw new NotFoundException({ code: 'PERIOD_NO_DATA', params: { period: req.period }, message: `period ${req.period} has no loan data; import it first` });
    }
    const scheme = await this.schemes.resolve(req.schemeId, req.schemeVersion);
    if (!(await this.leases.tryAcquire(leaseName(req.period), this.executor.holder, ttlMs))) {
      throw new ConflictException({ code: 'RUN_IN_PROGRESS', params: { period: req.period }, message: `a run of ${req.period} is in progress; wait for it to finish` });
    }
    try {
      return { run: await this.executor.createRun(req.period, scheme, req.trigger, req.triggeredBy), scheme };
    } catch (err) {
      await this.leases.release(leaseName(req.period), this.executor.holder);
      throw err;
    }
  }

  /**
   * One scheduler tick: marks runs whose process died (lease expired) failed, then scores every
   * period with data that has no succeeded run for its current inputs and the default scheme.
   * Each period is decided under its lease, after taking it, so two replicas never both run it.
   */
  async tick(): Promise<TickReport> {
    const report: TickReport = { ran: [], upToDate: [], busy: [], reaped: [] };
    if (this.ticking) return report;
    this.ticking = true;
    try {
      report.reaped = await this.reapDeadRuns();
      const scheme = await this.schemes.resolve();
      // each quarter's rows are hashed once per tick, not once for every period that reads them
      const memo = new Map<string, Promise<string>>();
      for (const period of await this.data.periodsWithData()) {
        const name = leaseName(period);
        if (!(await this.leases.tryAcquire(name, this.executor.holder, DEFAULT_LEASE_TTL_MS))) {
          report.busy.push(period);
          continue;
        }
        try {
          const hashes = await this.executor.inputHashes(period, scheme.scheme, memo);
          if (await this.runs.hasSucceeded(period, fingerprintOf(hashes), scheme.schemeId, scheme.version)) {
            report.upToDate.push(period);
            continue;
          }
          const run = await this.executor.createRun(period, scheme, 'schedule', null);
          report.ran.push(run.id);
          await this.executor.execute(run, scheme.scheme, { hashes });
        } finally {
          await this.leases.release(name, this.executor.holder);
        }
      }
    } finally {
      this.ticking = false;
    }
    return report;
  }

  /** Runs still `running` whose holder no longer holds the period's lease: their process died. */
  private async reapDeadRuns(): Promise<number[]> {
    const running = await this.runs.running();
    if (!running.length) return [];
    const live = await this.leases.liveHolders('run:');
    const dead = running.filter((r) => live.get(leaseName(r.period)) !== r.holder);
    for (const r of dead) {
      await this.runs.fail(r.id, `interrupted: the process running it (${r.holder ?? 'unknown'}) stopped before it finished`, new Date());
      this.logger.warn(`run ${r.id} (${r.period}) was interrupted; marked failed`);
    }
    return dead.map((r) => r.id);
  }

  async list(scope: AccessScope, period?: string): Promise<RunListResponse> {
    const rows = await this.runs.list({ period, drafts: seesDrafts(scope) });
    return { items: rows.map(toRunResponse) };
  }

  /** A run the caller may see (drafts: regulator and admin only), or 404. */
  async getVisible(scope: AccessScope, id: number): Promise<ScoringRunEntity> {
    const run = await this.runs.get(id);
    if (!run || (!run.published && !seesDrafts(scope))) {
      throw new NotFoundException({ code: 'RUN_NOT_FOUND', params: { id }, message: `run ${id} does not exist` });
    }
    return run;
  }

  async get(scope: AccessScope, id: number): Promise<RunResponse> {
    return toRunResponse(await this.getVisible(scope, id));
  }

  /** POST /api/runs/:id/publish (regulator), audited. */
  async publish(scope: AccessScope, id: number): Promise<RunResponse> {
    const run = await this.publishAs(id, scope.user.username);
    await this.audit.record({ scope, action: 'run.published', target: `run:${id}`, detail: { period: run.period, schemeId: run.schemeId, schemeVersion: run.schemeVersion } });
    return run;
  }

  /** Publishes a succeeded run (also used by demo seeding, without a signed-in caller). */
  async publishAs(id: number, by: string): Promise<RunResponse> {
    const run = await this.runs.get(id);
    if (!run) throw new NotFoundException({ code: 'RUN_NOT_FOUND', params: { id }, message: `run ${id} does not exist` });
    if (run.status !== 'succeeded') {
      throw new ConflictException({ code: 'RUN_NOT_SUCCEEDED', params: { id }, message: `run ${id} is ${run.status}; only a succeeded run can be published` });
    }
    await this.runs.publish(id, by, new Date());
    return toRunResponse((await this.runs.get(id)) as ScoringRunEntity);
  }

  /**
   * The run results are read from: the one named (visible to the caller), else the latest
   * published run of the period. 404 when there is none.
   */
  async resolveResultsRun(scope: AccessScope, period?: string, runId?: number): Promise<ScoringRunEntity> {
    if (runId !== undefined) {
      const run = await this.getVisible(scope, runId);
      if (run.status !== 'succeeded') {
        throw new ConflictException({ code: 'RUN_NOT_SUCCEEDED', params: { id: runId }, message: `run ${runId} is ${run.status}; it has no results` });
      }
      return run;
    }
    if (!period) throw new NotFoundException({ code: 'PERIOD_REQUIRED', message: 'give a period (e.g. 2025Q4) or a runId' });
    const run = (await this.runs.latestPublishedByPeriod()).get(period);
    if (!run) throw new NotFoundException({ code: 'NO_PUBLISHED_RUN', params: { period }, message: `period ${period} has no published run yet` });
    return run;
  }

  /** The latest published run of every period (for history charts and rank changes). */
  latestPublished(): Promise<Map<string, ScoringRunEntity>> {
    return this.runs.latestPublishedByPeriod();
  }

  /** GET /api/periods: periods with loan data, newest first, with their latest runs. */
  async periods(scope: AccessScope): Promise<PeriodListResponse> {
    const [periods, published, latest] = await Promise.all([
      this.data.periodsWithData(),
      this.runs.latestPublishedByPeriod(),
      seesDrafts(scope) ? this.runs.latestByPeriod() : Promise.resolve(new Map<string, ScoringRunEntity>()),
    ]);
    return {
      items: [...periods].reverse().map((p) => {
        const pub = published.get(p);
        const last = latest.get(p);
        return {
          period: p,
          date: periodDate(p),
          latestPublishedRun: pub ? toRunResponse(pub) : null,
          latestRun: last ? toRunResponse(last) : null,
        };
      }),
    };
  }
}
