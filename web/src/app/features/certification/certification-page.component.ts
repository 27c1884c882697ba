import { ReportActionsComponent } from '../reports/report-actions.component';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { EXERCISE_STATUSES, type ExerciseResponse } from '@sci/shared';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import type { Observable } from 'rxjs';
import { errorMessage } from '../../core/api/http-error';
import { AuthStore } from '../../core/auth/auth.store';
import { ContextStore } from '../../core/context/context.store';
import { DateTimePipe } from '../../core/format/format.pipes';
import { I18nStore } from '../../core/i18n/i18n.store';
import { TPipe } from '../../core/i18n/t.pipe';
import { PageHeadComponent } from '../../ui/page-head.component';
import { StateComponent } from '../../ui/state.component';
import { CertApplicationsComponent } from './cert-applications.component';
import { CertEvaluationComponent } from './cert-evaluation.component';
import { CertHistoryComponent } from './cert-history.component';
import { CertListComponent } from './cert-list.component';
import {
  CertificationApiService,
  type ExerciseStep,
} from './certification-api.service';
import { CertificationStore } from './certification.store';

/** The regulator's next step from each status, and what it is called. */
const NEXT_STEP: Partial<Record<ExerciseResponse['status'], ExerciseStep>> = {
  draft: 'open',
  applications_open: 'close',
  applications_closed: 'evaluate',
  decided: 'publish',
};

/** The annual exercise as a pipeline: applications → evaluation → recommendation → decision → list. */
@Component({
  selector: 'app-certification-page',
  imports: [
    ReportActionsComponent,
    FormsModule,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    NzPopconfirmModule,
    NzSelectModule,
    NzTabsModule,
    DateTimePipe,
    TPipe,
    PageHeadComponent,
    StateComponent,
    CertApplicationsComponent,
    CertEvaluationComponent,
    CertHistoryComponent,
    CertListComponent,
  ],
  providers: [CertificationStore],
  templateUrl: './certification-page.component.html',
  styleUrl: './certification-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CertificationPageComponent {
  private readonly api = inject(CertificationApiService);
  private readonly msg = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly store = inject(CertificationStore);
  private readonly ctx = inject(ContextStore);
  protected readonly auth = inject(AuthStore);
  protected readonly i18n = inject(I18nStore);
  protected readonly statuses = EXERCISE_STATUSES;

  protected readonly isRegulator = computed(() =>
    this.auth.hasRole('regulator'),
  );
  protected readonly statusIndex = computed(() =>
    EXERCISE_STATUSES.indexOf(this.store.exercise()?.status ?? 'draft'),
  );
  protected readonly nextStep = computed<ExerciseStep | null>(() => {
    const s = this.store.exercise()?.status;
    return s ? (NEXT_STEP[s] ?? null) : null;
  });
  /** the year a new exercise would be for: the year after the newest one, else the latest period's */
  protected readonly chosenNewYear = signal<number | null>(null);
  protected readonly newYear = computed(() => {
    const newest = this.store.exercises()[0]?.year;
    const periodYear = Number((this.ctx.period() ?? '').slice(0, 4));
    return this.chosenNewYear() ?? (newest ? newest + 1 : periodYear || 2025);
  });
  protected readonly busy = signal(false);
  /** the tab picked by the user; until then the one where the year's work is */
  private readonly chosenTab = signal<number | null>(null);
  protected readonly tab = computed(() => {
    const chosen = this.chosenTab();
    if (chosen !== null) return chosen;
    const s = this.store.exercise()?.status;
    return s === 'evaluated' || s === 'decided' ? 0 : s === 'published' ? 2 : 1;
  });
  protected readonly historyCode = signal('');
  protected readonly historyShown = signal<string | null>(null);

  protected selectTab(i: number): void {
    this.chosenTab.set(i);
  }

  protected selectYear(year: number): void {
    this.chosenTab.set(null);
    this.store.selectYear(year);
  }

  protected runStep(step: ExerciseStep): void {
    const year = this.store.year();
    if (year) this.act(this.api.step(year, step), `cert.step.${step}.done`);
  }

  protected create(): void {
    const year = this.newYear();
    this.act(this.api.create(year), 'cert.created', () =>
      this.store.selectYear(year),
    );
  }

  private act(
    obs: Observable<ExerciseResponse>,
    okKey: string,
    after?: () => void,
  ): void {
    this.busy.set(true);
    obs.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (e) => {
        this.busy.set(false);
        this.msg.success(this.i18n.t(okKey, { year: e.year }));
        after?.();
        this.store.changed();
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.msg.error(errorMessage(err, this.i18n));
      },
    });
  }

  protected exportAs(format: 'csv' | 'xlsx'): void {
    const year = this.store.year();
    if (!year) return;
    this.api
      .export(year, format)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (e: unknown) => this.msg.error(errorMessage(e, this.i18n)),
      });
  }

  /** When each step happened, for the timeline. */
  protected stepTime(e: ExerciseResponse, i: number): string | null {
    return (
      [e.createdAt, e.openedAt, e.closedAt, e.evaluatedAt, null, e.publishedAt][
        i
      ] ?? null
    );
  }
}
