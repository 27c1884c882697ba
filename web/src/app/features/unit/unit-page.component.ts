import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { type ClassCode } from '@sci/shared';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { AuthStore } from '../../core/auth/auth.store';
import { ContextStore } from '../../core/context/context.store';
import { cityName } from '../../core/domain';
import { classWeights, runScheme } from '../../core/scheme/scheme.store';
import {
  MoneyPipe,
  MoneyScalePipe,
  NumberPipe,
  PercentPipe,
  ScorePipe,
} from '../../core/format/format.pipes';
import { I18nStore } from '../../core/i18n/i18n.store';
import { TPipe } from '../../core/i18n/t.pipe';
import { sameValues } from '../../core/same-values';
import { ChartComponent } from '../../ui/chart.component';
import { GradeTagComponent } from '../../ui/grade-tag.component';
import { PageHeadComponent } from '../../ui/page-head.component';
import { RankChangeComponent } from '../../ui/rank-change.component';
import { StateComponent } from '../../ui/state.component';
import { ReportActionsComponent } from '../reports/report-actions.component';
import { UnitImproveComponent } from './unit-improve.component';
import { ClassExplainTableComponent } from './class-explain-table.component';
import { UnitApiService, type UnitQuery } from './unit-api.service';
import { UnitSignalsComponent } from './unit-signals.component';
import { UnitCertificationComponent } from './unit-certification.component';
import {
  type ChartLabels,
  peerBoxOption,
  radarOption,
  trendOption,
} from './unit-charts';

/** One unit: where it stands, why (every class explained), its history and its certification. */
@Component({
  selector: 'app-unit-page',
  imports: [
    UnitImproveComponent,
    ReportActionsComponent,
    RouterLink,
    NzTableModule,
    NzTooltipModule,
    MoneyPipe,
    MoneyScalePipe,
    NumberPipe,
    PercentPipe,
    ScorePipe,
    TPipe,
    ChartComponent,
    GradeTagComponent,
    PageHeadComponent,
    RankChangeComponent,
    StateComponent,
    ClassExplainTableComponent,
    UnitCertificationComponent,
    UnitSignalsComponent,
  ],
  templateUrl: './unit-page.component.html',
  styleUrl: './unit-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UnitPageComponent {
  private readonly api = inject(UnitApiService);
  protected readonly auth = inject(AuthStore);
  protected readonly ctx = inject(ContextStore);
  protected readonly i18n = inject(I18nStore);

  /** route parameter */
  readonly code = input.required<string>();

  private readonly query = computed<UnitQuery | undefined>(
    () => {
      const period = this.ctx.period();
      if (!period) return undefined;
      return {
        code: this.code(),
        period,
        runId: this.ctx.isLatestPublished()
          ? undefined
          : (this.ctx.runId() ?? undefined),
      };
    },
    { equal: sameValues },
  );
  protected readonly detail = rxResource({
    params: () => this.query(),
    stream: ({ params }) => this.api.detail(params),
  });
  protected readonly explain = rxResource({
    params: () => this.query(),
    stream: ({ params }) => this.api.explain(params),
  });

  protected readonly d = computed(() =>
    this.detail.hasValue() ? (this.detail.value() ?? null) : null,
  );
  protected readonly e = computed(() =>
    this.explain.hasValue() ? (this.explain.value() ?? null) : null,
  );

  /** the scheme version of the run shown (a version may differ from the default) */
  private readonly scheme = runScheme(() => this.d()?.run ?? this.e()?.run);
  private readonly weights = computed<Record<ClassCode, number> | null>(() => {
    const s = this.scheme();
    return s ? classWeights(s) : null;
  });

  private readonly labels = computed<ChartLabels>(() => ({
    lang: this.i18n.lang(),
    className: (k) => this.i18n.t(`class.${k}`),
    unitSeries: this.i18n.t('unit.thisUnit'),
    peerSeries: this.i18n.t('unit.peerMedian'),
    points: this.i18n.t('common.points'),
  }));

  protected readonly radar = computed(() => {
    const d = this.d();
    const w = this.weights();
    return d && w ? radarOption(d.result, d.peers, w, this.labels()) : null;
  });
  protected readonly trend = computed(() => {
    const d = this.d();
    return d && d.history.length ? trendOption(d.history, this.labels()) : null;
  });
  protected readonly box = computed(() => {
    const d = this.d();
    return d ? peerBoxOption(d.result, d.peers, this.labels()) : null;
  });

  protected readonly city = computed(() =>
    cityName(this.d()?.result.regionCode, this.i18n.lang()),
  );
  protected readonly flagTexts = computed(() => {
    const e = this.e();
    // an unscored unit's NO_LOANS is said once, by the notice card
    const said = (code: string): boolean =>
      code === 'NO_LOANS' && this.d()?.result.scored === false;
    if (e)
      return e.flags
        .filter((f) => !said(f.code))
        .map((f) => ({
          code: f.code,
          text: this.i18n.lang() === 'en' ? f.en : f.zh,
        }));
    return (this.d()?.result.flags ?? [])
      .filter((c) => !said(c))
      .map((code) => ({
        code,
        text: this.i18n.t(`flagDesc.${code}`),
      }));
  });
}
