import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Guarantee, RiskClass } from '@sci/shared';
import { bigintNumber, bool } from './transformers';

/**
 * loans.csv: one row per loan per period (a quarterly snapshot).
 * Money in integer fen, rate in 1/10000 percent (rate 3.4500 % -> 34500), so sums are exact.
 */
@Entity('loan')
@Index('uq_loan', ['period', 'institutionCode', 'loanNo'], { unique: true })
@Index('idx_loan_period_uscc', ['period', 'uscc'])
export class LoanEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 6 })
  period!: string;

  @Column({ name: 'loan_no', type: 'varchar', length: 64 })
  loanNo!: string;

  @Column({ name: 'institution_code', type: 'varchar', length: 32 })
  institutionCode!: string;

  @Column({ type: 'varchar', length: 18 })
  uscc!: string;

  @Column({ name: 'issue_date', type: 'varchar', length: 10 })
  issueDate!: string;

  @Column({ name: 'maturity_date', type: 'varchar', length: 10 })
  maturityDate!: string;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintNumber })
  amountFen!: number;

  @Column({ name: 'balance_fen', type: 'bigint', transformer: bigintNumber })
  balanceFen!: number;

  @Column({ name: 'rate_e4', type: 'int' })
  rateE4!: number;

  @Column({ type: 'varchar', length: 16 })
  guarantee!: Guarantee;

  @Column({ name: 'risk_class', type: 'varchar', length: 16 })
  riskClass!: RiskClass;

  @Column({ name: 'first_loan', type: 'smallint', transformer: bool })
  firstLoan!: boolean;
}
