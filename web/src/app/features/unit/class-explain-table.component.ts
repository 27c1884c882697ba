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
import { PART_NAMES, formatPart } from './unit-explain';

/**
 * The ten classes of one unit: value, points and the why in words (built by the API from the run's
 * scheme); the symbols of the formula only in the expandable "how it is computed" part.
 */
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
      data-testid="explain-table"
    >
      <thead>
        <tr>
          <th nzWidth="170px">{{ 'unit.class' | t }}</th>
          <th class="num" nzWidth="116px">{{ 'col.value' | t }}</th>
          <th class="num" nzWidth="92px">{{ 'words.points' | t }}</th>
          <th>{{ 'words.inWords' | t }}</th>
        </tr>
      </thead>
      <tbody>
        @for (r of rows(); track r.c.code) {
          <tr [attr.data-class]="r.c.code">
            <td class="cls">{{ 'class.' + r.c.code | t }}</td>
            <td class="num">{{ r.c.value | kval: r.c.code }}</td>
            <td class="num pts">
              <b>{{ r.c.points | score }}</b>
              <span class="muted">/ {{ r.c.weight }}</span>
            </td>
            <td class="why" data-testid="why">{{ r.why }}</td>
          </tr>
        }
      </tbody>
    </nz-table>
    <details class="how" data-testid="explain-how">
      <summary>{{ 'words.how' | t }}</summary>
      <p class="muted legend">{{ 'words.symbols' | t }}</p>
      <table class="formula">
        <thead>
          <tr>
            <th>{{ 'unit.class' | t }}</th>
            <th class="num">{{ 'words.parts' | t }}</th>
            <th class="num">n</th>
            <th class="num">H</th>
            <th class="num">m</th>
            <th class="num">V</th>
            <th class="num">f</th>
          </tr>
        </thead>
        <tbody>
          @for (r of rows(); track r.c.code) {
            <tr>
              <td class="cls">
                <b>{{ r.c.code }}</b>
              </td>
              <td class="num parts">
                {{ r.names?.[0] }} {{ r.num }}
                @if (r.den !== null) {
                  <span class="muted">/ {{ r.names?.[1] }} {{ r.den }}</span>
                }
              </td>
              <td class="num">{{ r.c.peerSize ?? '—' }}</td>
              <td class="num">{{ r.c.H | num: 3 }}</td>
              <td class="num">
                {{ r.c.m === null ? '—' : (r.c.m | kval: r.c.code) }}
              </td>
              <td class="num">{{ r.c.V | num: 3 }}</td>
              <td class="num">{{ r.c.f | num: 3 }}</td>
            </tr>
          }
        </tbody>
      </table>
    </details>
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
      min-width: 320px;
      color: #262626;
      line-height: 1.6;
    }
    .how {
      margin-top: 12px;
    }
    .how summary {
      cursor: pointer;
      color: #1677ff;
    }
    .legend {
      font-size: 12px;
      margin: 8px 0;
    }
    .formula {
      width: 100%;
      border-collapse: collapse;
      font-size: 12px;
    }
    .formula th,
    .formula td {
      padding: 4px 8px;
      border-bottom: 1px solid #f0f0f0;
      text-align: left;
    }
    .formula .num {
      text-align: right;
    }
    @media print {
      .how {
        display: none;
      }
    }
  `,
})
export class ClassExplainTableComponent {
  private readonly i18n = inject(I18nStore);
  readonly explain = input.required<ExplainResponse>();
  protected readonly rows = computed(() => {
    const e = this.explain();
    const lang = this.i18n.lang();
    return e.classes.map((c) => ({
      c,
      names: PART_NAMES[c.code],
      num: formatPart(c.code, c.numerator, lang),
      den:
        c.denominator === null ? null : formatPart(c.code, c.denominator, lang),
      why: lang === 'en' ? c.why.en : c.why.zh,
    }));
  });
}
