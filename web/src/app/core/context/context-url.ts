import {
  type DestroyRef,
  Injectable,
  effect,
  inject,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router } from '@angular/router';
import { filter } from 'rxjs';
import { ContextStore } from './context.store';

const PERIOD = /^\d{4}Q[1-4]$/;

/** The context's part of a URL: `period` always, `run` only when it is not the latest published. */
export function contextParams(
  period: string | null,
  runId: number | null,
  latest: boolean,
): { period: string | null; run: string | null } {
  return { period, run: latest || runId === null ? null : String(runId) };
}

/**
 * Period and run live in the URL of every page (issue 14: a view can be bookmarked and sent).
 * A URL that names them sets the context; a change of context writes them back (replaceUrl:
 * picking a period is not a Back step); a navigation that drops them (a page that rewrites its
 * own query) gets them back.
 */
@Injectable({ providedIn: 'root' })
export class ContextUrlSync {
  private readonly router = inject(Router);
  private readonly ctx = inject(ContextStore);
  private started = false;

  start(destroyRef: DestroyRef): void {
    if (this.started) return;
    this.started = true;
    destroyRef.onDestroy(() => (this.started = false));
    this.readUrl();
    this.router.events
      .pipe(
        filter((e) => e instanceof NavigationEnd),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe(() => {
        this.readUrl();
        this.writeUrl();
      });
    // called from the shell's constructor: the effect lives as long as the shell
    effect(() => {
      this.ctx.period();
      this.ctx.runId();
      this.ctx.isLatestPublished();
      untracked(() => this.writeUrl());
    });
  }

  private query(): Record<string, string | undefined> {
    return this.router.parseUrl(this.router.url).queryParams as Record<
      string,
      string | undefined
    >;
  }

  private readUrl(): void {
    const q = this.query();
    const period = q['period'];
    if (period && PERIOD.test(period) && period !== this.ctx.period())
      this.ctx.selectPeriod(period);
    const run = q['run'] ? Number(q['run']) : null;
    if (
      run !== null &&
      Number.isInteger(run) &&
      run > 0 &&
      run !== this.ctx.runId()
    )
      this.ctx.selectRun(run);
  }

  private writeUrl(): void {
    const want = contextParams(
      this.ctx.period(),
      this.ctx.runId(),
      this.ctx.isLatestPublished(),
    );
    if (!want.period) return;
    const q = this.query();
    if (
      (q['period'] ?? null) === want.period &&
      (q['run'] ?? null) === want.run
    )
      return;
    void this.router.navigate([], {
      queryParams: want,
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }
}
