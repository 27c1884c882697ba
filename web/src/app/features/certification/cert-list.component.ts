import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { NzTableModule } from 'ng-zorro-antd/table';
import { cityName } from '../../core/domain';
import { DateTimePipe } from '../../core/format/format.pipes';
import { I18nStore } from '../../core/i18n/i18n.store';
import { TPipe } from '../../core/i18n/t.pipe';
import { StateComponent } from '../../ui/state.component';
import { OutcomeTagComponent } from './cert-outcome.component';
import { CertificationApiService } from './certification-api.service';
import { CertificationStore } from './certification.store';

/** The published list of certified institutions (授牌名单) of the year, with counts by city and bank. */
@Component({
  selector: 'app-cert-list',
  imports: [
    RouterLink,
    NzTableModule,
    DateTimePipe,
    TPipe,
    StateComponent,
    OutcomeTagComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-state
      [resource]="res"
      [empty]="!res.hasValue()"
      (retry)="res.reload()"
    >
      <ng-template>
        @let l = res.value()!;
        <div class="head">
          @if (l.published) {
            <span class="pub">{{
              'cert.listPublished' | t: { year: l.year }
            }}</span>
            <span class="muted">{{ l.publishedAt | dt }}</span>
          } @else {
            <span class="muted">{{ 'cert.listNotPublished' | t }}</span>
          }
          <b>{{ 'common.total' | t: { n: l.items.length } }}</b>
        </div>
        <div class="cols">
          <nz-table
            #t
            [nzData]="l.items"
            nzSize="small"
            [nzPageSize]="20"
            [nzNoResult]="'common.empty' | t"
            data-testid="cert-list"
          >
            <thead>
              <tr>
                <th>{{ 'col.unit' | t }}</th>
                <th>{{ 'col.bank' | t }}</th>
                <th>{{ 'col.city' | t }}</th>
                <th>{{ 'cert.recommendation' | t }}</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              @for (u of t.data; track u.institutionCode) {
                <tr>
                  <td>
                    <a
                      class="code"
                      [routerLink]="['/units', u.institutionCode]"
                      >{{ u.institutionCode }}</a
                    >
                    {{ u.name }}
                  </td>
                  <td>{{ u.bankName }}</td>
                  <td>{{ city(u.regionCode) }}</td>
                  <td>
                    <app-outcome [outcome]="u.recommendation"></app-outcome>
                  </td>
                  <td>
                    @if (u.newlyCertified) {
                      <span class="new">{{ 'cert.new' | t }}</span>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </nz-table>
          <div class="counts">
            <h3>{{ 'cert.byCity' | t }}</h3>
            @for (c of byRegion(); track c.regionCode) {
              <div class="bar-row">
                <span class="lbl">{{ city(c.regionCode) }}</span
                ><span class="bar" [style.width.%]="c.pct"></span
                ><span class="n">{{ c.count }}</span>
              </div>
            }
            <h3>{{ 'cert.byBank' | t }}</h3>
            @for (b of l.byBank; track b.bankCode) {
              <div class="bar-row">
                <span class="lbl" [title]="b.bankName">{{ b.bankName }}</span
                ><span class="n">{{ b.count }}</span>
              </div>
            }
          </div>
        </div>
      </ng-template>
    </app-state>
  `,
  styles: `
    .head {
      display: flex;
      gap: 12px;
      align-items: baseline;
      margin-bottom: 8px;
    }
    .pub {
      color: #1f7a3a;
      font-weight: 600;
    }
    .cols {
      display: grid;
      grid-template-columns: minmax(0, 1fr) 280px;
      gap: 16px;
    }
    .counts h3 {
      margin: 0 0 4px;
      font-size: 13px;
    }
    .counts h3:not(:first-child) {
      margin-top: 12px;
    }
    .bar-row {
      display: flex;
      align-items: center;
      gap: 6px;
      font-size: 12px;
      line-height: 20px;
    }
    .lbl {
      width: 120px;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .bar {
      display: inline-block;
      height: 10px;
      background: #2b6cb0;
      border-radius: 2px;
      min-width: 2px;
      max-width: 110px;
    }
    .n {
      font-variant-numeric: tabular-nums;
    }
    .new {
      font-size: 11px;
      color: #fff;
      background: #c08a12;
      padding: 0 4px;
      border-radius: 2px;
    }
  `,
})
export class CertListComponent {
  private readonly api = inject(CertificationApiService);
  private readonly store = inject(CertificationStore);
  private readonly i18n = inject(I18nStore);
  protected readonly res = rxResource({
    params: () => {
      const year = this.store.year();
      return year ? { year, v: this.store.changes() } : undefined;
    },
    stream: ({ params }) => this.api.publishedList(params.year),
  });
  protected readonly byRegion = computed(() => {
    const rows = this.res.hasValue() ? (this.res.value()?.byRegion ?? []) : [];
    const max = Math.max(1, ...rows.map((r) => r.count));
    return rows.map((r) => ({ ...r, pct: (100 * r.count) / max }));
  });

  protected city(code: string): string {
    return cityName(code, this.i18n.lang());
  }
}
