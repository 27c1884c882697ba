import { Module } from '@nestjs/common';
import { RunsModule } from '../runs/runs.module';
import { ResultsExportService } from './results-export.service';
import { ResultsRepository } from './results.repository';

@Module({
  imports: [RunsModule],
  providers: [ResultsRepository, ResultsExportService],
  exports: [ResultsExportService],
})
export class ResultsModule {}
