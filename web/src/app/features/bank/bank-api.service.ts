import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  BankSummaryResponse,
  ResultsPageResponse,
  UnitResultItem,
} from '@sci/shared';
import { type Observable, map } from 'rxjs';
import { toParams } from '../../core/api/params';

export interface BankQuery {
  bankCode: string;
  period: string;
  runId?: number;
}

@Injectable({ providedIn: 'root' })
export class BankApiService {
  private readonly http = inject(HttpClient);

  summary(q: BankQuery): Observable<BankSummaryResponse> {
    return this.http.get<BankSummaryResponse>(
      `/api/banks/${encodeURIComponent(q.bankCode)}/summary`,
      {
        params: toParams({ period: q.period, runId: q.runId }),
      },
    );
  }

  /**
   * The banks, as their head units in the period's results (code = bank code). There is no list
   * endpoint of banks; the head units of the results are exactly the banks that were scored.
   */
  heads(period: string, runId?: number): Observable<UnitResultItem[]> {
    return this.http
      .get<ResultsPageResponse>('/api/results', {
        params: toParams({
          period,
          runId,
          level: 'head',
          sort: 'rankLevel',
          order: 'asc',
          pageSize: 500,
        }),
      })
      .pipe(map((r) => r.items));
  }
}
