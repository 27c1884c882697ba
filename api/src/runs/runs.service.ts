import { BadRequestException, BeforeApplicationShutdown, ConflictException, Inject, Injectable, Logger, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
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
import { APP_CONFIG, AppConfig } from '../core/config/app-config';
import { ResolvedScheme, SchemesService } from '../schemes/schemes.service';
import { LeaseRepository, LeaseToken } from './lease.repository';
import { ExecuteOptions, leaseName, RunExecutor } from './run-executor';
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
  /** runs of this process (manual and scheduled) with their lease, for shutdown */
  private readonly inFlight = new Map<number, { run: ScoringRunEntity; lease: LeaseToken; done: Promise<unknown> }>();
  private ticking: Promise<unknown> | null = null;
  /** set on SIGTERM: no new run or tick starts */
  private stopping = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly runs: RunsRepository,
    private readonly leases: LeaseRepository,
    private readonly data: ScoringDataRepository,
    private readonly schemes: SchemesService,
    private readonly executor: RunExecutor,
    private readonly audit: AuditService,
  ) {}

  /**
   * SIGTERM (Nest calls this before it closes the database): take no new work, give the runs of
   * this process (manual and scheduled) up to config.shutdownGraceMs to finish, then fail the
   * rest as "shut down" and release their leases, so another replica redoes them at its next
   * tick instead of waiting for the lease to expire.
   */
  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.stopping = true;
    const pending = [...this.inFlight.values()].map((f) => f.done);
    if (this.ticking) pending.push(this.ticking);
    if (!pending.length) return;
    this.logger.log(`shutting down (${signal ?? 'close'}): waiting up to ${this.config.shutdownGraceMs} ms for ${this.inFlight.size} run(s)`);
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), this.config.shutdownGraceMs)));
    const outcome = await Promise.race([Promise.allSettled(pending).then(() => 'done' as const), grace]);
    clearTimeout(timer);
    if (outcome === 'done') return;
    for (const { run, lease } of this.inFlight.values()) {
      const reason = `shut down: the server (${lease.holder}) stopped (${signal ?? 'close'}) before the run finished; it runs again at the next scheduled tick or when triggered`;
      try {
        await this.runs.fail(run.id, reason, new Date());
        await this.leases.release(lease.name, lease.holder, lease.generation);
        this.logger.warn(`run ${run.id} (${run.period}): ${reason}`);
      } catch (err) {
        this.logger.error(`run ${run.id} (${run.period}): could not be marked failed at shutdown: ${(err as Error).message}`);
      }
    }
  }

  /** POST /api/runs: starts a run in the background and answers at once with its id. */
  async trigger(req: RunRequest): Promise<TriggerRunResponse> {
    const { run, scheme, lease } = await this.start(req);
    this.track(run, lease, this.executor.execute(run, scheme.scheme, { lease, leaseTtlMs: this.config.runLeaseTtlMs }));
    return { runId: run.id, status: run.status };
  }

  /** Keeps a run of this process in `inFlight` until it ends, then releases its lease. */
  private track(run: ScoringRunEntity, lease: LeaseToken, execution: Promise<unknown>): Promise<unknown> {
    const done = execution
      .finally(() => this.leases.release(lease.name, lease.holder, lease.generation))
      .catch((err: Error) => this.logger.error(`run ${run.id}: ${err.message}`))
      .finally(() => this.inFlight.delete(run.id));
    this.inFlight.set(run.id, { run, lease, done });
    return done;
  }

  /** POST /api/runs by a signed-in user, audited. */
  async triggerByUser(scope: AccessScope, req: { period: string; schemeId?: string; schemeVersion?: number }): Promise<TriggerRunResponse> {
    const res = await this.trigger({ ...req, trigger: 'user', triggeredBy: scope.user.username });
    await this.audit.record({ scope, action: 'run.triggered', target: `run:${res.runId}`, detail: { period: req.period, schemeId: req.schemeId ?? null, schemeVersion: req.schemeVersion ?? null } });
    return res;
  }

  /** Runs a period to the end (CLI, demo seeding). Throws like trigger() when it cannot start. */
  async runNow(req: RunRequest, opts: Omit<ExecuteOptions, 'lease'> = {}): Promise<RunResponse> {
    const ttl = opts.leaseTtlMs ?? this.config.runLeaseTtlMs;
    const { run, scheme, lease } = await this.start(req, ttl);
    try {
      return toRunResponse(await this.executor.execute(run, scheme.scheme, { ...opts, leaseTtlMs: ttl, lease }));
    } finally {
      await this.leases.release(lease.name, lease.holder, lease.generation);
    }
  }

  /** Checks the request, takes the period's lease and records the run. */
  private async start(req: RunRequest, ttlMs = this.config.runLeaseTtlMs): Promise<{ run: ScoringRunEntity; scheme: ResolvedScheme; lease: LeaseToken }> {
    if (this.stopping) throw new ServiceUnavailableException({ code: 'SHUTTING_DOWN', message: 'this server is shutting down; try again in a moment' });
    if (!isPeriod(req.period)) throw new BadRequestException({ code: 'PERIOD_INVALID', message: `"${req.period}" is not a period like 2025Q4` });
    if (req.schemeVersion !== undefined && !req.schemeId) {
      throw new BadRequestException({ code: 'SCHEME_ID_REQUIRED', message: 'schemeVersion needs schemeId' });
    }
    if (!(await this.data.hasLoans(req.period))) {
      throw new NotFoundException({ code: 'PERIOD_NO_DATA', params: { period: req.period }, message: `period ${req.period} has no loan data; import it first` });
    }
    const scheme = await this.schemes.resolve(req.schemeId, req.schemeVersion, req.period);
    const lease = await this.leases.take(leaseName(req.period), this.executor.holder, ttlMs);
    if (!lease) {
      throw new ConflictException({ code: 'RUN_IN_PROGRESS', params: { period: req.period }, message: `a run of ${req.period} is in progress; wait for it to finish` });
    }
    try {
      return { run: await this.executor.createRun(req.period, scheme, req.trigger, req.triggeredBy), scheme, lease };
    } catch (err) {
      await this.leases.release(lease.name, lease.holder, lease.generation);
      throw err;
    }
  }

  /**
   * One scheduler tick: marks runs whose process died (lease expired) failed, then scores every
   * period with data that has no succeeded run for its current inputs and the default scheme.
   * Whether a period is up to date is decided WITHOUT its lease (hashing the inputs is the slow
   * part; holding the lease for it made concurrent manual triggers answer 409 with no run in
   * existence), then again under the lease, so two replicas never both run it.
   */
  async tick(): Promise<TickReport> {
    const report: TickReport = { ran: [], upToDate: [], busy: [], reaped: [] };
    if (this.ticking || this.stopping) return report;
    const work = this.tickOnce(report);
    this.ticking = work;
    try {
      await work;
    } finally {
      this.ticking = null;
    }
    return report;
  }

  private async tickOnce(report: TickReport): Promise<void> {
    report.reaped = await this.reapDeadRuns();
    for (const period of await this.data.periodsWithData()) {
      if (this.stopping) return;
      // each period with the version in force for it (a version adopted from 2026Q1 leaves 2025 alone)
      const scheme = await this.schemes.resolve(undefined, undefined, period);
      const fingerprint = await this.executor.fingerprint(period, scheme.scheme);
      if (await this.runs.hasSucceeded(period, fingerprint, scheme.schemeId, scheme.version)) {
        report.upToDate.push(period);
        continue;
      }
      const lease = await this.leases.take(leaseName(period), this.executor.holder, this.config.runLeaseTtlMs);
      if (!lease) {
        report.busy.push(period);
        continue;
      }
      let run: ScoringRunEntity | null = null;
      try {
        // another replica may have finished it between the check and the take
        if (this.stopping || (await this.runs.hasSucceeded(period, fingerprint, scheme.schemeId, scheme.version))) {
          if (!this.stopping) report.upToDate.push(period);
          continue;
        }
        run = await this.executor.createRun(period, scheme, 'schedule', null);
        report.ran.push(run.id);
      } finally {
        if (!run) await this.leases.release(lease.name, lease.holder, lease.generation);
      }
      await this.track(run, lease, this.executor.execute(run, scheme.scheme, { lease, leaseTtlMs: this.config.runLeaseTtlMs }));
    }
  }

  /**
   * Runs still `running` whose period lease is free or expired: their process died (or lost the
   * lease and can no longer commit). A run whose lease is still live is never reaped, whoever
   * holds it: its holder may be slow, and the fencing token already stops a stale one.
   */
  private async reapDeadRuns(): Promise<number[]> {
    const running = await this.runs.running();
    if (!running.length) return [];
    const live = await this.leases.live('run:');
    const dead = running.filter((r) => !live.has(leaseName(r.period)) && !this.inFlight.has(r.id));
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
    if (!period) throw new BadRequestException({ code: 'PERIOD_REQUIRED', message: 'give a period (e.g. 2025Q4) or a runId' });
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
