import { CertificationApplicationEntity, CertificationDecisionEntity } from '../../dataset/entities/certification-register.entity';
import { EnterpriseEntity, QualificationEntity } from '../../dataset/entities/enterprise.entity';
import { ImportBatchEntity, ImportErrorEntity } from '../../dataset/entities/import-batch.entity';
import { InstitutionClosureEntity, InstitutionEntity } from '../../dataset/entities/institution.entity';
import { LoanEntity } from '../../dataset/entities/loan.entity';
import { InputDigestEntity } from '../../dataset/entities/input-digest.entity';
import { UserEntity } from '../../users/user.entity';
import { AuditLogEntity } from '../../audit/audit-log.entity';
import { PenaltyEntity, QualitativeScoreEntity } from '../../dataset/entities/supervision.entity';
import { SchemeVersionEntity } from '../../schemes/scheme-version.entity';
import { ScoringRunEntity } from '../../runs/scoring-run.entity';
import { LeaseEntity } from '../../runs/lease.entity';
import { CertificationExerciseEntity } from '../../certification/entities/certification-exercise.entity';
import { CertificationEvaluationEntity } from '../../certification/entities/certification-evaluation.entity';
import { SchemeDraftEntity } from '../../schemes/scheme-draft.entity';

/** Every entity, listed explicitly for the webpack bundle. Each feature appends its own. */
export const ENTITIES = [
  InstitutionEntity,
  InstitutionClosureEntity,
  EnterpriseEntity,
  QualificationEntity,
  LoanEntity,
  QualitativeScoreEntity,
  PenaltyEntity,
  CertificationApplicationEntity,
  CertificationDecisionEntity,
  ImportBatchEntity,
  ImportErrorEntity,
  UserEntity,
  AuditLogEntity,
  SchemeVersionEntity,
  ScoringRunEntity,
  LeaseEntity,
  CertificationExerciseEntity,
  CertificationEvaluationEntity,
  InputDigestEntity,
  SchemeDraftEntity,
];
