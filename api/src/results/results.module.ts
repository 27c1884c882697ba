import { Module } from '@nestjs/common';
import { RunsModule } from '../runs/runs.module';
import { SchemesModule } from '../schemes/schemes.module';
import { ExplainService } from './explain.service';
import { ResultsExportService } from './results-export.service';
import { ResultsController } from './results.controller';
import { ResultsRepository } from './results.repository';
import { ResultsService } from './results.service';

@Module({
  imports: [RunsModule, SchemesModule],
  controllers: [ResultsController],
  providers: [ResultsRepository, ResultsService, ExplainService, ResultsExportService],
  exports: [ResultsExportService, ExplainService, ResultsService, ResultsRepository],
})
export class ResultsModule {}
