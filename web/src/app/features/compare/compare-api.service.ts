import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  EvaluationDetailResponse,
  ResultsPageResponse,
  UnitResultDetailResponse,
} from '@sci/shared';
import { type Observable, catchError, forkJoin, map, of } from 'rxjs';
import { toParams } from '../../core/api/params';
import {
  type CompareColumn,
  medianColumn,
  unitColumn,
} from './compare-columns';

export interface CompareQuery {
  codes: string[];
  period: string;
  runId?: number;
  median: boolean;
  medianLabel: string;
}

/** Reads for the compare view through the ordinary scoped endpoints (a unit the caller may not see is left out). */
@Injectable({ providedIn: 'root' })
export class CompareApiService {
  private readonly http = inject(HttpClient);

  columns(q: CompareQuery): Observable<CompareColumn[]> {
    if (!q.codes.length) return of([]);
    const year = Number(q.period.slice(0, 4));
    return forkJoin(
      q.codes.map((code) =>
        forkJoin({
          d: this.http
            .get<UnitResultDetailResponse>(
              `/api/results/${encodeURIComponent(code)}`,
              {
                params: toParams({ period: q.period, runId: q.runId }),
              },
            )
            .pipe(catchError(() => of(null))),
          // no application that year (404) or a role without certification: no checks to show
          cert: this.http
            .get<EvaluationDetailResponse>(
              `/api/certification/${year}/evaluation/${encodeURIComponent(code)}`,
            )
            .pipe(catchError(() => of(null))),
        }),
      ),
    ).pipe(
      map((rows) => {
        const cols: CompareColumn[] = [];
        for (const r of rows) if (r.d) cols.push(unitColumn(r.d, r.cert));
        const first = rows.find((r) => r.d)?.d;
        const median =
          q.median && first ? medianColumn(first, q.medianLabel) : null;
        return median ? [...cols, median] : cols;
      }),
    );
  }

  search(
    q: string,
    period: string,
  ): Observable<{ code: string; name: string }[]> {
    return this.http
      .get<ResultsPageResponse>('/api/results', {
        params: toParams({
          q,
          period,
          pageSize: 20,
          sort: 'name',
          order: 'asc',
        }),
      })
      .pipe(
        map((p) => p.items.map((i) => ({ code: i.code, name: i.name }))),
        catchError(() => of([])),
      );
  }
}
