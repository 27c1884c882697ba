import { Inject, Injectable, Logger } from '@nestjs/common';
import { DemoUsersSeeder } from '../users/demo-users';
import { DemoDatasetSeeder } from '../import/demo-dataset.seeder';
import { DemoRunsSeeder } from '../runs/demo-runs.seeder';
import { DemoCertificationSeeder } from '../certification/demo-certification.seeder';

export interface DemoLogin {
  username: string;
  password: string;
  role: string;
  scope: string;
}

/**
 * Seeds the demo province into an empty database on first start (SEED_DEMO=true).
 * Steps, in order: generate + import the demo dataset, create the demo users, run and publish
 * every period. Each step belongs to its feature; this class only orders them.
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    @Inject(DemoUsersSeeder) private readonly demoUsers: DemoUsersSeeder,
    @Inject(DemoDatasetSeeder) private readonly demoData: DemoDatasetSeeder,
    @Inject(DemoRunsSeeder) private readonly demoRuns: DemoRunsSeeder,
    @Inject(DemoCertificationSeeder) private readonly demoCertification: DemoCertificationSeeder,
  ) {}

  async seedIfEmpty(): Promise<{ logins: DemoLogin[] } | null> {
    const logins: DemoLogin[] = [];
    // the demo province (generated, then imported) on a database without any unit
    await this.demoData.seedIfEmpty();
    // demo users: after the data import (it needs the banks and units), before the runs
    logins.push(...(await this.demoUsers.seed()));
    // every period with data scored and published, so the dashboard has something to show
    await this.demoRuns.seed();
    // certification: the latest year evaluated (decisions pending), the next year's window open
    await this.demoCertification.seed();
    this.logger.log(`demo seeding: ${logins.length} demo logins`);
    return { logins };
  }
}
