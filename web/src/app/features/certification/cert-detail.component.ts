import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  inject,
  input,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { CheckMeasureView, CheckView, LocalizedText } from '@sci/shared';
import { ScorePipe } from '../../core/format/format.pipes';
import { I18nStore } from '../../core/i18n/i18n.store';
import { TPipe } from '../../core/i18n/t.pipe';
import { StateComponent } from '../../ui/state.component';
import { OutcomeTagComponent } from './cert-outcome.component';
import { CertificationApiService } from './certification-api.service';

/** Every check of one unit for a year (and the year before for certified units), in words. */
@Component({
  selector: 'app-cert-detail',
  imports: [
    NgTemplateOutlet,
    ScorePipe,
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
        @let d = res.value()!;
        <div class="head">
          <app-outcome [outcome]="d.recommendation"></app-outcome>
          <span>{{ 'cert.kind.' + d.kind | t }}</span>
          <span class="muted"
            >{{ 'col.composite' | t }} {{ d.composite | score }}</span
          >
        </div>
        <p class="why" data-testid="cert-explanation">
          {{ text(d.explanation) }}
        </p>
        <ng-container
          *ngTemplateOutlet="
            checksTpl;
            context: {
              $implicit: d.checks,
              title: ('cert.checksOf' | t: { year: d.year }),
            }
          "
        ></ng-container>
        @if (d.previousChecks) {
          <ng-container
            *ngTemplateOutlet="
              checksTpl;
              context: {
                $implicit: d.previousChecks,
                title: ('cert.checksOf' | t: { year: d.year - 1 }),
              }
            "
          ></ng-container>
        }
        <ng-template #checksTpl let-checks let-title="title">
          <h3>{{ title }}</h3>
          <table class="checks">
            @for (c of asChecks(checks); track c.code) {
              <tr [class.fail]="!c.pass" [attr.data-check]="c.code">
                <td class="code">{{ c.pass ? '✓' : '✗' }} {{ c.code }}</td>
                <td class="name">{{ text(c.name) }}</td>
                <td>
                  @for (m of c.measures; track m.name) {
                    <div class="measure" [class.bad]="!m.pass">
                      {{ measureText(m) }}
                    </div>
                  }
                </td>
              </tr>
            }
          </table>
        </ng-template>
      </ng-template>
    </app-state>
  `,
  styles: `
    .head {
      display: flex;
      gap: 12px;
      align-items: center;
    }
    .why {
      margin: 8px 0;
      padding: 6px 8px;
      background: #f5f8fc;
      border-left: 3px solid #2b6cb0;
    }
    h3 {
      margin: 12px 0 4px;
      font-size: 13px;
    }
    .checks {
      width: 100%;
      border-collapse: collapse;
    }
    .checks td {
      padding: 4px 6px;
      border-bottom: 1px solid #f0f0f0;
      vertical-align: top;
    }
    .code {
      white-space: nowrap;
      font-weight: 600;
      color: #237804;
      width: 60px;
    }
    tr.fail .code {
      color: #a8071a;
    }
    .name {
      white-space: nowrap;
      width: 90px;
    }
    .measure {
      font-size: 12px;
      color: #434343;
    }
    .measure.bad {
      color: #a8071a;
    }
  `,
})
export class CertDetailComponent {
  private readonly api = inject(CertificationApiService);
  private readonly i18n = inject(I18nStore);
  readonly year = input.required<number>();
  readonly code = input.required<string>();
  protected readonly res = rxResource({
    params: () => ({ year: this.year(), code: this.code() }),
    stream: ({ params }) => this.api.detail(params.year, params.code),
  });

  protected text(t: LocalizedText | null | undefined): string {
    return t ? (this.i18n.isZh() ? t.zh : t.en) : '';
  }

  protected measureText(m: CheckMeasureView): string {
    return (
      this.text(m.text) ||
      `${this.text(m.label)}: ${String(m.value ?? '—')} / ${String(m.threshold)}`
    );
  }

  protected asChecks(v: unknown): CheckView[] {
    return v as CheckView[];
  }
}
