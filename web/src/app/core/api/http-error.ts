import { HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorResponse } from '@sci/shared';
import type { I18nStore } from '../i18n/i18n.store';

/** Codes whose API message carries specifics we have no words for (which scheme rule): English only. */
const DETAILED: ReadonlySet<string> = new Set([
  'SCHEME_INVALID',
  'BAD_REQUEST',
]);

type I18nLike = Pick<I18nStore, 't' | 'has' | 'lang'>;

/**
 * A message a person can act on for any failed request, in the reader's language: the API's
 * stable code and params rendered from the shared catalog (the API's own `message` is English
 * and reaches the screen only in English mode), else a sentence for the HTTP status.
 */
export function errorMessage(err: unknown, i18n: I18nLike): string {
  if (err instanceof HttpErrorResponse) {
    if (err.status === 0) return i18n.t('common.networkError');
    const body = err.error as Partial<ApiErrorResponse> | string | null;
    const apiMsg = typeof body === 'object' && body ? body.message : undefined;
    const en = i18n.lang() === 'en';
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
      const params = typeof body === 'object' && body ? body.params : undefined;
      const text = i18n.t(`error.${code}`, params);
      return en && DETAILED.has(code) && typeof apiMsg === 'string' && apiMsg
        ? `${text} (${apiMsg})`
        : text;
    }
    if (en && typeof apiMsg === 'string' && apiMsg) return apiMsg;
    if (err.status === 401) return i18n.t('error.UNAUTHENTICATED');
    if (err.status === 403) return i18n.t('common.forbidden');
    if (err.status === 404) return i18n.t('common.notFound');
    if (err.status === 409) return i18n.t('error.CONFLICT');
    if (err.status === 429) return i18n.t('error.TOO_MANY_REQUESTS');
    if (err.status >= 500) return i18n.t('common.serverError');
    return i18n.t('error.BAD_REQUEST');
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
