import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { HealthResponse } from '@sci/shared';
import { Public } from '../core/auth/access-scope';
import { HealthService } from './health.service';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(@Inject(HealthService) private readonly health: HealthService) {}

  /** Readiness: 200 with database up, 503 when the database does not answer. */
  @Get()
  @ApiOkResponse({ description: 'status of the app and its database' })
  get(): Promise<HealthResponse> {
    return this.health.check();
  }
}
