import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatasetModule } from '../dataset/dataset.module';
import { SchemesModule } from '../schemes/schemes.module';
import { SignalsCoreModule } from '../signals/signals-core.module';
import { RunComputePool } from './compute/run-compute.pool';
import { DemoRunsSeeder } from './demo-runs.seeder';
import { LeaseEntity } from './lease.entity';
import { LeaseRepository } from './lease.repository';
import { RunExecutor } from './run-executor';
import { RunScheduler } from './run-scheduler';
import { RunsController } from './runs.controller';
import { RunsRepository } from './runs.repository';
import { RunsService } from './runs.service';
import { ScoringDataRepository } from './scoring-data.repository';
import { ScoringRunEntity } from './scoring-run.entity';

@Module({
  imports: [TypeOrmModule.forFeature([ScoringRunEntity, LeaseEntity]), SchemesModule, DatasetModule, SignalsCoreModule],
  controllers: [RunsController],
  providers: [RunsRepository, LeaseRepository, ScoringDataRepository, RunComputePool, RunExecutor, RunsService, RunScheduler, DemoRunsSeeder],
  exports: [RunsService, RunExecutor, ScoringDataRepository, DemoRunsSeeder, LeaseRepository],
})
export class RunsModule {}
