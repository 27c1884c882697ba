import { Injectable, NotFoundException } from '@nestjs/common';
import type { EvaluationDetailResponse, EvaluationItem } from '@sci/shared';
import JSZip from 'jszip';
import { AuditService } from '../audit/audit.service';
import { CertificationEvaluationService } from '../certification/certification-evaluation.service';
import type { AccessScope } from '../core/auth/access-scope';
import type { UnitResultQueryDto } from '../results/dto/results-query.dto';
import { ExplainService } from '../results/explain.service';
import { ResultsRepository } from '../results/results.repository';
import { ResultsService } from '../results/results.service';
import { bankReportDoc } from './bank-report';
import { certificationListDoc } from './certification-list-report';
import { CertificationDecisionsService } from '../certification/certification-decisions.service';
import { provinceReportDoc, type ProvinceUnit } from './province-report';
import { RunsService } from '../runs/runs.service';
import { toRunResponse } from '../runs/run-response';
import { gradeOf } from '../runs/run-result-row';
import { shiftPeriod, type InstitutionLevel } from '@sci/shared';
import { PdfRenderer } from './pdf-renderer';
import type { ReportLang } from './report-text';
import { unitReportDoc } from './unit-report';

export interface ReportFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

const PDF = 'application/pdf';

/**
 * PDF reports of a run, through the same scoped services as the screens (a caller gets a report
 * of exactly what it may see). Rendering happens in PdfRenderer's worker thread.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly explainer: ExplainService,
    private readonly results: ResultsService,
    private readonly repo: ResultsRepository,
    private readonly pdf: PdfRenderer,
    private readonly audit: AuditService,
    private readonly certification: CertificationEvaluationService,
    private readonly runs: RunsService,
    private readonly decisions: CertificationDecisionsService,
  ) {}

  /** The published certification list of a year (in the caller's scope) as a document. */
  async certificationList(
    scope: AccessScope,
    year: number,
    lang: ReportLang,
  ): Promise<ReportFile> {
    const list = await this.decisions.publishedList(scope, year);
    if (!list.published) {
      throw new NotFoundException({
        code: 'CERTIFICATION_LIST_NOT_PUBLISHED',
        params: { year },
        message: `the certification list of ${year} is not published`,
      });
    }
    const body = await this.pdf.render(
      certificationListDoc(list, lang, new Date()),
    );
    return {
      filename: `certification-list-${year}.pdf`,
      contentType: PDF,
      body,
    };
  }

  /** The regulator's province report of a run: distribution, cities, top and bottom, movements. */
  async provinceReport(
    scope: AccessScope,
    q: UnitResultQueryDto,
    lang: ReportLang,
  ): Promise<ReportFile> {
    const run = await this.runs.resolveResultsRun(scope, q.period, q.runId);
    const rows = await this.repo.all(run.id, scope);
    const units: ProvinceUnit[] = rows
      .filter((r) => r.scored === 1)
      .map((r) => ({
        code: r.code,
        name: r.name,
        level: r.level as InstitutionLevel,
        regionCode: r.region_code,
        composite: r.composite,
        grade: gradeOf(r.grade),
        rankLevel: r.rank_level,
      }));
    const prev = (await this.runs.latestPublished()).get(
      shiftPeriod(run.period, 1),
    );
    const movement = prev
      ? await this.results.diff(scope, prev.id, run.id)
      : null;
    const body = await this.pdf.render(
      provinceReportDoc(
        {
          run: toRunResponse(run),
          units,
          movement: movement
            ? { previous: movement.a, units: movement.units }
            : null,
        },
        lang,
        new Date(),
      ),
    );
    await this.audit.record({
      scope,
      action: 'export.downloaded',
      target: `run:${run.id}`,
      detail: { export: 'province-report', period: run.period },
    });
    return {
      filename: `report-province-${run.period}.pdf`,
      contentType: PDF,
      body,
    };
  }

  /** The unit's certification evaluation of the period's year; null when there is none (or none it may see). */
  private async cert(
    scope: AccessScope,
    code: string,
    period: string,
  ): Promise<{ year: number; detail: EvaluationDetailResponse | null }> {
    const year = Number(period.slice(0, 4));
    try {
      return {
        year,
        detail: await this.certification.detail(scope, year, code),
      };
    } catch (e) {
      if (e instanceof NotFoundException) return { year, detail: null };
      throw e;
    }
  }

  /** The year's certification evaluations of the bank's units, by code (empty when the year has none). */
  private async readiness(
    scope: AccessScope,
    codes: string[],
    period: string,
  ): Promise<Map<string, EvaluationItem>> {
    const wanted = new Set(codes);
    try {
      const list = await this.certification.list(
        scope,
        Number(period.slice(0, 4)),
      );
      return new Map(
        list.items
          .filter((i) => wanted.has(i.institutionCode))
          .map((i) => [i.institutionCode, i]),
      );
    } catch (e) {
      if (e instanceof NotFoundException) return new Map();
      throw e;
    }
  }

  async unitReport(
    scope: AccessScope,
    code: string,
    q: UnitResultQueryDto,
    lang: ReportLang,
  ): Promise<ReportFile> {
    const e = await this.explainer.explain(scope, code, q);
    const bankName =
      (await this.repo.names([e.bankCode])).get(e.bankCode) ?? e.bankCode;
    const body = await this.pdf.render(
      unitReportDoc(
        e,
        bankName,
        lang,
        new Date(),
        await this.cert(scope, code, e.run.period),
      ),
    );
    await this.audit.record({
      scope,
      action: 'export.downloaded',
      target: `run:${e.run.id}`,
      detail: { export: 'unit-report', unit: code, period: e.run.period },
    });
    return {
      filename: `report-${code}-${e.run.period}.pdf`,
      contentType: PDF,
      body,
    };
  }

  async bankReport(
    scope: AccessScope,
    bankCode: string,
    q: UnitResultQueryDto,
    lang: ReportLang,
  ): Promise<ReportFile> {
    const b = await this.results.bankSummary(scope, bankCode, q);
    const ready = await this.readiness(
      scope,
      b.units.map((u) => u.code),
      b.run.period,
    );
    const body = await this.pdf.render(
      bankReportDoc(b, lang, new Date(), ready),
    );
    return {
      filename: `report-${bankCode}-${b.run.period}.pdf`,
      contentType: PDF,
      body,
    };
  }

  /** One zip per bank: the bank report and every unit's report of the run. */
  async bankBatch(
    scope: AccessScope,
    bankCode: string,
    q: UnitResultQueryDto,
    lang: ReportLang,
  ): Promise<ReportFile & { count: number }> {
    const b = await this.results.bankSummary(scope, bankCode, q);
    const now = new Date();
    const runQ = { runId: b.run.id };
    const zip = new JSZip();
    const ready = await this.readiness(
      scope,
      b.units.map((u) => u.code),
      b.run.period,
    );
    const rendering: Promise<void>[] = [
      this.pdf
        .render(bankReportDoc(b, lang, now, ready))
        .then((pdf) => void zip.file(`${bankCode}-${b.run.period}.pdf`, pdf)),
    ];
    // the reads stay sequential (one DB connection's worth); rendering overlaps them in the worker pool
    try {
      for (const u of b.units) {
        const e = await this.explainer.explain(scope, u.code, runQ);
        const cert = await this.cert(scope, u.code, b.run.period);
        rendering.push(
          this.pdf
            .render(unitReportDoc(e, b.bankName, lang, now, cert))
            .then(
              (pdf) =>
                void zip.file(`units/${u.code}-${b.run.period}.pdf`, pdf),
            ),
        );
      }
    } finally {
      // never leave a render's rejection unhandled when a read fails half-way
      await Promise.allSettled(rendering);
    }
    await Promise.all(rendering);
    const body = await zip.generateAsync({
      type: 'nodebuffer',
      compression: 'STORE',
    });
    await this.audit.record({
      scope,
      action: 'export.downloaded',
      target: `run:${b.run.id}`,
      detail: { export: 'bank-reports', bank: bankCode, units: b.units.length },
    });
    return {
      filename: `reports-${bankCode}-${b.run.period}.zip`,
      contentType: 'application/zip',
      body,
      count: b.units.length + 1,
    };
  }
}
