import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  GRADES,
  INSTITUTION_LEVELS,
  type Grade,
  type InstitutionLevel,
  type ResultsPageResponse,
  type ResultsQuery,
  type RunDiffResponse,
  type UnitResultItem,
} from '@sci/shared';
import { type Observable, EMPTY, expand, forkJoin, map, reduce } from 'rxjs';
import { toParams } from '../../core/api/params';

export interface RunRef {
  period: string;
  runId?: number;
}

export type GradeCounts = Record<
  InstitutionLevel,
  Record<Grade, number> & { total: number }
>;

const MAX_PAGE = 500;

/**
 * The overview is assembled from the results API: there is no summary endpoint yet, so each
 * figure is the smallest query that gives it (counts are `pageSize=1` totals, lists are short).
 */
@Injectable({ providedIn: 'root' })
export class OverviewApiService {
  private readonly http = inject(HttpClient);

  private page(q: ResultsQuery): Observable<ResultsPageResponse> {
    return this.http.get<ResultsPageResponse>('/api/results', {
      params: toParams(q),
    });
  }

  /** Units per level and grade, and per level in total (unscored included). */
  gradeCounts(r: RunRef): Observable<GradeCounts> {
    const cells = INSTITUTION_LEVELS.flatMap((level) => [
      ...GRADES.map((grade) =>
        this.page({ ...r, level, grade, pageSize: 1 }).pipe(
          map((p) => ({ level, grade, n: p.total })),
        ),
      ),
      this.page({ ...r, level, pageSize: 1 }).pipe(
        map((p) => ({ level, grade: 'total' as const, n: p.total })),
      ),
    ]);
    return forkJoin(cells).pipe(
      map((list) => {
        const out = Object.fromEntries(
          INSTITUTION_LEVELS.map((l) => [
            l,
            { excellent: 0, good: 0, pass: 0, improve: 0, total: 0 },
          ]),
        ) as GradeCounts;
        for (const c of list) out[c.level][c.grade] = c.n;
        return out;
      }),
    );
  }

  /** Every unit of a level (paged through; levels above outlets are a few hundred units). */
  allOfLevel(r: RunRef, level: InstitutionLevel): Observable<UnitResultItem[]> {
    const q: ResultsQuery = {
      ...r,
      level,
      sort: 'rankLevel',
      order: 'asc',
      pageSize: MAX_PAGE,
    };
    return this.page({ ...q, page: 1 }).pipe(
      expand((p) =>
        p.page * p.pageSize < p.total && p.page < 20
          ? this.page({ ...q, page: p.page + 1 })
          : EMPTY,
      ),
      reduce((all, p) => all.concat(p.items), [] as UnitResultItem[]),
    );
  }

  /** Best and worst `n` scored units of a level. */
  topBottom(
    r: RunRef,
    level: InstitutionLevel,
    n = 5,
  ): Observable<{ top: UnitResultItem[]; bottom: UnitResultItem[] }> {
    return forkJoin({
      top: this.page({
        ...r,
        level,
        sort: 'rankLevel',
        order: 'asc',
        pageSize: n,
      }).pipe(map((p) => p.items.filter((u) => u.scored))),
      // worst ranks; unscored units have no rank and are filtered out client-side
      bottom: this.page({
        ...r,
        level,
        sort: 'rankLevel',
        order: 'desc',
        pageSize: n * 4,
      }).pipe(map((p) => p.items.filter((u) => u.scored).slice(0, n))),
    });
  }

  diff(a: number, b: number): Observable<RunDiffResponse> {
    return this.http.get<RunDiffResponse>(`/api/runs/${a}/diff/${b}`);
  }
}
