import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import {
  rxResource,
  takeUntilDestroyed,
  toObservable,
} from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  CLASS_CODES,
  FLAGS,
  GRADES,
  INSTITUTION_LEVELS,
  PEER_GROUPS,
  type ClassCode,
  type ResultSortKey,
  type ResultsQuery,
  type UnitResultItem,
} from '@sci/shared';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzDropDownModule } from 'ng-zorro-antd/dropdown';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSegmentedModule } from 'ng-zorro-antd/segmented';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule, type NzTableSortOrder } from 'ng-zorro-antd/table';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { type Observable, debounceTime, distinctUntilChanged } from 'rxjs';
import { errorMessage } from '../../core/api/http-error';
import { AuthStore } from '../../core/auth/auth.store';
import { ContextStore } from '../../core/context/context.store';
import { SHANDONG_CITIES, cityName, scoreShade } from '../../core/domain';
import { moneyScaleFor } from '../../core/format/format';
import { ClassValuePipe, ScorePipe } from '../../core/format/format.pipes';
import { classWeights, runScheme } from '../../core/scheme/scheme.store';
import { I18nStore } from '../../core/i18n/i18n.store';
import { TPipe } from '../../core/i18n/t.pipe';
import { FlagTagsComponent } from '../../ui/flag-tags.component';
import { GradeTagComponent } from '../../ui/grade-tag.component';
import { PageHeadComponent } from '../../ui/page-head.component';
import { RankChangeComponent } from '../../ui/rank-change.component';
import { StateComponent } from '../../ui/state.component';
import { sameValues } from '../../core/same-values';
import { RankingApiService } from './ranking-api.service';
import {
  DEFAULT_COLUMNS,
  OPTIONAL_COLUMNS,
  type PinnedColumn,
  type RankingColumn,
  columnWidth,
  readColumns,
  tableWidth,
  writeColumns,
} from './ranking-columns';
import {
  PAGE_SIZES,
  type RankingFilters,
  defaultFilters,
  filtersFromParams,
  filtersToParams,
} from './ranking-filters';

/**
 * The ranking board: one page of units from the server at a time (3,000 units stay fast),
 * filters, sort by any class, search, rank movement, export of the current view.
 */
