import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber, bool } from './transformers';

/** applications.csv, or an application submitted in the web (source = 'web'). */
@Entity('certification_application')
export class CertificationApplicationEntity {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @PrimaryColumn({ name: 'institution_code', type: 'varchar', length: 32 })
  institutionCode!: string;

  @Column({ type: 'smallint', transformer: bool })
  designated!: boolean;

  @Column({ name: 'tech_rm_count', type: 'int' })
  techRmCount!: number;

  @Column({ name: 'separate_credit_plan', type: 'smallint', transformer: bool })
  separateCreditPlan!: boolean;

  @Column({ name: 'dedicated_pricing', type: 'smallint', transformer: bool })
  dedicatedPricing!: boolean;

  @Column({ name: 'independent_accounting', type: 'smallint', transformer: bool })
  independentAccounting!: boolean;

  @Column({ name: 'risk_tolerance', type: 'smallint', transformer: bool })
  riskTolerance!: boolean;

  @Column({ name: 'approval_channel', type: 'smallint', transformer: bool })
  approvalChannel!: boolean;

  @Column({ name: 'performance_assessment', type: 'smallint', transformer: bool })
  performanceAssessment!: boolean;

  @Column({ name: 'due_diligence_exemption', type: 'smallint', transformer: bool })
  dueDiligenceExemption!: boolean;

  @Column({ name: 'ftp_discount_bp', type: 'int' })
  ftpDiscountBp!: number;

  @Column({ name: 'approval_limit_fen', type: 'bigint', transformer: bigintNumber })
  approvalLimitFen!: number;

  /** 'import' or 'web' */
  @Column({ type: 'varchar', length: 8, default: 'import' })
  source!: string;

  /** 'submitted' or 'withdrawn'; only submitted applications are evaluated */
  @Column({ type: 'varchar', length: 12, default: 'submitted' })
  status!: string;

  @Column({ name: 'submitted_by', type: 'varchar', length: 64, nullable: true })
  submittedBy!: string | null;

  @Column({ name: 'submitted_at', type: 'datetime', nullable: true })
  submittedAt!: Date | null;
}

/** decisions.csv: the certification register; written by the confirmation step afterwards. */
@Entity('certification_decision')
export class CertificationDecisionEntity {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @PrimaryColumn({ name: 'institution_code', type: 'varchar', length: 32 })
  institutionCode!: string;

  /** 'confirm' or 'reject' */
  @Column({ type: 'varchar', length: 8 })
  decision!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** the recommendation the regulator confirmed or rejected (null for imported history) */
  @Column({ type: 'varchar', length: 16, nullable: true })
  recommendation!: string | null;

  @Column({ type: 'varchar', length: 8, default: 'import' })
  source!: string;

  @Column({ name: 'decided_by', type: 'varchar', length: 64, nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'datetime', nullable: true })
  decidedAt!: Date | null;
}
