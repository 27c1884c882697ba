import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { SignalDetail } from '@sci/shared';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ContextStore } from '../../core/context/context.store';
import { MoneyPipe } from '../../core/format/format.pipes';
import { TPipe } from '../../core/i18n/t.pipe';
import { sameValues } from '../../core/same-values';
import { StateComponent } from '../../ui/state.component';
import { formatRateE4, formatSignalMeasure } from '../signals/signal-format';
import { SignalsApiService } from '../signals/signals-api.service';

/** The unit page's integrity-signal panel: each signal of the unit with the loan rows behind it. */
@Component({
  selector: 'app-unit-signals',
  imports: [NzTableModule, NzTagModule, MoneyPipe, TPipe, StateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" data-testid="unit-signals">
      <h2>{{ 'signals.panel' | t }}</h2>
      <app-state
        [loading]="res.isLoading()"
        [error]="res.error()"
        [empty]="!items().length"
        [emptyText]="'signals.panelEmpty' | t"
        [minHeight]="60"
        (retry)="res.reload()"
      >
        <ng-template>
          @for (s of items(); track s.id) {
            <div class="signal" [attr.data-kind]="s.kind">
              <div class="head">
                <nz-tag [nzColor]="s.severity === 'high' ? 'red' : 'orange'">{{
                  'severity.' + s.severity | t
                }}</nz-tag>
                <b>{{ 'signalKind.' + s.kind | t }}</b>
                <span class="measure">
                  {{ measure(s, s.value) }}
                  <span class="muted"
                    >({{ 'signals.vs' | t }} {{ measure(s, s.threshold) }}
                    @if (s.measure === 'pct') {
                      · {{ 'signals.basis' | t }} {{ s.basisFen / 100 | money }}
                    }
                    )</span
                  >
                </span>
              </div>
              <p class="muted desc">{{ 'signalDesc.' + s.kind | t }}</p>
              <nz-table
                #rows
                [nzData]="s.rows"
                [nzShowPagination]="false"
                [nzPageSize]="s.rows.length || 1"
                nzSize="small"
                [nzTitle]="title"
                data-testid="signal-rows"
              >
                <thead>
                  <tr>
                    <th>{{ 'loan.no' | t }}</th>
                    <th>{{ 'loan.borrower' | t }}</th>
                    <th>{{ 'loan.issue' | t }}</th>
                    <th>{{ 'loan.maturity' | t }}</th>
                    <th class="num">{{ 'loan.amount' | t }}</th>
                    <th class="num">{{ 'loan.balance' | t }}</th>
                    <th class="num">{{ 'loan.rate' | t }}</th>
                    <th>{{ 'loan.riskClass' | t }}</th>
                    <th>{{ 'loan.note' | t }}</th>
                  </tr>
                </thead>
                <tbody>
                  @for (r of rows.data; track r.loanNo) {
                    <tr [attr.data-loan]="r.loanNo">
                      <td class="mono">{{ r.loanNo }}</td>
                      <td class="mono">{{ r.uscc }}</td>
                      <td>{{ r.issueDate }}</td>
                      <td>{{ r.maturityDate }}</td>
                      <td class="num">{{ r.amountFen / 100 | money }}</td>
                      <td class="num">{{ r.balanceFen / 100 | money }}</td>
                      <td class="num">{{ rate(r.rateE4) }}</td>
                      <td>{{ 'risk.' + r.riskClass | t }}</td>
                      <td class="muted">{{ r.note }}</td>
                    </tr>
                  }
                </tbody>
              </nz-table>
              <ng-template #title>{{ 'signals.drivingRows' | t }}</ng-template>
              @if (s.rowCount > s.rows.length) {
                <p class="muted">
                  {{
                    'signals.moreRows' | t: { n: s.rowCount - s.rows.length }
                  }}
                </p>
              }
            </div>
          }
        </ng-template>
      </app-state>
    </section>
  `,
  styles: `
    .signal + .signal {
      margin-top: 16px;
      border-top: 1px solid #f0f0f0;
      padding-top: 12px;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: baseline;
    }
    .measure {
      margin-left: auto;
      font-weight: 600;
    }
    .muted {
      color: #8c8c8c;
      font-weight: normal;
      font-size: 12px;
    }
    .desc {
      margin: 4px 0 8px;
    }
    .num {
      text-align: right;
      white-space: nowrap;
    }
    .mono {
      font-family: monospace;
      font-size: 12px;
    }
  `,
})
export class UnitSignalsComponent {
  private readonly api = inject(SignalsApiService);
  private readonly ctx = inject(ContextStore);

  readonly code = input.required<string>();

  private readonly query = computed(
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
  protected readonly res = rxResource({
    params: () => this.query(),
    stream: ({ params }) =>
      this.api.unit(params.code, {
        period: params.period,
        runId: params.runId,
      }),
  });
  protected readonly items = computed<SignalDetail[]>(() =>
    this.res.hasValue() ? (this.res.value()?.items ?? []) : [],
  );

  protected measure(s: SignalDetail, v: number): string {
    return formatSignalMeasure(s, v);
  }

  protected rate(e4: number): string {
    return formatRateE4(e4);
  }
}
