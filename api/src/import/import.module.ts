import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG, AppConfig } from '../core/config/app-config';
import { uploadOptions } from '../core/http/upload-options';
import { DatasetModule } from '../dataset/dataset.module';
import { DemoDatasetSeeder } from './demo-dataset.seeder';
import { ImportController } from './import.controller';
import { ImportRepository } from './import.repository';
import { ImportService } from './import.service';

/** Import of the exchange format: service (for the CLI, the demo seeder, other features) and API. */
@Module({
  imports: [
    DatasetModule,
    // uploads: size from UPLOAD_LIMIT_MB (413 beyond it), only .csv/.xlsx/.zip (415 otherwise)
    MulterModule.registerAsync({
      useFactory: (config: AppConfig) => uploadOptions(config.uploadLimit, ['.csv', '.xlsx', '.zip']),
      inject: [APP_CONFIG],
    }),
  ],
  controllers: [ImportController],
  providers: [ImportRepository, ImportService, DemoDatasetSeeder],
  exports: [ImportService, DemoDatasetSeeder],
})
export class ImportModule {}
