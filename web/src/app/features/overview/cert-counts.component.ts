import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TPipe } from '../../core/i18n/t.pipe';

/**
 * Certified / reserve counts of the latest certification year. TODO(#8): bind to the
 * certification API of issue 6 when its routes land; until then it says the figure is pending.
 */
@Component({
  selector: 'app-cert-counts',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="kpi"><span class="label">{{ 'overview.certified' | t }}</span><span class="value muted" data-testid="kpi-certified">—</span></div>
    <div class="kpi"><span class="label">{{ 'overview.reserve' | t }}</span><span class="value muted">—</span></div>
  `,
  styles: `
    :host { display: contents; }
  `,
})
export class CertCountsComponent {}
