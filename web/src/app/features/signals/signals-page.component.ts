import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  SIGNAL_KINDS,
  SIGNAL_SEVERITIES,
  SIGNAL_SORT_KEYS,
  type SignalItem,
  type SignalKind,
  type SignalSeverity,
  type SignalSortKey,
  type SignalsQuery,
} from '@sci/shared';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { errorMessage } from '../../core/api/http-error';
import { AuthStore } from '../../core/auth/auth.store';
import { ContextStore } from '../../core/context/context.store';
import { SHANDONG_CITIES, cityName } from '../../core/domain';
import { MoneyPipe } from '../../core/format/format.pipes';
import { I18nStore } from '../../core/i18n/i18n.store';
import { TPipe } from '../../core/i18n/t.pipe';
import { sameValues } from '../../core/same-values';
import { PageHeadComponent } from '../../ui/page-head.component';
import { StateComponent } from '../../ui/state.component';
import { formatSignalMeasure } from './signal-format';
import { SignalsApiService } from './signals-api.service';

interface SignalFilters {
  kind: SignalKind | null;
  severity: SignalSeverity | null;
  bank: string | null;
  city: string | null;
  sort: SignalSortKey;
  page: number;
}

const PAGE_SIZE = 50;

const oneOf = <T extends string>(list: readonly T[], v: unknown): T | null =>
  typeof v === 'string' && (list as readonly string[]).includes(v)
    ? (v as T)
    : null;

/**
 * The regulator's list of integrity signals of the shown run (a bank HQ sees its own units only:
 * the API filters by scope). Filters live in the URL so a view can be shared.
 */
@Component({
  selector: 'app-signals-page',
  imports: [
    FormsModule,
    RouterLink,
    NzButtonModule,
    NzInputModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    NzTooltipModule,
    MoneyPipe,
    TPipe,
    PageHeadComponent,
    StateComponent,
  ],
  templateUrl: './signals-page.component.html',
  styleUrl: './signals-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignalsPageComponent {
  private readonly api = inject(SignalsApiService);
  private readonly router = inject(Router);
  private readonly msg = inject(NzMessageService);
  protected readonly auth = inject(AuthStore);
  protected readonly ctx = inject(ContextStore);
  protected readonly i18n = inject(I18nStore);

  protected readonly kinds = SIGNAL_KINDS;
  protected readonly severities = SIGNAL_SEVERITIES;
  protected readonly sortKeys = SIGNAL_SORT_KEYS;
  protected readonly cities = SHANDONG_CITIES;

  protected readonly filters = signal<SignalFilters>({
    kind: null,
    severity: null,
    bank: null,
    city: null,
    sort: 'severity',
    page: 1,
  });

  constructor() {
    inject(ActivatedRoute)
      .queryParamMap.pipe(takeUntilDestroyed())
      .subscribe((p) => {
        const page = Number(p.get('page'));
        this.filters.set({
          kind: oneOf(SIGNAL_KINDS, p.get('kind')),
          severity: oneOf(SIGNAL_SEVERITIES, p.get('severity')),
          bank: p.get('bank')?.trim().slice(0, 32) || null,
          city: /^\d{6}$/.test(p.get('city') ?? '') ? p.get('city') : null,
          sort: oneOf(SIGNAL_SORT_KEYS, p.get('sort')) ?? 'severity',
          page: Number.isInteger(page) && page > 0 ? page : 1,
        });
      });
  }

  private readonly query = computed<SignalsQuery | undefined>(
    () => {
      const period = this.ctx.period();
      if (!period) return undefined;
      const f = this.filters();
      return {
        period,
        runId: this.ctx.isLatestPublished()
          ? undefined
          : (this.ctx.runId() ?? undefined),
        kind: f.kind ?? undefined,
        severity: f.severity ?? undefined,
        bank: f.bank ?? undefined,
        city: f.city ?? undefined,
        sort: f.sort,
        page: f.page,
        pageSize: PAGE_SIZE,
      };
    },
    { equal: sameValues },
  );

  protected readonly list = rxResource({
    params: () => this.query(),
    stream: ({ params }) => this.api.list(params),
  });
  protected readonly data = computed(() =>
    this.list.hasValue() ? (this.list.value() ?? null) : null,
  );
  protected readonly items = computed<SignalItem[]>(
    () => this.data()?.items ?? [],
  );
  protected readonly pageSize = PAGE_SIZE;

  /** Changes one filter (back to page 1) through the URL. */
  protected set<K extends keyof SignalFilters>(
    key: K,
    value: SignalFilters[K],
  ): void {
    const next = { ...this.filters(), [key]: value };
    if (key !== 'page') next.page = 1;
    void this.router.navigate([], {
      queryParams: {
        kind: next.kind,
        severity: next.severity,
        bank: next.bank || null,
        city: next.city,
        sort: next.sort === 'severity' ? null : next.sort,
        page: next.page > 1 ? next.page : null,
      },
      replaceUrl: true,
    });
  }

  protected city(code: string): string {
    return cityName(code, this.i18n.lang());
  }

  protected measure(s: SignalItem, v: number): string {
    return formatSignalMeasure(s, v);
  }

  protected exportList(): void {
    const q = this.query();
    if (!q) return;
    this.api.export(q).subscribe({
      next: (name) =>
        this.msg.success(this.i18n.t('signals.exported', { name })),
      error: (err: unknown) => this.msg.error(errorMessage(err, this.i18n)),
    });
  }
}