@Component({
  selector: 'app-ranking-page',
  imports: [
    FormsModule,
    RouterLink,
    NzButtonModule,
    NzCheckboxModule,
    NzDropDownModule,
    NzIconModule,
    NzInputModule,
    NzSegmentedModule,
    NzSelectModule,
    NzTableModule,
    NzTooltipModule,
    ClassValuePipe,
    ScorePipe,
    TPipe,
    FlagTagsComponent,
    GradeTagComponent,
    PageHeadComponent,
    RankChangeComponent,
    StateComponent,
  ],
  templateUrl: './ranking-page.component.html',
  styleUrl: './ranking-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RankingPageComponent {
  private readonly api = inject(RankingApiService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly msg = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly auth = inject(AuthStore);
  protected readonly ctx = inject(ContextStore);
  protected readonly i18n = inject(I18nStore);

  protected readonly classes = CLASS_CODES;
  protected readonly levels = INSTITUTION_LEVELS;
  protected readonly peerGroups = PEER_GROUPS;
  protected readonly grades = GRADES;
  protected readonly flags = FLAGS;
  protected readonly cities = SHANDONG_CITIES;
  protected readonly pageSizes = PAGE_SIZES;

  /** A regulator starts with the banks' head units; bank and branch users see all their units. */
  private readonly defaults = defaultFilters(
    this.auth.hasRole('regulator') ? 'head' : null,
  );
  protected readonly filters = signal<RankingFilters>(
    filtersFromParams(this.route.snapshot.queryParams, this.defaults),
  );
  protected readonly searchText = signal(this.filters().q ?? '');
  protected readonly exporting = signal(false);

  protected readonly optionalColumns = OPTIONAL_COLUMNS;
  /** the columns between the pinned identity (left) and flags (right), as the user chose them */
  protected readonly columns = signal<RankingColumn[]>(readColumns(storage()));
  protected readonly scrollX = computed(() =>
    tableWidth(this.columns(), this.i18n.lang(), this.filters().show),
  );
  protected readonly isBankUser = computed(() =>
    this.auth.hasRole('bank_hq', 'branch'),
  );

  protected readonly query = computed<ResultsQuery | undefined>(
    () => {
      const period = this.ctx.period();
      if (!period) return undefined;
      const f = this.filters();
      const runId = this.ctx.isLatestPublished()
        ? undefined
        : (this.ctx.runId() ?? undefined);
      return {
        period,
        runId,
        level: f.level ?? undefined,
        peerGroup: f.peerGroup ?? undefined,
        bank: f.bank ?? undefined,
        city: f.city ?? undefined,
        grade: f.grade ?? undefined,
        flag: f.flag ?? undefined,
        q: f.q ?? undefined,
        hasSignals: f.hasSignals || undefined,
        sort: f.sort ?? undefined,
        order: f.sort ? (f.order ?? 'desc') : undefined,
        page: f.page,
        pageSize: f.pageSize,
      };
    },
    // a table re-emitting the same page must not re-fetch: compare by value, not by identity
    { equal: sameValues },
  );

  protected readonly result = rxResource({
    params: () => this.query(),
    stream: ({ params }) => this.api.page(params),
  });
  protected readonly rows = computed<UnitResultItem[]>(() =>
    this.result.hasValue() ? (this.result.value()?.items ?? []) : [],
  );
  /** K1 of the whole page in one unit (万元 or 亿元), never mixed down the column. */
  protected readonly k1Scale = computed(() =>
    moneyScaleFor(this.rows().map((u) => u.values.K1)),
  );
  /** the weights of the scheme version of the run listed (class maxima, cell shades) */
  private readonly scheme = runScheme(() =>
    this.result.hasValue() ? this.result.value()?.run : null,
  );
  protected readonly weights = computed<Partial<Record<ClassCode, number>>>(
    () => {
      const s = this.scheme();
      return s ? classWeights(s) : {};
    },
  );
  protected readonly total = computed(() =>
    this.result.hasValue() ? (this.result.value()?.total ?? 0) : 0,
  );

  constructor() {
    toObservable(this.searchText)
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed())
      .subscribe((q) => this.patch({ q: q.trim() || null }));
    // Mirror the view in the URL (replaceUrl: filtering is not navigation worth a Back step).
    effect(() => {
      const queryParams = filtersToParams(this.filters(), this.defaults);
      untracked(() => {
        // the period and run of every page (ContextUrlSync) stay in the URL beside the filters
        const url = this.route.snapshot.queryParamMap;
        for (const k of ['period', 'run']) {
          const v = url.get(k);
          if (v !== null) queryParams[k] = v;
        }
        void this.router.navigate([], {
          relativeTo: this.route,
          queryParams,
          replaceUrl: true,
        });
      });
    });
  }

  protected patch(p: Partial<RankingFilters>): void {
    // Any change but paging starts again at page 1.
    const resetPage = !('page' in p);
    this.filters.update((f) => ({
      ...f,
      ...p,
      ...(resetPage ? { page: 1 } : {}),
    }));
  }

  protected reset(): void {
    this.searchText.set('');
    this.filters.set({ ...this.defaults, show: this.filters().show });
  }

  protected sortOrder(key: ResultSortKey): NzTableSortOrder {
    const f = this.filters();
    return f.sort === key ? (f.order === 'asc' ? 'ascend' : 'descend') : null;
  }

  protected onSort(key: ResultSortKey, order: NzTableSortOrder): void {
    this.patch(
      order
        ? { sort: key, order: order === 'ascend' ? 'asc' : 'desc' }
        : { sort: null, order: null },
    );
  }

  protected classKey(k: ClassCode): ResultSortKey {
    return `${this.filters().show === 'score' ? 's' : 'k'}${k.slice(1)}` as ResultSortKey;
  }

  protected shows(c: RankingColumn): boolean {
    return this.columns().includes(c);
  }

  protected w(c: RankingColumn | PinnedColumn): string {
    return columnWidth(c, this.i18n.lang(), this.filters().show);
  }

  protected toggleColumn(c: RankingColumn, on: boolean): void {
    const next = OPTIONAL_COLUMNS.filter((x) =>
      x === c ? on : this.columns().includes(x),
    );
    this.columns.set(next);
    writeColumns(storage(), next);
  }

  protected resetColumns(): void {
    this.columns.set([...DEFAULT_COLUMNS]);
    writeColumns(storage(), DEFAULT_COLUMNS);
  }

  protected columnLabel(c: RankingColumn): string {
    return c === 'classes'
      ? this.i18n.t('dash.colClasses')
      : this.i18n.t(`col.${c}`);
  }

  /** A K header's tooltip: the class's name, then its maximum points or what its value measures. */
  protected classTip(k: ClassCode): string {
    const t = this.i18n.t.bind(this.i18n);
    return `${k} ${t(`class.${k}`)} · ${
      this.filters().show === 'score'
        ? t('ranking.maxPoints', { n: this.weights()[k] ?? '' })
        : t(`classDesc.${k}`)
    }`;
  }

  protected shade(u: UnitResultItem, k: ClassCode): string {
    const w = this.weights()[k];
    return u.scored && w !== undefined
      ? scoreShade(u.scores[k], w)
      : 'transparent';
  }

  protected city(code: string): string {
    return cityName(code, this.i18n.lang());
  }

  protected exportAs(format: 'csv' | 'xlsx'): void {
    const q = this.query();
    if (q) this.download(this.api.export(q, format));
  }

  protected exportReadable(format: 'csv' | 'xlsx'): void {
    const q = this.query();
    if (!q) return;
    const lang = this.i18n.lang() === 'en' ? 'en' : 'zh';
    this.download(
      this.api.exportReadable(q, {
        format,
        lang,
        show: this.filters().show,
        columns: this.columns(),
      }),
    );
  }

  private download(file: Observable<string>): void {
    this.exporting.set(true);
    file.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (name) => {
        this.exporting.set(false);
        this.msg.success(this.i18n.t('ranking.exported', { name }));
      },
      error: (e: unknown) => {
        this.exporting.set(false);
        this.msg.error(errorMessage(e, this.i18n));
      },
    });
  }
}

function storage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}
