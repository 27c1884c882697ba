import { ConflictException, Injectable, Logger } from '@nestjs/common';
import { RunsService } from './runs.service';
import { ScoringDataRepository } from './scoring-data.repository';

/** Demo seeding step: scores and publishes every period with data that has no published run yet. */
@Injectable()
export class DemoRunsSeeder {
  private readonly logger = new Logger(DemoRunsSeeder.name);

  constructor(
    private readonly runs: RunsService,
    private readonly data: ScoringDataRepository,
  ) {}

  async seed(): Promise<number[]> {
    const published = await this.runs.latestPublished();
    const out: number[] = [];
    for (const period of await this.data.periodsWithData()) {
      if (published.has(period)) continue;
      const run = await this.runs.runNow({ period, trigger: 'user', triggeredBy: 'demo' }).catch((err: unknown) => {
        // another replica's scheduled run of it is under way: its run serves the demo as well
        if (err instanceof ConflictException) return null;
        throw err;
      });
      if (!run) {
        this.logger.log(`demo run of ${period} skipped: another instance is running it`);
        continue;
      }
      if (run.status !== 'succeeded') {
        this.logger.warn(`demo run of ${period} failed: ${run.error}`);
        continue;
      }
      await this.runs.publishAs(run.id, 'demo');
      out.push(run.id);
    }
    if (out.length) this.logger.log(`demo seeding: ${out.length} period(s) scored and published`);
    return out;
  }
}
