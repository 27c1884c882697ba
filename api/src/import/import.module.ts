import { Module } from '@nestjs/common';
import { DatasetModule } from '../dataset/dataset.module';
import { DemoDatasetSeeder } from './demo-dataset.seeder';
import { ImportRepository } from './import.repository';
import { ImportService } from './import.service';

/** Import of the exchange format: service (for the CLI, the demo seeder, other features) and API. */
@Module({
  imports: [DatasetModule],
  providers: [ImportRepository, ImportService, DemoDatasetSeeder],
  exports: [ImportService, DemoDatasetSeeder],
})
export class ImportModule {}
