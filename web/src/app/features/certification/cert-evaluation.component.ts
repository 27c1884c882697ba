import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import {
  CERTIFICATION_OUTCOMES,
  CHECK_CODES,
  type CertificationOutcome,
  type Decision,
  type EvaluationItem,
} from '@sci/shared';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { errorMessage } from '../../core/api/http-error';
import { AuthStore } from '../../core/auth/auth.store';
import { ScorePipe } from '../../core/format/format.pipes';
import { I18nStore } from '../../core/i18n/i18n.store';
import { TPipe } from '../../core/i18n/t.pipe';
import { StateComponent } from '../../ui/state.component';
import { CertDetailComponent } from './cert-detail.component';
import { OutcomeTagComponent } from './cert-outcome.component';
import { CertificationApiService } from './certification-api.service';
import { CertificationStore } from './certification.store';

/** Recommendations that certify (or keep certified): confirming anything else, or rejecting these, overrides. */
const CERTIFYING: ReadonlySet<CertificationOutcome> = new Set([
  'certify',
  'retain',
]);

export function isOverride(
  recommendation: CertificationOutcome,
  decision: Decision,
): boolean {
  return CERTIFYING.has(recommendation) !== (decision === 'confirm');
}

/** The evaluated units of the year: checks, shortfalls, recommendation and the regulator's decision. */
@Component({
  selector: 'app-cert-evaluation',
  imports: [
    FormsModule,
    RouterLink,
    NzButtonModule,
    NzDrawerModule,
    NzInputModule,
    NzModalModule,
    NzSelectModule,
    NzTableModule,
    NzTooltipModule,
    ScorePipe,
    TPipe,
    StateComponent,
    CertDetailComponent,
    OutcomeTagComponent,
  ],
  templateUrl: './cert-evaluation.component.html',
  styleUrl: './cert-evaluation.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CertEvaluationComponent {
  private readonly api = inject(CertificationApiService);
  private readonly msg = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly store = inject(CertificationStore);
  protected readonly auth = inject(AuthStore);
  protected readonly i18n = inject(I18nStore);
  protected readonly checks = CHECK_CODES;
  protected readonly outcomes = CERTIFICATION_OUTCOMES;

  protected readonly list = rxResource({
    params: () => {
      const year = this.store.year();
      return year ? { year, v: this.store.changes() } : undefined;
    },
    stream: ({ params }) => this.api.evaluation(params.year),
  });
  protected readonly outcomeFilter = signal<CertificationOutcome | null>(null);
  protected readonly pendingOnly = signal(false);
  private readonly allItems = computed<EvaluationItem[]>(() =>
    this.list.hasValue() ? (this.list.value()?.items ?? []) : [],
  );
  protected readonly rows = computed<EvaluationItem[]>(() => {
    let rows = this.allItems();
    const o = this.outcomeFilter();
    if (o) rows = rows.filter((r) => r.recommendation === o);
    if (this.pendingOnly()) rows = rows.filter((r) => !r.decision);
    return rows;
  });
  /** Decisions are taken after the evaluation and until the list is published. */
  protected readonly canDecide = computed(() => {
    const s = this.store.exercise()?.status;
    return (
      this.auth.hasRole('regulator') && (s === 'evaluated' || s === 'decided')
    );
  });

  protected readonly detailCode = signal<string | null>(null);
  /** the drawer says whose detail it is: "认定评估详情 · ICBC-370100 工商银行济南分行" */
  protected readonly detailTitle = computed(() => {
    const code = this.detailCode();
    const title = this.i18n.t('cert.detailTitle');
    if (!code) return title;
    const item = this.allItems().find((r) => r.institutionCode === code);
    return `${title} · ${code}${item ? ' ' + item.name : ''}`;
  });
  protected readonly deciding = signal<{
    item: EvaluationItem;
    decision: Decision;
  } | null>(null);
  protected readonly reason = signal('');
  protected readonly saving = signal(false);
  protected readonly reasonRequired = computed(() => {
    const d = this.deciding();
    return (
      !!d &&
      (d.decision === 'reject' || isOverride(d.item.recommendation, d.decision))
    );
  });

  protected text(t: { zh: string; en: string }): string {
    return this.i18n.isZh() ? t.zh : t.en;
  }

  protected startDecision(item: EvaluationItem, decision: Decision): void {
    this.reason.set(item.decision?.reason ?? '');
    this.deciding.set({ item, decision });
  }

  protected submitDecision(): void {
    const d = this.deciding();
    const year = this.store.year();
    if (!d || !year) return;
    const reason = this.reason().trim();
    if (this.reasonRequired() && !reason) return;
    this.saving.set(true);
    this.api
      .decide(year, d.item.institutionCode, {
        decision: d.decision,
        ...(reason ? { reason } : {}),
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.saving.set(false);
          this.deciding.set(null);
          this.msg.success(this.i18n.t('cert.decided', { name: d.item.name }));
          this.store.changed();
        },
        error: (e: unknown) => {
          this.saving.set(false);
          this.msg.error(errorMessage(e, this.i18n));
        },
      });
  }

  protected override(d: { item: EvaluationItem; decision: Decision }): boolean {
    return isOverride(d.item.recommendation, d.decision);
  }
}
