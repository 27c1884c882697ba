import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type {
  CertificationApplicationListResponse,
  CertificationApplicationResponse,
  InstitutionLevel,
} from '@sci/shared';
import { AuditService } from '../audit/audit.service';
import type { AccessScope } from '../core/auth/access-scope';
import { UnitScopeRepository } from '../core/auth/unit-scope.repository';
import { toApplicationResponse } from './certification-response';
import { CertificationRepository } from './certification.repository';
import { CreateApplicationDto } from './dto/application.dto';

/** Units that may be certified: city branches and outlets (sub-branches), not a bank's head unit. */
const APPLYING_LEVELS: InstitutionLevel[] = ['city', 'outlet'];

const FEN_PER_YUAN = 100;

/**
 * Applications (自愿申报): a bank HQ submits or withdraws them for its own units while the
 * window is open. Imported applications (applications.csv) are the same rows and count the same.
 */
@Injectable()
export class CertificationApplicationsService {
  constructor(
    private readonly repo: CertificationRepository,
    private readonly units: UnitScopeRepository,
    private readonly audit: AuditService,
  ) {}

  /** GET /api/certification/:year/applications: bank HQ its bank's, branch its subtree's, regulator all. */
  async list(
    scope: AccessScope,
    year: number,
  ): Promise<CertificationApplicationListResponse> {
    const rows = await this.repo.listApplications(year, scope);
    const units = await this.repo.unitsInScope(
      scope,
      rows.map((r) => r.institutionCode),
    );
    return {
      year,
      items: rows.map((a) =>
        toApplicationResponse(a, units.get(a.institutionCode)),
      ),
    };
  }

  /**
   * POST /api/certification/:year/applications. The unit is checked before the window so that
   * another bank's unit is a 404 whatever the exercise's state (its existence is not revealed).
   */
  async submit(
    scope: AccessScope,
    year: number,
    dto: CreateApplicationDto,
  ): Promise<CertificationApplicationResponse> {
    const code = dto.institutionCode;
    const unit = await this.units.findVisible(scope, code);
    if (!unit)
      throw new NotFoundException({
        code: 'UNIT_NOT_FOUND',
        message: 'no such unit among the units you may act for',
      });
    if (!APPLYING_LEVELS.includes(unit.level as InstitutionLevel)) {
      throw new BadRequestException({
        code: 'APPLICATION_LEVEL',
        params: { unitCode: code },
        message: `${code} is a ${unit.level} unit; only ${APPLYING_LEVELS.join(' and ')} units apply for certification`,
      });
    }
    await this.requireOpenWindow(year);
    const existing = await this.repo.getApplication(year, code);
    if (existing && existing.status === 'submitted') {
      throw new ConflictException({
        code: 'APPLICATION_EXISTS',
        params: { unitCode: code, year },
        message: `${code} already has an application for ${year} (${existing.source === 'import' ? 'imported' : `submitted by ${existing.submittedBy ?? 'unknown'}`}); withdraw it first to submit a new one`,
      });
    }
    const approvalLimitFen = Math.round(dto.approvalLimit * FEN_PER_YUAN);
    const now = new Date();
    const saved = await this.repo.saveApplication({
      year,
      institutionCode: code,
      designated: dto.designated,
      techRmCount: dto.techRmCount,
      separateCreditPlan: dto.separateCreditPlan,
      dedicatedPricing: dto.dedicatedPricing,
      independentAccounting: dto.independentAccounting,
      riskTolerance: dto.riskTolerance,
      approvalChannel: dto.approvalChannel,
      performanceAssessment: dto.performanceAssessment,
      dueDiligenceExemption: dto.dueDiligenceExemption,
      ftpDiscountBp: dto.ftpDiscountBp,
      approvalLimitFen,
      source: 'web',
      status: 'submitted',
      submittedBy: scope.user.username,
      submittedAt: now,
    });
    await this.audit.record({
      scope,
      action: 'application.submitted',
      target: `unit:${code}`,
      detail: { year, resubmitted: existing !== null },
    });
    const units = await this.repo.unitsInScope(scope, [code]);
    return toApplicationResponse(saved, units.get(code));
  }

  /** DELETE /api/certification/:year/applications/:code: withdraws (kept, status withdrawn, for the history). */
  async withdraw(
    scope: AccessScope,
    year: number,
    code: string,
  ): Promise<CertificationApplicationResponse> {
    if (!(await this.units.findVisible(scope, code))) {
      throw new NotFoundException({
        code: 'UNIT_NOT_FOUND',
        message: 'no such unit among the units you may act for',
      });
    }
    await this.requireOpenWindow(year);
    if (!(await this.repo.withdrawApplication(year, code))) {
      throw new NotFoundException({
        code: 'APPLICATION_NOT_FOUND',
        params: { unitCode: code, year },
        message: `${code} has no submitted application for ${year}`,
      });
    }
    await this.audit.record({
      scope,
      action: 'application.withdrawn',
      target: `unit:${code}`,
      detail: { year },
    });
    const [row, units] = await Promise.all([
      this.repo.getApplication(year, code),
      this.repo.unitsInScope(scope, [code]),
    ]);
    if (!row)
      throw new NotFoundException({
        code: 'APPLICATION_NOT_FOUND',
        params: { unitCode: code, year },
        message: `${code} has no application for ${year}`,
      });
    return toApplicationResponse(row, units.get(code));
  }

  private async requireOpenWindow(year: number): Promise<void> {
    const ex = await this.repo.getExercise(year);
    if (!ex || ex.status !== 'applications_open') {
      throw new ConflictException({
        code: 'WINDOW_CLOSED',
        params: { year },
        message: ex
          ? `the application window of ${year} is not open (the exercise is ${ex.status})`
          : `the application window of ${year} has not been opened`,
      });
    }
  }
}
