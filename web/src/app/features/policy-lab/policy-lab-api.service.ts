import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateSchemeDraftRequest,
  PublishSchemeDraftRequest,
  SchemeDraftListResponse,
  SchemeDraftResponse,
  SchemeListResponse,
  SchemeResponse,
  SimulationResponse,
  UpdateSchemeDraftRequest,
} from '@sci/shared';
import type { Observable } from 'rxjs';
import { downloadFile } from '../../core/api/download';

/** /api/scheme-drafts: the policy lab (regulator and admin). */
@Injectable({ providedIn: 'root' })
export class PolicyLabApiService {
  private readonly http = inject(HttpClient);

  schemes(): Observable<SchemeListResponse> {
    return this.http.get<SchemeListResponse>('/api/schemes');
  }

  drafts(): Observable<SchemeDraftListResponse> {
    return this.http.get<SchemeDraftListResponse>('/api/scheme-drafts');
  }

  draft(id: number): Observable<SchemeDraftResponse> {
    return this.http.get<SchemeDraftResponse>(`/api/scheme-drafts/${id}`);
  }

  create(req: CreateSchemeDraftRequest): Observable<SchemeDraftResponse> {
    return this.http.post<SchemeDraftResponse>('/api/scheme-drafts', req);
  }

  update(
    id: number,
    req: UpdateSchemeDraftRequest,
  ): Observable<SchemeDraftResponse> {
    return this.http.put<SchemeDraftResponse>(`/api/scheme-drafts/${id}`, req);
  }

  simulate(id: number, period: string): Observable<SimulationResponse> {
    return this.http.post<SimulationResponse>(
      `/api/scheme-drafts/${id}/simulate`,
      { period },
    );
  }

  download(id: number, period: string): Observable<string> {
    return downloadFile(
      this.http,
      `/api/scheme-drafts/${id}/simulation.xlsx`,
      { period },
      `simulation-draft${id}-${period}.xlsx`,
    );
  }

  publish(
    id: number,
    req: PublishSchemeDraftRequest,
  ): Observable<SchemeResponse> {
    return this.http.post<SchemeResponse>(
      `/api/scheme-drafts/${id}/publish`,
      req,
    );
  }
}
