import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { CLASS_CODES } from '@sci/shared';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { Subject, debounceTime, switchMap } from 'rxjs';
import { ContextStore } from '../../core/context/context.store';
import { ClassValuePipe, ScorePipe } from '../../core/format/format.pipes';
import { formatSigned } from '../../core/format/format';
import { I18nStore } from '../../core/i18n/i18n.store';
import { TPipe } from '../../core/i18n/t.pipe';
import { FlagTagsComponent } from '../../ui/flag-tags.component';
import { GradeTagComponent } from '../../ui/grade-tag.component';
import { PageHeadComponent } from '../../ui/page-head.component';
import { StateComponent } from '../../ui/state.component';
import { CompareApiService } from './compare-api.service';
import { COMPARED_CHECKS, MAX_COMPARED, parseUnits } from './compare-columns';

/**
 * Two to four units side by side (or a unit and its peer median): scores, grade, trend, the ten
 * classes' values and points, flags, certification checks. The units are in the URL.
 */
@Component({
  selector: 'app-compare-page',
  imports: [
    FormsModule,
    RouterLink,
    NzSelectModule,
    NzButtonModule,
    NzCheckboxModule,
    ClassValuePipe,
    ScorePipe,
    TPipe,
    FlagTagsComponent,
    GradeTagComponent,
    PageHeadComponent,
    StateComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './compare-page.component.html',
  styleUrl: './compare-page.component.scss',
})
export class ComparePageComponent {
  private readonly api = inject(CompareApiService);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  protected readonly ctx = inject(ContextStore);
  private readonly i18n = inject(I18nStore);

  protected readonly classes = CLASS_CODES;
  protected readonly checks = COMPARED_CHECKS;
  protected readonly max = MAX_COMPARED;
  private readonly params = toSignal(this.route.queryParamMap, {
    requireSync: true,
  });
  protected readonly codes = computed(() =>
    parseUnits(this.params().get('units')),
  );
  protected readonly withMedian = computed(
    () => this.params().get('median') === '1',
  );

  protected readonly data = rxResource({
    params: () => {
      const period = this.ctx.period();
      if (!period) return undefined;
      return {
        codes: this.codes(),
        period,
        runId: this.ctx.isLatestPublished()
          ? undefined
          : (this.ctx.runId() ?? undefined),
        median: this.withMedian(),
        medianLabel: this.i18n.t('compare.median'),
      };
    },
    stream: ({ params }) => this.api.columns(params),
  });
  protected readonly cols = computed(() =>
    this.data.hasValue() ? (this.data.value() ?? []) : [],
  );
  protected readonly anyChecks = computed(() =>
    this.cols().some((c) => c.checks !== null),
  );

  private readonly searchText = new Subject<string>();
  protected readonly options = signal<{ code: string; name: string }[]>([]);
  protected picked: string | null = null;

  constructor() {
    this.searchText
      .pipe(
        debounceTime(250),
        switchMap((q) => this.api.search(q, this.ctx.period() ?? '')),
      )
      .subscribe((o) => this.options.set(o));
  }

  protected onSearch(q: string): void {
    if (q.trim()) this.searchText.next(q.trim());
  }

  protected add(code: string | null): void {
    if (!code) return;
    this.setUnits([...this.codes(), code]);
    this.picked = null;
  }

  protected remove(code: string): void {
    this.setUnits(this.codes().filter((c) => c !== code));
  }

  protected toggleMedian(on: boolean): void {
    void this.router.navigate([], {
      queryParams: { median: on ? '1' : null },
      queryParamsHandling: 'merge',
    });
  }

  private setUnits(codes: string[]): void {
    const units = [...new Set(codes)].slice(0, MAX_COMPARED).join(',');
    void this.router.navigate([], {
      queryParams: { units: units || null },
      queryParamsHandling: 'merge',
    });
  }

  protected signed(v: number | null): string {
    return formatSigned(v, 2);
  }
}
