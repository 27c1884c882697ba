import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TPipe } from '../../core/i18n/t.pipe';

/**
 * The unit's certification status and shortfalls. TODO(#8): bind to the certification API of
 * issue 6 once its routes and types land in @sci/shared; until then it says so.
 */
@Component({
  selector: 'app-unit-certification',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div class="card">
    <h2>{{ 'unit.certTitle' | t }}</h2>
    <div class="muted" data-testid="unit-cert">{{ 'common.notAvailable' | t }}</div>
  </div>`,
})
export class UnitCertificationComponent {
  readonly code = input.required<string>();
}
