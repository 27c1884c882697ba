import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
} from '@angular/core';
import type { CertificationOutcome } from '@sci/shared';
import { OUTCOME_COLOR } from '../../core/domain';
import { TPipe } from '../../core/i18n/t.pipe';

/** A certification outcome (认定 / 提升 / 储备 / …) as a coloured tag. */
@Component({
  selector: 'app-outcome',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@if (outcome(); as o) {
      <span
        class="tag"
        [style.color]="color()"
        [style.border-color]="color()"
        [attr.data-outcome]="o"
        >{{ 'outcome.' + o | t }}</span
      >
    } @else {
      <span class="muted">—</span>
    }`,
  styles: `
    .tag {
      display: inline-block;
      padding: 0 6px;
      border: 1px solid;
      border-radius: 3px;
      font-size: 12px;
      line-height: 18px;
      white-space: nowrap;
      background: #fff;
    }
  `,
})
export class OutcomeTagComponent {
  readonly outcome = input<CertificationOutcome | null | undefined>(null);
  protected readonly color = computed(() => {
    const o = this.outcome();
    return o ? OUTCOME_COLOR[o] : '#8c8c8c';
  });
}
