import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { AccessScope } from '../core/auth/access-scope';
import { resultsExportTable } from '../exports/results-export';
import { TabularFormat, writeTable, WrittenFile } from '../exports/tabular-writer';
import { RunsService } from '../runs/runs.service';
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
}
