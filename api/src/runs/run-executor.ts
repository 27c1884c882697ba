import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'crypto';
import {
  baselinePeriod,
  periodYear,
  scorePeriod,
  shiftPeriod,
  type PeriodAggregates,
  type RunTrigger,
  type Scheme,
  type ScoringInput,
  type UnitInfo,
} from '@sci/shared';
import { APP_CONFIG, AppConfig } from '../core/config/app-config';
import { isConnectionLoss } from '../core/database/database-errors';
import type { ResolvedScheme } from '../schemes/schemes.service';
import { LeaseRepository, LeaseToken } from './lease.repository';
import { toRunResultRow } from './run-result-row';
import { RunsRepository } from './runs.repository';
import { BorrowerReference, InputHashes, ScoringDataRepository } from './scoring-data.repository';
import { ScoringRunEntity } from './scoring-run.entity';
import { SignalsComputer } from '../signals/signals-computer';

/** How long a run's lease lives without a heartbeat; heartbeats come every quarter of it. */
export const DEFAULT_LEASE_TTL_MS = 60_000;

export interface ExecuteOptions {
  leaseTtlMs?: number;
  /** the period's lease as taken for this run: heartbeats and the results' fencing check use it */
  lease: LeaseToken;
  /** the input hashes when the caller already computed them (the scheduler does, to decide) */
  hashes?: InputHashes;
  /** test hook, see RunCompletion.beforeCommit */
  beforeCommit?: () => Promise<void>;
  /** test hook: runs after scoring, before the results transaction opens (nothing locked) */
  beforeWrite?: () => Promise<void>;
}

/** Part of every cached aggregate's key: bump it when the aggregation itself changes. */
const AGGREGATION_VERSION = 'period-aggregator-1';

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** The run's fingerprint: sha256 over the per-table hashes (each over every row of its table). */
export function fingerprintOf(h: InputHashes): string {
  return sha256(JSON.stringify(h));
}

/** Key of a period's cached aggregates: its loan rows and everything that decides status and the tree. */
function aggregateKey(h: InputHashes, period: string): string {
  return sha256([AGGREGATION_VERSION, h.loans[period], h.institution, h.enterprise, h.qualification].join('|'));
}

export function leaseName(period: string): string {
  return `run:${period}`;
}

/** The periods and years whose rows a run of `period` reads (spec sections 1, 4, 5). */
export function inputsOf(period: string, scheme: Scheme): { periods: string[]; years: number[] } {
  const periods = new Set([period, baselinePeriod(period)]);
  for (let n = 1; n <= scheme.peer_trend.trend_quarters; n++) periods.add(shiftPeriod(period, n));
  const y = periodYear(period);
  return { periods: [...periods].sort(), years: [y - 1, y] };
}

/**
 * Executes one run under its period's lease: read the inputs (fingerprint, units, loan
 * aggregates of the period, its trend quarters and p0, qualitative scores, penalties), score
 * with the engine, write every result in one transaction. The caller holds the lease; this
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
      const hashes = opts.hashes ?? (await this.inputHashes(run.period, scheme));
      await this.runs.setStage(run.id, 'loading', 20, fingerprintOf(hashes));
      const input = await this.loadInput(run.period, scheme, hashes);
      await this.runs.setStage(run.id, 'scoring', 60);
      const results = scorePeriod(input, scheme);
      await this.runs.setStage(run.id, 'writing', 80);
      if (opts.beforeWrite) await opts.beforeWrite();
      const region = new Map(input.units.map((u) => [u.code, u.regionCode ?? '']));
      const written = await this.runs.complete(run.id, {
        rows: results.map((r) => toRunResultRow(run.id, r, region.get(r.code) ?? '')),
        unitCount: results.length,
        scoredCount: results.filter((r) => r.scored).length,
        finishedAt: new Date(),
        durationMs: Date.now() - started,
        fence: (m) => this.leases.fence(m, token),
        beforeCommit: opts.beforeCommit,
      });
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

  /** sha256 of every input table a run of `period` reads (fingerprintOf gives the run's fingerprint). */
  inputHashes(period: string, scheme: Scheme, memo?: Map<string, Promise<string>>): Promise<InputHashes> {
    const { periods, years } = inputsOf(period, scheme);
    return this.data.inputHashes(periods, years, memo);
  }

  /**
   * Everything the engine needs for `period`. A quarter's aggregates come from the cache when
   * its rows (and the tree and borrower status inputs) hash the same as when they were stored;
   * otherwise they are computed in one pass over its rows, which hashes them again: an import
   * that landed in between fails the run (the next tick runs it on the new data) instead of
   * recording results, or caching aggregates, of a mix.
   */
  async loadInput(period: string, scheme: Scheme, hashes: InputHashes): Promise<ScoringInput> {
    const units = await this.data.listUnits();
    const cache = new Map<string, PeriodAggregates>();
    let reference: BorrowerReference | null = null;
    const aggregate = async (p: string): Promise<PeriodAggregates> => {
      let a = cache.get(p) ?? (await this.data.cachedAggregates(p, aggregateKey(hashes, p)));
      if (!a) {
        reference ??= await this.data.borrowerReference();
        const { loanHash, ...computed } = await this.data.aggregatePeriod(p, units, reference);
        if (loanHash !== hashes.loans[p]) {
          throw new Error(`the loans of ${p} changed while the run read them; it will run again on the new data`);
        }
        a = computed;
        await this.data.storeAggregates(aggregateKey(hashes, p), a);
      }
      cache.set(p, a);
      return a;
    };
    const current = await aggregate(period);
    const history: PeriodAggregates[] = [];
    for (let n = 1; n <= scheme.peer_trend.trend_quarters; n++) {
      const h = await aggregate(shiftPeriod(period, n));
      if (h.hasData) history.push(h);
    }
    const base = await aggregate(baselinePeriod(period));
    const { years } = inputsOf(period, scheme);
    return {
      period,
      units: units as UnitInfo[],
      current,
      history,
      baseline: base.hasData ? base : null,
      qualitative: await this.data.qualitative(years),
      penalties: await this.data.penalties(),
    };
  }
}
