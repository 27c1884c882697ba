import { Module } from '@nestjs/common';
import { DatasetRepository } from './dataset.repository';
import { InputDigestRepository } from './input-digest.repository';

/** The exchange-format tables' repository, for the import and for features that read them. */
@Module({
  providers: [DatasetRepository, InputDigestRepository],
  exports: [DatasetRepository, InputDigestRepository],
})
export class DatasetModule {}
