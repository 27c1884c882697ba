import { Inject, Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { APP_CONFIG, AppConfig } from '../core/config/app-config';
import { RunsService } from './runs.service';

export const RUN_CRON_JOB = 'scoring-runs';

/**
 * Registers the scoring tick on config.runCron. SchedulerRegistry exists only when the app runs
 * as a server with a cron (AppModule adds ScheduleModule then); the CLI and tests have none.
 */
@Injectable()
export class RunScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(RunScheduler.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly runs: RunsService,
    @Optional() private readonly registry?: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.registry || !this.config.runCron) return;
    const job = CronJob.from({
      cronTime: this.config.runCron,
      onTick: () => this.onTick(),
      start: false,
      waitForCompletion: true,
    });
    this.registry.addCronJob(RUN_CRON_JOB, job);
    job.start();
    this.logger.log(`scoring runs scheduled: ${this.config.runCron} (instance ${this.config.instanceId})`);
  }

  private async onTick(): Promise<void> {
    try {
      const r = await this.runs.tick();
      if (r.ran.length || r.reaped.length) this.logger.log(`tick: ran ${r.ran.join(',') || '-'}; reaped ${r.reaped.join(',') || '-'}`);
    } catch (err) {
      this.logger.error(`scheduled tick failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
