import { Injectable, Logger, NotFoundException, OnModuleDestroy } from '@nestjs/common';
import {
  baselinePeriod,
  isPeriod,
  periodYear,
  schemeChanges,
  type Scheme,
  type ScoringInput,
  type SimulationResponse,
} from '@sci/shared';
import { existsSync } from 'fs';
import { join } from 'path';
import { Piscina } from 'piscina';
import { CertificationRepository } from '../certification/certification.repository';
import { RunExecutor } from '../runs/run-executor';
import { ScoringDataRepository } from '../runs/scoring-data.repository';
import { DraftsService } from '../schemes/drafts.service';
import { SchemesService } from '../schemes/schemes.service';
import { runSimulation, type SimulationJob, type SimulationResult } from './simulation-core';

/** The worker bundle beside main.js (webpack entry `policy-lab-worker`). */
const WORKER_FILE = join(__dirname, 'policy-lab-worker.js');

/**
 * Simulation of a draft (issue 12): the period's inputs (and the certification year's, for a
 * fourth quarter) are loaded once through the run path, with the cached period aggregates, then
 * the draft, the scheme in force and each touched parameter alone are scored in a worker thread.
 * Nothing is stored: no run, no result.
 */
@Injectable()
export class PolicyLabService implements OnModuleDestroy {
  private readonly logger = new Logger(PolicyLabService.name);
  private pool: Piscina | null = null;

  constructor(
    private readonly drafts: DraftsService,
    private readonly schemes: SchemesService,
    private readonly executor: RunExecutor,
    private readonly data: ScoringDataRepository,
    private readonly certification: CertificationRepository,
  ) {}

  async onModuleDestroy(): Promise<void> {
    await this.pool?.destroy();
    this.pool = null;
  }

  async simulate(draftId: number, period: string): Promise<SimulationResponse> {
    const started = Date.now();
    const { scheme: draft } = await this.drafts.validParams(draftId);
    if (!isPeriod(period) || !(await this.data.hasLoans(period))) {
      throw new NotFoundException({ code: 'PERIOD_NO_DATA', params: { period }, message: `period ${period} has no loan data; import it first` });
    }
    const inForce = await this.schemes.resolve(undefined, undefined, period);
    const input = await this.inputFor(period, [inForce.scheme, draft]);
    const year = periodYear(period);
    const isQ4 = period.endsWith('Q4');
    const previousPeriod = baselinePeriod(period);
    const [applications, certifiedPrev, previous] = isQ4
      ? await Promise.all([
          this.certification.submittedApplications([year, year - 1]),
          this.certification.confirmedCodes(year - 1),
          this.data.hasLoans(previousPeriod).then((has) => (has ? this.inputFor(previousPeriod, [inForce.scheme, draft]) : null)),
        ])
      : [[], [], null];
    const units = input.units;
    const job: SimulationJob = {
      input,
      inForce: inForce.scheme,
      draft,
      changes: schemeChanges(inForce.scheme, draft),
      certification: isQ4
        ? {
            year,
            previous,
            applicationsY: applications.filter((a) => a.year === year),
            applicationsPrev: applications.filter((a) => a.year === year - 1),
            certifiedPrev,
          }
        : null,
      names: Object.fromEntries(units.map((u) => [u.code, (u as { name?: string }).name ?? u.code])),
    };
    const scoringStarted = Date.now();
    const result = await this.run(job);
    const scoringMs = Date.now() - scoringStarted;
    return {
      draftId,
      period,
      inForce: { schemeId: inForce.schemeId, version: inForce.version },
      durationMs: Date.now() - started,
      scoringMs,
      ...result,
    };
  }

  /**
   * The inputs of `period` as a run reads them (fingerprint from the import digests, cached
   * aggregates), with the history the longer trend window of the schemes compared needs.
   */
  private async inputFor(period: string, schemes: Scheme[]): Promise<ScoringInput> {
    const longest = schemes.reduce((a, b) => (b.peer_trend.trend_quarters > a.peer_trend.trend_quarters ? b : a));
    return this.executor.loadInput(period, longest);
  }

  /** In the worker thread when the bundle has it; in-process when running from the sources (tests). */
  private run(job: SimulationJob): Promise<SimulationResult> {
    if (!existsSync(WORKER_FILE)) return Promise.resolve(runSimulation(job));
    this.pool ??= new Piscina({ filename: WORKER_FILE, maxThreads: 1, idleTimeout: 60_000 });
    return this.pool.run(job) as Promise<SimulationResult>;
  }
}
