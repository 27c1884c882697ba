import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SchemeVersionEntity } from './scheme-version.entity';
import { SchemesController } from './schemes.controller';
import { SchemesRepository } from './schemes.repository';
import { SchemesService } from './schemes.service';

@Module({
  imports: [TypeOrmModule.forFeature([SchemeVersionEntity])],
  controllers: [SchemesController],
  providers: [SchemesRepository, SchemesService],
  exports: [SchemesService],
})
export class SchemesModule {}
