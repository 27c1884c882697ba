import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { RunDiffUnit } from '@sci/shared';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule } from 'ng-zorro-antd/table';
import { FormsModule } from '@angular/forms';
import { ScorePipe } from '../../core/format/format.pipes';
import { formatSigned } from '../../core/format/format';
import { TPipe } from '../../core/i18n/t.pipe';
import { GradeTagComponent } from '../../ui/grade-tag.component';
import { RankChangeComponent } from '../../ui/rank-change.component';
import { StateComponent } from '../../ui/state.component';
import { RunsApiService } from './runs-api.service';

/** Units whose grade or rank differs between run a and run b, largest composite change first. */
@Component({
  selector: 'app-run-diff',
  imports: [
    FormsModule,
    RouterLink,
    NzTableModule,
    NzSwitchModule,
    ScorePipe,
    TPipe,
    GradeTagComponent,
    RankChangeComponent,
    StateComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-state
      [resource]="diff"
      [empty]="!diff.hasValue()"
      (retry)="diff.reload()"
    >
      <ng-template>
        @let d = diff.value()!;
        <div class="summary" data-testid="diff-summary">
          <span
            >#{{ d.a.id }} ({{ d.a.period }}, {{ d.a.schemeId }} v{{
              d.a.schemeVersion
            }}) → #{{ d.b.id }} ({{ d.b.period }}, {{ d.b.schemeId }} v{{
              d.b.schemeVersion
            }})</span
          >
          <span
            ><b>{{ d.units.length }}</b> {{ 'runs.diffChanged' | t }} ·
            <b>{{ gradeChanged() }}</b> {{ 'runs.diffGrade' | t }} ·
            {{ d.unchangedCount }} {{ 'runs.diffUnchanged' | t }}</span
          >
          <label class="only"
            ><nz-switch
              nzSize="small"
              [ngModel]="onlyGrade()"
              (ngModelChange)="onlyGrade.set($event)"
            ></nz-switch>
            {{ 'runs.diffOnlyGrade' | t }}</label
          >
        </div>
        <nz-table #t [nzData]="rows()" nzSize="small" [nzPageSize]="20">
          <thead>
            <tr>
              <th>{{ 'col.unit' | t }}</th>
              <th>{{ 'col.grade' | t }}</th>
              <th class="num">{{ 'col.rankLevel' | t }}</th>
              <th class="num">{{ 'col.composite' | t }}</th>
              <th>{{ 'runs.topClass' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (u of t.data; track u.code) {
              <tr>
                <td>
                  <a class="code" [routerLink]="['/units', u.code]">{{
                    u.code
                  }}</a>
                  {{ u.name }}
                </td>
                <td>
                  @if (u.onlyIn) {
                    <span class="muted">{{
                      (u.onlyIn === 'a' ? 'runs.onlyInA' : 'runs.onlyInB') | t
                    }}</span>
                  } @else {
                    <app-grade [grade]="u.grade.a"></app-grade> →
                    <app-grade [grade]="u.grade.b"></app-grade>
                  }
                </td>
                <td class="num">
                  {{ u.rankLevel.a ?? '—' }} → {{ u.rankLevel.b ?? '—' }}
                  <app-rank-change
                    [change]="
                      u.rankLevel.delta === null ? null : -u.rankLevel.delta
                    "
                  ></app-rank-change>
                </td>
                <td class="num">
                  {{ u.composite.a | score }} → {{ u.composite.b | score }} ({{
                    signed(u.composite.delta)
                  }})
                </td>
                <td>
                  @if (u.topClass; as c) {
                    {{ c.code }} {{ 'class.' + c.code | t }}
                    {{ signed(c.delta) }}
                  }
                </td>
              </tr>
            }
          </tbody>
        </nz-table>
      </ng-template>
    </app-state>
  `,
  styles: `
    .summary {
      display: flex;
      gap: 16px;
      flex-wrap: wrap;
      align-items: center;
      margin-bottom: 8px;
      color: #434343;
    }
    .only {
      display: inline-flex;
      gap: 6px;
      align-items: center;
    }
  `,
})
export class RunDiffComponent {
  private readonly api = inject(RunsApiService);
  readonly a = input.required<number>();
  readonly b = input.required<number>();
  protected readonly onlyGrade = signal(false);

  protected readonly diff = rxResource({
    params: () => ({ a: this.a(), b: this.b() }),
    stream: ({ params }) => this.api.diff(params.a, params.b),
  });
  private readonly units = computed<RunDiffUnit[]>(() =>
    this.diff.hasValue() ? (this.diff.value()?.units ?? []) : [],
  );
  protected readonly gradeChanged = computed(
    () => this.units().filter((u) => u.grade.changed).length,
  );
  protected readonly rows = computed(() =>
    this.onlyGrade()
      ? this.units().filter((u) => u.grade.changed)
      : this.units(),
  );

  protected signed(v: number | null): string {
    return formatSigned(v, 2);
  }
}
