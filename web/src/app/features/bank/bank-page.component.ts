import { ReportActionsComponent } from '../reports/report-actions.component';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { type BankSummaryUnit, type InstitutionLevel } from '@sci/shared';
import { NzSegmentedModule } from 'ng-zorro-antd/segmented';
import { NzTableModule } from 'ng-zorro-antd/table';
import { ContextStore } from '../../core/context/context.store';
import { cityName } from '../../core/domain';
import {
  formatCount,
  formatMoney,
  formatNumber,
  formatPercent,
} from '../../core/format/format';
import { ScorePipe } from '../../core/format/format.pipes';
import { classWeights, runScheme } from '../../core/scheme/scheme.store';
import { I18nStore } from '../../core/i18n/i18n.store';
import { TPipe } from '../../core/i18n/t.pipe';
import { sameValues } from '../../core/same-values';
import { ChartComponent } from '../../ui/chart.component';
import { FlagTagsComponent } from '../../ui/flag-tags.component';
import { GradeTagComponent } from '../../ui/grade-tag.component';
import { PageHeadComponent } from '../../ui/page-head.component';
import { RankChangeComponent } from '../../ui/rank-change.component';
import { StateComponent } from '../../ui/state.component';
import { BankApiService, type BankQuery } from './bank-api.service';
import {
  type BankChartLabels,
  heatmapOption,
  peerCompareOption,
} from './bank-charts';
import { type Shortfall, closeToCertification } from './cert-readiness';

type LevelView = InstitutionLevel | 'all';

/** A bank HQ's view of its own units: heatmap, ranking within the bank, peer position, certification readiness. */
@Component({
  selector: 'app-bank-page',
  imports: [
    ReportActionsComponent,
    FormsModule,
    RouterLink,
    NzSegmentedModule,
    NzTableModule,
    ScorePipe,
    TPipe,
    ChartComponent,
    FlagTagsComponent,
    GradeTagComponent,
    PageHeadComponent,
    RankChangeComponent,
    StateComponent,
  ],
  templateUrl: './bank-page.component.html',
  styleUrl: './bank-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BankPageComponent {
  private readonly api = inject(BankApiService);
  protected readonly ctx = inject(ContextStore);
  protected readonly i18n = inject(I18nStore);

  /** route parameter */
  readonly bankCode = input.required<string>();
  protected readonly level = signal<LevelView | null>(null);

  private readonly query = computed<BankQuery | undefined>(
    () => {
      const period = this.ctx.period();
      if (!period) return undefined;
      return {
        bankCode: this.bankCode(),
        period,
        runId: this.ctx.isLatestPublished()
          ? undefined
          : (this.ctx.runId() ?? undefined),
      };
    },
    { equal: sameValues },
  );
  protected readonly summary = rxResource({
    params: () => this.query(),
    stream: ({ params }) => this.api.summary(params),
  });
  protected readonly s = computed(() =>
    this.summary.hasValue() ? (this.summary.value() ?? null) : null,
  );

  /** the scheme version of the run shown: its weights and thresholds, never the default's */
  protected readonly scheme = runScheme(() => this.s()?.run);
  private readonly weights = computed(() => {
    const s = this.scheme();
    return s ? classWeights(s) : null;
  });

  private readonly units = computed<BankSummaryUnit[]>(
    () => this.s()?.units ?? [],
  );
  protected readonly headUnit = computed(
    () => this.units().find((u) => u.level === 'head') ?? null,
  );
  /** Default view: the city branches when the bank has them (a readable number of rows), else all. */
  protected readonly levelView = computed<LevelView>(
    () =>
      this.level() ??
      (this.units().some((u) => u.level === 'city') ? 'city' : 'all'),
  );
  protected readonly viewUnits = computed(() => {
    const l = this.levelView();
    return l === 'all'
      ? this.units()
      : this.units().filter((u) => u.level === l);
  });
  protected readonly levelOptions = computed(() =>
    (['city', 'outlet', 'all'] as const).map((v) => ({
      value: v,
      label: this.i18n.t(v === 'all' ? 'common.all' : `level.${v}`),
    })),
  );

  private readonly labels = computed<BankChartLabels>(() => ({
    className: (k) => this.i18n.t(`class.${k}`),
    head: this.i18n.t('bank.headUnit'),
    peerMedian: this.i18n.t('unit.peerMedian'),
    shareOfPoints: this.i18n.t('bank.shareOfPoints'),
  }));
  protected readonly heatmap = computed(() => {
    const us = this.viewUnits().filter((u) => u.scored);
    const w = this.weights();
    return us.length && w ? heatmapOption(us, w, this.labels()) : null;
  });
  protected readonly heatmapHeight = computed(() =>
    Math.max(
      180,
      Math.min(1600, 60 + 22 * this.viewUnits().filter((u) => u.scored).length),
    ),
  );
  protected readonly compare = computed(() => {
    const s = this.s();
    const w = this.weights();
    return s && w
      ? peerCompareOption(s, this.headUnit(), w, this.labels())
      : null;
  });

  /**
   * The peer group's composite spread as positions (0-100 %) on a strip, with the head's marker.
   * A bank user gets quartiles only (no min/max: docs/access.md), so the whisker is drawn only
   * when the API sent the extremes, and the strip spans the box and the head's own composite.
   */
  protected readonly strip = computed(() => {
    const s = this.s();
    const d = s?.peerComposite;
    if (!s || !d || d.q1 === null || d.q3 === null || d.median === null)
      return null;
    const own = s.head?.composite ?? null;
    const ends = [d.min ?? d.q1, d.max ?? d.q3, ...(own === null ? [] : [own])];
    const pad = d.min === null ? (d.q3 - d.q1) / 2 || 1 : 0;
    const lo = Math.min(...ends) - pad;
    const hi = Math.max(...ends) + pad;
    const pos = (v: number): number =>
      hi > lo ? ((v - lo) / (hi - lo)) * 100 : 50;
    return {
      d,
      lo,
      hi,
      q1: pos(d.q1),
      q3: pos(d.q3),
      med: pos(d.median),
      whisker:
        d.min === null || d.max === null
          ? null
          : { min: pos(d.min), max: pos(d.max) },
      head: own === null ? null : pos(own),
    };
  });

  protected readonly close = computed(() => {
    const scheme = this.scheme();
    return scheme
      ? closeToCertification(
          this.units().filter((u) => u.level !== 'head'),
          scheme,
        ).slice(0, 15)
      : [];
  });

  protected city(code: string): string {
    return cityName(code, this.i18n.lang());
  }

  /** e.g. "科技贷款占比 42.3%，低于 50.0%，差 7.7" */
  protected shortfallText(x: Shortfall): string {
    const lang = this.i18n.lang();
    const measure = this.i18n.t(x.measure);
    if (x.kind === 'flag') return this.i18n.t('bank.hasFlag', { measure });
    if (x.check === 'C5') return this.i18n.t('bank.growthShort');
    const f = (v: number | null): string =>
      x.kind === 'money'
        ? formatMoney(v, lang)
        : x.kind === 'count'
          ? formatCount(v, lang)
          : x.kind === 'percent'
            ? formatPercent(v, 1)
            : formatNumber(v, 2);
    const gap =
      x.gap === null
        ? '—'
        : x.kind === 'percent'
          ? formatNumber(x.gap, 1) + (lang === 'en' ? ' pp' : ' 个百分点')
          : f(x.gap);
    return this.i18n.t(x.value === null ? 'bank.shortNull' : 'bank.short', {
      measure,
      value: f(x.value),
      threshold: f(x.threshold),
      gap,
    });
  }
}
