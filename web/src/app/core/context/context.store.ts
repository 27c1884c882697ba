import {
  Injectable,
  type ResourceStatus,
  computed,
  inject,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { type PeriodInfo, type RunResponse, comparePeriods } from '@sci/shared';
import { map } from 'rxjs';
import { ContextApiService } from './context-api.service';

/**
 * The period and run every page shows. Default: the latest period that has a published run, and
 * that run. A user may pick another period, or (regulator, admin) a draft run to preview it.
 */
@Injectable({ providedIn: 'root' })
export class ContextStore {
  private readonly api = inject(ContextApiService);
  private readonly active = signal(false);
  private readonly chosenPeriod = signal<string | null>(null);
  private readonly chosenRunId = signal<number | null>(null);

  /** All periods, newest first. Loaded once the shell is shown (i.e. after sign-in). */
  readonly periodsResource = rxResource({
    params: () => (this.active() ? true : undefined),
    stream: () =>
      this.api
        .periods()
        .pipe(
          map((ps) =>
            [...ps].sort((a, b) => comparePeriods(b.period, a.period)),
          ),
        ),
  });

  /** true until the periods are known: pages show a spinner, not an empty state, meanwhile */
  readonly loading = computed(
    () => !this.active() || this.periodsResource.isLoading(),
  );

  readonly periods = computed<PeriodInfo[]>(() =>
    this.periodsResource.hasValue() ? (this.periodsResource.value() ?? []) : [],
  );

  readonly period = computed<string | null>(() => {
    const chosen = this.chosenPeriod();
    const ps = this.periods();
    if (chosen && ps.some((p) => p.period === chosen)) return chosen;
    return (
      (ps.find((p) => p.latestPublishedRun !== null) ?? ps[0])?.period ?? null
    );
  });

  readonly periodView = computed<PeriodInfo | null>(
    () => this.periods().find((p) => p.period === this.period()) ?? null,
  );

  /** The runs of the selected period (for the picker). */
  readonly runsResource = rxResource({
    params: () => this.period() ?? undefined,
    stream: ({ params }) => this.api.runs(params),
  });

  readonly runs = computed<RunResponse[]>(() =>
    this.runsResource.hasValue() ? (this.runsResource.value() ?? []) : [],
  );

  /** The run shown: the chosen one, else the period's published run; null when neither exists. */
  readonly runId = computed<number | null>(
    () =>
      this.chosenRunId() ?? this.periodView()?.latestPublishedRun?.id ?? null,
  );
  readonly isLatestPublished = computed(() => this.chosenRunId() === null);
  readonly run = computed<RunResponse | null>(() => {
    const id = this.runId();
    const published = this.periodView()?.latestPublishedRun ?? null;
    return (
      this.runs().find((r) => r.id === id) ??
      (published?.id === id ? published : null)
    );
  });

  /** The period before the selected one that has a published run, for "movement since last quarter". */
  readonly previousPeriod = computed<PeriodInfo | null>(() => {
    const p = this.period();
    if (!p) return null;
    return (
      this.periods().find(
        (x) => comparePeriods(x.period, p) < 0 && x.latestPublishedRun !== null,
      ) ?? null
    );
  });

  /**
   * Whether a block that depends on the period is still waiting: the periods are loading, its
   * request is in flight, or its request has not started yet for a known period (the resource
   * starts on the next tick; without this the page would flash "empty" in between).
   */
  pending(r: { isLoading(): boolean; status(): ResourceStatus }): boolean {
    return (
      this.loading() ||
      r.isLoading() ||
      (this.period() !== null && r.status() === 'idle')
    );
  }

  activate(): void {
    this.active.set(true);
  }

  selectPeriod(period: string): void {
    this.chosenPeriod.set(period);
    this.chosenRunId.set(null);
  }

  /** null: back to the latest published run. */
  selectRun(runId: number | null): void {
    this.chosenRunId.set(runId);
  }

  /** After publishing or a new run: reload what the picker shows. */
  reload(): void {
    this.periodsResource.reload();
    this.runsResource.reload();
  }

  /** Forget choices (sign-out), so the next user starts from the defaults. */
  reset(): void {
    this.chosenPeriod.set(null);
    this.chosenRunId.set(null);
    this.active.set(false);
  }
}
