import {
  ChangeDetectionStrategy,
  Component,
  inject,
  input,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { CHECK_CODES } from '@sci/shared';
import { DateTimePipe } from '../../core/format/format.pipes';
import { I18nStore } from '../../core/i18n/i18n.store';
import { TPipe } from '../../core/i18n/t.pipe';
import { StateComponent } from '../../ui/state.component';
import { CertificationApiService } from './certification-api.service';
import { OutcomeTagComponent } from './cert-outcome.component';

/** A unit's certification path across years: application, recommendation, decision, listed. */
@Component({
  selector: 'app-cert-history',
  imports: [DateTimePipe, TPipe, StateComponent, OutcomeTagComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-state
      [resource]="res"
      [empty]="!res.hasValue() || !res.value()!.years.length"
      [emptyText]="'cert.noHistory' | t"
      (retry)="res.reload()"
      [minHeight]="60"
    >
      <ng-template>
        @let h = res.value()!;
        <div class="now" data-testid="cert-now">
          {{ h.name }} ({{ h.institutionCode }}) ·
          @if (h.currentlyCertified) {
            <b class="yes">{{ 'cert.currentlyCertified' | t }}</b>
          } @else {
            <span class="muted">{{ 'cert.notCertified' | t }}</span>
          }
        </div>
        <ol class="years">
          @for (y of h.years; track y.year) {
            <li [attr.data-year]="y.year">
              <span class="year">{{ y.year }}</span>
              <span class="cell">
                @if (y.application) {
                  {{ 'cert.applied' | t }} ·
                  {{ 'appStatus.' + y.application.status | t }}
                } @else {
                  <span class="muted">{{ 'cert.noApplication' | t }}</span>
                }
              </span>
              <span class="cell">
                @if (y.evaluation; as ev) {
                  <app-outcome [outcome]="ev.recommendation"></app-outcome>
                  <span class="checks">
                    @for (c of checks; track c) {
                      <span
                        [class.pass]="ev.passes[c]"
                        [class.fail]="!ev.passes[c]"
                        [title]="c + ' ' + ('check.' + c | t)"
                        >{{ c }}</span
                      >
                    }
                  </span>
                }
              </span>
              <span class="cell">
                @if (y.decision; as d) {
                  <b
                    [class.yes]="d.decision === 'confirm'"
                    [class.no]="d.decision === 'reject'"
                    >{{ 'decision.' + d.decision | t }}</b
                  >
                  @if (d.reason) {
                    <span class="muted">{{
                      'dash.paren' | t: { x: d.reason }
                    }}</span>
                  }
                  <span class="muted"
                    >{{ d.decidedBy }} {{ d.decidedAt | dt }}</span
                  >
                }
              </span>
              <span class="cell">
                @if (y.listed) {
                  <span class="listed">{{ 'cert.listed' | t }}</span>
                }
              </span>
            </li>
          }
        </ol>
      </ng-template>
    </app-state>
  `,
  styles: `
    .now {
      margin-bottom: 6px;
    }
    .yes {
      color: #1f7a3a;
    }
    .no {
      color: #c0392b;
    }
    .years {
      list-style: none;
      margin: 0;
      padding: 0;
      border-left: 2px solid #d6e4f0;
    }
    .years li {
      display: grid;
      grid-template-columns: 56px 150px 260px minmax(0, 1fr) 70px;
      gap: 8px;
      align-items: center;
      padding: 4px 8px;
      position: relative;
    }
    .years li::before {
      content: '';
      position: absolute;
      left: -6px;
      top: 10px;
      width: 10px;
      height: 10px;
      border-radius: 50%;
      background: #2b6cb0;
    }
    .year {
      font-weight: 700;
    }
    .checks {
      margin-left: 6px;
      display: inline-flex;
      gap: 2px;
    }
    .checks span {
      font-size: 10px;
      padding: 0 2px;
      border-radius: 2px;
    }
    .pass {
      color: #237804;
      background: #f6ffed;
    }
    .fail {
      color: #a8071a;
      background: #fff1f0;
    }
    .listed {
      color: #fff;
      background: #1f7a3a;
      padding: 0 6px;
      border-radius: 2px;
      font-size: 12px;
    }
  `,
})
export class CertHistoryComponent {
  private readonly api = inject(CertificationApiService);
  protected readonly i18n = inject(I18nStore);
  protected readonly checks = CHECK_CODES;
  readonly code = input.required<string>();
  protected readonly res = rxResource({
    params: () => this.code(),
    stream: ({ params }) => this.api.history(params),
  });
}
