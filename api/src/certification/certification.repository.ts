import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ApplicationRow, ExerciseStatus, UnitResult } from '@sci/shared';
import { DataSource, EntityManager, In } from 'typeorm';
import type { AccessScope } from '../core/auth/access-scope';
import {
  scopeUnitCondition,
  scopeUnitConditionRaw,
} from '../core/auth/scope-sql';
import {
  CertificationApplicationEntity,
  CertificationDecisionEntity,
} from '../dataset/entities/certification-register.entity';
import { CertificationEvaluationEntity } from './entities/certification-evaluation.entity';
import { CertificationExerciseEntity } from './entities/certification-exercise.entity';
import { StoredRunRow, unitResultOf } from './stored-result';

/** A unit as certification lists show it, with its bank's name. */
export interface UnitInfoRow {
  code: string;
  name: string;
  level: string;
  bankCode: string;
  bankName: string;
  regionCode: string;
}

export type ExercisePatch = Partial<Omit<CertificationExerciseEntity, 'year'>>;

/** Rows per INSERT of evaluations: 16 columns x 200 rows stays below every placeholder limit. */
const INSERT_CHUNK = 200;

/**
 * The exercise, the stored evaluation, and the certification register (applications and
 * decisions, tables of the dataset that the import also writes). Lists go through the caller's
 * scope; the evaluation reads run results without scope (it is the regulator's computation).
 */
