import { runScheme } from '../../core/scheme/scheme.store';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
} from '@angular/core';
import type { ExplainResponse } from '@sci/shared';
import { NzTableModule } from 'ng-zorro-antd/table';
import {
  ClassValuePipe,
  NumberPipe,
  ScorePipe,
} from '../../core/format/format.pipes';
import { I18nStore } from '../../core/i18n/i18n.store';
import { TPipe } from '../../core/i18n/t.pipe';
import { PART_NAMES, explainClass, formatPart } from './unit-explain';

/** The ten classes of one unit: value, parts, peer and trend figures, points, and why, in words. */
@Component({
  selector: 'app-class-explain-table',
  imports: [NzTableModule, ClassValuePipe, NumberPipe, ScorePipe, TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-table
      [nzData]="rows()"
      nzSize="small"
      [nzFrontPagination]="false"
      [nzShowPagination]="false"
      [nzScroll]="{ x: '1250px' }"
      data-testid="explain-table"
    >
      <!-- fixed widths: in a scrolled table the words column would otherwise shrink to a sliver -->
      <thead>
        <tr>
          <th nzWidth="150px">{{ 'unit.class' | t }}</th>
          <th class="num" nzWidth="116px">{{ 'col.value' | t }}</th>
          <th class="num wrap" nzWidth="180px">{{ 'unit.parts' | t }}</th>
          <th class="num" nzWidth="48px" title="n">n</th>
          <th class="num" nzWidth="64px">H</th>
          <th class="num" nzWidth="110px">m</th>
          <th class="num" nzWidth="64px">V</th>
          <th class="num" nzWidth="64px">f</th>
          <th class="num" nzWidth="92px">{{ 'col.score' | t }}</th>
          <th nzWidth="362px">{{ 'unit.why' | t }}</th>
        </tr>
      </thead>
      <tbody>
        @for (r of rows(); track r.c.code) {
          <tr [attr.data-class]="r.c.code">
            <td class="cls">
              <b>{{ r.c.code }}</b> {{ 'class.' + r.c.code | t }}
            </td>
            <td class="num">{{ r.c.value | kval: r.c.code }}</td>
            <td class="num parts">
              {{ r.names?.[0] }} {{ r.num }}
              @if (r.den !== null) {
                <br /><span class="muted"
                  >/ {{ r.names?.[1] }} {{ r.den }}</span
                >
              }
            </td>
            <td class="num">{{ r.c.peerSize ?? '—' }}</td>
            <td class="num">{{ r.c.H | num: 3 }}</td>
            <td class="num">
              {{ r.c.m === null ? '—' : (r.c.m | kval: r.c.code) }}
            </td>
            <td class="num">{{ r.c.V | num: 3 }}</td>
            <td class="num">{{ r.c.f | num: 3 }}</td>
            <td class="num pts">
              <b>{{ r.c.points | score }}</b>
              <span class="muted">/ {{ r.c.weight }}</span>
            </td>
            <td class="why">{{ r.why }}</td>
          </tr>
        }
      </tbody>
    </nz-table>
  `,
  styles: `
    /* "Numerator / denominator" may take two lines rather than spill into the next header */
    th.wrap {
      white-space: normal !important;
    }
    .cls {
      white-space: nowrap;
    }
    .parts {
      font-size: 12px;
    }
    .pts {
      white-space: nowrap;
    }
    .why {
      color: #434343;
      font-size: 12px;
      line-height: 1.5;
    }
  `,
})
export class ClassExplainTableComponent {
  private readonly i18n = inject(I18nStore);
  readonly explain = input.required<ExplainResponse>();
  /** the run's scheme: K10's tolerance is the run's, not a number of the web */
  private readonly scheme = runScheme(() => this.explain().run);

  private readonly tolerancePp = computed(() => {
    const k10 = this.scheme()?.classes.K10;
    return k10 && k10.method === 'npl_band' ? k10.tolerance_pp : null;
  });

  protected readonly rows = computed(() => {
    const e = this.explain();
    const lang = this.i18n.lang();
    const t = this.i18n.t.bind(this.i18n);
    return e.classes.map((c) => ({
      c,
      names: PART_NAMES[c.code],
      num: formatPart(c.code, c.numerator, lang),
      den:
        c.denominator === null ? null : formatPart(c.code, c.denominator, lang),
      why: explainClass(c, e.nplRatioAll, lang, t, this.tolerancePp()),
    }));
  });
}
