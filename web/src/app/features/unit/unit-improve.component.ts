import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
} from '@angular/core';
import type { ExplainResponse } from '@sci/shared';
import { I18nStore } from '../../core/i18n/i18n.store';
import { TPipe } from '../../core/i18n/t.pipe';

/**
 * Top of the unit page: the points to the next grade and the three classes that cost the most,
 * each with the value that would win them back. The sentences come from the API (shared
 * explainSummary, the run's scheme); this component only picks the language.
 */
@Component({
  selector: 'app-unit-improve',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="card improve" data-testid="unit-improve">
      <h2>{{ 'words.improveTitle' | t }}</h2>
      @if (next(); as n) {
        <p class="next" data-testid="next-grade">{{ n }}</p>
      }
      @if (items().length) {
        <ol>
          @for (i of items(); track i.code) {
            <li [attr.data-class]="i.code">{{ i.text }}</li>
          }
        </ol>
      } @else {
        <p class="muted">{{ 'words.improveNone' | t }}</p>
      }
    </div>
  `,
  styles: `
    .improve h2 {
      margin-bottom: 8px;
    }
    .next {
      font-weight: 600;
      margin: 0 0 8px;
    }
    ol {
      margin: 0;
      padding-left: 20px;
      line-height: 1.8;
    }
  `,
})
export class UnitImproveComponent {
  private readonly i18n = inject(I18nStore);
  readonly explain = input.required<ExplainResponse>();

  private readonly en = computed(() => this.i18n.lang() === 'en');
  protected readonly next = computed(() => {
    const n = this.explain().summary?.nextGrade;
    return n ? (this.en() ? n.text.en : n.text.zh) : null;
  });
  protected readonly items = computed(() =>
    (this.explain().summary?.improvements ?? []).map((i) => ({
      code: i.code,
      text: this.en() ? i.text.en : i.text.zh,
    })),
  );
}
