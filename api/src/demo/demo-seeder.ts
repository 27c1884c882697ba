import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../core/config/app-config';
import { LeaseRepository, LeaseToken } from '../runs/lease.repository';
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

/** The lease replicas booting together take to seed; it lives SEED_LEASE_TTL_MS between heartbeats. */
export const SEED_LEASE = 'seed:demo';
const SEED_LEASE_TTL_MS = 60_000;
/** How long a replica waits for another one's seeding before it gives up booting. */
const SEED_WAIT_MS = 15 * 60_000;

/**
 * Seeds the demo province into an empty database on first start (SEED_DEMO=true).
 * Replicas booting together on an empty database take the `seed:demo` lease first: one seeds,
 * the others wait until it is done and then find every step already done (each step skips what
 * exists), instead of seeding twice or failing at boot with "a run is in progress".
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
    @Inject(LeaseRepository) private readonly leases: LeaseRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async seedIfEmpty(): Promise<{ logins: DemoLogin[] } | null> {
    const holder = this.config.instanceId;
    const deadline = Date.now() + SEED_WAIT_MS;
    let waited = false;
    for (;;) {
      // SQLite: the seeding replica's import holds the file's write lock for a while; a take()
      // that times out on it (SQLITE_BUSY) just means "still seeding"
      const lease = await this.leases.take(SEED_LEASE, holder, SEED_LEASE_TTL_MS).catch((err: { code?: string }) => {
        if (String(err.code ?? '').startsWith('SQLITE_BUSY')) return null;
        throw err;
      });
      if (lease) return this.seedUnder(lease);
      if (!waited) this.logger.log('demo seeding: another replica is seeding this database; waiting for it');
      waited = true;
      if (Date.now() > deadline) throw new Error(`demo seeding: another replica held ${SEED_LEASE} for ${SEED_WAIT_MS / 60_000} minutes`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }

  private async seedUnder(lease: LeaseToken): Promise<{ logins: DemoLogin[] }> {
    const beat = setInterval(() => {
      this.leases.heartbeat(lease.name, lease.holder, SEED_LEASE_TTL_MS, Date.now(), lease.generation).catch(() => undefined);
    }, SEED_LEASE_TTL_MS / 4);
    try {
      return await this.seedSteps();
    } finally {
      clearInterval(beat);
      await this.leases.release(lease.name, lease.holder, lease.generation);
    }
  }

  private async seedSteps(): Promise<{ logins: DemoLogin[] }> {
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
