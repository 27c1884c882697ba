import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { Flag } from '@sci/shared';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { TPipe } from '../core/i18n/t.pipe';

const SEVERE: ReadonlySet<string> = new Set([
  'VETO',
  'NPL_OVER_TOLERANCE',
  'NO_LOANS',
]);

/** Flags of a result as small tags; hovering one explains it in words. */
@Component({
  selector: 'app-flags',
  imports: [NzTooltipModule, TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@for (f of flags(); track f) {
    <span
      class="flag"
      [class.severe]="severe.has(f)"
      nz-tooltip
      [nzTooltipTitle]="'flagDesc.' + f | t"
      [attr.data-flag]="f"
      >{{ 'flag.' + f | t }}</span
    >
  }`,
  styles: `
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 2px;
    }
    .flag {
      padding: 0 4px;
      border: 1px solid #d9d9d9;
      border-radius: 2px;
      font-size: 11px;
      line-height: 16px;
      color: #595959;
      background: #fafafa;
      white-space: nowrap;
      cursor: help;
    }
    .flag.severe {
      color: #a8071a;
      border-color: #ffa39e;
      background: #fff1f0;
    }
  `,
})
export class FlagTagsComponent {
  readonly flags = input<readonly (Flag | string)[]>([]);
  protected readonly severe = SEVERE;
}
