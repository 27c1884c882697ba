import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AuditPageResponse,
  CreateSchemeRequest,
  CreateUserRequest,
  SchemeListResponse,
  SchemeResponse,
  SchemeSummary,
  UserListResponse,
  UserResponse,
} from '@sci/shared';
import { type Observable, map } from 'rxjs';
import { toParams } from '../../core/api/params';

export interface AuditQuery {
  actor?: string;
  action?: string;
  outcome?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

@Injectable({ providedIn: 'root' })
export class AdminApiService {
  private readonly http = inject(HttpClient);

  users(): Observable<UserResponse[]> {
    return this.http
      .get<UserListResponse>('/api/users')
      .pipe(map((r) => r.items));
  }

  createUser(req: CreateUserRequest): Observable<UserResponse> {
    return this.http.post<UserResponse>('/api/users', req);
  }

  setDisabled(id: number, disabled: boolean): Observable<UserResponse> {
    return this.http.post<UserResponse>(
      `/api/users/${id}/${disabled ? 'disable' : 'enable'}`,
      {},
    );
  }

  resetPassword(id: number, password: string): Observable<UserResponse> {
    return this.http.post<UserResponse>(`/api/users/${id}/reset-password`, {
      password,
    });
  }

  schemes(): Observable<SchemeSummary[]> {
    return this.http
      .get<SchemeListResponse>('/api/schemes')
      .pipe(map((r) => r.items));
  }

  scheme(id: string, version: number): Observable<SchemeResponse> {
    return this.http.get<SchemeResponse>(
      `/api/schemes/${encodeURIComponent(id)}/${version}`,
    );
  }

  createScheme(req: CreateSchemeRequest): Observable<SchemeResponse> {
    return this.http.post<SchemeResponse>('/api/schemes', req);
  }

  audit(q: AuditQuery): Observable<AuditPageResponse> {
    return this.http.get<AuditPageResponse>('/api/audit', {
      params: toParams(q),
    });
  }
}