@Injectable()
export class CertificationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get exercises() {
    return this.dataSource.getRepository(CertificationExerciseEntity);
  }

  private get applications() {
    return this.dataSource.getRepository(CertificationApplicationEntity);
  }

  private get decisions() {
    return this.dataSource.getRepository(CertificationDecisionEntity);
  }

  private get evaluations() {
    return this.dataSource.getRepository(CertificationEvaluationEntity);
  }

  // --- exercise --------------------------------------------------------------------------

  getExercise(year: number): Promise<CertificationExerciseEntity | null> {
    return this.exercises.findOne({ where: { year } });
  }

  listExercises(): Promise<CertificationExerciseEntity[]> {
    return this.exercises.find({ order: { year: 'DESC' } });
  }

  /** Years with a stored exercise, and their status (for the register's "published" rule). */
  async exerciseStatuses(): Promise<Map<number, ExerciseStatus>> {
    const rows = await this.exercises.find({
      select: { year: true, status: true },
    });
    return new Map(rows.map((r) => [r.year, r.status]));
  }

  createExercise(
    e: CertificationExerciseEntity,
  ): Promise<CertificationExerciseEntity> {
    return this.exercises.save(this.exercises.create(e));
  }

  /**
   * Moves an exercise on only while it is in one of `from` (compare-and-set, so two regulators
   * clicking at once cannot both pass a step). False when its status was not one of them.
   */
  async transition(
    year: number,
    from: ExerciseStatus[],
    patch: ExercisePatch,
    m: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const r = await m
      .createQueryBuilder()
      .update(CertificationExerciseEntity)
      .set(patch)
      .where('year = :year AND status IN (:...from)', { year, from })
      .execute();
    return r.affected === 1;
  }

  // --- applications ----------------------------------------------------------------------

  getApplication(
    year: number,
    code: string,
  ): Promise<CertificationApplicationEntity | null> {
    return this.applications.findOne({
      where: { year, institutionCode: code },
    });
  }

  /** Applications of a year in the caller's scope (withdrawn ones too), by code. */
  listApplications(
    year: number,
    scope: AccessScope,
  ): Promise<CertificationApplicationEntity[]> {
    const s = scopeUnitCondition(scope, 'a.institution_code');
    return this.applications
      .createQueryBuilder('a')
      .where('a.year = :year', { year })
      .andWhere(s.sql, s.params)
      .orderBy('a.institution_code', 'ASC')
      .getMany();
  }

  /** Submitted applications of these years, as the engine reads them. */
  async submittedApplications(years: number[]): Promise<ApplicationRow[]> {
    const rows = await this.applications.find({
      where: { year: In(years), status: 'submitted' },
    });
    return rows.map((a) => ({
      year: a.year,
      institutionCode: a.institutionCode,
      designated: a.designated,
      techRmCount: a.techRmCount,
      separateCreditPlan: a.separateCreditPlan,
      dedicatedPricing: a.dedicatedPricing,
      independentAccounting: a.independentAccounting,
      riskTolerance: a.riskTolerance,
      approvalChannel: a.approvalChannel,
      performanceAssessment: a.performanceAssessment,
      dueDiligenceExemption: a.dueDiligenceExemption,
      ftpDiscountBp: a.ftpDiscountBp,
      approvalLimitFen: a.approvalLimitFen,
    }));
  }

  /** Inserts or replaces (a withdrawn one) the application of (year, unit). */
  saveApplication(
    a: CertificationApplicationEntity,
  ): Promise<CertificationApplicationEntity> {
    return this.applications.save(this.applications.create(a));
  }

  /** Marks a submitted application withdrawn (who and when: the audit log); false when there was none. */
  async withdrawApplication(year: number, code: string): Promise<boolean> {
    const r = await this.applications.update(
      { year, institutionCode: code, status: 'submitted' },
      { status: 'withdrawn' },
    );
    return r.affected === 1;
  }

  /** (status, count) of a year's applications in scope. */
  async applicationCounts(
    year: number,
    scope: AccessScope,
  ): Promise<Map<string, number>> {
    const s = scopeUnitConditionRaw(scope, 'institution_code');
    const rows: { status: string; n: number | string }[] =
      await this.dataSource.query(
        `SELECT status, COUNT(*) AS n FROM certification_application WHERE year = ? AND ${s.sql} GROUP BY status`,
        [year, ...s.params],
      );
    return new Map(rows.map((r) => [r.status, Number(r.n)]));
  }

  // --- decisions (the register) ----------------------------------------------------------

  /** Units with a confirm decision for the year: "certified" that year. */
  async confirmedCodes(year: number): Promise<string[]> {
    const rows = await this.decisions.find({
      select: { institutionCode: true },
      where: { year, decision: 'confirm' },
    });
    return rows.map((r) => r.institutionCode).sort();
  }

  getDecision(
    year: number,
    code: string,
  ): Promise<CertificationDecisionEntity | null> {
    return this.decisions.findOne({ where: { year, institutionCode: code } });
  }

  listDecisions(
    year: number,
    scope: AccessScope,
  ): Promise<CertificationDecisionEntity[]> {
    const s = scopeUnitCondition(scope, 'd.institution_code');
    return this.decisions
      .createQueryBuilder('d')
      .where('d.year = :year', { year })
      .andWhere(s.sql, s.params)
      .getMany();
  }

  /** Years the register has decisions for. */
  async decisionYears(): Promise<number[]> {
    const rows: { year: number | string }[] = await this.dataSource.query(
      'SELECT DISTINCT year FROM certification_decision',
    );
    return rows.map((r) => Number(r.year)).sort((a, b) => a - b);
  }

  countDecisions(year: number): Promise<number> {
    return this.decisions.count({ where: { year } });
  }

  /**
   * Writes one decision and, in the same transaction, whatever else must not be separated from
   * it (the audit entry, the exercise reaching `decided`).
   */
  async saveDecision(
    d: CertificationDecisionEntity,
    alongside: (m: EntityManager) => Promise<void>,
  ): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m
        .getRepository(CertificationDecisionEntity)
        .save(m.getRepository(CertificationDecisionEntity).create(d));
      await alongside(m);
    });
  }

  /** Codes evaluated for the year that have no decision yet. */
  async undecidedCodes(
    year: number,
    m: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    const rows: { code: string }[] = await m.query(
      `SELECT e.institution_code AS code FROM certification_evaluation e
       LEFT JOIN certification_decision d ON d.year = e.year AND d.institution_code = e.institution_code
       WHERE e.year = ? AND d.institution_code IS NULL ORDER BY e.institution_code`,
      [year],
    );
    return rows.map((r) => r.code);
  }

  // --- evaluation ------------------------------------------------------------------------

  /** Replaces the stored evaluation of a year and moves the exercise on, in one transaction. */
  async replaceEvaluation(
    year: number,
    rows: CertificationEvaluationEntity[],
    from: ExerciseStatus[],
    patch: ExercisePatch,
  ): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      if (!(await this.transition(year, from, patch, m))) return false;
      await m.getRepository(CertificationEvaluationEntity).delete({ year });
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        await m
          .getRepository(CertificationEvaluationEntity)
          .insert(rows.slice(i, i + INSERT_CHUNK));
      }
      return true;
    });
  }

  listEvaluations(
    year: number,
    scope: AccessScope,
  ): Promise<CertificationEvaluationEntity[]> {
    const s = scopeUnitCondition(scope, 'e.institution_code');
    return this.evaluations
      .createQueryBuilder('e')
      .where('e.year = :year', { year })
      .andWhere(s.sql, s.params)
      .orderBy('e.institution_code', 'ASC')
      .getMany();
  }

  /** Every evaluation of a year, for the export (already scope-filtered by listEvaluations when served). */
  getEvaluation(
    year: number,
    code: string,
  ): Promise<CertificationEvaluationEntity | null> {
    return this.evaluations.findOne({ where: { year, institutionCode: code } });
  }

  // --- a unit across years ---------------------------------------------------------------

  async historyOf(code: string): Promise<{
    applications: CertificationApplicationEntity[];
    evaluations: CertificationEvaluationEntity[];
    decisions: CertificationDecisionEntity[];
  }> {
    const [applications, evaluations, decisions] = await Promise.all([
      this.applications.find({ where: { institutionCode: code } }),
      this.evaluations.find({ where: { institutionCode: code } }),
      this.decisions.find({ where: { institutionCode: code } }),
    ]);
    return { applications, evaluations, decisions };
  }

  // --- units and run results -------------------------------------------------------------

  /** Units in the caller's scope (optionally only these codes), with their bank's name. */
  async unitsInScope(
    scope: AccessScope,
    codes?: string[],
  ): Promise<Map<string, UnitInfoRow>> {
    if (codes && !codes.length) return new Map();
    const s = scopeUnitConditionRaw(scope, 'u.code');
    const only = codes
      ? ` AND u.code IN (${codes.map(() => '?').join(',')})`
      : '';
    const rows: {
      code: string;
      name: string;
      level: string;
      bank_code: string;
      bank_name: string | null;
      region_code: string;
    }[] = await this.dataSource.query(
      `SELECT u.code, u.name, u.level, u.bank_code, b.name AS bank_name, u.region_code
       FROM institution u LEFT JOIN institution b ON b.code = u.bank_code
       WHERE ${s.sql}${only}`,
      [...s.params, ...(codes ?? [])],
    );
    return new Map(
      rows.map((r) => [
        r.code,
        {
          code: r.code,
          name: r.name,
          level: r.level,
          bankCode: r.bank_code,
          bankName: r.bank_name ?? r.bank_code,
          regionCode: r.region_code,
        },
      ]),
    );
  }

  /** Every unit's result of a run (scored or not), as the engine's UnitResult. */
  async unitResultsOfRun(runId: number): Promise<UnitResult[]> {
    const rows: StoredRunRow[] = await this.dataSource.query(
      'SELECT period, code, level, peer_group, bank_code, scored, composite, quantitative, qualitative, grade, rank_level, rank_peer, rank_bank, flags, detail FROM run_result WHERE run_id = ?',
      [runId],
    );
    return rows.map(unitResultOf);
  }
}
