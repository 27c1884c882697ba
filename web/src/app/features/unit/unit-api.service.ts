import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ExplainResponse, UnitResultDetailResponse } from '@sci/shared';
import type { Observable } from 'rxjs';
import { toParams } from '../../core/api/params';

export interface UnitQuery {
  code: string;
  period: string;
  runId?: number;
}

@Injectable({ providedIn: 'root' })
export class UnitApiService {
  private readonly http = inject(HttpClient);

  detail(q: UnitQuery): Observable<UnitResultDetailResponse> {
    return this.http.get<UnitResultDetailResponse>(
      `/api/results/${encodeURIComponent(q.code)}`,
      {
        params: toParams({ period: q.period, runId: q.runId }),
      },
    );
  }

  explain(q: UnitQuery): Observable<ExplainResponse> {
    return this.http.get<ExplainResponse>(
      `/api/results/${encodeURIComponent(q.code)}/explain`,
      {
        params: toParams({ period: q.period, runId: q.runId }),
      },
    );
  }
}
