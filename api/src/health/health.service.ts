import { BeforeApplicationShutdown, Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HealthResponse, LivenessResponse } from '@sci/shared';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../core/config/app-config';

@Injectable()
export class HealthService implements BeforeApplicationShutdown {
  /** set once every migration is known applied; the schema does not go back while we run */
  private migrated = false;
  /** SIGTERM received: not ready any more, so the load balancer stops sending traffic */
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  beforeApplicationShutdown(): void {
    this.stopping = true;
  }

  live(): LivenessResponse {
    return { status: 'ok', uptimeSec: Math.round(process.uptime()) };
  }

  async ready(): Promise<HealthResponse> {
    const started = Date.now();
    const kind = this.config.database.kind;
    if (this.stopping) {
      throw new ServiceUnavailableException({ code: 'SHUTTING_DOWN', message: 'this server is shutting down', status: 'error', database: { kind, up: true } });
    }
    try {
      await this.dataSource.query('SELECT 1');
      // another replica (or an operator) may be migrating a newer schema: not ready until done
      if (!this.migrated) this.migrated = !(await this.dataSource.showMigrations());
    } catch {
      throw new ServiceUnavailableException({ code: 'DATABASE_DOWN', message: 'database does not answer', status: 'error', database: { kind, up: false } });
    }
    if (!this.migrated) {
      throw new ServiceUnavailableException({ code: 'MIGRATIONS_PENDING', message: 'schema migrations are not all applied yet', status: 'error', database: { kind, up: true }, migrations: 'pending' });
    }
    return { status: 'ok', database: { kind, up: true, latencyMs: Date.now() - started }, migrations: 'done' };
  }
}
