import { Module } from '@nestjs/common';
import { ResultsModule } from '../results/results.module';
import { PdfRenderer } from './pdf-renderer';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  imports: [ResultsModule],
  controllers: [ReportsController],
  providers: [PdfRenderer, ReportsService],
})
export class ReportsModule {}
