import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { PeriodListResponse, RunListResponse, RunResponse, TriggerRunResponse } from '@sci/shared';
import { AccessScope, CurrentScope, Roles } from '../core/auth/access-scope';
import { RunListQueryDto, TriggerRunDto } from './dto/trigger-run.dto';
import { RunsService } from './runs.service';

@ApiTags('runs')
@ApiBearerAuth()
@Controller()
export class RunsController {
  constructor(private readonly runs: RunsService) {}

  @Get('runs')
  list(@Query() q: RunListQueryDto, @CurrentScope() scope: AccessScope): Promise<RunListResponse> {
    return this.runs.list(scope, q.period);
  }

  @Get('runs/:id')
  get(@Param('id', ParseIntPipe) id: number, @CurrentScope() scope: AccessScope): Promise<RunResponse> {
    return this.runs.get(scope, id);
  }

  @Post('runs')
  @HttpCode(202)
  @Roles('regulator', 'admin')
  trigger(@Body() dto: TriggerRunDto, @CurrentScope() scope: AccessScope): Promise<TriggerRunResponse> {
    return this.runs.triggerByUser(scope, dto);
  }

  @Post('runs/:id/publish')
  @HttpCode(200)
  @Roles('regulator')
  publish(@Param('id', ParseIntPipe) id: number, @CurrentScope() scope: AccessScope): Promise<RunResponse> {
    return this.runs.publish(scope, id);
  }

  @Get('periods')
  periods(@CurrentScope() scope: AccessScope): Promise<PeriodListResponse> {
    return this.runs.periods(scope);
  }
}
