import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { SCHEME_SDTF_2025, type ExplainResponse } from '@sci/shared';
import { I18nStore } from '../../core/i18n/i18n.store';
import { TPipe } from '../../core/i18n/t.pipe';
import { StateComponent } from '../../ui/state.component';
import { CertHistoryComponent } from '../certification/cert-history.component';
import { OutcomeTagComponent } from '../certification/cert-outcome.component';
import { CertificationApiService } from '../certification/certification-api.service';
import { unitReadiness } from './unit-readiness';

/**
 * The unit's certification: its path across years, and the shortfalls of the latest year in
 * which it was evaluated (what it still lacks, in words).
 */
@Component({
  selector: 'app-unit-certification',
  imports: [TPipe, StateComponent, CertHistoryComponent, OutcomeTagComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div class="card" data-testid="unit-cert">
    <h2>{{ 'unit.certTitle' | t }}</h2>
    <app-cert-history [code]="code()"></app-cert-history>
    @if (readiness(); as rd) {
      <div class="ready" data-testid="unit-readiness">
        <b>{{ 'dash.readinessTitle' | t: { period: rd.period } }}</b>
        @for (c of rd.checks; track c.code) {
          <span
            class="chk"
            [class.pass]="c.pass"
            [attr.data-check]="c.code"
            [attr.data-pass]="c.pass"
            >{{ c.pass ? '✓' : '✗' }} {{ 'check.' + c.code | t }}</span
          >
        }
        <div class="note" [class.ok]="!rd.failed.length">
          {{
            (rd.failed.length ? 'dash.readinessSome' : 'dash.readinessAll')
              | t: { n: rd.failed.length }
          }}
          <span class="muted">{{ 'dash.readinessNote' | t }}</span>
        </div>
      </div>
    }
    @if (latest(); as y) {
      <app-state
        [resource]="detail"
        [empty]="!detail.hasValue()"
        [minHeight]="40"
      >
        <ng-template>
          @let d = detail.value()!;
          <div class="latest">
            <b>{{ 'cert.shortfallsOf' | t: { year: y } }}</b>
            <app-outcome [outcome]="d.recommendation"></app-outcome>
          </div>
          @if (d.shortfalls.length) {
            <ul class="short" data-testid="unit-cert-shortfalls">
              @for (s of d.shortfalls; track $index) {
                <li>{{ i18n.isZh() ? s.zh : s.en }}</li>
              }
            </ul>
          } @else {
            <div class="ok">{{ 'cert.allPassed' | t }}</div>
          }
        </ng-template>
      </app-state>
    }
  </div>`,
  styles: `
    .ready {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 10px;
      align-items: baseline;
      margin-top: 8px;
      font-size: 12px;
    }
    .chk {
      color: #a8071a;
      white-space: nowrap;
    }
    .chk.pass {
      color: #237804;
    }
    .ready .note {
      flex-basis: 100%;
    }
    .latest {
      display: flex;
      gap: 8px;
      align-items: center;
      margin-top: 8px;
    }
    .short {
      margin: 4px 0 0;
      padding-left: 18px;
      color: #a8071a;
      font-size: 12px;
    }
    .ok {
      color: #237804;
      font-size: 12px;
    }
  `,
})
export class UnitCertificationComponent {
  private readonly api = inject(CertificationApiService);
  protected readonly i18n = inject(I18nStore);
  readonly code = input.required<string>();
  /** the unit's explanation at the selected run: readiness comes from it */
  readonly explain = input<ExplainResponse | null>(null);

  /**
   * C3-C8 by the engine's checks on this period's result, the same rule the bank page and the
   * certification exercise apply. TODO(#12): the run's scheme version instead of the default.
   */
  protected readonly readiness = computed(() => {
    const x = this.explain();
    if (!x) return null;
    return { period: x.run.period, ...unitReadiness(x, SCHEME_SDTF_2025) };
  });

  private readonly history = rxResource({
    params: () => this.code(),
    stream: ({ params }) => this.api.history(params),
  });
  /** the latest year in which the unit was evaluated */
  protected readonly latest = computed<number | null>(() => {
    const years = this.history.hasValue()
      ? (this.history.value()?.years ?? [])
      : [];
    return [...years].reverse().find((y) => y.evaluation)?.year ?? null;
  });
  protected readonly detail = rxResource({
    params: () => {
      const year = this.latest();
      return year ? { year, code: this.code() } : undefined;
    },
    stream: ({ params }) => this.api.detail(params.year, params.code),
  });
}
