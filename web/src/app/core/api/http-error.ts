import { HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorResponse } from '@sci/shared';
import type { I18nStore } from '../i18n/i18n.store';

/** Codes whose API message carries the specifics (which field, which rule): shown after ours. */
const DETAILED: ReadonlySet<string> = new Set([
  'BAD_VALUE',
  'SCHEME_INVALID',
  'WEAK_PASSWORD',
  'VALIDATION_FAILED',
  'BAD_REQUEST',
]);

/**
 * A message a person can act on for any failed request: our translation of the API's stable
 * error code when we have one (the API writes English), else the API's own message, else a
 * sentence for the HTTP status.
 */
export function errorMessage(
  err: unknown,
  i18n: Pick<I18nStore, 't' | 'has'>,
): string {
  if (err instanceof HttpErrorResponse) {
    if (err.status === 0) return i18n.t('common.networkError');
    const body = err.error as Partial<ApiErrorResponse> | string | null;
    const apiMsg = typeof body === 'object' && body ? body.message : undefined;
    // Nest's own 404 for a route that does not exist yet ("Cannot GET /api/..."): say so plainly.
    if (
      err.status === 404 &&
      typeof apiMsg === 'string' &&
      apiMsg.startsWith('Cannot ')
    ) {
      return i18n.t('common.notAvailable');
    }
    const code = typeof body === 'object' && body ? body.code : undefined;
    if (code && i18n.has(`error.${code}`)) {
      const text = i18n.t(`error.${code}`);
      return DETAILED.has(code) && typeof apiMsg === 'string' && apiMsg
        ? `${text}（${apiMsg}）`
        : text;
    }
    if (typeof apiMsg === 'string' && apiMsg) return apiMsg;
    if (Array.isArray(apiMsg)) return (apiMsg as string[]).join('; ');
    if (err.status === 403) return i18n.t('common.forbidden');
    if (err.status === 404) return i18n.t('common.notFound');
    if (err.status >= 500) return i18n.t('common.serverError');
    return err.message;
  }
  if (err instanceof Error) {
    // rxResource wraps a loader's error; unwrap to reach the HttpErrorResponse.
    const cause = (err as Error & { cause?: unknown }).cause;
    if (cause && cause !== err) return errorMessage(cause, i18n);
    return err.message;
  }
  return String(err);
}

/** The API's stable error code, when the response carried one. */
export function errorCode(err: unknown): string | null {
  const e =
    err instanceof HttpErrorResponse
      ? err
      : (err as { cause?: unknown } | null)?.cause;
  if (
    e instanceof HttpErrorResponse &&
    e.error &&
    typeof e.error === 'object'
  ) {
    return (e.error as Partial<ApiErrorResponse>).code ?? null;
  }
  return null;
}

/** The HTTP status of a failed request (0 for network errors), or null. */
export function errorStatus(err: unknown): number | null {
  const e =
    err instanceof HttpErrorResponse
      ? err
      : (err as { cause?: unknown } | null)?.cause;
  return e instanceof HttpErrorResponse ? e.status : null;
}
