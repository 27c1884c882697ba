import { Module } from '@nestjs/common';
import { DatasetRepository } from './dataset.repository';

/** The exchange-format tables' repository, for the import and for features that read them. */
@Module({ providers: [DatasetRepository], exports: [DatasetRepository] })
export class DatasetModule {}
