import { Module } from '@nestjs/common';
import { CertificationModule } from '../certification/certification.module';
import { ResultsModule } from '../results/results.module';
import { RunsModule } from '../runs/runs.module';
import { PdfRenderer } from './pdf-renderer';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  imports: [ResultsModule, CertificationModule, RunsModule],
  controllers: [ReportsController],
  providers: [PdfRenderer, ReportsService],
})
export class ReportsModule {}
