import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CertificationApplicationListResponse,
  CertificationApplicationRequest,
  CertificationApplicationResponse,
  CertificationDecisionRequest,
  CertifiedListResponse,
  EvaluationDetailResponse,
  EvaluationItem,
  EvaluationListResponse,
  ExerciseListResponse,
  ExerciseResponse,
  UnitCertificationHistoryResponse,
} from '@sci/shared';
import { type Observable, map } from 'rxjs';
import { downloadFile } from '../../core/api/download';

/** The steps a regulator moves an exercise through (POST /api/certification/:year/<step>). */
export type ExerciseStep = 'open' | 'close' | 'evaluate' | 'publish';

@Injectable({ providedIn: 'root' })
export class CertificationApiService {
  private readonly http = inject(HttpClient);
  private readonly base = '/api/certification';

  /** Newest year first. */
  exercises(): Observable<ExerciseResponse[]> {
    return this.http
      .get<ExerciseListResponse>(this.base)
      .pipe(map((r) => [...r.items].sort((a, b) => b.year - a.year)));
  }

  create(year: number): Observable<ExerciseResponse> {
    return this.http.post<ExerciseResponse>(`${this.base}/${year}`, {});
  }

  step(year: number, step: ExerciseStep): Observable<ExerciseResponse> {
    return this.http.post<ExerciseResponse>(`${this.base}/${year}/${step}`, {});
  }

  applications(year: number): Observable<CertificationApplicationResponse[]> {
    return this.http
      .get<CertificationApplicationListResponse>(
        `${this.base}/${year}/applications`,
      )
      .pipe(map((r) => r.items));
  }

  apply(
    year: number,
    req: CertificationApplicationRequest,
  ): Observable<CertificationApplicationResponse> {
    return this.http.post<CertificationApplicationResponse>(
      `${this.base}/${year}/applications`,
      req,
    );
  }

  withdraw(
    year: number,
    code: string,
  ): Observable<CertificationApplicationResponse> {
    return this.http.delete<CertificationApplicationResponse>(
      `${this.base}/${year}/applications/${encodeURIComponent(code)}`,
    );
  }

  evaluation(year: number): Observable<EvaluationListResponse> {
    return this.http.get<EvaluationListResponse>(
      `${this.base}/${year}/evaluation`,
    );
  }

  detail(year: number, code: string): Observable<EvaluationDetailResponse> {
    return this.http.get<EvaluationDetailResponse>(
      `${this.base}/${year}/evaluation/${encodeURIComponent(code)}`,
    );
  }

  decide(
    year: number,
    code: string,
    req: CertificationDecisionRequest,
  ): Observable<EvaluationItem> {
    return this.http.post<EvaluationItem>(
      `${this.base}/${year}/decisions/${encodeURIComponent(code)}`,
      req,
    );
  }

  publishedList(year: number): Observable<CertifiedListResponse> {
    return this.http.get<CertifiedListResponse>(`${this.base}/${year}/list`);
  }

  history(code: string): Observable<UnitCertificationHistoryResponse> {
    return this.http.get<UnitCertificationHistoryResponse>(
      `${this.base}/units/${encodeURIComponent(code)}`,
    );
  }

  export(year: number, format: 'csv' | 'xlsx'): Observable<string> {
    return downloadFile(
      this.http,
      `${this.base}/${year}/export`,
      { format },
      `certification-${year}.${format}`,
    );
  }
}
