import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { randomUUID } from 'crypto';
import { mkdirSync } from 'fs';
import { diskStorage } from 'multer';
import { tmpdir } from 'os';
import { join } from 'path';
import { APP_CONFIG, AppConfig } from '../core/config/app-config';
import { uploadOptions } from '../core/http/upload-options';
import { DatasetModule } from '../dataset/dataset.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LeaseEntity } from '../runs/lease.entity';
import { LeaseRepository } from '../runs/lease.repository';
import { DemoDatasetSeeder } from './demo-dataset.seeder';
import { ImportController } from './import.controller';
import { ImportRepository } from './import.repository';
import { ImportService } from './import.service';

/** Where uploads are spooled until their import has read them (then deleted). */
function uploadDir(): string {
  const dir = join(tmpdir(), 'sci-uploads');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Import of the exchange format: service (for the CLI, the demo seeder, other features) and API. */
@Module({
  imports: [
    DatasetModule,
    // the import lease lives in the runs' lease table (one import at a time across replicas)
    TypeOrmModule.forFeature([LeaseEntity]),
    // uploads: size from UPLOAD_LIMIT_MB (413 beyond it), streamed to disk (a zipped quarter is
    // ~100 MB: never held in memory); .xls/.ods pass the filter so the import refuses them by
    // name with the same words as the CLI; other types 415
    MulterModule.registerAsync({
      useFactory: (config: AppConfig) =>
        uploadOptions(config.uploadLimit, ['.csv', '.xlsx', '.zip', '.xls', '.ods'], {
          storage: diskStorage({
            destination: (_req, _file, cb) => cb(null, uploadDir()),
            filename: (_req, _file, cb) => cb(null, `upload-${process.pid}-${randomUUID()}`),
          }),
        }),
      inject: [APP_CONFIG],
    }),
  ],
  controllers: [ImportController],
  providers: [ImportRepository, ImportService, DemoDatasetSeeder, LeaseRepository],
  exports: [ImportService, DemoDatasetSeeder],
})
export class ImportModule {}
