import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DraftsController } from './drafts.controller';
import { DraftsRepository } from './drafts.repository';
import { DraftsService } from './drafts.service';
import { SchemeDraftEntity } from './scheme-draft.entity';
import { SchemeVersionEntity } from './scheme-version.entity';
import { SchemesController } from './schemes.controller';
import { SchemesRepository } from './schemes.repository';
import { SchemesService } from './schemes.service';

@Module({
  imports: [TypeOrmModule.forFeature([SchemeVersionEntity, SchemeDraftEntity])],
  controllers: [SchemesController, DraftsController],
  providers: [SchemesRepository, SchemesService, DraftsRepository, DraftsService],
  exports: [SchemesService, DraftsService],
})
export class SchemesModule {}
