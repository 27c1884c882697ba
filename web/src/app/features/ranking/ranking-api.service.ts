import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ResultColumn,
  ResultsPageResponse,
  ResultsQuery,
} from '@sci/shared';
import type { Observable } from 'rxjs';
import { downloadFile } from '../../core/api/download';
import { toParams } from '../../core/api/params';

@Injectable({ providedIn: 'root' })
export class RankingApiService {
  private readonly http = inject(HttpClient);

  page(q: ResultsQuery): Observable<ResultsPageResponse> {
    return this.http.get<ResultsPageResponse>('/api/results', {
      params: toParams(q),
    });
  }

  /**
   * The results export (data-format.md) of the run shown, within the caller's scope; resolves to
   * the saved file name. The export endpoint takes the period and run only (it rejects list
   * filters), so the file holds every unit of the run, not just the filtered page.
   */
  export(
    q: Pick<ResultsQuery, 'period' | 'runId'>,
    format: 'csv' | 'xlsx',
  ): Observable<string> {
    return downloadFile(
      this.http,
      '/api/results/export',
      { period: q.period, runId: q.runId, format },
      `results-${q.period ?? 'run'}.${format}`,
    );
  }

  /**
   * The board as shown (same filters and sort, every matching row, the optional columns on
   * screen) in words, in the UI language.
   */
  exportReadable(
    q: ResultsQuery,
    opts: {
      format: 'csv' | 'xlsx';
      lang: 'zh' | 'en';
      show: 'score' | 'value';
      columns: readonly ResultColumn[];
    },
  ): Observable<string> {
    const { columns, ...rest } = opts;
    // every matching row, not the page on screen
    const filters = { ...q, page: undefined, pageSize: undefined };
    // always sent, `columns=` too: no optional column shown is not "every column" (absent)
    const params = toParams({ ...filters, ...rest }).set(
      'columns',
      columns.join(','),
    );
    return downloadFile(
      this.http,
      '/api/results/export/readable',
      params,
      `results-${q.period ?? 'run'}.${opts.format}`,
    );
  }
}
