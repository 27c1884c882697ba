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
import {
  MECHANISMS,
  type CertificationApplicationRequest,
  type CertificationApplicationResponse,
  type Mechanism,
} from '@sci/shared';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { of } from 'rxjs';
import { errorMessage } from '../../core/api/http-error';
import { AuthStore } from '../../core/auth/auth.store';
import { ContextStore } from '../../core/context/context.store';
import {
  DateTimePipe,
  MoneyPipe,
  MoneyScalePipe,
  NumberPipe,
} from '../../core/format/format.pipes';
import { I18nStore } from '../../core/i18n/i18n.store';
import { TPipe } from '../../core/i18n/t.pipe';
import { StateComponent } from '../../ui/state.component';
import { BankApiService } from '../bank/bank-api.service';
import { CertificationApiService } from './certification-api.service';
import { CertificationStore } from './certification.store';

const CAMEL: Record<Mechanism, keyof CertificationApplicationRequest> = {
  separate_credit_plan: 'separateCreditPlan',
  dedicated_pricing: 'dedicatedPricing',
  independent_accounting: 'independentAccounting',
  risk_tolerance: 'riskTolerance',
  approval_channel: 'approvalChannel',
  performance_assessment: 'performanceAssessment',
  due_diligence_exemption: 'dueDiligenceExemption',
};

function blank(code = ''): CertificationApplicationRequest {
  return {
    institutionCode: code,
    designated: false,
    techRmCount: 0,
    separateCreditPlan: false,
    dedicatedPricing: false,
    independentAccounting: false,
    riskTolerance: false,
    approvalChannel: false,
    performanceAssessment: false,
    dueDiligenceExemption: false,
    ftpDiscountBp: 0,
    approvalLimit: 0,
  };
}

/** The year's applications; a bank HQ submits and withdraws its own while the window is open. */
@Component({
  selector: 'app-cert-applications',
  imports: [
    FormsModule,
    NzButtonModule,
    NzCheckboxModule,
    NzInputNumberModule,
    NzPopconfirmModule,
    NzSelectModule,
    NzTableModule,
    DateTimePipe,
    MoneyPipe,
    MoneyScalePipe,
    NumberPipe,
    TPipe,
    StateComponent,
  ],
  templateUrl: './cert-applications.component.html',
  styleUrl: './cert-applications.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CertApplicationsComponent {
  private readonly api = inject(CertificationApiService);
  private readonly bankApi = inject(BankApiService);
  private readonly msg = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly ctx = inject(ContextStore);
  protected readonly store = inject(CertificationStore);
  protected readonly auth = inject(AuthStore);
  protected readonly i18n = inject(I18nStore);
  protected readonly mechanisms = MECHANISMS;
  protected readonly camel = CAMEL;

  protected readonly list = rxResource({
    params: () => {
      const year = this.store.year();
      return year ? { year, v: this.store.changes() } : undefined;
    },
    stream: ({ params }) => this.api.applications(params.year),
  });
  protected readonly rows = computed<CertificationApplicationResponse[]>(() =>
    this.list.hasValue() ? (this.list.value() ?? []) : [],
  );
  protected readonly windowOpen = computed(
    () => this.store.exercise()?.status === 'applications_open',
  );
  protected readonly canApply = computed(
    () => this.auth.hasRole('bank_hq') && this.windowOpen(),
  );

  /** the bank's city and outlet units, to pick the applicant from */
  private readonly bankUnits = rxResource({
    params: () => {
      const bankCode = this.auth.user()?.bankCode;
      const period = this.ctx.period();
      return this.canApply() && bankCode && period
        ? { bankCode, period }
        : undefined;
    },
    stream: ({ params }) => (params ? this.bankApi.summary(params) : of(null)),
  });
  protected readonly unitOptions = computed(() =>
    (this.bankUnits.hasValue()
      ? (this.bankUnits.value()?.units ?? [])
      : []
    ).filter((u) => u.level !== 'head'),
  );

  protected readonly form = signal<CertificationApplicationRequest>(blank());
  protected readonly saving = signal(false);
  protected readonly mechanismCount = computed(
    () => MECHANISMS.filter((m) => this.form()[CAMEL[m]]).length,
  );

  protected patch(p: Partial<CertificationApplicationRequest>): void {
    this.form.update((f) => ({ ...f, ...p }));
  }

  protected setMechanism(m: Mechanism, on: boolean): void {
    this.patch({ [CAMEL[m]]: on } as Partial<CertificationApplicationRequest>);
  }

  protected flag(a: CertificationApplicationRequest, m: Mechanism): boolean {
    return a[CAMEL[m]] as boolean;
  }

  protected mechanismsOf(a: CertificationApplicationResponse): number {
    return MECHANISMS.filter((m) => a[CAMEL[m]]).length;
  }

  protected submit(): void {
    const year = this.store.year();
    const f = this.form();
    if (!year || !f.institutionCode) return;
    this.saving.set(true);
    this.api
      .apply(year, f)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (a) => {
          this.saving.set(false);
          this.msg.success(this.i18n.t('cert.appliedOk', { name: a.name }));
          this.form.set(blank());
          this.store.changed();
        },
        error: (e: unknown) => {
          this.saving.set(false);
          this.msg.error(errorMessage(e, this.i18n));
        },
      });
  }

  protected withdraw(a: CertificationApplicationResponse): void {
    const year = this.store.year();
    if (!year) return;
    this.api
      .withdraw(year, a.institutionCode)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => this.store.changed(),
        error: (e: unknown) => this.msg.error(errorMessage(e, this.i18n)),
      });
  }
}
