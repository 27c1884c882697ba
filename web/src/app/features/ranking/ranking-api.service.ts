import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ResultsPageResponse, ResultsQuery } from '@sci/shared';
import type { Observable } from 'rxjs';
import { downloadFile } from '../../core/api/download';

export function toParams(q: object): HttpParams {
  let p = new HttpParams();
  for (const [k, v] of Object.entries(q)) if (v !== null && v !== undefined && v !== '') p = p.set(k, String(v));
  return p;
}

@Injectable({ providedIn: 'root' })
export class RankingApiService {
  private readonly http = inject(HttpClient);

  page(q: ResultsQuery): Observable<ResultsPageResponse> {
    return this.http.get<ResultsPageResponse>('/api/results', { params: toParams(q) });
  }

  /** The current view (same filters and sort) as a file; resolves to the saved file name. */
  export(q: ResultsQuery, format: 'csv' | 'xlsx'): Observable<string> {
    const { page: _page, pageSize: _size, ...filters } = q;
    return downloadFile(this.http, '/api/results/export', { ...filters, format }, `results-${q.period ?? 'run'}.${format}`);
  }
}
