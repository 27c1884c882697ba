import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { HealthResponse, LivenessResponse } from '@sci/shared';
import { Public } from '../core/auth/access-scope';
import { HealthService } from './health.service';

/**
 * Liveness and readiness apart, as Kubernetes probes them: a database outage must take a replica
 * out of the Service (not ready) without getting it restarted (still live).
 */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(@Inject(HealthService) private readonly health: HealthService) {}

  /** Liveness: 200 while the process runs; never touches the database. */
  @Get('live')
  @ApiOkResponse({ description: 'the process is up' })
  live(): LivenessResponse {
    return this.health.live();
  }

  /** Readiness: 200 with the database reachable and migrated, 503 DATABASE_DOWN otherwise. */
  @Get('ready')
  @ApiOkResponse({ description: 'database reachable, migrations done' })
  @ApiServiceUnavailableResponse({ description: 'database down or migrations pending' })
  ready(): Promise<HealthResponse> {
    return this.health.ready();
  }

  /** The readiness answer under its historical path (kept for existing monitors). */
  @Get()
  @ApiOkResponse({ description: 'status of the app and its database (same as /api/health/ready)' })
  get(): Promise<HealthResponse> {
    return this.health.ready();
  }
}
