import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  QualityBoardResponse,
  SignalsPageResponse,
  SignalsQuery,
  UnitSignalsResponse,
} from '@sci/shared';
import type { Observable } from 'rxjs';
import { downloadFile } from '../../core/api/download';
import { toParams } from '../../core/api/params';

/** The signals and quality endpoints (issue 13). */
@Injectable({ providedIn: 'root' })
export class SignalsApiService {
  private readonly http = inject(HttpClient);

  list(q: SignalsQuery): Observable<SignalsPageResponse> {
    return this.http.get<SignalsPageResponse>('/api/signals', {
      params: toParams(q),
    });
  }

  unit(
    code: string,
    q: { period: string; runId?: number },
  ): Observable<UnitSignalsResponse> {
    return this.http.get<UnitSignalsResponse>(
      `/api/units/${encodeURIComponent(code)}/signals`,
      { params: toParams(q) },
    );
  }

  /** Downloads the filtered list; resolves with the file name. */
  export(q: SignalsQuery): Observable<string> {
    const { period, runId, kind, bank, city, severity } = q;
    return downloadFile(
      this.http,
      '/api/signals/export',
      { period, runId, kind, bank, city, severity, format: 'csv' },
      `signals-${q.period ?? ''}.csv`,
    );
  }

  quality(): Observable<QualityBoardResponse> {
    return this.http.get<QualityBoardResponse>('/api/quality');
  }
}
