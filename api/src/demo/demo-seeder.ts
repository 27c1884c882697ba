import { Injectable, Logger } from '@nestjs/common';

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

  async seedIfEmpty(): Promise<{ logins: DemoLogin[] } | null> {
    this.logger.log('demo seeding: no steps registered yet');
    return { logins: [] };
  }
}
