import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { NzTableModule } from 'ng-zorro-antd/table';
import { ContextStore } from '../../core/context/context.store';
import { ScorePipe } from '../../core/format/format.pipes';
import { TPipe } from '../../core/i18n/t.pipe';
import { GradeTagComponent } from '../../ui/grade-tag.component';
import { PageHeadComponent } from '../../ui/page-head.component';
import { RankChangeComponent } from '../../ui/rank-change.component';
import { StateComponent } from '../../ui/state.component';
import { BankApiService } from './bank-api.service';

/** The regulator's way into the bank view: every bank (its head unit) of the period. */
@Component({
  selector: 'app-bank-list',
  imports: [
    RouterLink,
    NzTableModule,
    ScorePipe,
    TPipe,
    GradeTagComponent,
    PageHeadComponent,
    RankChangeComponent,
    StateComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-page-head [title]="'nav.banks' | t"></app-page-head>
    <div class="card">
      <app-state
        [loading]="ctx.pending(heads)"
        [error]="heads.error()"
        [empty]="!rows().length"
        (retry)="heads.reload()"
      >
        <ng-template>
          <nz-table
            #t
            [nzData]="rows()"
            nzSize="small"
            [nzPageSize]="50"
            data-testid="bank-list"
          >
            <thead>
              <tr>
                <th class="num">{{ 'col.rankLevel' | t }}</th>
                <th></th>
                <th>{{ 'common.code' | t }}</th>
                <th>{{ 'common.name' | t }}</th>
                <th>{{ 'col.peer' | t }}</th>
                <th class="num">{{ 'col.rankPeer' | t }}</th>
                <th>{{ 'col.grade' | t }}</th>
                <th class="num">{{ 'col.composite' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (h of t.data; track h.code) {
                <tr [attr.data-bank]="h.bankCode">
                  <td class="num">{{ h.rankLevel ?? '—' }}</td>
                  <td>
                    <app-rank-change
                      [change]="h.rankLevelChange"
                    ></app-rank-change>
                  </td>
                  <td>
                    <a class="code" [routerLink]="['/banks', h.bankCode]">{{
                      h.bankCode
                    }}</a>
                  </td>
                  <td>
                    <a [routerLink]="['/banks', h.bankCode]">{{ h.name }}</a>
                  </td>
                  <td>{{ 'peer.' + h.peerGroup | t }}</td>
                  <td class="num">{{ h.rankPeer ?? '—' }}</td>
                  <td><app-grade [grade]="h.grade"></app-grade></td>
                  <td class="num">
                    {{ h.scored ? (h.composite | score) : '—' }}
                  </td>
                </tr>
              }
            </tbody>
          </nz-table>
        </ng-template>
      </app-state>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
  `,
})
export class BankListComponent {
  private readonly api = inject(BankApiService);
  protected readonly ctx = inject(ContextStore);
  protected readonly heads = rxResource({
    params: () => {
      const period = this.ctx.period();
      return period
        ? {
            period,
            runId: this.ctx.isLatestPublished()
              ? undefined
              : (this.ctx.runId() ?? undefined),
          }
        : undefined;
    },
    stream: ({ params }) => this.api.heads(params.period, params.runId),
  });
  protected readonly rows = computed(() =>
    this.heads.hasValue() ? (this.heads.value() ?? []) : [],
  );
}
