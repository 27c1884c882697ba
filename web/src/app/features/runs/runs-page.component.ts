import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { shiftPeriod, type RunResponse } from '@sci/shared';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { errorMessage } from '../../core/api/http-error';
import { AuthStore } from '../../core/auth/auth.store';
import { ContextStore } from '../../core/context/context.store';
import { DateTimePipe } from '../../core/format/format.pipes';
import { formatDuration } from '../../core/format/format';
import { I18nStore } from '../../core/i18n/i18n.store';
import { TPipe } from '../../core/i18n/t.pipe';
import { PageHeadComponent } from '../../ui/page-head.component';
import { StateComponent } from '../../ui/state.component';
import { RunDiffComponent } from './run-diff.component';
import { RunsApiService } from './runs-api.service';

const POLL_MS = 1500;

/** Run history with live progress; trigger (regulator, admin), publish (regulator), diff of two runs. */
@Component({
  selector: 'app-runs-page',
  imports: [
    FormsModule,
    NzButtonModule,
    NzPopconfirmModule,
    NzProgressModule,
    NzSelectModule,
    NzTableModule,
    NzTooltipModule,
    DateTimePipe,
    TPipe,
    PageHeadComponent,
    StateComponent,
    RunDiffComponent,
  ],
  templateUrl: './runs-page.component.html',
  styleUrl: './runs-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RunsPageComponent {
  private readonly api = inject(RunsApiService);
  private readonly msg = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly auth = inject(AuthStore);
  protected readonly ctx = inject(ContextStore);
  protected readonly i18n = inject(I18nStore);

  protected readonly periodFilter = signal<string | null>(null);
  protected readonly runs = rxResource({
    params: () => ({ period: this.periodFilter() }),
    stream: ({ params }) => this.api.list(params.period),
  });
  protected readonly rows = computed<RunResponse[]>(() =>
    this.runs.hasValue() ? (this.runs.value() ?? []) : [],
  );
  protected readonly succeeded = computed(() =>
    this.rows().filter((r) => r.status === 'succeeded'),
  );

  protected readonly schemes = rxResource({ stream: () => this.api.schemes() });
  protected readonly schemeOptions = computed(() =>
    this.schemes.hasValue() ? (this.schemes.value() ?? []) : [],
  );

  protected readonly canTrigger = computed(() =>
    this.auth.hasRole('regulator', 'admin'),
  );
  protected readonly canPublish = computed(() =>
    this.auth.hasRole('regulator'),
  );

  protected readonly triggerPeriod = signal<string | null>(null);
  /** `schemeId@version`, or null for the default version */
  protected readonly triggerScheme = signal<string | null>(null);
  protected readonly triggering = signal(false);
  protected readonly publishing = signal<number | null>(null);

  protected readonly diffA = signal<number | null>(null);
  protected readonly diffB = signal<number | null>(null);

  constructor() {
    // Live progress: while a run is running, poll the list; the timer is re-armed by each answer.
    effect((onCleanup) => {
      if (!this.rows().some((r) => r.status === 'running')) return;
      const t = setTimeout(() => this.runs.reload(), POLL_MS);
      onCleanup(() => clearTimeout(t));
    });
  }

  protected duration(r: RunResponse): string {
    return formatDuration(r.durationMs);
  }

  protected trigger(): void {
    const period = this.triggerPeriod() ?? this.ctx.period();
    if (!period) return;
    const scheme = this.triggerScheme();
    const [schemeId, version] = scheme
      ? scheme.split('@')
      : [undefined, undefined];
    this.triggering.set(true);
    this.api
      .trigger({
        period,
        ...(schemeId ? { schemeId, schemeVersion: Number(version) } : {}),
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (r) => {
          this.triggering.set(false);
          this.msg.success(
            this.i18n.t('runs.triggered', { id: r.runId, period }),
          );
          this.runs.reload();
        },
        error: (e: unknown) => {
          this.triggering.set(false);
          this.msg.error(errorMessage(e, this.i18n));
        },
      });
  }

  protected publish(r: RunResponse): void {
    this.publishing.set(r.id);
    this.api
      .publish(r.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.publishing.set(null);
          this.msg.success(
            this.i18n.t('runs.publishedOk', { id: r.id, period: r.period }),
          );
          this.runs.reload();
          this.ctx.reload();
        },
        error: (e: unknown) => {
          this.publishing.set(null);
          this.msg.error(errorMessage(e, this.i18n));
        },
      });
  }

  /** Quick pick: compare a run with the published run of its period it would replace. */
  /**
   * What a run is compared with: a draft with its period's published run, a published run with
   * the published run of the quarter before. Every succeeded run has an action that way.
   */
  protected compareTarget(r: RunResponse): RunResponse | null {
    if (r.status !== 'succeeded') return null;
    const period = r.published ? shiftPeriod(r.period, 1) : r.period;
    return (
      this.rows().find(
        (x) => x.period === period && x.published && x.id !== r.id,
      ) ?? null
    );
  }

  protected compareWithPublished(r: RunResponse): void {
    this.diffA.set(this.compareTarget(r)?.id ?? null);
    this.diffB.set(r.id);
  }

  protected statusColor(s: RunResponse['status']): string {
    return s === 'succeeded' ? 'ok' : s === 'failed' ? 'bad' : 'busy';
  }
}
