import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
} from '@angular/core';
import type { Grade } from '@sci/shared';
import { gradeColor } from '../core/domain';
import { TPipe } from '../core/i18n/t.pipe';

/** A grade as a solid coloured badge (优秀 / 良好 / 合格 / 待改进), grey when not scored. */
@Component({
  selector: 'app-grade',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span
    class="grade"
    [style.background]="color()"
    [attr.data-grade]="grade() ?? 'none'"
    >{{ grade() ? ('grade.' + grade() | t) : ('common.notScored' | t) }}</span
  >`,
  styles: `
    .grade {
      display: inline-block;
      min-width: 44px;
      padding: 0 6px;
      border-radius: 3px;
      color: #fff;
      font-size: 12px;
      line-height: 20px;
      text-align: center;
      white-space: nowrap;
    }
  `,
})
export class GradeTagComponent {
  readonly grade = input<Grade | null | undefined>(null);
  protected readonly color = computed(() => gradeColor(this.grade()));
}
