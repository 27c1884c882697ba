import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  PeriodInfo,
  PeriodListResponse,
  RunListResponse,
  RunResponse,
} from '@sci/shared';
import { type Observable, map } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class ContextApiService {
  private readonly http = inject(HttpClient);

  /** Newest first. */
  periods(): Observable<PeriodInfo[]> {
    return this.http
      .get<PeriodListResponse>('/api/periods')
      .pipe(map((r) => r.items));
  }

  /** Newest first. */
  runs(period?: string): Observable<RunResponse[]> {
    return this.http
      .get<RunListResponse>('/api/runs', { params: period ? { period } : {} })
      .pipe(map((r) => r.items));
  }
}
