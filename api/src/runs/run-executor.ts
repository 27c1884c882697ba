import { Inject, Injectable, Logger } from '@nestjs/common';
import type { RunTrigger, Scheme, ScoringInput } from '@sci/shared';
import { APP_CONFIG, AppConfig } from '../core/config/app-config';
import { isConnectionLoss } from '../core/database/database-errors';
import { InputDigestRepository } from '../dataset/input-digest.repository';
import type { ResolvedScheme } from '../schemes/schemes.service';
import { inputsOf, type ComputeProgress } from './compute/run-compute';
import { RunComputePool } from './compute/run-compute.pool';
import { LeaseRepository, LeaseToken } from './lease.repository';
import { toRunResultRow } from './run-result-row';
import { RunsRepository } from './runs.repository';
import { ScoringDataRepository } from './scoring-data.repository';
import { ScoringRunEntity } from './scoring-run.entity';
import { SignalsComputer } from '../signals/signals-computer';

export { fingerprintOf, inputsOf } from './compute/run-compute';

/** How long a run's lease lives without a heartbeat; heartbeats come every quarter of it. */
export const DEFAULT_LEASE_TTL_MS = 60_000;

export interface ExecuteOptions {
  leaseTtlMs?: number;
  /** the period's lease as taken for this run: heartbeats and the results' fencing check use it */
  lease: LeaseToken;
  /** test hook, see RunCompletion.beforeCommit */
  beforeCommit?: () => Promise<void>;
  /** test hook: runs after scoring, before the results transaction opens (nothing locked) */
  beforeWrite?: () => Promise<void>;
}

export function leaseName(period: string): string {
  return `run:${period}`;
}

/**
 * Executes one run under its period's lease: a worker thread reads the inputs in one snapshot
 * (fingerprint from the import digests, units, loan aggregates of the period, its trend quarters
 * and p0, qualitative scores, penalties) and scores them with the engine; this thread writes
 * every result in one transaction (RunsRepository.complete). The caller holds the lease; this
 * keeps it alive with heartbeats while it works.
 */
@Injectable()
export class RunExecutor {
  private readonly logger = new Logger(RunExecutor.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly runs: RunsRepository,
    private readonly data: ScoringDataRepository,
    private readonly leases: LeaseRepository,
    private readonly signals: SignalsComputer,
    private readonly digests: InputDigestRepository,
    private readonly compute: RunComputePool,
  ) {}

  get holder(): string {
    return this.config.instanceId;
  }

  /** Creates the run record (status running, holder = this instance). The lease must be held. */
  createRun(period: string, scheme: ResolvedScheme, trigger: RunTrigger, triggeredBy: string | null): Promise<ScoringRunEntity> {
    return this.runs.create({
      period,
      schemeId: scheme.schemeId,
      schemeVersion: scheme.version,
      trigger,
      triggeredBy,
      holder: this.holder,
      startedAt: new Date(),
    });
  }

  /** Runs to the end; never throws (a failure is recorded on the run). Returns the final record. */
  async execute(run: ScoringRunEntity, scheme: Scheme, opts: ExecuteOptions): Promise<ScoringRunEntity> {
    const ttl = opts.leaseTtlMs ?? DEFAULT_LEASE_TTL_MS;
    const lease = leaseName(run.period);
    const token = opts.lease;
    const heartbeat = setInterval(() => {
      this.leases.heartbeat(lease, this.holder, ttl, Date.now(), token.generation).then(
        (kept) => kept || this.logger.warn(`run ${run.id}: lease ${lease} was lost; its results will not be written`),
        (err: Error) => this.logger.warn(`run ${run.id}: heartbeat failed: ${err.message}`),
      );
    }, Math.max(250, Math.floor(ttl / 4)));
    const started = Date.now();
    try {
      await this.runs.setStage(run.id, 'loading', 5);
      // the heavy part (fingerprint guard, aggregates, scores) runs on a worker thread with its
      // own read-only snapshot; this thread only relays progress and writes the results
      const progress = this.progressOf(run);
      const computed = await this.compute
        .run({ period: run.period, scheme, digests: await this.digests.forPeriods(inputsOf(run.period, scheme).periods) }, progress.report)
        .finally(() => progress.settle());
      if (computed.notes.length) {
        for (const n of computed.notes) this.logger.warn(`run ${run.id} (${run.period}): ${n}`);
        await this.runs.setLog(run.id, computed.notes);
      }
      this.logger.log(`run ${run.id} (${run.period}) computed: ${Object.entries(computed.timings).map(([k, v]) => `${k} ${v} ms`).join(', ')}`);
      for (const c of computed.computed) await this.data.storeAggregates(c.key, c.aggregates);
      await this.runs.setStage(run.id, 'writing', 90, computed.fingerprint, computed.rowsAggregated);
      const region = new Map(computed.units.map((u) => [u.code, u.regionCode ?? '']));
      const results = computed.results;
      if (opts.beforeWrite) await opts.beforeWrite();
      const written = await this.runs.complete(run.id, {
        rows: results.map((r) => toRunResultRow(run.id, r, region.get(r.code) ?? '')),
        unitCount: results.length,
        scoredCount: results.filter((r) => r.scored).length,
        finishedAt: new Date(),
        durationMs: Date.now() - started,
        // the lease is released in the results transaction: free as soon as the run is seen succeeded
        fence: (m) => this.leases.fence(m, token, { release: true }),
        beforeCommit: opts.beforeCommit,
      });
      clearInterval(heartbeat); // the lease went with the results transaction
      if (!written) this.logger.warn(`run ${run.id}: was declared dead by another instance; results discarded`);
      // integrity signals (issue 13) read the run's results; they never change them
      else await this.signals.computeForRunSafely(run.id, run.period, scheme);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.logger.error(`run ${run.id} (${run.period}) failed: ${message}`);
      await this.recordFailure(run, message, ttl);
    } finally {
      clearInterval(heartbeat);
    }
    return (await this.runs.get(run.id)) as ScoringRunEntity;
  }

