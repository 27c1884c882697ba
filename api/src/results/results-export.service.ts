import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { AccessScope } from '../core/auth/access-scope';
import { resultsExportTable } from '../exports/results-export';
import { TabularFormat, writeTable, WrittenFile } from '../exports/tabular-writer';
import { RunsService } from '../runs/runs.service';
import { readableTable } from '../exports/readable-table';
import { writeReadable } from '../exports/readable-writer';
import type { ReadableExportQueryDto } from './dto/results-query.dto';
import { ResultsRepository } from './results.repository';

/** The Results export (data-format.md) of a run, limited to the caller's scope. */
@Injectable()
export class ResultsExportService {
  constructor(
    private readonly runs: RunsService,
    private readonly results: ResultsRepository,
    private readonly audit: AuditService,
  ) {}

  /** The export of the named run, or of the period's latest published run. */
  async export(scope: AccessScope, q: { period?: string; runId?: number; format: TabularFormat }, audited = true): Promise<WrittenFile> {
    const run = await this.runs.resolveResultsRun(scope, q.period, q.runId);
    const rows = await this.results.all(run.id, scope);
    const file = await writeTable(resultsExportTable(run.period, rows), q.format);
    if (audited) {
      await this.audit.record({ scope, action: 'export.downloaded', target: `run:${run.id}`, detail: { export: 'results', period: run.period, format: q.format, rows: rows.length } });
    }
    return file;
  }

  /**
   * The board as shown: the filters and sort of GET /api/results, every matching row (not only
   * the page on screen), words and display units, headers in the reader's language.
   */
  async readable(scope: AccessScope, q: ReadableExportQueryDto): Promise<WrittenFile> {
    const run = await this.runs.resolveResultsRun(scope, q.period, q.runId);
    const filter = { level: q.level, peerGroup: q.peerGroup, bank: q.bank, city: q.city, grade: q.grade, flag: q.flag, q: q.q };
    const { rows } = await this.results.page(run.id, scope, filter, q.sort ?? null, q.order ?? 'asc', 0, Number.MAX_SAFE_INTEGER);
    const bankNames = await this.results.names([...new Set(rows.map((r) => r.bank_code))]);
    const format = q.format ?? 'xlsx';
    const table = readableTable(rows, {
      period: run.period,
      runId: run.id,
      schemeId: run.schemeId,
      schemeVersion: run.schemeVersion,
      published: run.published,
      lang: q.lang ?? 'zh',
      show: q.show ?? 'score',
      bankNames,
      columns: q.columns,
    });
    const file = await writeReadable(table, format);
    await this.audit.record({ scope, action: 'export.downloaded', target: `run:${run.id}`, detail: { export: 'results-readable', period: run.period, format, rows: rows.length, columns: q.columns ?? 'all' } });
    return file;
  }
}
