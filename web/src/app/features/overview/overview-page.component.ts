import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import {
  GRADES,
  INSTITUTION_LEVELS,
  type Grade,
  type InstitutionLevel,
  type RunDiffUnit,
} from '@sci/shared';
import { ContextStore } from '../../core/context/context.store';
import {
  CITY_TILES,
  GRADE_COLOR,
  NO_GRADE_COLOR,
  cityName,
} from '../../core/domain';
import { formatSigned } from '../../core/format/format';
import {
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
import { StateComponent } from '../../ui/state.component';
import { ReportActionsComponent } from '../reports/report-actions.component';
import { CertCountsComponent } from './cert-counts.component';
import { OverviewApiService, type RunRef } from './overview-api.service';
import {
  cityBarsOption,
  cityStats,
  gradeDistributionOption,
} from './overview-charts';
import { movementSummary } from './overview-movement';
import { TopBottomComponent } from './top-bottom.component';

/** The regulator's province at a glance for the selected period and run. */
@Component({
  selector: 'app-overview-page',
  imports: [
    RouterLink,
    ReportActionsComponent,
    NumberPipe,
    PercentPipe,
    ScorePipe,
    TPipe,
    ChartComponent,
    GradeTagComponent,
    PageHeadComponent,
    StateComponent,
    CertCountsComponent,
    TopBottomComponent,
  ],
  templateUrl: './overview-page.component.html',
  styleUrl: './overview-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OverviewPageComponent {
  private readonly api = inject(OverviewApiService);
  private readonly router = inject(Router);
  protected readonly ctx = inject(ContextStore);
  protected readonly i18n = inject(I18nStore);
  protected readonly levels = INSTITUTION_LEVELS;
  protected readonly grades = GRADES;
  protected readonly gradeColor = GRADE_COLOR;

  protected readonly ref = computed<RunRef | undefined>(
    () => {
      const period = this.ctx.period();
      if (!period) return undefined;
      return {
        period,
        runId: this.ctx.isLatestPublished()
          ? undefined
          : (this.ctx.runId() ?? undefined),
      };
    },
    { equal: sameValues },
  );

  protected readonly counts = rxResource({
    params: () => this.ref(),
    stream: ({ params }) => this.api.gradeCounts(params),
  });
  protected readonly cityUnits = rxResource({
    params: () => this.ref(),
    stream: ({ params }) => this.api.allOfLevel(params, 'city'),
  });
  protected readonly movement = rxResource({
    params: () => {
      const a = this.ctx.previousPeriod()?.latestPublishedRun?.id;
      const b = this.ctx.runId();
      return a && b ? { a, b } : undefined;
    },
    stream: ({ params }) => this.api.diff(params.a, params.b),
  });

  private readonly gradeName = (g: Grade): string => this.i18n.t(`grade.${g}`);

  protected readonly c = computed(() =>
    this.counts.hasValue() ? (this.counts.value() ?? null) : null,
  );
  protected readonly kpi = computed(() => {
    const c = this.c();
    if (!c) return null;
    const sum = (g: Grade | 'total'): number =>
      INSTITUTION_LEVELS.reduce((s, l) => s + c[l][g], 0);
    const scored = GRADES.reduce((s, g) => s + sum(g), 0);
    return {
      total: sum('total'),
      scored,
      excellent: sum('excellent'),
      good: sum('good'),
      pass: sum('pass'),
      improve: sum('improve'),
    };
  });
  protected readonly gradeChart = computed(() => {
    const c = this.c();
    return c
      ? gradeDistributionOption(c, this.gradeName, (l) =>
          this.i18n.t(`level.${l}`),
        )
      : null;
  });

  protected readonly cities = computed(() => {
    const units = this.cityUnits.hasValue()
      ? (this.cityUnits.value() ?? [])
      : [];
    return cityStats(units, (code) => cityName(code, this.i18n.lang()));
  });
  protected readonly cityChart = computed(() =>
    this.cities().some((s) => s.units)
      ? cityBarsOption(this.cities(), this.gradeName)
      : null,
  );
  protected readonly tiles = computed(() =>
    this.cities().map((s) => {
      const [col, row] = CITY_TILES[s.code] ?? [0, 0];
      return {
        ...s,
        col: col + 1,
        row: row + 1,
        color: s.mean === null ? NO_GRADE_COLOR : GRADE_COLOR[gradeOf(s.mean)],
      };
    }),
  );

  protected readonly moves = computed(() => {
    const d = this.movement.hasValue() ? this.movement.value() : undefined;
    return d ? { a: d.a, b: d.b, ...movementSummary(d) } : null;
  });

  protected signed(v: number | null): string {
    return formatSigned(v, 2);
  }

  protected rankMove(u: RunDiffUnit): number | null {
    return u.rankLevel.delta === null ? null : -u.rankLevel.delta;
  }
  /**
   * Query params of the ranking board behind a number on this page (issue 14). The overview
   * counts every level, so a link says `level=` (all levels) unless it names one.
   */
  protected board(f: { level?: InstitutionLevel; grade?: Grade; city?: string }): Record<string, string> {
    const p: Record<string, string> = { level: f.level ?? '' };
    if (f.grade) p['grade'] = f.grade;
    if (f.city) p['city'] = f.city;
    const period = this.ctx.period();
    if (period) p['period'] = period;
    return p;
  }

  /** A grade bar: its series is the grade, its category the level. */
  protected onGradeBar(e: { seriesIndex: number; dataIndex: number }): void {
    const grade = GRADES[e.seriesIndex];
    const level = INSTITUTION_LEVELS[e.dataIndex];
    if (grade && level) void this.router.navigate(['/ranking'], { queryParams: this.board({ level, grade }) });
  }

  /** A city bar: its series is the grade, its category the city (city-level units). */
  protected onCityBar(e: { seriesIndex: number; dataIndex: number }): void {
    const grade = GRADES[e.seriesIndex];
    const city = this.cities()[e.dataIndex]?.code;
    if (grade && city) void this.router.navigate(['/ranking'], { queryParams: this.board({ level: 'city', grade, city }) });
  }
}

/** The grade band a mean composite falls in (default scheme thresholds), for tile colours only. */
function gradeOf(v: number): Grade {
  return v >= 90
    ? 'excellent'
    : v >= 75
      ? 'good'
      : v >= 60
        ? 'pass'
        : 'improve';
}
