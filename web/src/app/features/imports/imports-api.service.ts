import { HttpClient, HttpEventType } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ImportAcceptedResponse,
  ImportBatchListResponse,
  ImportBatchResponse,
  ImportBatchSummary,
} from '@sci/shared';
import { type Observable, filter, map } from 'rxjs';
import { downloadFile } from '../../core/api/download';

/** Upload progress (0-100) until the API accepts the batch, then its id. */
export type UploadEvent =
  | { kind: 'progress'; percent: number }
  | { kind: 'accepted'; batchId: number };

@Injectable({ providedIn: 'root' })
export class ImportsApiService {
  private readonly http = inject(HttpClient);

  upload(files: File[]): Observable<UploadEvent> {
    const form = new FormData();
    for (const f of files) form.append('files', f, f.name);
    return this.http
      .post<ImportAcceptedResponse>('/api/imports', form, {
        reportProgress: true,
        observe: 'events',
      })
      .pipe(
        map((e): UploadEvent | null => {
          if (e.type === HttpEventType.UploadProgress)
            return {
              kind: 'progress',
              percent: e.total ? Math.round((100 * e.loaded) / e.total) : 0,
            };
          if (e.type === HttpEventType.Response && e.body)
            return { kind: 'accepted', batchId: e.body.batchId };
          return null;
        }),
        filter((e): e is UploadEvent => e !== null),
      );
  }

  /** The newest batches first (the API's default page of 50). */
  list(): Observable<ImportBatchSummary[]> {
    return this.http
      .get<ImportBatchListResponse>('/api/imports')
      .pipe(map((r) => r.items));
  }

  get(id: number): Observable<ImportBatchResponse> {
    return this.http.get<ImportBatchResponse>(`/api/imports/${id}`);
  }

  downloadErrors(id: number): Observable<string> {
    return downloadFile(
      this.http,
      `/api/imports/${id}/errors.csv`,
      {},
      `import-${id}-errors.csv`,
    );
  }
}
