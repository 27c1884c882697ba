import { HttpClient, HttpParams, HttpResponse } from '@angular/common/http';
import { toParams } from './params';
import { type Observable, map } from 'rxjs';

/**
 * Downloads a file from the API. A plain <a href> cannot carry the bearer token, so the file is
 * fetched as a blob and handed to the browser through an object URL.
 */
export function downloadFile(
  http: HttpClient,
  url: string,
  // HttpParams as they are (an empty value kept); a plain object without its empty values
  params:
    | HttpParams
    | Record<string, string | number | boolean | null | undefined>,
  fallbackName: string,
): Observable<string> {
  return http
    .get(url, {
      params: params instanceof HttpParams ? params : toParams(params),
      responseType: 'blob',
      observe: 'response',
    })
    .pipe(
      map((res: HttpResponse<Blob>) => {
        const name =
          fileNameOf(res.headers.get('Content-Disposition')) ?? fallbackName;
        saveBlob(res.body ?? new Blob([]), name);
        return name;
      }),
    );
}

/** Hands a blob to the browser as a download named `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** The file name of a Content-Disposition header (RFC 6266, filename* preferred). */
export function fileNameOf(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain filename
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain ? plain[1].trim() : null;
}
