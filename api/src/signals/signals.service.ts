import {
  ConflictException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import {
  changePct,
  qualityMarks,
  shiftPeriod,
  signalParamsOf,
  SIGNAL_KINDS,
  type QualityBoardResponse,
  type QualityCell,
  type SignalKind,
  type SignalsComputedResponse,
  type SignalsPageResponse,
  type UnitSignalsResponse,
} from '@sci/shared';
import { AuditService } from '../audit/audit.service';
import type { AccessScope } from '../core/auth/access-scope';
import { UnitScopeRepository } from '../core/auth/unit-scope.repository';
import {
  writeTable,
  type TabularFormat,
  type WrittenFile,
} from '../exports/tabular-writer';
import { toRunResponse } from '../runs/run-response';
import type { ScoringRunEntity } from '../runs/scoring-run.entity';
import { RunsService } from '../runs/runs.service';
import { SchemesService } from '../schemes/schemes.service';
import {
  SignalsExportQueryDto,
  SignalsFilterDto,
  SignalsQueryDto,
} from './dto/signals-query.dto';
import { SignalDataRepository } from './signal-data.repository';
import { SignalsComputer } from './signals-computer';
import { signalsExportTable } from './signals-export';
import { SignalFilter, SignalsRepository } from './signals.repository';

const DEFAULT_PAGE_SIZE = 50;

/** Integrity signals and the quality board, read through the caller's scope. */
@Injectable()
export class SignalsService {
  constructor(
    private readonly runs: RunsService,
    private readonly signals: SignalsRepository,
    private readonly data: SignalDataRepository,
    private readonly units: UnitScopeRepository,
    private readonly schemes: SchemesService,
    private readonly audit: AuditService,
    private readonly computer: SignalsComputer,
  ) {}

  /** The run to read: named or latest published; 409 when its signals were never computed. */
  private async run(
    scope: AccessScope,
    period?: string,
    runId?: number,
  ): Promise<ScoringRunEntity> {
    const run = await this.runs.resolveResultsRun(scope, period, runId);
    if (!(await this.signals.computed(run.id))) {
      throw new ConflictException({
        code: 'SIGNALS_NOT_COMPUTED',
        params: { id: run.id },
        message: `run ${run.id} has no signals computed; run the period again to compute them`,
      });
    }
    return run;
  }

  private filterOf(q: SignalsFilterDto): SignalFilter {
    return { kind: q.kind, bank: q.bank, city: q.city, severity: q.severity };
  }

  async recompute(
    scope: AccessScope,
    runId: number,
  ): Promise<SignalsComputedResponse> {
    const run = await this.runs.getVisible(scope, runId);
    if (run.status !== 'succeeded') {
      throw new ConflictException({
        code: 'RUN_NOT_SUCCEEDED',
        params: { id: runId },
        message: `run ${runId} is ${run.status}; it has no results`,
      });
    }
    const { scheme } = await this.schemes.resolve(
      run.schemeId,
      run.schemeVersion,
    );
    const r = await this.computer.computeForRun(run.id, run.period, scheme);
    return {
      runId: run.id,
      period: run.period,
      signalCount: r.signals,
      durationMs: r.durationMs,
    };
  }

  async list(
    scope: AccessScope,
    q: SignalsQueryDto,
  ): Promise<SignalsPageResponse> {
    const run = await this.run(scope, q.period, q.runId);
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? DEFAULT_PAGE_SIZE;
    const f = this.filterOf(q);
    const sort = q.sort ?? 'severity';
    const order =
      q.order ??
      (sort === 'code' || sort === 'kind' || sort === 'severity'
        ? 'asc'
        : 'desc');
    const [{ rows, total }, counts] = await Promise.all([
      this.signals.page(
        run.id,
        scope,
        f,
        sort,
        order,
        (page - 1) * pageSize,
        pageSize,
      ),
      this.signals.countByKind(run.id, scope, f),
    ]);
    const byKind = Object.fromEntries(
      SIGNAL_KINDS.map((k) => [k, counts.get(k) ?? 0]),
    ) as Record<SignalKind, number>;
    return {
      run: toRunResponse(run),
      items: rows,
      total,
      page,
      pageSize,
      byKind,
    };
  }

  /** A unit's signals with their driving rows; 404 when the unit is out of scope or unknown. */
  async unit(
    scope: AccessScope,
    code: string,
    q: SignalsFilterDto,
  ): Promise<UnitSignalsResponse> {
    if (!(await this.units.isVisible(scope, code))) {
      throw new NotFoundException({
        code: 'UNIT_NOT_FOUND',
        message: 'this unit does not exist, or you may not see it',
      });
    }
    const run = await this.run(scope, q.period, q.runId);
    return {
      run: toRunResponse(run),
      code,
      items: await this.signals.details(run.id, scope, {
        ...this.filterOf(q),
        code,
      }),
    };
  }

  async export(
    scope: AccessScope,
    q: SignalsExportQueryDto,
  ): Promise<WrittenFile> {
    const run = await this.run(scope, q.period, q.runId);
    const rows = await this.signals.details(run.id, scope, this.filterOf(q));
    const format: TabularFormat = q.format ?? 'csv';
    const file = await writeTable(signalsExportTable(run.period, rows), format);
    await this.audit.record({
      scope,
      action: 'export.downloaded',
      target: `run:${run.id}`,
      detail: {
        export: 'signals',
        period: run.period,
        format,
        rows: rows.length,
      },
    });
    return file;
  }

  /**
   * Banks × periods with published runs: completeness figures of each bank, the change against
   * its previous quarter, and the cells that cross the quality thresholds of the default scheme.
   */
  async quality(scope: AccessScope): Promise<QualityBoardResponse> {
    const published = await this.runs.latestPublished();
    const stats = await this.signals.qualityStats(
      [...published.values()].map((r) => r.id),
      scope,
    );
    const params = signalParamsOf(
      (await this.schemes.resolve()).scheme,
    ).quality;
    const names = new Map(
      (await this.data.units()).map((u) => [u.code, u.name]),
    );
    const byKey = new Map(stats.map((s) => [`${s.bankCode}|${s.period}`, s]));
    const cells: QualityCell[] = stats.map((s) => {
      const prev = byKey.get(`${s.bankCode}|${shiftPeriod(s.period, 1)}`);
      const base: Omit<QualityCell, 'marks'> = {
        period: s.period,
        bankCode: s.bankCode,
        bankName: names.get(s.bankCode) ?? s.bankCode,
        rows: s.rows,
        balanceFen: s.balanceFen,
        techBalanceFen: s.techFen,
        techSharePct:
          s.balanceFen > 0 ? (100 * s.techFen) / s.balanceFen : null,
        borrowers: s.borrowers,
        borrowersMissingAttributes: s.borrowersMissing,
        units: s.units,
        unitsWithoutRows: s.unitsWithoutRows,
        unitsWithoutQualitative: s.unitsWithoutQualitative,
        change: {
          rows: changePct(s.rows, prev?.rows),
          balance: changePct(s.balanceFen, prev?.balanceFen),
          techBalance: changePct(s.techFen, prev?.techFen),
        },
      };
      return { ...base, marks: qualityMarks(base, params) };
    });
    return {
      periods: [...new Set(stats.map((s) => s.period))].sort().reverse(),
      cells,
      thresholds: {
        balanceChangePct: params.balance_change_pct,
        techBalanceChangePct: params.tech_balance_change_pct,
        rowsChangePct: params.rows_change_pct,
        missingAttributesPct: params.missing_attributes_pct,
      },
    };
  }
}
