import {
  ChangeDetectionStrategy,
  Component,
  inject,
  input,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { InstitutionLevel } from '@sci/shared';
import { ScorePipe } from '../../core/format/format.pipes';
import { TPipe } from '../../core/i18n/t.pipe';
import { GradeTagComponent } from '../../ui/grade-tag.component';
import { RankChangeComponent } from '../../ui/rank-change.component';
import { StateComponent } from '../../ui/state.component';
import { OverviewApiService, type RunRef } from './overview-api.service';

/** The five best and five worst scored units of one level. */
@Component({
  selector: 'app-top-bottom',
  imports: [
    RouterLink,
    ScorePipe,
    TPipe,
    GradeTagComponent,
    RankChangeComponent,
    StateComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>{{ 'overview.topBottom' | t: { level: ('level.' + level() | t) } }}</h2>
    <app-state
      [resource]="res"
      [empty]="!res.hasValue() || !res.value()!.top.length"
      (retry)="res.reload()"
      [minHeight]="80"
    >
      <ng-template>
        @for (part of ['top', 'bottom']; track part) {
          <div class="part">
            {{ (part === 'top' ? 'overview.top' : 'overview.bottom') | t }}
          </div>
          <table>
            @for (
              u of part === 'top' ? res.value()!.top : res.value()!.bottom;
              track u.code
            ) {
              <tr [attr.data-unit]="u.code">
                <td class="num rank">{{ u.rankLevel }}</td>
                <td class="arrow">
                  <app-rank-change
                    [change]="u.rankLevelChange"
                  ></app-rank-change>
                </td>
                <td class="name">
                  <a [routerLink]="['/units', u.code]" [title]="u.code">{{
                    u.name
                  }}</a>
                </td>
                <td><app-grade [grade]="u.grade"></app-grade></td>
                <td class="num">{{ u.composite | score }}</td>
              </tr>
            }
          </table>
        }
      </ng-template>
    </app-state>
  `,
  styles: `
    table {
      width: 100%;
      border-collapse: collapse;
    }
    td {
      padding: 2px 4px;
      border-bottom: 1px solid #f5f5f5;
    }
    .part {
      margin: 6px 0 2px;
      color: #8c8c8c;
      font-size: 12px;
    }
    .rank {
      width: 36px;
      font-weight: 600;
    }
    .arrow {
      width: 36px;
    }
    .name {
      max-width: 0;
      width: 100%;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
  `,
})
export class TopBottomComponent {
  private readonly api = inject(OverviewApiService);
  readonly level = input.required<InstitutionLevel>();
  readonly runRef = input.required<RunRef>();
  protected readonly res = rxResource({
    params: () => ({ ref: this.runRef(), level: this.level() }),
    stream: ({ params }) => this.api.topBottom(params.ref, params.level),
  });
}
