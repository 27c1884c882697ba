import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  RunDiffResponse,
  RunListResponse,
  RunResponse,
  SchemeListResponse,
  SchemeSummary,
  TriggerRunRequest,
  TriggerRunResponse,
} from '@sci/shared';
import { type Observable, map } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class RunsApiService {
  private readonly http = inject(HttpClient);

  /** Newest first. */
  list(period?: string | null): Observable<RunResponse[]> {
    return this.http
      .get<RunListResponse>('/api/runs', { params: period ? { period } : {} })
      .pipe(map((r) => r.items));
  }

  trigger(req: TriggerRunRequest): Observable<TriggerRunResponse> {
    return this.http.post<TriggerRunResponse>('/api/runs', req);
  }

  publish(id: number): Observable<RunResponse> {
    return this.http.post<RunResponse>(`/api/runs/${id}/publish`, {});
  }

  diff(a: number, b: number): Observable<RunDiffResponse> {
    return this.http.get<RunDiffResponse>(`/api/runs/${a}/diff/${b}`);
  }

  schemes(): Observable<SchemeSummary[]> {
    return this.http
      .get<SchemeListResponse>('/api/schemes')
      .pipe(map((r) => r.items));
  }
}
