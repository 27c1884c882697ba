import { HttpClient } from '@angular/common/http';
import { Injectable, type Signal, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import {
  CLASS_CODES,
  type ClassCode,
  type RunResponse,
  type Scheme,
  type SchemeResponse,
} from '@sci/shared';
import { type Observable, map, shareReplay } from 'rxjs';

/** The scheme version a run used: what its maxima, weights and thresholds must be read from. */
export interface SchemeRef {
  schemeId: string;
  version: number;
}

/**
 * Scheme versions from `GET /api/schemes/:id/:version`, each fetched once per session (a version
 * is immutable, so the cache never goes stale). The web never uses a scheme of its own: every
 * weight, class maximum and threshold on screen is the one of the run being shown.
 */
@Injectable({ providedIn: 'root' })
export class SchemeStore {
  private readonly http = inject(HttpClient);
  private readonly cache = new Map<string, Observable<Scheme>>();

  get(ref: SchemeRef): Observable<Scheme> {
    const key = `${ref.schemeId}|${ref.version}`;
    let s = this.cache.get(key);
    if (!s) {
      s = this.http
        .get<SchemeResponse>(
          `/api/schemes/${encodeURIComponent(ref.schemeId)}/${ref.version}`,
        )
        .pipe(
          map((r) => r.params),
          shareReplay({ bufferSize: 1, refCount: false }),
        );
      this.cache.set(key, s);
    }
    return s;
  }
}

/** The class weights (points) of a scheme. */
export function classWeights(scheme: Scheme): Record<ClassCode, number> {
  return Object.fromEntries(
    CLASS_CODES.map((k) => [k, scheme.classes[k].weight]),
  ) as Record<ClassCode, number>;
}

/**
 * The scheme of the run a page shows, as a signal (null until both are loaded). Call in an
 * injection context (a component field initialiser).
 */
export function runScheme(
  run: () => Pick<RunResponse, 'schemeId' | 'schemeVersion'> | null | undefined,
): Signal<Scheme | null> {
  const store = inject(SchemeStore);
  const res = rxResource({
    params: () => {
      const r = run();
      return r ? { schemeId: r.schemeId, version: r.schemeVersion } : undefined;
    },
    stream: ({ params }) => store.get(params),
  });
  return computed(() => (res.hasValue() ? (res.value() ?? null) : null));
}
