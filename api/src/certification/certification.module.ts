import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RunsModule } from '../runs/runs.module';
import { SchemesModule } from '../schemes/schemes.module';
import { CertificationApplicationsService } from './certification-applications.service';
import { CertificationDecisionsService } from './certification-decisions.service';
import { CertificationEvaluationService } from './certification-evaluation.service';
import { CertificationExerciseService } from './certification-exercise.service';
import { CertificationController } from './certification.controller';
import { CertificationRepository } from './certification.repository';
import { DemoCertificationSeeder } from './demo-certification.seeder';
import { CertificationEvaluationEntity } from './entities/certification-evaluation.entity';
import { CertificationExerciseEntity } from './entities/certification-exercise.entity';

/** The annual certification exercise (issue 6): API, and the services the `certify` CLI and the demo seeding use. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      CertificationExerciseEntity,
      CertificationEvaluationEntity,
    ]),
    RunsModule,
    SchemesModule,
  ],
  controllers: [CertificationController],
  providers: [
    CertificationRepository,
    CertificationExerciseService,
    CertificationApplicationsService,
    CertificationEvaluationService,
    CertificationDecisionsService,
    DemoCertificationSeeder,
  ],
  exports: [
    CertificationRepository,
    CertificationEvaluationService,
    CertificationDecisionsService,
    CertificationExerciseService,
    DemoCertificationSeeder,
  ],
})
export class CertificationModule {}