  /**
   * Marks the run failed with the real reason. When the database itself is what failed (an
   * outage), the write is retried every 2 s for up to 5 lease lifetimes, so the run does not sit
   * `running` until a reaper calls it "stopped"; the next tick after the outage runs it again.
   */
  private async recordFailure(run: ScoringRunEntity, message: string, ttl: number): Promise<void> {
    const until = Date.now() + 5 * ttl;
    for (let attempt = 0; ; attempt++) {
      try {
        await this.runs.fail(run.id, message, new Date());
        if (attempt) this.logger.log(`run ${run.id}: failure recorded after the database came back`);
        return;
      } catch (e) {
        if (!isConnectionLoss(e) || Date.now() > until) {
          this.logger.error(`run ${run.id}: could not record its failure: ${(e as Error).message}`);
          return;
        }
        await new Promise((r) => setTimeout(r, 2000));
      }
    }
  }

  /**
   * The fingerprint a run of `period` would have now (the scheduler's "is it up to date?"): from
   * the import digests behind the cheap guard, computed on a worker thread like a run.
   */
  async fingerprint(period: string, scheme: Scheme): Promise<string> {
    const digests = await this.digests.forPeriods(inputsOf(period, scheme).periods);
    return (await this.compute.run({ period, scheme, digests, fingerprintOnly: true })).fingerprint;
  }

  /**
   * The inputs a run of `period` would score with `scheme` (the policy lab scores them with
   * several schemes), read on a worker thread like a run; aggregates it had to compute are cached.
   */
  async loadInput(period: string, scheme: Scheme): Promise<ScoringInput> {
    const digests = await this.digests.forPeriods(inputsOf(period, scheme).periods);
    const computed = await this.compute.run({ period, scheme, digests, inputOnly: true });
    for (const c of computed.computed) await this.data.storeAggregates(c.key, c.aggregates);
    if (!computed.input) throw new Error(`the inputs of ${period} could not be read`);
    return computed.input;
  }

  /**
   * Relays a worker's progress to the run record, at most every 250 ms (and at each stage
   * change and the fingerprint). settle() stops relaying and waits for the last write, so a late
   * message cannot move a run that is writing its results back to loading.
   */
  private progressOf(run: ScoringRunEntity): { report: (p: ComputeProgress) => void; settle: () => Promise<void> } {
    let last = 0;
    let stage = '';
    let fingerprinted = false;
    let open = true;
    let pending = Promise.resolve();
    return {
      report: (p) => {
        const now = Date.now();
        const news = p.stage !== stage || (!!p.fingerprint && !fingerprinted);
        if (!open || (!news && now - last < 250)) return;
        last = now;
        stage = p.stage;
        fingerprinted ||= !!p.fingerprint;
        pending = pending
          .then(() => this.runs.setStage(run.id, p.stage, p.progress, p.fingerprint, p.rows))
          .catch((err: Error) => this.logger.warn(`run ${run.id}: progress not recorded: ${err.message}`));
      },
      settle: () => {
        open = false;
        return pending;
      },
    };
  }
}
